"""What each reminder says and to whom, read from the record at the moment it is composed (when it falls due, and
again when it is sent if the record has changed meanwhile: scheduler/stamps.py).

Each function takes the group's context, the subject's id and the instance the reminder is about (the meeting's
start, the term's end date) and returns a Notice, or a string saying why nothing is sent (the meeting was cancelled
or moved, the review is recorded, the poll is already closed, the member has left the seat).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from bot.models import Ballot, DeputyNomination, Meeting, Membership, Person, Poll, SecretVoter
from bot.rules import deputies
from bot.rules.calendar import due_words, show, show_date
from bot.rules.in_force import interests_prompt
from bot.rules.powers import power_for, silent, who_may
from bot.rules.reminders import instant
from bot.rules.tenure import at_term_end
from bot.services import reviews
from bot.services.chair_notices import chair_term_cited, chair_vacant, namers, naming_chair, successor_on
from bot.services.context import Context
from bot.services.groups import plural
from bot.services.meeting_terms import held_as
from bot.services.meetings import absence_warnings
from bot.services.outstanding import outstanding
from bot.services.presiding import holds_chair, opener
from bot.services.standing import is_voting
from bot.services.tenure import has_left, last_day, next_nominator, succession
from bot.terms import CHAIR_ROLES, Role
from bot.terms_powers import Act, PowerHolder


@dataclass(frozen=True)
class Notice:
    """A reminder's title and text, for the group's channels (`people` empty) or for these people."""

    title: str
    text: str
    people: tuple[int, ...] = ()
    added_for: tuple[tuple[int, str], ...] = ()  # a sentence for one of `people` alone (who can name a deputy)
    quoted: tuple[str, ...] = ()  # what members typed that the text shows again (Reply.quoted)

    def text_for(self, person_id: int | None) -> str:
        """The text as `person_id` reads it (None: the group's channel): with what is added for them alone."""
        added = dict(self.added_for).get(person_id) if person_id is not None else None
        return f"{self.text} {added}" if added else self.text


def chairs(ctx: Context) -> tuple[int, ...]:
    """The chair(s) in term (CJCG 6.2: not one whose 12 months have ended); the secretariat when there is none."""
    found = tuple(m.person_id for m in ctx.memberships() if holds_chair(ctx, m))
    return found or tuple(m.person_id for m in ctx.memberships() if m.role == Role.SECRETARIAT)


def seaters(ctx: Context) -> tuple[int, ...]:
    """Besides the chair, who is told a seat's term is ending: the secretariat, where it seats the next holder (PLPCP
    Support and Logistics: the LIIA programme team; README "Powers": the chair or the secretariat by default)."""
    if PowerHolder.SECRETARIAT not in power_for(ctx.terms, Act.SEAT_MEMBER).by:
        return ()
    return tuple(m.person_id for m in ctx.memberships() if m.role == Role.SECRETARIAT)


def quorum_line(ctx: Context) -> str:
    q = ctx.terms.quorum
    if q is None:
        return "The ToR sets no quorum."
    needed = plural(q.required(ctx.terms.voting_seats), "member") + " present"
    return q.cited(f"Quorum: {needed}" + (" including the chair" if q.chair_required else "")) + "."


def meeting_of(ctx: Context, meeting_id: int, starts: str | None) -> Meeting | str:
    """The meeting, if it is still to be held at the start the reminder is about."""
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None or meeting.status not in ("scheduled", "open"):
        return f"meeting {meeting.number} is {meeting.status}" if meeting else \
            f"meeting (record {meeting_id}) is no longer in the record"
    if starts is not None and instant(meeting.starts_at) != starts:
        return f"meeting {meeting.number} was moved to {show(meeting.starts_at, ctx.terms.zone)}"
    return meeting


def meeting_ahead(ctx: Context, meeting_id: int, starts: str | None = None) -> Notice | str:
    meeting = meeting_of(ctx, meeting_id, starts)
    if isinstance(meeting, str):
        return meeting
    days = (meeting.starts_at.astimezone(ctx.terms.zone).date() - ctx.today).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    lines = [f"Meeting {meeting.number} of {ctx.terms.name} is {when}: {show(meeting.starts_at, ctx.terms.zone)}"
             + (f", {meeting.place}." if meeting.place else "."), *held_as(ctx, meeting)]
    if meeting.items:
        lines.append("Agenda: " + "; ".join(f"{i.position}. {i.title}" for i in meeting.items) + ".")
    else:
        who = who_may(power := power_for(ctx.terms, Act.PLAN_AGENDA), Act.PLAN_AGENDA, ctx.terms)  # LIEG 3.1
        lines.append(f"No agenda items yet; {who} adds them with `agenda add \"title\"`"
                     + (" (the usual practice: the ToR does not say who)" if silent(ctx.terms, Act.PLAN_AGENDA, power)
                        else f"{power.cite()}") + ".")
    left, typed = outstanding(ctx, meeting)
    lines += [*who_serves(ctx, meeting), quorum_line(ctx), *left]
    lines.append(f"If you cannot attend, say `apologies --meeting {meeting.number}`.")
    return Notice("Meeting reminder", "\n".join(lines), quoted=typed)


def who_serves(ctx: Context, meeting: Meeting) -> list[str]:
    """Who chairs the meeting and takes its minutes, where named; where the ToR has a volunteer for each meeting
    (LIEG 5.1, 5.2) and none has come forward yet, how one does."""
    chair, minutes, n = ctx.terms.chair, ctx.terms.minutes, meeting.number
    named = {role: ctx.session.get(Person, person_id) for role, person_id in
             (("Chair", meeting.chair_id), ("Minutes", meeting.minute_taker_id))
             if person_id is not None and not has_left(ctx, person_id)}
    said = [f"{role}: {person.display_name}." for role, person in named.items() if person is not None]
    steering = "a member of the steering group"
    if "Chair" not in named and chair.chosen == "per_meeting":
        volunteer = steering if chair.drawn_from == "steering_group" else "a member"
        said.append(chair.cited(f"No chair named yet; {volunteer} volunteers")
                    + f": `meeting chair @person --meeting {n}`.")
    if "Minutes" not in named and minutes.taken_by == "steering_group":
        said.append(minutes.cited(f"No one has volunteered to take the minutes yet; {steering} does")
                    + f": `meeting minute-taker @person --meeting {n}`.")
    return said


def meeting_start(ctx: Context, meeting_id: int, starts: str | None = None) -> Notice | str:
    meeting = meeting_of(ctx, meeting_id, starts)
    if isinstance(meeting, str):
        return meeting
    lines = [f"Meeting {meeting.number} of {ctx.terms.name} starts now ({show(meeting.starts_at, ctx.terms.zone)})."]
    if meeting.status == "scheduled":
        lines.append(opener(ctx))
    lines.append(deputies.roll_call(ctx.terms.deputies))
    if ctx.terms.interests.declare_at_start:
        lines.append(interests_prompt(ctx.terms, "Declare your interests: `declare \"...\" --item N`, or "
                                                 "`declare none`"))
    lines.append(quorum_line(ctx))
    return Notice("Meeting starting", "\n".join(lines))


def term(ctx: Context, membership_id: int, kind: str, ends: str | None = None) -> Notice | str:
    """`term-60d`, `chair-term-7d`, `seat-vacant`: to the holder and the chair, or (vacancy) the channel. The one
    place a term reminder's text is composed."""
    membership = ctx.session.get(Membership, membership_id)
    if membership is None or membership.ended_at is not None:
        return "the member has left the seat"
    chair_term = kind.startswith(("chair-term", "chair-vacant"))
    if chair_term and membership.role not in CHAIR_ROLES:
        return f"{membership.person.display_name} is no longer chair"
    ends_on = membership.chair_term_ends_on if chair_term else membership.term_ends_on
    if ends_on is None:
        return "the term no longer has an end date"
    if ends is not None and ends_on.isoformat() != ends:
        return f"the term now ends on {show_date(ends_on)}"
    holder, seat = membership.person.display_name, ctx.terms.seat(membership.seat_title)
    if kind == "seat-vacant":
        taken = succession(ctx, membership)  # a successor seated ahead takes the seat up tomorrow: it is never vacant
        return Notice("Seat taken up tomorrow" if taken else "Seat vacant", last_day(ctx, membership, seat, ends_on))
    if kind == "chair-vacant":
        return Notice("Chair's term ending", chair_vacant(ctx, membership, ends_on))
    days = (ends_on - ctx.today).days
    if chair_term:
        text = chair_term_cited(ctx, membership, f"{holder}'s term as chair of {ctx.terms.name} ends on "
                                f"{show_date(ends_on)}")
    else:
        text = f"{holder}'s term in the seat {membership.seat_title} of {ctx.terms.name} ends on {show_date(ends_on)}"
        text = seat.cited(text) if seat else text
    ending = f"Plan the renewal or a successor: {naming_chair(ctx)}. {successor_on(ends_on)}" if chair_term else \
        succession(ctx, membership) or at_term_end(seat, holder)
    text += f", in {plural(days, 'day')}. {ending}"
    people = tuple(dict.fromkeys((membership.person_id, *chairs(ctx), *(namers(ctx) if chair_term else seaters(ctx)))))
    return Notice("Term ending", text, people)


def deputy_lapse(ctx: Context, nomination_id: int) -> Notice | str:
    nomination = ctx.session.get(DeputyNomination, nomination_id)
    if nomination is None or nomination.revoked_at is not None:
        return "the nomination was withdrawn"
    membership = next((m for m in ctx.memberships() if m.person_id == nomination.member_id), None)
    if membership is None or membership.term_ends_on is None:
        return "the member's term has no end date"
    member, deputy, rule = nomination.member.display_name, nomination.deputy.display_name, ctx.terms.deputies
    text = rule.cited(f"{deputy}'s standing nomination as {rule.word} for {member} lapses when {member}'s "
                      f"term ends on {show_date(membership.term_ends_on)}")
    after = next_nominator(ctx, membership, ctx.terms.seat(membership.seat_title), rule.word) or \
        f"Name {rule.a_word} again once the seat is renewed."
    return Notice(f"{rule.word.capitalize()} nomination lapsing", f"{text}. {after}",
                  (nomination.member_id, nomination.deputy_id))


def review(ctx: Context, due_on: dt.date) -> Notice | str:
    rule = ctx.terms.review
    if rule is None or reviews.next_review(ctx) != due_on:
        return "the review is recorded or no longer due"
    text = rule.cited(f"The ToR review of {ctx.terms.name} {due_words(due_on, ctx.today)}")
    who = rule.cited(f"{rule.by[0].upper()}{rule.by[1:]} reviews it") if rule.by else \
        "The ToR does not say who reviews it"
    power = power_for(ctx.terms, Act.MARK_REVIEW_DONE)
    records = f"{who_may(power, Act.MARK_REVIEW_DONE, ctx.terms)} says `review done`{power.cite()}"
    if silent(ctx.terms, Act.MARK_REVIEW_DONE, power):
        records += " (the usual practice: the ToR does not say who records it)"
    return Notice("ToR review", f"{text}. {who}; when it is done, {records}.")


def report(ctx: Context, due_on: dt.date) -> Notice | str:
    rule = ctx.terms.reporting
    if rule is None:
        return "the ToR sets no reporting duty"
    if not rule.every_months or reviews.next_report(ctx, rule.every_months) != due_on:
        return "the report is recorded or no longer due"
    people = tuple(m.person_id for m in ctx.memberships() if m.role == rule.lead) or chairs(ctx)
    text = rule.cited(f"The report of {ctx.terms.name} to {rule.to} {due_words(due_on, ctx.today)}")
    return Notice("Report due", text + ". When it is made, say `report done`.", people)


def ending(ctx: Context) -> Notice | str:
    rule = ctx.terms.operates_until
    if rule is None:
        return "the group no longer has an end date"
    text = rule.cited(f"{ctx.terms.name} operates until {show_date(rule.date)}")
    return Notice("Group ending", text + ": plan its final meeting and the handover of its work.")


def poll_reminder(ctx: Context, poll_id: int, closes: str | None = None) -> Notice | str:
    poll = ctx.session.get(Poll, poll_id)
    if poll is None or poll.status != "open" or poll.closes_at is None:
        return "the poll is closed"
    if closes is not None and instant(poll.closes_at) != closes:
        return f"the poll's deadline moved to {show(poll.closes_at, ctx.terms.zone)}"
    model = SecretVoter if poll.secret else Ballot
    voted = set(ctx.session.scalars(select(model.member_id).where(model.poll_id == poll.id)))
    people = tuple(m.person_id for m in ctx.memberships() if is_voting(ctx, m) and m.person_id not in voted)
    if not people:
        return "every member has voted"
    text = (f"{poll.kind.capitalize()} {poll.number} of {ctx.terms.name} closes on "
            f"{show(poll.closes_at, ctx.terms.zone)} and you have not voted: {poll.question}\n"
            f"Vote with `vote {poll.number} <choice>`; `results {poll.number}` shows the options.")
    return Notice("Vote closing soon", text, people, quoted=(poll.question,))


def absences(ctx: Context, meeting_id: int) -> Notice | str:
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None or meeting.status != "closed":
        return "the meeting is not closed"
    warnings = absence_warnings(ctx, meeting)
    if not warnings:
        return "no member reached the ToR's number of absences"
    return Notice("Consecutive absences", f"After meeting {meeting.number}:\n" + "\n".join(warnings), chairs(ctx))
