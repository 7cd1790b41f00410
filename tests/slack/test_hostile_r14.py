"""Round 14 of hostile requests to /slack/events, signed as Slack signs them: what a person in another workspace or
organisation, or a payload Slack shapes unusually, could make govbot do. Over real HTTP; each must be refused and
change nothing."""

from __future__ import annotations

import json
import threading
from urllib.parse import urlencode

from tests.slack.conftest import CHANNEL, Sent, Workspace, buttons, shown, user_id
from tests.slack.test_foreign_workspace import events
from tests.slack.test_forms import declaration
from tests.slack.test_grid import bound_in_org, from_grid, grid_settings  # noqa: F401 (fixtures)
from tests.slack.test_install import migrated  # noqa: F401 (fixture)

FRESH = "CFRESH0001"
DECLARE = "declare interest Director of a bidding firm"
POLL = 'poll "Where shall we meet?" "Civic Centre" "Online" --closes "2026-12-31 17:00"'


def test_a_click_naming_only_another_organisation_casts_no_vote(bound_in_org: Workspace) -> None:  # noqa: F811
    """An org-wide install's interactivity payload may carry `team: null`, the workspace only in `user.team_id`
    (Bolt reads it there), and that too may be absent. A click from organisation E0TWO naming no workspace at all
    passed the check that the channel's organisation (E0ONE) is the one speaking, there being no workspace to
    compare, and cast bob's vote in E0ONE's channel."""
    workspace = bound_in_org
    assert from_grid(workspace, "alice", POLL, "T0ONEA", "E0ONE").status == 200
    card = workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.postMessage")
                                            if "Where shall we meet" in json.dumps(c.params)])[-1]
    workspace.card_noted(card)
    before = events(workspace.sessions)
    click = workspace.click_body("bob", buttons(card)["Online"], card.answer["ts"])
    click.update(team=None, enterprise={"id": "E0TWO", "name": "Two"}, is_enterprise_install=True)
    click["user"]["team_id"] = None
    replies = len(workspace.fake.of("response_url"))
    assert workspace.interaction(click).status == 200
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert "E0ONE" in refusal.params["text"] and "nothing was recorded" in refusal.params["text"], refusal.params
    workspace.finish()
    assert events(workspace.sessions) == before
    assert "Online" in shown(card)


def test_a_click_naming_only_the_channels_own_organisation_still_votes(bound_in_org: Workspace) -> None:  # noqa: F811
    workspace = bound_in_org
    assert from_grid(workspace, "alice", POLL, "T0ONEA", "E0ONE").status == 200
    card = workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.postMessage")
                                            if "Where shall we meet" in json.dumps(c.params)])[-1]
    workspace.card_noted(card)
    click = workspace.click_body("bob", buttons(card)["Online"], card.answer["ts"])
    click.update(team=None, enterprise={"id": "E0ONE", "name": "One"}, is_enterprise_install=True)
    click["user"]["team_id"] = None
    replies = len(workspace.fake.of("response_url"))
    assert workspace.interaction(click).status == 200
    receipt = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert "Your vote on poll 1 is recorded: Online." in receipt.params["text"], receipt.params


def from_org_only(workspace: Workspace, user: str, text: str, org: str, team: str | None = None) -> Sent:
    """`/gov <text>` in channel CFRESH0001 from Grid organisation `org`, naming workspace `team` or (None) no
    workspace at all, signed."""
    fields = {"token": "legacy-unused", **({"team_id": team} if team else {}), "enterprise_id": org,
              "enterprise_name": "Grid Org", "is_enterprise_install": "true", "channel_id": FRESH,
              "channel_name": "fresh", "user_id": user_id(user), "user_name": user, "command": "/gov", "text": text,
              "api_app_id": "A0GOV", "trigger_id": "1.t"}
    body, response_url = workspace.command_body(user, text)
    fields["response_url"] = response_url
    body = urlencode(fields)
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    assert sent.status == 200, sent
    return sent


def refused(workspace: Workspace, sent: Sent) -> str:
    """The private answer to `sent`: in its ack, or at its response_url."""
    return str(workspace.reply_to(sent).params["text"])


