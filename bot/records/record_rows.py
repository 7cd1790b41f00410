"""The decision rows checked against the digests the audit chain holds for them: edits, deletions, insertions."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.sealed_rows import SEALED, digests, key


def row_name(row_key: str) -> str:
    table, row_id = row_key.split("/", 1)
    return f"row {row_id} of {table}"


def row_problems(session: Session, sealed: dict[str, tuple[str | None, int]]) -> list[tuple[str, int | None]]:
    """Every decision row whose content is not what the chain's newest digest for it says, named, with the audit
    event concerned: edited (digests differ), inserted (no digest, or sealed as deleted) or deleted (no row)."""
    problems: list[tuple[str, int | None]] = []
    present: set[str] = set()
    for table in sorted(SEALED):
        for row_id, digest in digests(session, table):
            row_key = key(table, row_id)
            present.add(row_key)
            expected, event_id = sealed.get(row_key, (None, None))
            if expected is None:
                problems.append((f"{row_name(row_key)} was inserted outside the bot: no audit event records it",
                                 None))
            elif expected != digest:
                problems.append((f"{row_name(row_key)} was edited outside the bot: it no longer matches the digest "
                                 f"audit event {event_id} recorded", event_id))
    for row_key, (expected, event_id) in sorted(sealed.items()):
        if expected is not None and row_key not in present:
            problems.append((f"{row_name(row_key)} was deleted outside the bot: audit event {event_id} recorded it",
                             event_id))
    return problems
