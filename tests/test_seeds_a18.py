"""Seeds 000-002 played as meetings: what a chair or secretary met that the bot got wrong (PLPCP, LCIIB, CSCPWG)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import chair_elected
from tests.test_seeds_y1 import cscpwg_chair_elected_in_january


def test_plpcp_ended_early_offers_no_meeting_to_schedule(chat: Chat) -> None:
    """PLPCP Review: "time-limited for the duration of the programme". Once `group end --agreed` records the end,
    asking about meetings, saying `here` or adding to the agenda pointed to `meeting schedule`, which it refuses."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 10 Dec 2026 14:00")
    chat.ok("alice", 'group end --agreed "LCIIB minute 7, 30 Nov 2026: programme closed"')
    ended = "Pan-London Placements Commissioning Programme Steering Group ended on 1 Dec 2026, so no meeting can be " \
            "scheduled; its record stays readable."
    listed = chat.ok("grace", "meetings").text
    assert ended in listed and "meeting schedule" not in listed
    for who, text in (("bob", "here"), ("sam", 'agenda add "Budget"'), ("bob", "apologies"),
                      ("alice", "meeting open")):
        said = chat.refused(who, text).text
        assert ended in said and "meeting schedule" not in said, said
    assert "can no longer schedule meetings" in chat.refused("sam", "meeting schedule 10 Jan 2027 10:00").text
    quorum = chat.refused("alice", "quorum").text
    assert "meeting open" not in quorum and ended in quorum


