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


def test_cjcg_the_administrative_support_records_a_member_leaving_the_room(chat: Chat) -> None:
    """CJCG 6.3 and 6.4: sam records the room at a hybrid meeting (`here @bob @carol @dan`), but when carol and dan
    left the room there was no way to record it ('leaving @dan': "I did not expect '@dan' after `leaving`"), so the
    meeting stayed quorate on the record with two members in the room. sam now records it, as their own `leaving`
    would: the quorum is lost, and `here @dan` records him back. A member may not record another leaving."""
    cjcg_meeting_open(chat)
    chat.advance(minutes=40)
    said = chat.ok("sam", "leaving @carol @dan")
    assert said.text == "carol has left meeting 1 at 10:40. dan has left meeting 1 at 10:40.", said.text
    assert "The meeting is now not quorate — 2 members present, 3 needed (ToR 6.4)." in said.notices, said.notices
    refused = chat.refused("bob", "leaving @alice").text
    assert "the secretariat or the meeting's minute-taker can record others leaving (ToR 6.3)" in refused, refused
    again = chat.refused("sam", "leaving @dan").text
    assert again == "dan left meeting 1 at 10:40; `here @dan` records them back.", again
    chat.advance(minutes=10)
    back = chat.ok("sam", "here @dan")
    assert "The meeting is now quorate — 3 members present, 3 needed (ToR 6.4)." in back.notices, back.notices
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "dan (Southend City Council) — left at 10:40, back at 10:50" in minutes, minutes
    assert "- **Later:** not quorate from 10:40, when carol and dan left — 2 members present" in minutes, minutes
    assert "- **Later:** quorate again from 10:50, when dan came back" in minutes, minutes


def test_cjcg_minutes_asked_without_a_number_by_a_deputy_or_guest(chat: Chat) -> None:
    """CJCG 6.7-6.9 and 7.2: after meeting 1 closed, yan (who attended as erin's deputy) asked for `minutes` and
    nina (a guest at it) too: both were told "No meeting is open or scheduled. The chair or the secretariat can
    schedule one", though `minutes 1` shows yan the draft and tells nina the minutes are for members. `minutes`
    without a number means the latest meeting held, for them as for a member."""
    cjcg_meeting_open(chat)
    chat.ok("erin", "deputy @yan")
    chat.ok("yan", "here")
    chat.ok("sam", 'guest @nina --from "NHS England"')
    chat.ok("alice", "meeting close")
    assert chat.ok("yan", "minutes").title == "Draft minutes of meeting 1"
    refused = chat.refused("nina", "minutes").text
    assert "as a guest you attend the meeting, but its minutes are for its members and their deputies" in refused, \
        refused


def test_cjcg_a_meeting_after_the_chairs_term_lapsed_can_still_be_chaired(chat: Chat) -> None:
    """CJCG 6.2: "chaired by an agreed named member of the group, for an initial term of 12 months". alice's term
    ended on 14 Jan 2027; at meeting 1 on 11 Feb sam and bob were told only that the secretariat can name a chair
    `--agreed` by the group, an agreement the group makes at a meeting nobody could open. They are told too that
    someone can be named to chair this meeting (`meeting chair`), as sam then does."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2027-02-11 10:00")
    chat.now = dt.datetime(2027, 2, 11, 10, 0, tzinfo=dt.UTC)
    for who in ("sam", "bob"):
        said = chat.refused(who, "meeting open").text
        assert "or name who chairs one meeting meanwhile: `meeting chair @person`" in said, said
    chat.ok("sam", "meeting chair @bob")
    assert "Meeting 1 of Children's Joint Commissioning Group is open" in chat.ok("bob", "meeting open").as_text()


def test_cjcg_an_action_due_by_a_day_typed_in_its_words(chat: Chat) -> None:
    """CJCG 6.3: sam minuting 'action: @dan to circulate the summary by Friday' recorded it with no due date, so
    it was never overdue; a day typed after 'by' (a weekday or a date) is its due date, the words kept as typed. A
    month alone ('by March') is left to `--due`, as it does not say which day."""
    cjcg_meeting_open(chat)
    said = chat.ok("sam", "action: @dan to circulate the summary by Friday").text
    assert said == "Action 1 recorded: to circulate the summary by Friday (owner dan, due 11 Dec 2026).", said
    said = chat.ok("sam", "action @carol report back by 14/01/2027").text
    assert said.endswith("(owner carol, due 14 Jan 2027)."), said
    said = chat.ok("sam", "action @bob write to the ICB by March").text
    assert said.endswith("(owner bob)."), said
