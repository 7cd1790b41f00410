"""People the record knows only by their Slack account (a seat holder the ToR file names `slack:USAM` who has not
spoken to govbot yet): Slack shows a person by name where a message mentions them (`<@USAM>`, mrkdwn), so a reply
naming such a person carries their accounts for render.py to mention. Slack notifies a person mentioned in a
channel message (not one only the speaker sees, nor an edit of a card): those named are the group's own people, in
their group's channel, about a record naming them; reading their names instead (users.info) would need the
`users:read` scope, every profile in the workspace, which govbot does not ask for (README, Scopes)."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from bot.replies import Aside, Reply
from bot.services.accounts import unnamed_accounts
from handlers.slack.payloads import PLATFORM

ACCOUNT = re.compile(r"\b[UW][A-Z0-9]{2,}\b")  # the shape of a Slack user id (W… in an Enterprise Grid)


def named(sessions: sessionmaker[Session], reply: Reply) -> Reply:
    """`reply`, and the cards and asides it carries, with the Slack accounts it shows for want of a name."""
    words = set(ACCOUNT.findall("\n".join(r.as_text() for r in (reply, *reply.cards, *(a.reply for a in
                                                                                       reply.asides)))))
    if not words:
        return reply
    with sessions() as session:
        accounts = tuple(sorted(unnamed_accounts(session, PLATFORM, words)))
    if not accounts:
        return reply
    return replace(reply, accounts=accounts, cards=tuple(replace(c, accounts=accounts) for c in reply.cards),
                   asides=tuple(Aside(replace(a.reply, accounts=accounts), a.to) for a in reply.asides))


def mentioned(shown: str, accounts: tuple[str, ...]) -> str:
    """Escaped mrkdwn `shown` with each of `accounts` written as Slack's mention of that person: the `@` of a
    command to copy (`member add @USAM`) is the mention's own, as Slack sends a mention (`<@USAM>`), not `@<@USAM>`."""
    if not accounts:
        return shown
    return re.sub(r"@?\b(" + "|".join(map(re.escape, accounts)) + r")\b", r"<@\1>", shown)
