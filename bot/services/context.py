"""One command's unit of work and who is asking: the session, the group and its ToR, the person, the time and the
place, with the record reads every command makes. The rules it used to decide live in bot/rules/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import bindparam, case, select
from sqlalchemy.orm import Session

from bot import audit
from bot.commands import PersonRef
from bot.errors import NotFound
from bot.identity import Place as Place
from bot.identity import Speaker as Speaker
from bot.models import AgendaItem, ApprovedMinutes, Attendance, Group, Meeting, Membership, Person, Poll
from bot.records.holdings import held_on
from bot.records.people import people_read
from bot.rules.calendar import example_day, show
from bot.rules.powers import power_for, who_may
from bot.services.speakers import PERSON_BY_ACCOUNT as PERSON_BY_ACCOUNT
from bot.services.speakers import PERSON_BY_CONSOLE_HANDLE as PERSON_BY_CONSOLE_HANDLE
from bot.services.speakers import PERSON_BY_ID as PERSON_BY_ID
from bot.services.speakers import person_for as person_for
from bot.services.speakers import resolve as resolve
from bot.terms import Terms
from bot.terms import terms_of as terms_of
from bot.terms_powers import Act
from bot.terms_stored import group_terms as group_terms

# The reads every command makes, built once with bound parameters: building a statement and its cache key costs
# more Python than running it on a small table.
MEETING_NUMBERED = select(Meeting).where(Meeting.group_id == bindparam("group_id"),
                                         Meeting.number == bindparam("number"))
# The earliest meeting scheduled since `since` (12 hours before now: one that should have started is still next).
# What a command reads of its open meeting, or else of its next one: the meeting, and with it whether its minutes are
# approved (bot/services/record_lock.py asks before every change to its record), in one statement, not two or three.
WITH_APPROVAL = select(Meeting, ApprovedMinutes.approved_at) \
    .outerjoin(ApprovedMinutes, ApprovedMinutes.meeting_id == Meeting.id) \
    .where(Meeting.group_id == bindparam("group_id"))
OPEN_WITH_APPROVAL = WITH_APPROVAL.where(Meeting.status == "open")
NEXT_SCHEDULED = WITH_APPROVAL.where(Meeting.status == "scheduled", Meeting.starts_at >= bindparam("since")) \
    .order_by(Meeting.starts_at).limit(1)
MISSED = select(Meeting).where(Meeting.group_id == bindparam("group_id"), Meeting.status == "scheduled",  # unopened
                               Meeting.starts_at < bindparam("since")).order_by(Meeting.starts_at.desc()).limit(1)
# The open meeting first (at most one is), else the earliest scheduled since `since`: NEXT_SCHEDULED's.
OPEN_OR_NEXT = WITH_APPROVAL.where((Meeting.status == "open") | ((Meeting.status == "scheduled")
                                                                   & (Meeting.starts_at >= bindparam("since")))) \
    .order_by(case((Meeting.status == "open", 0), else_=1), Meeting.starts_at).limit(1)
# A successor seated ahead of the day their predecessor's term ends (`member add ... --from`) holds the seat from
# that day: until then they are no holder, and from then their predecessor, whose term has ended, is none.
SEATED = select(Membership).where(Membership.group_id == bindparam("group_id"), held_on(bindparam("today"))) \
    .order_by(Membership.id)
SEATED_PERSON = SEATED.where(Membership.person_id == bindparam("person_id"))


def agenda_item(meeting: Meeting, position: int) -> AgendaItem:
    """Item `position` on the meeting's agenda; NotFound, saying how to see the agenda, when there is none."""
    item = next((i for i in meeting.items if i.position == position), None)
    if item is None:
        raise NotFound(f"Meeting {meeting.number} has no item {position}. Say `agenda` to see its items.")
    return item


def name(person: Person | None) -> str:
    return person.display_name if person is not None else "nobody"


