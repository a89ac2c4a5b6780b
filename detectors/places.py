"""Places and organisations that read like people: streets, wards, schools, hospitals, trusts.

"Edward Pease Way", "George Eliot Hospital NHS Trust", "Shay Lane", "Ferndale Children's
Centre": a forename and a surname are there, but the word after them makes the whole a
street, a building or a body. Words are shipped here as a compact hand list, and GB towns,
villages and districts (which most wards are named after) as `detectors/data/places.txt.gz`,
derived offline by tools/build_places.py; nothing is looked up at run time.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

from detectors.names import is_forename, is_surname, normal
from detectors.recognizers.street_address import SUFFIX
from detectors.vocab import PLACES, wordset

STREET_WORDS = frozenset(normal(w) for w in re.findall(r"[A-Z][a-z]+", SUFFIX)) | wordset(
    "pl blvd pkwy hwy"
)
"""The street words of addresses, with US abbreviations an address line gives ("Barry Pl.",
"Sunset Blvd") that the address recognizer does not need."""
ORGANISATION_WORDS = wordset("""
    school schools primary secondary infant infants junior juniors nursery academy college
    university sixth form centre center centres trust trusts hospital hospitals hospice clinic
    surgery practice health nhs foundation charity charitable park parks zoo zoological aquarium
    gardens garden ltd limited plc llp cic council councils borough library libraries museum
    gallery theatre cinema church chapel cathedral mosque temple synagogue gurdwara community
    leisure stadium arena institute society association club fc united rovers athletic hall
    memorial estate farm partnership service services house lodge ward wards parish village
    town city team teams unit directorate department inn pub tavern hotel cottage cottages
    shop stores garage police constabulary
    group inc incorporated corp corporation company holdings associates industries bank llc
    valley canyon springs box
    district division constituency station airport harbour port bridge reservoir river forest
    wood woods common heath moor fields field recreation ground playing pavilion baths pool
    sanctuary refuge shelter hospices
    coaches buses bus travel taxis taxi cabs ferries ferry railway railways trains tours transport
    motors haulage logistics airways airlines
    commission commissions committee committees tribunal tribunals panel authority
    authorities agency agencies board boards fund funds ombudsman inspectorate regulator
    infirmary bldg bldgs
    """)
"""A word after a name-like pair that makes the whole a place or an organisation."""
SURNAME_LIKE = wordset("""
    hall house lodge park wood woods field fields common farm bridge forest pool moor heath
    town city green hill lane dale croft rise brow fold crest view vale heights quay yard wharf
    walk row way court chase church gardens garden box
    """)
"""Place words that are also common surnames ("Jane Lane", "Tom Hall"): a place only in a
longer name ("Edward Pease Way") or after a place preposition ("on Shay Lane")."""
BUILDINGS = wordset("""
    building buildings laboratory laboratories annex annexe auditorium residence residences
    wing tower towers block
    """)
"""Parts of a site named after a person ("the Mary Seacole Building", "in Robert Owen
Tower"): a place only after "the" or a place preposition, as a name may run on into a post
or an area ("Jane Smith Building Control", "PC Jane Smith Tower Hamlets")."""
_BUILDING_ENDS = BUILDINGS - wordset("wing tower towers block")
"""Of those, the words no one's surname is: a name that ends in one is a place's ("Main
Library, Francis Auditorium")."""
_STATUSES = wordset("active inactive open closed pending cleared unfounded")
"""A record's status, which a log prints after its location ("9th & Barry St. Active"): the
name-like words end before it."""
_PREPOSITIONS = r"on|along|off|near|in|into|onto|at|via|of|to"
_PLACE_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(rf"\b(?:the|{_PREPOSITIONS})\s+$", re.IGNORECASE)
_CHILDRENS_CENTRE = re.compile(r"\bchildren['’]?s?\s+cent(?:re|er)s?\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_place_or_org(value: str) -> bool:
    """True for a cell that names a street, place or organisation rather than a person."""
    words = [normal(w) for w in _WORD.findall(value)]
    if not words:
        return False
    if _CHILDRENS_CENTRE.search(value):
        return True
    if len(words) == 1:
        return words[0] in PLACES
    tail = words[1:]
    if any(w in ORGANISATION_WORDS - SURNAME_LIKE for w in tail):
        return True
    place_words = ORGANISATION_WORDS | STREET_WORDS
    if len(words) >= 3 and words[-1] in BUILDINGS:
        return True  # "Mary Seacole Building"
    return words[-1] in place_words and (len(words) >= 3 or words[-1] not in SURNAME_LIKE)


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){2,4}(?=[A-Z][a-z]+\b)")
"""Two to four capitalised words, then the capitalised word checked as an organisation's."""


def organisation_heads(text: str) -> frozenset[str]:
    """The name-like words an organisation is called by in `text`, normalised ("ann rowan"
    from "Ann Rowan Foundation", "ada cole" from "Ada Cole Advice Centre"): the same
    words alone elsewhere in the document are its short name ("Ann Rowan supports…")."""
    heads: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        after = re.match(r"[A-Z][a-z]+", text[run.end() :])
        if after is None or normal(after.group()) not in ORGANISATION_WORDS - SURNAME_LIKE:
            continue
        words = [normal(w) for w in run.group().split()]
        # The name ends at the word before the organisation's, or one word earlier.
        for stop in (len(words), len(words) - 1):
            for size in (2, 3):
                if stop - size >= 0:
                    heads.add(" ".join(words[stop - size : stop]))
    return frozenset(heads)


_SITE = re.compile(r"\b([A-Z][a-z'’-]+)[ \t]+(Hall|House|Lodge|Court|Tower)\b")
SITES_NAMED = 3
"""How many buildings a text must name after words that are no forename ("Carver Hall", "Slowe
Hall", "Cook Hall") before its other "<name> Hall" are buildings too ("Drew Hall")."""


def site_names(text: str) -> frozenset[str]:
    """The "<name> Hall" (House, Lodge, Court, Tower) a text names, normalised as
    `organisation_heads`, when it names buildings after people: two or more after surnames
    that are no one's forename ("Carver Hall", "Locke Hall"), three or more after words that
    are no forename ("Slowe Hall", "Quadrangle Hall" too), and those half of its "<name> Hall"
    at least. On a campus's or an estate's page, "Drew Hall" is then one more building. A
    parish's "Village Hall", "Town Hall" and "Church Hall" are named for what they are, not
    after people, so its minutes never make Tom Hall a building."""
    found: dict[str, set[str]] = {}
    for site in _SITE.finditer(text):
        found.setdefault(site.group(2), set()).add(site.group(1))
    heads: set[str] = set()
    for word, names in found.items():
        words = [normal(n) for n in names]
        unnamed = [w for w in words if not is_forename(w) and w not in ORGANISATION_WORDS]
        surnames = [w for w in unnamed if is_surname(w)]
        if len(surnames) >= 2 and len(unnamed) >= max(SITES_NAMED, len(words) / 2):
            heads.update(f"{w} {normal(word)}" for w in words)
    return frozenset(heads)


def without_status(key: str) -> str:
    """A span's normalised words without a log's status after them ("drew hall inactive")."""
    head, _, last = key.rpartition(" ")
    return head if head and last in _STATUSES else key


_SPECIES = re.compile(
    r"\b((?:[A-Z][a-z'’-]+[ \t]+){0,2}[A-Z][a-z'’-]+)[ \t]*"
    r"\((?:[A-Z][a-z]+|[A-Z]\.)[ \t]+[a-z]{3,}(?:[ \t]+[a-z]{3,})?\)"
)
"""A common name with its Latin name in brackets: "Willow Tit (Poecile montana)", "Red Kite
(Milvus milvus)"."""


def species_names(text: str) -> frozenset[str]:
    """The common names of species the text gives with their Latin names, normalised as
    `organisation_heads`: a species wherever the document names it, never a person."""
    return frozenset(
        " ".join(normal(word) for word in found.group(1).split())
        for found in _SPECIES.finditer(text)
    )


_REGISTERED = re.compile(
    r"[ \t]*[(,][ \t]*(?:a[ \t]+)?(?:registered[ \t]+)?(?:charity|company|society)[ \t]*"
    r"(?:(?:reg(?:istration)?\.?[ \t]*)?(?:no\b\.?|number|ref\b\.?)|\d)",
    re.IGNORECASE,
)
"""A charity's or company's registration after its name: "Sue Ryder (registered charity
1052076)", "Ann Rowan, charity no. 123456"."""


def place_led(span: str) -> bool:
    """A tagged span opening with a county ("Lincolnshire Wine Carrier", "Norfolk Large
    Shopper"): a product or a body of that county, whatever words follow. Towns are
    forenames and surnames too ("Lincoln Burrows"), counties are not."""
    words = _WORD.findall(span)
    if len(words) < 2 or words[0].isupper():
        return False
    first = normal(words[0])
    return (first.endswith("shire") or first in _COUNTIES) and not is_forename(first)


_COUNTIES = wordset("""
    norfolk suffolk essex surrey sussex cornwall dorset somerset cumbria merseyside
    northumberland middlesex gwynedd powys ceredigion fife lothian
    """)


_WORDS_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z'’-]+){2,4}\b")
_CHARITY_WORDS = wordset("charity charities trust foundation hospice fund appeal society sanctuary")
"""Bodies named after a person with one to three words between ("… Cancer Charity", "…
Memorial Trust", a second person's name and "Cancer Charity");
never a team or unit, which follows an officer's name in a printed roster."""


_SERVICES = re.compile(
    r"\b(?:victim\s+support|witness\s+(?:service|care)|citizens\s+advice|rape\s+crisis"
    r"|women['’]?s\s+aid|crimestoppers)\b",
    re.IGNORECASE,
)
"""Support services whose names begin with a word that labels a person elsewhere: "Victim
Support Grant" is the charity's grant, not a victim called Grant."""


_US_STATE = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
)
_CITY_STATE = re.compile(rf"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+{_US_STATE}")
"""A US city and its state's postal code: "Charlotte NC", "Grand Rapids, MI"."""
_ZIP_AFTER = re.compile(r",?[ \t]+\d{5}(?:-\d{4})?\b")
_STREET_BEFORE = re.compile(
    r"\b\d{1,5}[ \t]+[^\n]*\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|"
    r"Pkwy|Parkway|Hwy|Highway|Way|Pl|Place|Ct|Court|Suite|Ste)\b[^\n]*\Z"
)
"""A US street address earlier on the line: "900 Baxter St., ", "101 N. Tryon St., #1900"."""


def _us_city(text: str, start: int, end: int) -> bool:
    """True for a city named with its state's code after a street address or before a ZIP
    code ("900 Baxter St., Charlotte NC"): the last line of an address, not "Charlotte" with
    her initials."""
    if _CITY_STATE.fullmatch(text[start:end].rstrip()) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - VENUE_REACH) : start]
    return _ZIP_AFTER.match(text, end) is not None or _STREET_BEFORE.search(before) is not None


