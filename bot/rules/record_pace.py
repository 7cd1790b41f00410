"""How many changes of record one member may make in a group, and when a member past that may go on.

A flood (thousands of declarations, each also posted to the channel) is no meeting's pace: the busiest member of a
90-minute meeting, a secretary minuting every item, makes about a hundred changes in it, and a secretary catching
up (twenty names marked present, an agenda typed in) a few dozen in a minute. The limits are several times that,
so a meeting run from a script is not held up either, and count changes (audit events), never reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """At most `limit` changes by one member in any `length`; `name` says the length in words."""

    limit: int
    length: dt.timedelta
    name: str


WINDOWS = (Window(120, dt.timedelta(minutes=1), "minute"), Window(1200, dt.timedelta(hours=1), "hour"))
LIMITS = " and ".join(f"{w.limit:,} changes a {w.name}" if i == 0 else f"{w.limit:,} an {w.name}"
                      for i, w in enumerate(WINDOWS))


def window_passed(made: dict[Window, int]) -> Window | None:
    """The window whose limit the member's changes in it (`made`, counting the one just asked for) go past, the
    longest first (its wait is the longer); None when every count is within its limit."""
    return next((w for w in reversed(WINDOWS) if made.get(w, 0) > w.limit), None)


def refusal(window: Window, group: str, again: str) -> str:
    """What the member reads: nothing was recorded, the limits, and from when (`again`, a time of day) the same
    command will be taken."""
    return (f"You have made {window.limit:,} changes to {group}'s record in the last {window.name}, so nothing was "
            f"recorded: govbot takes at most {LIMITS} from one member, more than any meeting needs. Send it again "
            f"at {again} or later.")
