"""Who attended a meeting, as its minutes list them: present (with the time a late arrival came and an early
departure left), deputies, others in attendance, apologies and absences, read from its roll."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.models import Attendance, Meeting
from bot.records.away import attendee, spells_away
from bot.records.minutes_reads import DECLARED, EVER_SEATED, HOLDS_CHAIR, NOMINATED
from bot.records.out_for_item import left_words, out_for_items
from bot.records.people import Namer
from bot.rules.attendance import GUEST, Spell, comings_and_goings, guest_words

if TYPE_CHECKING:
    from bot.records.meeting_record import MeetingRecord



def times(row: Attendance, opened: dt.datetime | None, away: list[Spell], zone: ZoneInfo,
          why: dict[dt.datetime, str] | None = None) -> str:
    """` — arrived at 10:25, left at 10:40, back at 10:55, left at 11:20`: when someone who came after the roll call
    arrived, each time they stepped out and came back, and when someone who left early went (names carry their
    organisation in brackets, so the times follow a dash, as apologies' notes do); empty for someone there from the
    start to the end."""
    said = comings_and_goings(row.recorded_at, opened, away, row.left_at, zone, why=why)
    return f" — {', '.join(said)}" if said else ""


def read_attendance(session: Session, meeting: Meeting, record: MeetingRecord, names: Namer,
                    zone: ZoneInfo, rows: list[Attendance], officers: dict[int, str], co_opt: dict[int, str],
                    kept_out: Collection[int] = ()) -> None:
    """Fill `record`'s attendance lists from the roll of `meeting` (`rows`, read once for the whole record;
    `officers`, the secretariat and observers who are not members: people.non_members; `co_opt`, what follows a
    co-opted member's name: people.co_opted; `kept_out`, those absent whose organisation had its cap attending:
    at_cap.kept_out)."""
    away = spells_away(session, meeting, rows)
    why = left_for_items(session, meeting, record, names)
    for row in rows:
        member = names(row.member_id)
        when = times(row, meeting.opened_at, away.get(row.id, []), zone, why.get((row.member_id, attendee(row))))
        if row.relieved_id is not None and row.relieved_at is not None:  # deputised until the member arrived
            record.officers.append(f"{names(row.relieved_id)} — {record.deputy_word} for {member} until "
                                   f"{row.relieved_at.astimezone(zone):%H:%M}")
        if row.member_id in officers and row.status in ("present", "absent"):
            if row.status == "present":
                record.officers.append(f"{member} — {officers[row.member_id]}{when}")  # and when they left
        elif row.status == GUEST:
            record.officers.append(guest_words(member, row.organisation))
        elif row.status == "present":
            record.present.append(member + co_opt.get(row.member_id, "") + when)
            if row.deputy_id is not None:  # a deputy attending beside the member (deputies.alongside)
                gone = f" — left at {row.beside_left_at.astimezone(zone):%H:%M}" if row.beside_left_at else ""
                record.officers.append(f"{names(row.deputy_id)} with {member}{gone}")
        elif row.status == "deputised":
            record.deputies.append((names(row.deputy_id), member))
            record.deputy_times[member] = when
            if row.apologies_at is not None:
                record.apologies.append((member, row.reason))
                record.apologies_deputised[member] = names(row.deputy_id)
        elif row.status == "apologies":
            record.apologies.append((member, row.reason))
        else:
            (record.kept_out if row.member_id in kept_out else record.absent).append(member)


def left_for_items(session: Session, meeting: Meeting, record: MeetingRecord,
                   names: Namer) -> dict[tuple[int, int], dict[dt.datetime, str]]:
    """{(member, attendee): {time left: `the room for item 2 (interest declared)`}} for the attendance, from each
    `leaving --item N` at `meeting`; each is also listed under its item in `record.left_for`."""
    positions = {i.id: i.position for i in meeting.items}
    why: dict[tuple[int, int], dict[dt.datetime, str]] = {}
    for out in out_for_items(session, meeting):
        position = positions.get(out.item)
        if position is None:
            continue
        why.setdefault((out.member, out.person), {})[out.at] = left_words(position, out.declared)
        record.left_for.setdefault(position, []).append(
            f"{names(out.person)} left the room for this item" + (f" ({out.declared})" if out.declared else ""))
    return why


def undeclared(session: Session, meeting: Meeting, names: Namer, rows: list[Attendance],
               officers: dict[int, str]) -> list[str]:
    """Those who attended `meeting` as members or deputies (not the secretariat, observers or guests) and made no
    declaration for it, not even of none: where the ToR has interests declared at the beginning of each meeting
    (CJCG 6.5), the minutes name them rather than let silence read as nothing to declare."""
    declared = set(session.scalars(DECLARED, {"meeting_id": meeting.id}))
    attended: list[int] = []
    for row in rows:
        if row.status == "present" and row.member_id not in officers:
            attended.append(row.member_id)
        if row.status == "deputised" and row.deputy_id is not None:
            attended.append(row.deputy_id)
        if row.relieved_id is not None:  # deputised until the member arrived: they attended too
            attended.append(row.relieved_id)
    return [names(person) for person in dict.fromkeys(attended) if person not in declared]


def chair_in_place(session: Session, meeting: Meeting, rows: list[Attendance], named: int | None,
                   opener: int | None) -> int | None:
    """Who chaired a meeting whose named chair never came (minuted absent, or sent apologies): whoever opened it and
    attended, holding the chair (LIEG 5.1: erin volunteered to chair, and alice, a co-chair, opened and ran it
    without her); None where the named chair attended (opening for them is not chairing) or no chair was named.
    `named` is who chaired it from its opening (handovers.first_chair), `opener` who opened it (opened_by)."""
    if named is None:
        return None
    statuses = {row.member_id: row.status for row in rows}
    if statuses.get(named) not in ("absent", "apologies") or opener is None or opener == named:
        return None
    chairs = session.scalar(HOLDS_CHAIR, {"group_id": meeting.group_id, "person_id": opener})
    return opener if statuses.get(opener) == "present" and chairs is not None else None  # never the secretariat


def deputies_away(session: Session, meeting: Meeting, rows: list[Attendance]) -> set[int]:
    """The deputies named for the group who hold no seat in it and did not attend `meeting` (the member they were
    named for came: CJCG 7.2, "Where a member cannot attend"): a declaration one made ahead of the meeting is not
    one of those at it, and the minutes do not list it among them."""
    named = set(session.scalars(NOMINATED, {"group_id": meeting.group_id}))
    if not named:
        return set()
    seated = set(session.scalars(EVER_SEATED, {"group_id": meeting.group_id}))
    came = {person for row in rows for person in (row.member_id, row.deputy_id, row.relieved_id) if person is not None}
    return named - seated - came
