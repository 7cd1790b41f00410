"""The verbs the command grammar knows: each verb's arguments, options, usage line, summary and example."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Arg:
    name: str
    kind: str = "text"  # text | person | int | word
    required: bool = True
    many: bool = False


@dataclass(frozen=True)
class Verb:
    name: str
    usage: str
    summary: str
    args: tuple[Arg, ...] = ()
    options: dict[str, str] = field(default_factory=dict)  # name -> kind (text | person | int | flag)
    example: str = ""  # {next_week} and {year_start} stand for dates valid on the day help is asked for


VERBS: tuple[Verb, ...] = (
    Verb("help", "help [verb]", "what you can ask, or how to use one verb", (Arg("topic", required=False, many=True),)),
    Verb("group info", "group info", "the group, its purpose and the rules in force, each with its ToR clause"),
    Verb("terms", "terms", "the rules in force, each citing its ToR clause"),
    Verb("group bind", "group bind <short-name>", "bind this channel to a group (its chair or secretariat)",
         (Arg("short_name", "word"),), example="group bind cjcg"),
    Verb("group end", 'group end [--motion N] [--agreed "reference"]', "end the group before its end date, on the "
         "agreement its ToR asks for (e.g. motion N carried by all members)", (), {"motion": "int", "agreed": "text"}),
    Verb("members", "members", "seats, holders and when their terms end"),
    Verb("member add", 'member add @person --seat "title" [--role chair|vice_chair|co_chair|member|secretariat|...] '
         '[--agreed "reference"] [--also "capacity"]', "put a person in a seat, or record what else they are "
         "(whoever the ToR's powers name; `terms` lists them)", (Arg("person", "person"),),
         {"seat": "text", "role": "text", "from": "text", "agreed": "text", "also": "text"},
         'member add @alice --seat "Chair"'),
    Verb("member remove", "member remove @person", "end a person's seat (whoever the ToR's powers name)",
         (Arg("person", "person"),)),
    Verb("chair", "chair @person [--poll N]", "make a member the chair, for the term the ToR sets; where the ToR "
         "elects the chair, record the election held in poll N", (Arg("person", "person"),), {"poll": "int"}),
    Verb("deputy", "deputy @person [--for @member] [--meeting next|N|standing]",
         "name a deputy to attend (and, where the ToR allows, vote) in your place", (Arg("person", "person"),),
         {"for": "person", "meeting": "text"}, "deputy @bob --meeting next"),
    Verb("deputy revoke", "deputy revoke @person [--for @member]", "withdraw a deputy nomination",
         (Arg("person", "person"),), {"for": "person"}),
    Verb("deputies", "deputies", "deputy nominations in force"),
    Verb("declare", 'declare "interest" [--meeting N] [--item N] [--nature "kind"] | declare none',
         "declare an interest (or none) for the current or next meeting", (Arg("description", many=True),),
         {"item": "int", "nature": "text", "meeting": "int"}, 'declare "My employer bids for this contract" --item 2'),
    Verb("interests", "interests [--meeting N] [--person @p] [--since DATE]", "the register of interests",
         options={"meeting": "int", "person": "person", "since": "text"}, example="interests --person @bob --since "
         "{year_start}"),
    Verb("meeting schedule", 'meeting schedule <date> <time> [--where "place"] [--chair @p] [--minutes @p] '
         "[--first|--second]", "schedule a meeting (chair or secretariat)", (Arg("date"), Arg("time")),
         {"where": "text", "chair": "person", "minutes": "person", "first": "flag", "second": "flag"},
         'meeting schedule {next_week} 10:00 --where "Teams"'),
    Verb("meetings", "meetings", "upcoming and recent meetings"),
    Verb("meeting open", "meeting open [N] [--confirm]", "open the next meeting: roll call, interests prompt and "
         "quorum; --confirm opens it hours before its time", (Arg("meeting", "int", required=False),),
         {"confirm": "flag"}),
    Verb("meeting close", "meeting close", "close the open meeting; members not recorded are marked absent"),
    Verb("meeting cancel", "meeting cancel N", "cancel a scheduled meeting", (Arg("meeting", "int"),)),
    Verb("agenda add", 'agenda add "title" [--meeting N]', "add an item to the next meeting's agenda",
         (Arg("title", many=True),), {"meeting": "int"}),
    Verb("agenda", "agenda [N]", "the agenda of the next (or given) meeting",
         (Arg("meeting", "int", required=False),)),
    Verb("here", "here [--for @member]", "record that you are present (or attending as a deputy)",
         options={"for": "person"}),
    Verb("apologies", "apologies [reason]", "send apologies for the open or next meeting",
         (Arg("reason", required=False, many=True),), {"meeting": "int"}),
    Verb("attendance", "attendance", "who is present, deputised, absent or sent apologies at the open meeting"),
    Verb("attendance register", "attendance register",
         "each member's attendance at every meeting held, with runs of absences flagged"),
    Verb("meeting minutes", "meeting minutes [N]", "the minutes of a meeting: a draft from the record, or the "
         "approved text", (Arg("meeting", "int", required=False),)),
    Verb("minutes", "minutes [N]", "the minutes of a meeting, with the link to the group's page and the downloads",
         (Arg("meeting", "int", required=False),)),
    Verb("page", "page", "your link to the group's web page: meetings, minutes, registers, actions and attendance"),
    Verb("minutes approve", "minutes approve [N]", "approve a closed meeting's minutes (whoever the ToR names); "
         "they are posted and the meeting's record is locked", (Arg("meeting", "int", required=False),)),
    Verb("minute", 'minute "text" --item N [--meeting N]', "minute the discussion of an agenda item (minute-taker "
         "or chair)", (Arg("text", many=True),), {"item": "int", "meeting": "int"},
         'minute "The group noted the quarterly report" --item 1'),
    Verb("resolved", 'resolved "text" --item N [--meeting N]', "record what was resolved on an agenda item "
         "(minute-taker or chair)", (Arg("text", many=True),), {"item": "int", "meeting": "int"},
         'resolved "RESOLVED that the plan be adopted" --item 1'),
    Verb("quorum", "quorum", "is the meeting quorate, under the ToR's rule"),
    Verb("motion", 'motion "text" [--item N] [--closes "date time"]', "propose a motion (the chair opens the vote)",
         (Arg("text", many=True),), {"item": "int", "closes": "text"}, 'motion "Approve the joint action plan"'),
    Verb("motion table", "motion table N", "table a proposed motion (steering group members)", (Arg("poll", "int"),)),
    Verb("motion vote", 'motion vote N [--closes "date time"]', "open the vote on a motion (the chair); between "
         "meetings, give the deadline", (Arg("poll", "int"),), {"closes": "text"}),
    Verb("poll", 'poll "question" "option" "option" ... [--closes "date time"] [--secret] [--multi]',
         "ask the group a question with your own options", (Arg("question"), Arg("choices", many=True)),
         {"closes": "text", "secret": "flag", "multi": "flag"}, 'poll "Next venue?" "Barnet" "Camden"'),
    Verb("polls", "polls", "open polls and motions"),
    Verb("vote", "vote N <choice> [--for @member]", "vote in poll or motion N (for / against / abstain, or an option)",
         (Arg("poll", "int"), Arg("choice", many=True)), {"for": "person"}, "vote 3 for"),
    Verb("poll close", "poll close N [--casting for|against]", "close a vote and record the outcome (the chair)",
         (Arg("poll", "int"),), {"casting": "text"}),
    Verb("results", "results N", "the tally and outcome of poll or motion N", (Arg("poll", "int"),)),
    Verb("action", 'action "text" [--owner @p] [--due DATE] [--item N]',
         "record an action agreed at the meeting (chair, secretariat or minute-taker)", (Arg("text", many=True),),
         {"owner": "person", "due": "text", "item": "int"}, 'action "Circulate the revised plan" --owner @bob '
         "--due {next_week}"),
    Verb("action done", "action done N", "mark action N done (its owner, the chair or the secretariat)",
         (Arg("action", "int"),)),
    Verb("actions", "actions", "the open actions, with owners and due dates"),
    Verb("review", "review", "when the ToR is next due for review"),
    Verb("review done", "review done [note]", "record that the ToR review was done",
         (Arg("note", required=False, many=True),)),
    Verb("report done", "report done [note]", "record that the report to the parent body was made",
         (Arg("note", required=False, many=True),)),
)
BY_NAME = {verb.name: verb for verb in VERBS}
