"""A synthetic record of many groups, bulk-inserted with core inserts, for the benchmark and the replica test.

Each group has a chair and members (some terms end soon), a bound console channel, meetings spread over
`meeting_days`, an open poll, and a ToR review falling due somewhere in the next month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert

from bot.models import ChannelBinding, Group, Identity, Meeting, Membership, Person, Poll, PollOption
from bot.terms_stored import stored

LONDON = ZoneInfo("Europe/London")
TOR = """name: Synthetic board {n}
short_name: g{n}
timezone: Europe/London
adopted_on: {adopted}
seats:
  - {{title: Chair, role: chair, clause: "3.1"}}
{seats}
chair: {{chosen: named, term_months: 12, clause: "3.1"}}
quorum: {{min_present: 3, clause: "6.4"}}
meetings: {{every_months: 1, clause: "6.1"}}
interests: {{declare_at_start: true, clause: "6.5"}}
review: {{first_after_months: 12, then_every_months: 12, clause: "8.1"}}
"""
BATCH = 5000


def chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def seed(connection: Connection, *, groups: int, seats: int, start: dt.datetime, meetings: int = 1,
         meeting_days: int = 30) -> None:
    """Insert `groups` groups of `seats` seats each (ids from 1), as of `start`."""
    today = start.astimezone(LONDON).date()
    member_seats = "\n".join(f"  - {{title: Seat {s}, term_months: 12, clause: \"3.2\"}}" for s in range(1, seats))
    rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in (Group, Person, Identity, Membership, ChannelBinding,
                                                             Meeting, Poll, PollOption)}
    created = start - dt.timedelta(days=400)
    for g in range(1, groups + 1):
        adopted = today - dt.timedelta(days=365 - g % 30)
        tor = TOR.format(n=g, adopted=adopted, seats=member_seats)
        digest, json = stored(tor, f"g{g}")  # as an import, or migration 0016 for a group imported before, keeps it
        rows[Group].append({"id": g, "short_name": f"g{g}", "name": f"Synthetic board {g}", "created_at": created,
                            "terms_yaml": tor, "terms_digest": digest, "terms_json": json})
        rows[ChannelBinding].append({"id": g, "platform": "console", "channel_id": f"g{g}", "group_id": g,
                                     "bound_at": created, "confidentiality_warned": False})
        for s in range(seats):
            person = (g - 1) * seats + s + 1
            rows[Person].append({"id": person, "display_name": f"p{person}", "forgotten": False})
            rows[Identity].append({"id": person, "person_id": person, "platform": "console",
                                   "external_id": f"p{person}", "handle": f"p{person}"})
            ends = today + dt.timedelta(days=(g * 7 + s * 53) % 365 + 1)
            rows[Membership].append({"id": person, "group_id": g, "person_id": person, "role": "chair" if s == 0
                                     else "member", "seat_title": "Chair" if s == 0 else f"Seat {s}",
                                     "term_starts_on": ends.replace(year=ends.year - 1),
                                     "term_ends_on": None if s == 0 else ends,
                                     "chair_term_ends_on": ends if s == 0 else None})
        for m in range(meetings):
            day = today + dt.timedelta(days=(g + m * meeting_days // max(meetings, 1)) % meeting_days + 2)
            moment = dt.datetime.combine(day, dt.time(10, 0), tzinfo=LONDON).astimezone(dt.UTC)
            rows[Meeting].append({"id": (g - 1) * meetings + m + 1, "group_id": g, "number": m + 1,
                                  "starts_at": moment, "status": "scheduled"})
        closes = dt.datetime.combine(today + dt.timedelta(days=g % 25 + 2), dt.time(12, 0), tzinfo=LONDON)
        rows[Poll].append({"id": g, "group_id": g, "number": 1, "kind": "poll", "question": f"Venue for board {g}?",
                           "secret": False, "multi": False, "status": "open", "proposed_by_id": (g - 1) * seats + 1,
                           "proposed_at": created, "opened_at": created, "closes_at": closes.astimezone(dt.UTC)})
        rows[PollOption] += [{"id": 2 * g - 1, "poll_id": g, "position": 1, "label": "Town hall"},
                             {"id": 2 * g, "poll_id": g, "position": 2, "label": "Library"}]
    for model, batch in rows.items():
        for chunk in chunks(batch):
            connection.execute(insert(model), chunk)
    if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
        for model in rows:
            table = model.__tablename__
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))")
