"""CSCPWG Governance: "The working group will elect a chair at its first meeting who will lead reports back to the
Children and Young People Board." `report done` was refused with "The ToR does not say who may": the chair the group
elected records the report back, on that clause; nobody else, the Senior Adviser included, and no councillor before
the chair is elected (the Senior Adviser presides until then, as for the meeting that elects one)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.test_seeds_y1 import cscpwg_chair_elected_in_january


def test_before_the_election_nobody_records_the_report_and_the_clause_says_why(chat: Chat) -> None:
    chat.now = dt.datetime(2023, 1, 5, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    said = chat.refused("alice", "report done").text  # a councillor, not yet elected chair
    assert said.startswith("Only the chair can record the report (ToR Governance)."), said
    assert "does not say" not in said, said


def test_the_elected_chair_records_the_report_back_and_others_are_refused(chat: Chat) -> None:
    cscpwg_chair_elected_in_january(chat)
    chat.now = dt.datetime(2023, 2, 1, 9, 0, tzinfo=dt.UTC)
    for who in ("bob", "sam"):
        said = chat.refused(who, 'report done "Interim findings"').text
        assert said == "Only the chair can record the report (ToR Governance). Ask alice, the chair.", said
    said = chat.ok("alice", 'report done "Interim findings"').text
    assert said.startswith("Report to Children and Young People Board recorded as made on 1 Feb 2023"), said
    helped = chat.ok("bob", "help report done").as_text()
    assert "Who may record a review or report done: the chair (ToR Governance)." in helped, helped
