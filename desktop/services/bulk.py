"""Inserting thousands of rows at the speed of the database driver.

SQLAlchemy's executemany (Core or ORM) processes every parameter of every row in Python and,
with RETURNING, falls back to one statement per row on SQLite when the order of the new ids
matters: 10,000 imported people took seconds. Here the ids are reserved first
(``reserve_ids``) and the rows go to the driver's own ``executemany`` with the column types'
bind processors applied once per column, so an import costs what the driver costs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session


def reserve_ids(s: Session, table: Table, n: int) -> list[int]:
    """``n`` new primary keys for ``table``, in increasing order. On SQLite the caller holds
    the write lock (``unit_of_work(immediate=True)``), so nobody else takes them; PostgreSQL
    hands them out from the table's sequence."""
    if n == 0:
        return []
    if s.get_bind().dialect.name == "postgresql":
        rows = s.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": n},
        ).scalars()
        return sorted(rows)
    first = (s.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + n))


def insert_rows(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (every row with the same keys: column names) in one executemany."""
    if not rows:
        return
    connection = s.connection()
    dialect = connection.dialect
    names = list(rows[0])
    processors: list[Callable[[Any], Any] | None] = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    columns = [list(r[name] for r in rows) for name in names]
    for i, process in enumerate(processors):
        if process is not None:
            columns[i] = [process(v) for v in columns[i]]
    compiled = table.insert().compile(dialect=dialect, column_keys=names)
    if compiled.positional:
        order = [names.index(key) for key in compiled.positiontup or ()]
        params: list[Any] = [tuple(row[i] for i in order) for row in zip(*columns, strict=True)]
    else:
        params = [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
    connection.exec_driver_sql(str(compiled), params)
