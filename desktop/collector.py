"""When Python's cycle collector runs: the one place the program decides it.

Start-up imports SQLAlchemy, the models, reportlab and (for the window) PySide6: well over a
hundred thousand objects (135,501 frozen in the window, measured) that live as long as the
process. The collector, triggered every 700 allocations, scans them again and again while they
are being built, and after start-up every full collection scans them once more. So the program
entry (``desktop.cli.run``) pauses the collector while it starts, and ``started`` moves
everything start-up built out of the collector's sight (``gc.freeze``) and resumes it: the
work of the day (scans, imports, print runs) is collected as usual, over fewer objects. The
price: when something start-up built is dropped later (the first database, when the organiser
opens another), reference counting frees it but its cycles stay, once: 3,358 objects for the
demo database, measured.

Code that calls ``desktop.cli.main`` directly (the tests) never paused it, and ``started``
then changes nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def pause_for_startup() -> None:
    """At the program's entry, before its imports."""
    gc.disable()


def started() -> None:
    """Start-up is over (the command's modules are imported; the window shows its database):
    keep what it built out of later collections and resume collecting. Only when
    ``pause_for_startup`` paused it, once."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Pause collection for a burst of allocations that all stay alive until it ends (planning
    10,000 imported rows: the collector would scan them again and again, a third of the time,
    measured); reference counting still frees what is dropped."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
