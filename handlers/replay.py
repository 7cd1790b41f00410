"""Clock lines in a replayed console transcript: `# at 2026-12-10 10:00` and `# after 90 minutes` move the time."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from bot.errors import UsageError
from bot.rules.calendar import local_to_utc, parse_date, parse_time

AT = re.compile(r"^#\s*at\s+(\d.*)$", re.IGNORECASE)
AFTER = re.compile(r"^#\s*after\s+(\d{1,4})\s+(minute|hour|day|week)s?\s*$", re.IGNORECASE)


def moved_clock(line: str, now: dt.datetime, zone: ZoneInfo) -> dt.datetime | None:
    """The time a clock line sets, or None for any other line (an ordinary comment).

    `# at 2026-12-10 10:00` is a wall-clock time in the group's `zone` (an ISO time with a zone, such as
    `2026-12-10T10:00Z`, is taken as it stands); `# after 90 minutes` moves on from `now`.
    Raises UsageError for a clock line whose time cannot be read, saying how to write it.
    """
    if match := AFTER.match(line.strip()):
        amount, unit = int(match.group(1)), match.group(2).casefold()
        return now + dt.timedelta(**{f"{unit}s": amount})
    if not (match := AT.match(line.strip())):
        return None
    text = match.group(1).strip()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None:
        return moment.astimezone(dt.UTC)
    parts = text.replace("T", " ").split()
    if len(parts) != 2:
        raise UsageError(f"'# at {text[:40]}' needs a date and a time: `# at 2026-12-10 10:00` (in the group's "
                         "time zone) or `# at 2026-12-10T10:00Z`.")
    return local_to_utc(parse_date(parts[0], now.astimezone(zone).date()), parse_time(parts[1]), zone, fold=0)
