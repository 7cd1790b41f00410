"""What only Slack shows in a meeting, from signed payloads: binding from the channel, forms and the shortcut, the
meeting's and the motion's cards updated in place, and App Home. The meeting itself, on every platform, is
tests/test_meeting.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from bot.models import Attendance, Ballot, Interest, Meeting, Poll
from tests.slack.conftest import CHANNEL, Workspace, buttons, shown, user_id
from tests.slack.idle import wait_until_idle


def form(user: str, callback_id: str, values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A view_submission as Slack sends it when `user` submits the form with these input states."""
    return {"type": "view_submission", "user": {"id": user_id(user), "username": user},
            "view": {"id": "V0FORM", "type": "modal", "callback_id": callback_id,
                     "state": {"values": {block: {"value": state} for block, state in values.items()}}}}


def channel_state() -> dict[str, Any]:
    return {"type": "conversations_select", "selected_conversation": CHANNEL}


def test_forms_cards_and_app_home_through_a_meeting(workspace: Workspace) -> None:
    fake, clock = workspace.fake, workspace.clock
    workspace.load("cjcg")

    bound = workspace.say("alice", "group bind cjcg")
    assert bound.method == "chat.postMessage" and "now the channel of Children's Joint" in shown(bound)

    # The chair schedules the meeting with the form.
    posted = len(fake.of("chat.postMessage"))
    assert workspace.interaction(form("alice", "gov_schedule", {
        "channel": channel_state(), "date": {"type": "datepicker", "selected_date": "2026-12-03"},
        "time": {"type": "timepicker", "selected_time": "10:00"},
        "where": {"type": "plain_text_input", "value": "Civic Centre"}})).status == 200
    scheduled = fake.wait_for(lambda: fake.of("chat.postMessage")[posted:])[0]
    assert "Thu 3 Dec 2026, 10:00 GMT" in shown(scheduled) and "Civic Centre" in shown(scheduled)

    assert "Item 1 added" in shown(workspace.say("alice", 'agenda add "Joint action plan"'))

    # Bob opens the declaration form from the shortcut, then submits it.
    assert workspace.interaction({"type": "shortcut", "callback_id": "gov_declare",
                                  "user": {"id": user_id("bob"), "username": "bob"}}).status == 200
    opened = fake.wait_for(lambda: fake.of("views.open"))[0]
    assert opened.params["view"]["callback_id"] == "gov_declare"
    posted = len(fake.of("chat.postMessage"))
    workspace.interaction(form("bob", "gov_declare", {
        "channel": channel_state(),
        "description": {"type": "plain_text_input", "value": "My employer bids for this contract"},
        "nature": {"type": "static_select", "selected_option": {"value": "pecuniary"}},
        "meeting": {"type": "number_input", "value": None}, "item": {"type": "number_input", "value": "1"}}))
    declared = fake.wait_for(lambda: fake.of("chat.postMessage")[posted:])[0]
    assert "bob declared an interest (pecuniary) on item 1" in shown(declared)

    clock.now = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
    roll_call = workspace.say("alice", "meeting open --confirm")
    # The meeting's card, posted when it was scheduled, now shows the roll call.
    assert roll_call.method == "chat.update" and roll_call.params["ts"] == scheduled.answer["ts"]
    assert "Meeting 1 of Children's Joint Commissioning Group is open" in shown(roll_call)
    for member in ("bob", "carol", "dan"):
        before = len(workspace.fake.calls)
        assert workspace.click(member, buttons(roll_call)["Here"], roll_call.answer["ts"]).status == 200
        said = workspace.fake.wait_for(lambda: next((c for c in workspace.fake.calls[before:]  # noqa: B023
                                                     if c.method == "chat.postMessage"), None))
        assert f"{member} is present" in shown(said)
    # The meeting's card follows the roll call.
    card_now = workspace.fake.wait_for(lambda: next((c for c in reversed(workspace.fake.of("chat.update"))
                                                     if c.params["ts"] == scheduled.answer["ts"]
                                                     and "dan" in shown(c)), None))
    assert "bob" in shown(card_now) and "carol" in shown(card_now) and "quorate" in shown(card_now)

    wait_until_idle(changed=workspace.fake.changed)  # the roll card's last refresh is sent before the motion's card
    card = workspace.say("alice", 'motion "Approve the joint action plan" --item 1')
    assert card.method == "chat.postMessage"
    card_ts = card.answer["ts"]
    assert set(buttons(card)) == {"For", "Against", "Abstain", "Close vote"}
    for member, choice in (("bob", "For"), ("carol", "For"), ("dan", "Against")):
        updates = len(fake.of("chat.update"))
        sent = workspace.click(member, buttons(card)[choice], card_ts)
        assert f"recorded: {choice}" in shown(workspace.reply_to(sent))
        # The vote card is refreshed; the meeting's card may be refreshed beside it, in either order.
        refreshed = fake.wait_for(lambda n=updates: next((c for c in fake.of("chat.update")[n:]
                                                          if c.params["ts"] == card_ts), None))
    assert "*For*\n2 of 3 voted (67%)" in shown(refreshed) and "*Against*\n1 of 3 voted (33%)" in shown(refreshed)
    assert "Voted*\n3" in shown(refreshed)

    updates = len(fake.of("chat.update"))
    workspace.click("alice", buttons(card)["Close vote"], card_ts)
    closed = fake.wait_for(lambda: next((c for c in fake.of("chat.update")[updates:]
                                         if c.params["ts"] == card_ts), None))
    assert "Motion 1 is closed: carried" in shown(closed)
    assert buttons(closed) == {}

    assert "meeting 1 closed" in shown(workspace.say("alice", "meeting close"))

    # Bob's App Home: his seat and term, and the declaration he made.
    assert workspace.event({"type": "app_home_opened", "user": user_id("bob"), "channel": "D0BOB", "tab": "home",
                            "event_ts": "1764756000.000100"}, event_id="Ev0HOME1").status == 200
    home = fake.wait_for(lambda: fake.of("views.publish"))[0]
    assert home.params["user_id"] == user_id("bob")
    dashboard = shown(home)
    assert "Children's Joint Commissioning Group: Specialist and Complex SEND Placement" in dashboard
    assert "My employer bids for this contract (pecuniary)" in dashboard

    with workspace.sessions() as session:
        poll = session.scalars(select(Poll)).one()
        assert poll.outcome and poll.outcome.startswith("carried")
        assert len(session.scalars(select(Ballot)).all()) == 3
        present = {a.member_id for a in session.scalars(select(Attendance)) if a.status == "present"}
        assert len(present) == 4  # the chair and the three who clicked Here
        assert session.scalars(select(Interest)).one().nature == "pecuniary"
        assert session.scalars(select(Meeting)).one().status == "closed"

