"""Enterprise Grid and Slack Connect: a channel bound to a group answers the workspace it was bound from or, when
that workspace is in an Enterprise Grid organisation, that organisation's workspaces. Another organisation with
govbot installed, sharing the channel over Slack Connect, is refused with a sentence saying why. Over real HTTP,
signed, with the payloads Slack sends an org-wide install (`enterprise_id`, `is_enterprise_install`)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import session_factory
from bot.models import ChannelBinding
from bot.ports import Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from tests.slack.conftest import CHANNEL, Clock, Sent, Workspace, buttons, serving, shown, user_id
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_foreign_workspace import events, from_team
from tests.slack.test_install import install, migrated, oauth_mode  # noqa: F401 (fixture)

DECLARE = "declare interest 1 Director of a bidding firm"


def from_grid(workspace: Workspace, user: str, text: str, team: str, org: str) -> Sent:
    """`/gov <text>` as Slack sends it from a workspace of an Enterprise Grid organisation with an org-wide install."""
    n = secrets.token_hex(4)
    response_url = workspace.fake.url.removesuffix("api/") + f"response/{n}"
    body = urlencode({"token": "legacy-unused", "team_id": team, "team_domain": "grid", "enterprise_id": org,
                      "enterprise_name": "Grid Org", "is_enterprise_install": "true", "channel_id": CHANNEL,
                      "channel_name": "cjcg", "user_id": user_id(user), "user_name": user, "command": "/gov",
                      "text": text, "api_app_id": "A0GOV", "response_url": response_url, "trigger_id": f"{n}.t"})
    sent = workspace.post(body, workspace.headers(body))
    sent.response_url = response_url
    return sent


def said(sent: Sent) -> str:
    assert sent.status == 200, sent
    return str(json.loads(sent.body)["text"]) if sent.body else ""


def binding(sessions: sessionmaker[Session]) -> dict[str, object]:
    with sessions() as session:
        return dict(session.scalars(select(ChannelBinding)).one().conversation or {})


def install_org(workspace: Workspace, fake: FakeSlack, org: str) -> None:
    fake.installed_token, fake.installed_org = "xoxb-" + secrets.token_hex(12), org
    install(workspace, fake, code=secrets.token_hex(4))


@pytest.fixture
def bound_in_workspace(fake: FakeSlack, migrated: Engine, clock: Clock) -> Iterator[Workspace]:  # noqa: F811
    """CJCG bound from T0NEW (a workspace of no Grid organisation); Grid organisation E0OTHER installed org-wide."""
    with serving(oauth_mode(fake), session_factory(migrated), clock, fake) as workspace:
        fake.installed_token = "xoxb-" + secrets.token_hex(12)
        install(workspace, fake)
        workspace.load("cjcg")
        assert from_team(workspace, "alice", "group bind cjcg", "T0NEW").status == 200
        fake.wait_for(lambda: fake.of("chat.postMessage"))
        install_org(workspace, fake, "E0OTHER")
        yield workspace


def test_another_grid_organisation_in_a_shared_channel_is_refused(bound_in_workspace: Workspace) -> None:
    workspace = bound_in_workspace
    before = events(workspace.sessions)
    answer = said(from_grid(workspace, "bob", DECLARE, "T0GRID", "E0OTHER"))
    assert "T0NEW" in answer and "T0GRID" in answer and "nothing was recorded" in answer, answer
    answer = said(from_grid(workspace, "alice", "group bind cjcg", "T0GRID", "E0OTHER"))  # nor take it over
    assert "nothing was recorded" in answer, answer
    workspace.finish()
    assert events(workspace.sessions) == before
    assert binding(workspace.sessions) == {"team_id": "T0NEW"}


@pytest.fixture
def grid_settings(fake: FakeSlack) -> Settings:
    return oauth_mode(fake)


@pytest.fixture
def bound_in_org(fake: FakeSlack, migrated: Engine, clock: Clock,  # noqa: F811
                 grid_settings: Settings) -> Iterator[Workspace]:
    """Grid organisations E0ONE and E0TWO install govbot org-wide; CJCG is bound from T0ONEA, in E0ONE."""
    with serving(grid_settings, session_factory(migrated), clock, fake) as workspace:
        install_org(workspace, fake, "E0ONE")
        workspace.load("cjcg")
        assert from_grid(workspace, "alice", "group bind cjcg", "T0ONEA", "E0ONE").status == 200
        fake.wait_for(lambda: binding(workspace.sessions).get("team_id"))
        install_org(workspace, fake, "E0TWO")
        yield workspace


def test_a_channel_bound_in_a_grid_organisation_keeps_the_organisation(bound_in_org: Workspace) -> None:
    assert binding(bound_in_org.sessions) == {"team_id": "T0ONEA", "enterprise_id": "E0ONE"}


def test_the_binding_organisations_other_workspaces_are_answered(bound_in_org: Workspace) -> None:
    workspace = bound_in_org
    before = events(workspace.sessions)
    answer = said(from_grid(workspace, "bob", DECLARE, "T0ONEB", "E0ONE"))
    assert "nothing was recorded" not in answer
    workspace.finish()
    assert events(workspace.sessions) > before


def test_another_organisation_is_refused_naming_the_one_that_bound_the_channel(bound_in_org: Workspace) -> None:
    workspace = bound_in_org
    before = events(workspace.sessions)
    answer = said(from_grid(workspace, "bob", DECLARE, "T0TWOA", "E0TWO"))
    assert "E0ONE" in answer and "E0TWO" in answer and "nothing was recorded" in answer, answer
    assert "Enterprise Grid" in answer
    workspace.finish()
    assert events(workspace.sessions) == before
    assert binding(workspace.sessions) == {"team_id": "T0ONEA", "enterprise_id": "E0ONE"}


def test_a_click_from_another_organisation_casts_no_vote(bound_in_org: Workspace) -> None:
    workspace = bound_in_org
    sent = from_grid(workspace, "alice", 'poll "Where shall we meet?" "Civic Centre" "Online" --closes '
                                         '"2026-12-31 17:00"', "T0ONEA", "E0ONE")
    assert sent.status == 200
    card = workspace.fake.wait_for(lambda: [c for c in workspace.fake.of("chat.postMessage")
                                            if "Where shall we meet" in json.dumps(c.params)])[-1]
    workspace.card_noted(card)
    before = events(workspace.sessions)
    click = workspace.click_body("bob", buttons(card)["Online"], card.answer["ts"])
    click.update(team={"id": "T0TWOA", "enterprise_id": "E0TWO"}, enterprise={"id": "E0TWO", "name": "Two"},
                 is_enterprise_install=True)
    click["user"]["team_id"] = "T0TWOA"
    replies = len(workspace.fake.of("response_url"))
    assert workspace.interaction(click).status == 200
    refusal = workspace.fake.wait_for(lambda: workspace.fake.of("response_url")[replies:])[0]
    assert "E0ONE" in refusal.params["text"] and "nothing was recorded" in refusal.params["text"]
    workspace.finish()
    assert events(workspace.sessions) == before
    assert "Online" in shown(card)


def test_a_reminder_reaches_a_channel_bound_in_a_grid_organisation_with_its_token(
        bound_in_org: Workspace, grid_settings: Settings, migrated: Engine) -> None:  # noqa: F811
    """The scheduler posts with the token of the binding's organisation (installed org-wide, for no one workspace):
    looked up by workspace alone, it was 'not installed', and the channel's reminders were set aside for good."""
    conversation = binding(bound_in_org.sessions)
    SlackNotifier.from_settings(grid_settings, migrated).send(
        Destination("slack", channel_id=CHANNEL, conversation=conversation), Reply("Meeting 1 is tomorrow."))
    posted = bound_in_org.fake.of("chat.postMessage")[-1]
    assert posted.params["text"].startswith("Meeting 1 is tomorrow") and posted.token in bound_in_org.fake.orgs
    assert bound_in_org.fake.orgs[posted.token] == "E0ONE"


