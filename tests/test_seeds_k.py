"""The five seeds run as meetings on every platform, read clause by clause for who may and may not act: what was
still wrong, each fixed."""

from __future__ import annotations

from tests.platform_chats import Speaking, at
from tests.test_seeds_j import cjcg_meeting
from tests.test_seeds_l import bev_comes_after_alice_left, lieg_motion_tabled, lieg_opened


def test_no_one_is_told_a_member_can_name_them_a_deputy_the_tor_would_refuse(platform_chat: Speaking) -> None:
    """PLPCP Membership: "Each DCS will nominate an alternate DCS from the sub-region". mallory and bea, neither an
    alternate DCS, were told at the roll call that a member "can name you with `alternate @bea`", which the bot then
    refuses; they are told instead who an alternate must be."""
    chat = platform_chat
    chat.load("plpcp")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    rule = "An alternate must be a DCS from the same sub-region, and {} is not recorded as one (ToR Membership)."
    stranger = chat.refused("mallory", "here").text
    assert rule.format("mallory") in stranger and "alternate @mallory" not in stranger, stranger
    named = chat.refused("bea", "here --for @bob").text
    assert "bob has not named you their standing alternate." in named, named
    assert rule.format("bea") in named and "Those listed for DCS North London: nadia." in named, named
    assert "alternate @bea" not in named, named
    chat.ok("bob", "alternate @nadia")  # the one the ToR file lists is still told how to be named, and attends
    assert "nadia is attending as alternate for bob" in chat.ok("nadia", "here").text


def test_a_substitute_not_on_the_board_is_not_told_a_member_can_name_them(platform_chat: Speaking) -> None:
    """CSCPWG Governance: substitutes "should be members of the Children and Young People Board". zed, who is
    not, asked to attend for bob and was told bob "can name you with `substitute @zed`"."""
    chat = platform_chat
    at(chat, "2022-09-05", "09:00")
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2022-09-15 17:00")
    at(chat, "2022-09-15", "17:00")
    chat.ok("sam", "meeting open")
    said = chat.refused("zed", "here --for @bob").text
    assert ("A substitute must be a member of the Children and Young People Board, and zed is not recorded as one "
            "(ToR Governance). Those listed: vera, wendy.") in said, said
    assert "substitute @zed" not in said, said
    said = chat.refused("vera", "here --for @bob").text  # one the ToR allows is still told who may name her
    assert "bob can name you with" in said and "substitute @vera" in said, said


def test_the_register_of_interests_says_when_a_declaration_was_made_not_as_if_the_meeting_was_then(
        platform_chat: Speaking) -> None:
    """CJCG 6.5: conflicts of interest are "declared and recorded". carol declared on 1 Dec for the meeting of
    10 Dec; `interests` read "(meeting 1, item 1, Tue 1 Dec 2026, 09:00 GMT)", as if meeting 1 was on 1 Dec."""
    chat = platform_chat
    chat.load("cjcg")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Residential framework"')
    chat.ok("carol", 'declare "Spouse works for a bidder" --item 1 --nature pecuniary')
    said = chat.ok("alice", "interests").text
    assert "(meeting 1, item 1; declared Tue 1 Dec 2026, 09:00 GMT)" in said, said


def test_where_the_tor_sets_no_quorum_the_count_says_it_is_of_voting_members(platform_chat: Speaking) -> None:
    """LCIIB Membership: priority-theme DCS leads are "co-opted to attend as required", without a vote. With tom
    co-opted and present, the roll listed four present and `quorum` said "3 present", a count no one could
    match; it says whom it counts."""
    chat = platform_chat
    chat.load("lciib")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", 'member add @tom --seat "DCS lead for a priority theme" --agreed "Board 12 Nov 2026, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for who in ("tom", "bob", "carol"):
        chat.ok(who, "here")
    assert "Present: alice, bob, carol, tom (co-opted, non-voting; ToR Membership)" in chat.ok("alice", "attendance").text
    said = chat.ok("alice", "quorum").text
    assert "Meeting 1: the ToR sets no quorum; 3 voting members present." in said, said


