"""The five seeds met again as their clerks, chairs, members and deputies would: what the meetings still found the bot
saying or allowing that the ToR does not, each fixed (after tests/test_seeds_p2.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened
from tests.test_seeds_l import lieg_opened


def test_lieg_a_member_recording_the_report_is_told_the_co_chairs_report_under_6_1(chat: Chat) -> None:
    """LIEG 6.1, "The Co-chairs of LIEG will represent LIEG at meetings of the ... CS-NPIMG": frank, recording the
    report as made, was told 'the ToR does not say who may, so this is the usual practice', though 6.1 names the
    co-chairs."""
    chat.load("lieg")
    said = chat.refused("frank", "report done").text
    assert "does not say who may" not in said, said
    assert said.startswith("Only the co-chairs, who represent the group at CS-NPIMG, can record the report "
                           "(ToR 6.1). Ask alice or bob."), said
    assert "Report to CS-NPIMG recorded as made" in chat.ok("bob", "report done").text


def test_lciib_the_roll_at_the_close_marks_a_co_opted_member_non_voting_as_the_minutes_do(chat: Chat) -> None:
    """LCIIB Membership, "DCS leads for London's priority themes will be co-opted to attend as required" (the seat
    votes not): the card at the close listed yusuf under Present like any member of the board, while the minutes
    said 'co-opted, non-voting (ToR Membership)'."""
    chat.load("lciib")
    chat.ok("sam", 'member add @yusuf --seat "DCS lead for a priority theme" --agreed "meeting of 12 Jan, minute 5"')
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("bob", "yusuf"):
        chat.ok(member, "here")
    said = chat.ok("alice", "meeting close").as_text()
    assert "Present: alice, bob, yusuf (co-opted, non-voting; ToR Membership)\n" in said, said


def test_lieg_a_motion_proposed_again_word_for_word_is_refused_pointing_to_the_first(chat: Chat) -> None:
    """LIEG 6.3 ("the member will table the motion with members of the steering group first"): alice, proposing at
    the meeting the motion frank had proposed the week before, word for word, was given motion 2 with no word of
    motion 1, so the steering group tabled, and the meeting voted, the one proposal under two numbers."""
    chat.load("lieg")
    at(chat, "2026-12-01", "09:00")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("frank", 'motion "That LIEG meets in Hackney in 2027"')
    lieg_opened(chat, "alice", "frank")
    said = chat.refused("alice", 'motion "That LIEG meets in  hackney in 2027"').text
    assert said == ("This duplicates motion 1, with the same text and still proposed, not yet voted on: act on motion 1 "
                    "(`polls` lists it), or word this one differently if it proposes something else."), said
    assert "Motion 2 is proposed" in chat.ok("alice", 'motion "That LIEG meets in Hackney in 2028"').text


def test_lciib_a_command_typed_after_motion_is_not_proposed_as_a_motion(chat: Chat) -> None:
    """LCIIB: alice, meaning to close the vote on motion 1, typed `motion close 1` and was told 'Motion 2 is
    proposed: close 1', a motion the board then had on its record. A verb and a number after `motion` is a command
    mistyped: nothing is recorded, and the reply gives the command that does it."""
    meeting_opened(chat, "lciib", "bob", "carol")
    chat.ok("alice", 'motion "That the board adopts the plan"')
    said = chat.refused("alice", "motion close 1").text
    assert said.startswith("To close the vote on motion 1, say `poll close 1`."), said
    said = chat.refused("alice", "motion open 1").text
    assert said.startswith("To open the vote on motion 1, say `motion vote 1`."), said
    assert "close 1" not in chat.ok("alice", "polls").as_text()
    assert "motion 2" in chat.ok("alice", 'motion "That the board closes 2 sites"').text


def test_lciib_co_opting_on_a_motion_that_does_not_exist_or_did_not_carry_is_refused(chat: Chat) -> None:
    """LCIIB Membership, "Subject to the agreement of the board DCS leads for London's priority themes will be
    co-opted": sam seated yusuf with `--agreed "motion 2"` when the board had no motion 2, and on a motion still
    proposed, and was told yusuf held the seat 'agreed: motion 2'; the board's agreement was recorded where there was
    none. A reference in other words is still taken as given."""
    meeting_opened(chat, "lciib", "bob", "carol")
    co_opt = 'member add @yusuf --seat "DCS lead for a priority theme" --agreed "{}"'
    said = chat.refused("sam", co_opt.format("motion 2")).text
    assert said == ("Under the ToR this needs the agreement of the board (ToR Membership), and there is no motion 2 in "
                    "London Children's Innovation and Improvement Board. Give the number of a motion that carried "
                    "(`polls` lists them), or where the agreement was made: `--agreed \"meeting of 12 Jan, minute "
                    "5\"`."), said
    chat.ok("alice", 'motion "That the board co-opts a DCS lead for each priority theme"')
    said = chat.refused("sam", co_opt.format("Motion 1")).text
    assert "and motion 1 is still open for votes, not carried." in said, said
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "vote 1 for")
    chat.ok("alice", "poll close 1")
    assert "agreed: motion 1" in chat.ok("sam", co_opt.format("motion 1")).text
    assert "agreed: board, 12 Jan" in chat.ok("sam", co_opt.format("board, 12 Jan").replace("yusuf", "zara")).text


def test_cjcg_a_refusal_names_only_who_is_at_the_meeting_to_ask_or_says_they_are_away(chat: Chat) -> None:
    """CJCG 6.3, the secretariat's and the chair's note taking: carol, recording dan's apologies at the meeting, was
    told to 'Ask alice or sam', though sam had sent apologies for it; and after alice left, still to ask both, neither
    there."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "apologies Annual leave")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("carol", "here")
    said = chat.refused("carol", "apologies --for @dan Unwell").text
    assert said.endswith("(ToR 6.3). Ask alice."), said
    chat.ok("alice", "leaving")
    said = chat.refused("carol", "apologies --for @dan Unwell").text
    assert said.endswith("(ToR 6.3). Those who can are away: alice has left meeting 1 and sam sent apologies for "
                         "it."), said


