"""CJCG 6.2: "It will be chaired by an agreed named member of the group, for an initial term of 12 months." The chair's
term ending is told to those who name the next chair, and on its last day to the channel."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run


def utc(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=dt.UTC)


def test_the_secretariat_and_the_channel_are_told_the_chairs_term_is_ending(chat: Chat,
                                                                            notifier: RecordingNotifier) -> None:
    """alice's term as chair ends on 14 Jan 2027. Only alice was warned, "Plan the renewal or a successor", though
    the administrative support records the next chair; and on the day nobody was told, so the first anyone knew was
    the refusal to open the next meeting."""
    chat.load("cjcg")
    run(chat.sessions, notifier, [utc("2027-01-07"), utc("2027-01-14")])
    ending = [(s.destination.user_id, s.reply.text) for s in notifier.sent if s.reply.title == "Term ending"]
    assert [who for who, _ in ending] == ["alice", "sam"], ending
    assert ending[0][1].endswith("in 7 days. Plan the renewal or a successor: the chair or the secretariat names the "
                                 "chair with `chair @person --agreed \"reference\"` (ToR 6.2). A successor takes the "
                                 "chair on the day they are named, so name them on 15 Jan 2027, the day after this "
                                 "term ends."), ending
    today = [s for s in notifier.sent if s.reply.title == "Chair's term ending"]
    assert len(today) == 1 and today[0].destination.user_id is None, today
    assert today[0].reply.text == (
        "alice's term as chair of Children's Joint Commissioning Group ends today, 14 Jan 2027 (ToR 6.2): from "
        "tomorrow alice no longer opens or chairs its meetings, until named again; the chair or the secretariat names "
        "the chair with `chair @person --agreed \"reference\"` (ToR 6.2).")


def test_a_chair_named_again_before_the_day_hears_nothing_of_an_ending(chat: Chat,
                                                                        notifier: RecordingNotifier) -> None:
    chat.load("cjcg")
    chat.now = utc("2027-01-10")
    chat.ok("sam", 'chair @alice --agreed "meeting 9, minute 2"')
    run(chat.sessions, notifier, [utc("2027-01-14")])
    assert not [s for s in notifier.sent if s.reply.title in ("Term ending", "Chair's term ending")], notifier.sent
