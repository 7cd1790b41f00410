"""What a group's own ToR says of a command, for `help <command>` in its channel: the verb's usage is the same in
every group, but who may use it, and on which clause, is each document's (LIEG 2.7 and CJCG 7.1 for guests)."""

from __future__ import annotations

from bot.rules.in_force import chair_rule, deputies_rule, quorum_rule, voting_rule
from bot.rules.powers import agreement_words, power_for, who_may
from bot.terms import Terms
from bot.terms_powers import ACT_WORDS, Act

# The act each command is, where the ToR's powers decide who may use it.
VERB_ACTS: dict[str, Act] = {
    "member add": Act.SEAT_MEMBER, "member remove": Act.SEAT_MEMBER, "chair": Act.NAME_CHAIR,
    "meeting chair": Act.NAME_MEETING_CHAIR, "meeting schedule": Act.SCHEDULE_MEETING,
    "meeting cancel": Act.SCHEDULE_MEETING, "agenda add": Act.PLAN_AGENDA, "meeting open": Act.RUN_MEETING,
    "meeting close": Act.RUN_MEETING, "motion": Act.PROPOSE_MOTION, "motion table": Act.TABLE_MOTION,
    "motion vote": Act.CALL_VOTE, "poll": Act.CALL_VOTE, "poll close": Act.CLOSE_POLL,
    "minutes approve": Act.APPROVE_MINUTES, "action": Act.RECORD_ACTIONS, "minute": Act.RECORD_ACTIONS,
    "resolved": Act.RECORD_ACTIONS, "guest": Act.RECORD_ACTIONS, "action done": Act.MARK_ACTION_DONE,
    "review done": Act.MARK_REVIEW_DONE, "report done": Act.MARK_REVIEW_DONE, "deputy": Act.NOMINATE_DEPUTY,
    "deputy revoke": Act.NOMINATE_DEPUTY, "group end": Act.END_GROUP,
}
# Where the act's own words would mislead: a guest is recorded by whoever records the meeting's actions.
VERB_WORDS = {"guest": "record a guest", "minute": "minute an item", "resolved": "record what was resolved"}


def guests_note(terms: Terms) -> str:
    """Whether the ToR provides for guests, citing its clause, or says it is silent."""
    rule = terms.guests
    if not rule.allowed:
        return rule.cited("the ToR makes no provision for guests") + "."
    if "guests" not in terms.model_fields_set:
        return "the ToR says nothing of guests; one recorded attends without a vote or a place in the quorum."
    return rule.cited("guests may be invited, without a vote or a place in the quorum") + "."


def power_note(terms: Terms, verb: str) -> str:
    """Who may use `verb` in this group, citing the clause, or saying the ToR is silent."""
    act = VERB_ACTS[verb]
    power = power_for(terms, act)
    text = f"who may {VERB_WORDS.get(verb, ACT_WORDS[act])}: {who_may(power, act)}"
    if power.agreement is not None:
        text += f", {agreement_words(power.agreement, terms)}"
    silent = power.clause is None and terms.powers.stated(act) is None
    return text + (" (the ToR is silent, so this is the usual practice)." if silent else f"{power.cite()}.")


def group_note(terms: Terms, verb: str) -> str:
    """`In <group>: ...` for `help <verb>` in the group's channel; empty where the ToR has nothing of its own."""
    notes: list[str] = []
    if verb == "guest":
        notes.append(guests_note(terms))
    if verb in ("vote", "motion vote", "poll close"):
        notes.append("votes are " + voting_rule(terms) + ".")
    if verb in ("quorum", "here"):
        notes.append("quorum: " + quorum_rule(terms) + ".")
    if verb in ("deputy", "here"):
        notes.append(deputies_rule(terms) + ".")
    if verb in ("chair", "meeting chair"):
        notes.append("the chair: " + chair_rule(terms) + ".")
    if verb in VERB_ACTS and not (verb == "chair" and terms.chair.chosen == "per_meeting"):
        notes.append(power_note(terms, verb))
    return f"  In {terms.name}: " + " ".join(n[0].upper() + n[1:] for n in notes) if notes else ""
