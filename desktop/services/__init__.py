"""Use cases: each opens a unit of work, calls the rules in ``desktop.core``, commits, and
returns plain frozen dataclasses (never live ORM objects) to the CLI and the window."""
