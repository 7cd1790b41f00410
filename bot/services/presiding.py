"""Who chairs the group today, read from the record: the seats held and the meeting to come, put to the chair's
rules (bot/rules/chair.py), and the refusals and hints those rules word."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed
from bot.models import AgendaItem, Attendance, DeputyNomination, Meeting, Membership, Person
from bot.rules import chair
from bot.rules.calendar import show_date
from bot.rules.powers import power_for, who_may
from bot.rules.tenure import lapsed_hint, term_over, until_reappointed
from bot.services.chair_vacated import chair_vacated
from bot.services.context import Context
from bot.services.out_for_item import out_for
from bot.services.roll_rows import row_for
from bot.terms_powers import Act


def names(ctx: Context) -> dict[int, str]:
    """The seat holders' names by person id, as the chair's sentences name them."""
    return {m.person_id: m.person.display_name for m in ctx.memberships()}


def holds_chair(ctx: Context, membership: Membership | None) -> bool:
    """A chair, vice-chair or co-chair role held within its term."""
    return chair.holds_chair(ctx.terms, membership, ctx.today)


def presides_until_elected(ctx: Context, who: Person) -> bool:
    """While an elected chair is awaited, whether `who` runs the meeting that elects one."""
    return chair.presides_until_elected(ctx.terms, ctx.memberships(), ctx.membership(who), ctx.today)


def is_chair(ctx: Context, person: Person | None = None) -> bool:
    """The group's chair, vice-chair or a co-chair, or who presides until a chair is elected. Not someone named to
    chair one meeting: they hold the chair for that meeting's business (bot.services.authority.roles_of, given the
    meeting), not the group's (seating members, its reviews, another meeting's minutes)."""
    who = person or ctx.actor
    return holds_chair(ctx, ctx.membership(who)) or presides_until_elected(ctx, who)


def refuse_lapsed_chair(ctx: Context, doing: str) -> None:
    """Raise NotAllowed for a chair whose term has ended, saying when, under which clause, and who can restore
    them; return when the actor is no such chair."""
    refusal = chair.lapsed_refusal(ctx.terms, ctx.memberships(), ctx.membership(ctx.actor), ctx.today,
                                   doing=doing, names=names(ctx))
    if refusal is not None:
        raise NotAllowed(refusal)


def refuse_lapsed_member(ctx: Context, doing: str) -> None:
    """Raise NotAllowed for a member whose seat's term has ended, saying when, under which clause, and who restores
    them or seats their successor; return when the actor is no such member."""
    held = ctx.membership(ctx.actor)
    if held is None or held.term_ends_on is None or not term_over(held, ctx.today):
        return
    seat = ctx.terms.seat(held.seat_title)
    rule = f"Your term in {held.seat_title} ended on {show_date(held.term_ends_on)}, so you cannot {doing}" + \
        until_reappointed(seat, "you are ")
    raise NotAllowed(f"{seat.cited(rule) if seat else rule}. "
                     + lapsed_hint(seat, held.seat_title, ctx.actor.display_name, "you"))


def chair_hint(ctx: Context, concerned: Meeting | None = None, *, between: bool = False) -> str:
    """Who to ask, or how the group comes to have a chair (bot.rules.chair.hint): the chairs, and the chair named
    for the meeting the act concerns, else the open or next one (LIEG 5.1: a volunteer chairs each meeting); none
    `between` meetings (a vote then is the group's chair's)."""
    meeting = None if between else concerned or ctx.next_meeting()
    chairing = ctx.session.get(Person, meeting.chair_id) if meeting is not None and meeting.chair_id not in (
        None, ctx.actor.id) else None
    chaired = "" if meeting is None else f"who {'chaired' if meeting.status == 'closed' else 'chairs'} meeting " \
                                         f"{meeting.number}"  # not the group's chair: they act for that meeting
    hint = chair.hint(ctx.terms, ctx.memberships(), ctx.membership(ctx.actor), ctx.today, names(ctx),
                      also=(chairing.display_name,) if chairing is not None else (), vacated=chair_vacated(ctx),
                      also_as=chaired)
    return hint + away(ctx, meeting, chairing) if meeting is not None and hint.startswith("Ask ") else hint


def away(ctx: Context, meeting: Meeting, chairing: Person | None) -> str:
    """` alice has sent apologies for meeting 1; the chair or the secretariat can name who chairs it: ...` where
    everyone a refusal asks (the chairs, and the chair named for the meeting) is away from the meeting at hand: sent
    apologies for it, or left it while it runs; empty while any of them is not."""
    people = [m.person for m in ctx.memberships() if holds_chair(ctx, m)] + ([chairing] if chairing else [])
    rows = [(person, row_for(ctx, meeting, person)) for person in people]
    gone = [(person.display_name, why) for person, row in rows
            if (why := away_from(meeting, row) or sends_deputy(ctx, meeting, person)) is not None]
    if not gone or len(gone) < len(rows):
        return ""
    out = {person.display_name: item for person, row in rows if (item := out_for(ctx, meeting, row, person))}
    said = " and ".join(f"{name} {out_words(out[name]) if name in out else what} "
                        f"{'it' if n else f'meeting {meeting.number}'}{' until back (`here`)' if name in out else ''}"
                        for n, (name, what) in enumerate(dict(gone).items()))
    if len(out) == len(gone):  # out of the room for an item, not gone: someone chairs while they are out
        return f" But {said}: meanwhile {chaired_instead(ctx, meeting, meanwhile=True)}."
    return f" But {said}: {chaired_instead(ctx, meeting)}."


def out_words(item: AgendaItem) -> str:
    """`is out of the room for item 1 (Placements contract) of`: one away for an item alone (`leaving --item N`)."""
    return f"is out of the room for item {item.position} ({item.title}) of"


def chaired_instead(ctx: Context, meeting: Meeting, *, meanwhile: bool = False) -> str:
    """`the chair or the secretariat can name who chairs the rest of it with `meeting chair @person` (ToR 6.3)`:
    what the group does where nobody who may act for the chair is at `meeting` (`meanwhile`: for now, they being
    out of the room for an item)."""
    act = Act.NAME_MEETING_CHAIR
    power = power_for(ctx.terms, act)
    rest = "the rest of " if meeting.status == "open" and not meanwhile else ""
    return f"{who_may(power, act, ctx.terms)} can name who chairs {rest}it with `meeting chair @person`{power.cite()}"


def chair_left(ctx: Context, meeting: Meeting) -> str:
    """` Nobody now chairs it: ... `meeting chair @person` ...` where the one who has just left `meeting` chaired it
    and every other who could is away too (LCIIB Membership: "chaired by a Chief Executive"); empty otherwise."""
    chairing = ctx.session.get(Person, meeting.chair_id) if meeting.chair_id is not None else None
    if not (is_chair(ctx) or chairing is ctx.actor) or not away(ctx, meeting, chairing):
        return ""
    power = power_for(ctx.terms, Act.NAME_MEETING_CHAIR)
    return (f" Nobody now chairs it: {who_may(power, Act.NAME_MEETING_CHAIR, ctx.terms)} can name who chairs the "
            f"rest of it with `meeting chair @person`{power.cite()}; say `here` when you are back.")


def sends_deputy(ctx: Context, meeting: Meeting, person: Person) -> str | None:
    """`named a substitute for` where `person` named one for `meeting` alone (CSCPWG Governance: "Members may send
    substitutes"), so is not coming; a standing nomination says nothing of any one meeting (PLPCP's alternates)."""
    named = ctx.session.scalar(select(DeputyNomination.id).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.member_id == person.id,
        DeputyNomination.meeting_id == meeting.id, DeputyNomination.revoked_at.is_(None)).limit(1))
    return None if named is None or meeting.status == "open" else f"named a {ctx.terms.deputies.word} for"


