"""`govbot tick` and `govbot reminders`, as an operator runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbot.cli import main
from tests.conftest import example, migrated


def govbot(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    assert main(["--db", db, *args]) == 0
    return capsys.readouterr().out


def test_tick_queues_and_delivers_and_reminders_lists_what_happened(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'govbot.db'}"
    migrated(db)  # a copy of a migrated record (tests/conftest.py): this is about ticking, not migrating
    govbot(capsys, db, "group", "import", str(example("cjcg")))

    # A Monday: the CJCG's ToR review, due on 15 Jul 2026, is prompted every four weeks once a month overdue, but no
    # channel is bound to the group.
    out = govbot(capsys, db, "tick", "--now", "2026-11-30T09:00Z")
    assert "queued 0, set aside 1" in out
    assert "no channel is bound to Children's Joint Commissioning Group; bind one with `group bind cjcg`" in out

    dry = govbot(capsys, db, "tick", "--now", "2026-12-15T09:00Z", "--dry-run")
    assert "would queue chair-term-30d:membership:1@2027-01-14:person:1" in dry
    assert "[reminder to" not in dry and "dry run: nothing was changed" in dry

    sent = govbot(capsys, db, "tick", "--now", "2026-12-15T09:00Z")
    assert "[reminder to @alice]\n*Term ending*\nalice's term as chair of Children's Joint Commissioning Group ends " \
           "on 14 Jan 2027 (ToR 6.2), in 30 days. Plan the renewal or a successor: the chair or the secretariat names " \
           "the chair" in sent
    # No meeting is overdue: the cadence counts from the day the group was imported, not from its ToR's adoption
    # (meetings held before govbot took the group on are not in its record).
    assert "Next meeting not scheduled" not in sent
    assert "sent 2, retrying 0, failed 0" in sent  # to alice and sam: the chair's term
    assert "queued 0" in govbot(capsys, db, "tick", "--now", "2026-12-15T09:05Z")  # once

    listing = govbot(capsys, db, "reminders", "--group", "cjcg")
    assert "Reminders of Children's Joint Commissioning Group (cjcg):" in listing
    failed, sent_part = listing.split("Sent:")
    assert "Not delivered:\n  ! review-24w:group:1@2026-07-15:channel:none — ToR review: no channel is bound to" \
        in failed
    assert "chair-term-30d:membership:1@2027-01-14:person:1 — Term ending, sent Tue 15 Dec 2026, 09:00 GMT" in sent_part
    assert "Planned next:" in listing

    seen = govbot(capsys, db, "reminders", "--group", "cjcg", "--acknowledge")
    assert "Acknowledged 1 failed reminder: they are pruned after the retention." in seen
    assert "Not delivered:" not in govbot(capsys, db, "reminders", "--group", "cjcg")


def test_tick_refuses_a_time_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    migrated(f"sqlite:///{tmp_path / 'g.db'}")  # a copy of a migrated record: this is about reading the time
    assert main(["--db", f"sqlite:///{tmp_path / 'g.db'}", "tick", "--now", "next tuesday"]) == 2
    assert "--now 'next tuesday' is not an ISO time; write it as 2026-12-10T09:00Z." in capsys.readouterr().err
