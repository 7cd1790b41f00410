"""Meetings, polls and actions are numbered 1, 2, 3… in each group, even with several groups in one database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import as_text
from bot.conversation import card
from bot.db import unit_of_work
from bot.models import ActionItem, Group, Meeting, Poll
from bot.payloads import decode
from bot.records import registers
from bot.refs import RecordRef
from bot.replies import Reply
from bot.services import notices
from bot.services.context import Place, Speaker, scheduler_context
from handlers.slack import render as slack
from handlers.teams import render as teams
from tests.conftest import Chat

BOARD, TFG = "board", "tfg"  # the CJCG (chair alice) and its task-and-finish group (chair bob), in one database
BOARD_NAME = "Children's Joint Commissioning Group"


def ok(chat: Chat, who: str, text: str, channel: str) -> Reply:
    reply = chat.say(who, text, channel=channel)
    assert not reply.error, f"{who} in #{channel}: {text!r} was refused: {reply.text}"
    return reply


def commands(reply: Reply) -> list[str]:
    """The commands the reply's buttons run, as they would be typed."""
    return [as_text(button.command) for button in reply.buttons]


def carried(payloads: list[str]) -> list[str]:
    """The commands a platform's buttons carry, as they would be typed."""
    return [as_text(decode(payload)) for payload in payloads]


def card_of(chat: Chat, subject: RecordRef | None, who: str, channel: str) -> Reply | None:
    """The card a platform shows when it refreshes the one posted for `subject`."""
    assert subject is not None, "the reply names no record"
    return card(chat.sessions, Speaker("console", who, who), Place("console", channel), subject, chat.now)


def two_groups(chat: Chat) -> None:
    chat.load("cjcg", channel=BOARD)
    chat.load("cjcg-send-tfg", channel=TFG)


def test_each_group_numbers_its_meetings_and_polls_from_one(chat: Chat) -> None:
    two_groups(chat)
    # Interleaved, so that no group's numbers are the database's ids.
    scheduled = [ok(chat, "alice", "meeting schedule 2026-12-10 10:00", BOARD),
                 ok(chat, "bob", "meeting schedule 2026-12-11 10:00", TFG),
                 ok(chat, "alice", "meeting schedule 2027-01-14 10:00", BOARD),
                 ok(chat, "bob", "meeting schedule 2027-01-15 10:00", TFG)]
    assert [r.text for r in scheduled] == ["Meeting 1 scheduled."] * 2 + ["Meeting 2 scheduled."] * 2
    assert [commands(r) for r in scheduled] == [["apologies --meeting 1"]] * 2 + [["apologies --meeting 2"]] * 2
    for channel in (BOARD, TFG):
        listed = ok(chat, "bob", "meetings", channel)
        assert [label for label, _ in listed.fields] == ["Meeting 1", "Meeting 2"]

    chat.advance(days=9, hours=1)  # 10 December, 10:00
    opened = ok(chat, "alice", "meeting open --confirm", BOARD)
    assert opened.title == f"Meeting 1 of {BOARD_NAME} is open"
    for who in ("bob", "carol"):
        ok(chat, who, "here", BOARD)
    ok(chat, "bob", "meeting open 1 --confirm", TFG)
    ok(chat, "ivy", "here", TFG)

    board_poll = ok(chat, "alice", 'poll "Away day venue" "Leigh" "Shoebury"', BOARD)
    tfg_poll = ok(chat, "bob", 'poll "Framework lead" "Ivy" "Liam"', TFG)
    tfg_motion = ok(chat, "bob", 'motion "That the framework goes to the CJCG"', TFG)
    board_motion = ok(chat, "alice", 'motion "That the away day is in March"', BOARD)
    assert (board_poll.text, tfg_poll.text) == ("Poll 1 is open.", "Poll 1 is open.")
    assert (board_motion.text, tfg_motion.text) == ("Vote open on motion 2.", "Vote open on motion 2.")
    assert board_poll.title == "Poll 1: Away day venue" and (tfg_motion.title or "").startswith("Motion 2: ")
    assert commands(tfg_poll) == ["vote 1 1", "vote 1 2", "poll close 1"]
    assert commands(board_motion) == ["vote 2 for", "vote 2 against", "vote 2 abstain", "poll close 2"]
    # Each platform's buttons carry those commands.
    slack_buttons = [e["value"] for b in slack.blocks(tfg_poll) if b["type"] == "actions" for e in b["elements"]]
    assert carried(slack_buttons) == ["vote 1 1", "vote 1 2", "poll close 1"]
    assert carried([a["data"]["command"] for a in teams.card(tfg_poll)["actions"]]) == ["vote 1 1", "vote 1 2",
                                                                                          "poll close 1"]

    # `vote 1 1` in the task-and-finish group's channel is a vote on its poll 1, not the board's.
    voted = ok(chat, "ivy", "vote 1 1", TFG)
    assert voted.text == "Your vote on poll 1 is recorded: Ivy."
    assert dict(ok(chat, "ivy", "results 1", TFG).fields)["Voted"] == "1"
    assert dict(ok(chat, "bob", "results 1", BOARD).fields)["Voted"] == "0"
    refused = chat.say("alice", "results 3", channel=BOARD)
    assert refused.error and refused.text.startswith(f"There is no poll or motion 3 in {BOARD_NAME}.")
    assert [label for label, _ in ok(chat, "bob", "polls", TFG).fields] == ["Poll 1", "Motion 2"]

    # A posted card is refreshed from its subject (the record's id) and shows the group's number.
    refreshed = card_of(chat, voted.subject, "ivy", TFG)
    assert refreshed is not None and refreshed.title == "Poll 1: Framework lead"
    assert dict(refreshed.fields)["Voted"] == "1" and not refreshed.private
    [with_vote] = voted.cards  # the vote's own transaction read the refreshed card
    assert with_vote == refreshed
    assert card_of(chat, voted.subject, "bob", BOARD) is None  # the subject names a record of another group

    for number in (1, 2):
        ok(chat, "alice", f"poll close {number}", BOARD)
        ok(chat, "bob", f"poll close {number}", TFG)
    ok(chat, "alice", "meeting close", BOARD)
    ok(chat, "bob", "meeting close", TFG)
    minutes = ok(chat, "alice", "meeting minutes", BOARD)
    assert minutes.title == "Draft minutes of meeting 1" and commands(minutes) == ["minutes approve 1"]
    assert minutes.text.startswith(f"# Minutes of {BOARD_NAME}: meeting 1")
    assert "**Poll 1:** Away day venue" in minutes.text and "**Motion 2:** That the away day" in minutes.text
    assert "**Poll 1:** Framework lead" in ok(chat, "bob", "meeting minutes 1", TFG).text
    assert_records_use_numbers(chat.sessions)


