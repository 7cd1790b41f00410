"""The five seeds played as their secretaries and chairs would in a first meeting: what a round of play found the bot
doing that the ToR does not allow, or saying unhelpfully, each fixed."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import meeting_opened
from tests.test_seeds_n import plpcp_after_the_first_terms


def test_a_date_typed_without_quotes_is_read_as_the_date_and_not_written_into_the_action_or_motion(
        chat: Chat) -> None:
    """CJCG 6.3, "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings": sam recording an action due "18 Dec" recorded it as "Circulate the plan Dec", and a motion closing
    "2026-12-10 17:00" as "Approve the plan 17:00": the words of the date went into the record's text unasked."""
    chat.load("cjcg")
    said = chat.ok("sam", 'action "Circulate the plan" --owner @bob --due 18 Dec').as_text()
    assert "Action 1 recorded: Circulate the plan (owner bob, due 18 Dec 2026)." in said, said
    said = chat.ok("sam", "action Send the minutes to the boards --due 18 December 2026 --owner @bob").as_text()
    assert "Action 2 recorded: Send the minutes to the boards (owner bob, due 18 Dec 2026)." in said, said
    said = chat.ok("alice", 'motion "Approve the plan" --closes 2026-12-10 17:00').as_text()
    assert "Vote open on motion 1." in said and "Approve the plan 17:00" not in said, said
    assert "Closes: Thu 10 Dec 2026, 17:00 GMT" in said, said


def test_a_meeting_scheduled_with_its_date_in_words_is_scheduled_not_refused(chat: Chat) -> None:
    """CJCG 6.1 "will meet bi-monthly": `meeting schedule 10 December 2026 10:00`, as a secretary writes a date,
    was refused with "I did not expect '2026 10:00'"; the date had to be quoted or written 2026-12-10."""
    chat.load("cjcg")
    said = chat.ok("sam", "meeting schedule 10 December 2026 10:00").as_text()
    assert "Meeting 1 scheduled." in said and "When: Thu 10 Dec 2026, 10:00 GMT" in said, said
    said = chat.ok("sam", "meeting schedule 2pm Thursday 11 Feb 2027").as_text()
    assert "Meeting 2 scheduled." in said and "When: Thu 11 Feb 2027, 14:00 GMT" in said, said
    said = chat.refused("sam", "meeting schedule 2027-04-08").as_text()
    assert said.startswith("At what time? Say `meeting schedule "), said  # not "At what time?. Say"


def test_a_vote_without_its_number_lists_the_motions_open(chat: Chat) -> None:
    """CJCG: bob, voting as people say it, `vote for`, was told only "The poll is a number, not 'for'. Say `vote 3
    for`", with motions 1 and 2 open; he is now told which are open, as `vote` alone already was. (With one open,
    it is cast there: tests/test_seeds_x.py.)"""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    chat.ok("alice", 'motion "Meet monthly"')
    said = chat.refused("bob", "vote for").as_text()
    assert "The poll is a number, not 'for'." in said, said
    assert 'Open polls and motions: 1 "Approve the joint action plan", 2 "Meet monthly".' in said, said


