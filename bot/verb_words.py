"""The words people type for a command, and what to say when a command's words are not one govbot knows."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# The ToRs' own words for a deputy (PLPCP "alternate", CSCPWG "substitutes"): the same command, run as `deputy`; and a
# secretary's `present @carol @dan`, the roll taken in the room (CJCG 6.3), run as `here`.
VERB_WORDS = {"alternate": "deputy", "substitute": "deputy", "alternates": "deputies", "substitutes": "deputies",
              "present": "here"}

# Words people reach for that name another verb: suggested, never run in its place.
SYNONYMS = {"interest": "declare", "conflict": "declare", "coi": "declare",
            "attend": "here", "attending": "here", "apology": "apologies",
            "apologise": "apologies", "apologize": "apologies", "sorry": "apologies", "who": "attendance",
            "motions": "polls", "ballot": "vote", "sub": "substitute", "steering": "members",  # LIEG 3.1
            "co-opt": "member add", "coopt": "member add", "co-option": "member add",  # LCIIB Membership "co-opted"
            **{word: f"vote N {word}" for word in ("for", "against", "abstain", "yes", "no", "aye", "nay")}}


def suggest(word: str, names: Iterable[str], then: str = "", *later: str) -> str:
    """`Did you mean `declare`? ` for a word like one of the verbs `names`, or nothing: its synonym, the two words
    the other way round (`close meeting`: `meeting close`), a verb among the next words (`send apologies`,
    `show members`: `then` and `later`), or the verb it is nearest to."""
    names = list(names)
    firsts = sorted({name.split()[0] for name in names})
    swapped = f"{then} {word}" if then and f"{then} {word}" in names else None
    named = [w for w in (then, *later) if w in firsts][:1]
    close = [SYNONYMS[word]] if word in SYNONYMS else [swapped] if swapped else named or \
        difflib.get_close_matches(word, firsts, n=1)
    return f"Did you mean `{close[0]}`? " if close else ""


def unknown(tokens: list[str], words: list[str], names: Iterable[str]) -> str:
    """What to say to typed words (`tokens`, casefolded as `words`) that begin no command of `names`: a word that
    begins only two-word commands (`meeting shedule`) is named with the word after it, and the nearest of those
    commands offered, or all of them; any other word, with the verb nearest it."""
    longer = sorted(name for name in names if name.split()[0] == words[0] and " " in name)
    if not longer:
        meant = phrase_meant(tokens, words) or suggest(words[0], names, *words[1:3])
        return f"I don't know '{tokens[0][:40]}'. {meant}"
    seconds = {name.split(" ", 1)[1]: name for name in longer}
    if len(words) > 1 and (close := difflib.get_close_matches(words[1], seconds, n=1)):
        return f"I don't know '{' '.join(tokens[:2])[:60]}'. Did you mean `{seconds[close[0]]}`? "
    typed = " ".join(tokens[:2])[:60]
    said = f"'{typed}' is not a command I know" if len(words) > 1 else f"`{typed}` needs more"
    return f"{said}: say one of " + ", ".join(f"`{name}`" for name in longer) + ". "


# `action 1 done`, as a secretary types it, was recorded as a new action reading "1 done".
DONE_WORDS = ("done", "complete", "completed")
CLOSE_WORDS = (("vote", "close"), ("close", "vote"), ("close", "poll"), ("close", "motion"))


def in_order(tokens: list[str], words: list[str]) -> tuple[list[str], list[str]]:
    """The typed `tokens` and their casefolded `words` in the order of the command they mean: `action 1 done` (or
    `completed`) is `action done 1`; `here, apologies for lateness` is `here`; any other words as typed."""
    if len(words) == 3 and words[0] == "action" and tokens[1].isdigit() and words[2] in DONE_WORDS:
        return [tokens[0], "done", tokens[1]], ["action", "done", words[1]]
    if (at := moving_at(words)):
        return moved(tokens, at), moved(words, at)
    if remark_after_here(tokens, words):
        return tokens[:1], words[:1]
    return tokens, words


MOVE_WORDS = ("move", "reschedule", "rearrange", "postpone")


def moving_at(words: list[str]) -> int:
    """Where the meeting's number is in words that move a meeting: `meeting move 2`, `meeting reschedule 2`,
    `reschedule meeting 2`, `move meeting 2`, `reschedule 2`; 0 in any other words."""
    if len(words) > 1 and words[0] == "meeting" and words[1] in MOVE_WORDS:
        return 2
    if words[0] in MOVE_WORDS and len(words) > 1:
        return 2 if words[1] == "meeting" else 1 if words[1].removeprefix("#").isdecimal() else 0
    return 0


def moved(said: list[str], at: int) -> list[str]:
    """`said` as `meeting move N ...`, from the number at `at` on, a `to` after the number left out (`reschedule
    meeting 2 to 15 Jan 10:00`)."""
    rest = said[at:]
    if len(rest) > 1 and rest[1].casefold() == "to":
        rest = rest[:1] + rest[2:]
    return ["meeting", "move", *rest]


REMARK_MARKS = (",", ";", "-", "–", "—")


def remark_after_here(tokens: list[str], words: list[str]) -> bool:
    """Whether `here` (or `present`) is followed by a remark set off by a comma or dash (`here, sorry I'm late`,
    `present - joined from the car`), naming no one with @ and giving no option: the member's own `here`."""
    if words[0] != "here" or len(tokens) < 2 or not (tokens[0].endswith(REMARK_MARKS) or tokens[1] in REMARK_MARKS):
        return False
    return not any(token.startswith(("@", "<@", "--")) for token in tokens[1:])


