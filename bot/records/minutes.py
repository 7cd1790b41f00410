"""Minutes as text: a Markdown draft built from a MeetingRecord, and the hash that seals approved minutes."""

from __future__ import annotations

import datetime as dt
import hashlib

from bot.records.meeting_record import HIDDEN, MeetingRecord, item_title
from bot.records.minutes_business import VoteRecord
from bot.rules.attendance import APOLOGIES_JOIN, apology_words
from bot.rules.calendar import show_date


def seal(text: str) -> str:
    """The SHA-256 of the minutes text, stored on approval so any later change to it shows."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clock(moment: dt.datetime | None) -> str:
    return f"{moment:%H:%M}" if moment else "not recorded"


def people(names: list[str]) -> str:
    """The names in a line of the minutes; where one carries its times ("dan — left at 10:40, back at 10:55"), a
    semicolon parts the people, so that the next name does not read as one more of the times."""
    if not names:
        return "none"
    return ("; " if any(" — " in name for name in names) else ", ").join(names)


def chaired_by(record: MeetingRecord) -> str:
    """Who chaired, with any handover during the meeting. The minutes and the group page both use it."""
    return record.chaired or record.chair


def heading(record: MeetingRecord) -> list[str]:
    when = record.starts_at
    lines = [f"# Minutes of {record.group}: meeting {record.number}", ""]
    opened = record.opened_at
    if opened is not None and opened.date() != when.date():  # opened on another day: the record is the real date
        lines.append(f"- **Date:** {opened:%A} {opened.day} {opened:%B %Y} (scheduled for {when:%A} {when.day} "
                     f"{when:%B %Y})")
    else:
        lines.append(f"- **Date:** {when:%A} {when.day} {when:%B %Y}")
    time = f"{when:%H:%M %Z}"
    if record.opened_at:
        time += f" (opened {clock(record.opened_at)}, closed {clock(record.closed_at)}" + \
            (f"; {record.overran})" if record.overran else ")")
    lines.append(f"- **Time:** {time}")
    lines.append(f"- **Place:** {record.place or 'not recorded'}")
    lines.append(f"- **Chair:** {chaired_by(record)}")
    lines.append(f"- **Minute-taker:** {record.minute_taker}{record.minute_taker_role}")
    return lines


def apology_lines(record: MeetingRecord) -> list[str]:
    """Each apology as UK minutes list it, with the deputy who attended: `carol — annual leave, deputy yan attended`; a
    member a deputy came for without apologies first is listed too. The minutes and the group page both use it."""
    word = record.deputy_word
    apologies = [apology_words(name, reason, record.apologies_deputised.get(name), word=word)
                 for name, reason in record.apologies]
    sent = {name for name, _ in record.apologies}
    return apologies + [apology_words(member, None, deputy, word=word) for deputy, member in record.deputies
                        if member not in sent]


def in_attendance(record: MeetingRecord) -> list[str]:
    """Those there who are not members: deputies, by the ToR's word and saying for whom (`nadia — alternate for bob`),
    then the secretariat and observers with their seat (`Sam Reid — Administrative support`). The minutes and the
    group page both use it."""
    return [f"{deputy} — {record.deputy_word} for {member}{record.deputy_times.get(member, '')}"
            for deputy, member in record.deputies] + record.officers


def attendance(record: MeetingRecord) -> list[str]:
    """Present, in attendance (deputies, the secretariat), apologies (with the deputy who attended) and absent."""
    apologies = apology_lines(record)
    return ["", "## Attendance", "",
            f"- **Present:** {people(record.present)}",
            f"- **In attendance:** {people(in_attendance(record))}",
            f"- **Apologies:** {APOLOGIES_JOIN.join(apologies) or 'none'}",
            f"- **Absent:** {people(record.absent)}"] + \
        ([f"- **{record.kept_out_heading}:** {people(record.kept_out)}"] if record.kept_out else [])


def quorum(record: MeetingRecord) -> list[str]:
    lines = ["", "## Quorum", "", f"- **When the meeting opened:** {record.quorum_at_open or 'not recorded'}"]
    lines += [f"- **Later:** {change}" for change in record.quorum_changes]
    # in the order the votes opened, with the time: a motion tabled before the meeting keeps its lower number
    checked = sorted((v for v in record.votes if v.quorum), key=lambda v: (v.opened_at is None, v.opened_at))
    lines += [f"- **When the vote on {v.kind} {v.number} opened{f' ({clock(v.opened_at)})' if v.opened_at else ''}:**"
              f" {v.quorum}" for v in checked]
    return lines


def declared(record: MeetingRecord) -> list[tuple[str, str]]:
    """The declarations as (label, text): those for the meeting, then each item's, then who attended without
    declaring where the ToR has interests declared at each meeting. The minutes and the group page both use it."""
    # a deputy holds no seat of their own: name whom they attended for (`nadia (alternate for bob)`)
    deputising = {deputy: member.split(" (")[0] for deputy, member in record.deputies}

    def who(name: str) -> str:
        return f"{name} ({record.deputy_word} for {deputising[name]})" if name in deputising else name
    groups: dict[int | None, list[str]] = {}
    for d in record.declarations:
        text = "no interests to declare" if d.description is None else \
            (f"{d.nature}: " if d.nature else "") + d.description
        text += f" (declared after the meeting closed, on {show_date(d.late)})" if d.late else ""
        groups.setdefault(d.item, []).append(f"{who(d.person)}: {text}")
    lines = [("For the meeting" if item is None else f"Item {item} ({item_title(record, item)})", "; ".join(said))
             for item, said in sorted(groups.items(), key=lambda pair: -1 if pair[0] is None else pair[0])]
    missing = [("No declaration recorded", f"{people([who(n) for n in record.undeclared])} — "
                f"{record.declare_rule}")] if record.undeclared else []
    return lines + missing


def declarations(record: MeetingRecord) -> list[str]:
    lines = [f"- **{label}:** {text}" for label, text in declared(record)]
    return ["", "## Declarations of interest", "", *(lines or ["None recorded."])]


def vote(v: VoteRecord) -> list[str]:
    kind = ("Secret poll" if v.secret else v.kind.capitalize())
    counts = ", ".join(f"{label} {count}" for label, count in v.counts) or HIDDEN
    held = [f"- Rule: {v.rule}",
            f"- Votes: {counts} ({v.voters} voted" + ("; secret ballot, totals only)" if v.secret else ")")]
    lines = [f"**{kind} {v.number}:** {v.question}", "",
             *([f"- Proposed by: {v.proposed}"] if v.proposed else []),
             *(held if v.voted else []),  # a motion moved and not put to the vote here has no tally to give
             *(f"- Declared an interest in this item: {who}" for who in (v.interested if v.voted else ())),
             f"- Outcome: {v.outcome}", *([f"- Next: {v.then}"] if v.then else []), ""]
    return lines


def item(record: MeetingRecord, position: int, title: str) -> list[str]:
    """One numbered item: its discussion, its resolution, and each vote on it."""
    lines = [f"### {position}. {title}", ""]
    minute, resolution = record.notes.get(position, (None, None))
    left = record.left_for.get(position, [])
    lines += [*(f"- {said}" for said in left), ""] if left else []
    if minute:
        lines += [minute, ""]
    if resolution:
        lines += [f"**Resolved:** {resolution}", ""]
    votes = [v for v in record.votes if v.item == position]
    lines += [line for v in votes for line in vote(v)]
    if not (minute or resolution or votes or left):
        lines += ["Nothing was minuted and no vote was taken on this item.", ""]
    return lines


def business(record: MeetingRecord) -> list[str]:
    lines = ["", "## Business", ""]
    if not record.items and not record.votes:
        return [*lines, "No agenda items or votes recorded."]
    for position, title in record.items:
        lines += item(record, position, title)
    others = [v for v in record.votes if v.item is None]
    if others:
        heading = "### Other votes" if all(v.voted for v in others) else "### Other motions and votes"
        lines += [heading, ""] + [line for v in others for line in vote(v)]
    return lines


def between_meetings(record: MeetingRecord) -> list[str]:
    """Votes held since the last meeting outside one, reported here with their own dates."""
    if not record.between:
        return []
    lines = ["", "## Votes between meetings", ""]  # not "decided": a sounding (LIEG 6.3), or short of a quorum
    for v in record.between:
        dates = f"opened {show_date(v.opened_on)}" if v.opened_on else ""
        dates += f", closed {show_date(v.closed_on)}" if v.closed_on else ", still open"
        lines += vote(v)[:-1] + [f"- Held outside a meeting: {dates}", ""]
    return lines


def also(record: MeetingRecord) -> list[str]:
    """What the meeting recorded besides its items: earlier minutes approved, the ToR review, a report made."""
    return ["", "## Also recorded at the meeting", "", *(f"- {line}" for line in record.also)] if record.also else []


def reports_in(record: MeetingRecord) -> list[str]:
    """Reports the group's task-and-finish groups made to it since its meeting before (CJCG 6.6)."""
    return ["", "## Reports from task and finish groups", "", *(f"- {line}" for line in record.reports_in)] \
        if record.reports_in else []


