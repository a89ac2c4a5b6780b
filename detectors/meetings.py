"""Meeting documents and office contact blocks: the minutes, agenda or notice of a council's,
committee's or panel's meeting names its members, chair and clerk in public, a clerk's or
proper officer's published contact block (name, address, phone) is a work contact, not a
private person's, and a planning application listed with its reference, site and applicant
is an entry of the public planning register."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from detectors.vocab import CASE_PARTY

if TYPE_CHECKING:
    from detectors.prose_scan import ProseResult

MEETING_TITLE_NEAR = 3000
"""Characters at the start of a text searched for a meeting document's title."""
_MEETING_TITLE = re.compile(
    r"^[ \t]*(?:(?:draft|approved|confirmed|unconfirmed|signed)[ \t]+)?(?:"
    r"minutes[ \t]+(?:of|for)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:[^\n]{0,80}?\n?)??[^\n]{0,80}?"
    r"\b(?:council|committee|"
    r"sub-committee|panel|board|meeting|cabinet|assembly|forum)\b"
    r"|(?:[^\n]{0,60}\b)?(?:council|committee|panel|board)[ \t]+(?:meeting[ \t]+)?minutes\b"
    r"|agenda\b|summons[ \t]+to[ \t]+(?:all[ \t]+)?(?:councillors|members)\b"
    r"|notice[ \t]+of[ \t]+(?:the[ \t]+)?[^\n]{0,60}?\bmeeting\b"
    r"|(?:[^\n]{0,60}\b)?(?:council|committee|panel|board|club|association|society)[ \t]*\.?"
    r"[ \t]*\n?[ \t]*meeting\b"
    # Welsh: "Cofnodion" (minutes), "Cyngor Cymuned … / Cyfarfod" (a community council's
    # meeting), "Agenda".
    r"|cofnodion\b|(?:[^\n]{0,60}\b)?cyngor[^\n]{0,60}\n?[ \t]*cyfarfod\b)",
    re.IGNORECASE | re.MULTILINE,
)
"""A meeting document's title at the head of a line, the body's name on the next line at the
latest: "Minutes of the Parish Council meeting", "Draft minutes for the / Community Council",
"Agenda & Summons to Councillors", "Notice of meeting", "Community Council / Meeting 13th
June", and their Welsh forms (a council in Wales publishes its minutes in both languages)."""
_ITEM_NUMBER = r"(?:(?:[\d.]+[.)]?|[a-z][.)])[ \t]*)?"
"""An item's number or letter before its heading: "3.", "2)", "b."."""
_MEETING_ITEMS = {
    "present": re.compile(
        rf"^[ \t]*{_ITEM_NUMBER}(?:(?:committee[ \t]+)?(?:members|councillors|"
        r"governors)[ \t]+)?(?:present(?:[ \t]+were)?[ \t]*:|(?:yn[ \t]+)?(?:present|presennol)"
        r"[ \t]*:?[ \t]*$|attendees[ \t]*:)",
        re.IGNORECASE | re.MULTILINE,
    ),
    "attendance": re.compile(r"^[ \t]*(?:also[ \t]+)?in[ \t]+attendance\b", re.I | re.M),
    "apologies": re.compile(
        rf"^[ \t]*{_ITEM_NUMBER}(?:to[ \t]+(?:receive|note|accept)[ \t]+(?:any[ \t]+)?)?"
        r"(?:(?:welcome|croeso)[ \t]+(?:and|ac|a)[ \t]+)?(?:apologies|ymddiheuriadau)\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "declarations": re.compile(
        rf"^[ \t]*{_ITEM_NUMBER}(?:to[ \t]+receive[ \t]+(?:any[ \t]+)?)?declarations?"
        r"[ \t]+of[ \t]+(?:\w+[ \t]+)?interests?\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "previous": re.compile(
        r"\bminutes[ \t]+(?:of|and[ \t]+actions[ \t]+from)[ \t]+(?:the[ \t]+)?(?:last|previous)"
        r"[ \t]+(?:\w+[ \t]+)?meetings?\b|"
        r"(?m:^)[ \t]*(?:[\d.]+[.)]?[ \t]*)?(?:minutes[ \t]*[-–—:][ \t]*)?(?:issues|matters)[ \t]+"
        r"(?:arising[ \t]+)?from[ \t]+(?:the[ \t]+)?(?:last|previous)[ \t]+meeting\b|"
        r"\bcofnodion[ \t]+y[ \t]+cyfarfod[ \t]+(?:blaenorol|diwethaf)\b",
        re.IGNORECASE,
    ),
    "declarations_cy": re.compile(r"\bdatgan(?:iadau)?[ \t]+(?:o[ \t]+)?fuddiant\b", re.I),
    "next": re.compile(
        rf"^[ \t]*{_ITEM_NUMBER}(?:date[ \t]+of[ \t]+)?(?:the[ \t]+)?next[ \t]+meeting\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "opened": re.compile(
        r"\b(?:meeting|chair(?:man|woman|person)?|president)[ \t]+(?:was[ \t]+)?called[ \t]+"
        r"(?:the[ \t]+meeting[ \t]+)?to[ \t]+order\b|"
        rf"^[ \t]*{_ITEM_NUMBER}call[ \t]+to[ \t]+order\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "closed": re.compile(
        r"\bmeeting[ \t]+(?:was[ \t]+)?(?:adjourned|closed)[ \t]+at\b|"
        rf"^[ \t]*{_ITEM_NUMBER}adjournment[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
}
"""The standing items of a meeting: who was present, apologies, declarations of interest,
the minutes of (or issues from) the last meeting, the date of the next; the chair's call to
order and the time the meeting closed or adjourned at, as minutes record them."""
MEETING_ITEMS = 2


def is_meeting_document(text: str) -> bool:
    """True for the minutes, agenda or notice of a council's, committee's or panel's meeting:
    a meeting's title near the start and at least two of its standing items. Such documents
    are published on purpose and name the members, the chair and the clerk in public.

    A web page may give the whole of its minutes as one paragraph: in a text with (nearly) no
    line breaks, the title and the items are looked for anywhere a word starts."""
    if text.count("\n") * RUN_ON_CHARS < len(text):
        title, items = _RUN_ON_TITLE, _RUN_ON_ITEMS
    else:
        title, items = _MEETING_TITLE, _MEETING_ITEMS
    if title.search(text, 0, MEETING_TITLE_NEAR) is None:
        return False
    return sum(1 for item in items.values() if item.search(text)) >= MEETING_ITEMS


RUN_ON_CHARS = 400
"""Characters a text holds per line break at least to be read as one run-on paragraph."""


def _run_on(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with its line anchors read as word starts."""
    source = re.sub(r"(?<!\[)\^", r"\\b", pattern.pattern)
    return re.compile(source, pattern.flags & ~re.MULTILINE)


_RUN_ON_TITLE = _run_on(_MEETING_TITLE)
_RUN_ON_ITEMS = {name: _run_on(item) for name, item in _MEETING_ITEMS.items()}


_OFFICE_CONTACT = re.compile(
    r"\b(?:(?:parish|town|district|city|county|borough|community)[ \t]+clerk"
    r"|clerk[ \t]+to[ \t]+the[ \t]+(?:\w+[ \t]+){0,2}?(?:council|committee|panel|board)"
    r"|clerk[ \t]+(?:and|&)[ \t]+(?:rfo|responsible[ \t]+financial[ \t]+officer)"
    r"|proper[ \t]+officer|responsible[ \t]+financial[ \t]+officer"
    r"|bookings?[ \t]+(?:secretary|clerk|officer|manager|co-?ordinator))\b",
    re.IGNORECASE,
)
"""The offices whose published contact block (name, address, phone) is a work contact: a
council's clerk or proper officer, a hall's bookings secretary. Whoever a form is to be sent to
("Send this form to: Jane Smith, 35 Fir Close …", "Return with your subscription to:", "Return
to:", "Entries should be sent to") is its contact too (`_RETURN_TO`): an imperative opening its
clause, not "we will send the file to" or "the bicycle was returned to"; and so is the person
an office's address is marked for ("ATTN:", "FAO")."""
_RETURN_TO = re.compile(
    r"\b(?:send|return|post)\s+(?:this|the|your)?\s*(?:completed\s+)?"
    r"(?:(?:booking|application|hire|consent|reply|tear[ \t-]*off|entry)\s+)?"
    r"(?:forms?|sections?|slips?)(?:\s+by\s+[^:.]{1,30}?)?[ \t]*,?\s+to\b"
    r"|\b(?:entries|entry[ \t]+forms?|applications?|cheques?|nominations?)\b[^\n]{0,60}?"
    r"(?:\n[^\n]{0,40}?)?\bto[ \t]*:[ \t]*$"
    r"|\bto[ \t]+book[ \t]+(?:the[ \t]+)?(?:hall|room|venue|centre|pavilion)?[ \t,]*"
    r"(?:please[ \t]+)?(?:contact|call|ring|phone)\b"
    r"|(?:^|[&:;]|\band\b|\bplease\b)[ \t]*(?:send|return|post|forward|submit)[ \t]+"
    r"(?:it|them|all|with)\b[^.!?\n]{0,40}?(?:\n[^.!?\n]{0,40}?)?\bto\b[ \t]*:?"
    r"|^[ \t]*(?:please[ \t]+)?(?:send|return|post)[ \t]+to[ \t]*:"
    r"|^[ \t]*(?:attn|attention|fao|f\.a\.o\.|for[ \t]+the[ \t]+attention[ \t]+of)\b[ \t]*:?"
    r"|\b(?:should|must|can|may|are[ \t]+to)[ \t]+be[ \t]+(?:returned|sent|posted|forwarded|"
    r"submitted|handed[ \t]+in)[ \t]+to\b[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)
_TRADE_CONTACT = re.compile(
    r"\b(?:contact|call|ring|phone|text|whatsapp)\b[^\n.;]{0,60}?\bfor[ \t]+(?:\w+[ \t]+)?"
    r"(?:orders?|bookings?|deliveries|delivery|takeaways?|tickets|quotes?|appointments?|"
    r"groceries|reservations?)\b"
    r"|\b(?:contact|call|ring|phone|text|message|e-?mail|email|find)[ \t]+us\b"
    r"|\bplease[ \t]+(?:contact|e-?mail|email|book)\b(?![ \t]+me\b)"
    r"|(?:\A|(?<=[.!?•●\n])|(?<=[.!?•●\n][ \t]))[ \t]*(?-i:Contact)[ \t]+"
    r"(?-i:(?=(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][a-z]))"
    r"|\b(?:available|obtainable|can[ \t]+be[ \t]+(?:bought|ordered|purchased))[ \t]+"
    r"(?:to[ \t]+(?:buy|order)[ \t]+)?from\b",
    re.IGNORECASE,
)
"""A trader's number advertised in a parish newsletter or a school's handbook: "Contact Steve
for takeaway orders and Fi on 07700 900123 for groceries", "Jumpers are available from …
or Jane Smith 01970 …", or a group asking to be reached ("please call us, message us …",
"please contact Jane Smith on …", a sentence that opens "Contact Mrs Jane Smith 07…"; not
"please contact me", a writer's own number, nor "please ring Jane Smith on 07… about the
complaint", a note of a case).
Given for trade or by a body, it is the business's or the group's contact."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TITLE_STOP = r"(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bFr)(?<!\bRev)(?<!\bRevd)(?<!\bSt)"
"""Not the stop of a courtesy title ("Mrs. Jane Smith"), which ends no sentence."""
_TRADE_END = re.compile(_TITLE_STOP + r"\.(?:[ \t]|$)|\n[ \t]*\n", re.MULTILINE)
"""The end of a trader's sentence: a full stop, or a blank line."""
RETURN_REACH = 200
"""Characters after "Please return this form to" that name whom and where, on its line."""
_OFFICE_LINE = re.compile(
    r"^[ \t]*(?:[•\uf0b7·*][ \t]*)?(?:enquiries[ \t]*:|"
    r"(?:the[ \t]+)?(?:clerk|chair(?:man|woman|person)?|vice[ \t-]chair\w*|"
    r"secretary|treasurer|president|editor|bookings?[ \t]+secretary|(?:parish[ \t]+)?"
    r"(?:priest|vicar|rector|curate|pastor|chaplain))[ \t]*(?::|[–—-][ \t])|"
    r"(?:event[ \t]+)?(?:organi[sz]ers?|leaders?)(?:[ \t]+(?:and|&)[ \t]+contact[ \t]+details)?"
    r"[ \t]*:|contact[ \t]+details[ \t]+(?:during|for|on)[ \t][^:\n]{0,30}:|"
    r"(?:(?:parish|town|district|county|city|borough|"
    r"community)[ \t]+)?(?:councillors|members[ \t]+of[ \t]+the[ \t]+council)[ \t]*:?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
"""A line opening with "Clerk:" (the council's clerk at the head of its papers) or another
office of a committee ("Chairman:", "Treasurer - ", "Booking Secretary:", a newsletter's
"Editor - ", a church's "Parish Priest:"), or a heading of the council's members alone on
its line, over their published contact details."""
CONTACT_LINE = re.compile(
    r"\b(?:tel(?:ephone)?|phone|mobile|mob|e-?mail|email|fax)\b\.?|"
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b|"
    r"^[ \t]*(?:\+?\d[\d \t()-]{8,})[ \t]*$|"
    r"(?-i:^[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]*[–—:-][ \t]*"
    r"\+?\d[\d \t()-]{8,}\d[ \t]*[,;.]?[ \t]*$)|"
    r"(?-i:^[ \t]*[A-Z0-9][\w'’.-]*(?:[ \t]+[A-Z0-9][\w'’.-]*){0,5}"
    r"(?:[ \t]*,[ \t]*[A-Z0-9][\w'’.-]*(?:[ \t]+[A-Z0-9][\w'’.-]*){0,4})+[ \t]*,?[ \t]*$)",
    re.IGNORECASE,
)
"""A line of a contact block: a phone, an e-mail, a postcode, an address of comma-parted
parts, a name and its number ("Ben Heath – 07700 900321", one of an event's leaders)."""
_OFFICE_SAID = re.compile(
    r"\b(?i:the|our)[ \t]+(?:[A-Z][A-Za-z&'’]*[ \t]+){0,2}(?i:vice[ \t-])?"
    r"(?i:chair(?:man|woman|person)?|secretary|treasurer|clerk|convenor|president)"
    r"(?:[ \t]*:[ \t]*|[ \t]+(?:is[ \t]+)?)(?=[A-Z])"
)
"""An office and its holder said in a sentence: "The Chair is Danny Smith 07700 900123; the
Secretary Jane Jones 0141 496 0018", "return it to the PCC Secretary: Eleanor Jones, 9 High
Street…" (the office of a body named by its initials). The sentence is a contact when it gives a
number, a postcode or an e-mail address."""
_OFFICE_AFTER = re.compile(
    r"\((?i:chair(?:man|woman|person)?|vice[ \t-]chair\w*|secretary|treasurer|clerk|"
    r"convenor|president)\)"
)
"""An office in brackets after its holder's name: "Daphne Smith (Chair) 502122 3, Border Road"."""
NAME_REACH = 40
"""Characters before an office in brackets searched for its holder's name, on its line."""
_SENTENCE_END = re.compile(r"[;\n]|" + _TITLE_STOP + r"\.(?:\s|$)")
_CONTACT_GIVEN = re.compile(
    r"\d[\d \t]{7,}\d|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b|[\w.+-]+@[\w-]+\.[\w.-]+"
)
"""A contact given with an office: a phone number, a postcode or an e-mail address (a village
number may be six digits and a house number: "502122 3, Border Road PE33 9TW")."""
SAID_REACH = 100
"""Characters after an office said in a sentence searched for its holder's number."""
HOLDER_LINE = 60
"""Characters at most of the line naming an office's holder under the office alone."""
CONTACT_LINES = 8
"""Lines under an office's line read as its contact block (a council's members, one a line)."""


@lru_cache(maxsize=8)
def office_contact_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text gives the published contact block of a clerk or proper officer: the line
    naming the office ("Parish Clerk : Jane Smith") and the address, phone and e-mail lines
    straight under it."""
    spans: list[tuple[int, int]] = []
    offices = sorted(
        [*_OFFICE_CONTACT.finditer(text), *_OFFICE_LINE.finditer(text)], key=lambda m: m.start()
    )
    for found in _RETURN_TO.finditer(text):
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        if text[found.end() : end].rstrip().endswith((":", ":-")) or found.end() == end:
            # "… by 29th April to:" over the lines of whom and where
            blank = _BLANK_LINE.search(text, end, found.end() + RETURN_REACH)
            end = blank.start() if blank else found.end() + RETURN_REACH
        end = min(end, found.end() + RETURN_REACH, len(text))
        if CASE_PARTY.search(text, found.start(), end) is None:  # not a victim's
            spans.append((found.start(), end))
    for found in _TRADE_CONTACT.finditer(text):
        # A sentence, whatever its lines: "available from Ffigar, … or / Jane Smith 01970 …"
        stop = _TRADE_END.search(text, found.end(), found.end() + RETURN_REACH)
        end = stop.start() if stop else min(len(text), found.end() + RETURN_REACH)
        if CASE_PARTY.search(text, found.start(), end) is None:
            spans.append((found.start(), end))
    for found in [*_OFFICE_SAID.finditer(text), *_OFFICE_AFTER.finditer(text)]:
        stop = _SENTENCE_END.search(text, found.end(), found.end() + SAID_REACH)
        end = stop.start() if stop is not None else min(len(text), found.end() + SAID_REACH)
        start = found.start()
        if found.re is _OFFICE_AFTER:  # the holder's name is before the office
            start = max(text.rfind("\n", 0, start) + 1, start - NAME_REACH)
        if _CONTACT_GIVEN.search(text, found.end(), end) and not CASE_PARTY.search(
            text, start, end
        ):
            spans.append((start, end))
    for found in offices:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        if end - start > 160:
            continue  # the office named in a sentence, not heading a block
        if text[start:end].rstrip().endswith(":"):
            # "Booking Secretary:" alone on its line, the holder's name on the next
            following = text.find("\n", end + 1)
            following = len(text) if following < 0 else following
            holder = text[end + 1 : following].strip()
            if 0 < len(holder) <= HOLDER_LINE and not any(ch.isdigit() for ch in holder):
                end = following
        for _ in range(CONTACT_LINES):
            following = text.find("\n", end + 1)
            following = len(text) if following < 0 else following
            line = text[end + 1 : following]
            if not line.strip() or CONTACT_LINE.search(line) is None:
                break
            end = following
        spans.append((start, end))
    return tuple(spans)


def in_spans(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(low <= start and end <= high for low, high in spans)


_PLANNING_REF = re.compile(
    r"(?<![\w/])(?:[A-Z]{1,4}/)?(?:\d{2}|\d{4})/\d{3,6}(?:/[A-Z]{2,6})?\b(?!/\d)|"
    r"(?<![\w/])[A-Z]{1,3}/\d{4,6}\b(?!/)"
)
"""A planning application's reference: "23/00123/FUL", "P/2023/0456", "E/37499". A crime
reference ("36/12345/21") ends in figures and is not one."""
_PLANNING_WORDS = re.compile(
    r"\bplanning\b|\bcynllunio\b|\berection\s+of\b|\bchange\s+of\s+use\b|\bextension\b|"
    r"\bdemolition\b|\blisted\s+building\b|\bdwellings?\b|\bproposed\b|\bconservatory\b|"
    r"\bconsent\b|\bno\s+objections?\b|\bgranted\b|\brefused\b|\bapplicant\b|"
    r"\bcaniatawyd\b|\bcaniat[aâ]d\b|\bgwrthodwyd\b|\bceisiadau\b|\bdatblygiad\b|"
    r"\bestyniad\b|\bannedd\b",
    re.IGNORECASE,
)
PLANNING_NEAR = 300
"""Characters around a reference within which the words of a planning application stand, and
after it within which its site and applicant are given."""


def planning_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text lists planning applications (reference, site address, applicant, what
    is proposed): the planning register is public by law, so the addresses there are sites,
    not private homes given away."""
    spans: list[tuple[int, int]] = []
    for ref in _PLANNING_REF.finditer(text):
        low, high = max(0, ref.start() - PLANNING_NEAR), ref.end() + PLANNING_NEAR
        listed = bool(spans) and ref.start() <= spans[-1][1]  # the next entry of the list
        if listed or _PLANNING_WORDS.search(text, low, high):
            spans.append((max(0, ref.start() - NEAR_BEFORE), min(len(text), high)))
    if spans and spans[0][0] <= PLANNING_NEAR:
        # A page that opens within a list of applications opens with the end of the last
        # entry of the page before (its site's postcode, its applicant).
        spans[0] = (0, spans[0][1])
    return tuple(spans)


NEAR_BEFORE = 100
"""Characters before a reference that still belong to its entry (the applicant's name)."""


def said_in_meeting(meeting: bool, shown: bool, result: ProseResult) -> bool:
    """A meeting's minutes or agenda name its members, chair and clerk in public; not a
    member of the public given with a home address or phone, nor a victim or witness, nor
    anything hidden."""
    return meeting and shown and not (result.role or result.private or result.offenders)