def place_or_org_span(text: str, start: int, end: int) -> bool:
    """True when the name-like text[start:end] is part of a place or organisation name."""
    if _REGISTERED.match(text, end) or _us_city(text, start, end):
        return True
    service = _SERVICES.search(text, max(0, start - 25), end)
    if service is not None and service.end() >= start - 1:
        return True
    # "Young People's Service-Children's Social Care": hyphenated parts are words too.
    span_words = [normal(p) for w in _WORD.findall(text[start:end]) for p in w.split("-") if p]
    if len(span_words) >= 3 and span_words[-1] in _STATUSES:
        span_words.pop()  # "Barry St. Active": a log's location, then the case's status
    after = re.match(r"[ \t]+([^\W\d_][\w'’-]*)", text[end : end + 40])
    following = after.group(1).split("-")[0] if after else ""
    if normal(following) in ORGANISATION_WORDS | STREET_WORDS and (
        following[:1].isupper()
        or _CHILDRENS_CENTRE.match(text[end:], after.start(1) if after else 0)
    ):
        return True
    if (
        normal(following) in BUILDINGS
        and following[:1].isupper()
        and _THE_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True  # "in the Mary Seacole Building"
    if text[end : end + 3] in ("'s ", "’s ") and _CHILDRENS_CENTRE.match(text, end + 3):
        return True
    after_words = _WORDS_AFTER.match(text, end)
    if after_words and _CHARITY_WORDS.intersection(map(normal, after_words.group().split()[1:])):
        # "Mark Fawcett Cancer Charity", "Anne Hart Memorial Trust", "Mark Solan Connor
        # Fawcett Cancer Charity" (a charity named after two people)
        return True
    inner = set(span_words[1:-1]) & (ORGANISATION_WORDS - SURNAME_LIKE)
    if inner and "-" in text[start:end]:
        return True  # "Young People's Services-Childrens": a department's name run on
    if len(span_words) >= 2 and span_words[-1] in _BUILDING_ENDS:
        return True
    if span_words and span_words[-1] in STREET_WORDS | ORGANISATION_WORDS:
        before = text[max(0, start - 12) : start]
        if span_words[-1] not in SURNAME_LIKE:
            return True
        if len(span_words) >= 3 and not is_forename(span_words[-2]):
            return True  # "Edward Pease Way"; "Mary Anne Hall" is a person
        return _PLACE_BEFORE.search(before) is not None
    return False


VENUE_WORDS = wordset("""
    school schools academy college university library libraries centre center pavilion
    church chapel cathedral mosque temple synagogue gurdwara institute museum gallery theatre
    cinema stadium arena baths pool surgery clinic hospital hospice station offices chambers
    inn pub tavern hotel club
    """)
"""Buildings people meet in, whose address a meeting's papers give. Not a firm's name ("…
LLP", "… Ltd"), whose registered address may be its sole trader's home, nor a word a home's
name ends in ("Ivy House", "Manor Farm", "Oak Hall")."""
_VENUE_HALL = re.compile(
    r"\b(?:village|church|town|community|memorial|parish|scout|sports|guild|masonic|mission|"
    r"public|jubilee|victoria|county|city|drill|function|assembly|main)[ \t]+hall\b[ \t]*$",
    re.IGNORECASE,
)
_VENUE_LABEL = re.compile(r"\b(?:venue|held[ \t]+at|location|meeting[ \t]+place)\b", re.I)
_STREET_FEATURE = re.compile(
    r"\b(?:pavements?|footways?|footpaths?|potholes?|street[ \t]?lights?|street[ \t]?lamps?|"
    r"lamp[ \t-]?posts?|drains?|gull(?:y|ies)|kerbs?|verges?|hedges?|trees?|bus[ \t]+stops?|"
    r"manholes?|road[ \t]+surface|dropped[ \t]+kerbs?|bollards?|benches|bench|bins?)[ \t]+"
    r"(?:at|outside|opposite|near|by|in[ \t]+front[ \t]+of)[ \t]+(?:no\.?[ \t]*)?$",
    re.IGNORECASE,
)
"""A street's fixtures placed by the house they stand at ("Pavement at No. 7 Nelson Street"):
the address of a council's repair, not anyone's home given with their name."""
VENUE_REACH = 120
"""Characters before an address on its line read for the name of the building it is."""


def venue_before(text: str, start: int) -> bool:
    """True when the address at `start` follows, on its line, the name of a building people
    meet in ("Broomhill Primary School Library, 57 Edgehill Rd": the meeting's venue), a
    venue's label or a street fixture ("Pavement at No. 7 …"): the address of a place, not a
    person's home. A part ending in a word a home's name ends in ("Old School House, 12 School
    Lane") or a firm's does not count."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - VENUE_REACH)
    before = text[line_start:start]
    if _VENUE_LABEL.search(before) or _STREET_FEATURE.search(before):
        return True
    for part in re.split(r"[,;(]", before):
        words = [normal(w) for w in _WORD.findall(part)]
        if words and (words[-1] in VENUE_WORDS or _VENUE_HALL.search(part.strip())):
            return True
    return False


@cache
def _gb_places() -> frozenset[str]:
    raw = resources.files("detectors.data").joinpath("places.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").splitlines())


def is_gb_place(value: str) -> bool:
    """True when `value` is the name of a GB town, village or district ("Ferndale",
    "Abbots Langley"); many are surnames too, so only a column mostly of them is a place's."""
    words = [normal(w) for w in _WORD.findall(value)]
    return bool(words) and " ".join(words) in _gb_places()
