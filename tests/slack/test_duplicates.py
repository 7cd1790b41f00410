"""Slack delivers some things twice: its retries, a replayed request, a double click. The record changes once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.models import AuditEvent, Ballot, Poll
from tests.slack.conftest import Workspace, buttons, shown, user_id
from tests.slack.fake_slack import Call


@pytest.fixture
def poll_card(workspace: Workspace) -> Call:
    """The CJCG bound to the channel, and the chair's poll posted there with a button per option."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    assert card.method == "chat.postMessage" and "Poll 1 is open" in shown(card)
    workspace.card_noted(card)
    return card


def count(workspace: Workspace, model: type, **where: object) -> int:
    with workspace.sessions() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query) or 0


def test_thirty_concurrent_identical_clicks_cast_one_ballot(workspace: Workspace, poll_card: Call) -> None:
    value, ts = buttons(poll_card)["Civic Centre"], poll_card.answer["ts"]
    replies = len(workspace.fake.of("response_url"))
    with ThreadPoolExecutor(30) as pool:
        sent = list(pool.map(lambda _: workspace.click("bob", value, ts), range(30)))
    assert [s.status for s in sent] == [200] * 30
    answers = workspace.fake.wait_for(lambda: (found := workspace.fake.of("response_url")[replies:])
                                      and len(found) == 30 and found)
    texts = sorted(a.params["text"] for a in answers)
    assert texts.count("Your vote on poll 1 is recorded: Civic Centre.") == 1
    assert texts.count("Your vote on poll 1 is already recorded: Civic Centre.") == 29
    workspace.finish()
    assert count(workspace, Ballot) == 1
    assert count(workspace, AuditEvent, action="ballot.cast") == 1
    card = workspace.fake.of("chat.update")[-1]  # refreshes folded together; the last shows the one vote
    assert card.params["ts"] == ts and "*Civic Centre*\n1 of 1 voted (100%)" in shown(card) and "*Voted*\n1" in shown(card)


def test_a_replayed_request_changes_the_record_once(workspace: Workspace, poll_card: Call) -> None:
    body, _ = workspace.command_body("alice", 'motion "Adopt the joint action plan" --closes "2026-12-31 17:00"')
    headers = workspace.headers(body)
    first, replay = workspace.post(body, headers), workspace.post(body, headers)
    assert (first.status, replay.status) == (200, 200)  # Slack is answered; the replay is ignored
    workspace.finish()
    assert len([c for c in workspace.fake.of("chat.postMessage") if "Motion 2" in c.params["text"]]) == 1
    assert count(workspace, Poll, kind="motion") == 1
    assert count(workspace, AuditEvent, action="motion.proposed") == 1


def test_a_retried_event_is_handled_once(workspace: Workspace) -> None:
    workspace.load("cjcg")
    event = {"type": "app_home_opened", "user": user_id("bob"), "channel": "D0BOB", "tab": "home",
             "event_ts": "1764756000.000100"}
    assert workspace.event(event, event_id="Ev0RETRY").status == 200
    workspace.fake.wait_for(lambda: workspace.fake.of("views.publish"))
    # Slack did not see our 200 in time and retries: a new timestamp and signature, the same event id.
    assert workspace.event(event, event_id="Ev0RETRY", retry=1).status == 200
    assert workspace.event(event, event_id="Ev0RETRY", retry=2).status == 200
    assert workspace.event(event, event_id="Ev0OTHER").status == 200  # a new opening is a new event
    workspace.finish()
    assert len(workspace.fake.of("views.publish")) == 2


def test_a_non_members_click_is_refused_privately_and_casts_nothing(workspace: Workspace, poll_card: Call) -> None:
    updates = len(workspace.fake.of("chat.update"))
    said = workspace.press("zed", buttons(poll_card)["Online"], poll_card.answer["ts"])
    assert said.method == "response_url" and said.params["response_type"] == "ephemeral"
    # zed holds no seat in the confidential CJCG: told nothing of it but its name (ToR 6.7-6.9).
    assert "Children's Joint Commissioning Group is confidential (ToR 6.7-6.9)" in said.params["text"]
    assert ":warning:" in shown(said)
    workspace.finish()
    assert count(workspace, Ballot) == 0
    assert len(workspace.fake.of("chat.update")) == updates  # the card did not change


def test_a_replayed_vote_is_acked_empty_and_counted_once(workspace: Workspace, poll_card: Call) -> None:
    body, _ = workspace.command_body("bob", "vote 1 2")
    headers = workspace.headers(body)
    first, replay = workspace.post(body, headers), workspace.post(body, headers)
    assert "Your vote on poll 1 is recorded: Online." in first.body
    assert (replay.status, replay.body) == (200, "")  # Slack is answered; the person sees nothing twice
    workspace.finish()
    assert count(workspace, Ballot) == 1
    assert count(workspace, AuditEvent, action="ballot.cast") == 1
