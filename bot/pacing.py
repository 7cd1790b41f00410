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


def claiming(dialect: Any) -> Any:
    """One statement: take the turn (insert the channel, or move its time on if the pace has passed); returns a
    row only when the turn was taken. A replica claiming at the same moment waits for the other's row lock."""
    insert = dialect.insert(PACES).values(platform=bindparam("platform"), channel_id=bindparam("channel"),
                                          refreshed_at=bindparam("now"))
    return (insert.on_conflict_do_update(index_elements=["platform", "channel_id"],
                                         set_={"refreshed_at": insert.excluded.refreshed_at},
                                         where=PACES.c.refreshed_at <= bindparam("free_from"))
            .returning(PACES.c.refreshed_at))


CLAIM = {"postgresql": claiming(postgresql), "sqlite": claiming(sqlite)}
LAST = select(PACES.c.refreshed_at).where(PACES.c.platform == bindparam("platform"),
                                           PACES.c.channel_id == bindparam("channel"))


def take_turn(session: Session, platform: str, channel_id: str, now: dt.datetime, pace: dt.timedelta) -> float:
    """Claim the channel's turn to refresh at `now` (in this transaction): 0.0 when taken, else the seconds to
    wait before asking again (another replica refreshed less than `pace` ago)."""
    params = {"platform": platform, "channel": channel_id, "now": now, "free_from": now - pace}
    dialect = session.get_bind().dialect.name
    if session.execute(CLAIM.get(dialect, CLAIM["sqlite"]), params).first() is not None:
        return 0.0
    last = session.scalar(LAST, params)
    return max((last + pace - now).total_seconds(), 0.001) if last is not None else 0.001


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