def test_calling_the_vote_on_a_motion_already_open_says_how_to_vote_and_close_it(platform_chat: Speaking) -> None:
    """CJCG: the chair (6.2) calls the votes, as usual practice. The chair's motion opens its vote at once; the
    chair, calling the vote as one would (`motion vote 1`), was refused with only "Motion 1 is open."."""
    chat = platform_chat
    cjcg_meeting(chat)
    chat.ok("alice", 'motion "Approve the joint action plan"')
    said = chat.refused("alice", "motion vote 1").text
    assert "The vote on motion 1 is already open: vote with" in said, said
    assert "vote 1 for" in said and "vote 1 abstain" in said and "poll close 1" in said, said


def test_naming_an_alternate_reads_as_the_tor_says_and_a_non_member_is_told_why_they_name_none(
        platform_chat: Speaking) -> None:
    """PLPCP Membership: "Each DCS will nominate an alternate DCS from the sub-region to attend in their place".
    bob's nomination read "nadia is bob's alternate as standing alternate"; mallory, who holds no seat, trying to
    name one was told "mallory holds no seat ..., so has no seat to attend as alternate for", as if she were the
    alternate."""
    chat = platform_chat
    chat.load("plpcp")
    said = chat.ok("bob", "alternate @nadia").text
    assert "nadia is bob's standing alternate and may vote in their place (ToR Membership)." in said, said
    said = chat.refused("mallory", "alternate @nadia").text
    assert ("You hold no seat in Pan-London Placements Commissioning Programme Steering Group, so there is no one "
            "for an alternate to attend in place of: a member names their own alternate (ToR Membership).") in said


def test_lieg_minutes_say_who_proposed_a_motion_and_who_tabled_it_with_the_steering_group(
        platform_chat: Speaking) -> None:
    """LIEG 6.3: "the member will table the motion with members of the steering group first before it is discussed
    with the wider group". The minutes gave the motion, its rule and its votes, but neither who proposed it nor that
    it had been tabled, the condition 6.3 puts on the vote."""
    chat = platform_chat
    lieg_motion_tabled(chat, " --minutes @bob")
    lieg_opened(chat, "alice", "bob", "frank")
    chat.ok("erin", "motion vote 1")
    chat.ok("frank", "vote 1 for")
    chat.ok("erin", "poll close 1")
    chat.ok("erin", "meeting close")
    minutes = chat.ok("bob", "minutes 1").text.replace("*", "")
    assert ("Proposed by: frank (Islington); tabled with the LIEG steering group by alice (Barnet) (ToR 6.3)"
            in minutes), minutes


def test_a_vote_on_a_motion_not_yet_open_says_what_opens_it(platform_chat: Speaking) -> None:
    """LIEG 6.3: a motion is tabled with the steering group first, then "a vote enacted with all the LIEG members
    present". frank voting on his motion before then, and the chair closing it, were told only "Motion 1 is
    proposed; it is not open for votes yet", with nothing of tabling or of `motion vote 1`."""
    chat = platform_chat
    chat.load("lieg")
    at(chat, "2026-12-01", "09:00")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    lieg_opened(chat, "frank")
    chat.ok("frank", 'motion "That LIEG meets in Hackney in 2027"')
    said = chat.refused("frank", "vote 1 for").text
    assert "it is not open for votes yet: it must first be tabled with the LIEG steering group (ToR 6.3)" in said
    assert "motion table 1" in said and "motion vote 1" in said, said
    chat.ok("alice", "motion table 1")
    said = chat.refused("erin", "poll close 1").text
    assert "Its vote is not open yet: the chair opens the vote with" in said and "motion vote 1" in said, said


