"""The core's forms (declare an interest, schedule a meeting, create a poll) as Adaptive Cards, and the typed
command a submitted card stands for."""

from __future__ import annotations

from typing import Any

from bot import forms
from bot.commands import Command
from bot.errors import UsageError

FORM_VERB = "gov.form"
INPUTS = {forms.TEXT: "Input.Text", forms.MULTILINE: "Input.Text", forms.DATE: "Input.Date", forms.TIME: "Input.Time",
          forms.NUMBER: "Input.Number", forms.CHOICE: "Input.ChoiceSet"}  # flags: one Input.Toggle per option
MENU = (forms.DECLARE, forms.SCHEDULE, forms.POLL)  # what `forms` offers, in this order
MENU_CARD = "forms"  # how the forms menu names itself in its actions' data


def show_card(title: str, form: dict[str, Any]) -> dict[str, Any]:
    """An action that opens `form` inside the card it sits on (no round trip to the bot)."""
    return {"type": "Action.ShowCard", "title": title, "card": form}


def opener(form: forms.Form, on: str = MENU_CARD) -> dict[str, Any]:
    """The button that opens `form` on the card it sits on, `on` naming that card (a record's subject, or the
    forms menu) so the answer can refresh it."""
    return show_card(f"{form.title}…", card(form, on))


def _submit(title: str, form: str, on: str) -> dict[str, Any]:
    # A submit names its form by the form's verb, as cards posted before the poll form existed already do.
    data = {"form": form, "card": on}
    return {"type": "Action.Execute", "title": title, "verb": FORM_VERB, "data": data,
            "fallback": {"type": "Action.Submit", "title": title, "data": {"verb": FORM_VERB, **data}}}


def label(field: forms.Field) -> str:
    return field.label if not field.optional else f"{field.label} (optional)"


def inputs(field: forms.Field) -> list[dict[str, Any]]:
    """The Adaptive Card inputs for a field: one, or for a flags field one toggle per option, each submitted under
    the option's value (so a declaration card posted earlier, whose toggle is `none`, still reads the same)."""
    if field.kind == forms.FLAGS:
        toggles = [{"type": "Input.Toggle", "id": o.value, "title": o.label, "valueOn": "true", "valueOff": "false"}
                   for o in field.options]
        # The field's label heads its toggles, as it heads Slack's checkboxes. An input's `label` (schema 1.3, and
        # the cards are 1.4) is drawn above it and read out with it, which a TextBlock would not be; on the first
        # toggle only, so it reads as one heading over the group.
        toggles[0]["label"] = label(field)
        return toggles
    shown: dict[str, Any] = {"type": INPUTS[field.kind], "id": field.name, "label": label(field)}
    if field.kind == forms.MULTILINE:
        shown["isMultiline"] = True
    if field.max_length:
        shown["maxLength"] = field.max_length
    if field.kind == forms.NUMBER:
        shown["min"] = 1
    if field.kind == forms.CHOICE:
        shown |= {"style": "compact", "choices": [{"title": o.label, "value": o.value} for o in field.options]}
    if field.hint:
        shown["placeholder"] = field.hint
    if not field.optional:
        shown |= {"isRequired": True, "errorMessage": field.missing()}
    return [shown]


def card(form: forms.Form, on: str = MENU_CARD) -> dict[str, Any]:
    """The card for filling in `form`, shown inside the card `on` names."""
    return {"type": "AdaptiveCard", "version": "1.4", "body": [i for f in form.fields for i in inputs(f)],
            "actions": [_submit(form.submit, form.verb, on)]}


def forms_card() -> dict[str, Any]:
    """The card `forms` shows: each form behind its own button."""
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.4",
            "body": [{"type": "TextBlock", "wrap": True,
                      "text": "Fill in a form instead of typing the command."}],
            "actions": [opener(form) for form in MENU]}


def values(form: forms.Form, data: dict[str, Any]) -> dict[str, Any]:
    """Each field's value by name from a card's submitted data; a flags field's is the options toggled on."""
    return {f.name: [o.value for o in f.options if str(data.get(o.value, "")).casefold() == "true"]
            if f.kind == forms.FLAGS else data.get(f.name) for f in form.fields}


def command(data: dict[str, Any]) -> Command:
    """The typed command a submitted form stands for. Raises forms.FieldError for a value the form cannot take,
    and UsageError for a form this bot does not know."""
    form = forms.FORMS.get(str(data.get("form", "")))
    if form is None:
        raise UsageError("That form is out of date; say `forms` for a fresh one.")
    return form.command(values(form, data))
