"""Meetings: scheduling, agenda, opening, roll call, quorum and closing."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import AgendaItem, Meeting, Poll, QuorumCheck
from bot.records import absences
from bot.records.minutes_business import MOVED_EARLIER, unvoted_at, was_moved_before
from bot.refs import MeetingRef
from bot.replies import Button, Reply, shortened
from bot.rules.cadence import overran
from bot.rules.calendar import show, show_date
from bot.rules.deputies import roll_call
from bot.rules.in_force import interests_prompt
from bot.services import conduct, lengths, roll, roll_rows, roll_summary
from bot.services.apologies import apologies as apologies
from bot.services.attendance import attendance_now as attendance_now
from bot.services.attendance import here as here
from bot.services.attendance import leaving as leaving
from bot.services.attendance import quorum_change as quorum_change
from bot.services.attendance import quorum_check as quorum_check
from bot.services.authority import require, require_at
from bot.services.chair_notices import election_opening, none_elected_at_close, taker_away
from bot.services.context import Context
from bot.services.guest_invites import invited_field
from bot.services.lengths import kept
from bot.services.meeting_people import in_steering_group as in_steering_group
from bot.services.meeting_schedule import SAME_START as SAME_START
from bot.services.meeting_schedule import require_no_meeting_at as require_no_meeting_at
from bot.services.meeting_schedule import schedule as schedule
from bot.services.presence import present_by_acting, unrecorded
from bot.services.presiding import presides_until_elected, refuse_away_chair
from bot.services.record_lock import require_unlocked
from bot.verbs import Agenda, AgendaAdd, Apologies, Declare, Here, MeetingCancel, MeetingClose, MeetingOpen, Meetings

AGENDA_ITEMS = 100  # a meeting of a few hours can take no more; a longer list is a mistake or an attack

ROLL_CALL_BUTTONS = (Button("Here", Here(), "primary"), Button("Apologies", Apologies()),
                     Button("No interests to declare", Declare(description=("none",))))


def list_meetings(ctx: Context, cmd: Meetings) -> Reply:
    meetings = ctx.session.scalars(
        select(Meeting).where(Meeting.group_id == ctx.group.id, Meeting.status != "cancelled")
        .order_by(Meeting.starts_at.desc()).limit(10)).all()
    zone = ctx.terms.zone
    if not meetings:  # a meeting cancelled is on the record: not 'none yet', as if none had been arranged
        cancelled = [f"meeting {m.number} ({show(m.starts_at, zone)})" for m in ctx.session.scalars(
            select(Meeting).where(Meeting.group_id == ctx.group.id).order_by(Meeting.starts_at).limit(10))]
        were = "was" if len(cancelled) == 1 else "were"
        said = f"No meetings held or scheduled; {', '.join(cancelled)} {were} cancelled." if cancelled else \
            "No meetings yet."
        return Reply(f"{said} {ctx.scheduling_hint()}", private=True)
    rows = tuple((f"Meeting {m.number}", f"{show(m.starts_at, zone)}, {m.status}" + (f", {m.place}" if m.place else ""))
                 for m in reversed(meetings))
    return Reply(f"Meetings of {ctx.terms.name}:", fields=rows, private=True, quoted=tuple(v for _, v in rows))


def cancel(ctx: Context, cmd: MeetingCancel) -> Reply:
    require(ctx, cmd.act, "cancel meetings")
    meeting = ctx.meeting(cmd.meeting)
    if meeting.status != "scheduled":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; only a scheduled meeting can be cancelled.")
    meeting.status = "cancelled"
    ctx.audit("meeting.cancelled", meeting=meeting.id)
    return Reply(f"Meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)}) is cancelled.",
                 changes=(MeetingRef(meeting.id),))  # its posted card: cancelled, no apologies button


def add_item(ctx: Context, cmd: AgendaAdd) -> Reply:
    meeting = ctx.meeting(cmd.meeting)
    require(ctx, cmd.act, "set the agenda", meeting=meeting)
    if meeting.status in ("closed", "cancelled"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; add items to a meeting still to come.")
    require_unlocked(ctx, meeting.id, "a change to its agenda")
    title = " ".join(cmd.title).strip()
    if not title:
        raise UsageError('Give the item a title: agenda add "Budget update".')
    kept(title, lengths.TITLE, "item's title")
    if len(meeting.items) >= AGENDA_ITEMS:
        raise NotAllowed(f"Meeting {meeting.number} already has {len(meeting.items)} agenda items; a meeting holds at "
                         f"most {AGENDA_ITEMS} items. Group the rest under fewer items, or put them on another "
                         "meeting's agenda.")
    position = len(meeting.items) + 1
    meeting.items.append(AgendaItem(position=position, title=title))
    ctx.audit("agenda.item_added", meeting=meeting.id, position=position, title=title)
    return Reply(f"Item {position} added to meeting {meeting.number}: {title}")


def show_agenda(ctx: Context, cmd: Agenda) -> Reply:
    meeting = ctx.meeting(cmd.meeting)
    rows = tuple((f"Item {item.position}", item.title) for item in meeting.items)
    text = f"Agenda of meeting {meeting.number}, {show(meeting.starts_at, ctx.terms.zone)}:" if rows else \
        f"Meeting {meeting.number} has no agenda items yet. Add one with `agenda add \"title\"`."
    return Reply(text, fields=rows + invited_field(ctx, meeting), private=True, quoted=tuple(t for _, t in rows))


def open_meeting(ctx: Context, cmd: MeetingOpen) -> Reply:
    """Open the next (or given) meeting: the opener is recorded present; roll call and interests are prompted."""
    first = ctx.next_meeting()  # the open one, if any: one statement reads it, or else the next
    if first is not None and first.status == "open":
        raise NotAllowed(f"Meeting {first.number} is already open; close it with `meeting close` first.")
    meeting = first if cmd.meeting is None and first is not None else ctx.meeting(cmd.meeting)
    require(ctx, cmd.act, "open a meeting", meeting=meeting)
    if meeting.status != "scheduled":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; only a scheduled meeting can be opened.")
    early = conduct.require_timely_opening(ctx, meeting, cmd.confirm)
    meeting.status, meeting.opened_at = "open", ctx.now
    ctx.opened(meeting)
    electing = meeting.chair_id is None and presides_until_elected(ctx, ctx.actor)
    if electing:
        meeting.chair_id = ctx.actor.id  # chairs this meeting to its close, through the election of the chair
    if ctx.membership(ctx.actor) is not None:
        roll.mark_present(ctx, meeting, ctx.actor)
    quorum = roll.quorum_of(ctx, meeting)
    meeting.quorate_at_open = quorum.quorate
    ctx.session.add(QuorumCheck(meeting_id=meeting.id, quorate=quorum.quorate, counted=quorum.counted,
                                text=quorum.text, checked_at=ctx.now))
    ctx.audit("meeting.opened", meeting=meeting.id, quorate=quorum.quorate, counted=quorum.counted,
              **({"early": True} if early else {}))
    words = opening_words(ctx) + (f"\n{election_opening(ctx)}" if electing else "")
    return Reply(words, title=f"Meeting {meeting.number} of {ctx.terms.name} is open",
                 fields=(("Quorum", quorum.text),), buttons=ROLL_CALL_BUTTONS, subject=MeetingRef(meeting.id),
                 notices=(early,) if early else ())


def opening_words(ctx: Context) -> str:
    """What an open meeting's card says, at the opening and each time the roll redraws it: the roll call, the call
    for declarations where interests are declared at the start (CJCG 6.5), and the meeting's time limit."""
    prompts = [roll_call(ctx.terms.deputies)]
    if ctx.terms.interests.declare_at_start:
        prompts.append(interests_prompt(ctx.terms, "Declare any interests now: `declare \"...\" --item N`, or "
                                                   "`declare none`"))
    if ctx.terms.meetings.max_minutes:
        prompts.append(f"This meeting should last at most {ctx.terms.meetings.max_minutes} minutes.")
    return "\n".join(prompts)


