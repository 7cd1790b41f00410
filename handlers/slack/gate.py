"""The door to /slack/events: a request is authenticated before anything reads what it says.

Bolt parses the body when it builds a BoltRequest, before its own signature check: junk with any timestamp then
got a 500 and a traceback, and Bolt logged refused bodies whole. Here the signature (slack_sdk's verifier, on the
raw bytes) and the timestamp are checked first; then the body must be what Slack sends (UTF-8, a form whose
`payload` is a JSON object, or a JSON object) before Bolt sees it. Each refusal is a fixed short answer and a
short log line that names the reason only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from slack_sdk.signature import SignatureVerifier

from bot.wire_text import keepable
from handlers.slack import shapes

logger = logging.getLogger(__name__)

# Slack signs with the Unix time in whole seconds. Anything else ('abc', '1e9', '') is refused, as 401, because
# slack_sdk's verifier raises ValueError on it.
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
FRESH_FOR = 300  # seconds either side of now a signed timestamp may be (Slack: five minutes)


@dataclass(frozen=True)
class Refusal:
    """Why a request is not let in, and the HTTP status that says so."""

    status: int
    reason: str


UNSIGNED = Refusal(401, "missing or malformed signature or timestamp")
FORGED = Refusal(401, "the signature does not match, or the timestamp is more than five minutes off")
NOT_TEXT = Refusal(400, "the body is not UTF-8 text")
NOT_SLACK = Refusal(400, "the body is not a form or JSON object as Slack sends")


def refusal(verifier: SignatureVerifier, body: bytes, headers: Mapping[str, str]) -> Refusal | None:
    """Why this request must be refused, or None when Slack signed it and it reads as a Slack request."""
    found = admitted(verifier, body, headers)
    return found if isinstance(found, Refusal) else None


def admitted(verifier: SignatureVerifier, body: bytes, headers: Mapping[str, str]) -> Refusal | dict[str, Any]:
    """The request as Bolt reads it (`parsed`) when Slack signed it and it reads as a Slack request, else why it
    must be refused. The signature is checked before the body is decoded or parsed; the body is parsed once, here
    (each parse of a command's form cost about 20 µs of the event loop's time, and it was parsed three times)."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not TIMESTAMP.fullmatch(timestamp) or not SIGNATURE.fullmatch(signature):
        return UNSIGNED
    if abs(verifier.clock.now() - int(timestamp)) >= FRESH_FOR:  # five minutes is the limit, not one second more
        return FORGED
    try:
        genuine = verifier.is_valid(body=body, timestamp=timestamp, signature=signature)
    except UnicodeDecodeError:  # slack_sdk signs text; a body that is not UTF-8 cannot carry Slack's signature
        return FORGED
    if not genuine:
        return FORGED
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return NOT_TEXT
    read = parsed(text, headers.get("Content-Type", ""))
    return read if read is not None and shapes.complete(read) else NOT_SLACK


def reads_as_slack(text: str, content_type: str) -> bool:
    """Whether Bolt will read `text` as a request (as its parse_body does): a JSON object when the content type
    is JSON or the body starts with `{`; else a form, whose `payload`, if any, is a JSON object. And whether that
    request holds every part the listeners read (shapes.complete)."""
    body = parsed(text, content_type)
    return body is not None and shapes.complete(body)


def parsed(text: str, content_type: str) -> dict[str, Any] | None:
    """The request as Bolt parses it (a repeated form field: the last one), or None when it is none Bolt reads."""
    if not text:
        return None
    if content_type.split(";")[0].strip() == "application/json" or text.startswith("{"):
        return as_object(text)
    form = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in text and "payload" in form:
        return as_object(form["payload"])
    return form or None


# The parts of a request Bolt reads before any listener, and the JSON type each must have.
SHAPES: dict[str, type] = {"type": str, "event": dict, "team": dict, "user": dict, "channel": dict,
                           "container": dict, "view": dict, "message": dict, "actions": list, "enterprise": dict,
                           "authorizations": list}


def as_object(text: str) -> dict[str, Any] | None:
    """A JSON object whose parts Bolt reads have the types Slack gives them (a string `event` made Bolt fail), and
    whose text the record can keep (no half of a surrogate pair: bot.wire_text)."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or too deeply nested to read
        return None
    if isinstance(value, dict) and all(isinstance(value[key], kind) or value[key] is None
                                       for key, kind in SHAPES.items() if key in value) and keepable(text, value):
        return value
    return None
