"""What a meeting's reminder says of how the ToR has it held: online and at most so many minutes (CSCPWG
Operation, "meet virtually for meetings of no more than 90 minutes"), and that it is to elect the chair while the
group awaits one (CSCPWG Governance, "will elect a chair at its first meeting"), as the scheduling reply does."""

from __future__ import annotations

from bot.models import Meeting
from bot.rules.cadence import where_words
from bot.rules.chair import awaited, awaiting_election
from bot.services.chair_vacated import chair_vacated
from bot.services.context import Context


def held_as(ctx: Context, meeting: Meeting) -> list[str]:
    """The lines, each citing its clause: where (online) when no place is given, the length, the chair's election."""
    rule, lines = ctx.terms.meetings, []
    online, _ = where_words(rule, meeting.place, meeting.number)
    if online:
        lines.append(f"Where: {online}.")
    if rule.max_minutes:
        lines.append(f"Length: {rule.cited(f'at most {rule.max_minutes} minutes')}.")
    if ctx.terms.chair.chosen == "elected" and awaiting_election(ctx.terms, ctx.memberships(), ctx.today):  # a read
        lines.append(awaited(ctx.terms, chair_vacated(ctx)) + ": the chair is to be elected at this meeting.")
    return lines
