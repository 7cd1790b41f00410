"""A meeting's card as the channel sees it now, to refresh a posted meeting card when the roll call, the quorum or
the meeting's state changes (bot.services.record_cards). Its buttons follow the state: apologies before the
meeting, the roll call while it is open, none once it is closed or cancelled."""

from __future__ import annotations

from bot.models import Meeting, Person
from bot.refs import MeetingRef
from bot.replies import Button, Reply
from bot.rules.calendar import show
from bot.services import roll_summary
from bot.services.context import Context
from bot.services.guest_invites import invited_field
from bot.services.meetings import ROLL_CALL_BUTTONS, opening_words
from bot.verbs_meeting import Apologies


def meeting_card(ctx: Context, meeting: Meeting) -> Reply:
    """The card of `meeting`, as everyone in the group's channel sees it."""
    subject, name = MeetingRef(meeting.id), ctx.terms.name
    when = ("When", show(meeting.starts_at, ctx.terms.zone))
    if meeting.status == "open":
        # The roll of an open meeting ends with its quorum; the card leads with it, as the opening did.
        fields = roll_summary.summary(ctx, meeting)
        return Reply(opening_words(ctx),
                     title=f"Meeting {meeting.number} of {name} is open",
                     fields=(*(f for f in fields if f[0] == "Quorum"), *(f for f in fields if f[0] != "Quorum")),
                     buttons=ROLL_CALL_BUTTONS, subject=subject)
    if meeting.status == "scheduled":
        # the apologies already sent (and deputies coming), as the roll lists them once the meeting opens
        fields = (when, *scheduled_fields(ctx, meeting), *roll_summary.summary(ctx, meeting),
                  *invited_field(ctx, meeting))
        return Reply(f"Meeting {meeting.number} scheduled.", title=f"{name}: meeting {meeting.number}",
                     fields=fields, buttons=(Button("Send apologies", Apologies(meeting=meeting.number)),),
                     subject=subject, quoted=(meeting.place,) if meeting.place else ())
    return Reply(f"Meeting {meeting.number} is {meeting.status}.",
                 title=f"{name}: meeting {meeting.number} {meeting.status}",
                 fields=(when, *roll_summary.summary(ctx, meeting)) if meeting.status == "closed" else (when,),
                 subject=subject)


def scheduled_fields(ctx: Context, meeting: Meeting) -> list[tuple[str, str]]:
    """Where, how long, and who chairs and takes the minutes, as `meeting schedule` showed them."""
    fields = [("Where", meeting.place)] if meeting.place else []
    if ctx.terms.meetings.max_minutes:
        fields.append(("Length", ctx.terms.meetings.cited(f"at most {ctx.terms.meetings.max_minutes} minutes")))
    for label, person_id in (("Chair", meeting.chair_id), ("Minutes", meeting.minute_taker_id)):
        person = ctx.session.get(Person, person_id) if person_id else None
        if person is not None:
            fields.append((label, person.display_name))
    return fields
