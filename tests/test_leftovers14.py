"""Leftovers of the afternoon's helpers, read as a council officer reads the replies: the secretariat in the
attendance register, PLPCP's time limit, refusals' full stops and clauses, a cancelled meeting, a chair's further
term, who may read a task-and-finish group, and the clause an Ofsted representative is recorded under."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def plpcp_two_meetings_sam_at_the_first(chat: Chat) -> None:
    """PLPCP: sam (the LIIA programme team, its support) answers the roll at meeting 1, not at meeting 2."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    chat.now = dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")


def test_the_register_does_not_call_the_secretariat_not_a_member_then(chat: Chat) -> None:
    """PLPCP 'Steering Group Support and Logistics': 'support provided by the LIIA programme team'. sam attended
    meeting 1 and not meeting 2; the register listed 'LIIA programme team'/sam with '–' for meeting 2, read by its
    key as 'not a member then', though the secretariat supports the group and is never a member of it."""
    plpcp_two_meetings_sam_at_the_first(chat)
    register = chat.ok("alice", "attendance register")
    text = register.as_text()
    assert "sam" not in text.replace("*", ""), text
    assert "bob: P P" in text.replace("*", ""), text


def test_plpcp_says_it_is_time_limited_for_the_duration_of_the_programme(chat: Chat) -> None:
    """PLPCP Review: 'The Steering Group is time-limited for the duration of the programme.' Neither `group info`
    nor `terms` said the group was time-limited at all; both now say so, citing the clause."""
    chat.load("plpcp")
    for command in ("group info", "terms"):
        said = chat.ok("alice", command).as_text()
        assert "time-limited for the duration of the programme (ToR Review)" in said, said


def test_a_date_or_time_refused_ends_its_sentence(chat: Chat) -> None:
    """'…is not a date I know; write it as 2026-12-08 or 8 Dec 2026' had no closing full stop, nor did the refusals
    built the same way for a time typed as the date, a time not understood, or words after a deadline."""
    chat.load("plpcp")
    for typed, start in (("meeting schedule someday 10:00", "'someday' is not a date I know"),
                         ("meeting schedule 10:00 10:00", "'10:00' is a time, not a date"),
                         ("meeting schedule 2026-12-10 teatime", "'teatime' is not a time I know"),
                         ('poll "Date?" "Mon" "Tue" --closes in 3 days', "'in 3 days' is not a date I know")):
        said = chat.refused("sam", typed).text
        assert said.startswith(start) and said.endswith("."), said



def test_next_thursday_is_refused_with_a_thursday_to_copy(chat: Chat) -> None:
    """PLPCP Support and Logistics (sam arranges the meetings): on Tuesday 1 Dec, `meeting schedule next Thursday`
    was refused "'next' is not a date I know; write it as 2026-12-08 or 8 Dec 2026", a Tuesday, and with a time
    the same example. 'next Thursday' may be 3 or 10 Dec: the refusal names the whole phrase and gives both
    Thursdays, and that `Thursday` alone reads as the first."""
    chat.load("plpcp")
    for typed in ("meeting schedule next Thursday", "meeting schedule next Thursday 10:00"):
        said = chat.refused("sam", typed).text
        assert said == ("'next Thursday' is not a date I know; write it as 2026-12-03 or 3 Dec 2026 for the coming "
                        "Thursday (`Thursday` alone reads so), or 2026-12-10 for the one after."), said
    assert "When: Thu 3 Dec 2026, 10:00 GMT" in chat.ok("sam", "meeting schedule Thursday 10:00").as_text()
    said = chat.refused("sam", "meeting schedule 10 Dec").text
    assert said == 'At what time? Say `meeting schedule 2026-12-10 10:00 --where "Teams"`.', said


