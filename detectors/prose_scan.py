"""Judge presidio's matches in prose: keep personal data, drop the organisation's own details."""

from __future__ import annotations

import functools
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from detectors.affiliations import affiliated, post_after
from detectors.complaints import complained_of
from detectors.contact_blocks import owned_contact
from detectors.examiners import examiner_spans
from detectors.imprints import imprint_spans
from detectors.letters import disciplined, said_to_you, salutation
from detectors.limits import Budget
from detectors.lookalikes import look_alike, not_nhs
from detectors.mask import mask
from detectors.meetings import in_spans, office_contact_spans, planning_spans
from detectors.names import (
    AllowList,
    PersonName,
    forename_known,
    name_evidence,
    normal,
    parse_name,
)
from detectors.offender_wording import lists_offenders
from detectors.places import place_led, place_or_org_span, venue_before, without_status
from detectors.public import (
    PAYEE_REACH,
    is_body_account,
    is_labelled_mailbox,
    is_mobile,
    is_public_email,
    is_service_phone,
)
from detectors.references import is_citation
from detectors.roles import public_in_prose
from detectors.row_people import PersonKeys, identity, name_keys
from detectors.said_about import said_about
from detectors.signatures import signature_spans, signoff_spans
from detectors.special import GRAVE, categories_in
from detectors.tables import IDENTIFYING
from detectors.vocab import NOT_NAMES, RANK_WORDS, TITLES, wordset

NEAR = 150
"""Characters either side of a name within which an address or phone number is that person's."""

_NEEDS_PERSON = frozenset(
    {"PHONE_NUMBER", "STREET_ADDRESS", "UK_POSTCODE", "CRIME_REFERENCE", "SALARY", "IP_ADDRESS"}
)
"""Entities that are the organisation's own (its address, switchboard, FOI reference) unless a
person's name is beside them."""
_ADDRESSES = frozenset({"STREET_ADDRESS", "UK_POSTCODE"})
_OWNABLE = frozenset({*_ADDRESSES, "PHONE_NUMBER"})
"""Details a body prints for itself in its contact block (`detectors.contact_blocks`)."""
_CODES = frozenset({"UK_NHS", "UK_NINO", "UK_PASSPORT", "UK_DRIVING_LICENCE"})
"""Identifiers that are never written glued to more letters or digits: a match that is only
the start of a longer code ("4445535435-45-4E41", a GUID, a hex dump) is that code's part."""
_ORGANISATION = re.compile(
    r"\b(?:constabulary|police|headquarters|hq|station|council|court|house|offices?|civic|"
    r"town hall|county hall|city hall|freedom of information|disclosure unit)\b",
    re.IGNORECASE,
)
"""Words just before an address that make it the organisation's own postal address."""
_HOUSE_NUMBER = re.compile(
    r"(?:\b\d{1,3}[A-Za-z]?|\b(?:Flat|Studio|Apartment|Unit) \w{1,4}),?\s+\Z"
)
"""Just before a capitalised pair, these make it a street or building name."""
_COURT = re.compile(
    r"\b(?:jailed|sentenced|convicted|pleaded guilty|pled guilty|found guilty|imprisoned|"
    r"charged with|remanded in custody|(?:Crown|Magistrates['’]?|Youth) Court)\b",
    re.IGNORECASE,
)
_VICTIM = re.compile(r"\b(?:victims?|complainants?|survivors?|injured party)\b", re.IGNORECASE)
_ROLE = re.compile(
    r"\b(?:victims?|complainant|(?<!\bto\s)witness(?!\s+(?:it|this|that|the)\b)"
    r"|offender|suspects?|injured party|aggrieved|survivor)\b",
    re.IGNORECASE,
)
"""Words that make a named member of the public a party to a case ("appeal for witnesses" and
"offenders will be caught" name no party; "climbed up to witness it" is the verb)."""
_OFFICER_BEFORE = re.compile(
    r"\b(?:pc|dc|ps|ds|di|dci|dsu|sgt|sergeant|inspector|insp|constable|detective|officer|"
    r"supt|superintendent|chief|pcso|oic)\.?\s*(?:\d{2,5}\s+)?\Z",
    re.IGNORECASE,
)
"""A rank just before a name, or with a collar number between ("DS 4521 Karen Walker"): the
officer dealing, not a party to the case."""
VICTIM_NEAR = 40
"""Characters either side of a name within which a victim word makes it the victim's name."""
CONFIDENT = 0.8
"""The model's score for a name it tagged from context (gazetteer guesses score 0.6)."""
_SENSITIVE = (IDENTIFYING - {"EMAIL_ADDRESS"}) | {"DATE_OF_BIRTH"}
_ETHNIC_WORD = re.compile(
    r"\b(?:Asian|British|Welsh|Scottish|Irish|English|African|Caribbean|Chinese|Indian|"
    r"Pakistani|Bangladeshi|Arab|White|Black|Mixed|Gypsy|Roma|Traveller|Other)\b"
)
"""Ethnic and national group words: two of them in and just before a tagged span make it a
census category; one alone may be a surname (White, Black, Welsh)."""
_SPECIMEN = re.compile(r"\b(?:Any ?(?:town|place|city|ville)|ANY ?(?:TOWN|PLACE|CITY))\b")
"""The made-up town of a specimen in a form or guide ("123 Main Street, Anytown"): the names
and addresses beside it are made up too. Never the word "sample" or "specimen", which a DNA
or blood sample register uses beside real people."""


