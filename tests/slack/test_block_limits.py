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


LONG = "That the group asks the board to fund the respite service for another year from April 2027"


def test_options_alike_in_their_first_words_have_buttons_that_read_differently(workspace: Workspace) -> None:
    """Slack shows 75 characters of a button: two options the same for longer had two buttons reading the same."""
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    card = workspace.say("alice", f'poll "{LONG} (the paper of {LONG.lower()})?" "{LONG}, in full" '
                                  f'"{LONG}, in part" "Neither" --closes "2026-12-08 17:00"')
    labels = [e["text"]["text"] for b in blocks_of(card) if b["type"] == "actions" for e in b["elements"]]
    assert len(set(labels)) == len(labels), labels
    assert labels[0].startswith("1. That the group") and labels[0].endswith("…"), labels
    assert labels[2:] == ["Neither", "Close vote"], "options that read differently keep their own words"
    assert not invalid_blocks("chat.postMessage", card.params)
    heading = blocks_of(card)[0]["text"]["text"]
    assert heading.startswith("Poll 1: That the group") and heading.endswith("…"), "a heading cut says so"
