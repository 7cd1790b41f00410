"""What a Slack payload says about who is speaking and where, in the core's terms."""

from __future__ import annotations

from typing import Any

from bot.services.context import Place, Speaker

PLATFORM = "slack"


def speaker_of(user: dict[str, Any]) -> Speaker:
    """The person in an interactivity payload's `user` object."""
    return Speaker(PLATFORM, str(user["id"]), str(user.get("username") or user.get("name") or user["id"]))


def place_of(channel_id: str, channel_name: str | None = None) -> Place:
    return Place(PLATFORM, channel_id, channel_name)


def typed(text: str) -> str:
    """What the person typed, from the text Slack sends: Slack writes `&`, `<` and `>` as `&amp;`, `&lt;` and
    `&gt;` (its only entities), so `Q&A <draft>` arrives as `Q&amp;A &lt;draft&gt;`. The record keeps the plain
    text; render.escaped escapes it once on the way out. `&amp;` is decoded last, so `&amp;lt;` (a typed `&lt;`)
    stays `&lt;`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
