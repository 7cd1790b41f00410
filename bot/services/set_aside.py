"""The ballots a vote no longer counts when it closes: those cast for a member who has left their seat since (a term
ended, `member remove`, a successor seated), in person or by their deputy. A vote counts those entitled to vote when
it closes, and one vote a seat: the seat's new holder votes for it, not the one who held it before."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, select

from bot.models import Ballot, Membership, Poll, SecretVoter
from bot.rules.calendar import show_date, term_ended
from bot.rules.tenure import term_over
from bot.services.context import Context
from bot.services.standing import voting_ids
from bot.services.vote_cap import name

# How the stored outcome marks what was set aside: after the tally's own words, as `; counted: ...` is (the card
# shows it as a field of its own).
MARK = "; set aside: "
RULE = "A vote counts those entitled to vote when it closes, one vote a seat."


def at_close(ctx: Context, poll: Poll) -> Context:
    """`ctx` as of the poll's deadline where the scheduler closes it after (a tick a minute past midnight must not
    set aside the ballot of a member whose term ran to the day before); `ctx` itself otherwise."""
    if poll.closes_at is None or poll.closes_at >= ctx.now:
        return ctx
    return dataclasses.replace(ctx, now=poll.closes_at)


def departed(ctx: Context, poll: Poll) -> list[Row[Any]]:
    """The open ballots of `poll` cast for members who hold no voting seat in office now (id, member_id, cast_by_id,
    choices), in the order cast; a secret poll's are in `departed_secret`."""
    if poll.secret:
        return []
    entitled = voting_ids(at_close(ctx, poll))
    rows = ctx.session.execute(select(Ballot.id, Ballot.member_id, Ballot.cast_by_id, Ballot.choices)
                               .where(Ballot.poll_id == poll.id).order_by(Ballot.id))
    return [row for row in rows if row.member_id not in entitled]


def departed_secret(ctx: Context, poll: Poll) -> list[int]:
    """The members who voted in secret `poll` and hold no voting seat in office now."""
    if not poll.secret:
        return []
    entitled = voting_ids(at_close(ctx, poll))
    return [member for member in ctx.session.scalars(select(SecretVoter.member_id).where(
        SecretVoter.poll_id == poll.id).order_by(SecretVoter.id)) if member not in entitled]


def standing(ctx: Context, poll: Poll, per: dict[int, int], voters: int) -> tuple[dict[int, int], int]:
    """The tally `per` and `voters` (bot.records.tally.counts) without the ballots `departed` finds: what closing
    now would count, for a refusal that says who has not voted yet."""
    return without(departed(ctx, poll), per, voters)


def without(gone: Sequence[Row[Any]], per: dict[int, int], voters: int) -> tuple[dict[int, int], int]:
    """The tally `per` and `voters` less the ballots `gone` (rows of `departed`)."""
    kept = dict(per)
    for row in gone:
        for position in row.choices:
            kept[position] = kept.get(position, 0) - 1
    return kept, voters - len(gone)


def set_aside(ctx: Context, poll: Poll) -> str:
    """At the close, remove from the count the ballots cast for members no longer entitled to vote, auditing each
    with its reason; return what the outcome says of them (`MARK` and the reasons), or "" where there are none. A
    secret ballot keeps no choice against a name, so it cannot be taken out: it is said to stand, and why."""
    reasons: list[str] = []
    at = at_close(ctx, poll)  # the reasons as the seats stood when it closed
    for row in departed(ctx, poll):
        why = reason(at, row.member_id)
        ctx.session.execute(delete(Ballot).where(Ballot.id == row.id))
        ctx.audit("ballot.set_aside", poll=poll.id, member=row.member_id, cast_by=row.cast_by_id,
                  choices=list(row.choices), reason=why)
        by = "" if row.cast_by_id == row.member_id else \
            f", cast by {name(ctx, row.cast_by_id)} as {ctx.terms.deputies.word}"
        reasons.append(f"{name(ctx, row.member_id)}'s vote{by}, as {why}")
    stood = [stands(at, member, "stands") for member in departed_secret(ctx, poll)]
    if not reasons and not stood:
        return ""
    return MARK + "; ".join(reasons + stood) + f". {RULE}"


