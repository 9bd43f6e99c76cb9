"""Child processes of the kill test: append check-ins, one commit each, and acknowledge them.

Usage: ``python -m tests.reliability.kill_child DB_PATH REGISTRATION_ID``. This process is a
*zygote*: it imports the application once, prints ``ready``, and for every ``go`` line on stdin
forks a worker and prints ``pid <n>``. The worker opens the database through the application's
own ``open_database`` (start-up quick check, migrations check, pragmas) and appends
``check_ins`` rows forever, printing ``ack <id>`` only after each commit returned. The parent
test kills the worker with SIGKILL at a random moment; the zygote reaps it and prints
``dead <n>``, so the parent knows all of that worker's output has arrived. Forking avoids
paying the ~0.5 s import for every kill; each worker still has its own fresh connection.

The insert is written here rather than through the check-in service (built in parallel) but
goes through the same unit of work, engine and pragmas the app uses.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

from sqlalchemy.orm import configure_mappers

from db.models import CheckAction, CheckIn
from desktop.app import open_database


def work(path: str, registration_id: int) -> None:
    db = open_database(path)
    os.write(1, b"open\n")
    while True:
        with db.unit_of_work() as s:
            row = CheckIn(
                registration_id=registration_id,
                action=CheckAction.IN,
                at=dt.datetime.now(),
                desk="kill-test",
                method="test",
            )
            s.add(row)
            s.flush()
            acknowledged = row.id
        # The unit of work has committed (synchronous=FULL): only now is it acknowledged.
        # One short write() to a pipe is atomic, so a kill never leaves half a line.
        os.write(1, f"ack {acknowledged}\n".encode())


def main() -> None:
    path, registration_id = sys.argv[1], int(sys.argv[2])
    configure_mappers()  # once here, not in every worker's first commit
    os.write(1, b"ready\n")
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                work(path, registration_id)
            except BaseException as exc:  # report, never fall back into the loop
                os.write(2, f"worker failed: {exc!r}\n".encode())
            finally:
                os._exit(3)
        os.write(1, f"pid {pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(1, f"dead {pid} {status}\n".encode())


if __name__ == "__main__":
    main()
