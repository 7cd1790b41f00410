"""`govbot` subcommands for reminders: `tick` (one derive-and-deliver pass) and `reminders` (what is queued,
sent, set aside or failed)."""

from __future__ import annotations

import argparse
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.db import make_engine, session_factory, upgrade
from bot.models import Group, OutboxMessage, ReminderPlan
from bot.settings import get_settings

# The group's terms and the calendar's wording load in `govbot reminders`, not on every `govbot` start
# (govbot/cli_records.py).

SHOWN = 30
SECTIONS = (("failed", "Not delivered"), ("queued", "Queued"), ("sent", "Sent"),
            ("expired", "Set aside, not sent"))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to the `govbot` parser."""
    once = sub.add_parser("tick", help="run one pass of the scheduler: queue what is due and deliver it")
    once.add_argument("--now", help="the time of the pass (ISO 8601; default: now)")
    once.add_argument("--dry-run", action="store_true", help="show what would be queued; change nothing")
    once.set_defaults(func=cmd_tick)
    listing = sub.add_parser("reminders", help="list queued, sent, set-aside and failed reminders")
    listing.add_argument("--group", help="only this group (its short name)")
    listing.add_argument("--acknowledge", action="store_true",
                         help="mark the failed reminders listed as seen, so they are pruned with the sent ones")
    listing.set_defaults(func=cmd_reminders)


def cmd_tick(args: argparse.Namespace) -> int:
    from govbot import collector
    from govbot.cli import parse_instant
    from govbot.wiring import notifiers  # the platforms' notifiers and the scheduler load for a pass, not for
    from scheduler.runner import database_time, tick  # every `govbot` command

    upgrade(args.db)
    engine = make_engine(args.db)
    settings = get_settings()
    sessions = session_factory(engine)
    # Without --now, the pass reckons what is due by the database's clock, which every replica shares.
    now = parse_instant(args.now) if args.now else database_time(sessions)
    collector.settle()
    result = tick(sessions, notifiers(settings, engine), now, dry_run=args.dry_run,
                  retention=dt.timedelta(days=settings.reminder_retention_days))
    derived, delivered = result.derived, result.delivered
    verb = "would queue" if args.dry_run else "queued"
    print(f"Pass at {now.isoformat()}: {verb} {len(derived.queued)}, set aside {len(derived.set_aside)}"
          + (f"; sent {len(delivered.sent)}, retrying {len(delivered.retrying)}, failed {len(delivered.failed)}"
             if delivered else " (dry run: nothing was changed)") + ".")
    for key in derived.queued:
        print(f"  {verb} {key}")
    for key, why in derived.set_aside:
        print(f"  set aside {key}: {why}")
    if delivered:
        for key, why in delivered.retrying + delivered.failed:
            print(f"  not delivered {key}: {why}")
    return 0


def zone_of(session: Session, group_id: int, cache: dict[int, ZoneInfo]) -> ZoneInfo:
    from bot.services.context import group_terms

    if group_id not in cache:
        group = session.get(Group, group_id)
        cache[group_id] = group_terms(group).zone if group else ZoneInfo("UTC")
    return cache[group_id]


def describe(message: OutboxMessage, zone: ZoneInfo) -> str:
    from bot.rules.calendar import show

    what = f"{message.key} — {message.title or message.kind}"
    if message.status == "sent" and message.sent_at:
        return f"{what}, sent {show(message.sent_at, zone)}"
    if message.status == "queued":
        retry = f", attempt {message.attempts + 1} at {show(message.next_attempt_at, zone)}" if message.attempts else ""
        error = f" (last error: {message.last_error})" if message.last_error else ""
        return f"{what}, due {show(message.due_at, zone)}{retry}{error}"
    return f"{what}: {message.last_error}"


def acknowledge(session: Session, group: Group | None) -> None:
    """Failed reminders are kept until someone has seen them: then they are pruned after the retention."""
    seen = update(OutboxMessage).where(OutboxMessage.status == "failed").values(status="acknowledged")
    if group is not None:
        seen = seen.where(OutboxMessage.group_id == group.id)
    count = getattr(session.execute(seen), "rowcount", 0)
    session.commit()
    print(f"\nAcknowledged {count} failed reminder{'s' if count != 1 else ''}: they are pruned after the retention.")


def cmd_reminders(args: argparse.Namespace) -> int:
    from bot.rules.calendar import show
    from bot.services.groups import group_named

    upgrade(args.db)
    sessions = session_factory(make_engine(args.db))
    zones: dict[int, ZoneInfo] = {}
    with sessions() as session:
        group = group_named(session, args.group) if args.group else None
        print(f"Reminders of {group.name} ({group.short_name}):" if group else "Reminders of every group:")
        for status, heading in SECTIONS:
            query = select(OutboxMessage).where(OutboxMessage.status == status)
            if group is not None:
                query = query.where(OutboxMessage.group_id == group.id)
            rows = session.scalars(query.order_by(OutboxMessage.due_at.desc()).limit(SHOWN + 1)).all()
            if rows:
                print(f"\n{heading}:")
                for row in rows[:SHOWN]:
                    mark = "  ! " if status == "failed" else "  "
                    print(mark + describe(row, zone_of(session, row.group_id, zones)))
                if len(rows) > SHOWN:
                    print(f"  … and more; the newest {SHOWN} are shown")
        if args.acknowledge:
            acknowledge(session, group)
        upcoming = select(ReminderPlan).order_by(ReminderPlan.due_at).limit(10)
        if group is not None:
            upcoming = upcoming.where(ReminderPlan.group_id == group.id)
        planned = session.scalars(upcoming).all()
        if planned:
            print("\nPlanned next:")
            for plan in planned:
                print(f"  {plan.occurrence}, due {show(plan.due_at, zone_of(session, plan.group_id, zones))}")
        else:
            print("\nNothing planned yet: `govbot tick` plans and queues what the record implies.")
    return 0
