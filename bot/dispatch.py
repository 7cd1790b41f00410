"""Which use case runs each typed command: one entry per command class, each checked by mypy to take that class."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from bot import verbs
from bot.commands import Command
from bot.replies import Reply
from bot.services import (
    actions,
    channel_unbind,
    deputies,
    ending,
    groups,
    guests,
    interests,
    item_minutes,
    meeting_move,
    meeting_people,
    meetings,
    minutes,
    motion_withdrawal,
    page,
    polls,
    registers,
    reviews,
    seats,
)
from bot.services.context import Context

C = TypeVar("C", bound=Command)
USE_CASES: dict[type[Command], Callable[[Context, Any], Reply]] = {}


def handles(command: type[C], use_case: Callable[[Context, C], Reply]) -> None:
    """Run `use_case` for every `command`: the pairing is typed, the table that holds it is not."""
    USE_CASES[command] = use_case


handles(verbs.GroupInfo, groups.group_info)
handles(verbs.Terms, groups.terms_in_force)
handles(verbs.GroupEnd, ending.end_group)
handles(verbs.GroupUnbind, channel_unbind.unbind)
handles(verbs.Members, seats.list_members)
handles(verbs.MemberAdd, seats.add_member)
handles(verbs.MemberRemove, seats.remove_member)
handles(verbs.Chair, seats.make_chair)
handles(verbs.Deputy, deputies.nominate)
handles(verbs.DeputyRevoke, deputies.revoke)
handles(verbs.Deputies, deputies.list_deputies)
handles(verbs.Declare, interests.declare)
handles(verbs.Interests, page.with_link(interests.register, "#interests"))
handles(verbs.MeetingSchedule, meetings.schedule)
handles(verbs.Meetings, meetings.list_meetings)
handles(verbs.MeetingOpen, meetings.open_meeting)
handles(verbs.MeetingClose, meetings.close_meeting)
handles(verbs.MeetingCancel, meetings.cancel)
handles(verbs.MeetingMove, meeting_move.move_meeting)
handles(verbs.MeetingChair, meeting_people.name_meeting_chair)
handles(verbs.MeetingMinuteTaker, meeting_people.name_minute_taker)
handles(verbs.AgendaAdd, meetings.add_item)
handles(verbs.Agenda, meetings.show_agenda)
handles(verbs.Here, meetings.here)
handles(verbs.Guest, guests.record_guest)
handles(verbs.Leaving, meetings.leaving)
handles(verbs.Apologies, meetings.apologies)
handles(verbs.Attendance, meetings.attendance_now)
handles(verbs.AttendanceRegister, page.with_link(registers.attendance_register, "#attendance"))
handles(verbs.MeetingMinutes, page.with_link(minutes.draft, "#meetings"))
handles(verbs.Minutes, page.with_link(minutes.draft, "#meetings"))
handles(verbs.MinutesApprove, minutes.approve)
handles(verbs.Page, page.page_link)
handles(verbs.Minute, item_minutes.minute_item)
handles(verbs.Resolved, item_minutes.resolve_item)
handles(verbs.Quorum, meetings.quorum_check)
handles(verbs.Motion, polls.propose_motion)
handles(verbs.MotionTable, polls.table_motion)
handles(verbs.MotionVote, polls.call_vote)
handles(verbs.MotionWithdraw, motion_withdrawal.withdraw_motion)
handles(verbs.Poll, polls.create_poll)
handles(verbs.Polls, polls.list_polls)
handles(verbs.Vote, polls.vote)
handles(verbs.PollClose, polls.close_poll)
handles(verbs.Results, polls.results)
handles(verbs.Action, actions.record_action)
handles(verbs.ActionDone, actions.action_done)
handles(verbs.Actions, page.with_link(actions.list_actions, "#actions"))
handles(verbs.Review, reviews.review_status)
handles(verbs.ReviewDone, reviews.review_done)
handles(verbs.ReportDone, reviews.report_done)
