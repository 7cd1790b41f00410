"""The chair: who holds it and until when, who presides while an elected chair is awaited, who may be made chair,
and how a chair whose term has ended is restored. Pure, no I/O: the caller passes the seats held (and, where a
sentence names people, their names by person id)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from bot.grammar import mention
from bot.rules.calendar import add_months, show_date, term_end, term_ended
from bot.rules.tenure import NOT_MEMBERS, SeatHeld, is_member, new_holder_due, term_over
from bot.rules.voting import is_voting
from bot.terms import CHAIR_ROLES, Role, Seat, Terms
from bot.terms_powers import Act


def naming(terms: Terms, person: str = "person") -> str:
    """The command that names `@person` chair: `chair @alice`, and `--agreed "reference"` where the ToR has the
    chair agreed (CJCG 6.2: "an agreed named member of the group"), so a hint gives what is accepted."""
    power = terms.powers.stated(Act.NAME_CHAIR)
    agreed = power is not None and power.agreement is not None and power.agreement.body is not None
    return f"chair {mention(person)}" + (' --agreed "reference"' if agreed else "")


def lapsed(terms: Terms, held: SeatHeld | None, today: dt.date) -> str | None:
    """Why a chair, vice-chair or co-chair no longer acts as one, or None while they do (or hold no chair role):
    their seat's term ended (as for voting and quorum, until reappointed) or their term as chair did (until
    named again). The reason is addressed to them and cites the clause."""
    if held is None or held.role not in CHAIR_ROLES:
        return None
    if held.term_ends_on is not None and term_over(held, today):
        seat = terms.seat(held.seat_title)
        ended = f"your term in {held.seat_title} ended on {show_date(held.term_ends_on)}"
        return seat.cited(ended) if seat else ended
    if term_ended(held.chair_term_ends_on, today):
        assert held.chair_term_ends_on is not None
        return terms.chair.cited(f"your term as {held.role.replace('_', '-')} ended on "
                                 f"{show_date(held.chair_term_ends_on)}")
    return None


def holds_chair(terms: Terms, held: SeatHeld | None, today: dt.date) -> bool:
    """A chair, vice-chair or co-chair role held within its term."""
    return held is not None and held.role in CHAIR_ROLES and lapsed(terms, held, today) is None


def awaiting_election(terms: Terms, seated: Sequence[SeatHeld], today: dt.date) -> bool:
    """The ToR has the group elect its chair, and it has none yet."""
    return terms.chair.chosen == "elected" and not any(holds_chair(terms, m, today) for m in seated)


def presides_until_elected(terms: Terms, seated: Sequence[SeatHeld], held: SeatHeld | None, today: dt.date) -> bool:
    """While an elected chair is awaited, the secretariat (or, where there is none, any voting member) runs the
    meeting that elects one until the election: opens it and calls the vote. `held` is the person's seat, if any."""
    if not awaiting_election(terms, seated, today):
        return False
    if any(m.role == Role.SECRETARIAT for m in seated):
        return held is not None and held.role == Role.SECRETARIAT
    return is_voting(terms, held, today)


def restorers(terms: Terms, seated: Sequence[SeatHeld], held: SeatHeld, today: dt.date) -> list[SeatHeld]:
    """Who can restore the lapsed chair `held`: the secretariat, and anyone else holding the chair in term."""
    return [m for m in seated if m is not held and (m.role == Role.SECRETARIAT or holds_chair(terms, m, today))]


def restoring(terms: Terms, held: SeatHeld, today: dt.date, *, name: str, able: Sequence[str]) -> str:
    """How the lapsed chair `held` (called `name`) is restored, and by whom (`able`), ending a sentence:
    reappointment to their seat when its term ended, else being named (or elected) chair again; and what an
    operator does when no one in the group can."""
    seat_over = held.term_ends_on is not None and term_over(held, today)
    if seat_over and new_holder_due(terms.seat(held.seat_title)):
        # The ToR has a new representative appointed at the term's end: never suggest the same person again.
        return (f"the ToR has a new representative appointed to {held.seat_title}, not you again. The "
                f"secretariat seats them with `member add @person --seat \"{held.seat_title}\"`.")
    if seat_over:
        how = f"you are reappointed: `member add {mention(name)} --seat \"{held.seat_title}\"`"
    else:
        how = f"you are named again: `{naming(terms, name)}`" if terms.chair.chosen != "elected" else \
            f"you are elected again at a meeting: `chair {mention(name)} --poll N`"
    if able:
        return f"{how}, which {', '.join(able)} can do."
    return (f"{how}. Nobody in the group can do that now (no secretariat, and no chair in term), so ask the "
            "operator to put a revised ToR in force with `govbot group import FILE`, seating a secretariat "
            "(or another chair) who can.")


