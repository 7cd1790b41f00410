"""Whether a signed Slack request holds every part govbot's listeners (and Bolt before them) read, of the type
Slack gives it. Slack always sends them; a request without one (a signing secret leaked, a proxy that mangles
bodies) is refused as 400 at the door, rather than failing in Bolt's middleware (a 500) or in the work after an
ack (a traceback in the log)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slack_bolt.request.internals import extract_enterprise_id, extract_team_id

Check = Callable[[dict[str, Any]], bool]
ID_CHARS = 200  # the longest account or channel id the record keeps; Slack's are a dozen characters
# An id with a control character is none Slack gives, and one with a NUL cannot be stored in PostgreSQL.
KEPT_ID = re.compile(rf"[^\x00-\x1f\x7f]{{1,{ID_CHARS}}}")


def text(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def account(value: object) -> bool:
    """A user's or a channel's id, as Slack gives it."""
    return isinstance(value, str) and KEPT_ID.fullmatch(value) is not None


def text_or_none(value: object) -> bool:
    return value is None or isinstance(value, str)


def person(body: dict[str, Any]) -> bool:
    user = body.get("user")
    return isinstance(user, dict) and account(user.get("id"))


def command(body: dict[str, Any]) -> bool:
    """A slash command, which Slack sends as a form: every field is text (Bolt also reads one sent as JSON)."""
    return account(body.get("user_id")) and account(body.get("channel_id")) and \
        all(isinstance(value, str) for value in body.values())


def clicked_in(body: dict[str, Any]) -> object:
    """The channel a click came from: its `channel`'s id, else the one its container names (a `channel` without
    an id, as on a message in App Home). The listener runs the click there, and the workspace check reads both."""
    channel, container = body.get("channel"), body.get("container")
    channel_id = channel.get("id") if isinstance(channel, dict) else None
    if channel_id is None and isinstance(container, dict):
        channel_id = container.get("channel_id")
    return channel_id


def click(body: dict[str, Any]) -> bool:
    actions, channel, container = body.get("actions"), body.get("channel"), body.get("container")
    return (person(body) and account(clicked_in(body)) and isinstance(actions, list) and bool(actions)
            and all(isinstance(action, dict) and text(action.get("action_id")) for action in actions)
            and text_or_none(body.get("response_url")) and text_or_none(body.get("trigger_id"))
            and clicked_on(channel, container))


def clicked_on(channel: object, container: object) -> bool:
    """The channel's name and the clicked message's `ts`, where given, are text as Slack sends them: the place
    keeps the name, and the card refresh looks the message up by its ts and names it to Slack."""
    name = channel.get("name") if isinstance(channel, dict) else None
    ts = container.get("message_ts") if isinstance(container, dict) else None
    return text_or_none(name) and (ts is None or text(ts) and len(ts) <= ID_CHARS)


def field_state(state: object) -> bool:
    """One input's state in a submitted form, as forms.values reads it."""
    if not isinstance(state, dict) or not text_or_none(state.get("type")):
        return False
    options, option = state.get("selected_options"), state.get("selected_option")
    return (all(text_or_none(state.get(key)) for key in ("value", "selected_conversation", "selected_date",
                                                          "selected_time"))
            and (option is None or isinstance(option, dict) and text_or_none(option.get("value")))
            and (options is None or isinstance(options, list)
                 and all(isinstance(o, dict) and text(o.get("value")) for o in options)))


# A view of Workflow Builder's steps from apps (which Slack retired, and govbot never offered): Bolt reads the step
# from the request before any listener, and fails on one without it.
WORKFLOW_STEP = "workflow_step"


def view_of(body: dict[str, Any]) -> dict[str, Any] | None:
    view = body.get("view")
    return view if isinstance(view, dict) and text(view.get("type")) and view["type"] != WORKFLOW_STEP \
        and text(view.get("callback_id")) else None


def submission(body: dict[str, Any]) -> bool:
    view = view_of(body)
    state = view.get("state") if view else None
    values = state.get("values") if isinstance(state, dict) else None
    return (person(body) and isinstance(values, dict) and "channel" in values
            and all(isinstance(block, dict) and field_state(block.get("value")) for block in values.values())
            and chosen_channel(values["channel"].get("value") or {}))


def chosen_channel(state: dict[str, Any]) -> bool:
    """A form's channel input: none chosen (the form says so to the person), or a channel's id."""
    chosen = state.get("selected_conversation")
    return chosen is None or account(chosen)


def closed(body: dict[str, Any]) -> bool:
    return person(body) and view_of(body) is not None


def shortcut(body: dict[str, Any]) -> bool:
    return person(body) and text(body.get("callback_id")) and text(body.get("trigger_id"))


def revoked(tokens: object) -> bool:
    return isinstance(tokens, dict) and all(
        isinstance(tokens.get(kind) or [], list) and all(isinstance(t, str) for t in tokens.get(kind) or [])
        for kind in ("oauth", "bot"))


# The longest event id kept: a delivery's key is `event:<id>` in the record's 200 characters. Slack's are a dozen.
EVENT_ID_CHARS = 100


def event(body: dict[str, Any]) -> bool:
    inner, event_id = body.get("event"), body.get("event_id")
    if not isinstance(inner, dict) or not text(inner.get("type")):
        return False
    if event_id is not None and not (account(event_id) and len(event_id) <= EVENT_ID_CHARS):
        return False  # the delivery is claimed by its id: one with a NUL, or longer, failed at the database
    if inner["type"] == "app_home_opened":
        return account(inner.get("user"))
    if inner["type"] == "tokens_revoked":
        return revoked(inner.get("tokens"))
    if inner["type"] == "function_executed":  # govbot offers no custom functions; Bolt reads its callback_id
        return isinstance(inner.get("function"), dict | None)
    return True


def attachment_action(body: dict[str, Any]) -> bool:
    actions = body.get("actions")
    return isinstance(actions, list) and bool(actions) and all(isinstance(action, dict) for action in actions)


def suggestion(body: dict[str, Any]) -> bool:
    return text_or_none(body.get("action_id"))


def workflow_step(body: dict[str, Any]) -> bool:
    return isinstance(body.get(WORKFLOW_STEP), dict)


BY_TYPE: dict[str, Check] = {"block_actions": click, "view_submission": submission, "view_closed": closed,
                             "shortcut": shortcut, "message_action": shortcut, "event_callback": event,
                             "workflow_step_edit": workflow_step, "interactive_message": attachment_action,
                             "block_suggestion": suggestion}


def complete(body: dict[str, Any]) -> bool:
    """Whether `body` (parsed as Bolt parses it) has what its kind of request always carries."""
    if "command" in body:
        return command(body) and names_workspace(body)
    check = BY_TYPE.get(body.get("type") or "")
    return check is None or check(body) and names_workspace(body)


def names_workspace(body: dict[str, Any]) -> bool:
    """Whether the request names the workspace (or the Grid organisation) it came from, where Bolt reads it: Slack
    always does. One naming none passed the check that a request comes from the workspace govbot serves, there
    being nothing to compare, and acted in any channel it named."""
    try:
        named = extract_team_id(body) or extract_enterprise_id(body)
    except (AttributeError, TypeError, KeyError):  # an `authorizations` entry, say, that is not an object
        return False
    return account(named)
