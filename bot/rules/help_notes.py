"""What a group's own ToR says of a command, for `help <command>` in its channel: the verb's usage is the same in
every group, but who may use it, and on which clause, is each document's (LIEG 2.7 and CJCG 7.1 for guests)."""

from __future__ import annotations

from bot.grammar import Verb
from bot.rules.deputies import command
from bot.rules.in_force import chair_rule, declares_at_start, deputies_rule, quorum_rule, voting_rule
from bot.rules.powers import act_words, agreement_words, date_poll_callers, nobody_may, power_for, who_may
from bot.terms import Role, Terms
from bot.terms_base import tor_ref
from bot.terms_powers import ACT_WORDS, Act


def guests_note(terms: Terms) -> str:
    """Whether the ToR provides for guests, citing its clause, or says it is silent."""
    rule = terms.guests
    if not rule.allowed:
        return rule.cited("the ToR makes no provision for guests") + "."
    if "guests" not in terms.model_fields_set:
        return "the ToR says nothing of guests; one recorded attends without a vote or a place in the quorum."
    return rule.cited("guests may be invited, without a vote or a place in the quorum") + "."


def power_note(terms: Terms, act: Act, words: str = "") -> str:
    """Who may do `act` (`words` say what it is for, else the act's own words) in this group, citing the clause,
    or saying the ToR is silent."""
    nobody = nobody_may(terms, act)  # LCIIB Membership: no provision for deputies, so nobody names one
    if nobody is not None:
        return f"who may {words or act_words(terms, act)}: {nobody}."
    power = power_for(terms, act)
    text = f"who may {words or ACT_WORDS[act]}: {who_may(power, act, terms)}"
    if power.agreement is not None:
        text += f", {agreement_words(power.agreement, terms)}"
    silent = power.clause is None and terms.powers.stated(act) is None
    return text + (" (the ToR is silent, so this is the usual practice)." if silent else f"{power.cite()}.")


def reporters(terms: Terms) -> str | None:
    """Who the ToR says reports to the parent body, so records the report made, where it names them (LIEG 6.1: "The
    Co-chairs of LIEG will represent LIEG at meetings of the ... CS-NPIMG"); None where it does not."""
    rule = terms.reporting
    if rule is None or rule.lead is not Role.CO_CHAIR:
        return None
    return f"the co-chairs, who represent the group at {rule.to},"


def act_note(terms: Terms, spec: Verb) -> str:
    """Who may use `spec`, from the act it declares; for `report done`, those the ToR names to report."""
    named = reporters(terms) if spec.name == "report done" else None
    if named is not None and terms.reporting is not None:
        return terms.reporting.cited(f"who may record the report: {named.rstrip(',')}") + "."
    assert spec.act is not None
    return power_note(terms, spec.act, spec.act_words)


def minutes_notes(terms: Terms, verb: str) -> list[str]:
    """Who takes a meeting's minutes, who may read the draft before it is approved, and (but for `minutes approve`,
    whose own act says it) who approves it, each on the ToR's clause (LIEG 5.2 says all three)."""
    rule = terms.minutes
    if rule.taken_by == "steering_group":
        taker = rule.cited("a steering group member volunteers to take the minutes") + "."
    elif rule.secretariat_takes:
        taker = f"the secretariat takes the minutes ({tor_ref(rule.secretariat_takes)})."
    else:
        taker = "the minute-taker named for the meeting takes the minutes (the ToR is silent, so this is the usual " \
                "practice)."
    notes = [taker, power_note(terms, Act.CIRCULATE_MINUTES, "read the draft minutes before they are approved")]
    return notes if verb == "minutes approve" else [*notes, power_note(terms, Act.APPROVE_MINUTES)]


def group_example(terms: Terms, spec: Verb) -> str | None:
    """An example for `help <verb>` that the group's ToR accepts where the verb's own is one it refuses: PLPCP's
    alternates are standing only, so not `deputy @bob --meeting next`. None where the verb's own will do."""
    rule = terms.deputies
    if spec.name == "deputy" and rule.allowed and not rule.per_meeting:
        return f"{command(rule)} @bob --meeting standing"
    agreement = power_for(terms, Act.NAME_CHAIR).agreement
    if spec.name == "chair" and agreement is not None and agreement.body is not None:  # CJCG 6.2: "an agreed ..."
        return 'chair @bob --agreed "meeting of 12 Jan, minute 5"'
    return None


