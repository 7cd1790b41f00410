"""The rules in force under a ToR, each as a sentence citing its clause: what `group info` and the group's page
state. Pure, no I/O."""

from __future__ import annotations

import datetime as dt

from bot.rules.approval import approval_words
from bot.rules.cadence import cadence_words
from bot.rules.calendar import show_date
from bot.rules.deputies import belonging
from bot.terms import VOTING_RULE_WORDS, Terms


def rules_in_force(terms: Terms, today: dt.date | None = None) -> list[tuple[str, str]]:
    """Each rule of the ToR as a (label, sentence citing its clause) pair, as of `today` (the group's)."""
    rows: list[tuple[str, str]] = [("Seats", f"{len(terms.seats)} seats, {terms.voting_seats} of them voting")]
    rows.extend(("Composition", rule.cited(rule.says)) for rule in terms.composition)
    replaced = [s for s in terms.seats if s.at_term_end == "new_holder"]
    if replaced:
        rows.append(("Terms", replaced[0].cited("a new representative is appointed when the term of "
                                                f"{', '.join(s.title for s in replaced)} ends")))
    rows.append(("Chair", chair_rule(terms)))
    rows.append((terms.deputies.words.capitalize(), deputies_rule(terms)))
    rows.append(("Quorum", quorum_rule(terms)))
    voting = terms.voting
    rows.append(("Voting", voting_rule(terms)))
    if voting.tabling.required:
        rows.append(("Motions", voting.tabling.cited(f"tabled with {voting.tabling.with_body} before a vote")))
    # The zone rides on the meetings' line: one more line would push `group info` past a 24-row terminal.
    rows.append(("Meetings", f"{meetings_rule(terms)}; times in {terms.timezone}"))
    if declares_at_start(terms):  # only a rule the ToR states, with its clause
        rows.append(("Interests", terms.interests.cited("declared and recorded at the start of each meeting")))
    attendance = attendance_rule(terms)
    if attendance:
        rows.append(("Attendance", attendance))
    if terms.reporting:
        r = terms.reporting
        often = f"every {r.every_months} months" if r.every_months else "as required"
        lead = "co-chairs" if r.lead == "co_chair" else r.lead.replace("_", "-")  # LIEG 6.1: "The Co-chairs"
        rows.append(("Reporting", r.cited(f"to {r.to} {often}, led by the {lead}")))
    if terms.review:
        rv = terms.review
        text = f"first after {rv.first_after_months} months"
        if rv.then_every_months:
            text += f", then every {rv.then_every_months} months"
        rows.append(("Review", rv.cited(text)))
    rows.append(("Minutes", minutes_rule(terms)))
    if terms.operates_until:
        ends = terms.operates_until
        tense = "operated" if today is not None and today > ends.date else "operates"  # CSCPWG: until 27 June 2023
        rows.append(("Ends", ends.cited(f"{tense} until {show_date(ends.date)}")))
    if terms.time_limited:  # PLPCP Review: a limit with no date
        rows.append(("Ends", terms.time_limited.cited(terms.time_limited.says)))
    privacy = terms.confidentiality
    if privacy.confidential or not privacy.public_meetings:
        text = "confidential: information is used only for its purpose" if privacy.confidential else ""
        closed = f"meetings are not open to {privacy.not_open_to}" if not privacy.public_meetings else ""
        text += ("; " if text else "") + closed
        rows.append(("Confidentiality", privacy.cited(text)))
    return rows


def attendance_rule(terms: Terms) -> str:
    """The ToR's cap, absence warning and guests, as one sentence citing each clause; empty when it has none."""
    attendance = terms.attendance
    parts = []
    if attendance.max_per_organisation:
        parts.append((attendance.cap_rule, f"at most {attendance.max_per_organisation} attending per organisation"))
    if attendance.warn_after_consecutive_absences:
        whose = " of an organisation" if attendance.absences_counted_per == "organisation" else ""
        parts.append((attendance.absence_rule, f"the chair is told after "
                      f"{attendance.warn_after_consecutive_absences} consecutive absences{whose}"))
    if "guests" in terms.model_fields_set and terms.guests.allowed:  # only where the ToR provides for them
        parts.append((terms.guests, "guests may be invited, without a vote or a place in the quorum"))
    if not parts:
        return ""
    # Each rule cites its own clause; one clause for all is cited once, at the end.
    one = len({rule.clause for rule, _ in parts}) == 1
    text = "; ".join(words if one else rule.cited(words) for rule, words in parts)
    return parts[0][0].cited(text) if one else text


