"""`help review` in a group's channel says the group's own review rule, with its clause: PLPCP and LCIIB "a review
of the ... effectiveness ... should be undertaken after twelve months and these terms of reference should be reviewed
as part of this process" (ToR Review); LIEG annually (6.2); CSCPWG's ToR sets none. It said nothing of the group."""

from __future__ import annotations

import pytest

from tests.conftest import Chat


@pytest.mark.parametrize(("group", "name"), [
    ("plpcp", "Pan-London Placements Commissioning Programme Steering Group"),
    ("lciib", "London Children's Innovation and Improvement Board")])
def test_plpcp_and_lciib_help_review_says_after_twelve_months(chat: Chat, group: str, name: str) -> None:
    chat.load(group)
    helped = chat.ok("bob", "help review").as_text()
    assert f"In {name}: The ToR is reviewed once, 12 months after its adoption (ToR Review)." in helped, helped
    done = chat.ok("bob", "help review done").as_text()
    assert "The ToR is reviewed once, 12 months after its adoption (ToR Review)." in done, done
    # bob may read the rule but not record the review done: only the chair or the secretariat
    chat.refused("bob", "review done")


def test_lieg_help_review_says_annually(chat: Chat) -> None:
    chat.load("lieg")
    helped = chat.ok("bob", "help review").as_text()
    assert "The ToR is reviewed 12 months after its adoption, then every 12 months (ToR 6.2)." in helped, helped


def test_cscpwg_help_review_says_its_tor_sets_none(chat: Chat) -> None:
    chat.load("cscpwg")
    assert "The ToR sets no review." in chat.ok("bob", "help review").as_text()
