"""`govbot`: run the bot, the console, migrations and group imports."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from bot.db import make_engine, session_factory, unit_of_work, upgrade
from bot.errors import DomainError
from bot.services.groups import bind_channel, import_group
from bot.settings import get_settings
from govbot import cli_audit, cli_records, cli_reminders, cli_teams, serve
from handlers import console

logger = logging.getLogger("govbot")


def first_example() -> Path:
    examples = sorted(Path("examples").glob("*.yaml"))
    return examples[0] if examples else Path(get_settings().default_group_file)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    upgrade(args.db)
    print(f"Database at {redact(args.db)} is up to date.")
    return 0


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_group_import(args: argparse.Namespace) -> int:
    upgrade(args.db)
    sessions = session_factory(make_engine(args.db))
    with unit_of_work(sessions) as session:
        group = import_group(session, read_tor_file(args.file), console.now_utc(), source=args.file)
        name = group.name
    print(f"Loaded {name} from {args.file}.")
    return 0


def read_tor_file(path: str) -> str:
    """The text of a ToR file; a missing or unreadable file is a polite error, not a traceback."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise DomainError(f"Cannot read the ToR file {path} ({reason}). Give the path of a YAML file such as "
                          "examples/004-cjcg.yaml.") from None


def cmd_console(args: argparse.Namespace) -> int:
    upgrade(args.db)
    sessions = session_factory(make_engine(args.db))
    group_file = args.group
    speak_as = args.speak_as
    with unit_of_work(sessions) as session:
        now = console.now_utc()
        if group_file:
            group = import_group(session, read_tor_file(group_file), now, source=str(group_file))
            bind_channel(session, group, console.CHANNEL, now, actor_id=None)
            if speak_as is None:
                speak_as = default_speaker(group.terms_yaml)
    speak_as = speak_as or "chair"
    interactive = sys.stdin.isatty()
    if interactive:
        where = f" for {group_file}" if group_file else ""
        print(f"govbot console{where}. You are @{speak_as}; start a line with @name to speak as someone else.\n"
              "Say `help` for the commands; Ctrl-D quits.")
    clock = console.now_utc
    if args.now:
        fixed = parse_instant(args.now)
        clock = lambda: fixed  # noqa: E731 - a fixed clock for replaying a recorded meeting
    console.chat(sessions, sys.stdin, sys.stdout, speak_as=speak_as, interactive=interactive, clock=clock)
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
    holders = [s for s in terms.seats if s.holder and ":" not in s.holder]
    chairs = [s for s in holders if s.role in CHAIR_ROLES]
    return (chairs or holders)[0].holder if holders else None


def cmd_run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if serve.platforms(settings):
        upgrade(args.db)
        serve.serve(settings, make_engine(args.db), console.now_utc)
        return 0
    group = first_example()
    print(f"No Slack or Teams settings found: starting the local console on {group}.")
    args.group, args.speak_as, args.now = str(group), None, None
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
    for area in (cli_reminders, cli_records, cli_audit, cli_teams):
        area.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=get_settings().log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Migration chatter would interleave with the chat; problems still show as warnings.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"govbot: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
