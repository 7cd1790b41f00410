"""Deputies only for members entitled to send one, only people the ToR makes eligible (issue 10: 8)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def test_lga_substitutes_must_be_members_of_the_board_as_the_tor_file_lists(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    refused = chat.refused("dan", "deputy @zack")
    assert refused.text == ("A substitute must be a member of the Children and Young People Board, and zack is not "
                            "recorded as one (ToR Governance). Those listed: vera, wendy. If they should be, ask the operator to add them to "
                            "`deputies.eligible` in the ToR file and import it again with `govbot group import FILE`.")
    # The nominator's word is not enough: there is no --confirm to vouch for them.
    assert "--confirm" in chat.refused("dan", "deputy @zack --confirm").text.replace("`", "")
    assert chat.ok("dan", "deputy @vera").text.startswith("vera is dan's substitute for meeting 1")


def test_the_lga_secretariat_sends_no_substitute(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    refused = chat.refused("sam", "deputy @vera")
    assert refused.text == ("sam attends as secretariat, not as a member; the secretariat and observers are not "
                            "members and have no substitutes (ToR Governance).")


def test_cjcg_deputies_are_those_authorised_to_decide_for_the_member(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    refused = chat.refused("carol", "deputy @olga")
    assert refused.text.startswith("A deputy must be one of the people the ToR file lists, and olga is not recorded "
                                   "as one (ToR 7.2). Those listed: yan, zoe, zed.")
    assert chat.ok("carol", "deputy @yan").text.startswith("yan is carol's deputy for meeting 1")
    # The administrative support holds no member's seat and so names no deputy (6.3, 7.2).
    assert "the secretariat and observers are not members and have no deputies (ToR 7.2)" in \
        chat.refused("sam", "deputy @zoe").text


def test_plpcp_alternates_are_from_the_members_own_sub_region(chat: Chat) -> None:
    chat.load("plpcp")
    refused = chat.refused("bob", "deputy @otto --meeting standing")
    assert refused.text.endswith("Those listed for DCS North London: nadia. If they should be, ask the operator to "
                                 "add them to `deputies.eligible` in the ToR file and import it again with `govbot "
                                 "group import FILE`.")
    assert chat.ok("carol", "deputy @otto --meeting standing").text.startswith("otto is carol's standing alternate")
    assert "only DCS North London" in chat.refused("frank", "deputy @nadia --meeting standing").text


def test_a_confidential_groups_deputy_reads_only_the_meeting_they_attend(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    chat.ok("alice", 'agenda add "Procurement"')
    chat.ok("alice", "meeting schedule 2026-12-17 10:00")
    chat.ok("alice", 'agenda add "Budget" --meeting 2')
    chat.ok("carol", "deputy @yan --meeting 2")
    assert chat.ok("yan", "agenda 2").fields == (("Item 1", "Budget"),)
    refused = chat.refused("yan", "agenda 1")
    assert refused.text == ("Children's Joint Commissioning Group is confidential (ToR 6.7-6.9): as a deputy you see "
                            "the record only of the meeting you attend for a member: meeting 2 (`agenda 2`).")
    assert "Procurement" not in chat.refused("yan", "agenda").text  # the next meeting is meeting 1, not theirs
    for registers in ("interests", "attendance register", "actions", "meetings", "polls", "deputies"):
        assert "not its registers or lists across meetings" in chat.refused("yan", registers).text, registers
    assert chat.ok("yan", "terms").title.startswith("Children's Joint Commissioning Group")
