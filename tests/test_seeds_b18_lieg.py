"""LIEG (seed 003) meetings as its steering group runs them, where the bot differed from the document (round B18)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def lieg_two_meetings(chat: Chat) -> None:
    """LIEG meetings 1 (10 Dec 2026) and 2 (11 Mar 2027), both at 10:00, scheduled by alice, a co-chair on the
    steering group that plans the meetings (3.1), with erin in the chair of meeting 1 (5.1)."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("alice", "meeting schedule 2027-03-11 10:00")


def test_lieg_a_guest_is_invited_ahead_of_the_meeting_and_recorded_on_arrival(chat: Chat) -> None:
    """LIEG 2.7: "Guests from partner organisations may be invited to attend for specific meetings". alice invited
    mia of the Metropolitan Police a week ahead and was told that a guest is recorded only once the meeting is open;
    the invitation went unrecorded, and mia, arriving, was told she held no seat. The invitation is now recorded for
    the meeting, and mia's `here` at it records her as a guest from the organisation she was invited from."""
    lieg_two_meetings(chat)
    said = chat.ok("alice", 'guest @mia --from "Metropolitan Police"').text
    assert said.startswith("mia (Metropolitan Police) is invited to meeting 1 (Thu 10 Dec 2026, 10:00 GMT) as a "
                           "guest (ToR 2.7)"), said
    said = chat.ok("alice", 'guest @noor --from "London Councils" --meeting 2').text
    assert "is invited to meeting 2 (Thu 11 Mar 2027, 10:00 GMT)" in said, said
    assert "already invited" in chat.ok("alice", 'guest @mia --from "Metropolitan Police"').text
    assert "Only the chair or the meeting's minute-taker" in chat.refused("frank", 'guest @kai --from "DfE"').text
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    said = chat.ok("mia", "here").text
    assert said.startswith("mia (Metropolitan Police) attends meeting 1 as a guest, invited ahead: no vote, and not "
                           "counted for the quorum (ToR 2.7)"), said
    assert "held no seat" not in said
    assert "no member has named you their deputy" in chat.refused("noor", "here").text  # invited to meeting 2
    closed = dict(chat.ok("erin", "meeting close").fields)
    assert closed["In attendance"] == "mia (Metropolitan Police) — guest", closed


def test_cjcg_a_guest_invited_ahead_arrives_without_being_asked_to_declare(chat: Chat) -> None:
    """CJCG 7.1 co-opts attendees "as necessary" and its meetings are "not open to the public or providers" (6.9):
    the administrative support invites pat of the ICB ahead, a provider is refused, and pat's `here` at the meeting
    records her as a guest, past the confidentiality a stranger meets, without the prompt to declare interests that
    guests may not make (6.5 is for members and their deputies)."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    refused = chat.refused("sam", 'guest @pat --from "Provider Ltd"').text
    assert "not open to the public or providers (ToR 6.7-6.9)" in refused, refused
    chat.ok("sam", 'guest @pat --from "Mid & South Essex ICB"')
    assert "Only the chair, the secretariat or the meeting's minute-taker can invite a guest to a meeting (ToR 6.3)" \
        in chat.refused("bob", 'guest @quinn --from "Mid & South Essex ICB"').text
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("pat", "here").as_text()
    assert said.startswith("pat (Mid & South Essex ICB) attends meeting 1 as a guest, invited ahead"), said
    assert "declare" not in said, said


def test_lieg_an_ofsted_representative_invited_ahead_is_minuted_under_2_5_not_as_a_guest(chat: Chat) -> None:
    """LIEG 2.5: "Ofsted will participate and assist with the LIEG by sending representatives to meetings as and when
    required"; 2.7's guests come from partner organisations. olu, whom Ofsted sends, was asked ahead and on arrival
    told they attend "as a guest, invited ahead (ToR 2.7)", where recorded at the meeting they attend as "a
    representative Ofsted sends (ToR 2.5)"."""
    lieg_two_meetings(chat)
    said = chat.ok("alice", 'guest @olu --from "Ofsted"').text
    assert said.startswith("olu (Ofsted) is invited to meeting 1 (Thu 10 Dec 2026, 10:00 GMT) as a representative "
                           "Ofsted sends (ToR 2.5)"), said
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    said = chat.ok("olu", "here").text
    assert said.startswith("olu (Ofsted) attends meeting 1 as a representative Ofsted sends, invited ahead: no vote, "
                           "and not counted for the quorum (ToR 2.5)"), said
