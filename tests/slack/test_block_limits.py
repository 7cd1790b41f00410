"""What a member writes cannot make an answer Slack refuses. Slack refuses a whole message when one of its fields is
over 2,000 characters as sent, `&amp;` and all: an interest of the record's 2,000 characters naming "A&E" made the
register of interests (and any list holding it) an answer Slack would not show, to anyone, ever again. Over signed
HTTP, with the fake Slack Web API holding Slack's Block Kit limits."""

from __future__ import annotations

import re

from tests.slack.conftest import Workspace, blocks_of
from tests.slack.fake_slack import invalid_blocks


def as_slack_sends(text: str) -> str:
    """`text` as Slack sends what was typed: `&`, `<` and `>` escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


INTEREST = ("Trustee of the Mid & South Essex A&E charity <unpaid>; " * 40)[:1990].strip("; ")
ACTION = ("Write to the A&E <leads> " * 100)[:1990].strip()


def test_a_register_holding_a_long_interest_with_ampersands_is_still_shown(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("bob", f'declare "{as_slack_sends(INTEREST)}"')

    register = workspace.say("carol", "interests")
    fields = [f["text"] for b in blocks_of(register) if b["type"] == "section" for f in b.get("fields", [])]
    assert not invalid_blocks("response_url", register.params), \
        f"Slack would refuse the register: a field of {max(map(len, fields))} characters"
    bobs = next(text for text in fields if "Trustee of the Mid &amp; South Essex" in text)
    assert bobs.endswith("…"), "a field cut to fit says so"
    assert not re.search(r"&[a-z]{0,3}…$", bobs), "an escape is never cut in half"


def test_an_action_list_with_a_long_action_is_still_shown(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    workspace.say("alice", f'action "{as_slack_sends(ACTION)}"')

    listed = workspace.say("bob", "actions")
    assert not invalid_blocks("response_url", listed.params), "Slack would refuse the list of actions"
    assert "Write to the A&amp;E &lt;leads&gt;" in str(blocks_of(listed))
