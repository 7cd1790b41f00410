"""Minutes in chat: the draft of a meeting's minutes, and their approval by whoever the ToR names."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed, NotFound
from bot.models import ApprovedMinutes, Meeting
from bot.records.meeting_record import approved_minutes, meeting_record
from bot.records.minutes import markdown, seal
from bot.records.people import namer
from bot.refs import MinutesRef
from bot.replies import Button, Reply
from bot.rules.approval import approval_cited, approval_words
from bot.rules.calendar import show
from bot.rules.powers import power_for
from bot.services.authority import require
from bot.services.context import Context
from bot.services.presiding import presides_until_elected
from bot.terms_powers import Act, PowerHolder
from bot.verbs import MeetingMinutes, Minutes, MinutesApprove


def chosen(ctx: Context, number: int | None, nothing: str | None = None) -> Meeting:
    """The meeting with the given number, else the open one, else the latest one held (minutes are often finished
    after it). NotFound saying `nothing` (by default: there are no minutes) when none is open or held."""
    if number is not None:
        return ctx.meeting(number)
    meeting = ctx.open_meeting() or ctx.session.scalar(
        select(Meeting).where(Meeting.group_id == ctx.group.id, Meeting.status == "closed")
        .order_by(Meeting.starts_at.desc()).limit(1))
    if meeting is None:
        raise NotFound(nothing or f"{ctx.terms.name} has held no meeting yet, so there are no minutes. Say "
                       "`meetings` to list them, or `meeting minutes N` for one.")
    return meeting


def draft(ctx: Context, cmd: MeetingMinutes | Minutes) -> Reply:
    """The minutes of a meeting: the approved text once approved, else a draft built from the record."""
    meeting = chosen(ctx, cmd.meeting)
    approved = approved_minutes(ctx.session, meeting.id)
    if approved is not None:
        intact = seal(approved.text) == approved.sha256
        note = f"Approved {show(approved.approved_at, ctx.terms.zone)}; SHA-256 {approved.sha256[:16]}…" + (
            "" if intact else " — WARNING: the stored text no longer matches its seal; tell your administrator.")
        return Reply(approved.text, title=f"Approved minutes of meeting {meeting.number}", private=True,
                     notices=(note,), subject=MinutesRef(meeting.id), quoted=(approved.text,))
    require(ctx, Act.CIRCULATE_MINUTES, "read the draft minutes before they are approved", meeting=meeting)
    buttons = (Button("Approve these minutes", MinutesApprove(meeting=meeting.number), "primary"),) \
        if meeting.status == "closed" else ()
    text = markdown(meeting_record(ctx.session, ctx.group, meeting))
    return Reply(text, title=f"Draft minutes of meeting {meeting.number}", private=True, buttons=buttons,
                 subject=MinutesRef(meeting.id), unshared=True, quoted=(text,))  # not circulated yet (LIEG 5.2)


def refuse_presiding(ctx: Context, meeting: Meeting) -> None:
    """CSCPWG Governance ("will elect a chair at its first meeting"): whoever presides until a chair is elected
    (the secretariat) runs the meeting and its election, not the chair's other business: where the chair approves
    the minutes, they wait for the chair the group elects. Returns for anyone else."""
    approvers = power_for(ctx.terms, Act.APPROVE_MINUTES).by
    if not presides_until_elected(ctx, ctx.actor) or PowerHolder.SECRETARIAT in approvers:
        return
    raise NotAllowed(ctx.terms.chair.cited(f"{ctx.actor.display_name} presided over meeting {meeting.number} only "
                                           "until the group elects its chair")
                     + f"; the minutes are {approval_words(ctx.terms.minutes)}. The minutes of meeting "
                       f"{meeting.number} wait for the chair the group elects at a meeting (`poll \"Chair\" ...`, "
                       "then `chair @winner --poll N`).")


def approve(ctx: Context, cmd: MinutesApprove) -> Reply:
    """Approve a closed meeting's minutes: store the text and its seal, post them, and lock the meeting's record."""
    meeting = chosen(ctx, cmd.meeting)
    rule = ctx.terms.minutes
    doing = "record the group's approval of the minutes" if rule.approved_by == "group" else "approve the minutes"
    require(ctx, cmd.act, f"{doing} of {ctx.terms.name}", meeting=meeting)
    refuse_presiding(ctx, meeting)
    if meeting.status != "closed":
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; minutes are approved once it is closed.")
    already = approved_minutes(ctx.session, meeting.id)
    if already is not None:
        raise NotAllowed(approval_cited(rule, f"The minutes of meeting {meeting.number} were approved on "
                                              f"{show(already.approved_at, ctx.terms.zone)} and are locked") + ".")
    record = meeting_record(ctx.session, ctx.group, meeting)
    if rule.approved_by != "group":  # the approver signs: for the body that approves (LIEG 5.2), or as the chair
        record.signer = namer(ctx.session, ctx.group)(ctx.actor.id)  # who approved (the meeting's, after a handover)
    text = markdown(record).replace(
        "_Draft built from the record by govbot.",
        f"_Approved by {ctx.actor.display_name} on {show(ctx.now, ctx.terms.zone)}; built from the record by govbot.")
    sealed = ApprovedMinutes(meeting_id=meeting.id, text=text, sha256=seal(text), approved_by_id=ctx.actor.id,
                             approved_at=ctx.now)
    ctx.session.add(sealed)
    ctx.unlocked.discard(meeting.id)
    ctx.session.flush()
    ctx.audit("minutes.approved", meeting=meeting.id, sha256=sealed.sha256)
    # The minutes as written and sealed: what members typed in them is never read as Slack's mention of a person.
    return Reply(text, title=f"Minutes of meeting {meeting.number} approved", subject=MinutesRef(meeting.id),
                 notices=(approval_cited(rule, f"Approved by {ctx.actor.display_name}; the record of meeting "
                                               f"{meeting.number} is now locked") + ".",), quoted=(text,))
