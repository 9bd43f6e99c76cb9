"""Workshop Desk (研習報到台): run a training workshop day on one laptop, offline."""

# The one place the version is written: pyproject.toml reads it from here (a constant, not
# importlib.metadata, which costs every command and the window a noticeable share of start-up).
__version__ = "0.2.0"
