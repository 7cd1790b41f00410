"""Whose votes a meeting's vote counts: those present, those who voted and left, and the ToR's cap per organisation
(LIEG 2.1: "a maximum of two attending at any one time") on the votes of one organisation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select

from bot.models import Attendance, Ballot, Meeting, Person, Poll, SecretVoter
from bot.services import roll
from bot.services.context import Context

# Built once, not at each vote (building a statement costs more CPU than SQLite running it).
VOTED = {table: select(table.member_id).where(table.poll_id == bindparam("poll_id")).order_by(table.id)
         for table in (SecretVoter, Ballot)}


def voted(ctx: Context, poll: Poll) -> list[int]:
    """The members whose votes `poll` holds (a secret poll keeps who voted, not how), in the order they voted."""
    return list(ctx.session.scalars(VOTED[SecretVoter if poll.secret else Ballot], {"poll_id": poll.id}))


def name(ctx: Context, person_id: int) -> str:
    person = ctx.session.get(Person, person_id)
    return person.display_name if person else "someone"


def names(ctx: Context, ids: list[int]) -> str:
    said = [name(ctx, i) for i in ids]
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"


def capped(ctx: Context, ids: list[int]) -> dict[str, list[int]]:
    """`ids` by the organisation the ToR caps each under; those it does not cap are left out."""
    by: dict[str, list[int]] = {}
    if ctx.terms.attendance.max_per_organisation is None:
        return by
    for member in ids:
        organisation = roll.organisation_of(ctx, member)
        if organisation is not None:
            by.setdefault(organisation, []).append(member)
    return by


def vote_cap_refusal(ctx: Context, poll: Poll, member_id: int) -> str | None:
    """Why `member_id` casts no vote on a meeting's `poll`: their organisation has already cast as many votes on it
    as the ToR lets it have attending at once, by members since gone; None when they may vote."""
    cap = ctx.terms.attendance.max_per_organisation
    if cap is None or poll.meeting_id is None:
        return None
    cast = voted(ctx, poll)
    if member_id in cast:
        return None  # changing a vote already counted
    organisation = roll.organisation_of(ctx, member_id)
    theirs = capped(ctx, cast).get(organisation or "", [])
    if organisation is None or len(theirs) < cap:
        return None
    meeting = ctx.session.get(Meeting, poll.meeting_id)
    here = roll.voters_present(ctx, meeting) if meeting is not None else {}
    by = [name(ctx, m) + ("" if m in here else " (who has left)") for m in theirs]
    # a secret ballot keeps who voted to itself: with the tally at the close, names could tell how they voted
    whom = "" if poll.secret else f", by {by[0] if len(by) == 1 else ', '.join(by[:-1]) + ' and ' + by[-1]}"
    votes = "vote" if len(theirs) == 1 else "votes"
    return ctx.terms.attendance.cap_rule.cited(
        f"{organisation} has already cast {len(theirs)} {votes} on {poll.kind} {poll.number}{whom}; at most {cap} "
        "per organisation may attend at any one time") + \
        f", and a vote cast before leaving stands, so no one else from {organisation} votes on {poll.kind} " \
        f"{poll.number}."


def voter(ctx: Context, row: Attendance | None, member_id: int) -> str:
    """Who cast `member_id`'s vote and left: the member, or the deputy who attended in their place ("bev (deputy
    for bob)"), bob never having come."""
    if row is not None and row.status == "deputised" and row.deputy_id is not None:
        return f"{name(ctx, row.deputy_id)} ({ctx.terms.deputies.word} for {name(ctx, member_id)})"
    return name(ctx, member_id)


@dataclass(frozen=True)
class Counted:
    """Those a meeting's vote counts as entitled to vote, and how, in words for its outcome."""

    number: int
    how: str = ""


def counted(ctx: Context, poll: Poll, meeting: Meeting) -> Counted:
    """The voting members present, and anyone who voted then left (their vote stands, so they count too), each
    organisation the ToR caps counting at most its cap, those who voted first: one count for votes and electorate."""
    present = list(roll.voters_present(ctx, meeting))
    cast = voted(ctx, poll)
    gone = [member for member in cast if member not in present]
    cap = ctx.terms.attendance.max_per_organisation
    left_out: list[tuple[str, list[int]]] = []
    for organisation, members in capped(ctx, present + gone).items():
        if cap is not None and len(members) > cap:
            first = sorted(members, key=lambda m: (m not in cast, cast.index(m) if m in cast else 0))
            left_out.append((organisation, first[cap:]))
    dropped = {member for _, members in left_out for member in members}
    number = len(set(present + gone) - dropped)
    if not gone:
        return Counted(number)
    rows = {row.member_id: row for row in ctx.session.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting.id))}
    went = [f"{voter(ctx, rows.get(m), m)}, who voted before leaving" + (
        f" at {left.astimezone(ctx.terms.zone):%H:%M}" if (left := getattr(rows.get(m), "left_at", None)) else "")
        for m in gone]
    how = f"counted: the voting members present at the close and {', '.join(went)}"
    for organisation, members in left_out:
        how += ctx.terms.attendance.cap_rule.cited(
            f"; not {names(ctx, members)}, as {organisation} counts at most {cap}")
    return Counted(number, how)