def refuse_meeting_chair_until_elected(ctx: Context, person: Person) -> None:
    """Raise NotAllowed where the ToR has the group elect its chair and none is elected yet (CSCPWG Governance:
    "elect a chair at its first meeting"): naming `person` to chair a meeting would put someone in the chair the
    group has not elected. The refusal says who runs the meeting that elects one."""
    if chair.awaiting_election(ctx.terms, ctx.memberships(), ctx.today):
        elected = "elected a new chair" if chair_vacated(ctx) else "elected its chair"
        raise NotAllowed(f"{person.display_name} cannot be named to chair a meeting before the group has {elected}. "
                         f"{chair_hint(ctx)}")


def opener(ctx: Context) -> str:
    """Who opens a meeting starting now: the chair, or, while the group awaits the chair it elects (CSCPWG
    Governance), the secretariat, who runs the election."""
    if not chair.awaiting_election(ctx.terms, ctx.memberships(), ctx.today):
        return "The chair opens it with `meeting open`."
    chair_to_elect = "a new chair" if chair_vacated(ctx) else "its chair"
    return ctx.terms.chair.cited(f"The group has yet to elect {chair_to_elect}, so the secretariat opens it with "
                                 "`meeting open` and holds the election") + "."


def away_from(meeting: Meeting, row: Attendance | None) -> str | None:
    """How someone with `row` on the meeting's roll is away from it (`sent apologies for`, `has left`, `is not at`
    a meeting running without them); None where they are there, or may yet come."""
    if row is not None and row.status == "apologies":
        return "sent apologies for"
    if row is not None and row.status == "present":
        return "has left" if row.left_at is not None else None
    return "is not at" if meeting.status == "open" else None


def refuse_away_chair(ctx: Context, meeting: Meeting, doing: str) -> None:
    """Raise NotAllowed where the actor, who sent apologies for `meeting` or has left it, would `doing` ("close the
    meeting") while someone else chairs it in their place: the one chairing it does (PLPCP Membership names the
    chair; who runs a meeting in the chair's absence the ToR leaves to the one named). Back at it, they may."""
    row = row_for(ctx, meeting, ctx.actor)
    why = away_from(meeting, row)
    if meeting.chair_id in (None, ctx.actor.id) or why not in ("sent apologies for", "has left"):
        return
    chairing = ctx.session.get(Person, meeting.chair_id)
    name = chairing.display_name if chairing else "the meeting's chair"
    item = out_for(ctx, meeting, row) if why == "has left" else None
    gone = "sent apologies for it" if why == "sent apologies for" else "have left it" if item is None else \
        f"are out of the room for item {item.position} ({item.title})"
    back = "If you have come" if item is None else "Back in the room"
    raise NotAllowed(f"{name} chairs meeting {meeting.number} in your place, as you {gone}, so {name} can {doing} "
                     f"(the ToR does not say, so this is the usual practice). {back}, say `here` first.")
