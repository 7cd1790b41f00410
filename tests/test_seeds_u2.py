"""PLPCP (seed 000), LCIIB (seed 001) and CSCPWG (seed 002) met again, clause by clause, as their secretaries, chairs
and members would: what the bot still counted, said or allowed that the ToR does not, each fixed (after
tests/test_seeds_t1.py and tests/test_seeds_t2.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at


def test_plpcp_a_dcs_stands_twelve_months_from_15_jan_to_14_jan(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed": the ToR adopted on 15 Jan 2026, `members` said bob's term "ends 15 Jan 2027" - twelve months
    and a day - and nadia, the new North London DCS, could not be seated until 16 Jan 2027, her own term then running
    to 16 Jan 2028. Twelve months from 15 Jan end on 14 Jan; the successor sits from 15 Jan."""
    chat.load("plpcp")
    assert "DCS North London (North London sub-region): bob, term ends 14 Jan 2027" in chat.ok("sam", "members").as_text()
    at(chat, "2027-01-14", "09:00")
    said = chat.refused("sam", 'member add @nadia --seat "DCS North London"').text
    assert "until their term ends on 14 Jan 2027 (ToR Membership): seat the new representative from 15 Jan 2027" \
        in said, said
    at(chat, "2027-01-15", "09:00")
    seated = chat.ok("sam", 'member add @nadia --seat "DCS North London"').text
    assert seated == "nadia now holds DCS North London as member; term ends 14 Jan 2028 (ToR Membership).", seated


LONG = ("That the programme funds two new residential children's homes in the North London and West London "
        "sub-regions, in partnership with the sub-regional commissioning partnerships")


def test_plpcp_a_long_motion_withdrawn_is_named_with_an_ellipsis_where_it_is_cut(chat: Chat) -> None:
    """PLPCP (motions are voted on at meetings): bob withdrew his long motion and read "Motion 1 (That the programme
    funds ... North London and West Lond) is withdrawn", the question cut at 80 characters mid-word with no mark that
    anything was left out."""
    chat.load("plpcp")
    chat.ok("bob", f'motion "{LONG}"')
    said = chat.ok("bob", "motion withdraw 1").text
    assert said.startswith("Motion 1 (That the programme funds two new residential children's homes in the North…) "
                           "is withdrawn by its proposer"), said


def test_plpcp_moving_a_withdrawn_motion_again_gives_its_whole_text(chat: Chat) -> None:
    """PLPCP: bob's long motion withdrawn, alice's `motion vote 1` was told to "move it again: motion "That the
    programme funds ... West Lond"" - a command that, typed, would move a different, cut-off motion."""
    chat.load("plpcp")
    chat.ok("bob", f'motion "{LONG}"')
    chat.ok("bob", "motion withdraw 1")
    said = chat.refused("alice", "motion vote 1").text
    assert said.endswith(f'move it again: motion "{LONG}".'), said


def test_plpcp_a_long_motion_given_a_deadline_is_told_to_propose_its_whole_text_without(chat: Chat) -> None:
    """PLPCP decides by motion only at meetings: bob's long motion with `--closes` was refused with "propose it
    without: `motion "<its first 80 characters>"`", so copying the suggestion moved a motion cut mid-word."""
    chat.load("plpcp")
    said = chat.refused("bob", f'motion "{LONG}" --closes "8 Dec 17:00"').text
    assert said.endswith(f'propose it without: `motion "{LONG}"`.'), said


