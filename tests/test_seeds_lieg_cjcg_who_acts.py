"""LIEG (seed 003) and CJCG (seed 004, and its task-and-finish group) meetings as their documents run them: who may
act, and what someone the document does not let act is told, on every platform."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import Speaking
from tests.test_seeds_lieg_cjcg import lieg_handover, lieg_meeting


def cjcg_meeting_with_guest(chat: Speaking) -> None:
    """A CJCG meeting on 1 Dec 2026 at 09:30: the administrative support (6.3) schedules it, the chair opens it,
    and the administrative support records pat, a subject expert (7.1), attending as a guest."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("sam", 'agenda add "SEND placements procurement"')
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'guest @pat --from "Essex Partnership University Trust"')


def test_cjcg_a_guest_who_says_here_is_told_they_are_recorded_as_a_guest(platform_chat: Speaking) -> None:
    """CJCG 7.1 co-opts "Subject experts as required"; 6.7-6.9 keep the group confidential. A guest the
    administrative support recorded at the meeting says `here`, as everyone else in the room does: they were told
    the group is confidential and to "have you seated", as if they were a stranger to it."""
    chat = platform_chat
    cjcg_meeting_with_guest(chat)
    said = chat.ok("pat", "here").text
    assert "You are recorded as a guest at meeting 1 (ToR 7.1); guests do not vote or count for the quorum." in said
    assert "Item 1: SEND placements procurement" in chat.ok("pat", "agenda").text
    refused = chat.refused("pat", "interests").text
    assert "as a guest you see the record only of the meeting you attend" in refused
    # 6.8: members "protect and maintain as confidential any privileged or sensitive information": the minutes,
    # drafts included, are the members' record, not an invited attendee's.
    for asked in ("meeting minutes 1", "minutes 1"):
        minutes = chat.refused("pat", asked).text
        assert "as a guest you attend the meeting, but its minutes are for its members and their deputies" in minutes
    assert "have you seated" not in refused
    # Someone nobody recorded is still told only the group's name.
    assert "have you seated" in chat.refused("zoe2", "here").text


def test_cjcg_a_guest_may_not_vote_and_is_told_why(platform_chat: Speaking) -> None:
    """A guest "attends ... as a guest: no vote" (CJCG 7.1); asked to vote, they heard of confidentiality or of
    "voting members ... or a deputy" (7.2), not that guests do not vote."""
    chat = platform_chat
    cjcg_meeting_with_guest(chat)
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    chat.ok("alice", 'motion "Approve the procurement plan" --item 1')
    refused = chat.refused("pat", "vote 1 for").text
    assert "You attend meeting 1 as a guest (ToR 7.1): guests do not vote." in refused
    assert "Only the chair, the secretariat or the meeting's minute-taker" in chat.refused("pat", 'action "x"').text


def test_help_guest_gives_the_groups_own_clause_for_guests(platform_chat: Speaking) -> None:
    """`help guest` gave the same generic words in every group; LIEG 2.7 ("Guests from partner organisations may
    be invited to attend") and CJCG 7.1 ("Subject experts as required") are each the group's own, and a council
    officer asking needs to know who records a guest there. A stranger to a confidential group hears no rule of it."""
    chat = platform_chat
    chat.load("lieg")
    said = chat.ok("frank", "help guest").text
    assert "In London Information Exchange Group: Guests may be invited, without a vote or a place in the quorum " \
        "(ToR 2.7). Who may record a guest: the chair or the meeting's minute-taker (ToR 5.2)." in said
    assert "(ToR 3.1)" in chat.ok("frank", "help agenda add").text
    chat.load("cjcg")
    said = chat.ok("bob", "help guest").text
    assert "Guests may be invited, without a vote or a place in the quorum (ToR 7.1)" in said
    assert "the chair, the secretariat or the meeting's minute-taker (ToR 6.3)" in said
    assert "In Children's Joint Commissioning Group" not in chat.ok("zoe2", "help guest").text
    assert "Quorum: 3 members present; deputies count" in chat.ok("bob", "help quorum").text


def test_lieg_minutes_are_signed_for_the_steering_group_that_approves_them(platform_chat: Speaking) -> None:
    """LIEG 5.2: "The minutes will be approved by the steering group before circulation"; 5.1 has a different
    volunteer chair each meeting, who may hand over during it. The signature block named whoever chaired last, as
    "(Chair)", though no chair approves LIEG's minutes: the steering group member who approves them signs for it."""
    chat = platform_chat
    lieg_handover(chat)
    draft = chat.ok("bob", "meeting minutes 1").text
    assert "erin (Hackney) until 10:40, then alice (Barnet)" in draft
    # Without brackets in brackets, which a clerk would correct before filing them (round 16).
    assert "________________________________ for the steering group, which approves the minutes (ToR 5.2)\n" in draft
    assert "(Chair)" not in draft
    approved = chat.ok("erin", "minutes approve 1").text
    signed = approved[approved.index("Signed as a correct record"):]
    assert "erin (Hackney)" in next(line for line in signed.splitlines() if "Name:" in line), signed