def test_a_channel_bound_in_a_grid_workspace_before_organisations_were_kept_learns_its_organisation(
        bound_in_org: Workspace) -> None:
    """A binding made before the organisation was kept holds only its workspace. bob, in the same organisation's
    other workspace, was answered before; he was refused from then on, as if from another organisation, and
    nothing ever put the organisation in. The binding's own workspace, speaking from its organisation, does."""
    workspace = bound_in_org
    with workspace.sessions() as session, session.begin():  # as a binding kept before this release
        session.scalars(select(ChannelBinding)).one().conversation = {"team_id": "T0ONEA"}
    assert "nothing was recorded" not in said(from_grid(workspace, "alice", "members", "T0ONEA", "E0ONE"))
    assert binding(workspace.sessions) == {"team_id": "T0ONEA", "enterprise_id": "E0ONE"}
    before = events(workspace.sessions)
    answer = said(from_grid(workspace, "bob", DECLARE, "T0ONEB", "E0ONE"))
    assert "nothing was recorded" not in answer, answer
    workspace.finish()
    assert events(workspace.sessions) > before


def test_a_grid_workspace_refused_by_a_channel_bound_before_organisations_were_kept_hears_what_fixes_it(
        bound_in_org: Workspace) -> None:
    """Until the workspace that bound the channel speaks again, the organisation's other workspaces are refused; the
    refusal said only that the channel answers T0ONEA, and bob could not know that one /gov from T0ONEA would do."""
    workspace = bound_in_org
    with workspace.sessions() as session, session.begin():  # as a binding kept before this release
        session.scalars(select(ChannelBinding)).one().conversation = {"team_id": "T0ONEA"}
    before = events(workspace.sessions)
    answer = said(from_grid(workspace, "bob", DECLARE, "T0ONEB", "E0ONE"))
    assert answer == (
        "This channel's group was bound from Slack workspace T0ONEA, and this came from Slack workspace T0ONEB: "
        "nothing was recorded. govbot answers this channel from T0ONEA only; a group of your own workspace needs a "
        "channel there (`/gov group bind <group>`). If T0ONEA is a workspace of your Enterprise Grid organisation, "
        "someone in T0ONEA need only use /gov in this channel once; govbot then answers your organisation's other "
        "workspaces here too.")
    assert "nothing was recorded" in said(from_grid(workspace, "bob", "group bind cjcg", "T0ONEB", "E0ONE"))
    assert "nothing was recorded" not in said(from_grid(workspace, "carol", "members", "T0ONEA", "E0ONE"))
    assert "nothing was recorded" not in said(from_grid(workspace, "bob", DECLARE, "T0ONEB", "E0ONE"))
    workspace.finish()
    assert events(workspace.sessions) > before
