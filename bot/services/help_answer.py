"""`help`: the commands, with what the channel's group's ToR says of each where the reader may see its rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from sqlalchemy.orm import Session

from bot.commands import Verb, help_text
from bot.models import Group
from bot.replies import Reply
from bot.rules.help_notes import group_example, group_note
from bot.services import confidential, groups
from bot.services.context import Context, Place, Speaker, group_terms, person_for
from bot.verbs import Help


def help_answer(session: Session, speaker: Speaker, place: Place, command: Help, now: dt.datetime) -> Reply:
    """The answer to `help [topic]` in `place`. Its examples show dates in the group's zone when the channel has a
    group (a week ahead: a day's difference in zone never makes them past)."""
    group = groups.group_for(session, place)
    zone = group_terms(group).zone if group else dt.UTC
    return Reply(help_text(list(command.topic), now.astimezone(zone).date(),
                           help_note(session, speaker, place, group, now),
                           partial(group_example, group_terms(group)) if group else lambda verb: None),
                 private=True)


def help_note(session: Session, speaker: Speaker, place: Place, group: Group | None,
              now: dt.datetime) -> Callable[[Verb], str]:
    """What the channel's group's ToR says of a verb, for `help <verb>`: nothing where no group is bound, nor to
    someone a confidential group shows nothing of its rules (CJCG 6.7-6.9)."""
    if group is None:
        return lambda verb: ""
    terms = group_terms(group)
    if terms.confidential:
        ctx = Context(session=session, group=group, actor=person_for(session, speaker), now=now,
                      platform=speaker.platform, place=place)
        if not confidential.may_see_rules(ctx):
            return lambda verb: ""
    return partial(group_note, terms)