def test_a_channel_bound_naming_no_workspace_answers_its_organisation_only(bound_in_org: Workspace) -> None:  # noqa: F811
    """A channel is answered from the workspace (or Grid organisation) that bound it, which its binding keeps. A
    `group bind` naming its organisation and no workspace bound the channel keeping neither, and then every
    workspace and organisation govbot is installed in was answered there: bob, in organisation E0TWO, declared an
    interest in E0ONE's group."""
    workspace = bound_in_org
    workspace.load("lieg")
    from_org_only(workspace, "alice", "group bind lieg", "E0ONE")
    workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.postMessage") if c.params["channel"] == FRESH])
    before = events(workspace.sessions)
    answer = refused(workspace, from_org_only(workspace, "bob", DECLARE, "E0TWO", "T0TWOA"))
    assert "E0ONE" in answer and "nothing was recorded" in answer, answer
    answer = refused(workspace, from_org_only(workspace, "bob", DECLARE, "E0TWO"))
    assert "E0ONE" in answer and "nothing was recorded" in answer, answer
    assert events(workspace.sessions) == before
    from_org_only(workspace, "bob", DECLARE, "E0ONE", "T0ONEB")  # the organisation's own workspaces are answered
    workspace.finish()
    assert events(workspace.sessions) > before


def test_a_form_from_another_organisation_opened_through_the_channels_install_records_nothing(
        bound_in_org: Workspace) -> None:  # noqa: F811
    """Slack marks a modal opened in a Slack Connect channel through another workspace's install with
    `view.app_installed_team_id`, and Bolt reads the request's workspace there: bob, of organisation E0TWO, whose
    typed commands and clicks in E0ONE's channel are refused, declared an interest there through the form."""
    workspace = bound_in_org
    before = events(workspace.sessions)
    sent = declared_through(workspace, "T0TWOA", "E0TWO", "T0ONEA")
    answer = json.loads(sent.body) if sent.body else {}
    assert answer.get("response_action") == "errors", answer
    assert "E0ONE" in answer["errors"]["channel"] and "nothing was recorded" in answer["errors"]["channel"]
    workspace.finish()
    assert events(workspace.sessions) == before


def declared_through(workspace: Workspace, team: str, organisation: str, installed: str) -> Sent:
    """bob, of workspace `team` in Grid `organisation`, submits the declaration form in CHANNEL, the modal opened
    through workspace `installed`'s own install (`view.app_installed_team_id`, which Bolt reads as the workspace)."""
    values = {"channel": {"type": "conversations_select", "selected_conversation": CHANNEL},
              **declaration("Director of a bidding firm")}
    return workspace.interaction({
        "type": "view_submission", "team": {"id": team, "enterprise_id": organisation},
        "enterprise": {"id": organisation, "name": organisation}, "is_enterprise_install": True,
        "user": {"id": user_id("bob"), "username": "bob", "team_id": team},
        "view": {"id": "V0FORM", "type": "modal", "callback_id": "gov_declare", "app_installed_team_id": installed,
                 "state": {"values": {b: {"value": s} for b, s in values.items()}}}})


def test_a_channel_just_bound_refuses_another_organisation_while_its_first_card_is_still_being_posted(
        bound_in_org: Workspace) -> None:  # noqa: F811
    """The binding's workspace and organisation were kept only after Slack had taken the bind's card: while Slack was
    slow to take it, the channel was bound to no one's in particular, and bob of E0TWO was answered there (the full
    suite under load caught it once). They are kept before anything shows the binding."""
    workspace, fake = bound_in_org, bound_in_org.fake
    workspace.load("lieg")
    slow = fake.held["chat.postMessage"] = threading.Event()  # Slack is slow to take the bind's card
    try:
        from_org_only(workspace, "alice", "group bind lieg", "E0ONE")
        fake.wait_for(lambda: fake.holding == 1)
        before = events(workspace.sessions)
        answer = refused(workspace, from_org_only(workspace, "bob", DECLARE, "E0TWO", "T0TWOA"))
        assert "E0ONE" in answer and "nothing was recorded" in answer, answer
        assert events(workspace.sessions) == before
    finally:
        slow.set()
    workspace.finish()
