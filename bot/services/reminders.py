"""What the scheduler asks the core: the notice a typed reminder calls for now (its text and its recipients), or
why none; and prepared replies the outbox carries as they are (a poll's result, a post a platform refused).

The scheduler composes a reminder when it falls due (to choose its recipients), and sends those words while the
record has not changed since (scheduler/stamps.py); else it composes it again when it sends it, so what is sent is
what the record says at that moment: a reminder whose subject no longer calls for it is set aside with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import OutboxMessage
from bot.payloads import decode
from bot.refs import from_key
from bot.replies import Button, Reply
from bot.services import apologies_reminder, cadence, ended, notices
from bot.services.context import Context
from bot.services.notices import Notice

POST = "post"  # a prepared reply, sent as stored


def compose(ctx: Context, kind: str, subject: str, instance: str) -> Notice | str:
    """The notice for a reminder of `kind` about `subject` (`meeting:12`) and its `instance`, or why there is none
    (none once the group has stopped operating: ended early, or past the date its ToR gives it)."""
    if (why := ended.stopped(ctx)) is not None:
        return why
    tail = subject.split(":", 1)[-1]
    number = int(tail) if tail.isdigit() else 0
    by_kind: dict[str, Callable[[], Notice | str]] = {
        "meeting-start": lambda: notices.meeting_start(ctx, number, instance),
        "meeting": lambda: notices.meeting_ahead(ctx, number, instance),
        "apologies": lambda: apologies_reminder.apologies(ctx, number, instance),
        "chair-term": lambda: notices.term(ctx, number, kind, instance),
        "term": lambda: notices.term(ctx, number, kind, instance),
        "seat-vacant": lambda: notices.term(ctx, number, kind, instance),
        "chair-vacant": lambda: notices.term(ctx, number, kind, instance),
        "deputy-lapse": lambda: notices.deputy_lapse(ctx, number),
        "review": lambda: notices.review(ctx, dt.date.fromisoformat(instance)),
        "report": lambda: notices.report(ctx, dt.date.fromisoformat(instance)),
        "end": lambda: notices.ending(ctx),
        "poll": lambda: notices.poll_reminder(ctx, number, instance),
        "absences": lambda: notices.absences(ctx, number),
        "cadence": lambda: cadence.cadence_notice(ctx, instance),
        "overrun": lambda: cadence.overrun_notice(ctx, number, instance),
    }
    for prefix, make in by_kind.items():
        if kind == prefix or kind.startswith(prefix + "-"):
            return make()
    return f"no notice is known for reminders of kind {kind}"


def for_recipient(ctx: Context, notice: Notice | str, recipient_id: int | None) -> Reply | str:
    """The reply to send to one recipient (None: the group's channel), or why it is no longer for them."""
    if isinstance(notice, str):
        return notice
    if recipient_id is not None and notice.people and recipient_id not in notice.people:
        return "it no longer concerns this person (they have answered, or left)"
    return Reply(notice.text_for(recipient_id), title=notice.title, quoted=notice.quoted)


def stored(reply: Reply) -> dict[str, Any]:
    """A reply as the outbox keeps it (JSON)."""
    return {"text": reply.text, "title": reply.title, "fields": [list(f) for f in reply.fields],
            "buttons": [[b.label, b.payload, b.style] for b in reply.buttons],
            "subject": reply.subject.key if reply.subject else None, "notices": list(reply.notices),
            "link": list(reply.link) if reply.link else None, "error": reply.error, "version": reply.version,
            "quoted": list(reply.quoted)}


def stored_button(label: str, payload: str, style: str) -> Button | None:
    """A button as the outbox kept it: its payload is a typed command's JSON, or in a row queued before buttons
    carried typed commands, its text. A payload no longer read as a command is dropped, not sent broken."""
    try:
        return Button(label, decode(payload), style)
    except DomainError:
        return None


def restored(data: dict[str, Any]) -> Reply:
    return Reply(str(data["text"]), title=data.get("title"),
                 fields=tuple((str(label), str(value)) for label, value in data.get("fields", ())),
                 buttons=tuple(button for label, payload, style in data.get("buttons", ())
                               if (button := stored_button(str(label), str(payload), str(style))) is not None),
                 subject=from_key(data.get("subject")), notices=tuple(str(n) for n in data.get("notices") or ()),
                 link=(str(link[0]), str(link[1])) if (link := data.get("link")) else None,
                 error=bool(data.get("error")), quoted=tuple(str(q) for q in data.get("quoted") or ()),
                 version=int(version) if (version := data.get("version")) is not None else None)


def queue_post(session: Session, group_id: int, key: str, reply: Reply, now: dt.datetime, *,
               channel_binding_id: int | None = None, recipient_id: int | None = None, kind: str = POST,
               expires_at: dt.datetime | None = None) -> bool:
    """Queue a prepared reply for the outbox to deliver as it is, once under `key`, to a bound channel or a
    person. Returns False when the key was queued already."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return False
    row = {"key": key, "group_id": group_id, "kind": kind, "title": reply.title, "text": reply.as_text()[:20_000],
           "reply": stored(reply), "composed": False, "due_at": now, "next_attempt_at": now, "expires_at": expires_at,
           "status": "queued", "attempts": 0, "channel_binding_id": channel_binding_id, "recipient_id": recipient_id}
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    result = session.execute(insert(OutboxMessage).values(**row).on_conflict_do_nothing(index_elements=["key"]))
    return bool(getattr(result, "rowcount", 1))
