"""Rules of the workshop day in plain Python: no Qt, no SQLAlchemy."""
