"""One person's dashboard across every group they sit on: seats, deputies, meetings, votes and declarations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Ballot, DeputyNomination, Group, Identity, Interest, Meeting, Membership, Poll, SecretVoter
from bot.records.holdings import held_now
from bot.replies import Reply, shortened
from bot.rules.calendar import show, show_date, term_ended
from bot.rules.tenure import awaiting, chair_term_words
from bot.services.context import Speaker, group_terms, name
from bot.services.numbers import meeting_number

NOTHING = "none"
UPCOMING = 5


def home(sessions: sessionmaker[Session], speaker: Speaker, now: dt.datetime) -> Reply:
    """The dashboard of the person `speaker` identifies, as of `now` (read only; a stranger gets a welcome)."""
    with sessions() as session:
        person_id = session.scalar(select(Identity.person_id).where(Identity.platform == speaker.platform,
                                                                    Identity.external_id == speaker.user_id))
        seats = held_now(session, person_id, now)  # not one taken up on a day to come (bot/records/holdings.py)
        if person_id is None or not seats:
            return Reply("You hold no seat in any group govbot keeps yet. When a chair adds you, your seats, "
                         "meetings and open votes appear here. Say `/gov help` in a group's channel to begin.",
                         title="Your governance dashboard")
        groups = {g.id: g for g in session.scalars(select(Group).where(Group.id.in_({m.group_id for m in seats})))}
        fields = [("Seats", "\n".join(seat_line(groups[m.group_id], m, now) for m in seats)),
                  ("Deputies", deputies(session, person_id, groups)),
                  ("Next meetings", next_meetings(session, groups, now)),
                  ("Votes waiting for you", unvoted(session, person_id, groups, now)),
                  ("Your declarations", declarations(session, person_id, groups))]
        return Reply(f"As of {show(now, zone_of(groups[seats[0].group_id]))}.",  # the last three as members typed
                     title="Your governance dashboard", fields=tuple(fields), quoted=tuple(v for _, v in fields[2:]))


def zone_of(group: Group) -> ZoneInfo:
    return group_terms(group).zone


def declared_on(session: Session, interest: Interest, groups: dict[int, Group]) -> dt.date:
    """The day of a declaration in its group's zone (one made at 00:30 BST on 22 June is of 22 June, not 21)."""
    group = groups.get(interest.group_id) or session.get(Group, interest.group_id)
    return interest.declared_at.astimezone(zone_of(group) if group else dt.UTC).date()


def seat_line(group: Group, membership: Membership, now: dt.datetime) -> str:
    ends_on, ends, terms = membership.term_ends_on, "", group_terms(group)
    today = now.astimezone(terms.zone).date()
    if ends_on is not None:
        seat = terms.seat(membership.seat_title)
        ends = (f", term ended {show_date(ends_on)}: {awaiting(seat)}"
                if term_ended(ends_on, today) else f", term ends {show_date(ends_on)}")
    chair_ends = membership.chair_term_ends_on  # as `members` says it: a term as chair that is over is not running
    chair = f", {chair_term_words(terms.chair, 'chair', chair_ends, today)}" if chair_ends is not None else ""
    return f"{group.name}: {membership.seat_title} ({membership.role.replace('_', ' ')}{ends}{chair})"


def deputies(session: Session, person_id: int, groups: dict[int, Group]) -> str:
    rows = session.scalars(select(DeputyNomination).where(
        DeputyNomination.revoked_at.is_(None),
        or_(DeputyNomination.deputy_id == person_id, DeputyNomination.member_id == person_id)))
    lines = []
    for nomination in rows:
        group = groups.get(nomination.group_id) or session.get(Group, nomination.group_id)
        when = f"meeting {meeting_number(session, nomination.meeting_id)}" if nomination.meeting_id else "standing"
        rule = group_terms(group).deputies if group else None
        if nomination.deputy_id == person_id:
            acts = rule.stands_in("") if rule else "deputise"
            lines.append(f"You {acts} for {name(nomination.member)} in {group.name if group else '?'} ({when})")
        else:
            acts = rule.stands_in() if rule else "deputises"
            lines.append(f"{name(nomination.deputy)} {acts} for you in {group.name if group else '?'} ({when})")
    return "\n".join(lines) or NOTHING


def next_meetings(session: Session, groups: dict[int, Group], now: dt.datetime) -> str:
    meetings = session.scalars(select(Meeting).where(Meeting.group_id.in_(groups), Meeting.starts_at >= now,
                                                     Meeting.status == "scheduled")
                               .order_by(Meeting.starts_at).limit(UPCOMING))
    return "\n".join(f"{groups[m.group_id].name}: meeting {m.number}, "
                     f"{show(m.starts_at, zone_of(groups[m.group_id]))}"
                     + (f", {m.place}" if m.place else "") for m in meetings) or NOTHING


def unvoted(session: Session, person_id: int, groups: dict[int, Group], now: dt.datetime) -> str:
    voted = select(Ballot.poll_id).where(Ballot.member_id == person_id).union(
        select(SecretVoter.poll_id).where(SecretVoter.member_id == person_id))
    polls = session.scalars(select(Poll).where(Poll.group_id.in_(groups), Poll.status == "open",
                                               or_(Poll.closes_at.is_(None), Poll.closes_at > now),
                                               Poll.id.not_in(voted)).order_by(Poll.id))
    return "\n".join(f"{groups[p.group_id].name}: {p.kind} {p.number}, {shortened(p.question, 100)} "
                     f"(`vote {p.number} ...`)" for p in polls) or NOTHING


def declarations(session: Session, person_id: int, groups: dict[int, Group]) -> str:
    interests = session.scalars(select(Interest).where(Interest.person_id == person_id)
                                .order_by(Interest.declared_at.desc()).limit(10))
    return "\n".join(f"{groups[i.group_id].name if i.group_id in groups else 'a former group'}, "
                     f"{show_date(declared_on(session, i, groups))}: "
                     + ("no interests" if i.no_interests else f"{i.description}" + (f" ({i.nature})" if i.nature
                                                                                      else ""))
                     for i in interests) or NOTHING
