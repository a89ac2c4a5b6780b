"""Signature blocks: a letter's or e-mail's sign-off that gives the writer's name, then their
post or organisation, then the office's address, phone and e-mail ("Max Smith / Executive
Director / Police Board / 30 North Street / Office: 312-…"). Those details are a work contact
given in the writer's job, not a private life. A resident signing with their name and then
their home address has no post line between the two, and stays private. A report's sign-off
("Checked by: / Jane Smith / Clinical Scientist", "Referred by: Dr Jane Smith, Haematology")
names its staff in their work too."""

from __future__ import annotations

import re
from functools import lru_cache

from detectors.meetings import CONTACT_LINE

_NAME_LINE = re.compile(
    r"(?-i:[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|van|von|de|da|del|la|le)){1,4})"
    r"(?:[ \t]*,[ \t]*(?-i:[A-Z][\w.]{1,6}))?[ \t]*"
)
"""A line of one name alone: "Max A. Caproni", "Jane Smith, MBE"."""
_POST_WORDS = re.compile(
    r"\b(?:officer|director|manager|head|chief|clerk|co-?ordinator|administrator|assistant|"
    r"advis[oe]r|analyst|secretary|reporter|journalist|editor|correspondent|producer|lead|"
    r"specialist|consultant|counsel|attorney|solicitor|paralegal|supervisor|superintendent|"
    r"inspector|sergeant|constable|commissioner|president|chair(?:man|woman|person)?|"
    r"executive|registrar|liaison|team|unit|department|dept|division|directorate|office|"
    r"board|bureau|services?|council|police|constabulary|authority|commission|agency|"
    r"university|college|trust|ministry|court|foi|foia|freedom[ \t]+of[ \t]+information|"
    r"information[ \t]+(?:rights|governance|compliance)|records|disclosure|scientist|"
    r"technician|technologist|clinician|physician|surgeon|nurse|midwife|pharmacist|"
    r"radiographer|therapist|practitioner|pathologist|geneticist|ecologist|surveyor|engineer|"
    r"club|society|association|league|federation|church|parish|charity|"
    r"(?:[ary]\.?[ \t]?)?f\.?[ \t]?c)\b",
    re.IGNORECASE,
)
"""Words of a post or an organisation on the line under a signed name: a club's too
("Feering Falcons Y.F.C.", "Ashford Town AFC")."""
_ABBREVIATED = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Ltd|Inc|Co|Corp|Assn)\.$")
"""A line's last word abbreviated ("Y.F.C.", "Ltd."): its full stop ends no sentence."""
_MORE_CONTACT = re.compile(
    r"^[ \t]*(?:\d+[A-Za-z]?[ \t]+[A-Z]|(?:suite|floor|room|unit|p\.?[ \t]?o\.?[ \t]+box)\b)|"
    r"\b(?:website|web|www\.|https?://|office|direct|cell|switchboard)\b",
    re.IGNORECASE,
)
"""Contact lines a meeting's paper seldom has: a street line, a suite, a website."""
_CASE_PARTY = re.compile(
    r"\b(?:victims?|suspects?|witness(?:es)?|offenders?|complainants?|defendants?|"
    r"accused|arrested|patient|client|resident|tenant)\b",
    re.IGNORECASE,
)
"""Words that make a block about a party to a case or a service's user, never a work post."""
_CLOSING = re.compile(
    r"(?:yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|(?:kind(?:est)?\s+|best\s+|"
    r"warm\s+)?regards|best\s+wishes|many\s+thanks|thanks|thank\s+you|respectfully|--)[,.]?",
    re.IGNORECASE,
)
"""A letter's or e-mail's sign-off, on its own line above the signed name."""
_SIGNED_BY = re.compile(
    r"^[ \t]*(?:reported|checked|analy[sz]ed|authori[sz]ed|verified|validated|approved|"
    r"reviewed|prepared|issued|signed|referred|requested)[ \t]+by[ \t]*:?[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
"""A report's sign-off label, its signer after it on the line or on the next."""
_DOCTOR = re.compile(r"(?:Dr|Prof|Professor)\.?[ \t]+[A-Z]")
POST_LINES = 3
"""Lines of post and organisation a signature gives between the name and the contact lines."""
CONTACT_LINES = 8
"""Lines of address, phone and e-mail read as the signature's contact block."""
_POST_LINE_LENGTH = 80


def _post_line(line: str) -> bool:
    """A short line naming a post or an organisation, with no digits (an address line has a
    house number or a postcode) and no sentence."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= _POST_LINE_LENGTH
        and not any(ch.isdigit() for ch in stripped)
        and (not stripped.endswith((".", "?", "!")) or _ABBREVIATED.search(stripped) is not None)
        and _POST_WORDS.search(stripped) is not None
        and CONTACT_LINE.search(stripped) is None
    )


_BARE_PART = re.compile(r"(?-i:[A-Z][\w'’.-]*)(?:[ \t]*,?[ \t]+[\w'’.-]+){0,6}[ \t]*,?")
"""A line of an address with no number: "Cauldwell Street", "Bedford", "North Wing, Guildhall"."""


def _address_part(lines: list[str], index: int) -> bool:
    """A bare street or town line of an office's address: a postcode or phone follows within
    three lines ("Cauldwell Street / Bedford / MK42 9AP")."""
    if _BARE_PART.fullmatch(lines[index].strip()) is None:
        return False
    return any(_contact(line) for line in lines[index + 1 : index + 4])


def _contact(line: str) -> bool:
    return bool(line.strip()) and bool(CONTACT_LINE.search(line) or _MORE_CONTACT.search(line))


@lru_cache(maxsize=8)
def signature_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text signs off with a name over a post or an organisation: from the name's
    line to the last contact line under them."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        if _NAME_LINE.fullmatch(lines[index].strip()) is None:
            index += 1
            continue
        after = index + 1
        while after < len(lines) and after - index <= POST_LINES and _post_line(lines[after]):
            after += 1
        if after == index + 1:
            index += 1
            continue
        posts = after
        if after + 1 < len(lines) and not lines[after].strip() and _contact(lines[after + 1]):
            after += 1  # one blank line between the post and the office's address
        while after < len(lines) and after - index <= POST_LINES + CONTACT_LINES:
            line = lines[after]
            if not _contact(line) and not _address_part(lines, after):
                break
            after += 1
        start, end = offsets[index], offsets[after] - 1
        # A sign-off, an office's contact lines under the post, or the end of the text: a
        # letter's addressee ("Mr Jane Smith / Assistant Coach", then "Dear Jane") has none.
        closed = any(_CLOSING.fullmatch(lines[k].strip()) for k in range(max(0, index - 2), index))
        last = not any(line.strip() for line in lines[after:])
        if (
            closed or last or after > posts + 1 or (after > posts and lines[posts].strip())
        ) and _CASE_PARTY.search(text, start, end) is None:
            spans.append((start, end))
        index = after
    return tuple(spans)


@lru_cache(maxsize=8)
def signoff_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a report names who checked, authorised or referred it in their work: a doctor
    after the label on its line, or a name on the next line over a post ("Clinical
    Scientist"). Never a block that speaks of a victim, suspect or patient."""
    spans: list[tuple[int, int]] = []
    for label in _SIGNED_BY.finditer(text):
        end = text.find("\n", label.end())
        end = len(text) if end < 0 else end
        if text[label.end() : end].strip():
            if _DOCTOR.match(text, label.end()) is None:
                continue  # "Reported by: Jane Smith": anyone may report
        else:
            lines = text[end + 1 :].split("\n", 2)
            if len(lines) < 2 or _NAME_LINE.fullmatch(lines[0].strip()) is None:
                continue
            if not _post_line(lines[1]) and _DOCTOR.match(lines[0].strip()) is None:
                continue
            end += 1 + len(lines[0]) + 1 + len(lines[1])
        if _CASE_PARTY.search(text, label.start(), end) is None:
            spans.append((label.start(), end))
    return tuple(spans)
