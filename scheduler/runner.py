"""APScheduler wiring: one periodic derive job and one delivery job, never one job per reminder.

The jobs keep no state of their own (the plan and the outbox are in the database), so a restart loses
nothing, and several replicas can run them over one PostgreSQL database.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.ports import Notifier
from scheduler import outbox
from scheduler.delivery import Delivered, deliver
from scheduler.due import Derived, derive, request_changed

logger = logging.getLogger(__name__)

DERIVE_EVERY = dt.timedelta(minutes=1)
MAX_AHEAD = dt.timedelta(minutes=2)  # a replica further ahead of the database's clock does not deliver
RETENTION = dt.timedelta(days=90)  # sent and set-aside messages are kept this long (REMINDER_RETENTION_DAYS)
DELIVER_EVERY = dt.timedelta(seconds=15)
# A late run (the machine slept, a pass ran long) still runs, once: the defaults (1 s grace, no coalescing)
# would drop it or run it repeatedly. Nothing is lost either way, but a dropped run delays every reminder.
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


@dataclass
class Tick:
    """One derive-and-deliver pass: what was queued or set aside, and what was sent, retried or failed."""

    now: dt.datetime
    derived: Derived
    delivered: Delivered | None


def tick(sessions: sessionmaker[Session], notifiers: Mapping[str, Notifier], now: dt.datetime, *,
         dry_run: bool = False, retention: dt.timedelta = RETENTION) -> Tick:
    """Derive what is due at `now`, queue it and deliver it. With `dry_run`, derive only and roll it all back
    (nothing queued, sent or closed), to show what a pass would do."""
    if dry_run:
        with sessions() as session, session.begin():
            derived = derive(session, now, limit=10_000)
            session.rollback()
        return Tick(now, derived, None)
    return Tick(now, derive_all(sessions, now, retention), deliver_all(sessions, notifiers, now))


def derive_all(sessions: sessionmaker[Session], now: dt.datetime, retention: dt.timedelta = RETENTION) -> Derived:
    """Derive passes until nothing due is left: each pass is bounded, and its own short transaction. Then prune
    what was settled longer than `retention` ago."""
    with unit_of_work(sessions) as session:
        request_changed(session, now)
    with unit_of_work(sessions) as session:
        derived = derive(session, now)
    while derived.more:
        with unit_of_work(sessions) as session:
            derived = derived.add(derive(session, now))
    with unit_of_work(sessions) as session:
        derived.pruned = outbox.prune(session, now, retention)
    return derived


def deliver_all(sessions: sessionmaker[Session], notifiers: Mapping[str, Notifier], now: dt.datetime,
                clock: Callable[[], dt.datetime] | None = None) -> Delivered:
    delivered = deliver(sessions, notifiers, now, clock=clock)
    while delivered.full:
        delivered = delivered.add(deliver(sessions, notifiers, now, clock=clock))
    return delivered


def derive_job(sessions: sessionmaker[Session], clock: Callable[[], dt.datetime], retention: dt.timedelta,
               max_ahead: dt.timedelta | None = MAX_AHEAD) -> Derived:
    """A derive pass by the database's clock, which every replica shares: a replica whose own clock runs fast
    closes no poll and queues no reminder early. With `max_ahead` None, `clock` is a simulated one and is used."""
    derived = derive_all(sessions, clock() if max_ahead is None else database_time(sessions), retention)
    if derived.queued or derived.set_aside:
        logger.info("queued %d reminders, set aside %d", len(derived.queued), len(derived.set_aside))
    return derived  # for the scheduler's listeners (metrics)


def database_time(sessions: sessionmaker[Session]) -> dt.datetime:
    """The database server's clock (PostgreSQL's `now()`; SQLite's CURRENT_TIMESTAMP, in UTC)."""
    with sessions() as session:
        value = session.scalar(select(func.now()))
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, dt.datetime)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def clock_ahead(now: dt.datetime, database: dt.datetime, bound: dt.timedelta) -> bool:
    """Whether this replica's clock is ahead of the database's by more than `bound`: it would send reminders early
    (and take messages other replicas leased), so it refuses to deliver and says why."""
    ahead = now - database
    if ahead <= bound:
        return False
    logger.error("not delivering reminders: this replica's clock (%s) is %d s ahead of the database's, more than "
                 "the %d s allowed; synchronise its clock (NTP)", now.isoformat(timespec="seconds"),
                 ahead.total_seconds(), bound.total_seconds())
    return True


def deliver_job(sessions: sessionmaker[Session], notifiers: Mapping[str, Notifier],
                clock: Callable[[], dt.datetime], max_ahead: dt.timedelta | None = MAX_AHEAD) -> Delivered | None:
    """A delivery pass: refused, and logged, on a replica whose clock is ahead of the database's by more than
    `max_ahead`; else by the database's clock (leases renewed on it too). With `max_ahead` None, `clock` is used."""
    now = clock()
    if max_ahead is not None:
        database = database_time(sessions)
        if clock_ahead(now, database, max_ahead):
            return None
        offset, own = database - now, clock
        now, clock = database, (lambda: own() + offset)
    delivered = deliver_all(sessions, notifiers, now, clock)
    if delivered.sent or delivered.failed:
        logger.info("sent %d reminders, %d failed", len(delivered.sent), len(delivered.failed))
    return delivered  # for the scheduler's listeners (metrics)


def start(sessions: sessionmaker[Session], notifiers: Mapping[str, Notifier],
          clock: Callable[[], dt.datetime], retention: dt.timedelta = RETENTION,
          max_ahead: dt.timedelta | None = MAX_AHEAD) -> BackgroundScheduler:
    """Start the derive and delivery jobs in a background thread; the caller shuts the scheduler down."""
    scheduler = BackgroundScheduler(timezone=dt.UTC, job_defaults=JOB_DEFAULTS)
    # APScheduler fires on the machine's clock; `clock` only says what time the jobs believe it is.
    first = dt.datetime.now(dt.UTC)
    scheduler.add_job(derive_job, "interval", seconds=DERIVE_EVERY.total_seconds(),
                      args=(sessions, clock, retention, max_ahead),
                      id="reminders-derive", next_run_time=first, replace_existing=True)
    scheduler.add_job(deliver_job, "interval", seconds=DELIVER_EVERY.total_seconds(),
                      args=(sessions, notifiers, clock, max_ahead), id="reminders-deliver",
                      next_run_time=first + dt.timedelta(seconds=2), replace_existing=True)
    scheduler.start()
    return scheduler
