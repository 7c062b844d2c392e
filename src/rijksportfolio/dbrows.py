# SPDX-License-Identifier: EUPL-1.2
"""Hand-written SQL for the hottest reads, with the rows as ordinary model instances.

Building a query with the ORM costs roughly a millisecond of Python per query (lookups, joins and the
select list are compiled again on every call). The person card and history are read on every request of
the most used person endpoints and pages (docs/performance.md, "bench web"), so their selectors write the
SQL once instead. What stays the ORM's:

* the select list comes from the model's concrete fields (:class:`ModelColumns`), so it follows the
  migrations; tables and columns are quoted by the backend;
* every value passes through the same converters the ORM applies (backend converters, then the field's
  ``from_db_value``), so dates, decimals and JSON arrive as they would from a queryset, on PostgreSQL and
  SQLite alike;
* instances are made with ``Model.from_db`` (``_state`` as after a queryset read).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections
from django.db.models import Model

DEFAULT_DB = "default"


class ModelColumns[M: Model]:
    """The concrete columns of ``model`` under the table alias ``alias``: the SQL select list and the
    conversion of a slice of a result row into an instance."""

    def __init__(self, model: type[M], alias: str, using: str = DEFAULT_DB) -> None:
        self.model = model
        self.alias = alias
        self.using = using
        self.fields = tuple(model._meta.concrete_fields)
        self.attnames = tuple(f.attname for f in self.fields)
        self.width = len(self.fields)
        self._converters: list[tuple[int, list[Callable[..., Any]], Any]] | None = None

    @property
    def table(self) -> str:
        return str(connections[self.using].ops.quote_name(self.model._meta.db_table))

    @property
    def sql(self) -> str:
        """``"alias"."col1", "alias"."col2", …`` in field order."""
        qn = connections[self.using].ops.quote_name
        return ", ".join(f"{qn(self.alias)}.{qn(str(f.column))}" for f in self.fields)

    def converters(self) -> list[tuple[int, list[Callable[..., Any]], Any]]:
        """Per column that needs any: (index, converters, expression), as ``SQLCompiler.get_converters``."""
        if self._converters is None:
            connection = connections[self.using]
            found = []
            for index, field in enumerate(self.fields):
                col = field.get_col(self.alias)
                convs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
                if convs:
                    found.append((index, convs, col))
            self._converters = found
        return self._converters

    def instance(self, row: Sequence[Any], start: int = 0) -> M | None:
        """The instance held in ``row[start:start + width]``; None when its primary key is NULL (an outer
        join that found nothing)."""
        values = list(row[start : start + self.width])
        if values[0] is None and self.fields[0].primary_key:
            return None
        connection = connections[self.using]
        for index, convs, col in self.converters():
            value = values[index]
            for convert in convs:
                value = convert(value, col, connection)
            values[index] = value
        return self.model.from_db(self.using, self.attnames, values)  # type: ignore[return-value]


def fetchall(sql: str, params: Sequence[Any], using: str = DEFAULT_DB) -> list[tuple[Any, ...]]:
    with _cursor(using) as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def execute(sql: str, params: Sequence[Any], using: str = DEFAULT_DB) -> None:
    """Run a statement that returns no rows (an INSERT), prepared like the reads."""
    with _cursor(using) as cursor:
        cursor.execute(sql, params)


def _cursor(using: str) -> Any:
    """A cursor as ``connection.cursor()`` gives it (query logging, execute wrappers), on PostgreSQL with
    server-side parameter binding: psycopg then prepares a statement executed ``prepare_threshold`` times
    (``DATABASES OPTIONS``, see ``conf/base.py``) and PostgreSQL stops planning it again on every request.
    Django's own cursors bind on the client and are never prepared."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor  # type: ignore[attr-defined]

    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw = ServerBindingCursor(connection.connection)  # type: ignore[call-arg]
    return (
        connection.make_debug_cursor(raw)  # type: ignore[arg-type]
        if connection.queries_logged
        else connection.make_cursor(raw)  # type: ignore[arg-type]
    )
