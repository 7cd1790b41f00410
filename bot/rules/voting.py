"""Deciding a motion under the ToR's voting rule. Pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from bot.terms import VOTING_RULE_WORDS, VotingRule, VotingRules


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
    verdict = "carried" if carried else "not carried"
    text = f"{verdict}: {tally.words()}; {need_text} ({VOTING_RULE_WORDS[rule]}){note} {rules.cite()}"
    return Decision(carried, text.rstrip())