def group_note(terms: Terms, spec: Verb) -> str:
    """`In <group>: ...` for `help <verb>` in the group's channel; empty where the ToR has nothing of its own. Who
    may use the verb comes from the act its command declares (bot.verbs_*), the act its use case checks."""
    verb = spec.name
    notes: list[str] = []
    if verb == "guest":
        notes.append(guests_note(terms))
    if verb in ("declare", "interests") and declares_at_start(terms):  # CJCG 6.5
        notes.append(terms.interests.cited("interests are declared and recorded at the start of each meeting") + ".")
    if verb in ("vote", "motion vote", "poll close"):
        notes.append("votes are " + voting_rule(terms) + ".")
    if verb in ("motion", "motion table") and terms.voting.tabling.required:  # LIEG 6.3: tabled first
        notes.append(terms.voting.tabling.cited(f"a motion is tabled with {terms.voting.tabling.with_body} before it "
                                                "is voted on") + ".")
    if verb == "apologies":  # sent by the member; recorded for them (`--for`) by whoever takes the notes
        notes.append(power_note(terms, Act.RECORD_ACTIONS, "record apologies a member sent them (`--for`)"))
    if verb in ("quorum", "here"):
        notes.append("quorum: " + quorum_rule(terms) + ".")
    if verb in ("deputy", "here"):
        notes.append(deputies_rule(terms) + ".")
    if verb in ("chair", "meeting chair"):
        notes.append("the chair: " + chair_rule(terms) + ".")
    if verb == "meeting minute-taker" and terms.minutes.taken_by == "steering_group":
        notes.append(terms.minutes.cited("a steering group member volunteers to take the minutes") + ".")
    if verb in ("minutes", "meeting minutes", "minutes approve"):
        notes += minutes_notes(terms, verb)
    notes += review_notes(terms) if verb in ("review", "review done") else []
    if spec.act is not None and not (verb == "chair" and terms.chair.chosen == "per_meeting"):
        notes.append(act_note(terms, spec))
    notes += date_poll_notes(terms, verb)
    notes += relayed_deputies(terms) if verb == "deputy" else []
    return f"  In {terms.name}: " + " ".join(n[0].upper() + n[1:] for n in notes) if notes else ""


def relayed_deputies(terms: Terms) -> list[str]:
    """Where someone who records apologies a member sent may not name a deputy in their own power, who records the
    deputy a member sent, as the member's nomination (CSCPWG Governance: "Members may send substitutes"); else
    nothing."""
    if not terms.deputies.allowed or set(power_for(terms, Act.RECORD_ACTIONS).by) <= set(
            power_for(terms, Act.NOMINATE_DEPUTY).by):
        return []
    return [power_note(terms, Act.RECORD_ACTIONS, f"record {terms.deputies.a_word} a member sent them (`--for`), as "
                                                  "the member's own nomination")]


def date_poll_notes(terms: Terms, verb: str) -> list[str]:
    """Where someone looks for how to find a date to meet (`poll`, `poll close`, `meeting schedule`, `meetings`):
    who else may call and close a poll of dates between meetings, citing the clause (bot.services.date_poll)."""
    callers = date_poll_callers(terms) if verb in ("poll", "poll close", "meeting schedule", "meetings") else None
    if callers is None:
        return []
    return [f"between meetings, {callers}, may also call a poll of dates to find when to meet, each option a date, "
            'and close it: `poll "When shall we meet?" "12 Jan" "19 Jan" --closes "DATE TIME"`.']


def review_notes(terms: Terms) -> list[str]:
    """The group's own review rule, citing its clause: once, after twelve months (PLPCP, LCIIB Review), or then
    every so often (LIEG 6.2, CJCG 8.1); or that the ToR sets none (CSCPWG)."""
    rule = terms.review
    if rule is None:
        return ["the ToR sets no review."]
    if rule.then_every_months is None:
        return [rule.cited(f"the ToR is reviewed once, {rule.first_after_months} months after its adoption") + "."]
    return [rule.cited(f"the ToR is reviewed {rule.first_after_months} months after its adoption, then every "
                       f"{rule.then_every_months} months") + "."]
