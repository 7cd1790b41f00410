"""Rows the ORM flushes to the sealed tables, noted for the next audit event (bot/sealed_rows.py); a row it wrote is
noted with its digest, taken from the object the flush wrote where that holds every column as the record reads it
back, so the event seals it without reading it again (a `here`, a schedule, a declaration: one statement less).

An inserted row, always: no other transaction can change it before the one inserting it commits. An updated row
only on SQLite, where a transaction that writes has had the database to itself since it began (bot.db's BEGIN
IMMEDIATE; a deferred one that others wrote under could not write at all): on PostgreSQL a row read earlier and
updated now may hold, in columns the update left alone, what another replica changed since, which the read after
the update sees, as `audit verify` will."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Integer, SmallInteger, String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.types import TypeEngine

from bot.connections import connection_of
from bot.models import Base, UTCDateTime
from bot.sealed_rows import SEALED, returned, row_digest, touch

Exact = Callable[[Any], bool]  # whether a value held for a column reads back from the record as equal to itself


def exact_for(column_type: TypeEngine[Any]) -> Exact:
    """For the column types whose values come back from both databases as they were written: aware datetimes (UTC
    either way, bot.models.UTCDateTime), dates, whole numbers, booleans and text, each of its own Python type (a
    bool in a number's column reads back as 1). Any other type (JSON, a decimal) is read back as before."""
    kind = type(column_type)
    if isinstance(column_type, UTCDateTime):
        return lambda value: type(value) is dt.datetime and value.tzinfo is not None
    if kind in (Integer, BigInteger, SmallInteger):
        return lambda value: type(value) is int
    if kind is Boolean:
        return lambda value: type(value) is bool
    if kind in (String, Text):
        return lambda value: type(value) is str
    if kind is Date:
        return lambda value: type(value) is dt.date
    return lambda value: False


@cache
def columns_of(model: type[Base]) -> tuple[tuple[str, str, Exact, bool], ...]:
    """(column name, attribute name, `exact_for` its type, whether an insert leaving it unset writes NULL) of each
    column of the model's table: the ORM inserts NULL for a column with no default of either kind, and keeps
    nothing on the object for it."""
    mapper = inspect(model)
    return tuple((column.name, mapper.get_property_by_column(column).key, exact_for(column.type),
                  not column.primary_key and column.default is None and column.server_default is None)
                 for column in mapper.local_table.columns)


def written_row(instance: Base, inserted: bool) -> dict[str, Any] | None:
    """The row `instance` was just written as (`inserted`, or updated), by column, as the record reads it back
    (bot.sealed_rows.digests); None where the object does not hold all of it so (a column the database filled, one
    not loaded or expired, or of another type)."""
    held, row = instance.__dict__, {}
    for column, attribute, exact, null_if_unset in columns_of(type(instance)):
        if attribute not in held and not (inserted and null_if_unset):
            return None
        value = held.get(attribute)
        if value is not None and not exact(value):
            return None
        row[column] = value
    return row


@event.listens_for(Session, "after_flush")
def _note_orm_changes(session: Session, _flush: UOWTransaction) -> None:
    updated_too: bool | None = None  # whether an updated row is sealed from its object: on SQLite (see above)
    for instance, inserted in chain(((i, True) for i in session.new), ((i, False) for i in session.dirty),
                                    ((i, None) for i in session.deleted)):
        table = getattr(instance, "__tablename__", None)
        if table not in SEALED or not isinstance(instance, Base):
            continue
        row_id = int(instance.id)  # type: ignore[attr-defined]
        touch(session, table, [row_id])
        if inserted is False and updated_too is None:
            updated_too = connection_of(session).dialect.name == "sqlite"
        row = written_row(instance, inserted) if inserted or (inserted is False and updated_too) else None
        if row is not None:
            returned(session)[table, row_id] = row_digest(table, row)
