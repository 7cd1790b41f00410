"""`govbot`: run the bot, the console, migrations and group imports."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys

from govbot import collector

with collector.paused():  # the imports below are most of the CPU of a short command (govbot/collector.py)
    from pydantic import ValidationError

    from bot.db import make_engine, session_factory, unit_of_work, upgrade
    from bot.errors import DomainError
    from bot.settings import get_settings
    from govbot import (
        bundled,
        cli_audit,
        cli_records,
        cli_reminders,
        cli_slack,
        cli_teams,
        logs,
    )

logger = logging.getLogger("govbot")
SCHEMA_WAIT_SECONDS = 300  # how long `govbot run` (MIGRATE_ON_START=false) waits for the migrate job


def default_group() -> str:
    """The ToR file `govbot run` opens in the console: DEFAULT_GROUP_FILE (by default the first example)."""
    return get_settings().default_group_file


def migrated(url: str) -> None:
    """`upgrade`, with the collector paused (govbot/collector.py): it is mostly importing Alembic and the
    migrations."""
    with collector.paused():
        upgrade(url)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    migrated(args.db)
    print(f"Database at {redact(args.db)} is up to date.")
    return 0


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_group_import(args: argparse.Namespace) -> int:
    with collector.paused():
        from bot.services.groups import import_group
        from handlers import console  # the chat core loads for the commands that chat or import, not for every one
    migrated(args.db)
    sessions = session_factory(make_engine(args.db))
    with unit_of_work(sessions) as session:
        group = import_group(session, read_tor_file(args.file), console.now_utc(), source=args.file,
                             folder=bundled.tor_file(args.file).parent)
        name = group.name
    print(f"Loaded {name} from {args.file}.")
    return 0


def read_tor_file(path: str) -> str:
    """The text of a ToR file; a missing or unreadable file is a polite error, not a traceback."""
    try:
        return bundled.tor_file(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise DomainError(f"Cannot read the ToR file {path} ({reason}). Give the path of a YAML file such as "
                          "examples/004-cjcg.yaml.") from None


def cmd_console(args: argparse.Namespace) -> int:
    with collector.paused():
        from bot.services.context import group_terms
        from bot.services.groups import bind_channel, import_group
        from handlers import console
        from handlers.console_terminal import Typed
    migrated(args.db)
    sessions = session_factory(make_engine(args.db))
    group_file = args.group
    speak_as = args.speak_as
    zone = console.LONDON
    with unit_of_work(sessions) as session:
        now = console.now_utc()
        if group_file:
            group = import_group(session, read_tor_file(group_file), now, source=str(group_file),
                                 folder=bundled.tor_file(group_file).parent)
            bind_channel(session, group, console.CHANNEL, now, actor_id=None)
            zone = group_terms(group).zone
            if speak_as is None:
                speak_as = default_speaker(group.terms_yaml)
    speak_as = speak_as or "chair"
    interactive = sys.stdin.isatty()
    if interactive:
        where = f" for {group_file}" if group_file else ""
        print(f"govbot console{where}. You are @{speak_as}; start a line with @name to speak as someone else.\n"
              "Say `help` for the commands; arrow keys recall earlier lines; Ctrl-D or Ctrl-C quits.")
    clock = console.now_utc
    if args.now:
        fixed = parse_instant(args.now)
        clock = lambda: fixed  # noqa: E731 - a fixed clock for replaying a recorded meeting
    lines = Typed(f"{speak_as}> ") if interactive else sys.stdin  # a terminal: line editing and history
    try:
        console.chat(sessions, lines, sys.stdout, speak_as=speak_as, interactive=interactive, clock=clock,
                     zone=zone)
    finally:
        if isinstance(lines, Typed):
            lines.close()
    return 0


def parse_instant(text: str) -> dt.datetime:
    """An ISO 8601 time; without a zone it is taken as UTC."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise DomainError(f"--now {text!r} is not an ISO time; write it as 2026-12-10T09:00Z.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def default_speaker(terms_yaml: str) -> str | None:
    """The console name of the group's chair (or first seat holder), so a newcomer can act at once."""
    from bot.terms import CHAIR_ROLES, parse_terms

    terms = parse_terms(terms_yaml)
    holders = [s for s in terms.seats if s.holder_id and ":" not in s.holder_id]
    chairs = [s for s in holders if s.role in CHAIR_ROLES]
    return (chairs or holders)[0].holder_id if holders else None


def cmd_run(args: argparse.Namespace) -> int:
    # Imported here: the web server (aiohttp, the platform SDKs' routes) is no part of the console or migrations,
    # and importing it cost every other command ~0.3 s.
    with collector.paused():
        from govbot import readiness, serve
        from handlers import console

    settings = get_settings()
    if serve.platforms(settings):
        engine = make_engine(args.db)
        if settings.migrate_on_start:
            migrated(args.db)  # under the migration lock: replicas starting together migrate once
        else:
            readiness.wait_for_schema(engine, SCHEMA_WAIT_SECONDS)
        collector.settle()
        serve.serve(settings, engine, console.now_utc)
        return 0
    group = default_group()
    print(f"No Slack or Teams settings found: starting the local console on {group}.")
    args.group, args.speak_as, args.now = group, None, None
    return cmd_console(args)


def parser() -> argparse.ArgumentParser:
    settings = get_settings()
    top = argparse.ArgumentParser(prog="govbot", description=__doc__)
    top.add_argument("--db", default=settings.database_url, help="database URL (default: DATABASE_URL or the "
                     "embedded SQLite file govbot.db)")
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run the bot: Slack or Teams when configured, else the local console").set_defaults(
        func=cmd_run)
    db = sub.add_parser("db", help="database").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="migrate the database to the newest schema").set_defaults(func=cmd_db_upgrade)
    group = sub.add_parser("group", help="groups").add_subparsers(dest="group_command", required=True)
    importer = group.add_parser("import", help="load or update a group from its ToR file")
    importer.add_argument("file")
    importer.set_defaults(func=cmd_group_import)
    chat = sub.add_parser("console", help="a local chat on standard input")
    chat.add_argument("--group", help="a ToR file: load it and bind the console channel to it")
    chat.add_argument("--as", dest="speak_as", help="who you speak as (default: the group's chair)")
    chat.add_argument("--now", help="a fixed time (ISO 8601) for every line, to replay a recorded meeting")
    chat.set_defaults(func=cmd_console)
    for area in (cli_reminders, cli_records, cli_audit, cli_slack, cli_teams):
        area.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    try:
        settings = get_settings()
    except ValidationError as error:
        print(settings_problem(error), file=sys.stderr)
        return 2
    args = parser().parse_args(argv)
    logs.configure(settings.log_level, settings.log_format)
    try:
        return int(args.func(args))
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"govbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C while a command runs: its transaction is rolled back whole
        print(file=sys.stderr)
        return 130


def settings_problem(error: ValidationError) -> str:
    """Which settings are wrong and why, naming each as it is set (never its value, which may be a secret)."""
    lines = [f"{'_'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
             for problem in error.errors()]
    return "These settings (in the environment or .env) are not valid:\n  " + "\n  ".join(lines)


if __name__ == "__main__":
    sys.exit(main())
