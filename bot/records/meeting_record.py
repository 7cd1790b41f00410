"""The facts of one meeting, read from the record: what minutes are built from. No platform, no rendering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.models import ApprovedMinutes, Group, Meeting, Person
from bot.records.at_cap import kept_out, kept_out_heading
from bot.records.between_meetings import votes_before
from bot.records.chair_elected import elected_at, none_elected, none_elected_minute
from bot.records.chair_then import chair_when
from bot.records.during_meeting import recorded_during
from bot.records.handovers import chair_words, first_chair, handovers, opened_by
from bot.records.minutes_business import HIDDEN as HIDDEN
from bot.records.minutes_business import VoteRecord, business_votes, vote_record
from bot.records.minutes_business import tally as tally
from bot.records.minutes_reads import (
    ACTIONS_AT,
    APPROVED,
    DECLARATIONS,
    GROUP_CHAIR,
    MEETING_NUMBERED,
    MEETING_NUMBERS,
    QUORUM_CHECKS,
    ROLL,
)
from bot.records.people import co_opted, group_seats, namer, non_members, secretariat_on
from bot.records.quorum_reached import quorum_changes
from bot.records.reports_in import reports_in
from bot.records.roll_order import in_seat_order
from bot.records.roll_record import chair_in_place, deputies_away, read_attendance, undeclared
from bot.rules.approval import approval_cited, approval_words
from bot.rules.cadence import overran, where_words
from bot.rules.in_force import declares_at_start
from bot.terms import Terms
from bot.terms_stored import group_terms


@dataclass(frozen=True)
class Declaration:
    person: str
    item: int | None
    nature: str | None
    description: str | None  # None: "no interests to declare"
    late: dt.date | None = None  # the day it was declared, where after the meeting closed


@dataclass(frozen=True)
class ActionRecord:
    number: int  # the action's number in its group
    text: str
    item: int | None
    owner: str
    due: dt.date | None
    done: bool = False  # marked done while the meeting sat; done later is the next meeting's matter arising


@dataclass
class MeetingRecord:
    """Everything the minutes of a meeting state, in the group's time zone."""

    group: str
    short_name: str
    number: int  # the meeting's number in its group
    status: str
    starts_at: dt.datetime  # local time in the group's zone
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    place: str | None
    chair: str
    minute_taker: str
    chaired: str | None  # who chaired until when, where the chair handed over during the meeting
    approval_rule: str
    minute_taker_role: str = ""  # ` — Administrative support (ToR 6.3)`: the secretariat the ToR gives the notes
    overran: str | None = None  # how far it ran past the ToR's longest meeting, citing it
    signer: str | None = None  # the chair the meeting elected, who signs its minutes (else `chair`)
    signed_for: str | None = None  # the body the approver signs for (LIEG 5.2: the steering group), cited
    present: list[str] = field(default_factory=list)
    deputies: list[tuple[str, str]] = field(default_factory=list)  # (deputy, for member)
    deputy_times: dict[str, str] = field(default_factory=dict)  # member -> ` — arrived at 10:25` of their deputy
    officers: list[str] = field(default_factory=list)  # the secretariat and observers there (not members)
    apologies: list[tuple[str, str | None]] = field(default_factory=list)  # (member, reason)
    # member -> the deputy who attended in their place, for members who sent apologies: minutes list both
    apologies_deputised: dict[str, str] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)
    kept_out: list[str] = field(default_factory=list)  # absent, their organisation at its cap (LIEG 2.1): at_cap
    kept_out_heading: str = ""  # `Not attending, their organisation having 2 attending (…, ToR 2.1)`
    deputy_word: str = "deputy"  # the ToR's word for one (PLPCP: alternate), as the minutes name them
    quorum_at_open: str | None = None
    quorum_changes: list[str] = field(default_factory=list)  # `quorate from 10:05, when dan arrived — …`
    items: list[tuple[int, str]] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    undeclared: list[str] = field(default_factory=list)  # attended without declaring, where the ToR has them declare
    declare_rule: str = ""  # `declared at the beginning of each meeting (ToR 6.5)`, where it does
    votes: list[VoteRecord] = field(default_factory=list)
    between: list[VoteRecord] = field(default_factory=list)  # votes held since the last meeting, outside one
    actions: list[ActionRecord] = field(default_factory=list)
    also: list[str] = field(default_factory=list)  # minutes approved, the review recorded, while it sat
    reports_in: list[str] = field(default_factory=list)  # reports its task-and-finish groups made to it (CJCG 6.6)
    notes: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)  # item -> (minute, resolution)
    left_for: dict[int, list[str]] = field(default_factory=dict)  # item -> `carol left the room for this item ...`