def test_the_secretariat_records_apologies_a_member_sent_by_email_and_a_member_cannot_for_another(
        chat: Chat) -> None:
    """CJCG 6.3, "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings": dan e-mails the administrative support his apologies. sam had no way to record them (`apologies`
    took no --for), so dan was minuted absent unless he typed them himself. Recording them is the note-taker's
    (who records actions, ToR 6.3), not another member's; nor for someone without a seat, or present."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.ok("sam", "apologies --for @dan annual leave").text
    assert said == "Apologies from dan recorded by sam for meeting 1 (Thu 10 Dec 2026, 10:00 GMT).", said
    said = chat.refused("bob", "apologies --for @carol").text
    assert said.startswith("Only the chair, the secretariat or the meeting's minute-taker can record apologies sent "
                           "by a member (ToR 6.3)."), said
    said = chat.refused("sam", "apologies --for @yan").text
    assert said == "yan holds no seat in Children's Joint Commissioning Group, so no apologies are needed from them."
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    said = chat.refused("sam", "apologies --for @bob").text
    assert said.startswith("bob is recorded present at meeting 1, so apologies no longer apply"), said
    chat.ok("sam", "apologies --for @erin stuck in traffic")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "- **Apologies:** dan (Southend City Council) — annual leave; erin (Southend City Council) — stuck in " \
           "traffic" in minutes, minutes


def test_plpcp_apologies_recorded_for_a_dcs_whose_term_has_ended_say_whose_term(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will stand for twelve months": the secretariat recording apologies for bob, whose
    term ended before the meeting, is told it is bob's term that ended, not "your term"."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    said = chat.refused("sam", "apologies --for @bob").text
    assert said.startswith("No apologies are needed: bob's term in DCS North London ended on 14 Jan 2027, before "
                           "meeting 1 (ToR Membership), so they hold no seat at it. The ToR has a new representative "
                           "appointed to DCS North London"), said


def test_a_vote_typed_as_one_word_is_pointed_to_vote_with_the_motions_open_not_to_action(chat: Chat) -> None:
    """LIEG 6.3, "a vote enacted with all the LIEG members present": harry, voting as a member calls out in a room,
    typed `abstain`, and was asked "Did you mean `action`?"; `for` and `against` got no suggestion at all."""
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("frank", 'motion "That LIEG changes its venue rota"')
    chat.ok("alice", "motion table 1")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("harry", "here")
    chat.ok("erin", "motion vote 1")
    said = chat.refused("harry", "abstain").as_text()
    assert "Did you mean `vote N abstain`?" in said and "action" not in said, said
    assert 'Open polls and motions: 1 "That LIEG changes its venue rota".' in said, said
    assert "Did you mean `vote N against`?" in chat.refused("harry", "against").as_text()


def test_cjcg_a_refusal_for_want_of_the_chair_says_the_chair_is_away_and_who_names_another(chat: Chat) -> None:
    """CJCG 6.2 names one chair and no vice-chair; 6.3 gives the administrative support the arrangements for
    meetings. alice sent apologies, and bob, opening the meeting, was told to "Ask alice, the chair"; bob, named to
    chair it, then left, and carol, closing the vote, was told to ask alice or bob, neither of them there."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "apologies")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    said = chat.refused("bob", "meeting open").text
    assert said.endswith("Ask alice, the chair (ToR 6.2). But alice sent apologies for meeting 1: the chair or the "
                         "secretariat can name who chairs it with `meeting chair @person` (ToR 6.3)."), said
    chat.ok("sam", "meeting chair @bob")
    chat.ok("bob", "meeting open")
    for who in ("carol", "dan", "erin"):
        chat.ok(who, "here")
    chat.ok("bob", 'motion "Approve the joint action plan"')
    chat.ok("carol", "vote 1 for")
    chat.now += dt.timedelta(minutes=30)
    chat.ok("bob", "leaving")
    said = chat.refused("carol", "poll close 1").text
    assert said.endswith("But alice sent apologies for meeting 1 and bob has left it: the chair or the secretariat "
                         "can name who chairs the rest of it with `meeting chair @person` (ToR 6.3)."), said
    chat.ok("sam", "meeting chair @carol")
    assert "Motion 1 is closed: carried." in chat.ok("carol", "poll close 1").as_text()


def test_plpcp_a_casting_vote_refused_says_what_the_chair_does_with_the_tie(chat: Chat) -> None:
    """PLPCP sets no voting rule and gives its chair no casting vote: bob, chairing, tried `poll close 1 --casting
    for` on a 1-1 tie and was told only "The ToR gives the chair no casting vote.", not what to do instead."""
    meeting_opened(chat, "plpcp", "carol")
    chat.ok("alice", 'motion "That the pilot is funded"')
    chat.ok("alice", "vote 1 for")
    chat.ok("carol", "vote 1 against")
    said = chat.refused("alice", "poll close 1 --casting for").text
    assert said == "The ToR gives the chair no casting vote. A tie is not carried; close the vote with `poll close 1`."
    assert "tied, and the ToR gives the chair no casting vote" in chat.ok("alice", "poll close 1").as_text()


