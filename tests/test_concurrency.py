"""Commands racing, on SQLite and PostgreSQL: identical clicks record one ballot, creations take one number each."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from bot.conversation import respond
from bot.replies import Reply
from bot.services.context import Place, Speaker
from tests.conftest import START, cjcg_in_room

ROOM = Place("console", "room")


def thirty_clicks(url: str) -> tuple[list[Reply], Reply]:
    engine, sessions = cjcg_in_room(url, ROOM)

    def say(who: str, words: str) -> Reply:
        return respond(sessions, Speaker("console", who, who), ROOM, words, START + dt.timedelta(minutes=1))

    say("alice", 'poll "Away day venue" "Leigh" "Shoebury" --closes "2026-12-31 17:00"')
    replies: list[Reply] = []
    clicks = [threading.Thread(target=lambda: replies.append(say("bob", "vote 1 Leigh"))) for _ in range(30)]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    results = say("bob", "results 1")
    engine.dispose()
    return replies, results


def assert_one_ballot(replies: list[Reply], results: Reply) -> None:
    assert len(replies) == 30 and not any(r.error for r in replies), [r.text for r in replies if r.error]
    assert sum("is recorded: Leigh" in r.text for r in replies) == 1
    assert dict(results.fields)["Voted"] == "1"


def test_thirty_identical_clicks_record_one_ballot_on_sqlite(tmp_path: Path) -> None:
    assert_one_ballot(*thirty_clicks(f"sqlite:///{tmp_path / 'c.db'}"))


@pytest.mark.postgres
def test_thirty_identical_clicks_record_one_ballot_on_postgresql(postgres_schema_url: str) -> None:
    assert_one_ballot(*thirty_clicks(postgres_schema_url))


def ten_submissions(url: str) -> list[Reply]:
    """The chair submits the same meeting form ten times at once (a double click, a slow connection)."""
    engine, sessions = cjcg_in_room(url, ROOM)
    replies: list[Reply] = []
    alice = Speaker("console", "alice", "alice")
    submits = [threading.Thread(target=lambda: replies.append(
        respond(sessions, alice, ROOM, "meeting schedule 2026-12-10 10:00", START))) for _ in range(10)]
    for submit in submits:
        submit.start()
    for submit in submits:
        submit.join()
    replies.append(respond(sessions, alice, ROOM, "meetings", START))
    engine.dispose()
    return replies


def assert_one_meeting(replies: list[Reply]) -> None:
    *submitted, meetings = replies
    assert sum(r.text == "Meeting 1 scheduled." for r in submitted) == 1, [r.text for r in submitted]
    assert all(r.text.startswith("Meeting 1 is already scheduled") for r in submitted if r.error)
    assert [label for label, _ in meetings.fields] == ["Meeting 1"]


def test_a_meeting_submitted_ten_times_at_once_is_scheduled_once_on_sqlite(tmp_path: Path) -> None:
    assert_one_meeting(ten_submissions(f"sqlite:///{tmp_path / 's.db'}"))


@pytest.mark.postgres
def test_a_meeting_submitted_ten_times_at_once_is_scheduled_once_on_postgresql(postgres_schema_url: str) -> None:
    assert_one_meeting(ten_submissions(postgres_schema_url))


RACERS = 10


def racing_creations(url: str) -> tuple[list[Reply], list[Reply], list[Reply]]:
    """Ten polls, ten meetings and ten actions created at once in one group, as ten chairs' clicks might."""
    engine, sessions = cjcg_in_room(url, ROOM)

    def say(words: str, into: list[Reply]) -> None:
        into.append(respond(sessions, Speaker("console", "alice", "alice"), ROOM, words,
                            START + dt.timedelta(minutes=1)))

    polls: list[Reply] = []
    meetings: list[Reply] = []
    actions: list[Reply] = []
    racers = [threading.Thread(target=say, args=(f'poll "Venue {n}" "Leigh" "Shoebury" --closes "2026-12-31 17:00"', polls))
              for n in range(RACERS)]
    racers += [threading.Thread(target=say, args=(f"meeting schedule 2027-01-{n + 10} 10:00", meetings))
               for n in range(RACERS)]
    racers += [threading.Thread(target=say, args=(f'action "Task {n}"', actions)) for n in range(RACERS)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    engine.dispose()
    return polls, meetings, actions


def assert_numbered_once_each(polls: list[Reply], meetings: list[Reply], actions: list[Reply]) -> None:
    replies = polls + meetings + actions
    assert not any(r.error for r in replies), [r.text for r in replies if r.error]
    assert sorted(r.text for r in polls) == sorted(f"Poll {n} is open." for n in range(1, RACERS + 1))
    assert sorted(r.text for r in meetings) == sorted(f"Meeting {n} scheduled." for n in range(1, RACERS + 1))
    assert sorted(r.text.split(" recorded")[0] for r in actions) == sorted(f"Action {n}" for n in range(1, RACERS + 1))


def test_racing_creations_take_one_number_each_on_sqlite(tmp_path: Path) -> None:
    assert_numbered_once_each(*racing_creations(f"sqlite:///{tmp_path / 'r.db'}"))


@pytest.mark.postgres
def test_racing_creations_take_one_number_each_on_postgresql(postgres_schema_url: str) -> None:
    assert_numbered_once_each(*racing_creations(postgres_schema_url))
