"""Words typed in realistic LCIIB meetings for a command govbot has under another name: each refusal now names the
command that does what was meant (suggested, never run)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import Chat


@pytest.mark.parametrize(("who", "text", "expected"), [
    # `present @harry` is the roll taken in the room (`here @harry`): the name needs its @.
    ("sam", "present harry", "Name the person with @ in front (on Slack or Teams, pick them from the @ menu). "
                             "Say `here @harry`."),
    ("sam", "schedule a meeting on 14 jan at 10am", "Did you mean `meeting schedule 14 jan 10am`?"),
    ("sam", "schedule a meeting", "Did you mean `meeting schedule <date> <time>`?"),
    ("alice", "aob", 'Did you mean `agenda add "AOB: the subject"`?'),
    ("dan", "done 1", "Did you mean `action 1 done`?"),
    ("sam", "minutes correct item 1: the board agreed the programme",
     'minute the item again (it replaces its note): `minute "the board agreed the programme" --item 1 --meeting N`'),
])
def test_a_command_typed_in_other_words_is_answered_with_the_command_meant(
        chat: Chat, who: str, text: str, expected: str) -> None:
    """Before: "I don't know 'present'. Did you mean `here`?", "Did you mean `meeting`?", "I don't know 'aob'.",
    "I don't know 'done'.", "The meeting is a number, not 'correct'. Say `minutes`."."""
    chat.load("lciib")
    said = chat.refused(who, text).as_text()
    assert expected in said, said


def test_present_alone_is_here(chat: Chat) -> None:
    """`present`, as a member answers a roll call, records them as `here` does (it was refused, suggesting `here`)."""
    chat.load("lciib")
    said = chat.refused("sam", "present").as_text()
    assert "No meeting is open" in said, said


def reminders(chat: Chat, day: str) -> list[str]:
    from tests.scheduler.conftest import RecordingNotifier, run
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")])
    return [s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder"]


def test_cscpwg_meeting_reminders_say_the_meeting_is_online_for_at_most_90_minutes_and_elects_the_chair(
        chat: Chat) -> None:
    """CSCPWG Operation ("meet virtually for meetings of no more than 90 minutes") and Governance ("will elect a
    chair at its first meeting"): the scheduling reply said online and 90 minutes, but the week's and the day's
    reminders said neither, nor that the first meeting is to elect the chair."""
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, tzinfo=dt.UTC)  # the group operated until 27 Jun 2023 (ToR Operation)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    for day in ("2023-01-31", "2023-02-06"):
        said = reminders(chat, day)
        assert said, day
        assert "online, as the ToR has the group meet virtually (ToR Operation)" in said[0], said[0]
        assert "Length: at most 90 minutes (ToR Operation)." in said[0], said[0]
        assert ("The ToR has the group elect its chair, and none is elected yet (ToR Governance): the chair is to be "
                "elected at this meeting.") in said[0], said[0]


def test_a_meeting_reminder_names_no_chair_election_where_the_chair_is_in_post(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-17 10:00")
    said = reminders(chat, "2026-12-10")
    assert said and "elected at this meeting" not in said[0] and "Length" not in said[0], said
