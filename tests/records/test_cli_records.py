"""The records commands as an operator runs them: exit 0 with sane output, exit 2 with a polite message. They call
the CLI's main() in-process; tests/test_cli.py runs `govbot` as a process."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar

from tests.conftest import example
from tests.records.conftest import transcript
from tests.test_cli import govbot_main as govbot


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database where the LIEG has held its three recorded meetings (through the real console)."""
    db = tmp_path_factory.mktemp("records") / "g.db"
    lines = [line for line in transcript("lieg").read_text().splitlines() if not line.startswith(("= ", "! "))]
    result = govbot("console", "--group", str(example("lieg")), "--now", "2026-12-01T09:00Z", stdin="\n".join(lines),
                    db=db)
    assert result.returncode == 0, result.stderr
    return db


def test_minutes_as_markdown_and_as_a_word_document(held: Path, tmp_path: Path) -> None:
    md = govbot("minutes", "--group", "lieg", "--meeting", "1", db=held)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# Minutes of London Information Exchange Group: meeting 1\n")
    assert "- **Absent:** bob (Camden), ivy (ALDCS), jack (ALDCS)\n- **Not attending, their organisation having 2 " \
           "attending (at most 2 per organisation at once, ToR 2.1):** dan (Barnet)" in md.stdout
    out = tmp_path / "m.docx"
    word = govbot("minutes", "--group", "lieg", "--meeting", "1", "--format", "docx", "--out", str(out), db=held)
    assert word.returncode == 0 and f"Wrote the draft minutes of meeting 1 to {out}." in word.stderr
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert paragraphs[0] == "Minutes of London Information Exchange Group: meeting 1"
    assert "Absent: bob (Camden), ivy (ALDCS), jack (ALDCS)" in paragraphs
    bold = [r.text for p in Document(str(out)).paragraphs for r in p.runs if r.bold]
    assert "Absent:" in bold


@pytest.mark.parametrize("args, message", [
    (("minutes", "--group", "board", "--meeting", "1"), "There is no group 'board'. Groups loaded: lieg."),
    (("minutes", "--group", "lieg", "--meeting", "9"), "There is no meeting 9 in London Information Exchange Group. "
                                                       "Its meetings: 1, 2, 3."),
    (("minutes", "--group", "lieg", "--meeting", "1", "--format", "docx"), "add --out minutes.docx"),
    (("export", "--group", "lieg", "--what", "members", "--since", "2026-01-01"), "filter the interests register"),
    (("export", "--group", "lieg", "--what", "interests", "--since", "soon"), "'soon' is not a date I know"),
    (("export", "--group", "lieg", "--what", "budgets"), "invalid choice: 'budgets'"),
    (("person", "export", "@nobody"), "Nobody with the handle or account '@nobody' is in the record."),
    (("person", "forget", "@bob"), "cannot be undone. Export first"),
])
def test_bad_input_exits_2_with_a_polite_message(held: Path, args: tuple[str, ...], message: str) -> None:
    result = govbot(*args, db=held)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_exports_calendar_and_audit(held: Path, tmp_path: Path) -> None:
    attendance = govbot("export", "--group", "lieg", "--what", "attendance", "--format", "csv", db=held)
    assert attendance.returncode == 0
    rows = {r["Member"]: r for r in csv.DictReader(io.StringIO(attendance.stdout))}
    assert rows["Camden"]["Flag"] == "not attended 3 in a row; papers may be withheld (ToR 2.3)"
    decisions = govbot("export", "--group", "lieg", "--what", "decisions", "--format", "md", db=held)
    assert "| 2 | motion | 1 |" in decisions.stdout and decisions.stdout.startswith("# London Information Exchange")
    ics = govbot("calendar", "--group", "lieg", db=held)
    uids = {str(e["UID"]) for e in Calendar.from_ical(ics.stdout).walk("VEVENT")}
    assert {"meeting-1@lieg.govbot", "meeting-3@lieg.govbot", "review-next@lieg.govbot"} <= uids
    url = govbot("calendar", "--group", "lieg", "--url", "--base-url", "https://gov.example.org/", db=held)
    assert url.stdout.startswith("https://gov.example.org/calendar/lieg.ics?token=") and url.returncode == 0
    assert govbot("calendar", "--group", "lieg", "--url", db=held).stdout == url.stdout.replace(
        "https://gov.example.org", "http://localhost:3000")
    verified = govbot("audit", "verify", db=held)
    assert verified.returncode == 0 and "The audit trail is intact:" in verified.stdout
    exported = govbot("audit", "export", "--group", "lieg", db=held)
    events = [json.loads(line) for line in exported.stdout.splitlines()]
    assert events[0]["action"] == "group.imported" and all(e["group_id"] == 1 for e in events)


