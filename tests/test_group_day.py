"""The group's date, not UTC's: times are stored in UTC and computed in the group's zone. At 23:30 UTC on 21 Jun
2027 it is already 00:30 on 22 Jun in London (BST); at 05:30 UTC on 22 Jun it is still 22:30 on 21 Jun in Los
Angeles. A ToR imported then seated its holders from, and ran their terms from, the UTC date; a person's 1:1 chat
said nothing of a seat they take up tomorrow, by their group's calendar; and the dashboard dated a declaration made
at 00:30 BST on the day before."""

from __future__ import annotations

import datetime as dt

from bot.conversation import respond
from bot.identity import Place, Speaker
from bot.replies import Reply
from bot.services.dashboard import home
from tests import loaded
from tests.conftest import Chat, example


def load_in(chat: Chat, short_name: str, zone: str = "Europe/London", *, adopted: bool = True) -> None:
    """Load an example group with its time zone set to `zone` (and, without `adopted`, no adoption date)."""
    text = example(short_name).read_text(encoding="utf-8").replace("timezone: Europe/London", f"timezone: {zone}")
    if not adopted:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("adopted_on:"))
    loaded.load(chat.sessions, text, chat.now, Place("console", chat.channel))


def alone(chat: Chat, who: str, text: str) -> Reply:
    """`who` says `text` in their 1:1 chat with govbot."""
    return respond(chat.sessions, Speaker("console", who, who), Place("console", f"{who}-dm", direct=True), text,
                   chat.now)


def test_a_tor_imported_at_half_past_midnight_bst_seats_its_holders_from_the_london_day(chat: Chat) -> None:
    """PLPCP with no adoption date, imported at 00:30 BST on 22 Jun: bob's twelve months (PLPCP Membership) run
    from 22 Jun 2027 to 21 Jun 2028, not from the UTC date 21 Jun."""
    chat.now = dt.datetime(2027, 6, 21, 23, 30, tzinfo=dt.UTC)
    load_in(chat, "plpcp", adopted=False)
    said = chat.ok("sam", "members").as_text()
    assert "21 Jun 2028" in said and "20 Jun 2028" not in said, said


def test_a_tor_imported_in_a_los_angeles_evening_seats_its_holders_at_once(chat: Chat) -> None:
    """The same group kept in Los Angeles, imported at 22:30 on 21 Jun (05:30 UTC on 22 Jun): bob held his seat
    only from "tomorrow", so was no member of the group he had just been named in; now he holds it from today."""
    chat.now = dt.datetime(2027, 6, 22, 5, 30, tzinfo=dt.UTC)
    load_in(chat, "plpcp", "America/Los_Angeles", adopted=False)
    said = chat.ok("sam", "members").as_text()
    assert "from 22 Jun 2027" not in said and "20 Jun 2028" in said, said
    chat.ok("sam", "meeting schedule 2027-06-21 23:00")
    chat.now = dt.datetime(2027, 6, 22, 6, 0, tzinfo=dt.UTC)  # 23:00 PDT
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")


def test_a_direct_chat_names_the_seat_taken_up_tomorrow_by_the_groups_calendar(chat: Chat) -> None:
    """A Los Angeles PLPCP: nadia is to take bob's seat up on 1 Jul. At 17:30 on 30 Jun (00:30 UTC on 1 Jul) her
    1:1 chat told her she holds no seat, without the day she takes it up (the UTC date made it today)."""
    chat.now = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)
    load_in(chat, "plpcp", "America/Los_Angeles")
    chat.ok("sam", 'member add @nadia --seat "DCS North London" --from 2027-07-01')
    chat.now = dt.datetime(2027, 7, 1, 0, 30, tzinfo=dt.UTC)
    said = alone(chat, "nadia", "members")
    assert said.error and "You take up DCS North London of " in said.text and "on 1 Jul 2027." in said.text, \
        said.text


def test_the_dashboard_dates_a_declaration_by_the_groups_day(chat: Chat) -> None:
    """carol declared an interest at 00:30 BST on 22 Jun; her dashboard listed it as of 21 Jun."""
    chat.now = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)
    load_in(chat, "cjcg")
    chat.now = dt.datetime(2027, 6, 21, 23, 30, tzinfo=dt.UTC)
    chat.ok("carol", 'declare "Shares in a placements provider" --nature financial')
    board = home(chat.sessions, Speaker("console", "carol", "carol"), chat.now).as_text()
    assert "22 Jun 2027: Shares in a placements provider" in board, board


def test_minutes_of_a_morning_meeting_in_auckland_name_the_secretariat_who_took_them(chat: Chat) -> None:
    """A CJCG kept in Auckland, taken on by govbot at 08:00 on 1 Jun 2027 and meeting at 10:00 that morning (22:00
    UTC on 31 May): its minutes said the minute-taker was not recorded, as sam's seat (from 1 Jun) was looked up on
    the UTC date; the secretariat takes the notes (CJCG 6.3)."""
    chat.now = dt.datetime(2027, 5, 31, 20, 0, tzinfo=dt.UTC)
    load_in(chat, "cjcg", "Pacific/Auckland", adopted=False)
    chat.ok("sam", "meeting schedule 2027-06-01 10:00")
    chat.now = dt.datetime(2027, 5, 31, 22, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.now = dt.datetime(2027, 5, 31, 23, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting close")
    said = chat.ok("alice", "minutes").as_text()
    assert "- **Date:** Tuesday 1 June 2027" in said and \
        "- **Minute-taker:** sam — Administrative support (ToR 6.3)" in said, said