def test_cjcg_a_deputy_whose_member_came_is_not_minuted_declaring_for_the_meeting(chat: Chat) -> None:
    """CJCG 7.2, "Where a member cannot attend a meeting, the member should nominate a named deputy", and 6.5:
    yan, bob's deputy for meeting 1, was refused `here` because bob came, yet `declare none` was recorded, and the
    minutes listed yan under the declarations of a meeting yan did not attend."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "deputy @yan --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.refused("yan", "here")
    said = chat.refused("yan", "declare none").text
    assert said == ("yan is not attending meeting 1 in a member's place, so has no declaration to make for it: a deputy "
                    "attends, and declares, only for a member who is away (ToR 7.2). If you are attending for one, say "
                    "`here` first."), said
    chat.ok("alice", "meeting close")
    assert "yan" not in chat.ok("alice", "minutes 1").as_text()


def test_cjcg_a_declaration_for_a_meeting_already_closed_is_minuted_as_declared_after_it(chat: Chat) -> None:
    """CJCG 6.5, interests "declared and recorded at the beginning of each meeting" (or when the item arises): carol,
    declaring the day after meeting 1 an interest she should have declared at it, was recorded and minuted under
    'For the meeting' as if declared at its start. It is kept, and minuted as declared after the meeting, dated."""
    meeting_opened(chat, "cjcg", "carol", by="alice")
    chat.ok("alice", "meeting close")
    at(chat, "2026-12-11", "09:00")
    said = chat.ok("carol", 'declare "Trustee of a bidding charity" --meeting 1').text
    assert said.endswith("(ToR 6.5). Meeting 1 has closed, so the minutes show it as declared after the meeting, on 11 Dec "
                         "2026."), said
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "carol (Southend City Council): Trustee of a bidding charity (declared after the meeting closed, on 11 Dec " \
           "2026)" in minutes, minutes


def test_plpcp_the_chair_who_sent_apologies_does_not_close_the_meeting_another_chairs(chat: Chat) -> None:
    """PLPCP Membership names the chair and nothing of who runs a meeting without them: alice, having sent apologies,
    closed the meeting bob chaired in her place, from wherever she was, and the card said it closed with bob alone
    present. The one chairing closes it; alice, once she has come, may."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "apologies Annual leave")
    chat.ok("sam", "meeting chair @bob")
    at(chat, "2026-12-10", "10:00")
    chat.ok("bob", "meeting open")
    said = chat.refused("alice", "meeting close").text
    assert said == ("bob chairs meeting 1 in your place, as you sent apologies for it, so bob can close it (the ToR "
                    "does not say, so this is the usual practice). If you have come, say `here` first."), said
    chat.ok("alice", "here")
    assert "Meeting 1 is closed." in chat.ok("alice", "meeting close").as_text()
