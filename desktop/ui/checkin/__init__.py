"""The check-in desk's parts, one job per module: the result card, the chimes, the arrival
display, the scan keys, and the walk-in, void, log and scanner-test dialogs."""
