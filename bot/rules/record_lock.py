"""Approved minutes lock the record they state: nothing about that meeting changes afterwards. Pure, no I/O."""

from __future__ import annotations

import datetime as dt

from bot.rules.approval import approval_cited
from bot.terms import MinutesRule


def locked_refusal(rule: MinutesRule, number: int, approved_on: dt.date | None, doing: str) -> str | None:
    """Why `doing` is refused for meeting `number`, whose minutes were approved on `approved_on` (the group's
    date), citing the minutes clause and saying where it can be raised; None while the minutes are not approved."""
    if approved_on is None:
        return None
    day = approved_on.strftime("%d %b %Y").lstrip("0")
    return approval_cited(rule, f"The minutes of meeting {number} were approved on {day}, so its record is locked and "
                      f"{doing} is refused") + ". Raise it at a later meeting instead, where it is minuted in its " \
        "own right."
