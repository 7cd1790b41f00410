"""The vote's statements on the driver's cursor (bot/driver_sql.py) give what SQLAlchemy's execution gives: the same
rows and values, the same errors, every statement seen by statement listeners; one it cannot run itself goes through
SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Engine, Table, bindparam, event, insert, select
from sqlalchemy.exc import IntegrityError

from bot import driver_sql
from bot.db import make_engine
from bot.models import PlatformDelivery
from bot.services.deliveries import CLAIM
from tests.conftest import migrated

DELIVERIES = cast(Table, PlatformDelivery.__table__)
NOW = dt.datetime(2027, 1, 14, 10, 30, 15, 123456, tzinfo=dt.UTC)
SINCE = select(DELIVERIES.c.id, DELIVERIES.c.key, DELIVERIES.c.received_at).where(
    DELIVERIES.c.received_at >= bindparam("since")).order_by(DELIVERIES.c.id)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    url = f"sqlite:///{tmp_path / 'record.db'}"
    migrated(url)  # a copy of a migrated record: these compare ways of running statements, not migrating
    return make_engine(url)


def test_a_claim_and_a_read_give_what_sqlalchemy_gives(engine: Engine) -> None:
    with engine.begin() as connection:
        first = driver_sql.rows(connection, CLAIM["sqlite"], {"platform": "slack", "key": "k1", "now": NOW})
        again = driver_sql.rows(connection, CLAIM["sqlite"], {"platform": "slack", "key": "k1", "now": NOW})
        assert len(first) == 1 and again == []  # claimed once: the retry finds it taken
        ours = driver_sql.rows(connection, SINCE, {"since": NOW - dt.timedelta(minutes=1)})
        theirs = connection.execute(SINCE, {"since": NOW - dt.timedelta(minutes=1)}).all()
    assert [tuple(row) for row in ours] == [tuple(row) for row in theirs] == [(first[0].id, "k1", NOW)]
    assert ours[0].received_at.tzinfo is not None and ours[0]._asdict() == theirs[0]._asdict()


def test_a_broken_constraint_is_sqlalchemys_error_and_listeners_see_each_statement(engine: Engine) -> None:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.split()[0])

    plain = insert(DELIVERIES).values(platform=bindparam("platform"), key=bindparam("key"), received_at=bindparam("at"))
    with engine.begin() as connection:
        driver_sql.rows(connection, plain, {"platform": "teams", "key": "k2", "at": NOW})
        with pytest.raises(IntegrityError):  # as Connection.execute raises it: a command retries on it
            driver_sql.rows(connection, plain, {"platform": "teams", "key": "k2", "at": NOW})
    assert seen.count("INSERT") == 2


def test_a_statement_it_cannot_run_itself_goes_through_sqlalchemy(engine: Engine) -> None:
    keys = select(DELIVERIES.c.key).where(DELIVERIES.c.key.in_(bindparam("keys", expanding=True)))
    with engine.begin() as connection:
        for key in ("a", "b", "c"):
            driver_sql.rows(connection, CLAIM["sqlite"], {"platform": "slack", "key": key, "now": NOW})
        found = driver_sql.rows(connection, keys, {"keys": ["a", "c"]})
    assert sorted(row.key for row in found) == ["a", "c"]
