"""Quorum: is a meeting quorate under the group's ToR? Pure, no I/O."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.rules.attendance import RollEntry
from bot.terms import QuorumRule, Terms


@dataclass(frozen=True)
class Quorum:
    quorate: bool
    counted: int
    required: int | None
    text: str


def assess(
    rule: QuorumRule | None,
    *,
    members_present: int,
    deputies_present: int,
    chair_present: bool,
    voting_seats: int,
    called: tuple[str, str] = ("deputy", "deputies"),
) -> Quorum:
    """Whether those present make the meeting quorate.

    `members_present` counts voting members in person; `deputies_present` counts deputies attending for
    absent voting members, `called` the ToR's word for one and its plural. Returns the verdict and a sentence
    that states the rule and cites its clause.
    """
    if rule is None:
        # who is counted, named: the roll beside it lists non-voting members too (co-opted, a lapsed term)
        counted = members_present + deputies_present
        who = counted_words(counted, deputies_present, called, voting=True)
        # the rule first: "Quorum: 1 voting member present; ..." read as a quorum of one (LCIIB, which sets none)
        return Quorum(True, counted, None, f"the ToR sets no quorum; {counted} {who} present")
    counted = members_present + (deputies_present if rule.deputies_count else 0)
    required = rule.required(voting_seats)
    missing_chair = rule.chair_required and not chair_present
    quorate = counted >= required and not missing_chair
    who = counted_words(counted, deputies_present if rule.deputies_count else 0, called)
    verdict = "quorate" if quorate else "not quorate"
    text = f"{verdict} — {counted} {who} present, {required} needed"
    if rule.fraction is not None:
        text += f" ({rule.fraction:.0%} of {voting_seats} voting seats)"
    if rule.chair_required:
        text += "; the chair must be present" + (" and is not" if missing_chair else "")
    if deputies_present and not rule.deputies_count:
        text += f"; {deputies_present} {called[1]} present do not count"
    cite = rule.cite()
    return Quorum(quorate, counted, required, f"{text} {cite}".rstrip())


def counted_words(counted: int, deputies_present: int, called: tuple[str, str], *, voting: bool = False) -> str:
    """`members`, `member or deputy`, `voting members or alternates`: who a count of `counted` is made of."""
    member = "voting member" if voting else "member"
    if deputies_present:
        return f"{member}s or {called[1]}" if counted != 1 else f"{member} or {called[0]}"
    return member + ("s" if counted != 1 else "")


def proviso_note(rule: QuorumRule | None, verdict: Quorum) -> str | None:
    """What else a quorate meeting's quorum is subject to, for the chair to judge; None without a proviso."""
    if rule is None or rule.proviso is None or not verdict.quorate:
        return None
    return rule.cited(f"The quorum is subject to {rule.proviso}; the chair judges that") + "."


def turnout_shortfall(rule: QuorumRule | None, *, voted: int, voting_seats: int) -> str | None:
    """Why a vote held outside a meeting cannot decide, or None when enough voted.

    A vote between meetings decides only if at least as many voting members (or deputies, where they count)
    voted as the meeting quorum needs, counted the same way as `assess` counts it.
    """
    if rule is None:
        return None
    required = rule.required(voting_seats)
    if voted >= required:
        return None
    return rule.cited(f"no quorum — only {voted} voted, at least {required} must")


def of_roll(terms: Terms, roll: Iterable[RollEntry], *, voting: Collection[int], chairs: Collection[int]) -> Quorum:
    """The quorum a meeting's roll call gives under `terms`.

    `voting` are the ids of the voting members in term (bot.rules.voting.is_voting): each present counts, and so
    does a deputy attending for one where the ToR's deputy rule lets deputies count (the quorum rule then says
    whether they do). `chairs` are the ids of those whose presence is the chair's.
    """
    members = deputies = 0
    present: set[int] = set()
    for row in roll:
        if row.status == "present":
            present.add(row.member_id)
            members += row.member_id in voting
        elif row.status == "deputised" and row.member_id in voting and terms.deputies.counts_for_quorum:
            deputies += 1
    return assess(terms.quorum, members_present=members, deputies_present=deputies,
                  chair_present=bool(present.intersection(chairs)), voting_seats=terms.voting_seats,
                  called=(terms.deputies.word, terms.deputies.words))
