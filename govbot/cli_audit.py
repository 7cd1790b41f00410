"""`govbot audit`: verify the chains and the record rows they vouch for, print the heads to publish, export."""

from __future__ import annotations

import argparse
import sys

from bot.errors import UsageError
from govbot.cli_records import emit, record

# The audit trail's readers load in the command that uses them, not on every `govbot` start (govbot/cli_records.py).


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from bot.records import audit_heads, audit_trail

    if args.expect is not None and not audit_heads.looks_like_head(args.expect):
        raise UsageError(f"{args.expect!r} is not a head: a head is 64 hexadecimal characters, as `govbot audit "
                         "head` prints it.")
    with record(args) as session:
        verdict = audit_trail.verify(session)
        kept = audit_heads.expect(session, args.expect.lower()) if args.expect else None
    if verdict.chain_broken:
        print(f"The audit trail is broken: {verdict.problem}. The {verdict.checked} events before it chain "
              "correctly.", file=sys.stderr)
    elif not verdict.intact:
        count = len(verdict.problems)
        print(f"The record does not match its audit trail; {count} problem{'s' if count != 1 else ''}:",
              file=sys.stderr)
        for problem, _event in verdict.problems:
            print(f"- {problem}", file=sys.stderr)
    if kept is not None and not kept.found:
        print(f"The head you kept does not match: {kept.message}", file=sys.stderr)
    if not verdict.intact or (kept is not None and not kept.found):
        return 1
    print(f"The audit trail is intact: {verdict.checked} events chain correctly and every decision row matches "
          "the digest its chain holds.")
    print(kept.message if kept else "Publish the heads (`govbot audit head`) somewhere the database cannot reach, "
          "e.g. in the approved minutes: `govbot audit verify --expect HEAD` then also shows if the newest events "
          "were removed.")
    return 0


def cmd_audit_head(args: argparse.Namespace) -> int:
    from bot.records import audit_heads
    from bot.services.groups import group_named

    with record(args) as session:
        group_id = group_named(session, args.group).id if args.group else None
        heads = audit_heads.heads(session, group_id)
    if not heads:
        print("The audit trail is empty: nothing has been recorded yet.")
    for head in heads:
        print(f"{head.chain}: event {head.event_id}, {head.hash}")
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    from bot.records import audit_trail
    from bot.services.groups import group_named

    with record(args) as session:
        group_id = group_named(session, args.group).id if args.group else None
        lines = "".join(line + "\n" for line in audit_trail.export_lines(session, group_id))
    emit(args, lines, "the audit trail")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `govbot audit` and its subcommands to the `govbot` parser."""
    audit = sub.add_parser("audit", help="the audit trail").add_subparsers(dest="audit_command", required=True)
    verify = audit.add_parser("verify", help="check the hash chains and every decision row against them; name the "
                                             "first altered or missing event, or each altered row")
    verify.add_argument("--expect", metavar="HASH", help="a head kept elsewhere (from `govbot audit head`): fail "
                                                         "unless the trail still holds that event unchanged")
    verify.set_defaults(func=cmd_audit_verify)
    head = audit.add_parser("head", help="the newest hash of each group's chain, to publish")
    head.add_argument("--group", help="only this group's chain")
    head.set_defaults(func=cmd_audit_head)
    exporter = audit.add_parser("export", help="the audit trail as JSON lines")
    exporter.add_argument("--group", help="only this group's events")
    exporter.add_argument("--out")
    exporter.set_defaults(func=cmd_audit_export)