def meant(tokens: list[str], words: list[str]) -> str:
    """What to say to a known command's words typed for another (`vote close 1`, `minutes correct item 1: ...`)."""
    return closing_meant(words) or correction_meant(tokens, words) or role_meant(tokens, words) or \
        declaring_meant(words) or circulating_meant(words) or revoking_meant(tokens, words)


REVOKE_WORDS = ("remove", "withdraw", "cancel", "delete", "drop", "end", "stop", "unname")


def revoking_meant(tokens: list[str], words: list[str]) -> str:
    """What to say to `alternate remove @nadia` (`deputy`, `substitute`; withdraw, cancel...), which named a person
    "remove": `alternate revoke @nadia`, in the word typed."""
    if words[0] != "deputy" or len(words) < 2 or words[1] not in REVOKE_WORDS:
        return ""
    return f"To withdraw a nomination, say `{tokens[0].casefold()} revoke {' '.join(tokens[2:]) or '@person'}`."


def declaring_meant(words: list[str]) -> str:
    """What to say to `no interests`, `nothing to declare` (never read as a vote `no`): `declare none`."""
    bare = [word.strip(".,!:;") for word in words[:4]]
    if bare[0] in ("no", "nothing", "none") and any(word.startswith(("interest", "conflict", "declar"))
                                                    for word in bare[1:]):
        return "To declare that you have no interests, say `declare none` (for one item: `declare none --item N`)."
    return ""


CIRCULATE = ("circulate", "distribute", "publish", "send", "share")


def circulating_meant(words: list[str]) -> str:
    """What to say to `circulate the minutes` or `minutes circulate 1`: approving them circulates them."""
    if not (words[0] in CIRCULATE and "minutes" in words[1:4]) and \
            not (words[0] == "minutes" and len(words) > 1 and words[1] in CIRCULATE):
        return ""
    number = next((word for word in words if word.isdigit()), "N")
    return (f"Minutes are circulated by approving them: `minutes approve {number}` posts the approved minutes in the "
            f"group's channel, where members read them with `minutes {number}` (`page` gives a Word copy). Draft "
            "minutes are read only by those the ToR lets read them before approval.")


MINUTE_TAKER = ("minute-taker", "minutetaker", "minute_taker", "note-taker", "notetaker")
VICE_CHAIR = ("vice-chair", "vicechair", "vice_chair", "deputy-chair")


def role_meant(tokens: list[str], words: list[str]) -> str:
    """What to say to `minute-taker @bob` (or `minutes taker @bob`), `casting vote for` and `vice-chair @bob`, which
    name no command: the one that does it; a vice-chair is never taken for the chair (`chair @bob` ends a chair's
    term)."""
    first = words[0].rstrip(":")
    two = (first, words[1].rstrip(":") if len(words) > 1 else "")
    person = next((token.rstrip(",.;:") for token in tokens if token.startswith(("@", "<"))), "@person")
    if first in MINUTE_TAKER or (two[0] in ("minute", "minutes", "note") and two[1] in ("taker", "-taker")):
        return (f"To name who takes the minutes of a meeting, say `meeting minute-taker {person}` (with "
                "`--meeting N` for another than the next).")
    if first == "casting":
        number = next((word for word in words if word.isdigit()), "N")
        choice = "against" if "against" in (word.rstrip(".!") for word in words) else "for"
        return (f"A casting vote is given by the chair when closing a tied vote: `poll close {number} --casting "
                f"{choice}`, where the ToR gives the chair one.")
    if first in VICE_CHAIR or two == ("vice", "chair"):
        return (f"There is no `vice-chair` command. For someone to chair a meeting in the chair's absence, say "
                f"`meeting chair {person}` (with `--meeting N` for another than the next); a vice-chair the ToR "
                f'provides for holds a seat with that role: `member add {person} --seat "title" --role vice_chair`.')
    return ""


def closing_meant(words: list[str]) -> str:
    """What to say to `vote close 1` or `close vote 1`, typed to close a vote (`poll close 1` does), or nothing."""
    if len(words) == 3 and tuple(words[:2]) in CLOSE_WORDS and words[2].isdigit():
        return f"To close the vote on {words[2]}, the chair says `poll close {words[2]}`."
    return ""


