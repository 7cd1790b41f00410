"""Migration 0015_cards: Teams' card positions move from a JSON column into the one table Slack already used."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from bot.db import alembic_config, make_engine, upgrade
from tests.test_migrations import schema_drift

AT = dt.datetime(2026, 11, 30, 9, 0)
TEAMS_CHANNEL = "19:cjcg-general@thread.tacv2"
POSTS = {"poll:3": {"conversation": f"{TEAMS_CHANNEL};messageid=17", "activity": "1764500000017"},
         "meeting:2": {"conversation": f"{TEAMS_CHANNEL};messageid=12", "activity": "1764500000012"}}


def cards_after_upgrade(url: str) -> list[tuple[str, str, str, str, str | None]]:
    """A Slack card and two Teams cards as the revision before kept them; the rows of the one table after upgrading."""
    command.upgrade(alembic_config(url), "0015_reminders_scale")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO channel_references (platform, channel_id, reference, posts, updated_at) "
                                "VALUES ('teams', :channel, '{}', :posts, :at)"),
                           {"channel": TEAMS_CHANNEL, "posts": json.dumps(POSTS), "at": AT})
        connection.execute(text("INSERT INTO channel_references (platform, channel_id, reference, posts, updated_at) "
                                "VALUES ('teams', '19:quiet@thread.tacv2', '{}', '{}', :at)"), {"at": AT})
        connection.execute(text("INSERT INTO posted_messages (platform, channel_id, subject, message_ref, posted_at) "
                                "VALUES ('slack', 'C0CJCG', 'poll:3', '1764500000.000100', :at)"), {"at": AT})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(
            "SELECT platform, channel_id, subject, message_ref, conversation FROM posted_messages "
            "ORDER BY platform, subject"))]
        assert "posts" not in {c["name"] for c in inspect(connection).get_columns("channel_references")}
    engine.dispose()
    return rows  # type: ignore[return-value]


MOVED = [("slack", "C0CJCG", "poll:3", "1764500000.000100", None),
         ("teams", TEAMS_CHANNEL, "meeting:2", "1764500000012", f"{TEAMS_CHANNEL};messageid=12"),
         ("teams", TEAMS_CHANNEL, "poll:3", "1764500000017", f"{TEAMS_CHANNEL};messageid=17")]


def downgraded_posts(url: str) -> dict[str, object]:
    """Back to the revision before: Teams' positions folded into the JSON column again, and only Slack's rows left in the table."""
    command.downgrade(alembic_config(url), "0015_reminders_scale")
    engine = make_engine(url)
    with engine.connect() as connection:
        posts = {row.channel_id: row.posts if isinstance(row.posts, dict) else json.loads(row.posts)
                 for row in connection.execute(text("SELECT channel_id, posts FROM channel_references"))}
        platforms = [row.platform for row in connection.execute(text("SELECT platform FROM posted_messages"))]
    engine.dispose()
    assert platforms == ["slack"]
    return posts


def test_teams_card_positions_move_into_the_one_table_and_back_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert cards_after_upgrade(url) == MOVED
    assert downgraded_posts(url) == {TEAMS_CHANNEL: POSTS, "19:quiet@thread.tacv2": {}}
    upgrade(url)
    assert schema_drift(url) == []


@pytest.mark.postgres
def test_teams_card_positions_move_into_the_one_table_and_back_on_postgresql(postgres_schema_url: str) -> None:
    assert cards_after_upgrade(postgres_schema_url) == MOVED
    assert downgraded_posts(postgres_schema_url) == {TEAMS_CHANNEL: POSTS, "19:quiet@thread.tacv2": {}}
    upgrade(postgres_schema_url)
    assert schema_drift(postgres_schema_url) == []
