"""`govbot` subcommands for the records: minutes, exports, calendar and data rights."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.db import make_engine, session_factory, unit_of_work, upgrade
from bot.errors import UsageError
from bot.records.tables import FORMATS
from bot.settings import get_settings

if TYPE_CHECKING:
    from bot.models import Group

# The record's readers (bot.records, bot.services) load in the command that reads with them: every `govbot` start
# importing them all cost ~0.15 s of CPU, in `govbot db upgrade` (each replica's migrate job) too. So `--what` names
# the registers here; tests/test_cli.py holds this to bot.records.registers.REGISTERS.
REGISTER_NAMES = ("interests", "attendance", "members", "decisions")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextmanager
def record(args: argparse.Namespace) -> Iterator[Session]:
    upgrade(args.db)
    engine = make_engine(args.db)
    try:
        with unit_of_work(session_factory(engine)) as session:
            yield session
    finally:
        engine.dispose()


def emit(args: argparse.Namespace, content: str | bytes, what: str) -> None:
    """Write to --out (saying so on stderr) or to standard output."""
    out = getattr(args, "out", None)
    if out:
        path = Path(out)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
        print(f"Wrote {what} to {path}.", file=sys.stderr)
    elif isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(content)


def cmd_minutes(args: argparse.Namespace) -> int:
    from bot.records.meeting_record import find_meeting
    from bot.records.minutes_file import minutes_file  # python-docx and lxml: ~0.2 s that other commands never need
    from bot.services.groups import group_named

    if args.format == "docx" and not args.out:
        raise UsageError("A Word document cannot go to the terminal; add --out minutes.docx.")
    with record(args) as session:
        group = group_named(session, args.group)
        filed = minutes_file(session, group, find_meeting(session, group, args.meeting))
    state = "approved" if filed.approved else "draft"
    emit(args, filed.as_docx() if args.format == "docx" else filed.text,
         f"the {state} minutes of meeting {filed.number}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.records import data_rights, registers
    from bot.rules.calendar import parse_date
    from bot.services.groups import group_named

    with record(args) as session:
        group = group_named(session, args.group)
        if args.what == "interests" and (args.person or args.since):
            person = data_rights.find_person(session, args.person).id if args.person else None
            since = parse_date(args.since, now().date()) if args.since else None
            table = registers.interests(session, group, person, since)
        elif args.person or args.since:
            raise UsageError("--person and --since filter the interests register only.")
        else:
            table = registers.register(session, group, args.what)
    emit(args, FORMATS[args.format](table), f"the {args.what} register")
    return 0


def feed_url(base: str, group: Group, token: str) -> str:
    return f"{base.rstrip('/')}/calendar/{group.short_name}.ics?token={token}"


def cmd_calendar(args: argparse.Namespace) -> int:
    from bot.records import calendar_feed  # icalendar, for this command (and govbot run's feed) alone
    from bot.services.groups import group_named

    with record(args) as session:
        group = group_named(session, args.group)
        if args.url or args.rotate:
            token = calendar_feed.feed_token(session, group, now(), rotate=args.rotate)
            base = args.base_url or f"http://localhost:{get_settings().port}"
            print(feed_url(base, group, token))
            return 0
        content = calendar_feed.feed(session, group, now())
    emit(args, content, "the calendar")
    return 0


def cmd_person_export(args: argparse.Namespace) -> int:
    from bot.records import data_rights

    with record(args) as session:
        held = data_rights.export_person(session, data_rights.find_person(session, args.person), now())
    emit(args, json.dumps(held, indent=2, default=str, ensure_ascii=False) + "\n", "everything held about them")
    return 0


def cmd_person_forget(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError(f"Forgetting {args.person} replaces their name everywhere with a pseudonym and deletes "
                         "their accounts; it cannot be undone. Export first (`govbot person export`), then run "
                         "again with --yes.")
    from bot.records import data_rights

    with record(args) as session:
        pseudonym = data_rights.forget_person(session, data_rights.find_person(session, args.person), now())
    print(f"{args.person} is forgotten: the record now shows {pseudonym}; their votes, attendance and declarations "
          "stand under that name.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to the `govbot` parser."""
    minutes = sub.add_parser("minutes", help="the minutes of a meeting: the approved text, else a draft")
    minutes.add_argument("--group", required=True, help="the group's short name")
    minutes.add_argument("--meeting", required=True, type=int, help="the meeting number")
    minutes.add_argument("--format", choices=("md", "docx"), default="md")
    minutes.add_argument("--out", help="write to this file (needed for docx)")
    minutes.set_defaults(func=cmd_minutes)
    export = sub.add_parser("export", help="a register as CSV or Markdown")
    export.add_argument("--group", required=True)
    export.add_argument("--what", required=True, choices=REGISTER_NAMES)
    export.add_argument("--format", choices=tuple(FORMATS), default="csv")
    export.add_argument("--person", help="interests: only this person's (@handle or platform:id)")
    export.add_argument("--since", help="interests: declared on or after this date")
    export.add_argument("--out")
    export.set_defaults(func=cmd_export)
    calendar = sub.add_parser("calendar", help="the group's calendar as ICS, or the URL of its feed")
    calendar.add_argument("--group", required=True)
    calendar.add_argument("--url", action="store_true", help="print the feed URL (issuing its secret token)")
    calendar.add_argument("--rotate", action="store_true", help="issue a new token; the old URL stops working")
    calendar.add_argument("--base-url", help="the bot's public address (default http://localhost:PORT)")
    calendar.add_argument("--out")
    calendar.set_defaults(func=cmd_calendar)
    person = sub.add_parser("person", help="data rights").add_subparsers(dest="person_command", required=True)
    person_export = person.add_parser("export", help="everything held about a person, as JSON")
    person_export.add_argument("person", help="@handle or platform:id")
    person_export.add_argument("--out")
    person_export.set_defaults(func=cmd_person_export)
    forget = person.add_parser("forget", help="pseudonymise a person; the formal record keeps the pseudonym")
    forget.add_argument("person", help="@handle or platform:id")
    forget.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    forget.set_defaults(func=cmd_person_forget)
