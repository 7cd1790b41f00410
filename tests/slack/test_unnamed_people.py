"""A seat holder who has never spoken to govbot is known only by their Slack account (`holder: slack:USAM`): answers
and cards showed the raw id ("Ask alice or USAM"). Slack shows such a person by name where the message mentions
them (`<@USAM>`), which needs no scope to read profiles. Over signed HTTP, with the fake Slack Web API."""

from __future__ import annotations

import json

from bot.replies import Reply
from handlers.slack.render import MAX_FIELD, blocks
from tests.slack.conftest import Workspace


def test_a_seat_holder_known_only_by_their_slack_account_is_shown_as_slack_names_them(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("alice", "members")  # sam, dan and others have never spoken to govbot
    shown = json.dumps(said.params)
    assert "<@USAM>" in shown, shown
    assert "USAM" not in shown.replace("<@USAM>", ""), shown  # never bare
    assert "<@UALICE>" not in shown and "alice" in shown  # alice spoke: her name, no mention


def test_a_refusal_naming_who_may_act_shows_the_secretariat_by_name_not_by_account(workspace: Workspace) -> None:
    workspace.load("cjcg")
    workspace.say("alice", "group bind cjcg")
    said = workspace.say("erin", "meeting schedule 2027-03-02 10:00")
    assert said.params["text"].endswith("(ToR 6.3). Ask alice or <@USAM>."), said.params
    assert said.params["blocks"][0]["text"]["text"].endswith("Ask alice or <@USAM>."), said.params


def test_a_long_field_is_cut_before_a_mention_never_inside_it() -> None:
    value = "x" * (MAX_FIELD - 12) + " USAM and more"
    [_, section] = blocks(Reply("Members", fields=(("Seat", value),), accounts=("USAM",)))
    shown = section["fields"][0]["text"]
    assert len(shown) <= MAX_FIELD and shown.endswith("…") and "<@" not in shown, shown[-20:]
