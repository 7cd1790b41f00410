"""Reminder planning reads who holds a seat on the group's day, not the UTC date (bot/records/holdings.py). nadia
takes bob's PLPCP seat up on 22 Jun 2027 (PLPCP Membership, a successor chosen ahead): at 00:30 BST that day the
planner still took the UTC date, 21 Jun, and planned nothing of her term (its end warnings, 60, 30 and 7 days
before 21 Jun 2028); a group in Los Angeles had her seated at 17:30 the evening before her first day. Her term's
warnings are over the planning horizon, so the horizon is widened here to show what the planner derives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.identity import Place
from bot.models import Group
from scheduler import plan
from tests import loaded
from tests.conftest import Chat, example
from tests.platform_chats import at

SUCCESSOR = 'member add @nadia --seat "DCS North London" --from 2027-06-22'


def planned(chat: Chat) -> list[str]:
    """The reminders planned for the group at `chat.now` (the delete of the old plan is rolled back)."""
    with chat.sessions() as session:
        ids = list(session.scalars(select(Group.id)))
        rows = plan.planned_rows(session, ids, chat.now, chat.now)
        session.rollback()
    return [row["occurrence"] for row in rows]


def load_in(chat: Chat, zone: str) -> None:
    text = example("plpcp").read_text(encoding="utf-8").replace("timezone: Europe/London", f"timezone: {zone}")
    loaded.load(chat.sessions, text, chat.now, Place("console", chat.channel))


@pytest.fixture(autouse=True)
def wide_horizon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan, "HORIZON", dt.timedelta(days=400))


def test_a_successor_is_planned_for_from_half_past_midnight_bst_on_their_first_day(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    at(chat, "2027-06-21", "22:30")  # 23:30 BST: bob's last evening
    assert not [o for o in planned(chat) if o.startswith("term-") and o.endswith("@2028-06-21")]
    at(chat, "2027-06-21", "23:30")  # 00:30 BST on 22 Jun
    ends = sorted(o.split(":")[0] for o in planned(chat) if o.startswith("term-") and o.endswith("@2028-06-21"))
    assert ends == ["term-30d", "term-60d", "term-7d"], ends


def test_a_successor_in_los_angeles_is_not_planned_for_the_evening_before(chat: Chat) -> None:
    at(chat, "2026-12-01", "09:00")
    load_in(chat, "America/Los_Angeles")
    chat.ok("sam", SUCCESSOR)
    at(chat, "2027-06-22", "06:30")  # 23:30 PDT on 21 Jun
    assert not [o for o in planned(chat) if o.endswith("@2028-06-21")]
    at(chat, "2027-06-22", "07:30")  # 00:30 PDT on 22 Jun
    assert [o for o in planned(chat) if o.startswith("term-60d") and o.endswith("@2028-06-21")]
