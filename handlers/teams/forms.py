"""Adaptive Card forms (declare an interest, schedule a meeting) and the typed commands their submits build."""

from __future__ import annotations

from typing import Any

from bot.commands import BY_NAME, Command, coerce
from bot.errors import UsageError
from bot.services.interests import NATURES

FORM_VERB = "gov.form"


def show_card(title: str, form: dict[str, Any]) -> dict[str, Any]:
    """An action that opens `form` inside the card it sits on (no round trip to the bot)."""
    return {"type": "Action.ShowCard", "title": title, "card": form}


def _submit(title: str, form: str) -> dict[str, Any]:
    data = {"form": form}
    return {"type": "Action.Execute", "title": title, "verb": FORM_VERB, "data": data,
            "fallback": {"type": "Action.Submit", "title": title, "data": {"verb": FORM_VERB, **data}}}


def declaration() -> dict[str, Any]:
    """The form for declaring an interest (or none) for the open or next meeting."""
    return {"type": "AdaptiveCard", "version": "1.4", "body": [
        {"type": "Input.Text", "id": "description", "label": "Interest", "isMultiline": True, "maxLength": 2000,
         "placeholder": "e.g. My sister manages a provider bidding under item 2"},
        {"type": "Input.Number", "id": "item", "label": "Agenda item (optional)", "min": 1},
        {"type": "Input.ChoiceSet", "id": "nature", "label": "Nature (optional)", "style": "compact",
         "choices": [{"title": n.capitalize(), "value": n} for n in NATURES]},
        {"type": "Input.Toggle", "id": "none", "title": "I have no interests to declare", "valueOn": "true",
         "valueOff": "false"},
    ], "actions": [_submit("Declare", "declare")]}


def meeting() -> dict[str, Any]:
    """The form for scheduling a meeting (chair or secretariat)."""
    return {"type": "AdaptiveCard", "version": "1.4", "body": [
        {"type": "Input.Date", "id": "date", "label": "Date", "isRequired": True, "errorMessage": "Pick a date"},
        {"type": "Input.Time", "id": "time", "label": "Start time", "isRequired": True,
         "errorMessage": "Pick a start time"},
        {"type": "Input.Text", "id": "where", "label": "Where (optional)", "maxLength": 500,
         "placeholder": "e.g. Civic Centre, or Teams"},
    ], "actions": [_submit("Schedule", "meeting schedule")]}


def forms_card() -> dict[str, Any]:
    """The card `forms` shows: each form behind its own button."""
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.4",
            "body": [{"type": "TextBlock", "wrap": True,
                      "text": "Fill in a form instead of typing the command."}],
            "actions": [show_card("Declare an interest…", declaration()),
                        show_card("Schedule a meeting…", meeting())]}


def command(data: dict[str, Any]) -> Command:
    """The typed command a submitted form stands for. Raises UsageError for a form this bot does not know."""
    form = str(data.get("form", ""))
    if form == "declare":
        return _declaration(data)
    if form == "meeting schedule":
        return _meeting(data)
    raise UsageError("That form is out of date; say `forms` for a fresh one.")


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return str(value).strip() if value is not None else ""


def _declaration(data: dict[str, Any]) -> Command:
    verb = BY_NAME["declare"]
    none = _text(data, "none").casefold() == "true"
    description = ["none"] if none else [_text(data, "description")] if _text(data, "description") else []
    options: dict[str, Any] = {}
    if _text(data, "item"):
        options["item"] = coerce(verb, "Agenda item", "int", _text(data, "item"))
    if _text(data, "nature"):
        options["nature"] = _text(data, "nature")
    return Command(verb.name, {"description": description}, options)


def _meeting(data: dict[str, Any]) -> Command:
    verb = BY_NAME["meeting schedule"]
    if not _text(data, "date") or not _text(data, "time"):
        raise UsageError(f"Give the meeting a date and a start time. Usage: {verb.usage}")
    options = {"where": _text(data, "where")} if _text(data, "where") else {}
    return Command(verb.name, {"date": _text(data, "date"), "time": _text(data, "time")}, options)
