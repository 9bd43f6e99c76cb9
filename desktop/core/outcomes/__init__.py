"""Every outcome a person can be told, declared once per domain (see ``desktop.core.problems``).

Each module of this package is one domain: a ``WORDS`` ``Domain`` and its outcomes as module
constants. Services import the module (``from desktop.core.outcomes import backup``) and raise
``BackupError(backup.TARGET_EXISTS, path=…)``; a code that travels as data (an import row's
problem, a check-in result) is looked up in its domain's ``WORDS.outcomes``.
"""

from __future__ import annotations

from desktop.core.outcomes import (
    agenda,
    agenda_timer,
    backup,
    checkin,
    checkin_log,
    cli,
    closeday,
    database,
    events,
    exports,
    files,
    group_reports,
    handouts,
    hours,
    importing,
    newevent,
    pins,
    portal,
    registrations,
    requests,
    room,
    security,
    server,
    survey,
    tables,
    vote,
)
from desktop.core.problems import Domain

DOMAINS: dict[str, Domain] = {
    module.WORDS.name: module.WORDS
    for module in (
        agenda,
        agenda_timer,
        backup,
        checkin,
        checkin_log,
        cli,
        closeday,
        database,
        events,
        exports,
        files,
        group_reports,
        handouts,
        hours,
        importing,
        newevent,
        pins,
        portal,
        registrations,
        requests,
        room,
        security,
        server,
        survey,
        tables,
        vote,
    )
}