# Built once, with bound parameters: read at every meeting's close.
OPEN_VOTES_AT = select(Poll).where(Poll.meeting_id == bindparam("meeting_id"), Poll.status == "open") \
    .order_by(Poll.number)
ITEMS_VOTED_ON = select(Poll.item_id).where(Poll.meeting_id == bindparam("meeting_id"))


def refuse_open_votes(ctx: Context, meeting: Meeting) -> None:
    """Refuse closing `meeting` while votes at it are open, naming each with the command that closes it."""
    votes = list(ctx.session.scalars(OPEN_VOTES_AT, {"meeting_id": meeting.id}))
    if len(votes) == 1:
        raise NotAllowed(f"{votes[0].kind.capitalize()} {votes[0].number} is still open; close it with "
                         f"`poll close {votes[0].number}` first.")
    if votes:
        named = [f"{vote.kind} {vote.number}" for vote in votes]
        listed = f"{', '.join(named[:-1])} and {named[-1]}"
        raise NotAllowed(f"{listed[0].upper()}{listed[1:]} are still open; close each first: "
                         + ", ".join(f"`poll close {vote.number}`" for vote in votes) + ".")


def close_meeting(ctx: Context, cmd: MeetingClose) -> Reply:
    """Close the open meeting. Refuses while a vote is open; members with no record are marked absent."""
    meeting = ctx.open_meeting()
    if meeting is None:
        raise NotFound("No meeting is open.")
    require(ctx, cmd.act, "close a meeting", meeting=meeting)
    refuse_away_chair(ctx, meeting, "close it")  # another chairs in their place: that one closes it
    require_at(ctx, cmd.act, "close a meeting", meeting)  # its own chair who left (LIEG 5.1): a co-chair there does
    refuse_open_votes(ctx, meeting)
    recorded = {a.member_id for a in roll.attendance(ctx, meeting)}
    if present_by_acting(ctx, meeting):  # the chair who ran it is not minuted absent for not saying `here`
        recorded.add(ctx.actor.id)
    absent = unrecorded(ctx, meeting, recorded)  # one who named a deputy who did not come: apologies, not absent
    meeting.status, meeting.closed_at = "closed", ctx.now
    roll_rows.add_rows(ctx, meeting, absent)  # flushed with the close, and the roll read above kept with them
    ctx.audit("meeting.closed", meeting=meeting.id)
    notices = unvoted_motions(ctx, meeting) + tuple(absence_warnings(ctx, meeting)) \
        + unminuted_standing_items(ctx, meeting) + none_elected_at_close(ctx, meeting) + taker_away(ctx, meeting)
    length = overran(ctx.terms.meetings, meeting.opened_at, meeting.closed_at)
    said = f"Meeting {meeting.number} is closed" + (f"; it {length}." if length else ".")
    # When it was held, as the meeting's card shows it (meeting_card): the closing card is the one a clerk files.
    return Reply(said, title=f"{ctx.terms.name}: meeting {meeting.number} closed",
                 fields=(("When", show(meeting.starts_at, ctx.terms.zone)), *roll_summary.summary(ctx, meeting)),
                 notices=notices, subject=MeetingRef(meeting.id))


