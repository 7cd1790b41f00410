"""LIEG (seed 003) and CJCG (seed 004) meetings as their documents run them, on every platform, where the bot once
differed from the document."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking


def hold(chat: Speaking, day: str, chair: str, attending: tuple[str, ...]) -> str:
    """Schedule, open and close a LIEG meeting on `day` at 10:00 with `attending` present; the close's notices."""
    chat.now = dt.datetime.fromisoformat(f"{day}T08:00:00+00:00")
    chat.ok("alice", f"meeting schedule {day} 10:00 --chair @{chair}")
    chat.now = dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
    chat.ok(chair, "meeting open")
    for who in attending:
        chat.ok(who, "here")
    return chat.ok(chair, "meeting close").text


def roll_lines(minutes: str) -> tuple[str, str]:
    """The 'Present' and 'Absent' lines of a closed meeting's roll or minutes."""
    lines = minutes.splitlines()
    return (next(line for line in lines if "Present" in line), next(line for line in lines if "Absent" in line))


def lieg_meeting(chat: Speaking, opener: str, scheduled: str = "",
                 before: tuple[tuple[str, str], ...] = ()) -> None:
    """A LIEG meeting on 10 Dec 2026 at 10:00: alice (a co-chair, 3.1) schedules it at 08:00 with the options
    `scheduled`, `before` is said in between (who, what), and `opener` opens it."""
    chat.now = dt.datetime(2026, 12, 10, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", f"meeting schedule 2026-12-10 10:00 {scheduled}".strip())
    for who, text in before:
        chat.ok(who, text)
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok(opener, "meeting open")


def lieg_handover(chat: Speaking) -> None:
    """LIEG's meeting of 10 Dec 2026 chaired by erin (5.1), bob taking the minutes; erin leaves at 10:40, bob (the
    steering group, 3.1) names alice to chair the rest, and alice closes it at 11:30."""
    chat.load("lieg")
    lieg_meeting(chat, "erin", scheduled="--chair @erin --minutes @bob")
    chat.ok("alice", "here")
    chat.ok("bob", "here")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("erin", "leaving")
    chat.ok("bob", "meeting chair @alice")
    chat.now = dt.datetime(2026, 12, 10, 11, 30, tzinfo=dt.UTC)
    chat.ok("alice", "meeting close")


def test_lieg_the_riia_members_are_not_a_london_authority_capped_or_warned_of_absences(
        platform_chat: Speaking) -> None:
    """LIEG 2.1 caps "Each London LA member" at "a maximum of two attending at any one time", and 2.3 may withhold
    papers from "member LAs" that miss three sessions; 2.6 invites three ALDCS officers "to be members of LIEG and
    attend the meetings": all three may attend together, and their absences withhold nobody's papers."""
    chat = platform_chat
    chat.load("lieg")
    hold(chat, "2026-12-10", "erin", ("alice", "bob", "harry", "ivy", "jack"))
    for day in ("2027-03-11", "2027-06-10"):
        hold(chat, day, "erin", ("alice", "bob", "frank", "grace"))
    # A London authority is still capped at two attending: Barnet's third representative is refused.
    chat.now = dt.datetime(2027, 9, 9, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-09-09 10:00 --chair @erin")
    chat.now = dt.datetime(2027, 9, 9, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    refused = chat.refused("dan", "here").text
    assert "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1)" in refused
    closed = chat.ok("erin", "meeting close").text
    # ALDCS's three have missed three sessions in a row (11 Mar, 10 Jun, 9 Sep): no London LA is warned of.
    warned = [line for line in closed.splitlines() if "consecutive" in line]
    assert not [line for line in warned if "ALDCS" in line or "harry" in line or "ivy" in line], warned


def test_cjcg_quorum_states_the_proviso_the_chair_must_judge(platform_chat: Speaking) -> None:
    """CJCG 6.4: "quorate if three of its members are present, subject to the members present being able to
    represent the views and decisions of the members who are not present". Who can speak for whom is the chair's
    judgement, not a count, so the bot counts three and says what else the quorum is subject to."""
    chat = platform_chat
    chat.load("cjcg")
    proviso = ("subject to the members present being able to represent the views and decisions of the members who "
               "are not present")
    assert proviso in chat.ok("bob", "terms").text
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    assert proviso not in chat.ok("alice", "quorum").text  # not quorate: nothing to be subject to
    quorate = chat.ok("carol", "here").text
    assert "now quorate — 3 members present, 3 needed" in quorate
    said = chat.ok("alice", "quorum").text
    assert "Meeting 1 is quorate — 3 members present, 3 needed (ToR 6.4)." in said
    assert f"The quorum is {proviso}; the chair judges that (ToR 6.4)." in said


def test_cjcg_reports_go_to_all_three_boards_it_is_accountable_to(platform_chat: Speaking) -> None:
    """CJCG 4.4.4: "updates and reports ... to the SEND Area Strategic Partnership, Transforming Care and Growing
    Well Boards as required" (5.1: accountable to all three), not to the SEND partnership alone."""
    chat = platform_chat
    chat.load("cjcg")
    boards = "SEND Area Strategic Partnership, Transforming Care and Growing Well Boards"
    assert f"Reporting: to {boards} as required, led by the chair (ToR 4.4.4)" in chat.ok("bob", "terms").text
    made = chat.ok("alice", 'report done "Joint action plan update"').text
    assert f"Report to {boards} recorded as made on 1 Dec 2026" in made


def test_cjcg_a_member_leaving_early_can_take_the_quorum_with_them(platform_chat: Speaking) -> None:
    """CJCG 6.4: "quorate if three of its members are present" holds for each decision, not only at the start:
    dan leaves at 10:40, the meeting is no longer quorate, and the next motion cannot be voted on until he is back
    (or another member comes)."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("dan", "here")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    left = chat.ok("dan", "leaving").text
    assert "dan has left meeting 1 at 10:40." in left
    assert "The meeting is now not quorate — 2 members present, 3 needed (ToR 6.4)." in left
    assert "dan (left 10:40)" in chat.ok("alice", "attendance").text
    waiting = chat.ok("alice", 'motion "Approve the joint action plan"').text  # moved, not voted on
    assert "not quorate — 2 members present, 3 needed (ToR 6.4): the motion is recorded" in waiting, waiting
    assert "a vote needs a quorate meeting" in chat.refused("alice", "motion vote 1").text
    assert "You left meeting 1 at 10:40; say" in chat.refused("dan", "leaving").text
    back = chat.ok("dan", "here").text
    assert "dan is back at meeting 1." in back and "now quorate — 3 members present" in back
    chat.ok("alice", "motion vote 1")
    assert "not recorded" in chat.refused("erin", "leaving").text
    chat.now = dt.datetime(2026, 12, 10, 11, 0, tzinfo=dt.UTC)
    chat.ok("bob", "leaving")
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    assert "bob (Southend City Council) — left at 11:00" in chat.ok("sam", "meeting minutes 1").text


def test_cjcg_a_vote_that_closes_after_the_quorum_left_decides_nothing(platform_chat: Speaking) -> None:
    """CJCG 6.4: the vote opened with three present, then dan left; two votes for do not carry a motion of a
    meeting no longer quorate."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("dan", "here")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    chat.ok("bob", "vote 1 for")
    chat.ok("dan", "leaving")
    chat.ok("alice", "vote 1 for")
    closed = chat.ok("alice", "poll close 1").text
    assert "Motion 1 is closed: not carried: no quorum when the vote closed — 2 members present, 3 needed " \
        "(ToR 6.4)." in closed


def test_cjcg_members_says_when_the_chairs_twelve_months_end_and_that_they_have(platform_chat: Speaking) -> None:
    """CJCG 6.2: "chaired by an agreed named member of the group, for an initial term of 12 months". `members`
    said "alice, chair, chair until 14 Jan 2027", and still said it in July 2027, when she no longer chaired."""
    chat = platform_chat
    chat.load("cjcg")
    listed = chat.ok("bob", "members").text
    assert "alice, chair until 14 Jan 2027" in listed and "chair, chair until" not in listed
    chat.now = dt.datetime(2027, 7, 20, 9, 0, tzinfo=dt.UTC)
    listed = chat.ok("bob", "members").text
    assert "alice, chair's term ended 14 Jan 2027 (ToR 6.2)" in listed and "until 15 Jan 2027" not in listed


def test_cjcg_a_deputy_who_left_is_counted_again_on_return(platform_chat: Speaking) -> None:
    """CJCG 7.2 deputies count for the 6.4 quorum: yan, deputising for carol, steps out and comes back."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("carol", "deputy @yan")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("yan", "here")
    assert "now not quorate — 2 members present" in chat.ok("yan", "leaving").text
    back = chat.ok("yan", "here").text
    assert "yan is back at meeting 1 as deputy for carol." in back and "now quorate — 3 members or deputies" in back


def test_lieg_the_chair_who_runs_and_closes_a_meeting_is_minuted_present(platform_chat: Speaking) -> None:
    """LIEG 3.1: the steering group schedules and opens; the meeting's chair (5.1) runs it and closes it without
    saying `here`. Closing the meeting shows they were there: the minutes list them present, not absent."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "alice", scheduled="--chair @erin")
    chat.ok("bob", "here")
    closed = chat.ok("erin", "meeting close").text
    present, absent = roll_lines(closed)
    assert "erin" in present and "erin" not in absent and "dan" in absent


def test_lieg_the_minute_taker_who_keeps_the_record_as_the_meeting_runs_is_minuted_present(
        platform_chat: Speaking) -> None:
    """LIEG 5.2: a steering group member takes the minutes. bob minutes an item and records an action while the
    meeting runs without ever saying `here`: the minutes listed "Minute-taker: bob" and bob absent."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "alice", scheduled="--chair @erin --minutes @bob",
                 before=(("alice", 'agenda add "Data quality"'),))
    chat.ok("erin", "here")
    chat.ok("bob", 'minute "The group compared the returns" --item 1')
    chat.ok("bob", 'action "Circulate the comparison" --owner @erin')
    closed = chat.ok("erin", "meeting close").text
    present, absent = roll_lines(closed)
    assert "bob" in present and "bob" not in absent and "dan" in absent


def test_lieg_a_guest_from_a_partner_organisation_is_minuted_in_attendance_without_a_vote(
        platform_chat: Speaking) -> None:
    """LIEG 2.7: "Guests from partner organisations may be invited to attend for specific meetings". A guest holds
    no seat: the minute-taker records them attending, and the roll and minutes show them as a guest from their
    organisation; they do not vote, count towards anything, or appear in the attendance register as a member."""
    chat = platform_chat
    chat.load("lieg")
    assert "guests may be invited, without a vote or a place in the quorum (ToR 2.7)" in chat.ok("frank", "terms").text
    lieg_meeting(chat, "erin", scheduled="--chair @erin --minutes @bob")
    chat.ok("alice", "here")
    refused = chat.refused("mia", "here").text
    assert "A guest (ToR 2.7) is recorded by the chair or the meeting's minute-taker: " in refused
    assert 'guest @mia --from "organisation"' in refused
    assert "Only the chair or the meeting's minute-taker can record a guest at a meeting (ToR 5.2)." in \
        chat.refused("frank", 'guest @mia --from "Metropolitan Police"').text
    said = chat.ok("bob", 'guest @mia --from "Metropolitan Police"').text
    assert "mia (Metropolitan Police) attends meeting 1 as a guest: no vote, and not counted for the quorum " \
        "(ToR 2.7)." in said
    assert "mia is already recorded as a guest at meeting 1." in chat.ok("bob", "guest @mia").text
    assert "You are recorded as a guest at meeting 1 (ToR 2.7)" in chat.ok("mia", "here").text
    assert "alice holds a seat in London Information Exchange Group" in chat.refused("bob", "guest @alice").text
    roll = chat.ok("erin", "attendance").text
    assert "mia (Metropolitan Police) — guest" in roll and "2 voting members present" in roll
    chat.ok("erin", 'motion "That LIEG writes to Ofsted"')
    chat.ok("bob", "motion table 1")
    chat.ok("erin", "motion vote 1")
    chat.refused("mia", "vote 1 for")
    chat.ok("erin", "poll close 1")
    closed = chat.ok("erin", "meeting close").text
    assert "mia (Metropolitan Police) — guest" in closed
    minutes = chat.ok("bob", "meeting minutes 1").text
    attending = next(line for line in minutes.splitlines() if "In attendance" in line)
    assert "mia (Metropolitan Police) — guest" in attending
    assert "mia" not in next(line for line in minutes.splitlines() if "Absent" in line)
    assert "mia" not in chat.ok("bob", "attendance register").text


def test_a_motions_lapsed_deadline_does_not_close_the_vote_the_meeting_opens(platform_chat: Speaking) -> None:
    """LIEG 6.3 decides "with all the LIEG members present", so a deadline for a vote between meetings means
    nothing there: it is refused. CJCG votes between meetings too; a motion proposed with a deadline that passed
    before the chair opened its vote at the meeting opened a vote already closed, refusing every vote."""
    chat = platform_chat
    chat.load("lieg")
    refused = chat.refused("alice", 'motion "That LIEG writes to the DfE" --closes "2026-12-08 17:00"').text
    assert "voted on only at a meeting (ToR 6.3)" in refused and 'motion "That LIEG writes to the DfE"' in refused
    chat.load("cjcg")
    chat.ok("bob", 'motion "Approve the SEND commissioning plan" --closes "2026-12-02 17:00"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    chat.ok("alice", "motion vote 1")
    chat.ok("bob", "vote 1 for")
    chat.ok("carol", "vote 1 for")
    assert "carried: 2 for" in chat.ok("alice", "poll close 1").text


def test_lieg_an_informal_poll_between_meetings_is_a_sounding_not_a_decision(platform_chat: Speaking) -> None:
    """LIEG 6.3 makes "agreement" on the running, structure or purpose of the group only by "a vote enacted with
    all the LIEG members present"; it says nothing against asking members between meetings which date or venue
    suits (3.1: the steering group plans those). A poll between meetings runs, to a deadline, and says it decides
    nothing; a motion still waits for a meeting."""
    chat = platform_chat
    chat.load("lieg")
    assert "A vote between meetings needs a deadline" in \
        chat.refused("alice", 'poll "Where in March?" "Barnet" "Online"').text
    opened = chat.ok("alice", 'poll "Where in March?" "Barnet" "Online" --closes "2026-12-08 17:00"').text
    sounding = ("a sounding between meetings, not a decision of the group: the ToR decides by a majority of the "
                "voting members present at a meeting (ToR 6.3)")
    assert sounding in opened
    chat.ok("frank", "vote 1 Online")
    chat.ok("carol", "vote 1 Online")
    closed = chat.ok("alice", "poll close 1").text
    assert "Online has the most votes (2 of 2 voting)" in closed and sounding in closed


def test_cjcg_send_tfg_reports_to_the_cjcg_it_supports_and_states_its_rules_plainly(platform_chat: Speaking) -> None:
    """CJCG 6.6: the CJCG "may establish task and finish groups to support it in the discharge of its functions";
    the SEND group is accountable to the CJCG, so its lead reports back to it, as required (no interval is set).
    Conflicts are declared at the start of each meeting (CJCG 6.5) as at the CJCG's own. `terms` said "every 1
    months", and "deputies count" for a group with no provision for deputies; `report done` was refused."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg")
    terms = chat.ok("bob", "terms").text
    assert "Reporting: to Children's Joint Commissioning Group as required, led by the chair (CJCG ToR 6.6)" in terms
    assert "Meetings: monthly;" in terms and "every 1 months" not in terms and "every month" not in terms
    assert "Quorum: 2 members present" in terms and "deputies count" not in terms
    assert "declared and recorded at the start of each meeting (CJCG ToR 6.5)" in terms
    made = chat.ok("bob", 'report done "Draft framework to the CJCG"').text
    assert "Report to Children's Joint Commissioning Group recorded as made on 1 Dec 2026" in made
    chat.ok("bob", "meeting schedule 2026-12-10 10:00")
    assert "the ToR has the group meet monthly" in chat.ok("bob", "meeting schedule 2027-02-18 10:00").text


def test_lieg_minutes_name_both_chairs_when_the_chair_hands_over_during_the_meeting(platform_chat: Speaking) -> None:
    """LIEG 5.1: a steering group member volunteers to chair each meeting; erin chairs, leaves at 10:40, and bob
    (steering group, 3.1) names alice to chair the rest. The minutes named only alice as the meeting's chair."""
    chat = platform_chat
    lieg_handover(chat)
    minutes = chat.ok("bob", "meeting minutes 1").text
    assert "erin (Hackney) until 10:40, then alice (Barnet)" in minutes


def test_lieg_the_co_chairs_represent_it_at_cs_npimg_and_record_that_they_did(platform_chat: Speaking) -> None:
    """LIEG 6.1 (under "Reporting, Monitoring and Reviewing Arrangements"): "The Co-chairs of LIEG will represent
    LIEG at meetings of the Children's Services National Performance and Information Management Group (CS-NPIMG)".
    No interval is set, so no reminders; `report done` was refused: "The ToR sets no reporting duty"."""
    chat = platform_chat
    chat.load("lieg")
    assert "Reporting: to CS-NPIMG as required, led by the co-chairs (ToR 6.1)" in chat.ok("frank", "terms").text
    made = chat.ok("bob", 'report done "London views on the CIN census at CS-NPIMG"').text
    assert "Report to CS-NPIMG recorded as made on 1 Dec 2026" in made


def test_cjcg_a_co_opted_attendee_is_recorded_as_a_guest_of_a_meeting_closed_to_the_public(
        platform_chat: Speaking) -> None:
    """CJCG 7.1: "Other members/attendees will be co-opted as necessary ... Subject experts as required"; 6.9:
    "meetings will not be open to the public or providers". The administrative support (6.3) records a subject
    expert attending, and is reminded that the meeting is not open to the public."""
    chat = platform_chat
    chat.load("cjcg")
    assert "guests may be invited, without a vote or a place in the quorum (ToR 7.1)" in chat.ok("bob", "terms").text
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    said = chat.ok("sam", 'guest @ben --from "Southend Carers Forum"').text
    assert "ben (Southend Carers Forum) attends meeting 1 as a guest: no vote, and not counted for the quorum " \
        "(ToR 7.1)." in said
    assert "Its meetings are not open to the public or providers (ToR 6.7-6.9): a guest attends only by invitation." \
        in said
    assert "Only the chair, the secretariat or the meeting's minute-taker can record a guest at a meeting (ToR 6.3)" \
        in chat.refused("bob", "guest @ben").text


def test_lieg_a_deputy_relieved_by_the_member_is_told_they_may_stay_beside_them(platform_chat: Speaking) -> None:
    """LIEG 2.4: deputising "where members are unable to attend or where an agenda item indicates that an
    alternative or additional individual would provide valuable input". olga attends for grace; grace arrives
    after all and takes her vote back; olga may stay on as the additional individual, and is told how."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "erin", scheduled="--chair @erin", before=(("grace", "deputy @olga"),))
    chat.ok("olga", "here")
    chat.now = dt.datetime(2026, 12, 10, 10, 20, tzinfo=dt.UTC)
    arrived = chat.ok("grace", "here").text
    assert "grace is present. olga no longer deputises for them; olga may stay beside grace, without a vote, by " \
        "saying here again (ToR 2.4)." in arrived
    assert "olga attends with grace as an additional individual" in chat.ok("olga", "here").text
    roll = chat.ok("erin", "attendance").text
    assert "olga for grace (until 10:20)" in roll and "olga with grace" in roll


def test_cjcg_the_administrative_support_is_not_asked_to_declare_interests(platform_chat: Speaking) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting" by those
    who decide; the administrative support (6.3) takes the notes and decides nothing, and was told, on arriving,
    that they joined late without declaring. A member arriving late still is."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    assert "Interests are declared" not in chat.ok("sam", "here").text
    assert "Interests are declared at the start of each meeting: bob, declare any now" in chat.ok("bob", "here").text
    chat.now += dt.timedelta(minutes=20)
    assert "Interests are declared at the start of each meeting, and carol joined after meeting 1 opened" in \
        chat.ok("carol", "here").text


def test_lieg_a_meeting_scheduled_without_a_chair_is_minuted_as_chaired_by_the_co_chair_who_ran_it(
        platform_chat: Speaking) -> None:
    """LIEG 5.1: a steering group member chairs each meeting; LIEG has two co-chairs (3.1) and no single chair.
    alice scheduled a meeting naming nobody, opened it and ran it: the minutes said "Chair: not recorded". (The
    signature is the steering group member's who approves the minutes, 5.2: see test_seeds_lieg_cjcg_who_acts.)"""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "alice")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("bob", "meeting minutes 1").text
    chair = next(line for line in minutes.splitlines() if "Chair:" in line)
    assert "alice (Barnet)" in chair
