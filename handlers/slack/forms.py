"""The modals (declare an interest, schedule a meeting, create a poll) and the typed command each submits."""

from __future__ import annotations

from typing import Any

from bot.commands import Command
from bot.services.interests import NATURES

DECLARE, SCHEDULE, POLL = "gov_declare", "gov_schedule", "gov_poll"
View = dict[str, Any]


def text_input(block_id: str, label: str, *, optional: bool = False, multiline: bool = False,
               hint: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "input", "block_id": block_id, "optional": optional,
                             "label": {"type": "plain_text", "text": label},
                             "element": {"type": "plain_text_input", "action_id": "value", "multiline": multiline}}
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def element_input(block_id: str, label: str, element: dict[str, Any], optional: bool = False) -> dict[str, Any]:
    return {"type": "input", "block_id": block_id, "optional": optional,
            "label": {"type": "plain_text", "text": label}, "element": {**element, "action_id": "value"}}


def channel_input(channel_id: str | None) -> dict[str, Any]:
    """The group's channel: the one the form was opened from, or the person picks it."""
    element: dict[str, Any] = {"type": "conversations_select", "default_to_current_conversation": True,
                               "filter": {"include": ["public", "private"], "exclude_bot_users": True}}
    if channel_id:
        element["initial_conversation"] = channel_id
    return element_input("channel", "Group channel", element)


def modal(callback_id: str, title: str, submit: str, blocks: list[dict[str, Any]]) -> View:
    return {"type": "modal", "callback_id": callback_id, "title": {"type": "plain_text", "text": title},
            "submit": {"type": "plain_text", "text": submit}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": blocks}


def declare_form(channel_id: str | None) -> View:
    natures = [{"text": {"type": "plain_text", "text": n}, "value": n} for n in NATURES]
    return modal(DECLARE, "Declare an interest", "Declare", [
        channel_input(channel_id),
        text_input("description", "The interest", multiline=True,
                   hint='Or write "none" to record that you have no interests to declare.'),
        element_input("nature", "Nature", {"type": "static_select", "options": natures}, optional=True),
        element_input("meeting", "Meeting number (default: the open or next one)",
                      {"type": "number_input", "is_decimal_allowed": False, "min_value": "1"}, optional=True),
        element_input("item", "Agenda item number",
                      {"type": "number_input", "is_decimal_allowed": False, "min_value": "1"}, optional=True),
    ])


def schedule_form(channel_id: str | None) -> View:
    return modal(SCHEDULE, "Schedule a meeting", "Schedule", [
        channel_input(channel_id),
        element_input("date", "Date", {"type": "datepicker"}),
        element_input("time", "Start time (the group's time zone)", {"type": "timepicker"}),
        text_input("where", "Where", optional=True, hint="A room, or a link to the call."),
    ])


def poll_form(channel_id: str | None) -> View:
    flags = [{"text": {"type": "plain_text", "text": "Secret ballot"}, "value": "secret"},
             {"text": {"type": "plain_text", "text": "Members may pick several options"}, "value": "multi"}]
    return modal(POLL, "Create a poll", "Open poll", [
        channel_input(channel_id),
        text_input("question", "Question"),
        text_input("choices", "Options, one per line", multiline=True),
        element_input("closes_on", "Closes on (optional)", {"type": "datepicker"}, optional=True),
        element_input("closes_at", "Closes at (the group's time zone; default 17:00)", {"type": "timepicker"},
                      optional=True),
        element_input("flags", "Ballot", {"type": "checkboxes", "options": flags}, optional=True),
    ])


FORMS = {DECLARE: declare_form, SCHEDULE: schedule_form, POLL: poll_form}
# Shortcuts that open a form: the global ones, and "Declare an interest" on a message (opened in its channel).
SHORTCUTS = {**FORMS, "gov_declare_here": declare_form}


def values(view: View) -> dict[str, Any]:
    """Each input's value by block id (None when left empty)."""
    found: dict[str, Any] = {}
    for block_id, actions in view["state"]["values"].items():
        state = actions["value"]
        kind = state.get("type")
        found[block_id] = (state.get("selected_conversation") if kind == "conversations_select" else
                           (state.get("selected_option") or {}).get("value") if kind == "static_select" else
                           state.get("selected_date") if kind == "datepicker" else
                           state.get("selected_time") if kind == "timepicker" else
                           [o["value"] for o in state.get("selected_options") or []] if kind == "checkboxes" else
                           state.get("value"))
    return found


def whole_number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def command_of(callback_id: str, given: dict[str, Any]) -> Command:
    """The typed command a submitted form stands for; the core checks it as it checks typed text."""
    if callback_id == DECLARE:
        options = {k: v for k, v in (("nature", given.get("nature")), ("meeting", whole_number(given.get("meeting"))),
                                     ("item", whole_number(given.get("item")))) if v is not None}
        return Command("declare", {"description": [(given.get("description") or "").strip()]}, options)
    if callback_id == SCHEDULE:
        where = (given.get("where") or "").strip()
        return Command("meeting schedule", {"date": given["date"], "time": given["time"]},
                       {"where": where} if where else {})
    choices = [line.strip() for line in (given.get("choices") or "").splitlines() if line.strip()]
    options: dict[str, Any] = {flag: True for flag in given.get("flags") or []}
    if given.get("closes_on"):
        options["closes"] = " ".join(v for v in (given["closes_on"], given.get("closes_at")) if v)
    return Command("poll", {"question": (given.get("question") or "").strip(), "choices": choices}, options)