def test_cjcg_the_minutes_never_say_a_member_declared_an_interest_and_had_none_to_declare(chat: Chat) -> None:
    """CJCG 6.5, "Conflicts of interest are to be declared and recorded at the beginning of each meeting": bob
    declared his interest in item 1 before the meeting, then pressed the opening card's "No interests to declare";
    carol pressed it first and then declared hers. The minutes a clerk files said of each both that they had no
    interests to declare and that they declared one on item 1."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "SEND placements procurement"')
    chat.ok("bob", 'declare "My sister manages a bidding provider" --item 1')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    said = chat.ok("bob", "declare none").text
    assert said == ("bob has declared an interest for meeting 1, which stands (ToR 6.5): item 1 (SEND placements "
                    "procurement): My sister manages a bidding provider. Nothing is added, as 'no interests to "
                    "declare' would contradict it; anything else to declare: `declare \"...\" --item N`."), said
    chat.ok("carol", "here")
    chat.ok("carol", "declare none")
    said = chat.ok("carol", 'declare "I sit on a provider board" --item 1').text
    assert said.endswith("; it replaces the 'no interests to declare' recorded before."), said
    chat.ok("alice", "declare none")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "- **For the meeting:** alice (Southend City Council): no interests to declare\n" in minutes, minutes
    assert ("- **Item 1 (SEND placements procurement):** bob (Southend City Council): My sister manages a bidding "
            "provider; carol (Southend City Council): I sit on a provider board") in minutes, minutes


def test_plpcp_a_quarterly_report_recorded_by_the_chair_and_the_secretary_is_one_report(chat: Chat) -> None:
    """PLPCP Activity and Responsibilities, "quarterly reports to LCIIB": alice and sam each recorded the same Q3
    report, and the minutes listed it twice ("recorded as made by alice", "... by sam"); a second `review done` the
    same day was a second review."""
    meeting_opened(chat, "plpcp")
    chat.ok("alice", 'report done "Q3 report sent"')
    said = chat.ok("sam", 'report done "Q3 report sent"').text
    assert said == "The report to LCIIB was already recorded as made on 10 Dec 2026 (Q3 report sent); nothing is added."
    chat.ok("sam", 'review done "Effectiveness reviewed"')
    said = chat.ok("alice", "review done").text
    assert said == ("The ToR review was already recorded as done on 10 Dec 2026 (Effectiveness reviewed); nothing is "
                    "added."), said
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert minutes.count("The report to LCIIB was recorded as made") == 1, minutes


def test_cjcg_a_resolution_is_not_recorded_while_the_meeting_is_not_quorate(chat: Chat) -> None:
    """CJCG 6.4, "quorate if three of its members are present": with alice and bob there, sam recorded "Resolved: The
    plan is approved" on item 1, and the minutes carried the resolution with only "When the meeting opened: not
    quorate" beside it. A vote was already refused until the meeting was quorate; a resolution now is too."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan 2027-29"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    said = chat.refused("sam", 'resolved "The plan is approved" --item 1').text
    assert said == ("The meeting is not quorate — 2 members present, 3 needed (ToR 6.4); a resolution needs a quorate "
                    "meeting, as a vote does. Record the discussion meanwhile with `minute \"…\" --item 1`."), said
    chat.ok("sam", 'minute "The group discussed the draft plan" --item 1')
    chat.ok("carol", "here")
    chat.ok("sam", 'resolved "The plan is approved" --item 1')
    chat.ok("alice", "meeting close")
    assert "**Resolved:** The plan is approved" in chat.ok("alice", "minutes 1").as_text()


def test_lieg_help_says_a_motion_is_tabled_first_and_who_records_apologies_sent_to_them(chat: Chat) -> None:
    """LIEG 6.3, "the member will table the motion with members of the steering group first": `help motion` in its
    channel said only who may propose one, so frank learnt of tabling when his motion was proposed; and `help
    apologies` said nothing of who may record apologies a member sent them (5.2: the minute-taker)."""
    chat.load("lieg")
    said = chat.ok("frank", "help motion").text
    assert "A motion is tabled with the LIEG steering group before it is voted on (ToR 6.3)." in said, said
    said = chat.ok("frank", "help apologies").text
    assert ("Who may record apologies a member sent them (`--for`): the chair or the meeting's minute-taker "
            "(ToR 5.2).") in said, said


