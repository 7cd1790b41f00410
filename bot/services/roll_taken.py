"""The roll taken by whoever keeps the meeting's record (the secretariat, the chair, the minute-taker): `here @carol
@dan` records those in the room at a hybrid meeting present, as each saying `here` would (CJCG 6.3: "Administrative
support will be provided in terms of agendas, note taking and arrangements for meetings")."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from bot.errors import NotAllowed
from bot.grammar import PersonRef, mention
from bot.models import Meeting, Person
from bot.rules.calendar import show_date
from bot.services import conduct, guests, presence, roll
from bot.services.authority import require
from bot.services.context import Context
from bot.services.tenure import successors
from bot.terms_powers import Act


def record_present(ctx: Context, meeting: Meeting, named: tuple[PersonRef, ...]) -> tuple[str, tuple[str, ...]]:
    """Record each of `named` present (a member) or attending for the member who named them (a deputy), by a holder
    of the power to record actions; what each came to, and the interest prompts for those who have not declared.
    One who cannot be recorded (no seat nor nomination, their authority at its cap: LIEG 2.1) is said so beside the
    others recorded; where nobody can be, the whole is refused."""
    people = list({person.id: person for person in (ctx.person(ref) for ref in named)}.values())
    if any(person.id != ctx.actor.id for person in people):
        require(ctx, Act.RECORD_ACTIONS, "record others present", meeting=meeting, present=True)
    said: list[str] = []
    refused: list[str] = []
    prompts: tuple[str, ...] = ()
    for person in people:
        try:
            with ctx.session.begin_nested():  # one refused changes nothing of theirs, and keeps the others
                said.append(one_present(ctx, meeting, person))
        except NotAllowed as refusal:
            refused.append(f"{person.display_name} is not recorded: {refusal.message}")
            continue
        prompts += conduct.late_declaration(ctx, meeting, person, ctx.now)
    if not said:
        raise NotAllowed(" ".join(refused))
    # Taking the roll keeps the meeting's record, as minuting an item does: whoever takes it is in the meeting (LIEG
    # 5.2's minute-taker, a member), counted among those present, and not minuted absent beside their own name.
    return " ".join(said + refused) + presence.recorded_present(ctx, meeting), prompts


@dataclasses.dataclass
class RecordedBy(Context):
    """The context of one recorded present by another (`here @carol`): as if they said `here`, but each change it
    makes is audited as the one who typed it (`recorder`), naming them the attendee (detail `attendee`), and counted
    among the recorder's changes (a 1:1 chat's post, the pace)."""

    recorder: Context | None = None

    def audit(self, action: str, **detail: Any) -> None:
        assert self.recorder is not None
        self.recorder.audit(action, **detail, attendee=self.actor.id)


def as_attendee(ctx: Context, person: Person) -> Context:
    """`person`'s context as they would say `here`: the speaker's own where it is them (`here @me`), else one whose
    changes are audited as the speaker's (`RecordedBy`)."""
    if person.id == ctx.actor.id:
        return ctx
    return RecordedBy(session=ctx.session, group=ctx.group, actor=person, now=ctx.now, platform=ctx.platform,
                      place=ctx.place, recorder=ctx)


def one_present(ctx: Context, meeting: Meeting, person: Person) -> str:
    """Record `person` present as a member, or attending as the deputy a member named for `meeting` (a guest then
    named deputy is listed once, as deputy, as their own `here` lists them); a guest already recorded is said so."""
    as_them = as_attendee(ctx, person)  # as the person saying `here`, recorded by the speaker
    if ctx.membership(person) is not None:
        text = roll.mark_present(as_them, meeting, person)
        if person.id != ctx.actor.id:
            ctx.audit("attendance.recorded_for", meeting=meeting.id, person=person.id)
        return text
    if roll.nominations_for(ctx, meeting, person):
        text = roll.mark_deputising(as_them, meeting, None) + guests.no_longer_guest(as_them, meeting)
        ctx.audit("attendance.recorded_for", meeting=meeting.id, person=person.id)
        return text.replace("You are already", f"{person.display_name} is already")
    if (as_guest := guests.already_guest(as_them, meeting, person)) is not None:  # LIEG 2.7
        return as_guest.replace("You are recorded", f"{person.display_name} is recorded")
    raise NotAllowed(not_recordable(ctx, meeting, person))


def not_recordable(ctx: Context, meeting: Meeting, person: Person) -> str:
    """Why `person` is not recorded present: a successor seated ahead takes their seat up later (PLPCP Membership);
    anyone else holds no seat nor nomination, and is recorded as a guest where the ToR provides for guests."""
    if (later := next((m for m in successors(ctx) if m.person_id == person.id), None)) is not None:
        return (f"{person.display_name} takes up {later.seat_title} on {show_date(later.term_starts_on)}; until then "
                f"{person.display_name} is not counted as a member.")
    guest = f": record a guest with `guest {mention(person.display_name)}`" if guests.how_to_record(ctx) else ""
    return (f"{person.display_name} holds no seat in {ctx.terms.name} and no member has named them "
            f"{ctx.terms.deputies.word} for meeting {meeting.number}{guest}.")


def record_left(ctx: Context, meeting: Meeting, named: tuple[PersonRef, ...], leave: Callable[[Context], str]) -> str:
    """Record each of `named` leaving the room, by a holder of the power to record actions, as each saying `leaving`
    would (`leave`, run as them): one who cannot be (not there, left already) is said so beside the others; where
    nobody can be, the whole is refused."""
    people = list({person.id: person for person in (ctx.person(ref) for ref in named)}.values())
    if any(person.id != ctx.actor.id for person in people):
        require(ctx, Act.RECORD_ACTIONS, "record others leaving", meeting=meeting, present=True)
    said: list[str] = []
    refused: list[str] = []
    for person in people:
        try:
            with ctx.session.begin_nested():
                # as the person saying `leaving`, audited as the speaker's change naming them (`as_attendee`)
                said.append(leave(as_attendee(ctx, person)))
                if person.id != ctx.actor.id:
                    ctx.audit("attendance.left_recorded", meeting=meeting.id, person=person.id)
        except NotAllowed as refusal:
            refused.append(in_third_person(refusal.message, person))
    if not said:
        raise NotAllowed(" ".join(refused))
    # Recording the room, they are in it, as taking the roll has them (record_present); and the minutes read the
    # leavings they typed by those at the meeting (bot.records.away.recorders).
    return " ".join(said + refused) + presence.recorded_present(ctx, meeting)


def in_third_person(said: str, person: Person) -> str:
    """A refusal of `leaving`, said of `person` to whoever recorded them: `dan left meeting 1 at 10:40; `here @dan`
    records him back.`"""
    name = person.display_name
    return said.replace("You are not", f"{name} is not").replace("You left", f"{name} left") \
        .replace("say `here` when you are back", f"`here {mention(name)}` records them back")
