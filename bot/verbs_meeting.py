"""The meeting's verbs as typed commands: scheduling, the roll, the agenda, minutes and actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.grammar import Command, PersonRef, arg, described, option
from bot.terms_powers import Act


@described("meeting schedule", 'meeting schedule <date> <time> [--where "place"] [--chair @p [--decision N]] '
           "[--minutes @p] [--first|--second]", "schedule a meeting (chair or secretariat); --decision: the motion "
           "by which the group chose a chair the ToR lets it choose otherwise",
           'meeting schedule {next_week} 10:00 --where "Teams"')
@dataclass(frozen=True, kw_only=True)
class MeetingSchedule(Command):
    act: ClassVar[Act] = Act.SCHEDULE_MEETING
    date: str = arg()
    time: str = arg()
    where: str | None = option()
    chair: PersonRef | None = option("person")
    decision: int | None = option("int")
    minutes: PersonRef | None = option("person")
    first: bool = option("flag")
    second: bool = option("flag")


@described("meeting chair", "meeting chair @p [--meeting N] [--decision N]", "name who chairs the next (or given) "
           "meeting, when the chair is away or leaves it", "meeting chair @bob")
@dataclass(frozen=True, kw_only=True)
class MeetingChair(Command):
    act: ClassVar[Act] = Act.NAME_MEETING_CHAIR
    person: PersonRef = arg("person")
    meeting: int | None = option("int")
    decision: int | None = option("int")


@described("meeting minute-taker", "meeting minute-taker @p [--meeting N]", "name who takes the minutes of the "
           "next (or given) meeting (whoever names a meeting's chair; yourself, where the ToR has a volunteer "
           "take them)",
           "meeting minute-taker @bob")
@dataclass(frozen=True, kw_only=True)
class MeetingMinuteTaker(Command):
    act: ClassVar[Act] = Act.NAME_MEETING_CHAIR  # but a volunteer names themself, where the ToR has one (LIEG 5.2)
    act_words: ClassVar[str] = "name who takes a meeting's minutes"
    person: PersonRef = arg("person")
    meeting: int | None = option("int")


@described("meetings", "meetings", "upcoming and recent meetings")
@dataclass(frozen=True, kw_only=True)
class Meetings(Command):
    pass


@described("meeting open", "meeting open [N] [--confirm]", "open the next meeting: roll call, interests prompt and "
           "quorum; --confirm opens it hours before its time")
@dataclass(frozen=True, kw_only=True)
class MeetingOpen(Command):
    act: ClassVar[Act] = Act.RUN_MEETING
    meeting: int | None = arg("int", required=False)
    confirm: bool = option("flag")


@described("meeting close", "meeting close", "close the open meeting; members not recorded are marked absent")
@dataclass(frozen=True, kw_only=True)
class MeetingClose(Command):
    act: ClassVar[Act] = Act.RUN_MEETING


@described("meeting cancel", "meeting cancel N", "cancel a scheduled meeting")
@dataclass(frozen=True, kw_only=True)
class MeetingCancel(Command):
    act: ClassVar[Act] = Act.SCHEDULE_MEETING
    meeting: int = arg("int")


@described("agenda add", 'agenda add "title" [--meeting N]', "add an item to the next meeting's agenda")
@dataclass(frozen=True, kw_only=True)
class AgendaAdd(Command):
    act: ClassVar[Act] = Act.PLAN_AGENDA
    title: tuple[str, ...] = arg(many=True)
    meeting: int | None = option("int")


@described("agenda", "agenda [N]", "the agenda of the next (or given) meeting")
@dataclass(frozen=True, kw_only=True)
class Agenda(Command):
    meeting: int | None = arg("int", required=False)


@described("here", "here [@person ...] [--for @member]", "record that you are present (or attending as a deputy); "
           "@person: those in the room, recorded by whoever records actions (the chair, secretariat or minute-taker)")
@dataclass(frozen=True, kw_only=True)
class Here(Command):
    people: tuple[PersonRef, ...] = arg("person", required=False, many=True)
    for_: PersonRef | None = option("person", "for")


@described("leaving", "leaving [@person ...] [--item N]", "record that you are leaving the open meeting early (--item: "
           "the room for an item, as for an interest declared in it): you no longer count for its quorum or vote, "
           "until you say `here` again; @person: those leaving the room, recorded by whoever records actions",
           "leaving --item 2")
@dataclass(frozen=True, kw_only=True)
class Leaving(Command):
    people: tuple[PersonRef, ...] = arg("person", required=False, many=True)
    item: int | None = option("int")


@described("guest", 'guest @person [--from "organisation"] [--meeting N]', "record a guest attending the open "
           "meeting: no seat, no vote, not counted for the quorum (whoever records actions: the chair, secretariat or "
           "minute-taker); before a meeting opens, or with --meeting, invite them to it, and they say `here` there",
           'guest @mia --from "Metropolitan Police"')
@dataclass(frozen=True, kw_only=True)
class Guest(Command):
    act: ClassVar[Act] = Act.RECORD_ACTIONS
    act_words: ClassVar[str] = "record a guest"
    person: PersonRef = arg("person")
    from_: str | None = option("text", "from")
    meeting: int | None = option("int")


@described("apologies", "apologies [reason] [--meeting N] [--for @member]", "send apologies for the open or next "
           "meeting; --for records those a member sent (whoever records actions: the chair, secretariat or "
           "minute-taker)")
@dataclass(frozen=True, kw_only=True)
class Apologies(Command):
    reason: tuple[str, ...] = arg(required=False, many=True)
    meeting: int | None = option("int")
    for_: PersonRef | None = option("person", "for")


@described("attendance", "attendance", "who is present, deputised, absent or sent apologies at the open meeting")
@dataclass(frozen=True, kw_only=True)
class Attendance(Command):
    pass


@described("attendance register", "attendance register",
           "each member's attendance at every meeting held, with runs of absences flagged")
@dataclass(frozen=True, kw_only=True)
class AttendanceRegister(Command):
    pass


@described("meeting minutes", "meeting minutes [N]", "the minutes of a meeting: a draft from the record, or the "
           "approved text")
@dataclass(frozen=True, kw_only=True)
class MeetingMinutes(Command):
    meeting: int | None = arg("int", required=False)


@described("minutes", "minutes [N]", "the minutes of a meeting, with the link to the group's page and the downloads")
@dataclass(frozen=True, kw_only=True)
class Minutes(Command):
    meeting: int | None = arg("int", required=False)


@described("page", "page", "your link to the group's web page: meetings, minutes, registers, actions and attendance")
@dataclass(frozen=True, kw_only=True)
class Page(Command):
    pass


@described("minutes approve", "minutes approve [N]", "approve a closed meeting's minutes (whoever the ToR names); "
           "they are posted and the meeting's record is locked")
@dataclass(frozen=True, kw_only=True)
class MinutesApprove(Command):
    act: ClassVar[Act] = Act.APPROVE_MINUTES
    meeting: int | None = arg("int", required=False)


@described("minute", 'minute "text" --item N [--meeting N]', "minute the discussion of an agenda item (minute-taker "
           "or chair)", 'minute "The group noted the quarterly report" --item 1')
@dataclass(frozen=True, kw_only=True)
class Minute(Command):
    act: ClassVar[Act] = Act.RECORD_ACTIONS
    act_words: ClassVar[str] = "minute an item"
    text: tuple[str, ...] = arg(many=True)
    item: int | None = option("int")
    meeting: int | None = option("int")


@described("resolved", 'resolved "text" --item N [--meeting N]', "record what was resolved on an agenda item "
           "(minute-taker or chair)", 'resolved "RESOLVED that the plan be adopted" --item 1')
@dataclass(frozen=True, kw_only=True)
class Resolved(Command):
    act: ClassVar[Act] = Act.RECORD_ACTIONS
    act_words: ClassVar[str] = "record what was resolved"
    text: tuple[str, ...] = arg(many=True)
    item: int | None = option("int")
    meeting: int | None = option("int")


@described("quorum", "quorum", "is the meeting quorate, under the ToR's rule")
@dataclass(frozen=True, kw_only=True)
class Quorum(Command):
    pass


@described("action", 'action "text" [--owner @p] [--due DATE] [--item N] [--meeting N]',
           "record an action agreed at the meeting (chair, secretariat or minute-taker); --meeting: one held, "
           "written up after it closed",
           'action "Circulate the revised plan" --owner @bob --due {next_week}')
@dataclass(frozen=True, kw_only=True)
class Action(Command):
    act: ClassVar[Act] = Act.RECORD_ACTIONS
    text: tuple[str, ...] = arg(many=True)
    owner: PersonRef | None = option("person")
    due: str | None = option("when")
    item: int | None = option("int")
    meeting: int | None = option("int")  # a meeting held, written up after it closed (CJCG 6.3, "note taking")


@described("action done", "action done N", "mark action N done (its owner, the chair or the secretariat)")
@dataclass(frozen=True, kw_only=True)
class ActionDone(Command):
    act: ClassVar[Act] = Act.MARK_ACTION_DONE
    action: int = arg("int")


@described("actions", "actions", "the open actions, with owners and due dates")
@dataclass(frozen=True, kw_only=True)
class Actions(Command):
    pass


@described("review", "review", "when the ToR is next due for review")
@dataclass(frozen=True, kw_only=True)
class Review(Command):
    pass


@described("review done", "review done [note]", "record that the ToR review was done")
@dataclass(frozen=True, kw_only=True)
class ReviewDone(Command):
    act: ClassVar[Act] = Act.MARK_REVIEW_DONE
    note: tuple[str, ...] = arg(required=False, many=True)


@described("report done", "report done [note]", "record that the report to the parent body was made")
@dataclass(frozen=True, kw_only=True)
class ReportDone(Command):
    act: ClassVar[Act] = Act.MARK_REVIEW_DONE
    note: tuple[str, ...] = arg(required=False, many=True)