def test_lciib_a_long_motion_left_unvoted_at_the_close_is_named_with_an_ellipsis(chat: Chat) -> None:
    """LCIIB (Board Support and Logistics): a long motion not put to the vote was named at the meeting's close as
    "Motion 1 (<its first 80 characters>)", cut mid-word with no mark."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 10 Dec 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("bob", f'motion "{LONG}"')
    said = chat.ok("alice", "meeting close").as_text()
    assert "Motion 1 (That the programme funds two new residential children's homes in the North…) was not put to " \
           "the vote" in said, said


def test_plpcp_the_programme_team_is_told_a_dcs_term_is_ending_as_the_chair_is(chat: Chat) -> None:
    """PLPCP Membership ("Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed") and Support and Logistics ("support provided by the LIIA programme team"): the warnings that
    bob's term ends, "Plan who is seated next: `member add @person --seat ...`", went to bob and alice only, though
    sam, the programme team, seats members and was not told until the seat fell vacant."""
    from tests.scheduler.conftest import RecordingNotifier, run
    chat.load("plpcp")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [at_utc("2026-12-15"), at_utc("2027-01-07")])
    told = [s.destination.user_id for s in notifier.sent
            if s.reply.title == "Term ending" and s.reply.text.startswith("bob's term")]
    assert told == ["bob", "alice", "sam"] * 2, told


def at_utc(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")


def test_cscpwg_opening_the_first_meeting_says_it_elects_the_chair(chat: Chat) -> None:
    """CSCPWG Governance, "The working group will elect a chair at its first meeting": sam, the Senior Adviser, opened
    meeting 1 and the card gave the roll call and the 90 minutes, and nothing of the election it is held for; the
    members learnt how it is held only when alice, refused opening, was told."""
    chat.load("cscpwg")
    chat.now = dt.datetime(2022, 9, 5, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 7 Sep 14:00")
    chat.now = dt.datetime(2022, 9, 7, 13, 0, tzinfo=dt.UTC)
    said = chat.ok("sam", "meeting open").text
    assert ("The ToR has the group elect its chair, and none is elected yet (ToR Governance): sam presides until "
            "then. Hold the election with `poll \"Chair\" \"alice\" \"bob\"` (the candidates), close it "
            "with `poll close N` once the members have voted, then record the result with `chair @winner --poll N`; "
            "the chair elected runs the rest of the meeting.") in said, said


def test_cscpwg_a_member_proposing_with_a_deadline_is_told_it_is_kept(chat: Chat) -> None:
    """CSCPWG Operation, "Work will also be carried out via email in between meetings": carol proposed a recommendation
    between meetings `--closes "8 Mar 17:00"` and read only "The chair opens the vote with `motion vote 2`", as if the
    deadline she gave had been dropped; it is kept, and the vote the chair opens closes then."""
    from tests.test_seeds_t2 import cscpwg_chair_elected_with_a_substitute
    cscpwg_chair_elected_with_a_substitute(chat)
    chat.ok("bob", "meeting close")
    chat.now = dt.datetime(2023, 3, 1, 9, 0, tzinfo=dt.UTC)
    said = chat.ok("carol", 'motion "Recommend a national fostering campaign" --closes "8 Mar 17:00"').text
    assert said.endswith("The chair opens the vote with `motion vote 2`; it closes at the deadline you gave, Wed 8 "
                         "Mar 2023, 17:00 GMT, unless the chair sets another."), said
    assert "Closes: Wed 8 Mar 2023, 17:00 GMT" in chat.ok("bob", "motion vote 2").as_text()


def test_plpcp_a_command_put_as_a_sentence_is_pointed_to_the_verb_it_names(chat: Chat) -> None:
    """PLPCP meeting 1's card has a button "Send apologies": carol typed `send apologies` and was asked "Did you mean
    `agenda`?"; sam's `record action ...` was pointed to `report`, and `show members`, `who is here` and `sorry` to
    nothing. Each is now pointed to the command its words name (still suggested, never run in its place)."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 10 Dec 10:00")
    for who, typed, meant in (("carol", "send apologies", "apologies"), ("carol", "send my apologies", "apologies"),
                              ("carol", "sorry", "apologies"), ("sam", 'record action "Chase SLT" --owner @bob',
                                                                "action"),
                              ("sam", "show members", "members"), ("sam", "list meetings", "meetings"),
                              ("sam", "who is here", "attendance")):
        said = chat.refused(who, typed).text
        assert f"Did you mean `{meant}`?" in said, (typed, said)
    assert chat.refused("dan", "I'm here").text.startswith("No meeting is open"), "read as `here` (test_seeds_z.py)"


def test_plpcp_an_alternate_not_yet_named_is_told_who_names_them_with_the_clause(chat: Chat) -> None:
    """PLPCP Membership, "Each DCS will nominate an alternate DCS from the sub-region": otto, East London's listed
    alternate, said `here --for @carol` at meeting 1 and read "carol can name you with `alternate @otto`", the rule
    of who names an alternate stated without its clause."""
    from tests.platform_chats import meeting_opened
    meeting_opened(chat, "plpcp")
    said = chat.refused("otto", "here --for @carol").text
    assert said.endswith("carol can name you with `alternate @otto` (ToR Membership)."), said


def test_lciib_the_secretariat_declaring_an_interest_is_told_why_not_a_seat_it_holds(chat: Chat) -> None:
    """LCIIB Board Support and Logistics, "Secretariat support for the Board will be provided by the LIIA programme
    team with London Councils": sam, who holds that seat, declared an interest and was told "Only those who hold a
    seat in London Children's Innovation and Improvement Board declare interests here", though sam holds one."""
    chat.load("lciib")
    said = chat.refused("sam", 'declare "I work for London Councils"').text
    assert said == ("Only members of London Children's Innovation and Improvement Board declare interests here: your "
                    "seat, LIIA programme team with London Councils, is its secretariat, which supports it and is not "
                    "a member of it (ToR Board Support and Logistics)."), said
    assert "Only those who hold a seat" in chat.refused("zed", 'declare "I work for Barnet"').text


def test_lciib_apologies_sent_again_with_a_new_reason_say_the_reason_changed(chat: Chat) -> None:
    """LCIIB (Board Support and Logistics, the secretariat keeps the record): carol sent apologies, "clash with
    cabinet", then again, "ill"; both answers read "Apologies from carol recorded", so she could not tell the second
    reason had replaced the first, as the minutes then showed."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 10 Dec 10:00")
    chat.ok("carol", 'apologies "clash with cabinet"')
    said = chat.ok("carol", 'apologies "ill"').text
    assert said.startswith("Apologies from carol (ill, in place of the reason given before: clash with cabinet) "
                           "recorded for meeting 1"), said
