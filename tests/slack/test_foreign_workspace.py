"""A request from a Slack workspace govbot does not serve (not the one its token is for, or not the one that bound
the channel) is refused with a sentence saying where govbot answers, and changes nothing. Over real HTTP, signed."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import session_factory
from bot.models import AuditEvent, ChannelBinding
from tests.slack.conftest import CHANNEL, Clock, Sent, Workspace, buttons, serving, shown
from tests.slack.fake_slack import TEAM, FakeSlack
from tests.slack.test_forms import declaration
from tests.slack.test_install import install, migrated, oauth_mode  # noqa: F401 (fixture)

OTHER = "T0OTHER"


def events(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def from_team(workspace: Workspace, user: str, text: str, team: str, channel: str = CHANNEL) -> Sent:
    body, response_url = workspace.command_body(user, text, channel)
    body = body.replace(f"team_id={TEAM}", f"team_id={team}")
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    return sent


def said(workspace: Workspace, sent: Sent) -> str:
    """The refusal: in the ack, or at the request's response_url when the machine was too slow to answer within
    the ack (seen under load in a full run: the ack was empty, the refusal followed)."""
    assert sent.status == 200, sent
    return str(workspace.reply_to(sent).params["text"])


def test_a_command_from_another_workspace_is_refused_and_changes_nothing(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    before = events(workspace.sessions)
    answer = said(workspace, from_team(workspace, "bob", "declare interest 1 Director of a bidding firm", OTHER))
    assert f"Slack workspace {OTHER}" in answer and TEAM in answer and "nothing was recorded" in answer
    answer = said(workspace, from_team(workspace, "alice", "group bind cjcg", OTHER))
    assert "nothing was recorded" in answer
    workspace.finish()
    assert events(workspace.sessions) == before


def test_a_command_naming_only_an_organisation_is_refused_by_a_single_workspaces_govbot(
        workspace: Workspace) -> None:
    """govbot with one workspace's bot token answers that workspace: a command naming a Grid organisation and no
    workspace passed the check (there was no workspace to compare) and declared bob's interest."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    before = events(workspace.sessions)
    body, response_url = workspace.command_body("bob", "declare interest 1 Director of a bidding firm")
    body = body.replace(f"team_id={TEAM}", "enterprise_id=E0OTHER")
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    answer = said(workspace, sent)
    assert "E0OTHER" in answer and TEAM in answer and "nothing was recorded" in answer
    workspace.finish()
    assert events(workspace.sessions) == before