def find_meeting(session: Session, group: Group, number: int) -> Meeting:
    """The meeting of `group` with the given number. Raises NotFound naming the group's meetings."""
    meeting = session.scalar(MEETING_NUMBERED, {"group_id": group.id, "number": number})
    if meeting is None:
        known = ", ".join(str(i) for i in session.scalars(MEETING_NUMBERS, {"group_id": group.id})) or "none yet"
        raise NotFound(f"There is no meeting {number} in {group.name}. Its meetings: {known}.")
    return meeting


def approved_minutes(session: Session, meeting_id: int) -> ApprovedMinutes | None:
    return session.scalar(APPROVED, {"meeting_id": meeting_id})


def name_of(session: Session, person_id: int | None) -> str:
    person = session.get(Person, person_id) if person_id is not None else None
    return person.display_name if person is not None else "not recorded"


def meeting_record(session: Session, group: Group, meeting: Meeting) -> MeetingRecord:
    """Read the record of `meeting` into a MeetingRecord (times in the group's zone)."""
    terms = group_terms(group)
    zone = terms.zone
    opener = opened_by(session, meeting) if meeting.opened_at else None
    day = meeting.starts_at.astimezone(zone).date()  # the meeting's day where it meets, not UTC's
    then = meeting.closed_at or meeting.opened_at or meeting.starts_at
    group_chair = chair_when(session, group.id, meeting.closed_at,
                             session.scalar(GROUP_CHAIR, {"group_id": group.id, "day": day, "at": then}), zone) \
        or opener  # and chaired until any handover
    chair_id = meeting.chair_id or group_chair
    rule = terms.minutes
    names = namer(session, group)
    record = MeetingRecord(
        group=terms.name, short_name=group.short_name, number=meeting.number, status=meeting.status,
        starts_at=meeting.starts_at.astimezone(zone),
        opened_at=meeting.opened_at.astimezone(zone) if meeting.opened_at else None,
        closed_at=meeting.closed_at.astimezone(zone) if meeting.closed_at else None,
        place=meeting.place or where_words(terms.meetings, None, meeting.number)[0],
        chair=names(chair_id), chaired=None,
        minute_taker=names(meeting.minute_taker_id),
        approval_rule=approval_words(rule),
        deputy_word=terms.deputies.word,
        overran=overran(terms.meetings, meeting.opened_at, meeting.closed_at),
        items=[(i.position, i.title) for i in meeting.items],
        notes={i.position: (i.minute, i.resolution) for i in meeting.items if i.minute or i.resolution})
    rows, seats = list(session.scalars(ROLL, {"meeting_id": meeting.id})), group_seats(session, group.id)
    officers = non_members(session, group.id, seats)
    read_attendance(session, meeting, record, names, zone, in_seat_order(rows, terms, seats, chair_id), officers,
                    co_opted(session, group, held=seats), kept_out(terms, seats, rows))
    record.kept_out_heading = kept_out_heading(terms) if record.kept_out else ""
    if any(row.member_id == meeting.minute_taker_id and row.status == "absent" for row in rows):  # named, not there
        record.minute_taker_role = " — named to take them, but minuted absent"
    passed = handovers(session, meeting)
    stood_in = chair_in_place(session, meeting, rows, first_chair(session, meeting, passed), opener)
    if stood_in is not None:  # the named chair never came: whoever opened it chaired it
        record.chair = names(stood_in)
    secretariat = secretariat_on(session, group.id, day, names) \
        if meeting.minute_taker_id is None and rule.secretariat_takes else None
    if secretariat:  # the ToR gives the secretariat the notes (CJCG 6.3), and nobody else was named to take them
        record.minute_taker = secretariat[0]
        record.minute_taker_role = f" — {secretariat[1]} (ToR {rule.secretariat_takes})"
    if rule.approved_by == "steering_group" and (approved := approved_minutes(session, meeting.id)) is not None:
        record.signer = names(approved.approved_by_id)
    record.signed_for = approval_cited(rule, "for the steering group, which approves the minutes") \
        if rule.approved_by == "steering_group" else None
    elected = elected_at(session, group.id, meeting.id)  # whoever opened the meeting presided until the election
    presided = names(first_chair(session, meeting, passed) or (opener if elected else None) or group_chair)
    election = None
    if elected is not None and names(elected[0]) != presided:  # the secretariat presided until the election
        record.signer = names(elected[0])
        record.chair = election = terms.chair.cited(f"{presided} until {record.signer} was elected chair by poll "
                                                    f"{elected[1]}") + f"; then {record.signer}"
    # A handover after the election (the elected chair left) follows it, rather than replacing it.
    record.chaired = chair_words(session, meeting, group_chair, names, zone,
                                 first=election or (names(stood_in) if stood_in is not None else None), passed=passed)
    checks = list(session.scalars(QUORUM_CHECKS, {"meeting_id": meeting.id}))
    opening = next((c for c in checks if c.poll_id is None), None)
    record.quorum_at_open = opening.text if opening else (
        None if meeting.quorate_at_open is None else "quorate" if meeting.quorate_at_open else "not quorate")
    record.quorum_changes = quorum_changes(session, terms, meeting, rows)
    positions = {i.id: i.position for i in meeting.items}
    away = deputies_away(session, meeting, rows)
    for interest in session.scalars(DECLARATIONS, {"meeting_id": meeting.id, "away": sorted(away)}):
        record.declarations.append(Declaration(
            names(interest.person_id), positions.get(interest.item_id) if interest.item_id else None,
            interest.nature, None if interest.no_interests else interest.description,
            local_date(interest.declared_at, terms) if meeting.closed_at and interest.declared_at > meeting.closed_at
            else None))
    if declares_at_start(terms):
        record.undeclared = undeclared(session, meeting, names, rows, officers)
        record.declare_rule = terms.interests.cited("the ToR has interests declared at the beginning of each meeting")
    by_poll: dict[int | None, str] = {c.poll_id: c.text for c in checks if c.poll_id is not None}
    record.votes = business_votes(session, terms, meeting, positions, by_poll, names, away)
    for poll in votes_before(session, meeting):
        held = vote_record(session, terms, poll, {}, None, names)
        record.between.append(replace(held, opened_on=local_date(poll.opened_at, terms),
                                      closed_on=local_date(poll.closed_at, terms)))
    record.also = recorded_during(session, meeting, terms, names)
    record.reports_in = reports_in(session, meeting, names)
    if none_elected(session, meeting):  # CSCPWG Governance: the chair elected at its first meeting
        record.also.append(none_elected_minute(terms))
    for action in session.scalars(ACTIONS_AT, {"meeting_id": meeting.id}):
        done = action.done_at is not None and (meeting.closed_at is None or action.done_at <= meeting.closed_at)
        record.actions.append(ActionRecord(action.number, action.text, positions.get(action.item_id or 0),
                                           names(action.owner_id), action.due_on, done))
    return record


def local_date(moment: dt.datetime | None, terms: Terms) -> dt.date | None:
    return moment.astimezone(terms.zone).date() if moment else None


def item_title(record: MeetingRecord, position: int) -> str:
    return next((title for p, title in record.items if p == position), "")

