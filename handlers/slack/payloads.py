"""What a Slack payload says about who is speaking and where, in the core's terms."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from bot.services.context import Place, Speaker

PLATFORM = "slack"
# Where Slack's response_urls point (Slack's commercial and GovSlack hosts), beside the Web API's own host.
SLACK_HOOKS = ("hooks.slack.com", "hooks.slack-gov.com")


def speaker_of(user: dict[str, Any]) -> Speaker:
    """The person in an interactivity payload's `user` object."""
    return Speaker(PLATFORM, str(user["id"]), str(user.get("username") or user.get("name") or user["id"]))


def place_of(channel_id: str, channel_name: str | None = None) -> Place:
    """The channel as the core knows it: a direct message (an id `D…`) is about the person's own groups, as a
    Teams 1:1 chat is (bot/services/direct.py)."""
    return Place(PLATFORM, channel_id, channel_name, direct=channel_id.startswith("D"))


def typed(text: str) -> str:
    """What the person typed, from the text Slack sends: Slack writes `&`, `<` and `>` as `&amp;`, `&lt;` and
    `&gt;` (its only entities), so `Q&A <draft>` arrives as `Q&amp;A &lt;draft&gt;`. The record keeps the plain
    text; render.escaped escapes it once on the way out. `&amp;` is decoded last, so `&amp;lt;` (a typed `&lt;`)
    stays `&lt;`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def slacks_own(response_url: str | None, api_url: str) -> str | None:
    """`response_url` when it is Slack's (https on Slack's hooks host, or the configured Web API's scheme and host),
    else None. A request names its own response_url, and the bot POSTs its answer there: one naming another host
    would have the bot call an address inside its network, or hand someone else a member's private answer."""
    if not response_url:
        return None
    try:
        given, api = urlsplit(response_url), urlsplit(api_url)
    except ValueError:  # a bracketed host that is not an address
        return None
    if given.scheme == "https" and given.hostname in SLACK_HOOKS and given.port is None:
        return response_url
    return response_url if (given.scheme, given.netloc) == (api.scheme, api.netloc) else None
