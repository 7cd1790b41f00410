"""People by name in the record: "Cllr Jane Smith (Conservative group)", from the person and their seat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot import driver_sql
from bot.connections import connection_of
from bot.models import Group, Membership, Person
from bot.terms import Role
from bot.terms_stored import group_terms

Namer = Callable[[int | None], str]


def styled(name: str, organisation: str | None) -> str:
    """`Cllr Jane Smith (Conservative group)`; the name alone when the seat names no organisation."""
    return f"{name} ({organisation})" if organisation and organisation.casefold() not in name.casefold() else name


PEOPLE = select(Person).where(Person.id.in_(bindparam("ids", expanding=True)))


def people_read(session: Session, ids: Collection[int]) -> list[Person]:
    """The people with these ids, in one statement; none when the session holds every one already and deletes none,
    since a read would give back those very objects (a query never replaces what its session holds: a roll's card,
    the close's absences and the seat holders each read the same people again)."""
    if not ids:
        return []
    identities = session.identity_map
    held = [identities.get((Person, (i,), None)) for i in ids]
    if all(p is not None for p in held) and not any(isinstance(p, Person) for p in session.deleted):
        return held  # type: ignore[return-value]
    return list(session.scalars(PEOPLE, {"ids": sorted(ids)}))


def seats_of(session: Session, group: Group) -> dict[int, tuple[str, str]]:
    """Each person's seat title in `group` (their current seat, else the last they held) and their name, read
    together: a record names most of its people by their seats, one statement rather than one a person."""
    rows = session.execute(select(Membership.person_id, Membership.seat_title, Person.display_name)
                           .join(Person, Person.id == Membership.person_id).where(Membership.group_id == group.id)
                           .order_by(Membership.ended_at.is_(None), Membership.id))
    return {person_id: (title, display_name) for person_id, title, display_name in rows}


def namer(session: Session, group: Group) -> Namer:
    """A function giving each person's name as the group's record shows it; "not recorded" for nobody.

    The organisation comes from the seat the person holds (or last held) in the ToR; a deputy who holds no seat
    in the group is named alone."""
    terms = group_terms(group)
    organisations = {s.title.casefold(): s.organisation for s in terms.seats}
    seats = seats_of(session, group)
    cache: dict[int, str] = {}

    def name(person_id: int | None) -> str:
        if person_id is None:
            return "not recorded"
        if person_id not in cache:
            if person_id in seats:
                title, display_name = seats[person_id]
                cache[person_id] = styled(display_name, organisations.get(title.casefold()))
            else:
                person = session.get(Person, person_id)
                cache[person_id] = "not recorded" if person is None else person.display_name
        return cache[person_id]

    return name


# Built once, not at each call (building a statement costs more CPU than SQLite running it; these run every turn).
SEATS_OF_GROUP = select(Membership.person_id, Membership.role, Membership.seat_title).where(
    Membership.group_id == bindparam("group_id"))
SECRETARIAT_ON = select(Membership.person_id, Membership.seat_title).where(
    Membership.group_id == bindparam("group_id"), Membership.role == Role.SECRETARIAT,
    Membership.term_starts_on <= bindparam("day"),
    Membership.term_ends_on.is_(None) | (Membership.term_ends_on >= bindparam("day"))).order_by(Membership.id)
Seats = list[tuple[int, str, str]]  # (person id, role, seat title) of every seat held in a group, now or before


def group_seats(session: Session, group_id: int) -> Seats:
    """Every seat held in the group, now or before: what `non_members` and `co_opted` read, read once for both."""
    session.flush()  # as the ORM's autoflush would: the read runs on the connection, without the ORM's path (a roll
    # card reads it at every `here`, and the ORM's path cost several times the read)
    return [(person_id, role, title) for person_id, role, title in driver_sql.rows(connection_of(session),
                                                                                   SEATS_OF_GROUP,
                                                                                   {"group_id": group_id})]


def non_members(session: Session, group_id: int, held: Seats | None = None) -> dict[int, str]:
    """The seat title of each person who sits in the group only as secretariat or observer: not members, so the
    minutes list them "in attendance" when they came, and never as absent (`held`: group_seats, where read)."""
    seats: dict[int, str] = {}
    members: set[int] = set()
    for person_id, role, title in group_seats(session, group_id) if held is None else held:
        if role in (Role.SECRETARIAT, Role.OBSERVER):
            seats[person_id] = title
        else:
            members.add(person_id)
    return {person_id: title for person_id, title in seats.items() if person_id not in members}


def co_opted(session: Session, group: Group, *, short: bool = False, held: Seats | None = None) -> dict[int, str]:
    """What the minutes add after each co-opted member's name: ` — DCS lead for a priority theme, co-opted,
    non-voting (ToR Membership)` (LCIIB: "will be co-opted to attend as required"), their voice without a vote
    shown where the ToR's seat gives none; `short`, what a roll on a card adds: ` (co-opted, non-voting; ToR
    Membership)`; `held`: group_seats, where read."""
    terms = group_terms(group)
    words: dict[int, str] = {}
    for person_id, role, title in group_seats(session, group.id) if held is None else held:
        if role != Role.CO_OPTED:
            continue
        seat = terms.seat(title)
        vote = "" if seat is None or seat.voting else ", non-voting"
        cite = f" {seat.cite()}" if seat is not None and seat.cite() else ""
        words[person_id] = f" (co-opted{vote}{'; ' + cite[2:-1] if cite else ''})" if short \
            else f" — {title}, co-opted{vote}{cite}"
    return words


def secretariat_on(session: Session, group_id: int, day: dt.date, names: Namer) -> tuple[str, str] | None:
    """Who held the group's secretariat seats on `day`, by name, and the first seat's title (`Administrative
    support`); None where nobody did."""
    seated = session.execute(SECRETARIAT_ON, {"group_id": group_id, "day": day}).all()
    if not seated:
        return None
    return ", ".join(names(person_id) for person_id, _ in seated), seated[0][1]