def stands(ctx: Context, member_id: int, verb: str) -> str:
    """`bob's secret ballot stands (`verb`) though bob no longer holds a seat: ...: ... cannot be taken out of the
    count`: why a departed member's secret ballot is counted, naming no choice."""
    return (f"{name(ctx, member_id)}'s secret ballot {verb} though {reason(ctx, member_id)}: a secret ballot keeps no "
            "choice against a name, so it cannot be taken out of the count")


def reason(ctx: Context, member_id: int) -> str:
    """`bob no longer holds a seat: bob's term in DCS North London ended on 14 Jan 2027 (ToR Membership), and nadia
    holds it now`: why `member_id` is no longer entitled to vote, citing the seat's clause where its term ran out."""
    who = name(ctx, member_id)
    held: Sequence[Membership] = ctx.session.scalars(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.person_id == member_id)
        .order_by(Membership.term_starts_on.desc(), Membership.id.desc()).limit(1)).all()
    if not held:
        return f"{who} holds no seat in {ctx.terms.name}"
    last = held[0]
    seat = ctx.terms.seat(last.seat_title)
    current = next((m for m in ctx.memberships() if m.id == last.id), None)
    if current is not None and not term_over(current, ctx.today):  # in office, in a seat that does not vote
        return f"{who}'s seat ({last.seat_title}) does not vote"
    if current is not None and current.term_ends_on is not None:  # still seated, the term run out, none seated yet
        ended = f"{who}'s term in {last.seat_title} ended on {show_date(current.term_ends_on)}"
        return seat.cited(ended) if seat is not None else ended
    left = last.ended_at.astimezone(ctx.terms.zone).date() if last.ended_at is not None else None
    if left is not None and (last.term_ends_on is None or left <= last.term_ends_on):
        said = f"{who} left {last.seat_title} on {show_date(left)}"
    else:
        assert last.term_ends_on is not None  # no longer held, not left: its term ran out, or a successor took it
        ended = f"{who}'s term in {last.seat_title} ended on {show_date(last.term_ends_on)}"
        said = seat.cited(ended) if seat is not None else ended
    now = next((m.person.display_name for m in ctx.memberships()
                if m.seat_title == last.seat_title and m.person_id != member_id), None)
    if seat is not None and seat.several_holders:  # another holder is no successor of theirs (LCIIB's leads)
        return f"{who} no longer holds a seat: {said}"
    return f"{who} no longer holds a seat: {said}, and " + (f"{now} holds it now" if now else "the seat is vacant")


def seat_voted(ctx: Context, poll: Poll, member_id: int) -> str | None:
    """Why `member_id` casts no vote in secret `poll`: the one who held their seat before them, while the poll ran,
    voted in it, and a secret ballot, keeping no choice against a name, cannot be taken back at the close as an open
    one is; so the seat has voted (one vote a seat). None where they may vote: one who held the seat only before the
    poll opened voted for another seat or none of it, and one who holds another voting seat now votes for that."""
    held = next((m for m in ctx.memberships() if m.person_id == member_id), None)
    if not poll.secret or held is None or (rule := ctx.terms.seat(held.seat_title)) is None or rule.several_holders:
        return None
    earlier = ctx.session.scalars(select(Membership).where(
        Membership.group_id == ctx.group.id, Membership.seat_title == held.seat_title,
        Membership.person_id != member_id, Membership.term_starts_on < held.term_starts_on,
        Membership.person_id.in_(select(SecretVoter.member_id).where(SecretVoter.poll_id == poll.id)))
        .order_by(Membership.term_starts_on.desc(), Membership.id.desc())).all()
    seated = voting_ids(ctx)
    before = next((m.person_id for m in earlier if m.person_id not in seated and held_during(ctx, m, poll)), None)
    if before is None:
        return None
    whose = "your" if member_id == ctx.actor.id else f"{name(ctx, member_id)}'s"
    return (f"{name(ctx, before)} cast {held.seat_title}'s vote in secret poll {poll.number} before {whose} term in it "
            f"began, and a secret ballot cannot be taken back: a vote counts one vote a seat.")


def held_during(ctx: Context, held: Membership, poll: Poll) -> bool:
    """Whether `held` was still in office when `poll` opened (left at or after it, its term's last day not before
    it): a holder from before then cast no ballot for the seat in it."""
    opened = poll.opened_at or poll.proposed_at
    if held.ended_at is not None and held.ended_at < opened:
        return False
    return held.term_ends_on is None or not term_ended(held.term_ends_on, opened.astimezone(ctx.terms.zone).date())
