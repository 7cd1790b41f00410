"""Registers in chat: the attendance register of a group, with runs of absences flagged."""

from __future__ import annotations

from bot.records import registers
from bot.replies import Reply
from bot.services.context import Context
from bot.verbs import AttendanceRegister

SHORT = {"present": "P", "deputised": "D", "apologies": "Ap", "absent": "A", "": "–"}


def attendance_register(ctx: Context, cmd: AttendanceRegister) -> Reply:
    """Each member's attendance at the meetings held, oldest first (P present, D deputised, Ap apologies, A absent)."""
    table = registers.attendance(ctx.session, ctx.group)
    if not table.rows:
        return Reply(f"{ctx.terms.name} has held no meetings yet, so the attendance register is empty.", private=True)
    meetings = len(table.headers) - 3
    fields = []
    for row in table.rows:
        marks = " ".join(SHORT.get(cell.split(" ")[0], "?") for cell in row[1:1 + meetings])
        flag = f" — {row[-1]}" if row[-1] else ""
        fields.append((row[0], marks + flag))
    columns = ", ".join(table.headers[1:1 + meetings])
    return Reply(f"Attendance at {columns} (P present, D deputised, Ap apologies, A absent, – not a member then):",
                 title=table.title, fields=tuple(fields), private=True)
