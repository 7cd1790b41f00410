"""Withdrawing a motion before it is put to the vote: by its proposer, or by the chair who would put it to the vote.
None of the five ToRs speaks of withdrawing a motion, so the usual practice of meetings holds: the mover may
withdraw it until it is voted on; the chair may, presiding. Its minutes say so, and the meeting's close no longer
names it as not put to the vote."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.models import Person, Poll
from bot.replies import Reply
from bot.rules.calendar import show_date
from bot.rules.powers import power_for
from bot.services.authority import may
from bot.services.context import Context
from bot.services.lengths import glimpse
from bot.services.poll_records import get_poll
from bot.services.polls import calling_meeting
from bot.terms_powers import Act
from bot.verbs_vote import MotionWithdraw

# What a refusal cites for a rule of withdrawing, which no ToR states (STYLE: say so where the ToR is silent).
PRACTICE = " (the usual practice: the ToR does not speak of withdrawing a motion)"
WITHDRAWN = "withdrawn"  # a motion's status once withdrawn; its outcome says by whom


def withdraw_motion(ctx: Context, cmd: MotionWithdraw) -> Reply:
    """Withdraw motion `cmd.poll`, proposed or tabled and not yet put to the vote. Raises NotAllowed for a poll, a
    motion being voted on or decided, or someone neither its proposer nor the chair (saying who may)."""
    poll = get_poll(ctx, cmd.poll)
    refuse_unwithdrawable(poll)
    proposer = poll.proposed_by_id == ctx.actor.id
    if not proposer and not may(ctx, Act.CALL_VOTE, meeting=calling_meeting(ctx, "motion")):
        raise NotAllowed(who_may(ctx, poll))
    poll.status, poll.closed_at = WITHDRAWN, ctx.now  # when: the minutes of the meeting it was withdrawn at say so
    poll.outcome = ("withdrawn by its proposer" if proposer else f"withdrawn by the chair, {ctx.actor.display_name}") \
        + withdrawn_where(ctx, poll)
    ctx.audit("motion.withdrawn", poll=poll.id, by_proposer=proposer)
    return Reply(f"Motion {poll.number} ({glimpse(poll.question)}) is {poll.outcome}; it will not be put to the vote, "
                 "and the minutes record it as withdrawn.")


def withdrawn_where(ctx: Context, poll: Poll) -> str:
    """` at meeting 2` for a motion moved before the open meeting, ` on 5 Jan 2027` for one withdrawn between
    meetings: the minutes of the meeting it was moved at read where it went; nothing where it was moved at this one."""
    meeting = ctx.open_meeting()
    if meeting is None:
        return f" on {show_date(ctx.today)}, between meetings"
    return f" at meeting {meeting.number}" if meeting.opened_at and poll.proposed_at < meeting.opened_at else ""


def refuse_unwithdrawable(poll: Poll) -> None:
    """Raise NotAllowed unless `poll` is a motion proposed or tabled and not yet put to the vote."""
    number = poll.number
    if poll.kind != "motion":
        raise NotAllowed(f"Poll {number} is a poll, not a motion, and only a motion is withdrawn; the chair closes a "
                         f"poll with `poll close {number}`.")
    if poll.status == WITHDRAWN:
        raise NotAllowed(f"Motion {number} is already {poll.outcome}.")
    if poll.status == "open":
        raise NotAllowed(f"The vote on motion {number} is open, so it can no longer be withdrawn: once put to the vote "
                         f"a motion is decided by it{PRACTICE}. The chair closes the vote with `poll close {number}`.")
    if poll.status not in ("proposed", "tabled"):
        raise NotAllowed(f"Motion {number} has been voted on ({poll.outcome or poll.status}), so it can no longer be "
                         f"withdrawn; see `results {number}`.")


def who_may(ctx: Context, poll: Poll) -> str:
    """Who may withdraw `poll`: its proposer, or the chair (citing the clause that gives the chair the vote)."""
    proposer = ctx.session.get(Person, poll.proposed_by_id)
    named = f" ({proposer.display_name})" if proposer is not None else ""
    return (f"Only motion {poll.number}'s proposer{named} or the chair, who puts motions to the vote"
            f"{power_for(ctx.terms, Act.CALL_VOTE).cite()}, can withdraw it{PRACTICE}.")