class ProseMatch(Protocol):
    """One entity the prose finder tagged: its kind, where it lies in the text, its score."""

    @property
    def entity(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...


ProseFinder = Callable[[Sequence[str]], Sequence[Sequence[ProseMatch]]]
"""`detectors.prose.find_entities`, or a stand-in with the same shape."""


def default_finder(check: Callable[[], None], budget: Budget | None = None) -> ProseFinder:
    """presidio and spaCy's finder, checking the document's time budget as it goes and giving
    back to `budget` the time its texts took (`Budget.text_read`); loaded on first use, as the
    model takes seconds to load."""
    from detectors.prose import find_entities

    if budget is None:
        return functools.partial(find_entities, check=check)

    def find(texts: Sequence[str]) -> Sequence[Sequence[ProseMatch]]:
        started = time.monotonic()
        found = find_entities(texts, check=check)
        budget.text_read(started, sum(len(text) for text in texts))
        return found

    return find


@dataclass(frozen=True)
class ProseHit:
    """One accepted match: masked example, hashed person keys for names and own e-mails."""

    entity: str
    score: float
    example: str
    keys: PersonKeys | None = None
    sensitive: bool = False
    public_role: bool = False
    """The name (or a contact detail beside only such names) is a public role's."""


@dataclass(frozen=True)
class ProseResult:
    """What one text holds: accepted hits and the special categories named near them."""

    hits: tuple[ProseHit, ...] = ()
    categories: frozenset[str] = frozenset()
    court_report: bool = False
    """The text reports a court case (charged, convicted, jailed) and names no victim: what
    it says about the defendant is already a public record."""
    private: bool = False
    """A named person's home address or own phone number is given beside their name."""
    role: bool = False
    """A named person is called a victim, witness, complainant or offender."""
    offenders: bool = False
    """The text is a list of offenders (sex offenders, MAPPA, a register) naming people."""
    categorised: tuple[PersonKeys, ...] = ()
    """The people in whose own sentence a special category is named."""
    linked: int = 0
    """Contact details, addresses or identifiers standing within NEAR characters of a name:
    the text says more of someone than their name (an office's mailbox at the foot of a page
    does not)."""
    grave: bool = False
    """A grave category (`detectors.special.GRAVE`) is named in a named person's own sentence,
    not only beside a number or a mailbox ("prior PC 288 convictions" in a rule book)."""


def scan_texts(
    texts: Sequence[str],
    find: ProseFinder,
    allow: AllowList,
    organisations: frozenset[str] = frozenset(),
) -> list[ProseResult]:
    """Run the prose finder over `texts` in one batch and keep what is personal data;
    `organisations` are the short names of bodies the document names (`organisation_heads`)."""
    return [
        _judge(text, matches, allow, organisations)
        for text, matches in zip(texts, find(texts), strict=True)
    ]


def _judge(
    text: str,
    matches: Sequence[ProseMatch],
    allow: AllowList,
    organisations: frozenset[str] = frozenset(),
) -> ProseResult:
    people: list[ProseMatch] = []
    allowed: list[ProseMatch] = []
    public: list[ProseMatch] = []
    # "Parish Clerk: …", their address and phone; "Promoted by … of <address>"; a letter
    # signed over the writer's post and organisation; an examiner's statement on accounts
    contact = office_contact_spans(text) + imprint_spans(text) + signature_spans(text)
    contact += signoff_spans(text)  # a report's "Checked by: / Jane Smith / Clinical Scientist"
    contact += examiner_spans(text)  # an examiner's name and address under their statement
    for match in matches:
        if match.entity != "PERSON" or _HOUSE_NUMBER.search(text, 0, match.start):
            continue  # "12 Albert Spur", "Flat 3, Graham Court": a street, not a person
        if place_or_org_span(text, match.start, match.end) or place_led(
            text[match.start : match.end]
        ):
            continue  # "George Eliot Hospital", "Edward Pease Way", "Lincolnshire Large"
        name = _prose_name(text[match.start : match.end])
        if name is None or not _enough(name, match.score):
            continue
        if _SPECIMEN.search(text, max(0, match.start - NEAR), match.end + NEAR):
            continue  # a specimen cheque's "123 Main Street, Anyplace": made up
        if without_status(normal_words(text[match.start : match.end])) in organisations:
            continue  # "Ann Rowan supports…" where the page names the Ann Rowan Trust
        if len(_ETHNIC_WORD.findall(text, max(0, match.start - 25), match.end)) >= 2:
            continue  # "Asian British or Asian Welsh": a census category ("Jack White" is not)
        if allow.covers(name):
            allowed.append(match)
        elif in_spans(contact, match.start, _line_end(text, match)) or public_in_prose(
            text, _name_start(text, match), match.end
        ):
            public.append(match)
        else:
            people.append(match)

    # A name said again in the same text is the same person in the same capacity: "Complaints
    # should be made to Mrs Jane Smith" … "Mrs Jane Smith will decide".
    in_office = {normal_words(text[m.start : m.end]) for m in public}
    again = {id(m) for m in people if normal_words(text[m.start : m.end]) in in_office}
    public += [m for m in people if id(m) in again]
    people = [m for m in people if id(m) not in again]
    near_people, near_allowed, near_public = _Nearby(people), _Nearby(allowed), _Nearby(public)
    kept = {id(match) for match in people}
    in_role = {id(match) for match in public}

    hits: list[ProseHit] = []
    anchors: list[tuple[ProseMatch, PersonKeys | None]] = []
    for match in matches:
        value = text[match.start : match.end]
        entity = match.entity
        keys = None
        beside = near_people.near(match)
        role = (
            id(match) in in_role
            or (entity != "PERSON" and in_spans(contact, match.start, match.end))
            or (entity != "PERSON" and not beside and near_public.near(match))
            or (entity in _OWNABLE and owned_contact(text, match.start, match.end))
        )
        if entity == "PERSON":
            if (id(match) not in kept and not role) or look_alike(
                entity, text, match.start, match.end
            ):
                continue
            name = _prose_name(value)
            assert name is not None
            value = _name_words(value)
            keys = name_keys(name)
        elif entity == "EMAIL_ADDRESS":
            if (
                is_public_email(value)
                or is_labelled_mailbox(text[max(0, match.start - 60) : match.start], value)
                or (near_allowed.near(match) and not near_people.near(match))
            ):
                continue
            keys = PersonKeys(identity("id", value.casefold()), None, None)
        elif (
            (entity in _CODES and _glued(text, match.start, match.end))
            or _organisational(
                entity, value, beside or role, text[max(0, match.start - 60) : match.start]
            )
            or (look_alike(entity, text, match.start, match.end) and not beside)
            or (entity == "UK_NHS" and not_nhs(text, match.start, match.end))
            or (
                entity == "BANK_DETAILS"
                and is_body_account(text[max(0, match.start - PAYEE_REACH) : match.start])
            )
        ):
            continue
        if not role:
            anchors.append((match, keys if entity == "PERSON" else None))
        hits.append(
            ProseHit(
                entity,
                match.score,
                mask(value, entity),
                keys,
                sensitive=entity in _SENSITIVE and not role,
                public_role=role,
            )
        )
    categories: set[str] = set()
    categorised: list[PersonKeys] = []
    grave = False
    # A name's own words say nothing of anyone ("Mark Child (M)" in a list of members present).
    unnamed = _without_names(text, [*people, *public, *allowed]) if anchors else text
    known = frozenset(
        word for p in people for word in _name_words(text[p.start : p.end]).split()[1:]
    )  # surnames, so that "Smith was charged…" refers back to Jane Smith
    for anchor, anchor_keys in anchors:
        said = said_about(unnamed, anchor.start, anchor.end, known)
        if is_citation(said):
            continue  # "[3] A. Writer, Policing and Race, 2018.": a title's words
        if not (anchor_keys is not None or anchor.entity in _SENSITIVE or near_people.near(anchor)):
            continue  # a helpline's number under "for domestic abuse survivors": no one's
        found = categories_in(said, prose=True)
        categories |= found
        if found and anchor_keys is not None:
            categorised.append(anchor_keys)
            grave = grave or bool(GRAVE & found)
    addressee = _addressee(text, anchors)
    subject = False
    if addressee is not None:
        found = said_to_you(text)
        if found:  # "Dear Todd: … allegations of sexual harassment by you …"
            categories |= found
            categorised.append(addressee)
            grave = grave or bool(GRAVE & found)
        subject = disciplined(text)  # "… of our intent to dismiss you for misconduct"
    court = _COURT.search(text) is not None and not any(
        _VICTIM.search(text, max(0, p.start - VICTIM_NEAR), p.end + VICTIM_NEAR) for p in people
    )
    named = any(hit.entity == "PERSON" for hit in hits)
    # An officer named with a rank ("PCSO Jane Smith on 07700…") gives work details.
    members = [p for p in people if not _OFFICER_BEFORE.search(text, max(0, p.start - 25), p.start)]
    # So does anyone named with their post in capitals after ("Jane Smith Outreach Worker")
    # or the body they work for ("Jane Smith at the Department for Transport, Tel: …").
    near_members = _Nearby(
        [p for p in members if not (post_after(text, p.end) or affiliated(text, p.end))]
    )
    planning = planning_spans(text) if any(m.entity in _ADDRESSES for m, _ in anchors) else ()
    private = any(
        near_members.near(m)
        and (m.entity in _ADDRESSES or is_mobile(text[m.start : m.end]))
        and not (m.entity in _ADDRESSES and in_spans(planning, m.start, m.end))
        and not (m.entity in _ADDRESSES and venue_before(text, m.start))
        for m, _ in anchors
        if m.entity != "PERSON"
    )
    role = any(
        _ROLE.search(text, max(0, p.start - VICTIM_NEAR), p.end + VICTIM_NEAR) for p in members
    ) or complained_of(text, [(_name_start(text, p), p.end) for p in people])
    linked = sum(1 for m, _ in anchors if m.entity != "PERSON" and near_people.near(m))
    offenders = named and lists_offenders(text, people)
    return ProseResult(
        tuple(hits),
        frozenset(categories),
        court,
        private,
        (role or subject) and not court,
        offenders,
        tuple(categorised),
        linked,
        grave,
    )


def _without_names(text: str, names: Sequence[ProseMatch]) -> str:
    """The text with the letters of each name turned to x; its length, spaces and stops kept,
    so that its sentences and paragraphs are where they were."""
    parts: list[str] = []
    at = 0
    for match in sorted(names, key=lambda m: m.start):
        start = max(_name_start(text, match), at)
        if start >= match.end:
            continue
        parts += [text[at:start], re.sub(r"[^\W\d_]", "x", text[start : match.end])]
        at = match.end
    return "".join([*parts, text[at:]])


def normal_words(span: str) -> str:
    """The name words of a tagged span, normalised and joined as `organisation_heads` are."""
    return " ".join(normal(word) for word in _name_words(span).split())


def _name_start(text: str, match: ProseMatch) -> int:
    """Where the name itself starts in a tagged span that may open with a rank or label
    ("ACC Jane Smith"): the words before it are its context."""
    span = text[match.start : match.end]
    words = _name_words(span)
    at = span.find(words.split()[0]) if words else -1
    return match.start + max(at, 0)


def _addressee(
    text: str, anchors: Sequence[tuple[ProseMatch, PersonKeys | None]]
) -> PersonKeys | None:
    """The private person a letter is addressed to ("Dear Todd:", "Dear Mr Smith"), when the
    text names them too (the address block above the salutation)."""
    greeting = salutation(text)
    if greeting is None:
        return None
    word, greeted = greeting
    for match, keys in anchors:
        if (
            keys is not None
            and match.start < greeted
            and word in normal_words(text[match.start : match.end]).split()
        ):
            return keys
    return None


class _Nearby:
    """Names found in a text, to ask whether a match lies within NEAR characters of one
    (by bisection: a long page may hold thousands of both)."""

    def __init__(self, names: Sequence[ProseMatch]) -> None:
        self._spans = sorted((p.start, p.end) for p in names)
        self._starts = [start for start, _ in self._spans]
        self._reach = max((end - start for start, end in self._spans), default=0)

    def near(self, match: ProseMatch) -> bool:
        low = bisect_left(self._starts, match.start - NEAR - self._reach)
        high = bisect_right(self._starts, match.end + NEAR)
        return any(match.start <= end + NEAR for _, end in self._spans[low:high])


def _prose_name(span: str) -> PersonName | None:
    """The name in a span the model tagged, without leading labels ("Victim Jane Brown");
    none when a label is all there is ("Victim Race")."""
    words = _name_words(span)
    dropped = span.split()[: len(span.split()) - len(words.split())]
    if normal(words) in _FIELDS and not any(normal(w) in TITLES | RANK_WORDS for w in dropped):
        return None  # "Victim Race": a field's label ("Mr Race" is a name)
    return parse_name(words)


_FIELDS = wordset("race sex gender age ethnicity nationality religion")
"""Fields of a record that are surnames too: a name only after a title, never after a label."""


def _line_end(text: str, match: ProseMatch) -> int:
    """Where a tagged span's first line ends, which holds the name (`_name_words`): the
    model may run a name on into the next line ("Jane Smith\nClinical Scientist\nPage")."""
    newline = text.find("\n", match.start, match.end)
    return match.end if newline < 0 else newline


def _name_words(span: str) -> str:
    words = span.splitlines()[0].split() if span.strip() else []
    while len(words) > 1 and normal(words[0]) in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def _enough(name: PersonName, score: float) -> bool:
    """Gazetteer evidence a tagged name needs: both parts known ("Jubilee House" is a
    building), or, when the model itself is confident, a known forename before a surname
    the gazetteer has not met (rarer Irish, Polish or Asian surnames)."""
    evidence = name_evidence(name)
    if evidence >= (1.0 if name.forenames else 0.5):
        return True
    return score >= CONFIDENT and len(name.tokens) >= 2 and forename_known(name)


def _glued(text: str, start: int, end: int) -> bool:
    """True when the match runs on into more of a code: a letter or digit right beside it, or
    a hyphen, dot or slash followed by one."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if (before[-1:].isalnum()) or (after[:1].isalnum()):
        return True
    return (len(after) == 2 and after[0] in "-./" and after[1].isalnum()) or (
        len(before) == 2 and before[1] in "-./" and before[0].isalnum()
    )


def _organisational(entity: str, value: str, beside_person: bool, before: str = "") -> bool:
    """The organisation's own details: service numbers, or its address with no person near."""
    if entity == "PHONE_NUMBER" and is_service_phone(value):
        return True
    if entity in _ADDRESSES and _ORGANISATION.search(before):
        return True
    if entity == "PHONE_NUMBER" and is_mobile(value):
        return False
    return entity in _NEEDS_PERSON and not beside_person
