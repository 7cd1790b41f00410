"""Links as Teams shows them. A personal link to a group's page is never posted where the whole channel reads it
(a Teams channel shows every answer to everyone); in a 1:1 chat it is a Markdown link, which Teams renders in a
card's TextBlock, so the link's token is neither shown nor mangled by Markdown (an `_` in it would start italics)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.records.page_links import read
from bot.settings import get_settings
from handlers.teams.markdown import inline, plain
from tests.teams.conftest import SDK_WARNINGS, Recorded, Teams, teams_world

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)
SECRET = "a-test-secret-for-page-links-only"
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((https://gov\.example\.org/[^)\s]+)\)")


@pytest.fixture
def pages_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PAGE_SECRET", SECRET)
    monkeypatch.setenv("PUBLIC_URL", "https://gov.example.org")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def shown(calls: list[Recorded]) -> list[str]:
    """Every text the people in the conversation read: message text, TextBlocks and facts."""
    texts = []
    for call in calls:
        texts.append(call.body.get("text") or "")
        for attachment in call.body.get("attachments") or []:
            for block in attachment["content"]["body"]:
                texts.append(block.get("text", ""))
                texts.extend(f"{f['title']} {f['value']}" for f in block.get("facts", []))
    return texts


def opened(calls: list[Recorded]) -> list[tuple[str, str]]:
    """The cards' link buttons (Action.OpenUrl): their titles and addresses."""
    return [(action["title"], action["url"]) for call in calls for attachment in call.body.get("attachments") or []
            for action in attachment["content"].get("actions", []) if action["type"] == "Action.OpenUrl"]


async def in_1_to_1(teams: Teams, who: str, text: str) -> list[Recorded]:
    chat: dict[str, Any] = teams.activity(who, type="message", text=text)
    chat["conversation"] = {"id": f"a:1-{who}-personal", "conversationType": "personal", "tenantId": "t"}
    del chat["channelData"]["channel"]
    before = len(teams.connector.calls)
    assert (await teams.post(chat)).status in (200, 202)
    return teams.connector.calls[before:]


def test_a_personal_link_is_never_posted_in_the_channel(sessions: sessionmaker[Session], pages_on: None) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            said = []
            for command in ("page", "interests", "minutes 1", "actions", "attendance register"):
                said += shown(await teams.say("bob", command))
            everything = json.dumps([call.body for call in teams.connector.calls])
            assert "?t=" not in everything, "a personal link was read out to the whole channel"
            assert any("ask me in a 1:1 chat" in text for text in said), said

    asyncio.run(run())


def test_in_a_1_to_1_chat_the_link_is_a_markdown_link_teams_renders(sessions: sessionmaker[Session],
                                                                      pages_on: None) -> None:
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            for command in ("page", "minutes 1 --group cjcg"):
                calls = await in_1_to_1(teams, "bob", command)
                texts = shown(calls)
                links = [m for text in texts for m in MARKDOWN_LINK.findall(text)] + opened(calls)
                assert links, f"{command}: no link in {texts}"
                for label, url in links:
                    assert label.startswith("gov.example.org/groups/cjcg/") or label == "Open the record"
                    assert "?t=" not in label
                    token = url.split("?t=", 1)[1].split("#", 1)[0]
                    found = read(SECRET, token, teams.clock.now)
                    assert found is not None and found.short_name == "cjcg", "the link in the card opens the page"
                if command.startswith("minutes"):
                    assert [label for label, _ in opened(calls)] == ["Open the record"], "a button opens the record"
                bare = [text for text in texts if re.search(r"(?<!\]\()https?://", text)]
                assert not bare, f"a bare address, which Markdown may mangle: {bare}"

    asyncio.run(run())


def test_markdown_for_cards_and_plain_text_for_the_presser_only_message() -> None:
    url = "https://gov.example.org/groups/cjcg/?t=ab_cd.ef_gh#actions"
    assert inline(f"Open the record: {url}.") == f"Open the record: [gov.example.org/groups/cjcg/]({url})."
    assert inline(inline(url)) == inline(url), "a link named by its own address is left as it is"
    assert inline(f"[the page]({url})") == f"the page ({inline(url)})", "words hiding an address are not a link"
    # An Action.Execute answer without a card is a plain message: no Markdown there, so none is made.
    assert plain("say `deputy @person` or see [the page](https://gov.example.org/)") == \
        "say “deputy @person” or see the page (https://gov.example.org/)"


def test_the_minutes_card_shows_headings_as_bold_lines_not_hashes(sessions: sessionmaker[Session]) -> None:
    """Adaptive Cards' Markdown has no headings: Teams would show "# Minutes of …" and "## Attendance" as typed."""
    async def run() -> None:
        async with teams_world(sessions) as teams:
            await teams.say("alice", "meeting schedule 2026-12-10 10:00")
            (answer,) = [c for c in await teams.say("alice", "minutes 1") if c.body.get("attachments")]
            body = answer.body["attachments"][0]["content"]["body"]
            assert not [b["text"] for b in body if b["text"].lstrip().startswith("#")]
            bold = [b["text"] for b in body if b.get("weight") == "Bolder"]
            assert "Minutes of Children's Joint Commissioning Group: meeting 1" in bold and "Attendance" in bold

    asyncio.run(run())
