"""Leftovers found while playing the five seed groups' meetings (round X): where the bot differed from the ToR."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group
from bot.records.group_page import chart
from handlers.web.chart import svg
from tests.conftest import Chat
from tests.platform_chats import Speaking, chair_elected


def cscpwg_meeting_scheduled(chat: Chat) -> None:
    """CSCPWG meeting 1 on 10 Oct 2022 at 10:00 BST, scheduled by sam, the Senior Adviser, on 1 Oct."""
    chat.now = dt.datetime(2022, 10, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2022-10-10 10:00")


def test_cscpwg_the_senior_adviser_records_the_substitute_a_councillor_sent(chat: Chat) -> None:
    """CSCPWG Governance: "Members may send substitutes to working group meetings"; "supported by a Senior Adviser"
    (Operation). bob emails sam that vera will attend for him; sam records it as he records bob's apologies
    (`apologies --for @bob`): it was refused ("Only the member themself can name a substitute"). It stands as bob's
    nomination; carol, another member, is still refused, and vera must still be one the ToR makes eligible."""
    cscpwg_meeting_scheduled(chat)
    said = chat.ok("sam", "substitute @vera --for @bob").text
    assert said == ("vera is bob's substitute for meeting 1 (Mon 10 Oct 2022, 10:00 BST) and may vote in their place "
                    "(ToR Governance). Recorded by sam as bob's nomination."), said
    assert "bob: vera, meeting 1" in chat.ok("alice", "deputies").as_text()
    refused = chat.refused("carol", "substitute @wendy --for @bob").text
    assert refused.startswith("Only the member themself can name a substitute for a member (ToR Governance)"), refused
    assert "Board" in chat.refused("sam", "substitute @zed --for @dan").text
    help_text = chat.ok("sam", "help deputy").as_text()
    assert "Who may record a substitute a member sent them (`--for`), as the member's own nomination: the chair, " \
           "the secretariat" in help_text, help_text
    assert "vera is no longer bob's substitute" in chat.ok("sam", "substitute revoke @vera --for @bob").text


def test_lciib_attendance_register_keys_no_deputy_mark(chat: Chat, sessions: sessionmaker[Session]) -> None:
    """LCIIB Membership makes no provision for deputies (the example's `deputies: {allowed: false}`), so no register
    cell can read "deputised"; its key listed "D deputised" all the same, in chat and on the page's chart. The key
    lists only the marks that can occur; CJCG, whose members send deputies (7.2), keeps its D."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 2026-12-10 14:00")
    chat.ok("bob", "apologies")
    chat.now = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("carol", "here")
    chat.ok("alice", "meeting close")
    register = chat.ok("sam", "attendance register").text
    assert "(P present, Ap apologies, A absent, – not a member then):" in register, register
    with unit_of_work(sessions) as session:
        picture = svg(chart(session, session.scalars(select(Group)).one()))
    assert "<desc id=\"chart-desc\">P present, Ap apologies, A absent, – not a member then. " in picture, picture