@dataclass
class Context:
    """One command's world: the session, the group and its ToR, the person speaking and the time."""

    session: Session
    group: Group
    actor: Person
    now: dt.datetime
    platform: str
    place: Place | None = None
    _memberships: list[Membership] | None = field(default=None, init=False, repr=False)
    _holders: list[Person] | None = field(default=None, init=False, repr=False)  # their people, held while read
    _seats: dict[int, Membership | None] = field(default_factory=dict, init=False, repr=False)
    # The polls this command read, by id: its card, composed after a vote, reuses the poll the vote read.
    polls_read: dict[int, Poll] = field(default_factory=dict, init=False, repr=False)
    # The meetings' rolls this command read, by meeting id, each with the count of roll changes it was read at
    # (bot/services/roll_rows.py).
    rolls_read: dict[int, tuple[int, list[Attendance]]] = field(default_factory=dict, init=False, repr=False)
    # The meetings whose roll this command added the speaker to without their saying `here` (presence.py): their
    # cards show the roll, so they are refreshed as a roll call's are.
    acted_present: set[int] = field(default_factory=set, init=False, repr=False)
    # When the last review and report were recorded, once read for many groups at a time (bot/services/reviews.py).
    last_done_read: dict[str, dt.date | None] | None = field(default=None, init=False, repr=False)
    # The open meeting this command read, or None once it read that none is: it stays the open one while its status
    # says so (a command that closes it changes that status; `meeting open` names the one it opens, `opened`), so it
    # is read once, not at each check (`motion` read it five times).
    _open: Meeting | None = field(default=None, init=False, repr=False)
    _open_read: bool = field(default=False, init=False, repr=False)
    # The meetings whose minutes this command read as not approved (record_lock.py): only approving them, which
    # forgets its meeting here, changes that.
    unlocked: set[int] = field(default_factory=set, init=False, repr=False)
    # Whether this command read the group as not ended early (ended.py): only ending it, which clears this, changes it.
    not_ended: bool = field(default=False, init=False, repr=False)
    audited: int = field(default=0, init=False, repr=False)  # changes of record this command made (`audit`)

    @cached_property
    def terms(self) -> Terms:
        return group_terms(self.group)

    @cached_property  # `now` is a Context's for good (dataclasses.replace makes another): asked ~30 times a command
    def today(self) -> dt.date:
        return self.now.astimezone(self.terms.zone).date()

    def audit(self, action: str, **detail: Any) -> None:
        self.audited += 1
        audit.record(self.session, action=action, at=self.now, group_id=self.group.id, actor_id=self.actor.id,
                     **detail)

    def person(self, ref: PersonRef) -> Person:
        return resolve(self.session, self.platform, ref, self.group.id)

    def memberships(self) -> list[Membership]:
        """The group's current seat holders (read once per command; `seats` refreshes it when it changes them)."""
        if self._memberships is None:
            self._memberships = list(self.session.scalars(SEATED, {"group_id": self.group.id,
                                                                   "today": self.today}))
        return self._memberships

    def holders(self) -> list[Membership]:
        """`memberships`, each seat's person read with the rest in one statement (`members` read one a seat)."""
        seated = self.memberships()
        if self._holders is None:
            ids = sorted({m.person_id for m in seated})
            self._holders = people_read(self.session, ids)
        return seated

    def seat_read(self, person: Person, seat: Membership | None) -> None:
        """`person`'s current seat, read with them (speakers.person_seated): `membership` answers from it."""
        starts_later = seat is not None and seat.term_starts_on > self.today
        ended = seat is not None and seat.term_ends_on is not None and seat.term_ends_on < self.today
        if self._memberships is None and not starts_later and not ended:  # those: a successor's, read as SEATED does
            self._seats[person.id] = seat

    def memberships_changed(self) -> None:
        self._memberships = self._holders = None
        self._seats.clear()

    def membership(self, person: Person) -> Membership | None:
        """`person`'s current seat: from the seat holders when they are read already, else that seat alone (a vote
        needs only the voter's, and a group may have fifty)."""
        if self._memberships is not None:
            return next((m for m in self._memberships if m.person_id == person.id), None)
        if person.id not in self._seats:
            self._seats[person.id] = self.session.scalars(SEATED_PERSON, {"group_id": self.group.id,
                                                                          "person_id": person.id,
                                                                          "today": self.today}).first()
        return self._seats[person.id]

    def open_meeting(self) -> Meeting | None:
        """The group's open meeting (at most one is open); read again only once the one read is no longer open."""
        if not self._open_read or (self._open is not None and self._open.status != "open"):
            self._open, self._open_read = self.approval_read(self.session.execute(
                OPEN_WITH_APPROVAL, {"group_id": self.group.id}).first()), True
        return self._open

    def approval_read(self, found: Any) -> Meeting | None:
        """The meeting of a (meeting, minutes approved at) row, noting it unlocked when no minutes are approved."""
        if found is None:
            return None
        meeting, approved_at = found
        if approved_at is None:
            self.unlocked.add(meeting.id)  # as record_lock.require_unlocked notes it
        return meeting  # type: ignore[no-any-return]

    def opened(self, meeting: Meeting) -> None:
        """`meeting` is now the open one (`meeting open`, the only way a meeting opens)."""
        self._open, self._open_read = meeting, True

    def next_meeting(self) -> Meeting | None:
        """The open meeting, else the earliest scheduled one that has not yet started."""
        since = self.now - dt.timedelta(hours=12)
        if self._open_read:
            return self.open_meeting() or self.approval_read(self.session.execute(
                NEXT_SCHEDULED, {"group_id": self.group.id, "since": since}).first())
        meeting = self.approval_read(self.session.execute(OPEN_OR_NEXT, {"group_id": self.group.id,
                                                                         "since": since}).first())
        # Read together: an open meeting comes first, so a scheduled one found, or none, says that none is open.
        self._open, self._open_read = (meeting if meeting is not None and meeting.status == "open" else None), True
        return meeting

    def operation_over(self) -> bool:
        """Whether the time the ToR gives the group (a task-and-finish group's end date) is over."""
        ends = self.terms.operates_until
        return ends is not None and ends.date < self.today

    def scheduling_hint(self) -> str:
        """How a meeting can be scheduled; or, for a group ended early or whose ToR's time is over, that none can be."""
        from bot.services.ended import unschedulable  # it reads this context, so it is imported here, when asked
        if stopped := unschedulable(self):
            return stopped
        power = power_for(self.terms, Act.SCHEDULE_MEETING)
        who = who_may(power, Act.SCHEDULE_MEETING, self.terms).split(" (or ")[0]
        return f"{who[0].upper()}{who[1:]} can schedule one{power.cite()}: " \
               f"`meeting schedule {example_day(self.today).isoformat()} 10:00`."

    def missed_words(self) -> str:
        """What to say of a meeting whose time passed and nobody opened (it is still scheduled), or nothing."""
        if self.operation_over():  # its time is over: nothing is held now (an early end cancels what was scheduled)
            return ""
        missed = self.session.scalar(MISSED, {"group_id": self.group.id, "since": self.now - dt.timedelta(hours=12)})
        if missed is None:
            return ""
        return (f"No meeting is open or to come. Meeting {missed.number} ({show(missed.starts_at, self.terms.zone)}) "
                f"was scheduled but never opened: to hold it now, say `meeting open {missed.number}`; or cancel it "
                f"with `meeting cancel {missed.number}`. {self.scheduling_hint()}")

    def meeting(self, number: int | None) -> Meeting:
        """The meeting of this group with the given number, or the open/next one. Raises NotFound saying what
        exists."""
        if number is None:
            meeting = self.next_meeting()
            if meeting is None:
                raise NotFound(self.missed_words() or f"No meeting is open or scheduled. {self.scheduling_hint()}")
            return meeting
        found = self.session.scalar(MEETING_NUMBERED, {"group_id": self.group.id, "number": number})
        if found is None:
            raise NotFound(f"There is no meeting {number} in {self.group.name}. Say `meetings` to list them.")
        return found


SCHEDULER_PLATFORM = "scheduler"


def scheduler_context(session: Session, group: Group, now: dt.datetime) -> Context:
    """The context of the scheduler acting for a group. The scheduler is nobody in the record: its actor is a
    transient person, never saved, so the audit events it writes carry no actor."""
    return Context(session, group, Person(display_name="the scheduler"), now, platform=SCHEDULER_PLATFORM)


def speaker_context(session: Session, group: Group, seated: tuple[Person, Membership | None] | None,
                    speaker: Speaker, place: Place, now: dt.datetime) -> Context:
    """`speaker`'s context in `group`, with their person and seat as read with the group (groups.group_and_seat;
    None where the account is not on record yet), so that neither is read again."""
    actor = seated[0] if seated is not None else person_for(session, speaker)
    ctx = Context(session=session, group=group, actor=actor, now=now, platform=speaker.platform, place=place)
    if seated is not None:
        ctx.seat_read(actor, seated[1])
    return ctx
