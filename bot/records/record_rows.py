"""The decision rows checked against the digests the audit chain holds for them: edits, deletions, insertions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Group, Meeting, Poll
from bot.sealed_rows import SEALED, digests, key, open_secret_tallies

# What a row is, in the words of its group's record, for the tables that point at a poll or a meeting.
UNDER_POLL = {"poll_options": "an option of", "ballots": "a ballot in", "secret_voters": "a voter in",
              "secret_tallies": "a tally of"}
UNDER_MEETING = {"attendance": "attendance at", "approved_minutes": "the approved minutes of",
                 "interests": "a declaration for", "deputy_nominations": "a deputy nomination for"}


def numbered(session: Session, model: type[Poll] | type[Meeting], row_id: int | None) -> str | None:
    """`poll 3 of cjcg` or `meeting 2 of cjcg`, or None when the row is gone."""
    if row_id is None:
        return None
    found = session.execute(select(model.number, Group.short_name).join(Group, Group.id == model.group_id)
                            .where(model.id == row_id)).first()
    kind = "poll" if model is Poll else "meeting"
    return f"{kind} {found.number} of {found.short_name}" if found else None


def row_name(session: Session, row_key: str) -> str:
    """`row 12 of ballots (a ballot in poll 3 of cjcg)`: the table and id, and what it is where that can be read."""
    table, row_id = row_key.split("/", 1)
    plain = f"row {row_id} of {table}"
    source = SEALED[table]
    what: str | None = None
    if table in ("polls", "meetings"):
        what = numbered(session, Poll if table == "polls" else Meeting, int(row_id))
    elif table in UNDER_POLL or table in UNDER_MEETING:
        column = source.c.poll_id if table in UNDER_POLL else source.c.meeting_id
        parent = session.scalar(select(column).where(source.c.id == int(row_id)))
        named = numbered(session, Poll if table in UNDER_POLL else Meeting, parent)
        what = f"{(UNDER_POLL | UNDER_MEETING)[table]} {named}" if named else None
    return f"{plain} ({what})" if what else plain


def row_problems(session: Session, sealed: dict[str, tuple[str | None, int]]) -> list[tuple[str, int | None]]:
    """Every decision row whose content is not what the chain's newest digest for it says, named, with the audit
    event concerned: edited (digests differ), inserted (no digest, or sealed as deleted) or deleted (no row)."""
    problems: list[tuple[str, int | None]] = []
    present: set[str] = set()
    # An open secret poll's running tallies are sealed only when it closes (see sealed_rows.secret_tallies).
    unsealed = {key("secret_tallies", row_id) for row_id in open_secret_tallies(session)}
    for table in sorted(SEALED):
        for row_id, digest in digests(session, table):
            row_key = key(table, row_id)
            present.add(row_key)
            if row_key in unsealed:
                continue
            expected, event_id = sealed.get(row_key, (None, None))
            if expected is None:
                problems.append((f"{row_name(session, row_key)} was inserted outside the bot: no audit event "
                                 "records it", None))
            elif expected != digest:
                problems.append((f"{row_name(session, row_key)} was edited outside the bot: it no longer matches "
                                 f"the digest audit event {event_id} recorded", event_id))
    for row_key, (expected, event_id) in sorted(sealed.items()):
        if expected is not None and row_key not in present:
            problems.append((f"{row_name(session, row_key)} was deleted outside the bot: audit event {event_id} "
                             "recorded it", event_id))
    return problems
