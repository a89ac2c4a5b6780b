"""An organisation's own contact block: the address and numbers a body prints for itself.

A pre-school's job advert gives "Location: Newstead Road Pre-School / 6 Birch Grove / SE12";
a land trust's annual report ends "Registered office: 55 Henley Avenue … Tel: 07889 … Email:
info@…"; a consultancy's report gives its farm office's address over "E mail: info@…". The
address there is the body's, whoever is named a line above it, not the home of a private
person. These marks say so, each read only within the block the address stands in (no blank
line between):

- a line just above the address, or the start of its own line, is the name of the body or
  building ("… Pre-School", "… Parish Council", "… NHS Foundation Trust, The Curve, …"), not
  a firm's ("… Ltd"), whose registered address may be its sole trader's home;
- a registration mark of a body stands near it ("Registered office", "Registered Charity
  No.", "Company number", "Scottish Charity SC012345");
- a shared mailbox follows it (info@, office@, enquiries@ on any domain; any mailbox of a
  public body's own that names no one, "clerk@…parishcouncil.gov.uk");
- it is a post office box, or a Freepost address, or follows one;
- a business's trading name ("D/B/A", "trading as") or a licence number stands near it: a
  licensed premises in a licensing board's papers.
"""

from __future__ import annotations

import re

from detectors.names import looks_like_name, normal
from detectors.public import is_office_mailbox, is_public_email
from detectors.vocab import wordset

BLOCK_REACH = 200
"""Characters after an address, within its block, read for a registration mark or mailbox."""
HEAD_LINES = 6
"""Lines above an address read for the body's name (the street and town lines between)."""
ADDRESS_LINE = 40
"""Longest line read as part of an address block: a longer one is a sentence."""
BODY_NAME_WORDS = 8
"""Most words read as a body's name opening an address line."""
REGISTRATION_BEFORE = 80
"""Characters before an address, within its block, read for a registration mark."""
NEAR_AFTER = 80
"""Characters after an address, within its block, read for a licence number."""

_BODY_WORDS = wordset("""
    school schools academy college university library libraries centre center pavilion church
    chapel cathedral mosque temple synagogue gurdwara institute museum gallery theatre cinema
    stadium arena surgery clinic hospital hospice station offices chambers hall club
    preschool pre-school nursery playgroup kindergarten council trust association society
    committee charity federation foundation partnership authority constabulary police
    service services department directorate office headquarters
    """)
"""Last words of a line naming a body or building whose address follows: no firm's word."""
_REGISTRATION = re.compile(
    r"\b(?:registered[ \t]+(?:office|address|charity|society|in[ \t]+(?:england|scotland|"
    r"wales|northern[ \t]+ireland))"
    r"|(?:charity|company|society)[ \t]+(?:registration[ \t]+)?(?:no\b\.?|number|reg\b)"
    r"|scottish[ \t]+charity|exempt[ \t]+charity|SC0\d{5})",
    re.IGNORECASE,
)
_TRADING = re.compile(
    r"\b(?:d/b/a|dba|doing[ \t]+business[ \t]+as|trading[ \t]+as|t/a)\b"
    r"|\b(?:premises[ \t]+)?licen[cs]e[ \t]*(?:#|no\b\.?|number)",
    re.IGNORECASE,
)
"""Marks of a business's premises: its trading name ("D/B/A: Mike's Pastry", "trading as"),
a licence number ("License #: LB-99226") in a licensing board's papers."""
_PO_BOX = re.compile(r"\b(?:p\.?[ \t]?o\.?[ \t]*box|freepost)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_BLANK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def owned_contact(text: str, start: int, end: int) -> bool:
    """True when the address or number at text[start:end] stands in a body's own contact
    block (see the module's note)."""
    low = _block_start(text, start)
    high = _block_end(text, end)
    if _REGISTRATION.search(text, max(low, start - REGISTRATION_BEFORE), high):
        return True
    if _PO_BOX.search(text, max(low, start - REGISTRATION_BEFORE), end):
        return True  # no one lives in a post office box
    if _TRADING.search(text, max(low, start - REGISTRATION_BEFORE), min(high, end + NEAR_AFTER)):
        return True  # a licensed business's premises
    if _headed_by_body(text, start, low):
        return True
    for found in _EMAIL.finditer(text, end, high):
        address = found.group()
        if is_office_mailbox(address) or (
            is_public_email(address) and _shared_local(address.partition("@")[0])
        ):
            return True
    return False


def _block_start(text: str, start: int) -> int:
    low = max(0, start - BLOCK_REACH)
    blanks = list(_BLANK.finditer(text, low, start))
    return blanks[-1].end() if blanks else low


def _block_end(text: str, end: int) -> int:
    high = min(len(text), end + BLOCK_REACH)
    blank = _BLANK.search(text, end, high)
    return blank.start() if blank else high


def _headed_by_body(text: str, start: int, low: int) -> bool:
    """The address follows a body's name on its line ("… NHS Foundation Trust, The Curve,
    Bury New Road"), or is on a short line of no one's name and a line above it in the same
    block, with only short address lines between, names a body or building."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if any(_named(part) for part in before.split(",")):
        return False  # "Jane Smith, 12 Acacia Avenue": the person's own line
    if _opens_with_body(before):
        return True
    if len(before) > ADDRESS_LINE:
        return False  # a sentence
    for _ in range(HEAD_LINES):
        if line_start <= low:
            return False
        above_start = max(text.rfind("\n", 0, line_start - 1) + 1, low)
        line = text[above_start : line_start - 1].strip()
        words = [normal(word) for word in _WORD.findall(line)]
        if (words and words[-1] in _BODY_WORDS) or _opens_with_body(line):
            return True
        if not line or len(line) > ADDRESS_LINE or "@" in line or _named(line):
            return False
        line_start = above_start
    return False


def _opens_with_body(line: str) -> bool:
    """The line opens with a body's name, then a comma: "Information Commissioner's Office,
    Wycliffe House, …". A long first part is a sentence, not a name."""
    first, comma, _ = line.partition(",")
    words = [normal(word) for word in _WORD.findall(first)]
    return (
        bool(comma)
        and 0 < len(words) <= BODY_NAME_WORDS
        and first.strip()[:1].isupper()
        and words[-1] in _BODY_WORDS
    )


def _named(line: str) -> bool:
    """A line of two or more words that reads as someone's name: the addressee above their
    own address. One word alone ("Lee", "Hove") is the town line of an address."""
    return len(line.split()) >= 2 and looks_like_name(line)


def _shared_local(local: str) -> bool:
    """A local part that is wholly a function's word ("info", "office", "enquiries")."""
    parts = [part for part in re.split(r"[._+\-\d]+", local.casefold()) if part]
    return bool(parts) and all(part in _SHARED for part in parts)


_SHARED = wordset("""
    info information enquiries enquiry contact contactus office admin hello mail post
    reception bookings booking secretary clerk team general
    """)
