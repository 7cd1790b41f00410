"""Who is asking, in which group, under which rules: the context every use case receives, and its checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot import audit
from bot.commands import PersonRef
from bot.errors import NotAllowed, NotFound
from bot.identity import Place as Place
from bot.identity import Speaker as Speaker
from bot.models import AgendaItem, ApprovedMinutes, Group, Meeting, Membership, Person
from bot.rules.calendar import example_day, show_date, term_ended
from bot.rules.tenure import new_holder_due
from bot.services.numbers import meeting_number
from bot.services.speakers import PERSON_BY_ACCOUNT as PERSON_BY_ACCOUNT
from bot.services.speakers import PERSON_BY_CONSOLE_HANDLE as PERSON_BY_CONSOLE_HANDLE
from bot.services.speakers import PERSON_BY_ID as PERSON_BY_ID
from bot.services.speakers import person_for as person_for
from bot.services.speakers import resolve as resolve
from bot.terms import CHAIR_ROLES, Role, Terms
from bot.terms import terms_of as terms_of

# The reads every command makes, built once with bound parameters: building a statement and its cache key costs
# more Python than running it on a small table.
OPEN_MEETING = select(Meeting).where(Meeting.group_id == bindparam("group_id"), Meeting.status == "open")
MEETING_NUMBERED = select(Meeting).where(Meeting.group_id == bindparam("group_id"),
                                         Meeting.number == bindparam("number"))
# Whether a meeting's record is locked: checked before every change to it, so only the date is read, never the text.
MINUTES_APPROVED_AT = select(ApprovedMinutes.approved_at).where(ApprovedMinutes.meeting_id == bindparam("meeting_id"))
SEATED = select(Membership).where(Membership.group_id == bindparam("group_id"), Membership.ended_at.is_(None)) \
    .order_by(Membership.id)


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

    @cached_property
    def terms(self) -> Terms:
        return terms_of(self.group.terms_yaml, self.group.short_name)

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.terms.zone).date()

    def audit(self, action: str, **detail: Any) -> None:
        audit.record(self.session, action=action, at=self.now, group_id=self.group.id, actor_id=self.actor.id,
                     **detail)

    def person(self, ref: PersonRef) -> Person:
        return resolve(self.session, self.platform, ref)

    def memberships(self) -> list[Membership]:
        """The group's current seat holders (read once per command; `seats` refreshes it when it changes them)."""
        if self._memberships is None:
            self._memberships = list(self.session.scalars(SEATED, {"group_id": self.group.id}))
        return self._memberships

    def memberships_changed(self) -> None:
        self._memberships = None

    def membership(self, person: Person) -> Membership | None:
        return next((m for m in self.memberships() if m.person_id == person.id), None)

    def term_ended(self, membership: Membership | None) -> bool:
        """Whether the membership's term ended before today in the group's zone (its last day is still in term)."""
        return membership is not None and term_ended(membership.term_ends_on, self.today)

    def chair_lapsed(self, membership: Membership | None) -> str | None:
        """Why a chair, vice-chair or co-chair no longer acts as one, or None while they do: their seat's term
        ended (as for voting and quorum, until reappointed) or their term as chair did (until named again)."""
        if membership is None or membership.role not in CHAIR_ROLES:
            return None
        if membership.term_ends_on is not None and self.term_ended(membership):
            seat = self.terms.seat(membership.seat_title)
            ended = f"your term in {membership.seat_title} ended on {show_date(membership.term_ends_on)}"
            return seat.cited(ended) if seat else ended
        if term_ended(membership.chair_term_ends_on, self.today):
            assert membership.chair_term_ends_on is not None
            return self.terms.chair.cited(f"your term as {membership.role.replace('_', '-')} ended on "
                                          f"{show_date(membership.chair_term_ends_on)}")
        return None

    def holds_chair(self, membership: Membership | None) -> bool:
        """A chair, vice-chair or co-chair role held within its term."""
        return membership is not None and membership.role in CHAIR_ROLES and self.chair_lapsed(membership) is None

    def is_voting(self, membership: Membership | None) -> bool:
        """A voting seat, held as a member (not observer or secretariat), within its term: the one test every vote
        and every quorum count uses."""
        if membership is None or self.term_ended(membership):
            return False
        seat = self.terms.seat(membership.seat_title)
        return bool(seat and seat.voting) and membership.role not in (Role.OBSERVER, Role.SECRETARIAT)

    def open_meeting(self) -> Meeting | None:
        return self.session.scalar(OPEN_MEETING, {"group_id": self.group.id})

    def next_meeting(self) -> Meeting | None:
        """The open meeting, else the earliest scheduled one that has not yet started."""
        return self.open_meeting() or self.session.scalar(
            select(Meeting).where(Meeting.group_id == self.group.id, Meeting.status == "scheduled",
                                  Meeting.starts_at >= self.now - dt.timedelta(hours=12))
            .order_by(Meeting.starts_at).limit(1)
        )

    def meeting(self, number: int | None) -> Meeting:
        """The meeting of this group with the given number, or the open/next one. Raises NotFound saying what
        exists."""
        if number is None:
            meeting = self.next_meeting()
            if meeting is None:
                raise NotFound("No meeting is open or scheduled. A chair can schedule one: "
                               f"`meeting schedule {example_day(self.today).isoformat()} 10:00`.")
            return meeting
        found = self.session.scalar(MEETING_NUMBERED, {"group_id": self.group.id, "number": number})
        if found is None:
            raise NotFound(f"There is no meeting {number} in {self.group.name}. Say `meetings` to list them.")
        return found

    def require_unlocked(self, meeting_id: int | None, doing: str) -> None:
        """Refuse `doing` when the meeting's minutes are approved: approved minutes lock the record they state."""
        if meeting_id is None:
            return
        approved_at = self.session.scalar(MINUTES_APPROVED_AT, {"meeting_id": meeting_id})
        if approved_at is not None:
            day = approved_at.astimezone(self.terms.zone).strftime("%d %b %Y").lstrip("0")
            rule = self.terms.minutes
            number = meeting_number(self.session, meeting_id)
            raise NotAllowed(rule.cited(f"The minutes of meeting {number} were approved on {day}, so its record "
                                        f"is locked and {doing} is refused") + ". Raise it at a later meeting "
                             "instead, where it is minuted in its own right.")

    def is_chair(self, person: Person | None = None) -> bool:
        """The group's chair, vice-chair or a co-chair, or the chair named for the open or next meeting."""
        who = person or self.actor
        if self.holds_chair(self.membership(who)):
            return True
        meeting = self.next_meeting()
        return (meeting is not None and meeting.chair_id == who.id) or self.presides_until_elected(who)

    def awaiting_elected_chair(self) -> bool:
        """The ToR has the group elect its chair, and it has none yet."""
        return self.terms.chair.chosen == "elected" and not any(self.holds_chair(m) for m in self.memberships())

    def presides_until_elected(self, who: Person) -> bool:
        """While an elected chair is awaited, the secretariat (or, where there is none, any voting member) runs the
        meeting that elects one: opens and closes it and calls the vote."""
        if not self.awaiting_elected_chair():
            return False
        membership = self.membership(who)
        if any(m.role == Role.SECRETARIAT for m in self.memberships()):
            return membership is not None and membership.role == Role.SECRETARIAT
        return self.is_voting(membership)

    def refuse_lapsed_chair(self, doing: str) -> None:
        """Raise NotAllowed for a chair whose term has ended, saying when, under which clause, and who can
        restore them; return when the actor is no such chair."""
        membership = self.membership(self.actor)
        lapsed = self.chair_lapsed(membership)
        if membership is None or lapsed is None:
            return
        raise NotAllowed(f"{lapsed[0].upper()}{lapsed[1:]}, so you cannot {doing} until {self.restoring(membership)}")

    def restoring(self, membership: Membership) -> str:
        """How a lapsed chair is restored, and by whom, ending the sentence: reappointment to their seat when its
        term ended, else being named chair again; and what an operator does when no one in the group can."""
        me = membership.person.display_name
        if membership.term_ends_on is not None and self.term_ended(membership) and \
                new_holder_due(self.terms.seat(membership.seat_title)):
            # The ToR has a new representative appointed at the term's end: never suggest the same person again.
            return (f"the ToR has a new representative appointed to {membership.seat_title}, not you again. The "
                    "secretariat seats them with `member add @person --seat \"...\"`.")
        if membership.term_ends_on is not None and self.term_ended(membership):
            how = f"you are reappointed: `member add @{me} --seat \"{membership.seat_title}\"`"
        else:
            how = f"you are named again: `chair @{me}`" if self.terms.chair.chosen != "elected" else \
                f"you are elected again at a meeting: `chair @{me} --poll N`"
        able = [m.person.display_name for m in self.memberships()
                if m.id != membership.id and (m.role == Role.SECRETARIAT or self.holds_chair(m))]
        if able:
            return f"{how}, which {', '.join(able)} can do."
        return (f"{how}. Nobody in the group can do that now (no secretariat, and no chair in term), so ask the "
                "operator to put a revised ToR in force with `govbot group import FILE`, seating a secretariat "
                "(or another chair) who can.")

    def chair_hint(self) -> str:
        mine = self.membership(self.actor)
        lapsed = self.chair_lapsed(mine)
        if mine is not None and lapsed is not None:
            return (f"{lapsed[0].upper()}{lapsed[1:]}; you act as {mine.role.replace('_', '-')} again once "
                    f"{self.restoring(mine)}")
        chairs = [m.person.display_name for m in self.memberships() if self.holds_chair(m)]
        rule = self.terms.chair
        if self.awaiting_elected_chair():
            secretariat = [m.person.display_name for m in self.memberships() if m.role == Role.SECRETARIAT]
            who = f"the secretariat ({', '.join(secretariat)})" if secretariat else "any voting member"
            return (rule.cited("The ToR has the group elect its chair, and none is elected yet") + f". Until then "
                    f"{who} opens and closes the meeting, calls the vote (`poll \"Chair\" \"alice\" \"bob\"`) "
                    "and records the result with `chair @winner --poll N`.")
        if chairs:
            return rule.cited(f"Ask {', '.join(chairs)}") + "."
        ended = [m.person.display_name for m in self.memberships() if m.role in CHAIR_ROLES]
        if ended:
            return rule.cited(f"The chair's term has ended ({', '.join(ended)}); the secretariat can name a chair "
                              "with `chair @person`") + "."
        return rule.cited("This group has no chair yet; the secretariat can name one with `chair @person`") + "."


SCHEDULER_PLATFORM = "scheduler"


def scheduler_context(session: Session, group: Group, now: dt.datetime) -> Context:
    """The context of the scheduler acting for a group. The scheduler is nobody in the record: its actor is a
    transient person, never saved, so the audit events it writes carry no actor."""
    return Context(session, group, Person(display_name="the scheduler"), now, platform=SCHEDULER_PLATFORM)
