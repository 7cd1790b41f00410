"""A second read of attacks14's Slack organisation checks, over signed HTTP: a form from another organisation, opened
through the install of the workspace that bound the channel, must neither act there nor teach the binding its
organisation."""

from __future__ import annotations

import json

from tests.slack.conftest import Workspace
from tests.slack.test_foreign_workspace import events
from tests.slack.test_grid import binding, bound_in_workspace  # noqa: F401 (fixture)
from tests.slack.test_hostile_r14 import declared_through
from tests.slack.test_install import migrated  # noqa: F401 (fixture)


def test_a_form_from_another_organisation_through_the_binding_workspaces_install_is_refused(
        bound_in_workspace: Workspace) -> None:  # noqa: F811
    """CJCG 6.7-6.9 (confidential, not open to the public or providers): the channel is bound from T0NEW, a workspace
    of no Grid organisation. bob, of organisation E0OTHER sharing the channel over Slack Connect, sends the declare
    form opened through T0NEW's own install (`view.app_installed_team_id`, which Bolt reads as the request's
    workspace). The door took T0NEW as speaking, saw a Grid organisation named, and kept E0OTHER as the channel's own
    ("bound before its organisation was kept"); bob's own workspace then passed as one of that organisation's, his
    declaration was recorded, and every E0OTHER workspace was answered in the channel from then on."""
    workspace = bound_in_workspace
    before = events(workspace.sessions)
    sent = declared_through(workspace, "T0GRID", "E0OTHER", "T0NEW")
    answer = json.loads(sent.body) if sent.body else {}
    workspace.finish()
    assert binding(workspace.sessions) == {"team_id": "T0NEW"}
    assert answer.get("response_action") == "errors", answer
    assert "T0NEW" in answer["errors"]["channel"] and "nothing was recorded" in answer["errors"]["channel"], answer
    assert events(workspace.sessions) == before
