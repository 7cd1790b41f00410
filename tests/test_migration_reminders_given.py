"""Migration 0023_reminders_given: the overdue meeting's reminders the outbox still holds are kept as given, so the
upgrade does not send again one the outbox would forget at its next prune."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from bot.db import alembic_config, make_engine, upgrade

AT = dt.datetime(2027, 1, 13, 9, 0)
CADENCE = "cadence:group:1@2027-02-10"


def test_upgrading_keeps_the_overdue_meetings_reminders_sent_and_downgrading_drops_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'govbot.db'}"
    command.upgrade(alembic_config(url), "0022_beside_left_at")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO groups (id, short_name, name, terms_yaml, created_at) "
                                "VALUES (1, 'cscpwg', 'cscpwg', '', :at)"), {"at": AT})
        for key, kind, reminder in ((f"{CADENCE}:person:1", "cadence", CADENCE),
                                    (f"{CADENCE}:person:2", "cadence", CADENCE),
                                    ("meeting-7d:meeting:3@20270204T1000Z:channel:1", "meeting-7d",
                                     "meeting-7d:meeting:3@20270204T1000Z")):
            connection.execute(text("INSERT INTO outbox (key, group_id, kind, text, due_at, status, attempts, "
                                    "next_attempt_at, reminder, composed) VALUES (:key, 1, :kind, '', :at, 'sent', 1, "
                                    ":at, :reminder, true)"), {"key": key, "kind": kind, "reminder": reminder,
                                                                "at": AT})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert [tuple(r) for r in connection.execute(text("SELECT occurrence, group_id FROM reminders_given"))] == [
            (CADENCE, 1)]
    engine.dispose()
    command.downgrade(alembic_config(url), "0022_beside_left_at")
    engine = make_engine(url)
    with engine.connect() as connection:
        assert "reminders_given" not in inspect(connection).get_table_names()
    engine.dispose()
