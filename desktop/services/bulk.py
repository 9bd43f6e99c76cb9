"""Inserting and updating thousands of rows at the speed of the database driver.

SQLAlchemy's executemany (Core or ORM) processes every parameter of every row in Python and,
with RETURNING, falls back to one statement per row on SQLite when the order of the new ids
matters: 10,000 imported people took seconds. Here the ids are reserved first
(``reserve_ids``) and the rows go to the driver's own ``executemany`` with the column types'
bind processors applied once per column, so an import costs what the driver costs.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import UpdateBase

from db.models import Base


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def reserve_ids(s: Session, model: type[Base], n: int) -> list[int]:
    """``n`` new primary keys for ``table``, in increasing order. On SQLite the caller holds
    the write lock (``unit_of_work(immediate=True)``), so nobody else takes them; PostgreSQL
    hands them out from the table's sequence."""
    table = _table(model)
    if n == 0:
        return []
    if s.get_bind().dialect.name == "postgresql":
        rows: list[int] = list(
            s.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"
                ),
                {"t": table.name, "n": n},
            ).scalars()
        )
        return sorted(rows)
    first = (s.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + n))


def insert_rows(s: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (every row with the same keys: column names) in one executemany."""
    if rows:
        table = _table(model)
        _executemany(s, table, table.insert(), list(rows[0]), rows)


def update_rows(s: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Update rows by ``id`` (each dict: ``id`` and the columns to set), one executemany per
    set of columns."""
    table = _table(model)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for names, group in groups.items():
        columns = [n for n in names if n != "id"]
        # Bound as "<column>_" (the column's own name is reserved for the SET clause).
        statement = (
            table.update()
            .where(table.c.id == bindparam("id_"))
            .values({c: bindparam(c + "_") for c in columns})
        )
        renamed = [{k + "_": v for k, v in row.items()} for row in group]
        _executemany(s, table, statement, [n + "_" for n in names], renamed)


def _executemany(
    s: Session,
    table: Table,
    statement: UpdateBase,
    keys: list[str],
    rows: Sequence[dict[str, Any]],
) -> None:
    """``statement`` for every row, through the driver's executemany: each key's values
    converted by its column's bind processor (``key`` is the column's name, or it plus "_")."""
    connection = s.connection()
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    names = list(compiled.positiontup or ()) if compiled.positional else keys
    values = (
        [itemgetter(*names)(r) for r in rows] if len(names) > 1 else [(r[names[0]],) for r in rows]
    )
    columns = list(zip(*values, strict=True))
    for i, name in enumerate(names):
        column = table.c[name.removesuffix("_") if name not in table.c else name]
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            if all(isinstance(v, Hashable) for v in columns[i]):  # repeated ones once
                process = lru_cache(maxsize=1024)(process)
            columns[i] = tuple(map(process, columns[i]))
    params: list[Any] = list(zip(*columns, strict=True))
    if not compiled.positional:
        params = [dict(zip(names, row, strict=True)) for row in params]
    connection.exec_driver_sql(str(compiled), params)
