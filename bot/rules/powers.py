"""May this person do this act here, now? The ToR's powers table, with a clerk's defaults where it is silent.
Pure, no I/O: `roles_held` says which roles a person holds from the facts bot/services/authority.py reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.rules.approval import approval_clause
from bot.rules.tenure import SeatHeld, is_member
from bot.rules.voting import is_voting, venue_refusal
from bot.terms import VOTING_RULE_WORDS, Role, Terms, VotingRule
from bot.terms_powers import ACT_WORDS, POWER_HOLDER_WORDS, Act, Agreement, Power, PowerHolder

C, S = PowerHolder.CHAIR, PowerHolder.SECRETARIAT

# What a UK committee clerk expects where the ToR says nothing: the chair and the secretariat run the business,
# the chair alone runs the meeting and its votes, any voting member proposes, a member acts for themself.
CLERK_DEFAULTS: dict[Act, list[PowerHolder]] = {
    Act.SEAT_MEMBER: [C, S], Act.CO_OPT_MEMBER: [C, S], Act.NAME_CHAIR: [C, S],
    Act.SCHEDULE_MEETING: [C, S], Act.PLAN_AGENDA: [C, S], Act.RUN_MEETING: [C],
    Act.PROPOSE_MOTION: [PowerHolder.VOTING_MEMBER, C], Act.TABLE_MOTION: [PowerHolder.VOTING_MEMBER, C],
    Act.CALL_VOTE: [C], Act.CLOSE_POLL: [C], Act.APPROVE_MINUTES: [C], Act.CIRCULATE_MINUTES: [PowerHolder.ANYONE],
    Act.RECORD_ACTIONS: [C, S, PowerHolder.MINUTE_TAKER], Act.MARK_ACTION_DONE: [PowerHolder.SELF, C, S],
    Act.MARK_REVIEW_DONE: [C, S], Act.NOMINATE_DEPUTY: [PowerHolder.SELF, C, S], Act.BIND_CHANNEL: [C, S],
    Act.END_GROUP: [C, S],
}


# Acts that concern no one meeting, so a meeting's chair holds no power over them (bot/services/authority.py).
NOT_OF_A_MEETING = frozenset({Act.SEAT_MEMBER, Act.CO_OPT_MEMBER, Act.NAME_CHAIR, Act.MARK_REVIEW_DONE,
                              Act.BIND_CHANNEL, Act.END_GROUP})


def power_for(terms: Terms, act: Act) -> Power:
    """The power in force for `act`: the ToR's `powers:` entry, else what its other rules imply, else the
    clerk's default (which cites no clause). Where the ToR has no secretariat seat (LIEG), no secretariat holds
    it beside others: nobody could, and "the chair or the secretariat" would name someone who does not exist."""
    power = stated_or_implied(terms, act)
    if S in power.by and len(power.by) > 1 and not any(seat.role == Role.SECRETARIAT for seat in terms.seats):
        return power.model_copy(update={"by": [holder for holder in power.by if holder is not S]})
    return power


def stated_or_implied(terms: Terms, act: Act) -> Power:
    """`power_for` before a secretariat the ToR has no seat for is left out."""
    stated = terms.powers.stated(act)
    if stated is not None:
        return stated
    if act is Act.NAME_MEETING_CHAIR:
        return power_for(terms, Act.SCHEDULE_MEETING)  # whoever schedules a meeting names its chair
    if act is Act.CO_OPT_MEMBER:
        return power_for(terms, Act.SEAT_MEMBER)
    if act is Act.NAME_CHAIR and terms.chair.chosen == "elected":
        # The chair is elected by the group; the secretariat (or the chair) records the result of that election.
        return Power(by=[C, S], agreement=Agreement(vote="election"), clause=terms.chair.clause)
    if act is Act.TABLE_MOTION and terms.voting.tabling.required:
        return Power(by=[PowerHolder.STEERING_GROUP], clause=terms.voting.tabling.clause)
    if act is Act.APPROVE_MINUTES:
        by = {"chair": [C], "steering_group": [PowerHolder.STEERING_GROUP], "group": [C, S]}[terms.minutes.approved_by]
        return Power(by=by, clause=approval_clause(terms.minutes))
    if act is Act.CIRCULATE_MINUTES and terms.minutes.approved_by == "steering_group":
        # "approved ... before circulation" (LIEG 5.2)
        return Power(by=[PowerHolder.STEERING_GROUP], clause=approval_clause(terms.minutes))
    return Power(by=CLERK_DEFAULTS[act])


def roles_held(terms: Terms, held: SeatHeld | None, today: dt.date, *, chairs: bool, own: bool,
               takes_minutes: bool) -> frozenset[PowerHolder]:
    """Every role a person holds at once, from their seat (`held`, or none) and what the caller knows of them:
    whether they chair (the group, or the meeting the act concerns), whether the act concerns them themself
    (their own deputy, their own action), and whether they take that meeting's minutes. The secretariat and
    observers are not members; the steering group is the members in term whose seats sit on it."""
    roles = {PowerHolder.ANYONE}
    if own:
        roles.add(PowerHolder.SELF)
    if chairs:
        roles.add(PowerHolder.CHAIR)
    if held is not None and held.role == Role.SECRETARIAT:
        roles.add(PowerHolder.SECRETARIAT)
    if held is not None and is_member(held, today):
        roles.add(PowerHolder.MEMBER)
        seat = terms.seat(held.seat_title)
        if seat is not None and seat.steering:
            roles.add(PowerHolder.STEERING_GROUP)
    if is_voting(terms, held, today):
        roles.add(PowerHolder.VOTING_MEMBER)
    if takes_minutes:
        roles.add(PowerHolder.MINUTE_TAKER)
    return frozenset(roles)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    refusal: str = ""  # for a refusal: who may, citing the clause, ready to follow "Only "


def holds(power: Power, roles: frozenset[PowerHolder], seat_title: str | None) -> bool:
    """Whether someone holding `roles` (and `seat_title`) holds `power`."""
    if PowerHolder.ANYONE in power.by or roles & set(power.by):
        return True
    return seat_title is not None and seat_title.casefold() in {t.casefold() for t in power.seats}


def who_may(power: Power, act: Act | None, terms: Terms) -> str:
    """`the chair or the secretariat`; the chair alone is spelt out, since a meeting's chair holds it too, and a
    vice-chair or co-chair only where the ToR (`terms`) has a seat for one: of the seeds, LIEG has co-chairs."""
    if power.by == [C] and not power.seats:
        roles = {seat.role for seat in terms.seats}
        others = [words for role, words in ((Role.VICE_CHAIR, "vice-chair"), (Role.CO_CHAIR, "a co-chair"))
                  if role in roles]
        named = [*others, *([] if act in NOT_OF_A_MEETING else ["the meeting's chair"])]
        return f"the chair (or {', or '.join(named)})" if named else "the chair"
    own = "the action's owner" if act is Act.MARK_ACTION_DONE else POWER_HOLDER_WORDS[PowerHolder.SELF]
    names = [own if h is PowerHolder.SELF else POWER_HOLDER_WORDS[h] for h in power.by]
    names += [f"the holder of {title}" for title in power.seats]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def agreement_words(agreement: Agreement, terms: Terms) -> str:
    if agreement.body is not None:
        return f"subject to the agreement of {agreement.body}"
    if agreement.vote == "election":
        return "by election at a meeting"
    return f"with the agreement of {VOTING_RULE_WORDS[VotingRule(agreement.vote or 'majority_cast')]}"


def silent(terms: Terms, act: Act, power: Power) -> bool:
    """Whether `power` is the clerk's default for `act`, the ToR saying nothing of who may do it."""
    return power.clause is None and terms.powers.stated(act) is None


