"""PLPCP, LCIIB and CSCPWG meetings played start to finish as their secretariat, chairs, members and substitutes type
in chat: what the bot said or did that the ToR would not have it say or do, each fixed (after tests/test_seeds_v.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_seeds_n import cscpwg_first_meeting


def cscpwg_chair_elected(chat: Chat) -> None:
    """CSCPWG's first meeting with its four members present and alice elected chair by poll 1 (ToR Governance)."""
    cscpwg_first_meeting(chat)
    chat.ok("sam", 'poll "Chair" "alice" "bob" --secret')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 1 alice")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "chair @alice --poll 1")


def carried(chat: Chat, motion: str, number: int) -> dict[str, str]:
    chat.ok("alice", f'motion "{motion}"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, f"vote {number} for")
    return dict(chat.ok("alice", f"poll close {number}").fields)


def test_cscpwg_a_carried_recommendation_is_not_offered_as_ending_the_group(chat: Chat) -> None:
    """CSCPWG Governance ("All recommendations ... submitted to the Children and Young People Board") and Operation
    ("The group may cease prior to this ... by agreement of all members"): every recommendation carried read "...;
    if it ends the group instead, that takes effect with `group end --motion 2` (ToR Operation)", in the reply and
    the minutes, though ceasing is a decision of its own. A recommendation now says only where it goes; a motion
    that the group cease says how it takes effect, and is not sent to the Board as a recommendation."""
    cscpwg_chair_elected(chat)
    then = carried(chat, "Recommend a call on Government for more secure children's homes", 2)["Next"]
    assert then == ("as a recommendation, it goes to the Children and Young People Board for approval before it is "
                    "adopted as LGA policy (ToR Governance)"), then
    then = carried(chat, "That the working group ceases now, its work done", 3)["Next"]
    assert then == ("the group ceases once this is recorded with `group end --motion 3` (ToR Operation)"), then
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "if it ends the group instead" not in minutes and "recommendation, it goes" in minutes, minutes


def test_lciib_quorum_line_does_not_read_as_a_quorum_of_one(chat: Chat) -> None:
    """LCIIB sets no quorum (its ToR has no clause on it). Opening the meeting, the card read "Quorum: 1 voting member
    present; the ToR sets no quorum", which the secretary read as a quorum of one voting member; the card, `quorum`
    and the minutes now say first that the ToR sets none, then how many are present."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 8/12 10am")
    at(chat, "2026-12-08", "10:00")
    opened = dict(chat.ok("alice", "meeting open").fields)
    assert opened["Quorum"] == "the ToR sets no quorum; 1 voting member present", opened
    chat.ok("dan", "here")
    assert chat.ok("sam", "quorum").text == "Meeting 1: the ToR sets no quorum; 2 voting members present."
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "- **When the meeting opened:** the ToR sets no quorum; 1 voting member present\n" in minutes, minutes


def test_lciib_co_opt_and_cscpwg_sub_name_the_command_meant(chat: Chat) -> None:
    """LCIIB Membership: "DCS leads for London's priority themes will be co-opted"; sam typed "co-opt @yusuf as DCS
    lead for a priority theme" and was told only "I don't know 'co-opt'". CSCPWG Governance, "Members may send
    substitutes": carol typed "sub @wendy" and was told the same of 'sub'. Each is now pointed to the command."""
    chat.load("lciib")
    said = chat.refused("sam", "co-opt @yusuf as DCS lead for a priority theme").text
    assert "Did you mean `member add`?" in said, said
    chat.load("cscpwg", channel="wg")
    chat.channel = "wg"
    said = chat.refused("carol", "sub @wendy").text
    assert "Did you mean `substitute`?" in said, said


def test_approve_the_minutes_names_minutes_approve(chat: Chat) -> None:
    """alice, LCIIB's chair (the minutes are hers to approve, the usual practice: the ToR is silent), typed "approve
    the minutes of meeting 1" the day after and was asked "Did you mean `minutes`?", which shows them unapproved."""
    chat.load("lciib")
    said = chat.refused("alice", "approve the minutes of meeting 1").text
    assert "Did you mean `minutes approve 1`?" in said, said
    said = chat.refused("alice", "approve minutes").text
    assert "Did you mean `minutes approve`?" in said, said


def test_cscpwg_before_the_chair_is_elected_a_motion_names_who_opens_its_vote(chat: Chat) -> None:
    """CSCPWG Governance ("will elect a chair at its first meeting"): alice proposed a motion at the first meeting
    before the election and was told "The chair opens the vote with `motion vote 1`", though there was no chair;
    sam, the Senior Adviser, presides until one is elected and opens it."""
    cscpwg_first_meeting(chat)
    said = chat.ok("alice", 'motion "Recommend a national sufficiency fund"').text
    assert "sam opens the vote with `motion vote 1`, presiding until the group elects its chair (ToR Governance)" \
        in said, said
    said = chat.refused("bob", "vote 1 for").text
    assert "sam opens the vote with `motion vote 1`" in said, said


def test_cscpwg_a_motion_to_cease_is_not_offered_the_lead_members_route(chat: Chat) -> None:
    """CSCPWG Governance: "Where swift agreement is needed on recommendations ..., these will be agreed through the
    Children and Young People Board Lead Members"; Operation: "The group may cease ... by agreement of all members".
    alice put "That the group be wound up early" to the members by e-mail, and its card offered "If it cannot wait:
    ... agreed through the Children and Young People Board Lead Members", a route for recommendations only; a
    recommendation put the same way still shows it."""
    cscpwg_chair_elected(chat)
    chat.ok("alice", "meeting close")
    chat.advance(days=1)
    fields = dict(chat.ok("alice", 'motion "That the group be wound up early" --closes "15 Feb 17:00"').fields)
    assert "If it cannot wait" not in fields, fields
    fields = dict(chat.ok("alice", 'motion "Recommend a national fostering campaign" --closes "15 Feb 17:00"').fields)
    assert "Lead Members" in fields["If it cannot wait"], fields


def test_lciib_a_seated_person_saying_here_for_another_is_not_told_they_hold_no_seat(chat: Chat) -> None:
    """LCIIB makes no provision for deputies (ToR Membership). dan, a member, and sam, the secretariat, each typed
    "here --for @carol" and were told "You hold no seat in London Children's Innovation and Improvement Board",
    with the command to seat them as the DfE lead; they hold seats. They are told no one attends in carol's place."""
    chat.load("lciib")
    chat.ok("sam", "meeting schedule 8/12 10am")
    at(chat, "2026-12-08", "10:00")
    chat.ok("alice", "meeting open")
    for who, hint in (("dan", ""), ("sam", " To record carol present, say `here @carol`.")):  # sam keeps the roll
        said = chat.refused(who, "here --for @carol").text
        assert "hold no seat" not in said and "member add" not in said, said
        assert said == ("London Children's Innovation and Improvement Board's ToR makes no provision for deputies "
                        "(ToR Membership), so no one attends in carol's place; you attend in your own seat: `here`."
                        + hint), said
    said = chat.refused("zara", "here --for @carol").text
    assert said.startswith("You hold no seat in London Children's Innovation and Improvement Board"), said


def test_cscpwg_a_chair_who_sent_a_substitute_is_not_the_one_to_ask_to_open(chat: Chat) -> None:
    """CSCPWG Governance, "Members may send substitutes": alice, the elected chair, named vera her substitute for
    meeting 2. sam, opening it, was told only "Ask alice, the chair"; alice is not coming, and a substitute does not
    chair. As where she sends apologies, sam is told to name who chairs it."""
    cscpwg_chair_elected(chat)
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2023-04-04 14:00")
    chat.ok("alice", "substitute @vera")
    at(chat, "2023-04-04", "13:00")
    said = chat.refused("sam", "meeting open").text
    assert "But alice named a substitute for meeting 2: the chair or the secretariat can name who chairs it with " \
        "`meeting chair @person`" in said, said


def test_cscpwg_a_motion_to_cease_cites_the_clause_that_lets_the_group_cease(chat: Chat) -> None:
    """CSCPWG Operation: "The group may cease prior to this if appropriate and by agreement of all members". A motion
    that the group cease gave its rule and outcome as "all members of the group ... (ToR Governance)", the clause for
    recommendations; it cites Operation. A recommendation still cites Governance."""
    cscpwg_chair_elected(chat)
    fields = carried(chat, "That the working group ceases now, its work done", 2)
    assert fields["Rule"] == "all members of the group in office, present or not (ToR Operation)", fields
    assert fields["Outcome"].endswith("present or not (ToR Operation)"), fields
    fields = carried(chat, "Recommend a national fostering campaign", 3)
    assert fields["Rule"].endswith("(ToR Governance)") and fields["Outcome"].endswith("(ToR Governance)"), fields
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "- Rule: all members of the group in office, present or not (ToR Operation)\n" in minutes, minutes