def test_a_click_from_another_workspace_casts_no_vote(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"')
    workspace.card_noted(card)
    before = events(workspace.sessions)
    click = workspace.click_body("bob", buttons(card)["Online"], card.answer["ts"])
    click["team"], click["user"]["team_id"] = {"id": OTHER}, OTHER
    replies = len(workspace.fake.of("response_url"))
    sent = workspace.interaction(click)
    assert sent.status == 200
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert f"Slack workspace {OTHER}" in refusal.params["text"] and "nothing was recorded" in refusal.params["text"]
    workspace.finish()
    assert events(workspace.sessions) == before
    assert "Online" in shown(card)  # the card is untouched: no refresh was sent for a vote that was not cast
    assert not workspace.fake.of("chat.update")


@pytest.fixture
def two_workspaces(fake: FakeSlack, migrated: Engine, clock: Clock) -> Iterator[Workspace]:  # noqa: F811
    """govbot installed in T0NEW (which binds the CJCG's channel) and in a second workspace, T0SECOND."""
    sessions: sessionmaker[Session] = session_factory(migrated)
    with serving(oauth_mode(fake), sessions, clock, fake) as workspace:
        fake.installed_token = "xoxb-" + secrets.token_hex(12)
        install(workspace, fake)
        workspace.load("cjcg")
        assert from_team(workspace, "alice", "group bind cjcg", "T0NEW").status == 200
        fake.wait_for(lambda: fake.of("chat.postMessage"))
        fake.installed_token, fake.installed_team = "xoxb-" + secrets.token_hex(12), "T0SECOND"
        install(workspace, fake, code="s3c0nd")
        yield workspace


def test_an_installed_workspace_cannot_speak_in_a_channel_another_workspace_bound(two_workspaces: Workspace) -> None:
    workspace = two_workspaces
    before = events(workspace.sessions)
    answer = said(workspace, from_team(workspace, "bob", "declare interest 1 Director of a bidding firm", "T0SECOND"))
    assert "T0NEW" in answer and "T0SECOND" in answer and "nothing was recorded" in answer
    said(workspace, from_team(workspace, "alice", "group bind cjcg", "T0SECOND"))  # nor take the channel over
    # Nor learn, in a channel of its own, that the CJCG (confidential, 6.7-6.9) exists, its name or its officers:
    # `group bind` listed every group loaded, and named the CJCG's chair and secretariat to anyone refused.
    for text in ("group bind nosuch", "group bind cjcg"):
        answer = said(workspace, from_team(workspace, "mallory", text, "T0SECOND", channel="C0SECOND"))
        assert "cjcg" not in answer.replace("'cjcg'", "") and "Children" not in answer, answer
        assert "alice" not in answer and "sam" not in answer, answer
        assert "confidential group is named only to those who sit on it" in answer and "seat you" in answer, answer
    workspace.finish()
    assert events(workspace.sessions) == before
    with workspace.sessions() as session:
        assert session.scalars(select(ChannelBinding)).one().conversation["team_id"] == "T0NEW"


def test_a_form_from_another_workspace_cannot_choose_a_channel_bound_elsewhere(two_workspaces: Workspace) -> None:
    """A form names its channel in what was typed into it, not where the request came from."""
    workspace = two_workspaces
    before = events(workspace.sessions)
    values = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL},
              **declaration("Director of a bidding firm")}
    sent = workspace.interaction({"type": "view_submission", "team": {"id": "T0SECOND"},
                                  "user": {"id": "UBOB", "username": "bob", "team_id": "T0SECOND"},
                                  "view": {"id": "V0FORM", "type": "modal", "callback_id": "gov_declare",
                                           "state": {"values": {b: {"value": s} for b, s in values.items()}}}})
    answer = json.loads(sent.body)
    assert answer["response_action"] == "errors", answer
    assert "T0NEW" in answer["errors"]["channel"] and "nothing was recorded" in answer["errors"]["channel"]
    workspace.finish()
    assert events(workspace.sessions) == before


def test_a_form_or_click_from_another_workspace_is_checked_in_every_channel_it_names(two_workspaces: Workspace) -> None:
    """A form runs in the channel chosen in it: one that also named another channel beside its view (as a click
    does; Slack sends none with a form) had the door check that channel, unbound, and the form then ran in the
    channel chosen, bound by another workspace: T0SECOND's bob declared an interest in the CJCG's channel."""
    workspace = two_workspaces
    before = events(workspace.sessions)
    values = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL},
              **declaration("Director of a bidding firm")}
    sent = workspace.interaction({"type": "view_submission", "team": {"id": "T0SECOND"},
                                  "user": {"id": "UBOB", "username": "bob", "team_id": "T0SECOND"},
                                  "channel": {"id": "C0SECOND", "name": "elsewhere"},
                                  "view": {"id": "V0FORM", "type": "modal", "callback_id": "gov_declare",
                                           "state": {"values": {b: {"value": s} for b, s in values.items()}}}})
    answer = json.loads(sent.body or b"{}")
    assert answer.get("response_action") == "errors", answer
    assert "T0NEW" in answer["errors"]["channel"] and "nothing was recorded" in answer["errors"]["channel"]
    # Nor a click in the CJCG's channel that carries a form's view naming a channel of T0SECOND's own.
    click = workspace.click_body("bob", "declare interest 1 Director of a bidding firm", "1.1")
    click["team"], click["user"]["team_id"] = {"id": "T0SECOND"}, "T0SECOND"
    click["view"] = {"id": "V0FORM", "type": "modal", "callback_id": "gov_declare", "state": {"values": {
        "channel": {"value": {"type": "conversations_select", "selected_conversation": "C0SECOND"}}}}}
    replies = len(workspace.fake.of("response_url"))
    assert workspace.interaction(click).status == 200
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert "T0NEW" in refusal.params["text"] and "nothing was recorded" in refusal.params["text"]
    # Nor a click that names the CJCG's channel only in its container (the click runs there): none was checked.
    del click["view"], click["channel"]
    replies = len(workspace.fake.of("response_url"))
    assert workspace.interaction(click).status == 200
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert "T0NEW" in refusal.params["text"] and "nothing was recorded" in refusal.params["text"]
    workspace.finish()
    assert events(workspace.sessions) == before