SCHEDULE_FILLER = ("a", "the", "meeting", "next", "on", "at", "for")
CORRECT_WORDS = ("correct", "correction", "amend", "change", "edit", "fix")


def phrase_meant(tokens: list[str], words: list[str]) -> str:
    """`Did you mean ...? ` for a sentence whose first word is no command, said as the command it means: `done 1`
    (`action 1 done`), `aob`, `schedule a meeting on 14 jan at 10am`."""
    if words[0] in DONE_WORDS and len(words) == 2 and words[1].isdigit():
        return f"Did you mean `action {words[1]} done`? "
    if words[0] in ("withdraw", "cancel", "retract") and {"apologies", "apology"} & set(words[1:3]):
        return "Did you mean `apologies withdraw`? "
    if words[0] == "aob":
        return 'Did you mean `agenda add "AOB: the subject"`? Any other business is an item on the agenda. '
    if words[0] == "schedule":
        when = " ".join(word for word in words[1:] if word not in SCHEDULE_FILLER)
        return f"Did you mean `meeting schedule {when[:40] or '<date> <time>'}`? "
    if (doing := opening_or_closing(words)):
        return f"Did you mean `{doing}`? "
    if any(word.strip("?.!").startswith("quorat") for word in words):  # "is the meeting quorate?"
        return "Did you mean `quorum`? "
    if tokens[0].startswith(("@", "<@")) and any(word.strip(".!") in ("here", "present") for word in words[1:3]):
        return f"Did you mean `here {tokens[0]}`? "  # "@grace here": the roll taken in the room
    if words[0] in ("approve", "agree") and "minutes" in words[1:4]:  # "approve the minutes of meeting 1"
        number = next((word for word in words[2:] if word.isdigit()), "")
        return f"Did you mean `minutes approve{' ' + number if number else ''}`? "
    return asked_meant(words)


# A question or request in words (`who is my alternate`, `when is the next meeting?`): the command answering it, from
# the first of its words that names one (PLPCP's alternates, CSCPWG's substitutes by their own command words).
ASKING = ("who", "who's", "whos", "what", "what's", "whats", "when", "when's", "whens", "which", "where", "list",
          "show", "my", "i", "i'd", "id", "can", "is", "are", "how", "please")
ASKED_FOR = {"alternate": "alternates", "alternates": "alternates", "substitute": "substitutes",
             "substitutes": "substitutes", "deputy": "deputies", "deputies": "deputies", "agenda": "agenda",
             "meeting": "meetings", "meetings": "meetings", "member": "members", "members": "members",
             "quorum": "quorum", "actions": "actions", "interests": "interests", "declare": 'declare "the interest"',
             "minutes": "minutes", "polls": "polls", "votes": "polls", "attendance": "attendance"}


def asked_meant(words: list[str]) -> str:
    """`Did you mean `alternates`? ` for a question whose first word asks (`who`, `when`, `list`) and a later word
    names what is asked about; nothing for any other words (`who` alone is the roll: SYNONYMS)."""
    if words[0].strip("?.!,") not in ASKING:
        return ""
    asked = next((ASKED_FOR[w] for w in (word.strip("?.!,:;'") for word in words[1:8]) if w in ASKED_FOR), None)
    return f"Did you mean `{asked}`? " if asked else ""


OPENING, CLOSING = ("start", "open", "begin", "commence"), ("end", "close", "finish", "adjourn", "stop")
VOTE_WORDS = ("vote", "voting", "poll", "motion", "ballot")


def opening_or_closing(words: list[str]) -> str:
    """The command a chair's own words to open or close a meeting or a vote mean (`end the meeting`: `meeting
    close`; `close the vote on motion 1`: `poll close 1`; `open the vote on motion 2`: `motion vote 2`), or nothing."""
    if words[0] not in OPENING + CLOSING:
        return ""
    rest = [word for word in words[1:6] if word not in ("the", "this", "a", "on")]
    number = next((word for word in rest if word.isdigit()), "N")
    if rest[:1] == ["meeting"]:
        return "meeting open" if words[0] in OPENING else "meeting close"
    if rest[:1] and rest[0] in VOTE_WORDS:
        return f"motion vote {number}" if words[0] in OPENING else f"poll close {number}"
    return ""


def correction_meant(tokens: list[str], words: list[str]) -> str:
    """How to correct a meeting's minutes before they are approved, said to `minutes correct item 1: text`."""
    if len(words) < 2 or words[0] != "minutes" or words[1] not in CORRECT_WORDS:
        return ""
    at = words.index("item") + 1 if "item" in words[:-1] else 0
    item = words[at] if at and words[at].isdigit() else "N"
    text = " ".join(tokens[at + 1:] if at else tokens[2:])[:80] or "text"
    return (f"To correct the minutes before they are approved, minute the item again (it replaces its note): "
            f'`minute "{text}" --item {item} --meeting N`, or `resolved "..." --item {item} --meeting N` for what '
            "was resolved; then `minutes approve N`.")
