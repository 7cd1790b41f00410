"""Data rights: everything held about a person, and forgetting them while the formal record stands.

Forgetting replaces the person's name with a pseudonym ("Former member 7") and drops their platform
accounts. The formal record the ToR requires (seats, attendance, declarations, votes, actions) keeps its rows,
now pointing at the pseudonym, so tallies and attendance counts do not change; approved minutes and action texts
that name them are redacted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot import audit
from bot.errors import NotFound, UsageError
from bot.models import (
    ActionItem,
    ApprovedMinutes,
    Attendance,
    AuditEvent,
    Ballot,
    DeputyNomination,
    Group,
    Identity,
    Interest,
    Meeting,
    Membership,
    OutboxMessage,
    Person,
    Poll,
    SecretVoter,
)
from bot.records.minutes import seal
from bot.terms_stored import group_terms


def find_person(session: Session, ref: str) -> Person:
    """The person `ref` names: `@handle`, `handle`, or `platform:account` (e.g. `slack:U123`).

    Raises NotFound when nobody matches, UsageError when several people do (naming how to pick one).
    """
    text = ref.strip().removeprefix("@")
    platform, _, account = text.rpartition(":")
    query = select(Identity)
    if platform:
        query = query.where(Identity.platform == platform, Identity.external_id == account)
    else:
        query = query.where(or_(Identity.handle == text.casefold(), Identity.external_id == text))
    people = {i.person_id: i for i in session.scalars(query)}
    if not people:
        raise NotFound(f"Nobody with the handle or account '{ref[:60]}' is in the record. Give a handle as @name "
                       "or an account as platform:id (slack:U123).")
    if len(people) > 1:
        options = ", ".join(f"{i.platform}:{i.external_id}" for i in people.values())
        raise UsageError(f"'{ref[:60]}' matches more than one person; name one account: {options}.")
    found = session.get(Person, next(iter(people)))
    assert found is not None
    return found


def rows(session: Session, model: Any, *conditions: Any) -> list[dict[str, Any]]:
    """Rows as plain dicts (column name to value), for a JSON export."""
    return [{c.name: getattr(row, c.key) for c in model.__table__.columns}
            for row in session.scalars(select(model).where(or_(*conditions)).order_by(model.id))]


def export_person(session: Session, person: Person, now: dt.datetime) -> dict[str, Any]:
    """Everything the record holds about `person`, as JSON-ready data; the export itself is audited.

    Secret polls show only that they voted, never how: the record holds no link between the two.
    """
    held = {
        "person": {"id": person.id, "display_name": person.display_name, "forgotten": person.forgotten},
        "identities": rows(session, Identity, Identity.person_id == person.id),
        "memberships": rows(session, Membership, Membership.person_id == person.id),
        "deputy_nominations": rows(session, DeputyNomination, DeputyNomination.member_id == person.id,
                                   DeputyNomination.deputy_id == person.id),
        "declarations": rows(session, Interest, Interest.person_id == person.id),
        "attendance": rows(session, Attendance, Attendance.member_id == person.id, Attendance.deputy_id == person.id,
                           Attendance.relieved_id == person.id),
        "open_ballots": rows(session, Ballot, Ballot.member_id == person.id, Ballot.cast_by_id == person.id),
        "secret_polls_voted_in": list(session.scalars(select(SecretVoter.poll_id)
                                                      .where(SecretVoter.member_id == person.id))),
        "motions_and_polls_proposed": rows(session, Poll, Poll.proposed_by_id == person.id),
        "action_items": actions_of(session, person, now),
        "audit_events_as_actor": rows(session, AuditEvent, AuditEvent.actor_id == person.id),
    }
    audit.record(session, action="person.exported", at=now, group_id=None, actor_id=None, person=person.id)
    return held


def actions_of(session: Session, person: Person, now: dt.datetime) -> list[dict[str, Any]]:
    """The actions `person` owns or recorded, as rows plus what a reader needs without the schema: the group's
    short name, the status (open, done, overdue by the group's own calendar) and their part in it."""
    held = []
    for action in rows(session, ActionItem, ActionItem.owner_id == person.id, ActionItem.recorded_by_id == person.id):
        group = session.get_one(Group, action["group_id"])
        today = now.astimezone(group_terms(group).zone).date()
        overdue = action["due_on"] is not None and action["due_on"] < today
        parts = [part for part, whose in (("owner", "owner_id"), ("recorder", "recorded_by_id"))
                 if action[whose] == person.id]
        held.append(action | {"group": group.short_name,
                              "status": "done" if action["done_at"] else "overdue" if overdue else "open",
                              "as": parts})
    return held


def names_of(person: Person) -> set[str]:
    names = {person.display_name}
    for identity in person.identities:
        names |= {identity.handle, identity.external_id}
    return {n for n in names if len(n) >= 2}


def redact(text: str, names: set[str], pseudonym: str) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w@.-])@?{re.escape(name)}(?![\w-])", pseudonym, text, flags=re.IGNORECASE)
    return text


def forget_person(session: Session, person: Person, now: dt.datetime) -> str:
    """Pseudonymise `person` and drop their accounts; approved minutes are redacted and re-sealed, each audited.

    Returns the pseudonym. Raises UsageError if they were already forgotten.
    """
    if person.forgotten:
        raise UsageError(f"{person.display_name} was already forgotten.")
    names, pseudonym = names_of(person), f"Former member {person.id}"
    # An action's text is read in the `actions` list and in draft minutes, so a name in it is redacted as in
    # approved minutes; the row stays, owned or recorded by the pseudonym, like the rest of the formal record.
    for action in session.scalars(select(ActionItem).order_by(ActionItem.id)):
        redacted = redact(action.text, names, pseudonym)
        if redacted != action.text:
            action.text = redacted
            audit.record(session, action="action.redacted", at=now, group_id=action.group_id, actor_id=None,
                         action_item=action.id, person=person.id)
    for minutes in session.scalars(select(ApprovedMinutes)):
        redacted = redact(minutes.text, names, pseudonym)
        if redacted != minutes.text:
            old = minutes.sha256
            minutes.text, minutes.sha256 = redacted, seal(redacted)
            meeting = session.get(Meeting, minutes.meeting_id)
            audit.record(session, action="minutes.redacted", at=now, group_id=meeting.group_id if meeting else None,
                         actor_id=None,
                         meeting=minutes.meeting_id, person=person.id, old_sha256=old, sha256=minutes.sha256)
    for message in session.scalars(select(OutboxMessage)):
        message.text = redact(message.text, names, pseudonym)
        if message.composed:  # a reminder's stamp quotes what members typed: it is composed again (scheduler/stamps.py)
            message.reply = None
    for identity in list(person.identities):
        session.delete(identity)
    person.display_name, person.forgotten = pseudonym, True
    audit.record(session, action="person.forgotten", at=now, group_id=None, actor_id=None, person=person.id)
    return pseudonym
