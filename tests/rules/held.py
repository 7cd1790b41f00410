"""A seat held, as the pure rules read it: any object with these attributes will do (bot.models.Membership is the
record's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.terms import Terms, parse_terms

TODAY = dt.date(2026, 12, 1)
YESTERDAY = TODAY - dt.timedelta(days=1)

BOARD = """
name: Board
short_name: board
seats:
  - {title: Chair, role: chair}
  - {title: Treasurer, organisation: Barnet}
  - {title: Member A, organisation: Barnet}
  - {title: Member B, organisation: Camden}
  - {title: Adviser, role: co_opted, voting: false}
  - {title: Observer, role: observer, voting: false}
  - {title: Clerk, role: secretariat, voting: false}
"""


@dataclass(frozen=True, eq=False)
class Held:
    person_id: int
    seat_title: str
    role: str = "member"
    term_ends_on: dt.date | None = None
    chair_term_ends_on: dt.date | None = None


def board(extra: str = "") -> Terms:
    return parse_terms(BOARD + extra)
