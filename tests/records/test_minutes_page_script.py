"""The meeting behind the README's image of the minutes' first page still replays, and names everyone."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from docx import Document

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "minutes_page.py"


def test_the_readme_meeting_replays_and_its_minutes_name_every_person(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("minutes_page", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    document = Document(io.BytesIO(script.minutes_docx(tmp_path)))  # raises SystemExit if a line is refused
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chair: Alice Morgan (Southend City Council)" in text and "Minute-taker: Sam Reid" in text
    assert "Carol Smith (Southend City Council) — annual leave, deputy Yan Li attended" in text
    assert "Resolved: The joint action plan 2027-29 is approved" in text
    handles = {"alice", "bob", "carol", "dan", "erin", "ivy", "sam", "yan"}
    assert not handles & set(text.replace(",", " ").replace(":", " ").split()), "no handle stands for a name"
