"""Invited guests where the ToR gives them observer seats (LCIIB: the DfE and LGA leads "will be regularly invited"):
someone with no seat who comes to a meeting is seated as an observer to be minuted in attendance. Where the ToR
provides for guests without a seat (LIEG 2.7), `bot/services/guests.py` records them instead."""

from __future__ import annotations

from bot.grammar import mention
from bot.rules.powers import power_for, who_may
from bot.services.context import Context
from bot.terms import Role
from bot.terms_powers import Act


def guest_hint(ctx: Context) -> str:
    """Where the ToR has observer seats open (LCIIB: the DfE and LGA leads "will be regularly invited"), who records
    an invited guest and in which seats, with the command; empty where it has none, or where the ToR provides for
    guests without a seat (then `guests.how_to_record` says how)."""
    if "guests" in ctx.terms.model_fields_set and ctx.terms.guests.allowed:
        return ""
    taken = {m.seat_title for m in ctx.memberships()}
    seats = [s.title for s in ctx.terms.seats
             if s.role is Role.OBSERVER and (s.several_holders or s.title not in taken)]
    if not seats:
        return ""
    who = who_may(power_for(ctx.terms, Act.SEAT_MEMBER), Act.SEAT_MEMBER)
    return (f" An invited guest is recorded by {who}, in one of the seats for them: {', '.join(seats)}. For "
            f"example `member add {mention(ctx.actor.display_name)} --seat \"{seats[0]}\"`.")