def deputies_rule(terms: Terms) -> str:
    """The ToR's provision for deputies, as a sentence citing its clause."""
    deputies = terms.deputies
    words = deputies.words
    if deputies.allowed:
        kinds = " and ".join(k for k, on in (("standing", deputies.standing), ("per-meeting", deputies.per_meeting))
                             if on)
        text = f"{words} allowed ({kinds})"
        if deputies.for_seats:
            text += f" for {', '.join(deputies.for_seats)}"
        if deputies.each_names_one:
            text += ", each names one"
        if deputies.must_belong_to:
            text += f"; {deputies.a_word} must be {belonging(deputies.must_belong_to)}"
        if deputies.eligible:
            text += f"; only those the ToR file lists may {deputies.stands_in('')}"
        text += f"; {words} may vote" if deputies.may_vote else f"; {words} may not vote"
        if deputies.alongside:
            text += f"; {deputies.a_word} may also attend beside the member present, without a vote"
        return deputies.cited(text)
    else:
        return deputies.cited(f"no provision for {words}")


def quorum_rule(terms: Terms) -> str:
    """The ToR's quorum, as a sentence citing its clause (or that it sets none)."""
    if terms.quorum:
        q = terms.quorum
        text = plural(q.required(terms.voting_seats), "member") + " present"
        text += (" including the chair" if q.chair_required else "")
        if terms.deputies.allowed:  # a group with no deputies has none to count
            words = terms.deputies.words
            text += f"; {words} count" if q.deputies_count else f"; {words} do not count"
        text += f"; subject to {q.proviso}" if q.proviso else ""
        return q.cited(text)
    else:
        return "the ToR sets no quorum"


def voting_rule(terms: Terms) -> str:
    """The ToR's voting rule, as a sentence citing its clause."""
    voting = terms.voting
    text = f"decided by {VOTING_RULE_WORDS[voting.rule]}"
    if voting.casting_vote == "chair":
        text += "; the chair has a casting vote"
    if not voting.out_of_meeting_polls:
        text += "; votes only at meetings; a poll between meetings is a sounding of members, not a decision"
    elif not voting.out_of_meeting_motions:
        text += "; motions are voted on only at meetings"
    if voting.carried_goes_to:
        what = f"a {voting.carried_is} carried" if voting.carried_is else "what is carried"
        text += f"; {what} goes to {voting.carried_goes_to}"
    if voting.swift_agreement:
        text += f"; {voting.swift_agreement}"
    if not voting.clause:
        silent = " and none for decisions between meetings" if not voting.out_of_meeting_motions else ""
        return f"{text}; the ToR sets no voting rule{silent}, so this is the usual one"
    return voting.cited(text)


def minutes_rule(terms: Terms) -> str:
    """Who approves the minutes, citing the clause, or saying the ToR leaves it to the usual practice."""
    return approval_words(terms.minutes)


def meetings_rule(terms: Terms) -> str:
    """How often the ToR has the group meet, and for how long, as a sentence citing its clause."""
    meetings = terms.meetings
    # in the document's word first ("meet quarterly", "bi-monthly"), then what the bot takes it to mean
    words = cadence_words(meetings) if meetings.every_months or meetings.per_year else "as the chair calls them"
    every = f"every {meetings.every_months} months"  # "monthly" needs no gloss; "bi-monthly" does
    cadence = f"{words}, {every}" if (meetings.every_months or 0) > 1 and words != every else words
    if meetings.max_minutes:
        cadence += f", at most {meetings.max_minutes} minutes"
    if meetings.virtual:
        cadence += ", online"
    if meetings.additional_agreed_by_chair:
        cadence += "; additional meetings where agreed by the chair"
    return meetings.cited(cadence)


def declares_at_start(terms: Terms) -> bool:
    """The ToR itself says interests are declared at the start of each meeting (not only the bot's default)."""
    return "interests" in terms.model_fields_set and terms.interests.declare_at_start


def interests_prompt(terms: Terms, text: str) -> str:
    """`text` asking for declarations at a meeting's start, citing the ToR where it makes that a rule (CJCG 6.5), and
    saying it is only the usual practice where the ToR says nothing of interests (LIEG)."""
    if declares_at_start(terms):
        return terms.interests.cited(text) + "."
    return f"{text} (the ToR says nothing of interests; declaring them at the start is the usual practice)."


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def and_list(names: list[str]) -> str:
    """`carol`, `carol and dan`, `bob, carol and dan`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def chair_rule(terms: Terms) -> str:
    """How the chair comes to be, from whom, and for how long."""
    chair = terms.chair
    text = f"{chair.chosen.replace('_', '-')} chair"
    if chair.drawn_from == "steering_group":
        text += " from the steering group"
    if chair.unless_group_decides:
        text += " unless the main group decides otherwise (a carried motion: `--chair @p --decision N`)"
    initial = "an initial term" if chair.initial_term_only else "a term"
    return chair.cited(text + (f", for {initial} of {chair.term_months} months" if chair.term_months else ""))