def test_cjcg_attendance_register_keeps_its_deputy_mark(chat: Chat) -> None:
    """CJCG 7.2 provides for deputies: its register's key still says what D means."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    register = chat.ok("sam", "attendance register").text
    assert "(P present, D deputised, Ap apologies, A absent, – not a member then):" in register, register


def test_cscpwg_a_first_meeting_closed_without_electing_a_chair_says_so(chat: Chat) -> None:
    """CSCPWG Governance: "The working group will elect a chair at its first meeting". sam closed meeting 1 with
    no chair elected and the bot said nothing of it. The close says so, citing the clause, and how the next meeting
    elects one; the minutes record it. Meeting 2 elects bob: its close and minutes say nothing of it, and meeting
    1's minutes still do."""
    cscpwg_meeting_scheduled(chat)
    chat.now = dt.datetime(2022, 10, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "here")
    closed = chat.ok("sam", "meeting close").as_text()
    assert "No chair was elected at meeting 1, though the ToR has the group elect its chair (ToR Governance), and " \
           "the minutes say so. Hold the election at the next meeting (schedule it with `meeting schedule " \
           "YYYY-MM-DD HH:MM`): the secretariat (sam) opens it and presides until then; `poll \"Chair\" \"alice\" " \
           "\"bob\"` (the candidates)" in closed, closed
    said = "No chair was elected at this meeting, though the ToR has the group elect its chair (ToR Governance); " \
           "the election is to be held at a later meeting."
    assert said in chat.ok("sam", "minutes 1").text
    chat.ok("sam", "meeting schedule 2022-12-05 10:00")
    chat.now = dt.datetime(2022, 12, 5, 10, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chair_elected(chat, "bob")
    assert "No chair was elected" not in chat.ok("bob", "meeting close").as_text()
    assert "No chair was elected" not in chat.ok("bob", "minutes 2").text
    assert said in chat.ok("bob", "minutes 1").text


def test_cscpwg_the_close_names_the_meeting_already_scheduled_for_the_election(chat: Chat) -> None:
    """With meeting 2 already in the calendar, the close of meeting 1 names it as where the chair is elected."""
    cscpwg_meeting_scheduled(chat)
    chat.ok("sam", "meeting schedule 2022-12-05 10:00")
    chat.now = dt.datetime(2022, 10, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    closed = chat.ok("sam", "meeting close").as_text()
    assert "Hold the election at meeting 2 (Mon 5 Dec 2022, 10:00 GMT): the secretariat (sam)" in closed, closed


def cjcg_motion_open(chat: Chat | Speaking) -> None:
    """CJCG meeting 1 on 10 Dec 2026, opened by alice with bob, carol and dan present (quorate, 6.4), and alice's
    motion 1 open for the vote."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for member in ("bob", "carol", "dan"):
        chat.ok(member, "here")
    chat.ok("alice", 'motion "That the group adopts the plan"')


def test_a_vote_naming_no_motion_is_cast_in_the_one_vote_open(platform_chat: Speaking) -> None:
    """bob typed `vote for` with one motion open and was asked its number ("The poll is a number, not 'for'. Say
    `vote 1 for`"): with one vote open there is nothing to ask. It is cast there; `vote yes` too."""
    chat = platform_chat
    cjcg_motion_open(chat)
    assert "Your vote on motion 1 is recorded: For." in chat.ok("bob", "vote for").text
    assert "Your vote on motion 1 is recorded: For." in chat.ok("carol", "vote yes").text
    assert "For: 2 of 2 voted" in chat.ok("alice", "results 1").text


def test_a_vote_naming_no_motion_with_two_open_still_asks_which(chat: Chat) -> None:
    """With two votes open, `vote for` still asks which, listing both; nothing is recorded."""
    cjcg_motion_open(chat)
    chat.ok("alice", 'motion "That the group meets monthly"')
    refused = chat.refused("bob", "vote for").text
    assert refused.startswith("The poll is a number, not 'for'. Say `vote 1 for`."), refused
    assert '1 "That the group adopts the plan", 2 "That the group meets monthly"' in refused, refused
    assert ("For", "0 (no votes yet)") in chat.ok("alice", "results 1").fields


DATE_POLL = 'poll "When shall we meet?" "12 Jan" "Tue 19 Jan 2pm" --closes "2026-12-08 17:00"'


def test_lciib_the_secretariat_polls_the_board_on_dates_between_meetings(chat: Chat) -> None:
    """LCIIB Board Support and Logistics: "Secretariat support for the Board will be provided by the LIIA programme
    team with London Councils", which arranges its meetings (the example gives it `schedule_meeting` on that clause).
    sam's poll of dates to find the next meeting was refused as a vote only the chair calls. A poll of dates between
    meetings is arranging a meeting: it opens, citing the clause; a poll on anything else is still the chair's, and
    the refusal tells sam of the poll of dates; a member is refused as before."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    said = chat.ok("sam", DATE_POLL).text
    assert said == ("Poll 1 is open. A poll of dates, called to arrange a meeting (ToR Board Support and "
                    "Logistics)."), said
    assert "Your vote on poll 1 is recorded: 12 Jan." in chat.ok("carol", 'vote 1 "12 Jan"').text
    refused = chat.refused("sam", 'poll "Venue?" "Barnet" "Camden" --closes "2026-12-08 17:00"').text
    assert refused.startswith("Only the chair (or the meeting's chair) can call a poll."), refused
    assert "As you arrange the meetings (ToR Board Support and Logistics), you may call a poll of dates" in refused
    refused = chat.refused("bob", DATE_POLL).text
    assert "poll of dates" not in refused and refused.startswith("Only the chair"), refused


def test_plpcp_the_secretariat_polls_on_dates_between_meetings_but_not_at_one(chat: Chat) -> None:
    """PLPCP Steering Group Support and Logistics: "with support provided by the LIIA programme team". sam polls the
    steering group on dates between meetings; at a meeting, calling a vote is the chair's (alice's)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("plpcp")
    said = chat.ok("sam", DATE_POLL).text
    assert said == ("Poll 1 is open. A poll of dates, called to arrange a meeting (ToR Steering Group Support and "
                    "Logistics)."), said
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    refused = chat.refused("sam", 'poll "When next?" "12 Mar" "19 Mar"').text
    assert refused.startswith("Only the chair"), refused


def test_cjcg_a_successor_chair_typed_with_from_is_not_told_to_name_them_now(chat: Chat) -> None:
    """CJCG 6.2: "chaired by an agreed named member of the group, for an initial term of 12 months". alice's term
    ends on 14 Jan 2027; on 10 Dec the group agrees bob will follow her. sam typed `chair @bob --from 15 Jan` and was
    told "Say `chair @bob`", which would have made bob chair at once and ended alice's term five weeks early. The
    refusal now says a chair named takes over at once, so the successor is named on the day; nothing changes."""
    chat.now = dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    refused = chat.refused("sam", 'chair @bob --agreed "meeting 1, minute 4" --from 15 Jan').text
    assert refused.startswith("`chair` has no option --from (its options: --poll, --agreed). A chair named takes the "
                              "chair at once, ending the term of the chair before them, so a successor is named on "
                              "the day they take over, not before"), refused
    assert "Say `chair @bob`" not in refused
    assert "alice, chair until 14 Jan 2027" in chat.ok("sam", "members").as_text()


def test_lciib_the_secretariat_closes_its_own_poll_of_dates(chat: Chat) -> None:
    """LCIIB Board Support and Logistics: sam, who arranges the meetings, called a poll of dates and could not close
    it once the board had answered ("Only the chair ... can close a vote"): who may call a poll of dates closes it.
    A member still may not, nor may sam close a poll on anything else, which is the chair's."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    chat.ok("sam", DATE_POLL)
    chat.ok("carol", 'vote 1 "12 Jan"')
    refused = chat.refused("bob", "poll close 1").text
    assert refused.startswith("Only the chair (or the meeting's chair) can close a vote."), refused
    assert refused.endswith(" A poll of dates between meetings, called to arrange a meeting, is also closed by the "
                            "secretariat, who arranges the meetings (ToR Board Support and Logistics)."), refused
    chat.ok("alice", 'poll "Venue?" "Barnet" "Camden" --closes "2026-12-08 17:00"')
    assert chat.refused("sam", "poll close 2").text.startswith("Only the chair"), "a vote on a venue is the chair's"
    said = chat.ok("sam", "poll close 1").text
    assert said == "Poll 1 is closed: 12 Jan has the most votes (1 of 1 voting).", said
