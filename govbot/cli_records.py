"""`govbot` subcommands for the records: minutes, exports, calendar, audit and data rights."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to the `govbot` parser."""