def test_the_cjcg_chair_is_named_on_the_groups_agreement_not_the_secretarys_word(platform_chat: Speaking) -> None:
    """CJCG 6.2: "It will be chaired by an agreed named member of the group". The administrative support could make
    erin chair on its own say (`chair @erin`), with nothing recording the group's agreement; it is asked where the
    group agreed, as LCIIB's co-option "subject to the agreement of the board" is."""
    chat = platform_chat
    chat.load("cjcg")
    at(chat, "2026-12-01", "09:00")
    said = chat.refused("sam", "chair @erin").text
    assert "Under the ToR you name the chair subject to the agreement of the group (ToR 6.2)." in said, said
    assert "alice, chair until 14 Jan 2027" in chat.ok("sam", "members").text  # nothing changed
    said = chat.ok("sam", 'chair @erin --agreed "meeting 4, minute 7"').text
    assert said.startswith("erin is now the chair until 30 Nov 2027 (ToR 6.2); alice no longer chairs; agreed: "
                           "meeting 4, minute 7."), said
    assert 'Who may name the chair: the chair or the secretariat, subject to the agreement of the group (ToR 6.2)' \
        in chat.ok("erin", "terms").text


def test_an_additional_meeting_before_a_chair_is_elected_is_not_said_to_be_agreed_by_the_chair(
        platform_chat: Speaking) -> None:
    """CSCPWG Operation: "bi-monthly, with the option for additional meetings where required and agreed by the
    chair"; Governance: "The working group will elect a chair at its first meeting". The Senior Adviser, scheduling a
    second meeting a fortnight after the first before any chair was elected, was told it was "An additional meeting,
    agreed by the chair", an agreement no one gave."""
    chat = platform_chat
    at(chat, "2022-09-05", "09:00")
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2022-09-15 17:00")
    said = chat.ok("sam", "meeting schedule 2022-09-29 17:00").text
    assert "agreed by the chair:" not in said, said
    assert ("An additional meeting, scheduled by sam, who presides until the group elects its chair: the ToR has the "
            "group meet bi-monthly, with additional meetings agreed by the chair (ToR Operation).") in said, said


def test_help_answers_for_the_tors_own_word_for_a_deputy(platform_chat: Speaking) -> None:
    """PLPCP Membership: "Each DCS will nominate an alternate DCS"; the bot answers `alternate @nadia` and tells
    members to name one with `alternate @person`, but `help alternate` said "There is no command 'alternate'"."""
    chat = platform_chat
    chat.load("plpcp")
    said = chat.ok("bob", "help alternate").text
    assert "deputy @person [--for @member]" in said and "an alternate must be a DCS from the same sub-region" in said
    assert "withdraw a deputy nomination" in chat.ok("bob", "help alternate revoke").text


def test_lieg_an_additional_individual_arriving_after_the_member_left_is_not_told_the_member_votes(
        platform_chat: Speaking) -> None:
    """LIEG 2.4: an "alternative or additional individual" may attend. alice left at 10:20; bev, her deputy, came at
    10:30 and was told "alice votes, bev does not", though alice was no longer there to vote."""
    said = bev_comes_after_alice_left(platform_chat)
    assert "alice votes" not in said, said
    assert ("bev attends with alice, who left at 10:20, as an additional individual; bev does not vote: alice's vote "
            "stays with alice, who votes again on coming back (ToR 2.4).") in said, said


def test_minutes_name_whom_a_deputy_declaring_an_interest_attended_for(platform_chat: Speaking) -> None:
    """PLPCP Membership: an alternate DCS attends "in their place". nadia, bob's alternate, declared a pecuniary
    interest; the minutes' declarations read "nadia: pecuniary: ...", naming no one a reader could find on the
    board, where the attendance list gives "nadia — alternate for bob"."""
    chat = platform_chat
    chat.load("plpcp")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "alternate @nadia")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("nadia", "here")
    chat.ok("nadia", 'declare "Director of a residential provider" --item 1 --nature pecuniary')
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text.replace("*", "")
    assert "nadia (alternate for bob): pecuniary: Director of a residential provider" in minutes, minutes