def assert_records_use_numbers(sessions: sessionmaker[Session]) -> None:
    """Registers, exports and reminders name meetings and polls by their number in the group too."""
    with unit_of_work(sessions) as session:
        for short_name in ("cjcg", "cjcg-send-tfg"):
            group = session.scalars(select(Group).where(Group.short_name == short_name)).one()
            decisions = registers.register(session, group, "decisions")
            assert [(row[0], row[2]) for row in decisions.rows] == [("1", "1"), ("2", "1")]
            attendance = registers.register(session, group, "attendance")
            assert attendance.headers[1].startswith("Meeting 1 (")
            ctx = scheduler_context(session, group, group.created_at)
            second = session.scalars(select(Meeting).where(Meeting.group_id == group.id, Meeting.number == 2)).one()
            assert second.id != 2 or short_name == "cjcg"
            reminder = notices.meeting_ahead(ctx, second.id)
            assert not isinstance(reminder, str) and reminder.text.startswith("Meeting 2 of ")
            assert "`apologies --meeting 2`" in reminder.text
        polls = session.scalars(select(Poll).order_by(Poll.id)).all()
        assert [(p.group_id, p.number) for p in polls] == [(1, 1), (2, 1), (2, 2), (1, 2)]


def test_each_group_numbers_its_actions_from_one(chat: Chat) -> None:
    two_groups(chat)
    ok(chat, "alice", "meeting schedule 2026-12-10 10:00", BOARD)
    ok(chat, "bob", "meeting schedule 2026-12-10 14:00", TFG)  # the task-and-finish group's meeting 1 is record 2
    chat.advance(days=9, hours=1)  # 10 December, 10:00
    ok(chat, "alice", "meeting open --confirm", BOARD)
    ok(chat, "bob", "meeting open 1 --confirm", TFG)
    # Interleaved, so that no group's numbers are the database's ids.
    recorded = [ok(chat, "alice", 'action "Book the away day"', BOARD),
                ok(chat, "bob", 'action "Draft the framework" --owner @ivy', TFG),
                ok(chat, "bob", 'action "Consult the SEND Forum" --owner @liam', TFG),
                ok(chat, "alice", 'action "Write to the ICB"', BOARD)]
    assert [r.text.split(" recorded")[0] for r in recorded] == ["Action 1", "Action 1", "Action 2", "Action 2"]
    assert [commands(r) for r in recorded] == [["action done 1"]] * 2 + [["action done 2"]] * 2
    assert carried([e["value"] for b in slack.blocks(recorded[1]) if b["type"] == "actions" for e in b["elements"]]) \
        == ["action done 1"]
    assert carried([a["data"]["command"] for a in teams.card(recorded[1])["actions"]]) == ["action done 1"]
    for channel in (BOARD, TFG):
        assert [label for label, _ in ok(chat, "bob", "actions", channel).fields] == ["Action 1", "Action 2"]

    # `action done 1` in the task-and-finish group's channel closes its action 1, not the board's.
    assert ok(chat, "ivy", "action done 1", TFG).text == "Action 1 is done: Draft the framework"
    assert [label for label, _ in ok(chat, "bob", "actions", TFG).fields] == ["Action 2"]
    assert [label for label, _ in ok(chat, "bob", "actions", BOARD).fields] == ["Action 1", "Action 2"]
    refused = chat.say("bob", "action done 3", channel=TFG)
    assert refused.error and refused.text.startswith("There is no action 3 in ")
    with unit_of_work(chat.sessions) as session:
        done = session.scalars(select(ActionItem).where(ActionItem.done_at.is_not(None))).one()
        assert (done.id, done.number, done.text) == (2, 1, "Draft the framework")

    ok(chat, "alice", "meeting close", BOARD)
    ok(chat, "bob", "meeting close", TFG)
    minutes = ok(chat, "bob", "meeting minutes 1", TFG).text
    assert "- **Action 1**: Draft the framework" in minutes and "- **Action 2**: Consult the SEND Forum" in minutes