def test_cjcg_a_subject_expert_seated_by_mistake_is_pointed_to_recording_them_as_a_guest(chat: Chat) -> None:
    """CJCG 7.1, "Other members/attendees will be co-opted as necessary ... Subject experts as required": sam,
    seating a subject expert, was told only that the ToR has no such seat and to edit the ToR file; the ToR file
    has a subject expert attend as a guest, which nothing said."""
    chat.load("cjcg")
    said = chat.refused("sam", 'member add @gus --seat "Subject expert"').text
    assert said.startswith("The ToR has no seat 'Subject expert'."), said
    assert said.endswith("Someone who attends a meeting without a seat is recorded at it as a guest (ToR 7.1): "
                         "`guest @person --from \"organisation\"`."), said


def test_plpcp_a_dcs_named_to_chair_one_meeting_holds_that_meetings_chair_not_the_groups(chat: Chat) -> None:
    """PLPCP Membership, "ALDCS Policy Lead for Finance and Resources (Chair)": alice sent apologies for meeting 2 and
    sam named bob to chair it. From then, a month before it, bob could approve the minutes of meeting 1 (which
    alice chaired, locking them), remove carol and seat someone else, record the ToR review and cancel meeting 2:
    whoever was named for the next meeting held every power of the chair. He now holds meeting 2's chair only."""
    meeting_opened(chat, "plpcp")
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-01-12 10:00")
    chat.ok("alice", "apologies")
    chat.ok("sam", "meeting chair @bob")
    said = chat.refused("bob", "minutes approve 1").text
    assert said.startswith("Only the chair (or the meeting's chair) can approve the minutes"), said
    assert "Ask alice, the chair (ToR Membership)." in said and "But" not in said, said
    assert "Ask alice or sam." in chat.refused("bob", "member remove @carol").text
    assert "Ask alice or sam." in chat.refused("bob", "review done").text
    assert "Ask alice or sam." in chat.refused("bob", "meeting cancel 2").text
    chat.now = dt.datetime(2027, 1, 12, 10, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting open")  # the meeting he was named for is his to run
    chat.ok("carol", "here")
    chat.ok("bob", 'motion "That the pilot is extended"')
    chat.ok("carol", "vote 1 for")
    chat.ok("bob", "poll close 1")
    chat.ok("bob", "meeting close")
    chat.ok("bob", "minutes approve 2")


def test_cjcg_a_member_casting_another_members_vote_is_told_whose_votes_are_cast_not_to_say_here(chat: Chat) -> None:
    """CJCG 7.2, a deputy "to attend" for a member who cannot: bob, present, tried to cast erin's vote as she had asked
    him to (`vote 1 for --for @erin`) and was told "You are not recorded present at meeting 1; say `here` first",
    though he was; proxies are not in the ToR, and what he needed to hear is that erin's vote is not his to cast."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    said = chat.refused("bob", "vote 1 for --for @erin").text
    assert said == ("You do not cast erin's vote: a vote is cast by the member or by a deputy attending in their place "
                    "(ToR 7.2). Vote with `vote 1 <choice>`."), said
    chat.ok("bob", "vote 1 for")


def test_plpcp_a_dcs_succeeded_at_the_end_of_the_term_is_told_so_not_the_alternate_rules(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed": bob, whose term ended on 14 Jan 2027 and whom zara succeeded, said `here` at the next meeting
    and was told "An alternate must be a DCS from the same sub-region, and bob is not recorded as one", as if a
    stranger asking to be an alternate."""
    plpcp_after_the_first_terms(chat)
    said = chat.refused("bob", "here").text
    assert said == ("You no longer hold a seat in Pan-London Placements Commissioning Programme Steering Group: your "
                    "term in DCS North London ended on 14 Jan 2027 (ToR Membership); zara holds it now."), said