def lapsed_refusal(terms: Terms, seated: Sequence[SeatHeld], held: SeatHeld | None, today: dt.date, *,
                   doing: str, names: Mapping[int, str]) -> str | None:
    """What a chair whose term has ended is told when they try `doing`: when, under which clause, and who can
    restore them. None when `held` is no such chair."""
    reason = lapsed(terms, held, today)
    if held is None or reason is None:
        return None
    return f"{reason[0].upper()}{reason[1:]}, so you cannot {doing} until " + \
        restoring_from(terms, seated, held, today, names)


def ballot(candidates: Sequence[str]) -> str:
    """`poll "Chair" "bob" "carol"`: the ballot to copy, naming two of `candidates` (the voting members in office, by
    the names the record shows), so a prompt never offers a name the group does not hold."""
    named = [name.replace('"', "'") for name in candidates[:2]]
    named += ["name"] * (2 - len(named))
    return 'poll "Chair" ' + " ".join(f'"{name}"' for name in named)


def awaited(terms: Terms, vacated: str | None) -> str:
    """Why the group has no chair, citing the clause: none elected yet, or the one elected left (`vacated`: who left
    and when, bot.services.chair_vacated), so the seat is vacant and an election is needed."""
    if vacated is None:
        return terms.chair.cited("The ToR has the group elect its chair, and none is elected yet")
    return terms.chair.cited(f"The chair's seat is vacant since {vacated}; the ToR has the group elect its chair, so "
                             "an election is needed")


def election_prompt(terms: Terms, presiding: str, candidates: Sequence[str], vacated: str | None = None) -> str:
    """What the meeting `presiding` opens while the group awaits the election of its chair is told (CSCPWG
    Governance, "will elect a chair at its first meeting"): how the election is held and recorded."""
    return (awaited(terms, vacated) + f": {presiding} "
            f"presides until then. Hold the election with `{ballot(candidates)}` (the candidates), close "
            "it with `poll close N` once the members have voted, then record the result with `chair @winner --poll N`; "
            "the chair elected runs the rest of the meeting.")


def restoring_from(terms: Terms, seated: Sequence[SeatHeld], held: SeatHeld, today: dt.date,
                   names: Mapping[int, str]) -> str:
    able = [names[m.person_id] for m in restorers(terms, seated, held, today)]
    return restoring(terms, held, today, name=names[held.person_id], able=able)


def hint(terms: Terms, seated: Sequence[SeatHeld], mine: SeatHeld | None, today: dt.date,
         names: Mapping[int, str], also: Sequence[str] = (), vacated: str | None = None,
         also_as: str = "who chairs the meeting at hand") -> str:
    """Who the chair is, or how the group comes to have one, for a refusal that only the chair may act: a
    lapsed chair hears how they are restored; a group electing its chair hears who runs the meeting meanwhile.
    `also` names who chairs the meeting at hand, asked beside the group's chairs as what `also_as` says (`who
    chaired meeting 1`), not as holding the chair."""
    reason = lapsed(terms, mine, today)
    if mine is not None and reason is not None:
        return (f"{reason[0].upper()}{reason[1:]}; you act as {mine.role.replace('_', '-')} again once "
                f"{restoring_from(terms, seated, mine, today, names)}")
    rule = terms.chair
    if awaiting_election(terms, seated, today):
        secretariat = [names[m.person_id] for m in seated if m.role == Role.SECRETARIAT]
        who = f"the secretariat ({', '.join(secretariat)})" if secretariat else "any voting member"
        candidates = [names[m.person_id] for m in seated if is_voting(terms, m, today) and m.person_id in names]
        return (awaited(terms, vacated) + f". Until then "
                f"{who} opens the meeting, calls the vote (`{ballot(candidates)}`) "
                "and records the result with `chair @winner --poll N`; the chair elected then runs the rest of it.")
    chairs = [names[m.person_id] for m in seated if holds_chair(terms, m, today)]
    others = [name for name in also if name not in chairs]
    if chairs or others:
        held = [f"{chairs[0]}, the chair" if len(chairs) == 1 else f"{', '.join(chairs[:-1])} or {chairs[-1]}, who "
                "hold the chair"] if chairs else []
        asked = held + ([f"{' or '.join(others)}, {also_as}"] if others else [])
        return f"Ask {rule.cited(asked[0])}" + "".join(f", or {who}" for who in asked[1:]) + "."
    ended = [names[m.person_id] for m in seated if m.role in CHAIR_ROLES]
    if ended:
        return rule.cited(f"The chair's term has ended ({', '.join(ended)}); the secretariat can name a chair "
                          f"with `{naming(terms)}`") + ", or name who chairs one meeting meanwhile: `meeting chair " \
            "@person`."
    if rule.seat:  # LCIIB "chaired by a Chief Executive": `chair @x` is refused unless x holds the seat
        return rule.cited(f"The chair's seat, {rule.seat}, is vacant: the secretariat seats the chair with "
                          f"`member add @person --seat \"{rule.seat}\"`") + "."
    return rule.cited(f"This group has no chair yet; the secretariat can name one with `{naming(terms)}`") + "."


