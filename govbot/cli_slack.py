"""`govbot` subcommands for Slack: sealing the stored workspace tokens under the newest key."""

from __future__ import annotations

import argparse

from bot.db import make_engine
from bot.errors import DomainError
from bot.settings import get_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to the `govbot` parser."""
    slack = sub.add_parser("slack", help="Slack").add_subparsers(dest="slack_command", required=True)
    seal = slack.add_parser("seal-tokens", help="seal every stored workspace token with the first key in "
                            "SLACK_TOKEN_KEY (after adding a new key in front, or upgrading from plain tokens)")
    seal.set_defaults(func=cmd_seal_tokens)


def cmd_seal_tokens(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not settings.slack_client_id:
        raise DomainError("Only Slack OAuth (SLACK_CLIENT_ID) stores tokens; with SLACK_BOT_TOKEN there is "
                          "nothing to seal.")
    from handlers.slack.install import installation_store  # Bolt loads only where Slack is used

    engine = make_engine(args.db)
    try:
        changed = installation_store(settings, engine).reseal_all()
    finally:
        engine.dispose()
    print(f"Sealed {changed} stored Slack token(s) with the first key in SLACK_TOKEN_KEY; keys after it can now "
          "be removed.")
    return 0