def test_lieg_a_refusal_to_open_the_vote_names_the_meetings_own_chair(platform_chat: Speaking) -> None:
    """LIEG 5.1: "A LIEG steering group member will volunteer to chair each meeting"; erin chairs this one. frank
    tried to open the vote on a tabled motion and was told "Ask alice, bob (ToR 5.1)": the co-chairs, not erin,
    who runs the meeting, and with no "or" between them."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "erin", scheduled="--chair @erin")
    chat.ok("frank", "here")
    chat.ok("frank", 'motion "Move meetings to Tuesdays"')
    chat.ok("bob", "motion table 1")
    refused = chat.refused("frank", "motion vote 1").text
    assert "Ask alice or bob, who hold the chair (ToR 5.1), or erin, who chairs meeting 1." in refused, refused


def test_cjcg_a_deputy_whose_member_has_arrived_is_told_why_they_no_longer_vote(platform_chat: Speaking) -> None:
    """CJCG 7.2: "Where a member cannot attend a meeting, the member should nominate a named deputy to attend."
    zoe deputised for dan until dan arrived; asked to vote, she heard "Only voting members ... or a deputy attending
    for an absent member", which does not tell her that dan, now present, casts the vote."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("dan", "deputy @zoe")
    chat.ok("alice", "meeting open")
    chat.ok("zoe", "here")
    chat.ok("bob", "here")
    chat.ok("dan", "here")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    refused = chat.refused("zoe", "vote 1 for").text
    assert "dan, for whom you deputised, is present and votes: a deputy votes only in place of an absent member " \
        "(ToR 7.2)." in refused, refused
    assert "Your vote on motion 1 is recorded" in chat.ok("dan", "vote 1 for").text


