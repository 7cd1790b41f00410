"""The App Home tab: each person's own dashboard across their groups."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Clock
from tests.slack.conftest import Workspace, buttons, shown, user_id
from tests.slack.fake_slack import Call


def open_home(workspace: Workspace, person: str, event_id: str) -> Call:
    published = len(workspace.fake.of("views.publish"))
    sent = workspace.event({"type": "app_home_opened", "user": user_id(person), "channel": "D0HOME", "tab": "home",
                            "event_ts": "1764756000.000100"}, event_id=event_id)
    assert sent.status == 200
    return workspace.fake.wait_for(lambda: workspace.fake.of("views.publish")[published:])[0]


def test_the_dashboard_shows_what_waits_for_the_person_looking(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", 'meeting schedule 2026-12-10 14:00 --where "Civic Centre"')
    card = workspace.say("alice", 'poll "Spring away day?" "March" "April" --closes "2026-12-31 17:00"')
    workspace.say("zed", "group info")  # zed has spoken to govbot, so it knows his name
    workspace.say("bob", f"deputy <@{user_id('zed')}|zed> --meeting next")

    home = shown(open_home(workspace, "bob", "Ev0HOME1"))
    assert "Children's Joint Commissioning Group: Specialist and Complex SEND Placement and HNB Commissioning" in home
    assert "meeting 1, Thu 10 Dec 2026, 14:00 GMT, Civic Centre" in home
    assert "poll 1, Spring away day?" in home
    assert "zed deputises for you in Children's Joint Commissioning Group (meeting 1)" in home

    workspace.press("bob", buttons(card)["April"], card.answer["ts"])
    after = shown(open_home(workspace, "bob", "Ev0HOME2"))
    assert "poll 1, Spring away day?" not in after  # voted: no longer waiting for bob


def test_someone_without_a_seat_is_welcomed(workspace: Workspace) -> None:
    home = open_home(workspace, "zed", "Ev0HOME3")
    assert home.params["user_id"] == user_id("zed")
    assert "You hold no seat in any group govbot keeps yet" in shown(home)


def test_the_chairs_term_shows_as_ended_once_it_is_over(workspace: Workspace, clock: Clock) -> None:
    """CJCG 6.2 names a chair for 12 months: the dashboard says until when, then that it ended, as `members` does."""
    workspace.load("cjcg")
    assert "chair until 14 Jan 2027" in shown(open_home(workspace, "alice", "Ev0HOME4"))
    clock.now = dt.datetime(2027, 7, 1, 9, 0, tzinfo=dt.UTC)
    home = shown(open_home(workspace, "alice", "Ev0HOME5"))
    assert "chair's term ended 14 Jan 2027 (ToR 6.2)" in home and "chair until" not in home
