"""The core's forms (declare an interest, schedule a meeting, create a poll) as Slack modals, and the values a
submitted modal carries."""

from __future__ import annotations

from typing import Any

from bot import forms
from bot.commands import Command

DECLARE, SCHEDULE, POLL = "gov_declare", "gov_schedule", "gov_poll"
View = dict[str, Any]
# Each modal's callback id and the core's form it shows (the ids are in the app manifest; they stay as they were).
BY_CALLBACK = {DECLARE: forms.DECLARE, SCHEDULE: forms.SCHEDULE, POLL: forms.POLL}


def plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def option(choice: forms.Option) -> dict[str, Any]:
    return {"text": plain(choice.label), "value": choice.value}


def element(field: forms.Field) -> dict[str, Any]:
    """The Block Kit element for a field of each kind."""
    if field.kind in (forms.TEXT, forms.MULTILINE):
        text: dict[str, Any] = {"type": "plain_text_input", "multiline": field.kind == forms.MULTILINE}
        return text | ({"max_length": field.max_length} if field.max_length else {})
    if field.kind == forms.NUMBER:
        return {"type": "number_input", "is_decimal_allowed": False, "min_value": "1"}
    if field.kind == forms.CHOICE:
        return {"type": "static_select", "options": [option(o) for o in field.options]}
    if field.kind == forms.FLAGS:
        return {"type": "checkboxes", "options": [option(o) for o in field.options]}
    return {"type": {forms.DATE: "datepicker", forms.TIME: "timepicker"}[field.kind]}


def element_input(block_id: str, label: str, element: dict[str, Any], optional: bool = False,
                  hint: str = "") -> dict[str, Any]:
    block = {"type": "input", "block_id": block_id, "optional": optional, "label": plain(label),
             "element": {**element, "action_id": "value"}}
    return block | ({"hint": plain(hint)} if hint else {})


def channel_input(channel_id: str | None) -> dict[str, Any]:
    """The group's channel: the one the form was opened from, or the person picks it."""
    element: dict[str, Any] = {"type": "conversations_select", "default_to_current_conversation": True,
                               "filter": {"include": ["public", "private"], "exclude_bot_users": True}}
    if channel_id:
        element["initial_conversation"] = channel_id
    return element_input("channel", "Group channel", element)


def modal(callback_id: str, channel_id: str | None) -> View:
    """The modal for the form behind `callback_id`, opened from `channel_id` (None: the person picks the channel)."""
    form = BY_CALLBACK[callback_id]
    blocks = [channel_input(channel_id)] + [element_input(f.name, f.label, element(f), f.optional, f.hint)
                                            for f in form.fields]
    return {"type": "modal", "callback_id": callback_id, "title": plain(form.title), "submit": plain(form.submit),
            "close": plain("Cancel"), "blocks": blocks}


# Shortcuts that open a form: the global ones, and "Declare an interest" on a message (opened in its channel).
SHORTCUTS = {**{callback_id: callback_id for callback_id in BY_CALLBACK}, "gov_declare_here": DECLARE}


def values(view: View) -> dict[str, Any]:
    """Each input's value by block id (None when left empty; a list of the values ticked for checkboxes)."""
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


def command_of(callback_id: str, given: dict[str, Any]) -> Command:
    """The typed command a submitted modal stands for. Raises forms.FieldError, naming the block, for a value the
    form cannot take; the core checks the rest as it checks typed text."""
    return BY_CALLBACK[callback_id].command(given)
