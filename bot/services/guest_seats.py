"""Invited guests where the ToR gives them observer seats (LCIIB: the DfE and LGA leads "will be regularly invited"):
someone with no seat who comes to a meeting is seated as an observer to be minuted in attendance. Where the ToR
provides for guests without a seat (LIEG 2.7), `bot/services/guests.py` records them instead."""

from __future__ import annotations

from bot.grammar import mention
from bot.models import Person
from bot.rules.powers import power_for, who_may
from bot.services.context import Context
from bot.terms import Role
from bot.terms_powers import Act


def guest_hint(ctx: Context) -> str:
    """Where the ToR has observer seats open (LCIIB: the DfE and LGA leads "will be regularly invited"), how someone
    with no seat comes to be recorded: a visitor as a guest (`guest`, by whoever records actions, where the ToR does
    not bar guests), and the invited leads in their seats (`member add`, by whoever seats members); empty where it
    has none, or where the ToR provides for guests itself (then `guests.how_to_record` says how)."""
    if "guests" in ctx.terms.model_fields_set and ctx.terms.guests.allowed:
        return ""
    taken = {m.seat_title for m in ctx.memberships()}
    seats = [s for s in ctx.terms.seats if s.role is Role.OBSERVER and (s.several_holders or s.title not in taken)]
    if not seats:
        return ""
    me = mention(ctx.actor.display_name)
    records = who_may(power_for(ctx.terms, Act.RECORD_ACTIONS), Act.RECORD_ACTIONS, ctx.terms)
    guest = f" A guest is recorded by {records}: `guest {me} --from \"organisation\"`." if ctx.terms.guests.allowed \
        else ""
    who = who_may(power_for(ctx.terms, Act.SEAT_MEMBER), Act.SEAT_MEMBER, ctx.terms)
    named = " and ".join(f"the {s.title}" for s in seats)
    invited = seats[0].cited(f"{named[0].upper()}{named[1:]}, whom the ToR has regularly invited")
    return (f"{guest} {invited}, {'are' if len(seats) > 1 else 'is'} seated by {who}{' instead' if guest else ''}: "
            f"`member add {me} --seat \"{seats[0].title}\"`.")


def no_deputies(ctx: Context, for_member: Person | None) -> str:
    """Why `here --for` is refused where the ToR makes no provision for deputies (LCIIB Membership): to one who holds
    a seat, that no one attends in the member's place and they attend in their own; to anyone else, that they hold
    none, with where an invited guest is seated."""
    rule = ctx.terms.deputies
    if ctx.membership(ctx.actor) is None:
        return rule.cited(f"You hold no seat in {ctx.terms.name}, and its ToR makes no provision for "
                          f"{rule.words}") + "." + guest_hint(ctx)
    place = f"{for_member.display_name}'s place" if for_member is not None else "another member's place"
    return rule.cited(f"{ctx.terms.name}'s ToR makes no provision for {rule.words}") + \
        f", so no one attends in {place}; you attend in your own seat: `here`."
