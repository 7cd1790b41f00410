"""What someone who holds no seat is told when they say `here`. PLPCP Membership, "Each DCS will nominate an
alternate DCS from the sub-region": once nadia, North London's listed alternate, became its DCS herself, zed was told
"Those listed for DCS North London: nadia", naming the DCS as an alternate for her own seat. LCIIB Membership, "the
DfE Regional Improvement Lead and Local Government Association children's lead will be regularly invited": zed, a
visitor, was told to be seated in the DfE lead's observer seat, rather than recorded as a guest with `guest`."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def test_plpcp_the_dcs_herself_is_not_named_as_her_seats_alternate(chat: Chat) -> None:
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 20, 9, tzinfo=dt.UTC)  # bob's twelve months ended on 14 Jan
    chat.refused("bob", 'member add @nadia --seat "DCS North London"')  # a DCS seats nobody
    chat.ok("sam", 'member add @nadia --seat "DCS North London"')
    chat.ok("sam", "meeting schedule 2027-01-28 10:00")
    chat.now = dt.datetime(2027, 1, 28, 10, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for text in ("here", "here --for @nadia"):
        said = chat.refused("zed", text).text
        assert "North London: nadia" not in said, said
    said = chat.refused("zed", "here --for @nadia").text
    assert ("An alternate must be a DCS from the same sub-region, and zed is not recorded as one (ToR Membership). "
            "The ToR file lists no one else for DCS North London.") in said, said


def test_lciib_a_visitor_is_pointed_to_guest_and_the_invited_leads_to_their_seats(chat: Chat) -> None:
    meeting_opened(chat, "lciib")
    said = chat.refused("zed", "here").text
    assert said == (
        "You hold no seat in London Children's Innovation and Improvement Board, and its ToR makes no provision for "
        "deputies (ToR Membership). A guest is recorded by the chair, the secretariat or the meeting's minute-taker: "
        "`guest @zed --from \"organisation\"`. The DfE Regional Improvement Lead and the LGA children's lead, whom "
        "the ToR has regularly invited (ToR Membership), are seated by the chair or the secretariat instead: "
        "`member add @zed --seat \"DfE Regional Improvement Lead\"`."), said
    chat.refused("bob", 'guest @zed --from "Barnet"')  # a member does not record guests
    chat.ok("sam", 'guest @zed --from "Barnet"')
    assert "zed" in chat.ok("sam", "attendance").as_text()
