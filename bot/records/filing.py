"""What a filed document's header and properties say about it, apart from python-docx: building the Word file
(bot.records.docx_page) imports python-docx, which serving pages or the chat need not load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Filing:
    """What the header and the document properties say: whose minutes, of which meeting, in what state."""

    title: str  # "Minutes of … : meeting 3"
    group: str
    meeting_date: str  # "10 December 2026"
    status: str  # "DRAFT — not approved" or "Approved on 12 Jan 2027 by Cllr Jane Smith (Conservative group)"
    author: str
    created: dt.datetime
