"""What a pressed button or a submitted form is answered with in Teams.

Teams replaces the card that was pressed with whatever an `Action.Execute` invoke response carries, so the
answer is always that card: re-read from its own record (a meeting, a poll, the forms menu), with a short line
saying what happened. A record the action created (a new poll, a meeting just scheduled) is posted as a message
of its own. Each action names the card it sits on in its data (`card`: the record's subject, or `forms`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import AdaptiveCardInvokeResponse
from microsoft_agents.hosting.core.app.adaptive_card import factory

from bot.replies import Reply, shortened
from handlers.teams.markdown import inline, plain

SHORT = 280  # characters of a confirmation line
ALREADY = "Done already: what this button asked for was recorded the first time."


@dataclass(frozen=True)
class Outcome:
    """What pressing a button or submitting a form came to: the reply (None for an action Teams delivered again,
    answered the first time), and the pressed card as it stands now."""

    reply: Reply | None
    card: dict[str, Any] | None = None

    def invoke_response(self) -> AdaptiveCardInvokeResponse:
        """The pressed card, refreshed, with a line saying what happened; without a card to show (a card from
        before cards named themselves, say), the reply as a message only the presser sees. An action delivered
        again is answered with the card alone (what the presser sees if the first answer did not reach Teams)."""
        if self.reply is None:
            return factory.adaptive_card(self.card) if self.card is not None else factory.message(ALREADY)  # type: ignore[arg-type]
        if self.card is not None:
            return factory.adaptive_card(confirmed(self.card, self.reply))  # type: ignore[arg-type]
        text = "\n".join((self.reply.text, *self.reply.notices)) if self.reply.private else confirmation(self.reply)
        return factory.message(plain(text))  # shown as plain text: Markdown would show as typed


def in_its_place(reply: Reply, card: dict[str, Any]) -> Outcome:
    """The answer to a button pressed on a record's card where no copy of that card is kept (the draft minutes in a
    1:1 chat): `card`, the answer's own, takes the pressed card's place, so nothing stale is left to press; the line
    under it is the answer's notices (what was done, where else it went)."""
    return Outcome(Reply(" ".join(reply.notices), private=True), card) if reply.notices else Outcome(reply, card)


def pressed(data: Any) -> str | None:
    """The card an action sits on, as its data names it."""
    card = data.get("card") if isinstance(data, dict) else None
    return str(card) if card else None


def confirmation(reply: Reply) -> str:
    """The line for the pressed card: the answer itself, whole, when it is for the presser (a refusal's command to
    copy must not be cut), else the first line of what was posted, shortened."""
    if reply.private or reply.error:
        return " ".join(line.strip() for line in (reply.text, *reply.notices) if line.strip())
    # the record itself is posted in the conversation: its first line says what was done
    return shortened(reply.text.strip().split("\n", 1)[0], SHORT)


def confirmed(card: dict[str, Any], reply: Reply) -> dict[str, Any]:
    """`card` with the confirmation line under its body (in the warning colour for a refusal)."""
    shown = copy.deepcopy(card)
    line: dict[str, Any] = {"type": "TextBlock", "text": inline(("⚠ " if reply.error else "✓ ") + confirmation(reply)),
                            "wrap": True, "size": "Small", "separator": True}
    if reply.error:
        line["color"] = "Attention"
    shown["body"] = [*shown.get("body", []), line]
    return shown
