"""CJCG (seed 004) and LIEG (seed 003) met again, clause by clause: what their meetings still found the bot
counting, minuting, saying or allowing that the ToR does not, each fixed (after tests/test_seeds_s.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at


def lieg_meeting_bob_opened_for_erin(chat: Chat) -> None:
    """LIEG meeting 1 (10 Dec 2026), erin its volunteer chair (5.1); frank's motion 1 tabled with the steering group
    (6.3); bob, a co-chair, opens it at 10:00 and frank, grace, harry and ivy say `here`."""
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("frank", 'motion "That the LIEG meets on Thursdays"')
    chat.ok("alice", "motion table 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("bob", "meeting open")
    for member in ("frank", "grace", "harry", "ivy"):
        chat.ok(member, "here")


def test_lieg_the_chair_who_runs_the_vote_is_among_the_members_present_it_needs_a_majority_of(chat: Chat) -> None:
    """LIEG 6.3, "a majority decision ... by all members of the group present": erin, chairing, opened and closed the
    vote without saying `here`, and was left out of those present: 3 for and 2 against of the 5 counted was declared
    carried, though 6 members were at the meeting and 3 is no majority of them. Running the vote is being there."""
    lieg_meeting_bob_opened_for_erin(chat)
    chat.ok("erin", "motion vote 1")
    for member, choice in (("frank", "for"), ("grace", "for"), ("harry", "for"), ("ivy", "against"),
                           ("bob", "against")):
        chat.ok(member, f"vote 1 {choice}")
    closed = chat.ok("erin", "poll close 1").text
    assert "Motion 1 is closed: not carried." in closed, closed
    outcome = dict(chat.ok("erin", "results 1").fields)["Outcome"]
    assert outcome.startswith("not carried: 3 for, 2 against, 0 abstaining; needs 4 of the 6 entitled to vote"), \
        outcome
    assert "Present: erin, bob, frank, grace, harry, ivy" in chat.ok("bob", "attendance").as_text()


def test_lieg_the_chair_who_closes_a_vote_is_counted_present_at_its_close(chat: Chat) -> None:
    """LIEG 6.3: bob, a co-chair, opened the vote; erin, the meeting's chair, closed it without having said `here`,
    and the count left her out of the members present."""
    lieg_meeting_bob_opened_for_erin(chat)
    chat.ok("bob", "motion vote 1")
    for member in ("frank", "grace", "harry"):
        chat.ok(member, "vote 1 for")
    chat.ok("ivy", "vote 1 against")
    chat.ok("erin", "poll close 1")
    outcome = dict(chat.ok("erin", "results 1").fields)["Outcome"]
    assert outcome.startswith("not carried: 3 for, 1 against, 0 abstaining; needs 4 of the 6 entitled to vote"), \
        outcome


def test_lieg_inviting_an_authority_onto_the_steering_group_is_not_recorded_as_a_capacity(chat: Chat) -> None:
    """LIEG 3.1, "A LIEG steering group comprising of at least the Co-chairs but including other London LAs by
    invitation": bob's `member add @frank --seat "Islington representative" --also "steering group"` answered
    "frank ... is recorded as also steering group", and frank, told nothing else, was then refused scheduling a
    meeting as not on the steering group. `--also` gives no power: the invitation is refused, saying how it is made."""
    chat.load("lieg")
    said = chat.refused("bob", 'member add @frank --seat "Islington representative" --also "steering group"').text
    assert said.startswith("The steering group is the members whose seats the ToR file puts on it (ToR 3.1): now "
                           "alice, bob and erin. `--also` records a capacity and gives no power, so frank would not "
                           "be on it."), said
    assert "mark the seat Islington representative `steering: true` in the ToR file and import it again with " \
           "`govbot group import FILE`" in said, said
    assert "also" not in chat.ok("bob", "members").as_text().split("Islington representative")[1].split("\n")[0]
    chat.ok("bob", 'member add @carol --seat "Barnet second representative" --also "data lead"')


def test_cjcg_minutes_say_when_the_meeting_lost_its_quorum_and_regained_it(chat: Chat) -> None:
    """CJCG 6.4, "quorate if three of its members are present": bob left at 10:40, and the room was told "The meeting
    is now not quorate"; he came back at 10:55, and carol left for good at 11:10. The minutes said only that the
    meeting became quorate at 10:00, as if it had stayed so: a clerk reading them could not tell which business was
    done without a quorum."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "10:40")
    assert chat.ok("bob", "leaving").notices == ("The meeting is now not quorate — 2 members present, 3 needed "
                                                 "(ToR 6.4).",)
    at(chat, "2026-12-10", "10:55")
    chat.ok("bob", "here")
    at(chat, "2026-12-10", "11:10")
    chat.ok("carol", "leaving")
    at(chat, "2026-12-10", "11:20")
    chat.ok("alice", "meeting close")
    quorum = chat.ok("alice", "minutes 1").text.split("## Quorum", 1)[1].split("\n## ", 1)[0]
    assert quorum.strip().splitlines() == [
        "- **When the meeting opened:** not quorate — 1 member present, 3 needed (ToR 6.4)",
        "- **Later:** quorate from 10:00, when carol arrived — 3 members present, 3 needed (ToR 6.4)",
        "- **Later:** not quorate from 10:40, when bob left — 2 members present, 3 needed (ToR 6.4)",
        "- **Later:** quorate again from 10:55, when bob came back — 3 members present, 3 needed (ToR 6.4)",
        "- **Later:** not quorate from 11:10, when carol left — 2 members present, 3 needed (ToR 6.4)",
    ], quorum


