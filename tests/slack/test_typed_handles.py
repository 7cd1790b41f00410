"""A bare `@handle` typed in Slack names whoever first spoke to govbot under that username, and a ToR file seats its
holders by account (`holder: slack:UBOB`): so a stranger whose username was `bob` was the only match for a typed
`@bob`, and the secretariat's `member add @bob` seated the stranger. A typed handle now reads first among the
group's own people; where it matches only a stranger while one of the group bears a name like it, govbot asks for
Slack's @ menu. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

from urllib.parse import urlencode

from sqlalchemy import select

from bot.models import Identity, Membership, Person
from tests import loaded
from tests.slack.conftest import CHANNEL, Sent, Workspace, slack_terms
from tests.slack.fake_slack import TEAM

CAMHS = "Lead Commissioner for CAMHS"


def as_account(workspace: Workspace, account: str, username: str, text: str) -> Sent:
    """`/gov <text>` from the Slack account `account`, whose username is `username`."""
    body = urlencode({"token": "legacy-unused", "team_id": TEAM, "team_domain": "test", "channel_id": CHANNEL,
                      "channel_name": "cjcg", "user_id": account, "user_name": username, "command": "/gov",
                      "text": text, "api_app_id": "A0GOV", "trigger_id": "1.trigger"})
    return workspace.post(body, workspace.headers(body))


def seated(workspace: Workspace, title: str) -> list[str]:
    """The Slack accounts holding `title` now."""
    with workspace.sessions() as session:
        return list(session.scalars(
            select(Identity.external_id).join(Membership, Membership.person_id == Identity.person_id)
            .where(Membership.seat_title == title, Membership.ended_at.is_(None))))


def load_with_bob_named(workspace: Workspace) -> None:
    """CJCG with bob's seat held by the account UBOB, named `Bob Jones` in the ToR file as an operator would."""
    terms = slack_terms("cjcg").replace("holder: slack:UBOB", 'holder: {id: "slack:UBOB", name: Bob Jones}')
    loaded.load(workspace.sessions, terms, workspace.clock())
    workspace.say("alice", "group bind cjcg")


def test_a_typed_handle_finds_the_group_member_not_a_stranger_of_that_username(workspace: Workspace) -> None:
    load_with_bob_named(workspace)
    workspace.say("bob", "members")  # the seat holder, account UBOB, username bob
    as_account(workspace, "UMALLORY", "bob", "help")  # a stranger who calls himself bob, in another workspace
    said = workspace.say("alice", "member remove @bob").params["text"]
    assert "Bob Jones" in said and "holds no seat" not in said, said
    assert seated(workspace, "Specialist and Complex SEND Placement and HNB Commissioning") == []


def test_a_stranger_bearing_a_members_name_is_not_seated_by_a_typed_handle(workspace: Workspace) -> None:
    load_with_bob_named(workspace)  # bob has not spoken to govbot yet
    as_account(workspace, "UMALLORY", "bob", "help")
    said = workspace.say("sam", f'member add @bob --seat "{CAMHS}" --agreed "minute 4"').params["text"]
    assert "Bob Jones" in said and "@ menu" in said, said
    assert seated(workspace, CAMHS) == []
    # the platform's mention names the account, whatever its username
    said = workspace.say("sam", f'member add <@UMALLORY|bob> --seat "{CAMHS}" --agreed "minute 4"').params["text"]
    assert seated(workspace, CAMHS) == ["UMALLORY"], said


def test_a_strangers_username_never_becomes_a_seat_holders(workspace: Workspace) -> None:
    load_with_bob_named(workspace)
    as_account(workspace, "UMALLORY", "bob", "help")
    workspace.say("bob", "members")
    with workspace.sessions() as session:
        bob = session.scalar(select(Person).join(Identity).where(Identity.external_id == "UBOB"))
        mallory = session.scalar(select(Person).join(Identity).where(Identity.external_id == "UMALLORY"))
        assert bob is not None and mallory is not None and bob.id != mallory.id
        assert bob.display_name == "Bob Jones"


def test_a_mention_typed_by_hand_does_not_rename_a_seat_holder(workspace: Workspace) -> None:
    """Slack escapes a `<@UBOB|dan>` typed by hand, and govbot reads it as a mention: its name renamed bob, seated
    by account and silent so far, to `dan`, so the chair's `member remove @dan` would end bob's seat. A mention
    names the account; the name it carries names only a newcomer."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("carol", "interests --person &lt;@UBOB|dan&gt;")
    said = workspace.say("alice", "member remove @dan").params["text"]
    assert seated(workspace, "Specialist and Complex SEND Placement and HNB Commissioning") == ["UBOB"], said