def test_audit_verify_fails_naming_the_edited_row(held: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(held.read_bytes())
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE audit_events SET detail = '{\"outcome\": \"carried\"}' WHERE id = 30")
    result = govbot("audit", "verify", db=db)
    assert result.returncode == 1
    assert result.stderr.startswith("The audit trail is broken: event 30 (")
    assert "was altered: its content no longer matches its hash. The 29 events before it chain correctly." \
        in result.stderr


def test_person_export_and_forget(held: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(held.read_bytes())
    exported = govbot("person", "export", "@olga", db=db)
    assert exported.returncode == 0
    data = json.loads(exported.stdout)
    assert data["person"]["display_name"] == "olga" and data["deputy_nominations"][0]["meeting_id"] is None
    forgotten = govbot("person", "forget", "@olga", "--yes", db=db)
    assert forgotten.returncode == 0 and "the record now shows Former member" in forgotten.stdout
    register = govbot("export", "--group", "lieg", "--what", "attendance", "--format", "md", db=db)
    assert "olga" not in register.stdout and "deputised (Former member" in register.stdout
    assert govbot("person", "export", "@olga", db=db).returncode == 2
    assert govbot("audit", "verify", db=db).returncode == 0


def test_audit_head_is_published_and_checked_with_expect(held: Path, tmp_path: Path) -> None:
    head = govbot("audit", "head", "--group", "lieg", db=held)
    assert head.returncode == 0 and head.stdout.startswith("lieg: event ")
    kept = head.stdout.split(", ")[-1].strip()
    assert len(kept) == 64
    same = govbot("audit", "verify", "--expect", kept, db=held)
    assert same.returncode == 0 and "The head you kept is the newest event of the chain of lieg" in same.stdout
    db = tmp_path / "copy.db"
    db.write_bytes(held.read_bytes())
    with sqlite3.connect(db) as connection:  # the newest event removed, as one hiding the last change would
        connection.execute("DELETE FROM audit_events WHERE hash = ?", (kept,))
    removed = govbot("audit", "verify", "--expect", kept, db=db)
    assert removed.returncode == 1 and "Traceback" not in removed.stderr
    assert f"no event in the audit trail has the hash {kept}: the events up to the head you kept were removed or " \
           "rewritten" in removed.stderr
    wrong = govbot("audit", "verify", "--expect", "f" * 64, db=held)
    assert wrong.returncode == 1 and "The head you kept does not match: no event in the audit trail has the hash " \
                                     f"{'f' * 64}" in wrong.stderr
    typo = govbot("audit", "verify", "--expect", "abc123", db=held)
    assert typo.returncode == 2 and "'abc123' is not a head: a head is 64 hexadecimal characters" in typo.stderr


def test_audit_verify_names_a_decision_row_edited_in_the_database(held: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(held.read_bytes())
    with sqlite3.connect(db) as connection:
        poll, number = connection.execute("SELECT id, number FROM polls WHERE outcome IS NOT NULL ORDER BY id"
                                          ).fetchone()
        connection.execute("UPDATE polls SET outcome = 'carried: 9 for, 0 against' WHERE id = ?", (poll,))
    result = govbot("audit", "verify", db=db)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("The record does not match its audit trail; 1 problem:\n"
                                    f"- row {poll} of polls (poll {number} of lieg) was edited outside the bot: it no longer matches the "
                                    "digest audit event ")


def test_export_help_offers_every_register_there_is(tmp_path: Path) -> None:
    """`--what` names the registers without importing them (govbot/cli_records.py): the names stay the real ones."""
    from bot.records.registers import REGISTERS

    result = govbot("export", "--help", db=tmp_path / "g.db")
    assert result.returncode == 0, result.stderr
    assert "--what {" + ",".join(REGISTERS) + "}" in result.stdout
