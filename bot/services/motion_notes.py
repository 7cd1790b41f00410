"""What a proposer is told beside the motion they moved: that the meeting is short of its quorum, so the motion waits
for the vote; or that a motion in the same words was decided before."""

from __future__ import annotations

import dataclasses

from sqlalchemy import bindparam, select

from bot.models import Meeting, Poll
from bot.replies import Reply
from bot.services import roll
from bot.services.context import Context


def short_of_quorum(ctx: Context, poll: Poll) -> str | None:
    """Where a meeting is open and not quorate: that `poll` is recorded and can be put to the vote only once the
    meeting is quorate (the quorum cited, CJCG 6.4), with the command then. Proposing needs no quorum; deciding
    does. None where no meeting is open, or it is quorate."""
    meeting = ctx.open_meeting()
    if meeting is None:
        return None
    quorum = roll.quorum_of(ctx, meeting)
    if quorum.quorate:
        return None
    return (f"The meeting is {quorum.text}: the motion is recorded, and can be put to the vote only once the "
            f"meeting is quorate; then the chair says `motion vote {poll.number}`.")


def with_note(reply: Reply, note: str) -> Reply:
    """`reply` with `note` (a sentence, with its leading space) after its text; the same reply when there is none."""
    return dataclasses.replace(reply, text=reply.text + note) if note else reply


# Built once, with bound parameters: read at every motion moved.
CLOSED_MOTIONS = select(Poll.number, Poll.question, Poll.outcome, Meeting.number) \
    .outerjoin(Meeting, Meeting.id == Poll.meeting_id) \
    .where(Poll.group_id == bindparam("group_id"), Poll.kind == "motion", Poll.status == "closed") \
    .order_by(Poll.number)


def decided_before(ctx: Context, poll: Poll) -> str:
    """` An identical motion was moved before: motion 1, decided at meeting 1 (carried).`: the group's closed motions
    in the same words as `poll`, just moved (case and spacing aside); nothing where none was. No ToR forbids moving a
    motion again, so it is recorded; the proposer is told, to withdraw it if it was moved by mistake."""
    same = " ".join(poll.question.split()).casefold()
    said = []
    for number, question, outcome, meeting in ctx.session.execute(CLOSED_MOTIONS, {"group_id": ctx.group.id}):
        if " ".join(question.split()).casefold() == same:
            where = f"at meeting {meeting}" if meeting is not None else "between meetings"
            said.append(f"motion {number}, decided {where} ({(outcome or 'decided').split(':')[0]})")
    if not said:
        return ""
    return (f" An identical motion was moved before: {'; '.join(said)}. If this one was moved by mistake, "
            f"withdraw it with `motion withdraw {poll.number}`.")
