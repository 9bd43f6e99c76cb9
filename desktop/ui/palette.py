"""The few colours that carry meaning on every screen (the rest of the look is
``resources/style.qss``)."""

# What the organiser must look at twice: a refused row, a lost seat, a seating conflict, a
# wrong date.
ALERT = "#B00020"
# A change for the better: a seat given.
GOOD = "#1E6B35"
# The vote projector's budget line and its legend: where the money runs out, not an error.
BUDGET_LINE = "#C1121F"