def test_cscpwg_ceased_by_all_members_offers_no_meeting_to_schedule(chat: Chat) -> None:
    """CSCPWG Operation: "The group may cease prior to this ... by agreement of all members". After the motion to
    cease carried and `group end --motion N` recorded it, `here` still offered `meeting schedule`."""
    chat.now = dt.datetime(2022, 10, 10, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    # the secretariat presides until a chair is elected: alice is elected at the first meeting
    chat.ok("sam", "meeting schedule 12 Oct 2022 14:00")
    chat.now = dt.datetime(2022, 10, 12, 13, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chair_elected(chat, "alice")
    chat.ok("alice", 'motion "That the working group ceases now"')
    for who in ("alice", "bob", "carol", "dan"):
        chat.ok(who, "vote 2 for")
    chat.ok("alice", "poll close 2")
    chat.ok("alice", "meeting close")
    chat.ok("sam", "group end --motion 2")
    said = chat.refused("bob", "here").text
    assert "Children's Social Care Placements Working Group ended on 12 Oct 2022, so no meeting can be scheduled" \
        in said and "meeting schedule" not in said


def test_cscpwg_a_vote_past_its_deadline_offers_no_vote_buttons(chat: Chat) -> None:
    """CSCPWG Operation: "Work will also be carried out via email in between meetings". Between a vote's deadline and
    the scheduler declaring it, `results` showed For / Against / Abstain buttons that every press refuses; the chair's
    close stays."""
    chat.now = dt.datetime(2022, 10, 10, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", 'poll "Where shall we meet in November?" "Teams" "Zoom" --closes "17 Oct 2022 17:00"')
    chat.ok("bob", "vote 1 Teams")
    assert [b.label for b in chat.ok("bob", "results 1").buttons] == ["Teams", "Zoom", "Close vote"]
    chat.now = dt.datetime(2022, 10, 17, 16, 0, 30, tzinfo=dt.UTC)  # 17:00:30 BST
    assert "closed at" in chat.refused("carol", "vote 1 Zoom").text
    assert [b.label for b in chat.ok("bob", "results 1").buttons] == ["Close vote"]


def test_lciib_help_and_deputies_name_nobody_to_name_a_deputy(chat: Chat) -> None:
    """LCIIB Membership makes no provision for deputies: `terms` says "nobody", yet `help deputy` said the member, the
    chair or the secretariat may name one, and `deputies` told a member to name one with `deputy @person`."""
    chat.load("lciib")
    helped = chat.ok("bob", "help deputy").text
    assert "the member themself" not in helped
    assert "Who may name a deputy for a member: nobody: the ToR makes no provision for deputies (ToR Membership)." \
        in helped
    listed = chat.ok("bob", "deputies").text
    assert "deputy @person" not in listed
    assert listed == "London Children's Innovation and Improvement Board's ToR makes no provision for deputies " \
                     "(ToR Membership)."


def test_a_deputy_named_for_the_next_meeting_in_words_is_told_the_meeting_option(chat: Chat) -> None:
    """CSCPWG Governance ("Members may send substitutes to working group meetings") and PLPCP Membership: dan's
    `substitute @vera for the next meeting` was told to say `deputy @vera --for @the next meeting`, a person named
    "the"; `for` is the option of a member someone records a deputy for, the meeting is `--meeting`."""
    chat.now = dt.datetime(2022, 10, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 6 Oct 2022 14:00")
    for typed, meant in (("substitute @vera for the next meeting", "deputy @vera --meeting next"),
                         ("substitute @vera for next meeting.", "deputy @vera --meeting next"),
                         ("substitute @vera for meeting 1", "deputy @vera --meeting 1")):
        said = chat.refused("dan", typed).text
        assert f"Say `{meant}`." in said and "--for" not in said, said
    chat.ok("dan", "deputy @vera --meeting next")
    # `for` naming a member stays the option it is: the secretariat records the substitute dan sent
    assert "Say `deputy @wendy --for @carol`." in chat.refused("sam", "substitute @wendy for carol").text


def test_cscpwg_ending_on_a_motion_still_being_voted_on_says_how_it_closes(chat: Chat) -> None:
    """CSCPWG Operation ("may cease ... by agreement of all members"): sam's `group end --motion 2` on a motion whose
    vote was open, or past its deadline and not yet declared, was told only "Motion 2 is not a closed motion", as if
    it were not a motion at all; the answer says where the vote stands and what closes it."""
    cscpwg_chair_elected_in_january(chat)
    chat.now = dt.datetime(2023, 1, 12, 9, 0, tzinfo=dt.UTC)
    chat.ok("bob", 'motion "That the working group ceases now"')
    proposed = chat.refused("sam", "group end --motion 2").text
    assert proposed.startswith("Motion 2 has not been put to the vote: the chair opens the vote with `motion vote 2`."), \
        proposed
    chat.ok("alice", 'motion vote 2 --closes "19 Jan 2023 17:00"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 2 for")
    still_open = chat.refused("sam", "group end --motion 2").text
    assert still_open.startswith("The vote on motion 2 is open until Thu 19 Jan 2023, 17:00 GMT"), still_open
    chat.now = dt.datetime(2023, 1, 19, 17, 0, 20, tzinfo=dt.UTC)
    past = chat.refused("sam", "group end --motion 2").text
    assert past.startswith("The vote on motion 2 closed at Thu 19 Jan 2023, 17:00 GMT and its result is being "
                           "declared; the chair can declare it now with `poll close 2`"), past
    chat.ok("alice", "poll close 2")
    assert chat.ok("sam", "group end --motion 2").text.startswith(
        "Children's Social Care Placements Working Group ends on 19 Jan 2023 (ToR Operation)")


def test_cscpwg_a_substitute_named_by_two_is_offered_only_the_member_still_absent(chat: Chat) -> None:
    """CSCPWG Governance ("Members may send substitutes"): dan and carol both named vera for meeting 1. Once dan came
    himself, vera's `here` still said "say which: `here --for @dan` or `here --for @carol`", offering one that is
    refused; she attends for carol, the one not here. With both here, she is told both are."""
    chat.now = dt.datetime(2023, 1, 5, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2023-01-10 10:00")
    chat.ok("dan", "substitute @vera")
    chat.ok("carol", "substitute @vera")
    chat.now = dt.datetime(2023, 1, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    assert "say which: `here --for @dan` or `here --for @carol`" in chat.refused("vera", "here").text
    chat.ok("dan", "here")
    assert chat.ok("vera", "here").text.startswith("vera is attending as substitute for carol")
    chat.ok("vera", "leaving")
    chat.ok("carol", "here")
    said = chat.refused("vera", "here").text
    assert said == "dan and carol are present; a substitute attends only in place of an absent member " \
                   "(ToR Governance).", said


def test_plpcp_apologies_for_the_march_meeting_or_meeting_2_by_its_number_alone(chat: Chat) -> None:
    """PLPCP meets quarterly (Steering Group Support and Logistics): with meetings on 10 Dec and 11 Mar scheduled,
    carol's `apologies for the March meeting: school governors` was recorded for December's meeting with the reason
    "for the March meeting: school governors", and dan's `apologies 2` for meeting 1 with the reason "2"."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 10 Dec 2026 14:00")
    chat.ok("sam", "meeting schedule 11 Mar 2027 14:00")
    said = chat.ok("frank", "apologies for the March meeting: school governors").text
    assert said.startswith("Apologies from frank recorded for meeting 2 (Thu 11 Mar 2027, 14:00 GMT)"), said
    assert chat.ok("grace", "apologies 2").text.startswith("Apologies from grace recorded for meeting 2")
    assert "frank" not in chat.ok("alice", "attendance").as_text()  # meeting 1 has no apologies from frank
    assert "There is no meeting in April to come" in chat.refused("frank", "apologies for the April meeting").text
    # a reason that only begins with a month's name is a reason
    assert chat.ok("frank", "apologies - March of the unions in town").text.startswith(
        "Apologies from frank recorded for meeting 1")


def test_lciib_an_observer_who_leaves_early_is_minuted_as_leaving(chat: Chat) -> None:
    """LCIIB Membership: "The RIIA programme lead will attend meetings". liam said `leaving` at 10:40 and was told
    "liam has left meeting 1 at 10:40", yet the attendance and the minutes listed him in attendance throughout, as a
    member who leaves is not."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 15 Dec 2026 10:00")
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("liam", "here")
    chat.now = dt.datetime(2026, 12, 15, 10, 40, tzinfo=dt.UTC)
    assert chat.ok("liam", "leaving").text == "liam has left meeting 1 at 10:40."
    chat.ok("bob", "leaving")
    fields = dict(chat.ok("alice", "attendance").fields)
    assert fields["In attendance"] == "liam — RIIA programme lead (left 10:40)", fields
    chat.now = dt.datetime(2026, 12, 15, 11, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    assert "- **In attendance:** liam — RIIA programme lead — left at 10:40" in minutes, minutes
    assert "bob (Chief Executives London Committee) — left at 10:40" in minutes


def test_plpcp_ended_early_has_no_review_due(chat: Chat) -> None:
    """PLPCP Review: "The Steering Group is time-limited for the duration of the programme. In addition, a review of
    the group's effectiveness ... should be undertaken after twelve months". Once the group has ended, `review`
    still said "The ToR review is due on 15 Jan 2027", though the reminders had stopped: no review is due."""
    chat.load("plpcp")
    assert chat.ok("bob", "review").text == "The ToR review is due on 15 Jan 2027 (ToR Review)."
    chat.ok("sam", 'group end --agreed "LCIIB minute 7, 30 Nov 2026: programme closed"')
    said = chat.ok("bob", "review").text
    assert said == "Pan-London Placements Commissioning Programme Steering Group ended on 1 Dec 2026, so no review " \
                   "of it is due; its record stays readable.", said


def test_a_question_typed_in_words_is_pointed_to_the_command_that_answers_it(chat: Chat) -> None:
    """PLPCP Membership ("Each DCS will nominate an alternate DCS"): carol's `who is my alternate` was answered
    "Did you mean `attendance`?"; `when is the next meeting?` and `what's on the agenda?` got no suggestion at all."""
    chat.load("plpcp")
    for typed, meant in (("who is my alternate", "alternates"), ("who's my alternate?", "alternates"),
                         ("when is the next meeting?", "meetings"), ("what's on the agenda?", "agenda"),
                         ("I'd like to declare an interest", 'declare "the interest"'),
                         ("list the members", "members")):
        said = chat.refused("carol", typed).text
        assert f"Did you mean `{meant}`?" in said, (typed, said)
    assert "Did you mean `attendance`?" in chat.refused("carol", "who").text  # a bare `who` as before


def test_cscpwg_a_second_meeting_the_same_day_is_not_said_to_be_0_days_after(chat: Chat) -> None:
    """CSCPWG Operation ("additional meetings where required and agreed by the chair"): sam's second meeting on the
    day of meeting 2 was refused as "27 Jun 2023 is 0 days after meeting 2 (27 Jun 2023)"."""
    cscpwg_chair_elected_in_january(chat)
    chat.ok("sam", "meeting schedule 2023-03-10 10:00")
    said = chat.refused("sam", "meeting schedule 2023-03-10 15:00").text
    assert said.startswith("10 Mar 2023 is the day of meeting 2, so it would be an additional meeting"), said
    assert "0 days" not in said


def test_plpcp_an_alternate_removed_in_other_words_is_pointed_to_revoke(chat: Chat) -> None:
    """PLPCP Membership ("Each DCS will nominate an alternate DCS"): bob's `alternate remove @nadia` was told to say
    `deputy @remove`, naming a person "remove"."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    for typed in ("alternate remove @nadia", "alternate withdraw @nadia", "alternate cancel @nadia"):
        said = chat.refused("bob", typed).text
        assert said == "To withdraw a nomination, say `alternate revoke @nadia`.", said
    assert chat.ok("bob", "alternate revoke @nadia").text == "nadia is no longer bob's alternate."


def test_plpcp_revoking_an_alternate_not_named_lists_alternates_by_the_tor_word(chat: Chat) -> None:
    """PLPCP Membership calls them alternates, and the bot says so: `alternate revoke @otto` for one never named said
    "Say `deputies` to see nominations"."""
    chat.load("plpcp")
    said = chat.refused("bob", "alternate revoke @otto").text
    assert said == "otto is not bob's alternate. Say `alternates` to see nominations.", said


def test_lciib_the_chair_leaving_the_meeting_is_told_nobody_now_chairs_it(chat: Chat) -> None:
    """LCIIB Membership ("chaired by a Chief Executive"): alice said `leaving` in the middle of meeting 1 and was told
    only that she had left; bob's motion then said "The chair opens the vote", and alice, asked, was refused as not at
    the meeting. Her leaving says nobody now chairs it and who names one; a member leaving hears nothing of it."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 15 Dec 2026 10:00")
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for member in ("bob", "carol", "dan"):
        chat.ok(member, "here")
    assert chat.ok("dan", "leaving").text == "dan has left meeting 1 at 10:00."
    chat.now = dt.datetime(2026, 12, 15, 10, 30, tzinfo=dt.UTC)
    said = chat.ok("alice", "leaving").text
    assert said == ("alice has left meeting 1 at 10:30. Nobody now chairs it: the chair or the secretariat can name "
                    "who chairs the rest of it with `meeting chair @person` (ToR Board Support and Logistics); say "
                    "`here` when you are back."), said
    chat.ok("sam", "meeting chair @bob")
    assert chat.ok("bob", "leaving").text.startswith("bob has left meeting 1 at 10:30. Nobody now chairs it")
