"""Names in prose the small NER model passes over, read from the forename and surname gazetteer."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from detectors.names import is_forename, is_known_word, is_surname, normal
from detectors.recognizers.police_identifier import RANKED
from detectors.recognizers.street_address import SUFFIX
from detectors.vocab import NOT_NAMES, wordset

SCORE = 0.6
"""Below the model's own names (0.85): both parts known is good evidence, not proof."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_STREET_SUFFIXES = frozenset(normal(w) for w in re.findall(r"[A-Z][a-z]+", SUFFIX))
# Common surnames that are also street suffixes: only a street when a house number leads.
_SURNAME_SUFFIXES = wordset("green hill lane dale croft rise brow fold crest view vale court")
_ORGANISATION_WORDS = wordset("""
    ltd limited plc llp llc inc co company group services service solutions supplies supply
    construction electrical engineering fleet motors garage partnership partners associates
    consulting consultancy contractors trust foundation centre center college school university
    hospital surgery practice academy hall house court estate farm park bridge road street
    """)
"""A word after a two-name pair that makes it a business, building or place."""
_COLLAR = re.compile(rf"\b{RANKED}\s*$")
"""A rank and collar number before a name ("DC 5678 Karen Walker"): an officer, not a house
number leading a street."""
_PARTICLES = wordset("mc mac o de da di du van von le la st del della al el ap ab")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    score: float = SCORE


def could_hold_name(text: str) -> bool:
    """False when no word of `text` is in the name gazetteer, so no name in it would be kept.

    Names are accepted in prose only with a known forename or surname, so text without one
    (a code listing, a table of figures) need not go through the NER model. Letters are read
    in runs and up to three runs are joined, so "O'Neill", "Smith's" and "de la Cruz" are
    all looked up the way a name is normalised.
    """
    runs = [m.group() for m in _LETTERS.finditer(text)]
    for index, run in enumerate(runs):
        if not (run[0].isupper() or run.casefold() in _PARTICLES):
            continue
        joined = ""
        for part in runs[index : index + 3]:
            joined += normal(part)
            if len(joined) > 1 and is_known_word(joined):
                return True
    return False


def find_names(text: str, taken: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """Capitalised "Forename Surname" pairs (a middle name allowed) not already matched."""
    words = list(_WORD.finditer(text))
    found: list[NameSpan] = []
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    # The longest taken span bounds how far back an overlapping one can start.
    reach = max((b - a for a, b in spans), default=0)
    index = 0
    while index < len(words):
        length = _name_at(text, words, index)
        if length:
            start, end = words[index].start(), words[index + length - 1].end()
            near = spans[bisect_left(starts, start - reach) : bisect_left(starts, end)]
            if not any(start < b and a < end for a, b in near):
                found.append(NameSpan(start, end))
            index += length
        else:
            index += 1
    return found


def _name_at(text: str, words: list[re.Match[str]], index: int) -> int:
    """How many words from `index` make a name (0 when they do not)."""
    first = words[index].group()
    if not _capitalised(first) or not is_forename(first) or normal(first) in NOT_NAMES:
        return 0
    for length in (3, 2):
        run = words[index : index + length]
        if len(run) < length or not _adjacent(text, run):
            continue
        last = run[-1].group()
        middle = [w.group() for w in run[1:-1]]
        if not _capitalised(last) or not is_surname(last) or normal(last) in NOT_NAMES:
            continue
        if any(not (is_forename(m) or normal(m) in _PARTICLES) for m in middle):
            continue
        if _place_or_business(text, words, index, index + length):
            continue
        return length
    return 0


def _capitalised(word: str) -> bool:
    # "JOHN SMITH" in prose is nearly always a heading; names in prose are Title Case.
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _adjacent(text: str, run: Sequence[re.Match[str]]) -> bool:
    """Words separated by one space only: no comma, full stop or line break between them."""
    return all(text[a.end() : b.start()] == " " for a, b in itertools.pairwise(run))


def _place_or_business(text: str, words: list[re.Match[str]], start: int, end: int) -> bool:
    last = normal(words[end - 1].group())
    before = text[max(0, words[start].start() - 20) : words[start].start()]
    numbered = re.search(r"\d[A-Za-z]?,?\s*$", before) is not None and not _COLLAR.search(before)
    if last in _STREET_SUFFIXES and (numbered or last not in _SURNAME_SUFFIXES):
        return True
    if numbered:
        return True  # "12 Alan Turing": a house number leads a street, never a person
    if end < len(words) and text[words[end - 1].end() : words[end].start()] == " ":
        following = normal(words[end].group())
        if following in _ORGANISATION_WORDS or following in _STREET_SUFFIXES:
            return True
    return text[words[end - 1].end() : words[end - 1].end() + 1] == "&"