def unvoted_motions(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """For each motion moved at `meeting` and never put to the vote: that it was not, that its minutes say so, and
    the command that puts it to the vote at a later meeting (after tabling it, where the ToR asks that first)."""
    said = []
    tabling = ctx.terms.voting.tabling
    for poll in unvoted_at(ctx.session, meeting):
        if poll.opened_at is not None or poll.status == "withdrawn":
            continue
        then = f"the chair can put it to the vote at a later meeting with `motion vote {poll.number}`."
        if tabling.required and poll.status == "proposed":
            then = tabling.cited(f"it must first be tabled with {tabling.with_body}") + \
                f": `motion table {poll.number}`; then {then}"
        moved = f", {MOVED_EARLIER}," if was_moved_before(poll, meeting) else ""
        said.append(f"Motion {poll.number} ({shortened(poll.question, 80)}){moved} was not put to the vote and is "
                    f"minuted so; {then}")
    return tuple(said)


def unminuted_standing_items(ctx: Context, meeting: Meeting) -> tuple[str, ...]:
    """For each item the ToR puts on every agenda (PLPCP: "Review of programme progress at each meeting") with
    nothing minuted or resolved on it and no vote: that it is, citing the clause, and how to minute it."""
    if not ctx.terms.meetings.standing_items:
        return ()
    voted_on = set(ctx.session.scalars(ITEMS_VOTED_ON, {"meeting_id": meeting.id}))
    items = {item.position: item for item in meeting.items}
    gaps = []
    for position, rule in enumerate(ctx.terms.meetings.standing_items, start=1):
        item = items.get(position)
        if item is None or item.title != rule.title or item.minute or item.resolution or item.id in voted_on:
            continue
        gaps.append(rule.cited(f"Item {position}, {item.title}, is on every agenda") + ", and nothing is minuted "
                    f"on it: `minute \"...\" --item {position}` before the minutes are approved.")
    return tuple(gaps)


def absence_warnings(ctx: Context, meeting: Meeting) -> list[str]:
    """Warnings for members, or member organisations when the ToR counts absences so, who have now missed the
    ToR's number of consecutive meetings."""
    rule = ctx.terms.attendance
    if not (limit := rule.warn_after_consecutive_absences):
        return []
    seated = dict.fromkeys(absences.attendee(ctx.session, ctx.terms, m, m.person_id) for m in ctx.holders())
    record = absences.read(ctx.session, ctx.group, ctx.terms)  # after: the seat holders are read already (holders)
    warnings = []
    for attendee in seated:
        run = record.run(attendee)
        if not record.warned(attendee):
            continue
        if attendee.is_organisation:
            dates = [show_date(m.starts_at.astimezone(ctx.terms.zone).date()) for m in run]
            sessions = f"{len(run)} consecutive sessions ({', '.join(dates[:-1])} and {dates[-1]})" \
                if len(run) > 1 else f"the session of {dates[0]}"
            text = (f"{attendee.name} has not attended for {sessions}; the ToR allows papers to be withheld "
                    f"after {limit}")
        else:
            text = (f"{attendee.name} has missed {len(run)} consecutive meetings; the ToR allows papers to be "
                    f"withheld after {limit}")
        warnings.append(rule.absence_rule.cited(text) + ".")
    return warnings
