"""Who may vote and how a vote is decided, under the ToR's voting rule. Pure, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.rules.attendance import RollEntry
from bot.rules.cadence import cadence_words
from bot.rules.calendar import show_date
from bot.rules.tenure import NOT_MEMBERS, SeatHeld, lapsed_hint, term_over, until_reappointed
from bot.terms import VOTING_RULE_WORDS, Role, Terms, VotingRule, VotingRules


def is_voting(terms: Terms, held: SeatHeld | None, today: dt.date) -> bool:
    """A voting seat, held as a member (not observer or secretariat), within its term: the one test every vote,
    every electorate and every quorum count uses."""
    if held is None or term_over(held, today):
        return False
    seat = terms.seat(held.seat_title)
    return bool(seat and seat.voting) and held.role not in NOT_MEMBERS


def casters_present(roll: Iterable[RollEntry], voting: Collection[int], deputies_may_vote: bool) -> dict[int, int]:
    """Those entitled to vote at a meeting, {member id: id of whoever casts their vote}: each voting member
    (`voting`, their ids) present casts their own; a deputy attending for one casts it where the ToR lets
    deputies vote."""
    entitled: dict[int, int] = {}
    for row in roll:
        if row.member_id not in voting:
            continue
        if row.status == "present":
            entitled[row.member_id] = row.member_id
        elif row.status == "deputised" and row.deputy_id and deputies_may_vote:
            entitled[row.member_id] = row.deputy_id
    return entitled


def electorate_is_present(rule: VotingRule, *, at_meeting: bool) -> bool:
    """Whether those entitled to vote are the voting members present (with voting deputies), as at a meeting
    vote; otherwise they are every voting member in office, present or not: between meetings, and where the
    rule is "agreed by all members"."""
    return at_meeting and rule is not VotingRule.ALL_MEMBERS


AS_ROLE: dict[str, str] = {Role.SECRETARIAT: " is the secretariat and", Role.OBSERVER: " attends as an observer and",
                           Role.CO_OPTED: " is co-opted and"}  # what a seat without a vote is, in a clerk's words


def vote_refusal(terms: Terms, held: SeatHeld | None, today: dt.date, *, voter: str,
                 meeting_number: int | None) -> str:
    """Why `voter` (holding `held`, or no seat) casts no vote in a poll (held at meeting `meeting_number`, or
    between meetings), and what would work: their term ended, their seat does not vote, they are not recorded
    present, or they are neither a voting member nor a deputy who may vote."""
    if held is not None and held.term_ends_on is not None and term_over(held, today):
        seat = terms.seat(held.seat_title)
        rule = (f"Your term in {held.seat_title} ended on {show_date(held.term_ends_on)}, so you cannot "
                f"vote{until_reappointed(seat, 'you are ')}")
        return f"{seat.cited(rule) if seat else rule}. " + lapsed_hint(seat, held.seat_title, voter, "you")
    if held is not None and not is_voting(terms, held, today):
        seat = terms.seat(held.seat_title)
        rule = f"Your seat ({held.seat_title}){AS_ROLE.get(held.role, '')} does not vote in {terms.name}"
        return f"{seat.cited(rule) if seat else rule}."
    if held is not None and meeting_number is not None:
        return f"You are not recorded present at meeting {meeting_number}; say `here` first."
    deputies = terms.deputies
    if not deputies.allowed:
        return deputies.cited(f"Only voting members of {terms.name} vote; its ToR makes no provision for "
                              f"{deputies.words}") + "."
    if not deputies.may_vote:
        return deputies.cited(f"Only voting members of {terms.name} vote; under its ToR {deputies.words} do "
                              "not") + "."
    return deputies.cited(f"Only voting members of {terms.name} vote, or {deputies.a_word} attending for an absent "
                          "member who named them") + "."


def lapsed_note(terms: Terms, held: SeatHeld | None, today: dt.date, member: str) -> str:
    """Why `member`, recorded present, neither votes nor counts for quorum: their term has ended (and who
    restores them). Empty while they are in term."""
    if held is None or held.term_ends_on is None or not term_over(held, today):
        return ""
    seat = terms.seat(held.seat_title)
    rule = f"their term in {held.seat_title} ended on {show_date(held.term_ends_on)}, so they cannot " \
           f"vote or count for quorum{until_reappointed(seat)}"
    return f" But {seat.cited(rule) if seat else rule}. " + lapsed_hint(seat, held.seat_title, member, "them")


@dataclass(frozen=True)
class Tally:
    for_: int = 0
    against: int = 0
    abstain: int = 0

    def words(self) -> str:
        return f"{self.for_} for, {self.against} against, {self.abstain} abstaining"


@dataclass(frozen=True)
class Decision:
    carried: bool
    text: str


def decide(
    rules: VotingRules,
    tally: Tally,
    *,
    electorate: int,
    casting: str | None = None,
) -> Decision:
    """Carried or not carried, with the tally and the rule.

    `electorate` is the number entitled to vote: the voting members present (with voting deputies) for a
    meeting vote, or every voting member for a vote between meetings or under `all_members`. `casting`
    ("for"/"against") is the chair's casting vote, used only on a tie and only when the ToR gives the chair one.
    """
    rule = rules.rule
    cast = tally.for_ + tally.against
    if rule is VotingRule.MAJORITY_PRESENT:
        needed = electorate // 2 + 1
        carried = tally.for_ >= needed
        need_text = f"needs {needed} of the {electorate} entitled to vote"
    elif rule is VotingRule.MAJORITY_CAST:
        carried = tally.for_ > tally.against
        need_text = "needs more for than against"
    elif rule is VotingRule.TWO_THIRDS:
        carried = cast > 0 and 3 * tally.for_ >= 2 * cast
        need_text = "needs two-thirds of the votes cast"
    elif rule is VotingRule.ALL_MEMBERS:
        carried = tally.for_ == electorate and tally.against == 0 and tally.abstain == 0 and electorate > 0
        need_text = f"needs all {electorate} members of the group to vote for, present or not"
    else:
        carried = tally.for_ == electorate and tally.against == 0 and tally.abstain == 0 and electorate > 0
        need_text = f"needs all {electorate} entitled to vote to vote for"
    note = ""
    tie = tally.for_ == tally.against and rule not in (VotingRule.UNANIMOUS, VotingRule.ALL_MEMBERS) and not carried
    if tie and rules.casting_vote == "chair":
        if casting in ("for", "against"):
            carried = casting == "for"
            note = f"; tied, decided by the chair's casting vote {casting}"
        else:
            note = "; tied, and the chair gave no casting vote"
    elif tie and cast > 0:  # a tie falls: say so, rather than leave the clerk to work it out
        note = "; tied, and the ToR gives the chair no casting vote"
    verdict = "carried" if carried else "not carried"
    # Under `all_members` what is needed already says the rule; naming it again read "present or not" twice.
    usual = "" if rules.clause else ", the usual practice: the ToR sets no voting rule"
    words = "" if rule is VotingRule.ALL_MEMBERS else f" ({VOTING_RULE_WORDS[rule]}{usual})"
    text = f"{verdict}: {tally.words()}; {need_text}{words}{note} {rules.cite()}"
    return Decision(carried, text.rstrip())


def venue_refusal(terms: Terms, *, at_meeting: bool, kind: str = "poll") -> str | None:
    """Why a vote (a "motion" or a "poll") may not be held where it is asked for, or None when it may: a rule of
    "majority of those present", or a ToR without votes between meetings, needs a meeting; and where the ToR
    provides for no decisions between meetings (`out_of_meeting_motions: false`) a motion does."""
    rules = terms.voting
    if at_meeting:
        return None
    if rules.rule is VotingRule.MAJORITY_PRESENT or not rules.out_of_meeting_polls:
        if rules.clause:
            return rules.cited(f"Under the ToR this is decided by {VOTING_RULE_WORDS[rules.rule]} at a meeting") + \
                "; open a meeting first."
        return meetings_only(terms, "a vote is held")
    if kind == "motion" and not rules.out_of_meeting_motions:
        return meetings_only(terms, "a motion is voted on")
    return None


def meetings_only(terms: Terms, what: str) -> str:
    """The ToR is silent on decisions between meetings (PLPCP, LCIIB) and the group's file holds them to meetings:
    say so, as govbot's setting and not a clause, with how often the ToR has the group meet, and what would work."""
    meetings = terms.meetings
    often = cadence_words(meetings) if meetings.every_months or meetings.per_year else "when the chair calls it"
    return (f"The ToR says nothing of deciding between meetings, and govbot's setting for this group is that {what} "
            f"at a meeting; the group meets {meetings.cited(often)}. Put it to the next meeting once it is open, or "
            "schedule one sooner with `meeting schedule <date> <time>`.")


