"""People the record knows only by their Slack account (a seat holder the ToR file names `slack:USAM` who has not
spoken to govbot yet): Slack shows a person by name where a message mentions them (`<@USAM>`, mrkdwn), so a reply
naming such a person carries their accounts for render.py to mention. Slack notifies a person mentioned in a
channel message (not one only the speaker sees, nor an edit of a card): those named are the group's own people, in
their group's channel, about a record naming them; reading their names instead (users.info) would need the
`users:read` scope, every profile in the workspace, which govbot does not ask for (README, Scopes)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from bot.commands import Command
from bot.payloads import Pressed
from bot.replies import Aside, Reply
from bot.services.accounts import unnamed_accounts
from handlers.slack.payloads import PLATFORM

# The shape of a Slack user id (W… in an Enterprise Grid). Slack's are nine characters or more; four is the least
# asked about, so a reply saying "UK", "UN" or "WHO" costs no read of the record.
ACCOUNT = re.compile(r"\b[UW][A-Z0-9]{3,}\b")
MENTION = re.compile(r"<@[UW][A-Z0-9]*(\|[^>]*)?>")  # how a command names a person by account: not typed words


def typed_ids(said: str | Command | Pressed) -> AbstractSet[str]:
    """The account ids a person typed as words, not as a mention: in a command's text (`poll "Should USAM
    chair?"`, or a typed `<@USAM>`, which Slack sends escaped and so reaches the record as text), or in a form's
    fields. Written back as Slack's mention of the account, such words had govbot's post ping that person at
    the word of whoever typed them; they are shown as typed."""
    if isinstance(said, str):
        return set(ACCOUNT.findall(MENTION.sub(" ", said)))
    if not isinstance(said, Command):  # a button carries what govbot wrote on it
        return frozenset()
    values = [getattr(said, f.name) for f in dataclasses.fields(said)]
    texts = [v for v in values if isinstance(v, str)] + [t for v in values if isinstance(v, tuple)
                                                         for t in v if isinstance(t, str)]
    return set(ACCOUNT.findall("\n".join(texts)))


def named(sessions: sessionmaker[Session], reply: Reply, typed: AbstractSet[str] = frozenset()) -> Reply:
    """`reply`, and the cards and asides it carries, with the Slack accounts it shows for want of a name; not those
    the person typed (`typed_ids`), nor those in what members typed earlier that it shows again (`Reply.quoted`:
    a poll's options on its card refreshed after a vote, a meeting's place in the reminder the scheduler posts).
    A quoted text that is an account and nothing else (a poll's option picked from Slack's @ menu, a candidate
    for the chair) names that person."""
    shown = (reply, *reply.cards, *(a.reply for a in reply.asides))
    quoted = set(ACCOUNT.findall("\n".join(text for r in shown for text in r.quoted if not ACCOUNT.fullmatch(text))))
    words = set(ACCOUNT.findall("\n".join(r.as_text() for r in shown))) - typed - quoted
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
    command to copy (`member add @USAM`) is the mention's own, as Slack sends a mention (`<@USAM>`), not `@<@USAM>`.
    A mention someone typed, shown escaped (`&lt;@USAM&gt;`), stays the text it was."""
    if not accounts:
        return shown
    return re.sub(r"(?<!&lt;)(?<!&lt;@)@?\b(" + "|".join(map(re.escape, accounts)) + r")\b", r"<@\1>", shown)