def decide(terms: Terms, act: Act, roles: frozenset[PowerHolder], doing: str, *, seat_title: str | None = None,
           agreed: str | None = None) -> Verdict:
    """May someone holding `roles` do `act` (described as `doing`, "schedule meetings")?

    `agreed` is the reference to another body's agreement, where the power needs one ("Board 12 Jan 2027
    minute 5"). A refusal says who may and cites the clause. An election is checked by the caller, which
    holds the ballot.
    """
    power = power_for(terms, act)
    if not holds(power, roles, seat_title):
        usual = " The ToR does not say who may, so this is the usual practice." if silent(terms, act, power) else ""
        return Verdict(False, f"Only {who_may(power, act, terms)} can {doing}{power.cite()}.{usual}")
    agreement = power.agreement
    if agreement is not None and agreement.body is not None and not (agreed and agreed.strip()):
        return Verdict(False, f"Under the ToR you {ACT_WORDS[act]} {agreement_words(agreement, terms)}"
                              f"{power.cite()}. Record that agreement with `--agreed \"reference\"`, e.g. "
                              f"`--agreed \"meeting of 12 Jan, minute 5\"`.")
    return Verdict(True)


def powers_in_force(terms: Terms) -> list[tuple[str, str]]:
    """Every act with who may do it and its clause (or "default" where the ToR is silent), for `terms`."""
    rows = []
    for act in Act:
        if act is Act.END_GROUP and terms.powers.stated(act) is None:
            continue  # most groups run to their date or their parent's decision: list it where the ToR speaks of it
        if act is Act.TABLE_MOTION and not terms.voting.tabling.required:
            continue  # only a ToR with a tabling step has anyone table a motion (LIEG 6.3)
        label = f"Who may {act_words(terms, act)}"
        nobody = nobody_may(terms, act)
        if nobody is not None:
            rows.append((label, nobody))
            continue
        power = power_for(terms, act)
        text = who_may(power, act, terms)  # as README's powers table has it (tests/test_readme_powers.py)
        if power.agreement is not None:
            text += f", {agreement_words(power.agreement, terms)}"
        text += " (default: the ToR is silent)" if silent(terms, act, power) else power.cite()
        rows.append((label, text))
    return rows