def test_a_motion_held_to_a_meeting_says_the_tor_is_silent_not_that_it_forbids(chat: Chat) -> None:
    """PLPCP says nothing of how or when the steering group decides; govbot's example file holds motions to a
    meeting (`out_of_meeting_motions: false`), its own setting. A motion proposed was told the chair opens the vote
    'at a meeting, as the ToR provides for no decisions between meetings', and a deadline was refused as 'The ToR
    makes no provision…, so a motion is voted on at a meeting', each stating govbot's setting as if a clause."""
    chat.load("plpcp")
    said = chat.ok("alice", 'motion "That the Q4 budget is deployed"').text
    assert ("The chair opens the vote with `motion vote 1` at a meeting: the ToR says nothing of deciding between "
            "meetings, and govbot's setting for this group is that motions are voted on at meetings.") in said, said
    said = chat.refused("alice", 'motion "That Y" --closes 2026-12-20').text
    assert said.startswith("The ToR says nothing of deciding between meetings, and govbot's setting for this group "
                           "is that a motion is voted on at a meeting; the group meets quarterly"), said
    assert "provides for no" not in said and "makes no provision" not in said


def test_meetings_after_the_only_meeting_is_cancelled_says_it_was(chat: Chat) -> None:
    """PLPCP Support and Logistics: sam scheduled meeting 1 and cancelled it; `meetings` said 'No meetings yet', as
    if none had ever been arranged, though meeting 1 is on the record as cancelled."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting cancel 1")
    said = chat.ok("bob", "meetings").text
    assert said.startswith("No meetings held or scheduled; meeting 1 (Thu 10 Dec 2026, 10:00 GMT) was cancelled. "
                           "The chair or the secretariat can schedule one"), said


def test_a_chair_named_again_after_their_term_ended_is_told_of_a_further_term(chat: Chat) -> None:
    """CJCG 6.2 sets the chair 'an initial term of 12 months'. alice's ended on 14 Jan 2027; sam named her again on
    1 Feb and was told 'alice is now the chair until 1 Feb 2028 (ToR 6.2)', as if 6.2 set that term, and as if she
    were new to the chair. It is a further term, said as a renewal says it."""
    chat.load("cjcg")
    chat.now = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)
    said = chat.ok("sam", 'chair @alice --agreed "meeting 4, minute 7"').text
    assert said.startswith("alice is chair again for a further term until 31 Jan 2028, after the term that ended on "
                           "14 Jan 2027; the ToR sets only an initial term of 12 months (ToR 6.2), so a renewal is for a "
                           "further 12 months, the usual practice"), said
    assert "is now the chair" not in said


def test_a_stranger_to_a_task_and_finish_group_is_told_the_parents_members_read_it(chat: Chat) -> None:
    """CJCG 6.6 ('task and finish groups to support it'): the CJCG's members read its SEND group's record, yet zara,
    in neither, was told 'only its members and their deputies see anything of it'. She is told who may."""
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", "tfg")
    chat.channel = "tfg"
    said = chat.refused("zara", "meetings").text
    assert ("is confidential (CJCG ToR 6.7-6.9): only its members and their deputies, and the members of Children's "
            "Joint Commissioning Group, which set it up (CJCG ToR 6.6), see anything of it.") in said, said


def test_lieg_a_guest_from_ofsted_is_cited_to_2_5_not_2_7(chat: Chat) -> None:
    """LIEG 2.5: 'Ofsted will participate and assist with the LIEG by sending representatives to meetings as and when
    required'; 2.7 is about guests from partner organisations. olga recorded `--from "Ofsted"` was told she attends
    as a guest (ToR 2.7); she attends as Ofsted's representative (ToR 2.5), still without a vote or a place in the
    quorum. A guest from a partner organisation is still cited to 2.7."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("alice", 'guest @olga --from "Ofsted"').text
    assert said.startswith("olga (Ofsted) attends meeting 1 as a representative Ofsted sends: no vote, and not counted "
                           "for the quorum (ToR 2.5)."), said
    said = chat.ok("alice", 'guest @zed --from "Healthwatch"').text
    assert "attends meeting 1 as a guest: no vote, and not counted for the quorum (ToR 2.7)." in said, said
