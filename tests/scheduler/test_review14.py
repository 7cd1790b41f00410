"""CJCG 6.2 sets "an initial term of 12 months" and no more: the warnings of a renewed chair's term ending say its
length is the usual practice, not the clause's, as the renewal's own answer does (bac9360)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run


def utc(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=dt.UTC)


def test_a_renewed_chairs_term_ending_cites_the_clause_for_the_initial_term_only(chat: Chat,
                                                                                notifier: RecordingNotifier) -> None:
    """alice, renewed on 10 Jan 2027 'for a further 12 months, the usual practice', was warned on 7 Jan 2028 that her
    term 'ends on 14 Jan 2028 (ToR 6.2)', and the channel on the day that it 'ends today, 14 Jan 2028 (ToR 6.2)':
    6.2 sets the initial term only, whose end was 14 Jan 2027."""
    chat.load("cjcg")
    chat.now = utc("2027-01-10")
    assert "the usual practice" in chat.ok("sam", 'chair @alice --agreed "meeting 9, minute 2"').text
    run(chat.sessions, notifier, [utc("2028-01-07"), utc("2028-01-14")])
    ending = [s.reply.text for s in notifier.sent if s.reply.title == "Term ending"]
    assert ending and ending[0].startswith(
        "alice's term as chair of Children's Joint Commissioning Group ends on 14 Jan 2028, a renewal for a further 12 "
        "months, the usual practice (the ToR sets only an initial term of 12 months, ToR 6.2), in 7 days."), ending
    today = [s.reply.text for s in notifier.sent if s.reply.title == "Chair's term ending"]
    assert today and today[0].startswith(
        "alice's term as chair of Children's Joint Commissioning Group ends today, 14 Jan 2028, a renewal for a "
        "further 12 months, the usual practice (the ToR sets only an initial term of 12 months, ToR 6.2): from "
        "tomorrow"), today


def test_a_first_chairs_term_ending_still_cites_the_clause(chat: Chat, notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.now = utc("2027-01-16")  # alice's initial term ended on 14 Jan 2027: named again, a new first term
    chat.ok("sam", 'chair @bob --agreed "meeting 9, minute 2"')
    run(chat.sessions, notifier, [utc("2028-01-08")])
    ending = [s.reply.text for s in notifier.sent if s.reply.title == "Term ending"]
    assert ending and ending[0].startswith(
        "bob's term as chair of Children's Joint Commissioning Group ends on 15 Jan 2028 (ToR 6.2), in 7 days."), ending