def test_cjcg_renewing_the_chair_before_the_term_ends_runs_on_from_its_end(chat: Chat) -> None:
    """CJCG 6.2, "chaired by an agreed named member of the group, for an initial term of 12 months": alice's term
    ends on 14 Jan 2027; the group agreed to renew her and sam recorded it on 10 Jan, to be told "alice is now the
    chair until 10 Jan 2028", the five days left of her term lost from the renewal, as if she were newly named. The
    renewal runs on from the end of the term she holds."""
    chat.load("cjcg")
    at(chat, "2027-01-10", "09:00")
    said = chat.ok("sam", 'chair @alice --agreed "meeting 3, minute 2"').text
    assert said.startswith("alice's term as chair is renewed until 14 Jan 2028, following on from the term that ends "
                           "on 14 Jan 2027; "), said
    assert "alice, chair until 14 Jan 2028" in chat.ok("alice", "members").as_text()


def test_lieg_a_guest_from_a_london_authority_counts_against_its_cap_whoever_came_first(chat: Chat) -> None:
    """LIEG 2.1, "a maximum of two attending at any one time": erin recorded rob as a guest from Barnet (2.7), and
    carol and dan of Barnet then both said `here`, three of Barnet attending at once; had carol and dan come first,
    rob would have been refused as Barnet's third. The guest counts against the cap either way."""
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("erin", 'guest @rob --from "Barnet"')
    chat.ok("carol", "here")
    said = chat.refused("dan", "here").text
    assert said == ("Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1). "
                    "Attending for Barnet now: carol and rob (guest); one of them can say `leaving` to make "
                    "room."), said
    assert "dan" not in dict(chat.ok("erin", "attendance").fields)["Present"]
    at(chat, "2026-12-10", "10:20")  # the guest goes, as the refusal says one of them can: it was "not recorded present"
    said = chat.ok("rob", "leaving").text
    assert said == ("rob has left meeting 1 at 10:20. As a guest, rob held no vote and no place in the quorum, so "
                    "no count changes (ToR 2.7)."), said
    chat.ok("dan", "here")
    assert chat.refused("rob", "here").text.startswith("Barnet already has 2 attending;")


def test_cjcg_a_named_deputy_who_cannot_attend_is_told_to_tell_the_member(chat: Chat) -> None:
    """CJCG 7.2, "Where a member cannot attend a meeting, the member should nominate a named deputy to attend": zoe,
    named by carol for meeting 1, said `apologies` and was told "You hold no seat ..., so no apologies are needed",
    leaving carol counting on a deputy who would not come. She is told it is carol who must know, and what carol can
    do."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "deputy @zoe --meeting 1")
    said = chat.refused("zoe", "apologies stuck in court").text
    assert said == ("You are carol's deputy for meeting 1, not a member, so the apologies are not yours to send "
                    "(ToR 7.2). If you cannot attend, tell carol: they can name another deputy with `deputy @person "
                    "--meeting 1`, or send their apologies."), said
    assert chat.refused("mia", "apologies").text.startswith("Children's Joint Commissioning Group is confidential")
