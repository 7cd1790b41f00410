"""A meeting's minutes as they are filed: the approved text once approved, else the draft from the record, with
what the document's header says about them, as Markdown, Word or (where LibreOffice is installed) PDF."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bot.models import Group, Meeting
from bot.records.filing import Filing
from bot.records.house_template import house_template
from bot.records.meeting_record import MeetingRecord, approved_minutes, meeting_record
from bot.records.minutes import markdown
from bot.records.people import namer
from bot.rules.calendar import show_date

DRAFT = "DRAFT — not approved"
NO_PDF = "PDF is not available on this server: LibreOffice (soffice) is not installed. Download the Word document."


@dataclass(frozen=True)
class MinutesFile:
    number: int
    text: str  # Markdown
    filing: Filing
    approved: bool
    template: bytes | None = None  # the group's house Word template, if its ToR names one

    def as_docx(self) -> bytes:
        from bot.records.minutes_docx import docx  # python-docx loads when a Word file is asked for, not at start

        return docx(self.text, self.filing, self.template)


def minutes_file(session: Session, group: Group, meeting: Meeting,
                 record: MeetingRecord | None = None) -> MinutesFile:
    """The minutes of `meeting` as they stand: sealed approved text, or the draft built from the record now.
    `record`: the meeting's record where the caller has built it already (the group page), else built here."""
    record = record or meeting_record(session, group, meeting)
    approved = approved_minutes(session, meeting.id)
    names = namer(session, group)
    meeting_date = f"{record.starts_at.day} {record.starts_at:%B %Y}"
    if approved is not None:
        when = show_date(approved.approved_at.astimezone(record.starts_at.tzinfo).date())
        status, text, created = f"Approved on {when} by {names(approved.approved_by_id)}", approved.text, \
            approved.approved_at
    else:
        status, text, created = DRAFT, markdown(record), meeting.starts_at
    author = record.minute_taker if record.minute_taker != "not recorded" else record.group
    filing = Filing(title=f"Minutes of {record.group}: meeting {record.number}, {meeting_date}", group=record.group,
                    meeting_date=meeting_date, status=status, author=author, created=created)
    return MinutesFile(meeting.number, text, filing, approved is not None, house_template(session, group))


def pdf_available() -> bool:
    return shutil.which("soffice") is not None


# LibreOffice keeps one profile a user, and a second soffice started on it while the first runs hands its work to
# the first and exits without converting anything: two members downloading at once, one got "no PDF". So each
# process has a profile of its own (replicas on one host too), and converts one document at a time.
PROFILE = Path(tempfile.gettempdir()) / f"govbot-soffice-{os.getpid()}"
ONE_AT_A_TIME = threading.Lock()
atexit.register(shutil.rmtree, PROFILE, ignore_errors=True)  # a profile is a few megabytes; it goes with its process


def as_pdf(document: bytes, timeout: float = 60) -> bytes | None:
    """The Word document converted by LibreOffice (`soffice --headless --convert-to pdf`); None where it is not
    installed or the conversion fails. Conversions in one process wait for each other."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder, ONE_AT_A_TIME:
        source = Path(folder) / "minutes.docx"
        source.write_bytes(document)
        done = subprocess.run([soffice, f"-env:UserInstallation={PROFILE.as_uri()}", "--headless", "--convert-to",
                               "pdf", "--outdir", folder, str(source)],
                              capture_output=True, timeout=timeout, check=False)
        target = Path(folder) / "minutes.pdf"
        return target.read_bytes() if done.returncode == 0 and target.exists() else None
