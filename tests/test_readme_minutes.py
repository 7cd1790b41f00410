"""The README's sample of CJCG minutes is what replaying tests/transcripts/004-cjcg.txt gives: the two cannot drift
apart (the sample had kept "Minute-taker: not recorded" after the minutes came to name the administrative support,
CJCG 6.3)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from bot.db import unit_of_work
from bot.models import Group, Meeting
from bot.records.minutes_file import minutes_file
from tests.conftest import ROOT, Chat
from tests.test_transcripts import TRANSCRIPTS, steps

SAMPLE = re.compile(r"This draft was made by replaying `tests/transcripts/004-cjcg.txt`.*?```markdown\n(.*?)```",
                    re.DOTALL)
# The sittings the README names: the preparation on 1 December, the meeting from 10:02 and its close at 11:25.
MEETING = dt.datetime(2026, 12, 10, 10, 2, tzinfo=dt.UTC)
CLOSE = dt.datetime(2026, 12, 10, 11, 25, tzinfo=dt.UTC)
ACTION = 'action "Circulate the revised joint action plan to the three boards" --owner @bob --due 2027-01-15 --item 1'


def replayed_minutes(chat: Chat) -> str:
    chat.load("cjcg")
    for step in steps(TRANSCRIPTS / "004-cjcg.txt"):
        who, text = ("alice", step.line) if not step.line.startswith("@") else step.line[1:].split(" ", 1)
        if text.startswith("meeting open") and chat.now < MEETING:
            chat.now = MEETING
        if text == "meeting close":
            chat.ok("alice", ACTION)
            chat.now = CLOSE
        chat.say(who, text)
    with unit_of_work(chat.sessions) as session:
        group = session.scalars(select(Group).where(Group.short_name == "cjcg")).one()
        meeting = session.scalars(select(Meeting).where(Meeting.group_id == group.id)).one()
        return minutes_file(session, group, meeting).text


def test_the_readme_cjcg_minutes_are_those_the_transcript_gives(chat: Chat) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = SAMPLE.search(readme)
    assert sample is not None, "README has lost its sample of the CJCG minutes"
    minutes = replayed_minutes(chat)
    assert sample[1].strip() == minutes.strip(), "README's CJCG minutes are stale; paste in:\n" + minutes