def actions(record: MeetingRecord) -> list[str]:
    lines = ["", "## Actions", ""]
    if not record.actions:
        return [*lines, "None recorded."]
    for a in record.actions:
        on = f" (item {a.item})" if a.item else ""
        due = f"; due {show_date(a.due)}" if a.due else ""
        lines.append(f"- **Action {a.number}**{on}: {a.text} — owner: {a.owner}{due}" + ("; done at the meeting"
                                                                                        if a.done else ""))
    return lines


def signature(record: MeetingRecord) -> list[str]:
    """The chair signs the minutes as a correct record once they are approved; where another body approves them
    (LIEG 5.2: the steering group), the member who approved them signs for it."""
    if record.signed_for:
        signs, name = record.signed_for, record.signer or "________________________________"
    else:
        signs, name = "(Chair)", record.signer or record.chair
    return ["", "## Signed as a correct record", "",
            f"- **Signed:** ________________________________ {signs}",
            f"- **Name:** {name}",
            "- **Date:** ____________________"]


def markdown(record: MeetingRecord) -> str:
    """The minutes draft of a meeting as Markdown, stating only what the record holds."""
    states = {"closed": "", "open": " The meeting is still open; this is the record so far.",
              "scheduled": " The meeting has not been held yet."}
    status = states.get(record.status, f" The meeting is {record.status}.")
    lines = heading(record) + attendance(record) + quorum(record) + declarations(record) + between_meetings(record)
    lines += business(record) + reports_in(record) + also(record) + actions(record) + signature(record)
    lines += ["", f"_Draft built from the record by govbot. Minutes are {record.approval_rule}.{status}_"]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"
