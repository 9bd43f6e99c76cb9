"""Every outcome a person can be told, declared once per domain (see ``desktop.core.problems``).

Each module of this package is one domain: a ``WORDS`` ``Domain`` and its outcomes as module
constants. Services import the module (``from desktop.core.outcomes import backup``) and raise
``BackupError(backup.TARGET_EXISTS, path=…)``; a code that travels as data (an import row's
problem, a check-in result) is looked up in its domain's ``WORDS.outcomes``. Nothing here
imports the domains: each is loaded by the code that raises or words its outcomes.
"""
