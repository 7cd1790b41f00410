"""What a poll shows: the counts cast, the electorate, and the card with its results."""

from __future__ import annotations

from bot.models import Meeting, Poll
from bot.records.group_end import rules_for, then_words
from bot.records.meeting_record import HIDDEN
from bot.records.tally import counts as counts
from bot.refs import PollRef
from bot.replies import Button, Reply
from bot.rules.calendar import show
from bot.rules.ending_words import speaks_of_ending
from bot.rules.lookalike import button_labels
from bot.rules.voting import electorate_is_present, sounding_note
from bot.services.context import Context
from bot.services.poll_records import get_poll
from bot.services.set_aside import MARK, RULE, at_close, departed, departed_secret, reason, stands, without
from bot.services.standing import voting_members
from bot.services.vote_cap import Counted, counted, name
from bot.verbs_vote import PollClose, Results, Vote


def electorate(ctx: Context, poll: Poll) -> int:
    """Those whose votes the ToR's rule counts: the voting members present at a meeting vote, but every voting
    member in office, present or not, between meetings and where the rule is "agreed by all members"."""
    return counted_electorate(ctx, poll).number


def counted_electorate(ctx: Context, poll: Poll) -> Counted:
    """`electorate`, with how it was counted where a member voted then left (bot.services.vote_cap.counted)."""
    if electorate_is_present(ctx.terms.voting.rule, at_meeting=poll.meeting_id is not None):
        meeting = ctx.session.get(Meeting, poll.meeting_id)
        assert meeting is not None
        return counted(ctx, poll, meeting)
    return Counted(len(voting_members(ctx)))


def share(count: int, voted: int, *, closed: bool = False) -> str:
    """`2 of 3 voted (67%)`: a tally in words, which a screen reader reads as it stands (block-character bars
    are read out as "full block" ten times over). With no votes, `0 (no votes yet)` while it is open, and `0 (no
    votes cast)` once `closed`: none can come."""
    if not voted:
        return "0 (no votes cast)" if closed else "0 (no votes yet)"
    return f"{count} of {voted} voted ({round(100 * count / voted)}%)"


def swift_route(ctx: Context, poll: Poll) -> tuple[tuple[str, str], ...]:
    """CSCPWG Governance: a recommendation put between meetings may, where swift agreement is needed, be agreed
    through the Board's Lead Members instead; not a motion that the group cease (Operation: all members agree)."""
    swift = ctx.terms.voting.swift_agreement
    if not swift or poll.kind != "motion" or poll.meeting_id is not None or \
            speaks_of_ending(poll.question, ctx.terms.name, ctx.terms.short_name):
        return ()
    return (("If it cannot wait", ctx.terms.voting.cited(swift)),)


def card(ctx: Context, poll: Poll, headline: str | None = None,
         counted: tuple[dict[int, int], int] | None = None) -> Reply:
    """The poll as the channel sees it: question, tally (hidden while a secret poll is open), buttons. `counted`:
    its tally (tally.counts), where the command read it already and wrote no ballot since. While it is open, the
    tally is the one the close will count: without the ballots it will set aside, which are named, with why."""
    per, voters = counts(ctx.session, poll) if counted is None else counted
    per, voters, ahead = as_judged(ctx, poll, per, voters)
    hidden = poll.secret and poll.status == "open"
    fields: list[tuple[str, str]] = []
    for option in poll.options:
        count = per.get(option.position, 0)
        fields.append((option.label, HIDDEN if hidden else share(count, voters, closed=poll.status == "closed")))
    fields.append(("Voted", str(voters)))
    fields.extend(ahead)
    if poll.kind == "motion":
        fields.append(("Rule", rules_for(ctx.terms, poll).stated()))
    if poll.closes_at and poll.status == "open" and poll.closes_at <= ctx.now:  # the scheduler declares it next
        fields.append(("Closed", f"{show(poll.closes_at, ctx.terms.zone)}: no more votes; the result is being "
                                 "declared"))
    elif poll.closes_at and poll.status == "open":
        fields.append(("Closes", show(poll.closes_at, ctx.terms.zone)))
        fields.extend(swift_route(ctx, poll))
    note = sounding_note(ctx.terms) if poll.kind == "poll" and poll.meeting_id is None else None
    if note and poll.status == "open" and headline is None:  # the card refreshed as votes come in, and `results`
        fields.append(("Sounding", note[0].upper() + note[1:]))
    if poll.outcome:
        outcome, _, aside = poll.outcome.partition(MARK)  # the ballots set aside at the close (bot.services.set_aside)
        fields.append(("Outcome", outcome))
        fields.extend([("Set aside", aside)] if aside else [])
    then = then_words(ctx.session, ctx.terms, poll)
    if then:
        fields.append(("Next", then))
    buttons: tuple[Button, ...] = ()
    if poll.status == "open" and not (poll.closes_at and poll.closes_at <= ctx.now):  # past it, votes are refused
        style = {"For": "primary", "Against": "danger"}
        labels = button_labels([o.label for o in poll.options])
        buttons = tuple(Button(label, Vote(poll=poll.number, choice=(str(o.position) if poll.kind == "poll"
                                                                     else o.label.casefold(),)),
                               style.get(o.label, "default")) for o, label in zip(poll.options, labels, strict=True))
    if poll.status == "open":  # the chair may still declare it before the scheduler does
        buttons += (Button("Close vote", PollClose(poll=poll.number)),)
    kind = "Secret poll" if poll.secret else poll.kind.capitalize()
    return Reply(headline or f"{kind} {poll.number} ({poll.status}).", title=f"{kind} {poll.number}: {poll.question}",
                 fields=tuple(fields), buttons=buttons, subject=PollRef(poll.id),
                 quoted=(poll.question, *(o.label for o in poll.options)))


def results(ctx: Context, cmd: Results) -> Reply:
    """A poll's card for the person who asked (`results N`), said to them alone."""
    poll = get_poll(ctx, cmd.poll)
    reply = card(ctx, poll)
    return Reply(reply.text, title=reply.title, fields=reply.fields, buttons=reply.buttons,
                 private=True, subject=reply.subject, quoted=reply.quoted)


def as_judged(ctx: Context, poll: Poll, per: dict[int, int],
              voters: int) -> tuple[dict[int, int], int, tuple[tuple[str, str], ...]]:
    """While `poll` is open, its tally `per` and `voters` as the close will count it, without the votes it will set
    aside (bot.services.set_aside), and a field saying whose and why: neither the channel, reading the card each
    vote refreshes, nor the chair asking for the results before closing it is misled by them."""
    gone = departed(ctx, poll) if poll.status == "open" and voters else []
    if not gone:  # a secret ballot cannot be set aside: the card says whose will stand, as the close will
        stood = departed_secret(ctx, poll) if poll.status == "open" and voters else []
        said = "; ".join(stands(at_close(ctx, poll), member, "will stand") for member in stood)
        return per, voters, (("Stands at the close", f"{said}. {RULE}"),) if stood else ()
    said = "; ".join(f"{name(ctx, row.member_id)}'s vote, as {reason(ctx, row.member_id)}" for row in gone)
    return *without(gone, per, voters), (("Set aside at the close", f"{said}. {RULE}"),)
