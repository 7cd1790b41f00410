"""CJCG (seed 004) and its task-and-finish group's meetings as the administrative support runs them, where the bot
differed from the document or from what a clerk writes (round Y2)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def cjcg_meeting_open(chat: Chat) -> None:
    """CJCG meeting 1 on 10 Dec 2026 at 10:00, scheduled by sam (6.3) on 1 Dec and opened by alice (the chair, 6.2),
    with bob, carol and dan recorded in the room by sam: quorate (6.4)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here @bob @carol @dan")


def test_cjcg_a_vote_closed_with_no_votes_does_not_say_yet(chat: Chat) -> None:
    """A vote the chair closed before anyone voted showed 'For: 0 (no votes yet)' on the closed card and in
    `results`, as if votes could still come; closed, it says none were cast. An open one still says 'yet'."""
    cjcg_meeting_open(chat)
    opened = chat.ok("alice", 'motion "Approve the joint action plan 2027-29"')
    assert ("For", "0 (no votes yet)") in opened.fields, opened.fields
    closed = chat.ok("alice", "poll close 1")
    assert ("For", "0 (no votes cast)") in closed.fields and ("Against", "0 (no votes cast)") in closed.fields, \
        closed.fields
    assert ("For", "0 (no votes cast)") in chat.ok("bob", "results 1").fields


def test_cjcg_the_administrative_support_taking_the_roll_is_in_attendance(chat: Chat) -> None:
    """CJCG 6.3: "Administrative support will be provided in terms of ... note taking and arrangements for
    meetings". sam took the roll in the room and did nothing else recorded; the close listed no one in attendance,
    though the minutes name sam as minute-taker. Taking the roll records sam in attendance (not as a member: no vote,
    not counted for the quorum of 6.4)."""
    cjcg_meeting_open(chat)
    quorum = chat.ok("alice", "quorum").text
    assert "quorate — 4 members present, 3 needed (ToR 6.4)" in quorum, quorum
    closed = dict(chat.ok("alice", "meeting close").fields)
    assert closed.get("In attendance") == "sam — Administrative support", closed
    assert "sam" not in closed["Present"], closed


def test_cjcg_apologies_naming_a_member_first_are_not_the_secretarys_own(chat: Chat) -> None:
    """CJCG 6.3: the administrative support records apologies members e-mail it. sam typing 'apologies @erin' had
    his own apologies recorded, with '@erin' as the reason, and erin would be minuted absent. Refused, with the
    command that records erin's; a reason that names someone later (or the speaker's own deputy) stays one's own."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    for typed, meant in (("apologies @erin", "`apologies --for @erin`"),
                         ("apologies @erin on leave", "`apologies --for @erin on leave`")):
        said = chat.refused("sam", typed).text
        assert said.startswith(f"To record the apologies erin sent you, say {meant}"), said
    assert "Apologies" not in chat.ok("sam", "attendance").as_text()  # nothing was recorded
    assert "Apologies from erin recorded by sam" in chat.ok("sam", "apologies --for @erin on leave").text
    own = chat.ok("carol", "apologies on leave, @yan may attend").text
    assert own.startswith("Apologies from carol recorded"), own
