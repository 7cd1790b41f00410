"""The verbs the command grammar knows, in the order `help` lists them: each a typed command class (bot.verbs_group,
bot.verbs_meeting, bot.verbs_meeting_move, bot.verbs_vote) whose fields are its arguments and options. `VERBS`, the
table the parser and help read, is derived from those classes."""

from __future__ import annotations

from bot.grammar import Arg as Arg
from bot.grammar import Command
from bot.grammar import Verb as Verb
from bot.verbs_group import (
    Chair,
    Declare,
    Deputies,
    Deputy,
    DeputyRevoke,
    GroupBind,
    GroupEnd,
    GroupInfo,
    GroupUnbind,
    Help,
    Interests,
    MemberAdd,
    MemberRemove,
    Members,
    Terms,
)
from bot.verbs_meeting import (
    Action,
    ActionDone,
    Actions,
    Agenda,
    AgendaAdd,
    Apologies,
    Attendance,
    AttendanceRegister,
    Guest,
    Here,
    Leaving,
    MeetingCancel,
    MeetingChair,
    MeetingClose,
    MeetingMinutes,
    MeetingMinuteTaker,
    MeetingOpen,
    Meetings,
    MeetingSchedule,
    Minute,
    Minutes,
    MinutesApprove,
    Page,
    Quorum,
    ReportDone,
    Resolved,
    Review,
    ReviewDone,
)
from bot.verbs_meeting_move import MeetingMove
from bot.verbs_vote import Motion, MotionTable, MotionVote, MotionWithdraw, Poll, PollClose, Polls, Results, Vote

COMMANDS: tuple[type[Command], ...] = (
    Help, GroupInfo, Terms, GroupBind, GroupUnbind, GroupEnd, Members, MemberAdd, MemberRemove, Chair, Deputy,
    DeputyRevoke, Deputies, Declare, Interests, MeetingSchedule, Meetings, MeetingOpen, MeetingClose, MeetingCancel,
    MeetingMove,
    AgendaAdd, Agenda, Here, Apologies, Attendance, AttendanceRegister, MeetingMinutes, Minutes, Page,
    MinutesApprove, Minute, Resolved, Quorum, Motion, MotionTable, MotionVote, MotionWithdraw, Poll, Polls, Vote,
    PollClose, Results, Action, ActionDone, Actions, Review, ReviewDone, ReportDone, MeetingChair, Leaving, Guest,
    MeetingMinuteTaker,
)
VERBS: tuple[Verb, ...] = tuple(command.spec for command in COMMANDS)
BY_NAME = {verb.name: verb for verb in VERBS}
CLASS_OF: dict[str, type[Command]] = {command.verb: command for command in COMMANDS}

__all__ = [
    "Arg", "BY_NAME", "CLASS_OF", "COMMANDS", "Command", "VERBS", "Verb", "Action", "ActionDone", "Actions",
    "Agenda", "AgendaAdd", "Apologies", "Attendance", "AttendanceRegister", "Chair", "Declare", "Deputies",
    "Deputy", "DeputyRevoke", "GroupBind", "GroupUnbind", "GroupEnd", "GroupInfo", "Help", "Here", "Interests",
    "MeetingCancel", "MeetingMove",
    "MeetingClose", "MeetingMinutes", "MeetingOpen", "MeetingSchedule", "Meetings", "MemberAdd", "MemberRemove",
    "Members", "Minute", "Minutes", "MinutesApprove", "Motion", "MotionTable", "MotionVote", "MotionWithdraw", "Page",
    "Poll", "PollClose", "Polls", "Quorum", "ReportDone", "Resolved", "Results", "Review", "ReviewDone", "Terms",
    "Vote", "MeetingChair", "Leaving",
    "Guest", "MeetingMinuteTaker",
]