def naming_refusal(terms: Terms) -> str | None:
    """Why nobody names a standing chair where the ToR has one chosen for each meeting; None where one is named
    or elected."""
    rule = terms.chair
    if rule.chosen != "per_meeting":
        return None
    source = " from the steering group" if rule.drawn_from == "steering_group" else ""
    return rule.cited(f"Under the ToR a chair is chosen for each meeting{source}") + ". Name one when " \
        "scheduling: `meeting schedule DATE TIME --chair @person`."


def chair_refusal(terms: Terms, held: SeatHeld | None, today: dt.date, *, name: str,
                  holder: str | None = None) -> str | None:
    """Why `name` (holding `held`, or no seat) may not hold the chair, or None when they may: a member in term
    (not the secretariat or an observer), voting where the chair is elected, in the chair's seat where the ToR
    names one (held now by `holder`, if anyone)."""
    rule = terms.chair
    if held is None:
        return rule.cited(f"{name} holds no seat; the chair is chosen from the members") + "."
    if not is_member(held, today):
        return rule.cited(f"{name} holds {held.seat_title} as {held.role.replace('_', '-')}, not as a member in "
                          "term; the secretariat and observers are not members and cannot hold the chair") + "."
    if rule.chosen == "elected" and not is_voting(terms, held, today):
        return rule.cited(f"The chair is elected from the voting members, and {name}'s seat ({held.seat_title}) "
                          "does not vote") + ". Name a voting member: say `members` to see them."
    chair_seat = terms.seat(rule.seat) if rule.seat else None
    if chair_seat is not None and held.seat_title.casefold() != chair_seat.title.casefold():
        steps = [f"`member remove {mention(holder)}` (who holds it now)"] if holder else []
        steps += [f"`member remove {mention(name)}` (from {held.seat_title})",
                  f"then `member add {mention(name)} --seat \"{chair_seat.title}\"`"]
        return rule.cited(f"The ToR names the chair's seat: {chair_seat.title}") + f". To make {name} the chair: " \
            f"{', '.join(steps)}; or revise the ToR."
    return None


def seating_refusal(terms: Terms, seat: Seat, role: Role) -> str | None:
    """Why `seat` may not be filled in chair role `role`, or None when it may (or the role is no chair's): the
    seat is not a voting member's (the secretariat and observers are not members), not a steering group seat
    where the chair comes from it, or the ToR has the chair elected or chosen each meeting, not seated."""
    if role not in CHAIR_ROLES:
        return None
    rule = terms.chair
    if seat.role in NOT_MEMBERS or not seat.voting:
        return seat.cited(f"{seat.title} is not a voting member's seat") + "; the secretariat and observers are " \
            "not members and cannot hold the chair."
    if rule.drawn_from == "steering_group" and not seat.steering:
        return rule.cited(f"Under the ToR the chair comes from the steering group, and {seat.title} is not a "
                          "steering group seat") + "."
    if role == Role.CHAIR and rule.chosen != "named":
        how = "elects its chair" if rule.chosen == "elected" else "chooses a chair for each meeting"
        return rule.cited(f"Under the ToR the group {how}, so nobody is seated as chair") + "; seat them as a " \
            "member and see `help chair`."
    return None


def role_after_chair(terms: Terms, seat_title: str) -> Role:
    """The role a chair returns to when another is made chair: their seat's own (co-opted stays co-opted)."""
    seat = terms.seat(seat_title)
    return seat.role if seat is not None and seat.role not in CHAIR_ROLES else Role.MEMBER


def renewal_from(terms: Terms, ends_on: dt.date | None) -> dt.date | None:
    """The first day a chair's term ending on `ends_on` may be renewed, in its last half (a term of 12 months ending
    30 Nov 2027: from 1 Jun 2027), so one agreement never adds two terms; None where the ToR sets no chair term."""
    months = terms.chair.term_months
    if ends_on is None or not months:
        return None
    return add_months(ends_on + dt.timedelta(days=1), -max(months // 2, 1))


def chair_term_ends(terms: Terms, start: dt.date) -> dt.date | None:
    """The last day of a chair's term beginning on `start`, or None where the ToR sets no chair term."""
    months = terms.chair.term_months
    return term_end(start, months) if months else None
