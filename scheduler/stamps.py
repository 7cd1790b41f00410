"""Whether the words a reminder was composed with when it fell due still hold when it is sent, so it is composed once.

Every change of record appends an event to its group's audit chain in the same transaction (bot/audit.py); a person
forgotten appends one to the chain of no group. A reminder's words read the record and the date, so they hold while
neither chain has moved, the group's date is the same, and little time has passed (a notice reads some instants: a
meeting's start a day back, a poll's close). The chains' heads are read before the words are composed, so a change
committed while they are composed moves a head and the message is composed again when sent.

The stamp is kept in the message's `reply` (JSON, of a composed message otherwise empty) with what the words quote of
what members typed (Reply.quoted); the words are the message's title and text. Forgetting a person redacts the text
and drops the stamp (bot/records/data_rights.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import BindParameter, bindparam, func, select
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Group
from bot.replies import Reply
from bot.services.context import Context
from scheduler.outbox import Claimed

# Sent within this of being composed, a reminder keeps its words; later (a retry after a back-off), it is composed
# again. Delivery polls every 15 s, so a reminder is sent well within it unless a platform holds it back.
REUSE_WITHIN = dt.timedelta(minutes=5)
STAMP = "stamp"
CHUNK = 1000  # ids per IN list
IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
# Built once (scheduler/plan.py's LOCKED_MARK says why); each head read from the (group_id, seq) index alone.
HEADS = select(
    Group.id, select(func.max(AuditEvent.seq)).where(AuditEvent.group_id == Group.id).scalar_subquery()) \
    .where(Group.id.in_(IDS))
NO_GROUP_HEAD = select(func.max(AuditEvent.seq)).where(AuditEvent.group_id.is_(None))

Heads = dict[int | None, int | None]


def heads(session: Session, group_ids: Iterable[int]) -> Heads:
    """The place of the newest event in each group's chain, and (under None) in the chain of no group."""
    ids = sorted(set(group_ids))
    found: Heads = {None: session.scalar(NO_GROUP_HEAD)}
    for start in range(0, len(ids), CHUNK):
        found.update((group_id, seq) for group_id, seq in session.execute(HEADS, {"ids": ids[start:start + CHUNK]}))
    return found


def stamp(read: Heads, group_id: int, now: dt.datetime, quoted: tuple[str, ...]) -> dict[str, Any]:
    """What a message composed at `now` from the record as `read` keeps in its `reply`."""
    return {STAMP: {"group": read.get(group_id), "people": read.get(None), "at": now.isoformat(),
                    "quoted": list(quoted)}}


def kept(message: Claimed, read: Heads, ctx: Context) -> Reply | None:
    """The reply the message was composed with, where it still holds at `ctx.now`; None: compose it again."""
    found = (message.reply or {}).get(STAMP)
    if not message.composed or not isinstance(found, dict) or message.group_id not in read:
        return None
    at = dt.datetime.fromisoformat(str(found.get("at")))
    if found.get("group") != read[message.group_id] or found.get("people") != read.get(None) \
            or not dt.timedelta(0) <= ctx.now - at <= REUSE_WITHIN \
            or at.astimezone(ctx.terms.zone).date() != ctx.today:
        return None
    return Reply(message.text, title=message.title, quoted=tuple(str(q) for q in found.get("quoted") or ()))