def sounding_note(terms: Terms) -> str | None:
    """What a poll between meetings is where the ToR decides only at meetings (LIEG 6.3): a sounding of members,
    not a decision of the group. None where the ToR lets the group decide between meetings."""
    if venue_refusal(terms, at_meeting=False) is None:
        return None
    rules = terms.voting
    return rules.cited("a sounding between meetings, not a decision of the group: the ToR decides by "
                       f"{VOTING_RULE_WORDS[rules.rule]} at a meeting")


def casting_refusal(rules: VotingRules) -> str | None:
    """Why the chair may not give a casting vote on a motion, or None where the ToR gives them one."""
    return None if rules.casting_vote == "chair" else rules.cited("The ToR gives the chair no casting vote") + "."


def next_step(rules: VotingRules, kind: str, outcome: str | None) -> str | None:
    """Where the ToR sends a carried motion next (`carried_goes_to`), citing it; None for anything else."""
    if kind != "motion" or rules.carried_goes_to is None or not (outcome or "").startswith("carried"):
        return None
    if rules.carried_is:
        return rules.cited(f"as a {rules.carried_is}, it goes to {rules.carried_goes_to}")
    return rules.cited(f"goes to {rules.carried_goes_to}")


def most_voted(labels: dict[int, str], per: dict[int, int]) -> tuple[list[str], int]:
    """The options (`labels` by position) with the most votes, and that number; none when no vote was cast."""
    top = max(per.values(), default=0)
    return [label for position, label in labels.items() if top > 0 and per.get(position, 0) == top], top


def poll_outcome(labels: dict[int, str], per: dict[int, int], voters: int) -> str:
    """What a poll (not a motion) decided: the option with the most votes, a tie, or that nobody voted."""
    winners, top = most_voted(labels, per)
    if not winners:
        return "no votes were cast"
    if len(winners) == 1:
        return f"{winners[0]} has the most votes ({top} of {voters} voting)"
    tied = f"{', '.join(winners[:-1])} and {winners[-1]}"
    return f"tied between {tied}, {top} vote{'' if top == 1 else 's'} each"


def motions_at_meetings(rules: VotingRules) -> str:
    """Why a motion waits for a meeting (`out_of_meeting_motions: false`): the ToR's clause where its voting rules
    have one; otherwise that the ToR is silent and this is govbot's setting for the group."""
    if rules.clause:
        return rules.cited("the ToR has motions voted on at meetings")
    return ("the ToR says nothing of deciding between meetings, and govbot's setting for this group is that motions "
            "are voted on at meetings")
