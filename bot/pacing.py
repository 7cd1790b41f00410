"""One pace for a channel across every replica: a refresh claims the channel's turn in the record, or learns how
long until its turn comes. Platforms that rate-limit updates per channel (Slack: about one a second) use it; a
platform that paces every message (Teams) reserves the next free slot instead."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models_pacing import ChannelPace

PACES = cast(Table, ChannelPace.__table__)


# Take the turn where the pace has passed since the channel's last refresh: a row only when it was taken. A turn
# refused updates nothing, so it locks and writes nothing either: the transaction stays read-only, and its commit
# waits for no WAL flush. (An upsert whose update is refused still locks the row, so on PostgreSQL every turn refused
# to a second replica cost a transaction id and a flushed commit.) A replica updating at the same moment waits for
# the other's row lock, then finds the pace not passed.
TAKE = (update(PACES).where(PACES.c.platform == bindparam("of_platform"), PACES.c.channel_id == bindparam("channel"),
                            PACES.c.refreshed_at <= bindparam("free_from"))
        .values(refreshed_at=bindparam("now")).returning(PACES.c.refreshed_at))


def first(dialect: Any) -> Any:
    """The channel's first turn: its row, unless another replica inserted it first (then nothing is returned)."""
    return (dialect.insert(PACES).values(platform=bindparam("platform"), channel_id=bindparam("channel"),
                                         refreshed_at=bindparam("now"))
            .on_conflict_do_nothing(index_elements=["platform", "channel_id"]).returning(PACES.c.refreshed_at))


FIRST = {"postgresql": first(postgresql), "sqlite": first(sqlite)}
LAST = select(PACES.c.refreshed_at).where(PACES.c.platform == bindparam("platform"),
                                           PACES.c.channel_id == bindparam("channel"))


def take_turn(session: Session, platform: str, channel_id: str, now: dt.datetime, pace: dt.timedelta) -> float:
    """Claim the channel's turn to refresh at `now` (in this transaction): 0.0 when taken, else the seconds to
    wait before asking again (another replica refreshed less than `pace` ago)."""
    # An update may not name a parameter after a column it sets or reads ('platform'): TAKE's is `of_platform`.
    params = {"platform": platform, "of_platform": platform, "channel": channel_id, "now": now, "free_from": now - pace}
    if session.execute(TAKE, params).first() is not None:
        return 0.0
    last = session.scalar(LAST, params)
    if last is None:  # the channel's first refresh, unless another replica's came first
        if session.execute(FIRST.get(session.get_bind().dialect.name, FIRST["sqlite"]), params).first() is not None:
            return 0.0
        last = session.scalar(LAST, params)
    return max((last + pace - now).total_seconds(), 0.001) if last is not None else 0.001


# A refresh sent: the pace counts from when its call to the platform returned, not only from when its turn was taken.
# A replica whose call went out late (its thread held up after the turn) otherwise left the next replica's call less
# than a pace behind it at the platform's end. Only ever later: a turn taken meanwhile is not moved back.
SENT = (update(PACES).where(PACES.c.platform == bindparam("of_platform"), PACES.c.channel_id == bindparam("channel"),
                            PACES.c.refreshed_at < bindparam("now"))
        .values(refreshed_at=bindparam("now")))


def turn_over(session: Session, platform: str, channel_id: str, now: dt.datetime) -> None:
    """The refresh whose turn this was has been sent by `now` (in this transaction): the channel's next turn comes a
    pace after `now`."""
    session.execute(SENT, {"of_platform": platform, "channel": channel_id, "now": now})


def reserve_slot(session: Session, platform: str, channel_id: str, now: dt.datetime, step: dt.timedelta) -> float:
    """Reserve the channel's next free slot for one message (in this transaction) and return the seconds from
    `now` until it: 0.0 when the channel is free, else one `step` after the slot reserved last, by any replica.
    For a platform that queues messages at a rate (Teams: about seven a second in a conversation), its row holds
    the latest slot given out, which may lie in the future."""
    params = {"platform": platform, "channel": channel_id}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(PACES).values(platform=platform, channel_id=channel_id, refreshed_at=now - step)
                    .on_conflict_do_nothing(index_elements=["platform", "channel_id"]))
    last = session.scalar(LAST.with_for_update(), params)  # a second replica waits here for this one's slot
    slot = max(now, (last or now - step) + step)
    session.execute(update(PACES).where(PACES.c.platform == platform, PACES.c.channel_id == channel_id)
                    .values(refreshed_at=slot))
    return (slot - now).total_seconds()