def test_a_declaration_names_the_meeting_by_its_number(chat: Chat) -> None:
    two_groups(chat)
    ok(chat, "alice", "meeting schedule 2026-12-10 10:00", BOARD)
    ok(chat, "bob", "meeting schedule 2026-12-10 14:00", TFG)  # the task-and-finish group's meeting 1 is record 2
    declared = ok(chat, "ivy", 'declare "My employer bids for the framework" --meeting 1', TFG)
    assert "declared an interest for meeting 1: My employer bids" in declared.text
    assert ok(chat, "liam", "declare none --meeting 1", TFG).text.startswith(
        "Recorded: liam has no interests to declare for meeting 1")
    assert "(meeting 1; declared " in dict(ok(chat, "bob", "interests --meeting 1", TFG).fields)["ivy"]


def test_a_poll_reminder_names_the_poll_by_its_number(chat: Chat) -> None:
    two_groups(chat)
    ok(chat, "alice", 'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-08 17:00"', BOARD)
    ok(chat, "bob", 'poll "Framework lead" "Ivy" "Liam" --closes "2026-12-08 17:00"', TFG)
    ok(chat, "bob", 'poll "Next venue" "Civic Centre" "Online" --closes "2026-12-08 17:00"', TFG)
    with unit_of_work(chat.sessions) as session:
        group = session.scalars(select(Group).where(Group.short_name == "cjcg-send-tfg")).one()
        poll = session.scalars(select(Poll).where(Poll.group_id == group.id, Poll.number == 2)).one()
        assert poll.id == 3
        reminder = notices.poll_reminder(scheduler_context(session, group, chat.now), poll.id)
    assert not isinstance(reminder, str)
    assert reminder.text.startswith("Poll 2 of ") and "`vote 2 <choice>`; `results 2`" in reminder.text


def test_a_refused_command_takes_no_number(chat: Chat) -> None:
    chat.load("cjcg", channel=BOARD)
    assert chat.say("bob", "meeting schedule 2026-12-10 10:00", channel=BOARD).error  # not the chair
    assert chat.say("alice", "meeting schedule 2020-01-01 10:00", channel=BOARD).error  # in the past
    assert ok(chat, "alice", "meeting schedule 2026-12-10 10:00", BOARD).text == "Meeting 1 scheduled."