def act_words(terms: Terms, act: Act) -> str:
    """The act in words, a deputy by the ToR's word (PLPCP: "name an alternate for a member")."""
    if act is Act.NOMINATE_DEPUTY:
        return f"name {terms.deputies.a_word} for a member"
    return ACT_WORDS[act]


def nobody_may(terms: Terms, act: Act) -> str | None:
    """Why nobody does `act` under the ToR, citing it, or None: no standing chair is named where one is chosen for
    each meeting (LIEG 5.1), no deputy where the ToR makes no provision for them (LCIIB Membership), and no motion
    tabled where it has no tabling step (all but LIEG 6.3)."""
    if act is Act.NAME_CHAIR and terms.chair.chosen == "per_meeting":
        source = " from the steering group" if terms.chair.drawn_from == "steering_group" else ""
        return terms.chair.cited(f"nobody: a chair is chosen for each meeting{source}")
    if act is Act.NOMINATE_DEPUTY and not terms.deputies.allowed:
        return terms.deputies.cited(f"nobody: the ToR makes no provision for {terms.deputies.words}")
    if act is Act.TABLE_MOTION and not terms.voting.tabling.required:
        return "nobody: the ToR has no tabling step; a proposed motion goes to the vote when the chair opens it"
    return None


def date_poll_callers(terms: Terms) -> str | None:
    """`the secretariat, who arranges the meetings (ToR Board Support and Logistics)`: who, not holding the power to
    call a vote, may call a poll of dates between meetings to arrange one, and close it, as they schedule the
    meetings (bot.services.date_poll); None where nobody more may, or the ToR holds its votes to meetings."""
    if venue_refusal(terms, at_meeting=False) is not None:
        return None
    power, calls = power_for(terms, Act.SCHEDULE_MEETING), power_for(terms, Act.CALL_VOTE).by
    others = [holder for holder in power.by if holder not in calls]
    if not others:
        return None
    who = who_may(power.model_copy(update={'by': others}), Act.SCHEDULE_MEETING, terms)
    return f"{who}, who arranges the meetings{power.cite()}"


def date_poll_row(terms: Terms) -> list[tuple[str, str]]:
    """The row `terms` shows, beside the powers in force, for who else calls and closes a poll of dates; none where
    nobody more may (`date_poll_callers`)."""
    callers = date_poll_callers(terms)
    return [("Who may call and close a poll of dates", f"whoever may call a vote; between meetings, also {callers}, "
             "to find when to meet (each option a date)")] if callers else []