def test_cjcg_the_administrative_support_is_told_which_clause_gives_it_no_vote(platform_chat: Speaking) -> None:
    """CJCG 6.3: "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings": it holds no member's seat. Asked to vote, sam heard "Your seat (Administrative support) does not vote"
    with no clause, so a council officer could not check why."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    for who in ("sam", "bob", "carol"):
        chat.ok(who, "here")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    refused = chat.refused("sam", "vote 1 for").text
    assert "Your seat (Administrative support) is the secretariat and does not vote in Children's Joint Commissioning Group (ToR 6.3)." \
        in refused, refused


def test_cjcg_send_tfg_records_a_guest_saying_its_tor_is_silent_on_guests(platform_chat: Speaking) -> None:
    """The SEND task-and-finish group's ToR file says nothing of guests (CJCG 6.6 sets the group up; 7.1's co-opted
    attendees are the CJCG's). A guest recorded there was told the rules of one ("no vote, and not counted for
    the quorum") with no clause and no word that the ToR is silent, as if it were a rule of the group's."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg")
    chat.ok("bob", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("bob", "meeting open")
    said = chat.ok("bob", 'guest @pat --from "EPUT"').text
    assert "pat (EPUT) attends meeting 1 as a guest: no vote, and not counted for the quorum. The ToR says " \
        "nothing of guests, so they attend at the group's invitation." in said, said
    assert "Its meetings are not open to the public or providers (CJCG ToR 6.7-6.9)" in said


def test_lieg_with_no_meeting_scheduled_the_hint_names_the_steering_group_and_standing_deputies(
        platform_chat: Speaking) -> None:
    """LIEG 3.1: the steering group "will meet up to discuss and plan all future LIEG meetings"; 2.4 encourages
    deputising, and the group allows standing deputies. frank, naming a deputy with no meeting scheduled, was told
    "A chair can schedule one": LIEG has no chair between meetings, and frank could name a standing deputy now."""
    chat = platform_chat
    chat.load("lieg")
    refused = chat.refused("frank", "deputy @zed").text
    assert "A member of the steering group can schedule one (ToR 3.1): " in refused, refused
    assert "Or name a standing deputy: " in refused and "deputy @zed --meeting standing" in refused
    assert "zed is frank's standing deputy" in chat.ok("frank", "deputy @zed --meeting standing").text


def test_lieg_a_deputy_attending_beside_the_member_is_told_the_member_votes(platform_chat: Speaking) -> None:
    """LIEG 2.4 encourages deputising "where an agenda item indicates that an alternative or additional individual
    would provide valuable input": zed attends beside grace, who is present. Asked to vote, zed heard "Only voting
    members ... or a deputy attending for an absent member", not that grace casts Southwark's vote."""
    chat = platform_chat
    chat.load("lieg")
    lieg_meeting(chat, "erin", scheduled="--chair @erin", before=(("grace", "deputy @zed"),))
    chat.ok("grace", "here")
    chat.ok("zed", "here")
    chat.ok("erin", 'motion "Ask the DfE for guidance on the CIN census"')
    chat.ok("erin", "motion table 1")
    chat.ok("erin", "motion vote 1")
    refused = chat.refused("zed", "vote 1 for").text
    assert "You attend beside grace, who is present and votes: an additional individual has no vote (ToR 2.4)." \
        in refused, refused


def test_cjcg_naming_a_new_chair_says_the_old_one_no_longer_chairs(platform_chat: Speaking) -> None:
    """CJCG 6.2: "chaired by an agreed named member of the group, for an initial term of 12 months". When the
    administrative support records bob as the agreed chair, alice stops chairing; the reply said only "bob is now
    the chair", and alice learnt she no longer chairs when a chair's act was refused."""
    chat = platform_chat
    chat.load("cjcg")
    said = chat.ok("sam", 'chair @bob --agreed "meeting 4, minute 7"').text
    assert "bob is now the chair until 30 Nov 2027 (ToR 6.2); alice no longer chairs; agreed: meeting 4" in said, said


def test_lieg_adding_a_london_authority_the_file_lacks_says_how_to_add_its_seat(platform_chat: Speaking) -> None:
    """LIEG 2.1: "Each London LA member to provide a minimum of one representative"; 2.2: "Membership to the LIEG
    is voluntary". A borough joining has no seat in the ToR file yet: the refusal said "Every seat is filled", and
    nothing of how a seat comes to be."""
    chat = platform_chat
    chat.load("lieg")
    refused = chat.refused("alice", 'member add @lee --seat "Lambeth representative"').text
    assert "The ToR has no seat 'Lambeth representative'." in refused
    assert "Seats are those the ToR file lists: add it there and load the file again (govbot group import FILE)." \
        in refused, refused


def test_cjcg_a_member_voting_on_an_item_they_declared_an_interest_in_hears_what_the_tor_says(
        platform_chat: Speaking) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting", and the
    document says nothing more: not that a conflicted member withdraws or does not vote. bob, who declared an
    interest on the procurement item, votes on it and was told only "Consider whether to vote", with no clause and
    no word of what the ToR does and does not ask."""
    chat = platform_chat
    cjcg_meeting_with_guest(chat)
    for who in ("bob", "carol"):
        chat.ok(who, "here")
    chat.ok("bob", 'declare "My sister manages a provider bidding" --item 1 --nature personal')
    chat.ok("alice", 'motion "Award the placements contract" --item 1')
    said = chat.ok("bob", "vote 1 for").text
    assert "Reminder: an interest was declared on this item: My sister manages a provider bidding. The ToR asks " \
        "that it be declared and recorded (ToR 6.5), and says nothing of a member with an interest not voting: " \
        "whether to vote is yours to judge, with the chair." in said, said


def test_cjcg_send_tfg_end_date_is_not_cited_to_a_clause_that_does_not_set_it(platform_chat: Speaking) -> None:
    """CJCG 6.6: the CJCG "may establish task and finish groups to support it in the discharge of its functions":
    it says nothing of when one ends. The SEND group's 31 March 2027 is the CJCG's decision when it set the group
    up, as its quorum is, but `terms` and the refusal to schedule past it cited "(ToR CJCG 6.6)", as if 6.6 set
    it; they now say the CJCG set it, under 6.6 (tests/test_seeds_j.py)."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg")
    ends = next(line for line in chat.ok("bob", "terms").text.splitlines() if "31 Mar 2027" in line)
    assert "CJCG 6.6" not in ends, ends
    refused = chat.refused("bob", "meeting schedule 2027-04-10 10:00").text
    assert "operates until 31 Mar 2027 (set by the CJCG when it formed the group under CJCG ToR 6.6); schedule the " \
        "meeting before then" in refused, refused


def test_help_minutes_says_who_takes_reads_and_approves_them_in_each_group(chat: Chat) -> None:
    """LIEG 5.2: "A member of the steering group will volunteer to take the minutes. The minutes will be approved by
    the steering group before circulation." `help minutes` and `help meeting minutes` said nothing of the group,
    though only the steering group may read the draft there: a member asking was refused the draft with no word of
    why. Each group's help now names who takes the minutes, who reads the draft and who approves it, on its clause."""
    chat.load("lieg")
    for verb in ("minutes", "meeting minutes", "minutes approve"):
        said = chat.ok("frank", f"help {verb}").text
        assert "In London Information Exchange Group: A steering group member volunteers to take the minutes " \
            "(ToR 5.2). Who may read the draft minutes before they are approved: a member of the steering group " \
            "(ToR 5.2). Who may approve the minutes: a member of the steering group (ToR 5.2)." in said, said
    chat.channel = "cjcg"
    chat.load("cjcg")
    said = chat.ok("bob", "help meeting minutes").text
    assert "The secretariat takes the minutes (ToR 6.3)." in said, said
    assert "Who may approve the minutes: the chair" in said and "usual practice" in said, said
    for short_name in ("plpcp", "lciib", "cscpwg"):
        chat.channel = short_name
        chat.load(short_name)
        said = chat.ok("alice", "help minutes").text
        assert "The minute-taker named for the meeting takes the minutes" in said, said
        assert "Who may read the draft minutes before they are approved: " in said, said
        assert "Who may approve the minutes: " in said, said
