"""The statements a meeting's minutes are read with, built once with bound parameters: `meeting minutes` built
some fifteen SELECTs anew at each call, and building one and its cache key costs more CPU than SQLite running it.
The minutes, a draft's page and the approval read them (bot/records/meeting_record.py and the modules it calls)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BindParameter, bindparam, or_, select

from bot.models import (
    ActionItem,
    ApprovedMinutes,
    Attendance,
    AuditEvent,
    DeputyNomination,
    Interest,
    Meeting,
    Membership,
    Poll,
    QuorumCheck,
)
from bot.models_events import GroupEvent
from bot.terms import CHAIR_ROLES, Role

MEETING: BindParameter[int] = bindparam("meeting_id")
GROUP: BindParameter[int] = bindparam("group_id")

MEETING_NUMBERED = select(Meeting).where(Meeting.group_id == GROUP, Meeting.number == bindparam("number"))
MEETING_NUMBERS = select(Meeting.number).where(Meeting.group_id == GROUP).order_by(Meeting.number)
APPROVED = select(ApprovedMinutes).where(ApprovedMinutes.meeting_id == MEETING)
# The group's chair on the meeting's day (the first seated as chair by then), still seated when it closed: not one
# who had left the seat before (LCIIB: alice left the chair's seat, mia took it and chaired meeting 2).
SEATED_THEN = or_(Membership.ended_at.is_(None), Membership.ended_at > bindparam("at"))
GROUP_CHAIR = select(Membership.person_id).where(Membership.group_id == GROUP, Membership.role == Role.CHAIR,
                                                 Membership.term_starts_on <= bindparam("day"), SEATED_THEN).limit(1)
QUORUM_CHECKS = select(QuorumCheck).where(QuorumCheck.meeting_id == MEETING).order_by(QuorumCheck.id)
# The declarations at the meeting, but those of deputies who did not attend it (roll_record.deputies_away).
DECLARATIONS = select(Interest).where(Interest.meeting_id == MEETING,
                                      Interest.person_id.not_in(bindparam("away", expanding=True))) \
    .order_by(Interest.declared_at, Interest.id)
POLLS_AT = select(Poll).where(Poll.meeting_id == MEETING).order_by(Poll.number)
ACTIONS_AT = select(ActionItem).where(ActionItem.meeting_id == MEETING).order_by(ActionItem.number)

# The roll (bot/records/roll_record.py): read once a record, and the rest from it.
ROLL = select(Attendance).where(Attendance.meeting_id == MEETING).order_by(Attendance.id)
DECLARED = select(Interest.person_id).where(Interest.meeting_id == MEETING)
NOMINATED = select(DeputyNomination.deputy_id).where(DeputyNomination.group_id == GROUP)
EVER_SEATED = select(Membership.person_id).where(Membership.group_id == GROUP)
HOLDS_CHAIR = select(Membership.id).where(Membership.group_id == GROUP, Membership.person_id == bindparam("person_id"),
                                          Membership.role.in_(CHAIR_ROLES)).limit(1)

# The chair elected at the meeting (bot/records/chair_elected.py).
ELECTIONS = select(AuditEvent.detail).where(AuditEvent.group_id == GROUP, AuditEvent.action == "chair.elected") \
    .order_by(AuditEvent.id.desc())
# The meetings that closed with no chair elected where the ToR has the group elect one (chair_elected.none_elected).
NONE_ELECTED = select(AuditEvent.detail).where(AuditEvent.group_id == GROUP,
                                               AuditEvent.action == "chair.none_elected")
PRESENT = select(Attendance.id).where(Attendance.meeting_id == MEETING, Attendance.member_id == bindparam("person_id"),
                                      Attendance.status == "present")

# Votes held between meetings (bot/records/between_meetings.py): since the meeting before, or ever.
PREVIOUS_MEETING = select(Meeting).where(Meeting.group_id == GROUP, Meeting.starts_at < bindparam("starts_at"),
                                         Meeting.status != "cancelled").order_by(Meeting.starts_at.desc()).limit(1)
VOTES_BEFORE = select(Poll).where(Poll.group_id == GROUP, Poll.meeting_id.is_(None), Poll.opened_at.is_not(None),
                                  Poll.opened_at < bindparam("starts_at")).order_by(Poll.number)
VOTES_BETWEEN = select(Poll).where(Poll.group_id == GROUP, Poll.meeting_id.is_(None), Poll.opened_at.is_not(None),
                                   Poll.opened_at < bindparam("starts_at"), Poll.opened_at >= bindparam("since")) \
    .order_by(Poll.number)

# What was recorded while the meeting sat (bot/records/during_meeting.py).
APPROVALS_DURING = select(ApprovedMinutes.approved_by_id, Meeting.number, Meeting.starts_at, Meeting.id,
                          ApprovedMinutes.approved_at) \
    .join(Meeting, Meeting.id == ApprovedMinutes.meeting_id) \
    .where(Meeting.group_id == GROUP, Meeting.id != MEETING, ApprovedMinutes.approved_at >= bindparam("opened"),
           ApprovedMinutes.approved_at <= bindparam("until")).order_by(ApprovedMinutes.approved_at)
EVENTS_DURING = select(GroupEvent).where(GroupEvent.group_id == GROUP, GroupEvent.recorded_at >= bindparam("opened"),
                                         GroupEvent.recorded_at <= bindparam("until")).order_by(GroupEvent.recorded_at)
NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)  # `until` for a meeting still open
