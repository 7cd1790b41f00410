"""Registers in chat: the attendance register of a group, with runs of absences flagged."""

from __future__ import annotations

from bot.records import registers
from bot.replies import Reply
from bot.services.context import Context
from bot.verbs import AttendanceRegister


def attendance_register(ctx: Context, cmd: AttendanceRegister) -> Reply:
    """Each member's attendance at the meetings held, oldest first (P present, D deputised, Ap apologies, A absent;
    a deputy by the ToR's word: PLPCP's Alt, an alternate attended; none where the ToR has no deputies)."""
    table = registers.attendance(ctx.session, ctx.group)
    if not table.rows:
        return Reply(f"{ctx.terms.name} has held no meetings yet, so the attendance register is empty.", private=True)
    meetings = len(table.headers) - 3
    short = registers.marks(ctx.terms)
    fields, seen = [], set()
    for row in table.rows:
        statuses = [registers.status_of(cell, ctx.terms) for cell in row[1:1 + meetings]]
        seen.update(statuses)
        cells = " ".join(short[status] for status in statuses)
        flag = f" — {row[-1]}" if row[-1] else ""
        fields.append((row[0], cells + flag))
    columns = ", ".join(table.headers[1:1 + meetings])
    return Reply(f"Attendance at {columns} ({registers.key(ctx.terms, seen)}):", title=table.title,
                 fields=tuple(fields), private=True)

