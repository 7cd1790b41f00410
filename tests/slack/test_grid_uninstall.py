"""An Enterprise Grid organisation that removes govbot org-wide: Slack's `app_uninstalled` and `tokens_revoked` then
name the organisation and no workspace, and every channel bound in that organisation stops, as a workspace's do
when it uninstalls (tests/slack/test_workspaces.py); installing again org-wide restores them. Over real HTTP, signed."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from bot.ports import DeliveryFailed, Destination
from bot.replies import Reply
from bot.settings import Settings
from handlers.slack import SlackNotifier
from tests.slack.conftest import Sent, Workspace
from tests.slack.test_grid import binding, bound_in_org, grid_settings, install_org  # noqa: F401 (fixtures)
from tests.slack.test_install import migrated  # noqa: F401 (fixture)
from tests.slack.test_workspaces import audited

UNINSTALLED = ("govbot was uninstalled from Slack organisation E0ONE (Enterprise Grid); reinstalling it there "
               "restores the channel")


def org_event(workspace: Workspace, event: dict[str, Any], event_id: str, org: str) -> Sent:
    """An event as Slack sends it for an org-wide install: the organisation named, no workspace."""
    body = json.dumps({"token": "legacy-unused", "enterprise_id": org, "api_app_id": "A0GOV", "type": "event_callback",
                       "event": event, "event_id": event_id, "event_time": int(time.time()),
                       "authorizations": [{"enterprise_id": org, "team_id": None, "user_id": "UGOVBOT",
                                           "is_bot": True, "is_enterprise_install": True}],
                       "is_ext_shared_channel": False})
    return workspace.post(body, workspace.headers(body, content_type="application/json"))


def test_an_org_wide_uninstall_stops_the_organisations_channels_and_no_others_until_reinstalled(
        bound_in_org: Workspace, grid_settings: Settings, migrated: Any) -> None:  # noqa: F811
    """CJCG's channel was bound from T0ONEA in E0ONE; E0ONE uninstalling org-wide disabled nothing, and the scheduler
    went on trying the channel with a token Slack had revoked."""
    workspace = bound_in_org
    assert org_event(workspace, {"type": "app_uninstalled"}, "Ev0ORGTWO", "E0TWO").status == 200
    assert org_event(workspace, {"type": "app_uninstalled"}, "Ev0ORGONE", "E0ONE").status == 200
    workspace.fake.wait_for(lambda: audited(workspace.sessions, "channel.disabled"))
    conversation = binding(workspace.sessions)
    assert conversation["disabled"] == {"reason": UNINSTALLED, "at": conversation["disabled"]["at"]}  # type: ignore
    [disabled] = audited(workspace.sessions, "channel.disabled")
    assert disabled["organisation"] == "E0ONE" and disabled["reason"] == UNINSTALLED
    with pytest.raises(DeliveryFailed) as failed:  # the organisation's token is forgotten: nothing more goes out
        SlackNotifier.from_settings(grid_settings, migrated).send(
            Destination("slack", channel_id=str(disabled["channel"]), conversation=conversation), Reply("Hello"))
    assert failed.value.permanent
    install_org(workspace, workspace.fake, "E0ONE")
    workspace.fake.wait_for(lambda: audited(workspace.sessions, "channel.restored"))
    assert binding(workspace.sessions) == {"team_id": "T0ONEA", "enterprise_id": "E0ONE"}


def test_an_org_wide_revoked_bot_token_stops_the_organisations_channels(
        bound_in_org: Workspace) -> None:  # noqa: F811
    workspace = bound_in_org
    revoked = {"type": "tokens_revoked", "tokens": {"bot": ["UGOVBOT"]}}
    assert org_event(workspace, revoked, "Ev0ORGREVOKE", "E0ONE").status == 200
    workspace.fake.wait_for(lambda: audited(workspace.sessions, "channel.disabled"))
    assert "token for Slack organisation E0ONE (Enterprise Grid) was revoked" in binding(workspace.sessions)[
        "disabled"]["reason"]  # type: ignore[index]
