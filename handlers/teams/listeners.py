"""What the bot does with each kind of Teams activity: messages, installs, card actions and form submits.

Each listener translates the envelope into a command from a person in a channel, hands it to the core and posts
what comes back. Rules live in bot/; nothing here decides what is allowed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

from microsoft_agents.activity import AdaptiveCardInvokeResponse
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.commands import MAX_COMMAND_CHARS, Command
from bot.conversation import FAILURE, respond_once
from bot.errors import DomainError
from bot.payloads import Pressed
from bot.refs import MeetingRef
from bot.replies import Reply, refusal
from handlers.teams import envelope, forms, mentions, render
from handlers.teams.answers import Outcome, confirmation, in_its_place, pressed
from handlers.teams.personal import to_personal_chat
from handlers.teams.posting import Record

logger = logging.getLogger(__name__)

FORMS_WORDS = {"forms", "form"}
QUIET_ACTIVITIES = ("installationUpdate", "conversationUpdate", "messageReaction")
CHANNEL_WELCOME = ("Hello, I am govbot. I keep this group's record as its terms of reference say. A chair or "
                   "secretary binds this channel to the group with `@govbot group bind <short-name>`; then anyone "
                   "can say `@govbot help`.")
TOO_MANY_MENTIONED = (f"That message @mentions more than {mentions.MAX_MENTIONED} people; a command names at most a "
                      "few. Mention only the people the command is about.")
EDITED = ("govbot does not read an edited message: your command was answered as you first sent it, and the record "
          "keeps it so. To change it, send the command again as a new message, written as it should be.")
TOLD = "That answer is for you alone, so I gave it in your 1:1 chat with me."
UNTOLD = ("That answer is for you alone, and Teams would not let me open a 1:1 chat with you to give it, so it is not "
          "said here, where the channel reads it: ask me again in your 1:1 chat with govbot.")
PERSONAL_WELCOME = ("Hello, I am govbot. Reminders meant for you alone (your term ending, say) will arrive in this "
                    "chat. Say `help` to see what you can ask; group business happens in the group's channel.")


def register(app: AgentApplication[TurnState], record: Record) -> None:
    """Wire the listeners onto `app`."""
    listeners = Listeners(record)
    app.conversation_update("membersAdded")(listeners.installed)
    # Installs, upgrades, renames, reactions: nothing to say, but the conversation's reference is kept fresh.
    app.activity(list(QUIET_ACTIVITIES))(listeners.noted)
    app.adaptive_card.action_execute(render.VERB)(listeners.card_action)
    app.adaptive_card.action_execute(forms.FORM_VERB)(listeners.form_action)
    app.adaptive_card.action_submit(render.VERB)(listeners.card_submit)
    app.adaptive_card.action_submit(forms.FORM_VERB)(listeners.form_submit)
    app.message(None)(listeners.message)
    app.activity("messageUpdate")(listeners.edited)
    app.error(listeners.failed)


def _command(data: Any) -> str:
    return str(data.get("command", "")) if isinstance(data, dict) else ""


class Listeners:
    def __init__(self, record: Record) -> None:
        self.record = record

    async def installed(self, context: TurnContext, state: TurnState) -> None:
        """The bot was added to a team, chat or channel: keep the reference and say how to begin."""
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        added = activity.members_added or []
        if not any(member.id == bot_id for member in added):
            await self.record.introduce([envelope.speaker(member) for member in added if member.name])
            return
        await self.record.remember(context)
        await self.record.introduce(await envelope.members(context))
        personal = envelope.is_personal(activity)
        if not personal and await self.record.bound(envelope.place(activity)):
            return  # added again where a group already lives: nothing to set up, nothing to say
        await context.send_activity(render.message(Reply(PERSONAL_WELCOME if personal else CHANNEL_WELCOME)))

    async def noted(self, context: TurnContext, state: TurnState) -> None:
        """An activity that needs no answer (installationUpdate, a rename, a reaction): keep the reference."""
        await self.record.remember(context)

    async def edited(self, context: TurnContext, state: TurnState) -> None:
        """A message edited after it was sent (a messageUpdate): its command ran as first sent, and an edit runs
        nothing, so the person who edited a command to govbot is told so rather than left to think it was read."""
        activity = context.activity
        if envelope.edited(activity) and envelope.addressed(activity, envelope.bot_mentioned(activity)):
            await self.record.post(context, envelope.place(activity), refusal(EDITED))

    async def message(self, context: TurnContext, state: TurnState) -> None:
        """A typed command: `gov <verb> ...`, or `@govbot <verb> ...` (the SDK removes the bot's mention)."""
        activity = context.activity
        if not envelope.addressed(activity, envelope.bot_mentioned(activity)):
            return
        if (many := len(mentions.people_mentioned(activity))) > mentions.MAX_MENTIONED:
            # Refused before any lookup at Teams or any person is added for it; the log says how many, not who.
            logger.warning("refused a Teams message that @mentions %d people", many)
            await self.record.post(context, envelope.place(activity), refusal(TOO_MANY_MENTIONED))
            return
        text, mentioned = await mentions.command_text(context)
        if len(text) <= MAX_COMMAND_CHARS:  # else refused for its length: it names nobody
            await self.record.introduce(mentioned, create=True)  # the command is about to name them
        speaker, place = envelope.speaker(activity.from_property), envelope.typed_place(activity)
        if envelope.COMMAND_PREFIX.sub("", text).strip().casefold() in FORMS_WORDS:
            await self.record.remember(context)
            await context.send_activity(render.card_activity(forms.forms_card()))
            return
        # The conversation's reference is kept once a turn, after the command and in its transaction: `group bind`
        # may just have bound this channel, and its binding takes the reference now.
        reply = await asyncio.to_thread(respond_once, self.record.sessions, speaker, place, text,
                                        self.record.clock(), envelope.delivery(activity),
                                        also=self.record.keeping(context))
        await self._kept_unless_undone(context, reply)
        if reply is None:
            return  # Teams delivered this activity again: it was answered the first time
        in_place = False
        if not reply.error:
            # The cards already posted for these records (a poll's tally, the meeting's roll) show what changed,
            # before any new post; a record's own card already posted here shows the reply itself, as on Slack.
            if not reply.private and not (in_place := await self.record.in_place(context, place, reply)):
                await self.record.refresh_posted(context, speaker, place, reply.subject, moved=isinstance(
                    reply.subject, MeetingRef) and render.needs_card(reply))  # posted again in this thread
            for shown in reply.cards:
                await self.record.show(context, place, shown)
            if place.direct:  # the cards it changed are in the group's channel (the core named them, not read here)
                await self.record.refresh_where_posted(context, speaker, reply.cards_pending)
        if reply.unshared and place.said_in_public and not reply.error:  # Teams shows a channel no one-person message
            await self.tell_alone(context, reply)
            return
        # Where the record's card took the reply, the thread the command was typed in hears a line, not a copy.
        await self.record.post(context, place, Reply(confirmation(reply)) if in_place else reply)
        await self.record.tell(context, place, reply.asides)

    async def card_action(self, context: TurnContext, state: TurnState,
                          data: Any) -> AdaptiveCardInvokeResponse:
        """A button pressed (Action.Execute): run its command as the presser; answer with the pressed card,
        refreshed, saying what happened (handlers.teams.answers)."""
        return (await self._act(context, pressed(data), text=_command(data))).invoke_response()

    async def form_action(self, context: TurnContext, state: TurnState,
                          data: Any) -> AdaptiveCardInvokeResponse:
        """A form submitted (Action.Execute): build the typed command from its inputs and run it."""
        form = data if isinstance(data, dict) else {}
        return (await self._act(context, pressed(data), form=form)).invoke_response()

    async def card_submit(self, context: TurnContext, state: TurnState, data: Any) -> None:
        """A button pressed on a client too old for Action.Execute (Action.Submit arrives as a message): there is
        no invoke response to answer in, so the pressed card is updated in place and what only the presser
        should read is said in the thread."""
        card = pressed(data)
        await self._answer_in_thread(context, await self._act(context, card, text=_command(data)), card)

    async def form_submit(self, context: TurnContext, state: TurnState, data: Any) -> None:
        form, card = data if isinstance(data, dict) else {}, pressed(data)
        await self._answer_in_thread(context, await self._act(context, card, form=form), card)

    async def _act(self, context: TurnContext, card: str | None, *, text: str | None = None,
                   form: dict[str, Any] | None = None) -> Outcome:
        """Run a card's command or a form's as the person who pressed it, post what the channel should see, and
        refresh the card the record is shown on."""
        activity = context.activity
        speaker, place = envelope.speaker(activity.from_property), envelope.place(activity)
        now, delivered = self.record.clock(), envelope.delivery(activity)
        said: Command | Pressed = Pressed(text or "")
        if form is not None:
            try:
                said = forms.command(form)
            except DomainError as error:
                await self.record.remember(context)
                return Outcome(refusal(error.message), await self.record.pressed(context, speaker, place, card))
        reply = await asyncio.to_thread(respond_once, self.record.sessions, speaker, place, said, now, delivered,
                                        also=self.record.keeping(context))
        await self._kept_unless_undone(context, reply)
        if reply is None:  # Teams delivered this action again: the card as it stands answers it
            return Outcome(None, await self.record.pressed(context, speaker, place, card))
        refreshed = None
        if not reply.error:
            for shown in reply.cards:
                if shown.subject is not None and shown.subject.key != card:
                    refreshed = await self.record.show(context, place, shown)
            if place.direct:  # as for a typed command: the cards it changed are in the group's channel
                await self.record.refresh_where_posted(context, speaker, reply.cards_pending)
            if not reply.private and (reply.subject is None or reply.subject.key != card):
                await self.record.post(context, place, reply)  # a record's own card, as a message of its own
            await self.record.tell(context, place, reply.asides)
        if card is None:  # a card posted before cards named themselves: answer as they were answered
            return Outcome(reply, refreshed if refreshed is not None and reply.private else None)
        standing = await self.record.pressed(context, speaker, place, card, reply)
        if standing is None and place.direct and reply.title and reply.subject is not None \
                and reply.subject.key == card:  # the record's own card (the minutes approved), not a receipt
            return in_its_place(reply, render.card(dataclasses.replace(reply, notices=())))  # a 1:1 keeps no copy
        return Outcome(reply, standing)

    async def _kept_unless_undone(self, context: TurnContext, reply: Reply | None) -> None:
        """Keep the conversation's reference on its own where the command's transaction did not: a delivery
        answered before, or a refusal (rolled back with the command, or never begun)."""
        if reply is None or reply.error:
            await self.record.remember(context)

    async def _answer_in_thread(self, context: TurnContext, outcome: Outcome, card: str | None) -> None:
        if outcome.reply is None:
            return  # Teams delivered this action again: it was answered the first time
        if card == forms.MENU_CARD and outcome.card is not None and context.activity.reply_to_id:
            # A record's card was refreshed where it is posted; the forms menu is put back as it was.
            await self.record.replace(context, context.activity.reply_to_id, outcome.card)
        activity, reply = context.activity, outcome.reply
        if reply.error or (reply.private and outcome.card is None and envelope.is_personal(activity)):
            # A refusal is said in the thread; a receipt (a vote's, say) shows on the card, never in the thread.
            await self.record.post(context, envelope.place(activity), reply)
        elif reply.private and outcome.card is None:
            await self.tell_alone(context, reply)

    async def tell_alone(self, context: TurnContext, reply: Reply) -> None:
        """`reply` for the speaker alone (a personal link, draft minutes), where a channel's thread is read by all:
        in their 1:1 chat, the thread told it went there."""
        activity = context.activity
        told = activity.from_property is not None and \
            await to_personal_chat(context, str(activity.from_property.id), reply)
        await self.record.post(context, envelope.place(activity), Reply(TOLD if told else UNTOLD, private=True))

    async def failed(self, context: TurnContext, error: Exception) -> None:
        await turn_failed(context, error)


async def turn_failed(context: TurnContext, error: Exception) -> None:
    """Log the failure with its traceback and tell the person, politely, that nothing was recorded."""
    logger.error("Teams turn failed", exc_info=error)
    try:
        await context.send_activity(render.message(refusal(FAILURE)))
    except Exception:  # Teams itself may be what failed; the log already has the cause
        logger.exception("could not tell the person that their Teams turn failed")
