"""People the record knows by a platform account alone: a seat holder a ToR file names `slack:USAM` who has not
spoken to govbot yet, whose name the record holds as that account's id until they do (bot/services/speakers.py)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bot.models import Identity, Person

UNNAMED = select(Identity.external_id).join(Person, Person.id == Identity.person_id).where(
    Identity.platform == bindparam("platform"), Identity.external_id.in_(bindparam("words", expanding=True)),
    Person.display_name == Identity.external_id)
BATCH = 500  # words asked about in one statement: SQLite bounds a statement's parameters


def unnamed_accounts(session: Session, platform: str, words: Iterable[str]) -> frozenset[str]:
    """Which of `words` are accounts on `platform` of people the record names by that account's id alone (so a
    platform able to show a person by their account can show their name instead). Reads only."""
    wanted, found = sorted(set(words)), set[str]()
    for start in range(0, len(wanted), BATCH):
        found.update(session.scalars(UNNAMED, {"platform": platform, "words": wanted[start:start + BATCH]}))
    return frozenset(found)
