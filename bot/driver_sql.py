"""The few statements every vote sends, run on the driver's cursor rather than through SQLAlchemy's execution.

A vote sends five plain statements on the session's connection (the delivery claim, the ballot's read and write, the
audit append, the pace count); on PostgreSQL a first vote three (the claim; the ballot's insert, which takes the audit
chain's lock and goes with the read of its head, bot.pg_chain.head_after; the append, which counts the pace). Through
`Connection.execute` each cost about 34 µs of Python on SQLite for 3 µs of SQLite's own work (and about 100 µs more than
a bare cursor on psycopg): a cache lookup of the compiled form, an execution context, a result object, its metadata and
rows. Here a statement is compiled once for each dialect and set of parameter names, and each run is the driver's
execute with SQLAlchemy's own bind and result processors applied, so the values written and read back are the same. As
SQLAlchemy's execution would, a run tells the connection's statement listeners (tests and benches count statements
there) and raises a driver's error as SQLAlchemy's (`_handle_dbapi_exception`: an OperationalError a command retries, a
lost connection invalidated). A statement this cannot run as written (Python-side defaults, expanding parameters) goes
through `Connection.execute` instead.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

Processor = Callable[[Any], Any] | None


@dataclass
class Plain:
    """A statement as its driver takes it: the SQL, the order of its parameters (None: by name) and their processors,
    and the shape of its rows (their processors read from the driver's first description of them)."""

    sql: str
    order: tuple[str, ...] | None
    binds: tuple[tuple[str, Processor], ...]
    fixed: dict[str, Any]  # parameters with a value of their own (`case(..., else_=0)`), processed already
    types: tuple[Any, ...]
    row: Any  # a namedtuple class, or None for a statement that returns no rows
    results: tuple[Processor, ...] | None = None


# {(statement, dialect, parameter names): its plain form}. By the dialect itself, as SQLAlchemy caches compiled forms
# per engine: the processors are the dialect's. Bounded: statements are the code's own, but tests make many engines.
_plain: dict[tuple[ClauseElement, Dialect, frozenset[str]], Plain | None] = {}
KEPT = 256


def rows(connection: Connection, statement: ClauseElement, params: Mapping[str, Any]) -> Sequence[Any]:
    """Run `statement` with `params` in `connection`'s transaction: its rows (each a tuple whose columns are also
    attributes, with `_asdict()`), empty for a statement that returns none."""
    plain, values = bound(connection, statement, params)
    if plain is None:
        return list(connection.execute(statement, dict(params)))  # type: ignore[call-overload]
    cursor = connection.connection.cursor()
    try:
        if connection._has_events or connection.engine._has_events:
            connection.dispatch.before_cursor_execute(connection, cursor, plain.sql, values, None, False)
        cursor.execute(plain.sql, values)
        return shaped(connection, plain, cursor)
    except connection.dialect.loaded_dbapi.Error as error:
        connection._handle_dbapi_exception(error, plain.sql, values, cursor, None)
        raise  # not reached: SQLAlchemy raises its own
    finally:
        cursor.close()


def bound(connection: Connection, statement: ClauseElement, params: Mapping[str, Any]) -> tuple[Plain | None, Any]:
    """`statement`'s plain form for `connection`'s dialect and the values its driver takes for `params`; (None,
    None) when it must go through SQLAlchemy's execution instead."""
    key = (statement, connection.dialect, frozenset(params))
    if key not in _plain:
        if len(_plain) >= KEPT:
            _plain.clear()
        _plain[key] = compiled(statement, connection, params)
    plain = _plain[key]
    if plain is None:
        return None, None
    values: Any = {name: (params[name] if process is None else process(params[name])) for name, process in plain.binds}
    if plain.fixed:
        values.update(plain.fixed)
    if plain.order is not None:
        values = tuple(values[name] for name in plain.order)
    return plain, values


def shaped(connection: Connection, plain: Plain, cursor: Any) -> Sequence[Any]:
    """The rows `cursor` holds after running `plain`, as `rows` gives them."""
    if plain.row is None:
        return ()
    fetched = cursor.fetchall()
    if plain.results is None:
        plain.results = tuple(kind._cached_result_processor(connection.dialect, column[1])
                              for kind, column in zip(plain.types, cursor.description, strict=True))
    processors, make = plain.results, plain.row._make
    if not any(processors):
        return [make(found) for found in fetched]
    return [make(value if process is None else process(value) for process, value in zip(processors, found, strict=True))
            for found in fetched]


def send(connection: Connection, sql: str) -> None:
    """Send `sql`, a statement without parameters or rows (a savepoint's), as `rows` sends one."""
    cursor = connection.connection.cursor()
    try:
        if connection._has_events or connection.engine._has_events:
            connection.dispatch.before_cursor_execute(connection, cursor, sql, (), None, False)
        cursor.execute(sql)
    except connection.dialect.loaded_dbapi.Error as error:
        connection._handle_dbapi_exception(error, sql, (), cursor, None)
        raise  # not reached: SQLAlchemy raises its own
    finally:
        cursor.close()


def compiled(statement: ClauseElement, connection: Connection, params: Mapping[str, Any]) -> Plain | None:
    """`statement` compiled for `connection`'s dialect with these parameters; None when it needs what only
    SQLAlchemy's execution does (defaults computed in Python, parameters expanded or renamed at run time)."""
    form = statement.compile(dialect=connection.dialect, column_keys=sorted(params))
    assert isinstance(form, SQLCompiler)
    if (form.insert_prefetch or form.update_prefetch or form.literal_execute_params or form.post_compile_params
            or form.escaped_bind_names):
        return None
    processors: dict[str, Processor] = {}
    for name, each in form._bind_processors.items():
        if not callable(each):  # a tuple's processors, one a member: SQLAlchemy's to apply
            return None
        processors[name] = each
    fixed = {}
    for bind, name in form.bind_names.items():
        if name not in params:
            if bind.callable is not None or bind.value is None:
                return None  # a value computed at run time, or one the caller did not give
            given = processors.get(name)
            fixed[name] = bind.value if given is None else given(bind.value)
    keys = [column[0] for column in form._result_columns]
    try:  # each column an attribute by its name, as on SQLAlchemy's rows
        row = namedtuple("Row", keys) if keys else None  # noqa: PYI024
    except ValueError:  # a name no attribute can have
        return None
    binds = tuple((name, processors.get(name)) for name in sorted(set(form.bind_names.values()) & set(params)))
    order = tuple(form.positiontup) if form.positional and form.positiontup is not None else None
    return Plain(form.string, order, binds, fixed, tuple(column[3] for column in form._result_columns), row)
