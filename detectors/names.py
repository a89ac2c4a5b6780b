"""People's names as police tables write them, checked against a compact GB names gazetteer."""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from detectors.limits import WHOLE_CELL_CHARS
from detectors.vocab import NOT_NAMES, RANK_PHRASES, ROW_LABELS, TITLES, wordset

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*", re.UNICODE)
_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")
_PARTICLES = wordset("mc mac o de da di du van von le la st del della al el ap ab")
_DROP = str.maketrans("", "", "'’.")
# Letters Unicode does not decompose into a base letter and an accent ("Łukasz", "Søren").
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


class NameForm(StrEnum):
    """Which part of a name a table column holds."""

    FULL = "full"
    FORENAME = "forename"
    SURNAME = "surname"
    INITIALS = "initials"


@dataclass(frozen=True)
class PersonName:
    """A name read from a cell, normalised (casefolded, no accents or apostrophes)."""

    surname: str
    forenames: tuple[str, ...] = ()

    @property
    def tokens(self) -> tuple[str, ...]:
        return (*self.forenames, self.surname) if self.surname else self.forenames

    @property
    def short_key(self) -> str:
        """Surname and first initial: what every table of the same person shares."""
        return f"{self.surname}|{self.forenames[0][:1] if self.forenames else ''}"

    @property
    def full_key(self) -> str | None:
        """Surname and full first forename, when the forename is more than an initial."""
        if self.forenames and len(self.forenames[0]) > 1:
            return f"{self.surname}|{self.forenames[0]}"
        return None


@lru_cache(maxsize=1 << 16)
def normal(word: str) -> str:
    """Casefold and drop accents, apostrophes and full stops: "O'Neill" -> "oneill"."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(_DROP).translate(_FOLD).strip("-")


@cache
def _gazetteer(filename: str) -> frozenset[str]:
    folder = resources.files("detectors.data")
    names = set(gzip.decompress(folder.joinpath(filename).read_bytes()).decode().split())
    # Common UK names the frequency source under-represents, kept by hand beside it.
    supplement = folder.joinpath(filename.replace(".txt.gz", "_extra.txt"))
    if supplement.is_file():
        text = supplement.read_text(encoding="utf-8")
        names.update(normal(word) for line in text.splitlines() if not line.startswith("#")
                     for word in line.split())  # fmt: skip
    return frozenset(names)


def is_forename(token: str) -> bool:
    return normal(token) in _gazetteer("forenames.txt.gz")


def is_surname(token: str) -> bool:
    return normal(token) in _gazetteer("surnames.txt.gz")


def is_known_word(normalised: str) -> bool:
    """True when an already normalised word is a known forename or surname."""
    return normalised in _gazetteer("forenames.txt.gz") or normalised in _gazetteer(
        "surnames.txt.gz"
    )


@cache
def _rank_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in RANK_PHRASES:  # longest first, kept in that order per first word
        parts = tuple(phrase.split())
        index.setdefault(parts[0], []).append(parts)
    return {word: tuple(phrases) for word, phrases in index.items()}


def strip_ranks(words: list[str]) -> list[str]:
    """Drop leading titles and ranks ("Det Chief Insp", "Mr") so the name behind them is read."""
    index = _rank_index()
    start = 0
    while start < len(words):
        word = normal(words[start])
        if word in TITLES:
            start += 1
            continue
        for parts in index.get(word, ()):
            if tuple(normal(w) for w in words[start : start + len(parts)]) == parts:
                start += len(parts)
                break
        else:
            break
    return words[start:]


@lru_cache(maxsize=1 << 16)
def parse_name(cell: str, form: NameForm = NameForm.FULL) -> PersonName | None:
    """Read `cell` as a name in one of the usual table forms, or None if it cannot be one.

    Forms: "John Smith", "SMITH, John", "Smith J", "J. Smith", "SMITH John", "SMITH"; ranks and
    titles in front are stripped, and a rank or title on its own is not a name.
    """
    if len(cell) > WHOLE_CELL_CHARS:
        return None  # free text, not a name: not worth splitting
    text = _AFTER.sub("", " ".join(cell.split()))  # "Jane Smith (TSG)": her unit
    if not text or len(text) > 60:
        return None
    if text.count(",") > 1:
        return None
    before, comma, after = text.partition(",")
    words = before.split()
    # In a surname column a lone "LORD" or "CONSTABLE" is somebody's surname.
    if not (form is NameForm.SURNAME and len(words) == 1):
        words = _after_ranks(words)
    if not words or len(words) > 5:
        return None
    if not all(_word_ok(word) for word in [*words, *after.split()]):
        return None
    if any(normal(word) in ROW_LABELS for word in words):
        return None  # "Grand Total", "Not known": a total or a placeholder, never a person
    if comma and after.strip():
        given = strip_ranks(after.split())
        return PersonName(_join(words), _given(given)) if len(given) <= 3 else None
    if form is NameForm.SURNAME:
        return PersonName(_join(words))
    if form in (NameForm.FORENAME, NameForm.INITIALS):
        return PersonName("", _given(words))
    if len(words) == 1:
        return PersonName(normal(words[0]))
    if _INITIALS.fullmatch(words[-1]) and not _INITIALS.fullmatch(words[0]):
        return PersonName(_join(words[:-1]), _given(words[-1:]))
    first_upper = words[0].isupper() and len(words[0]) > 1 and not _INITIALS.fullmatch(words[0])
    if first_upper and not all(word.isupper() for word in words[1:]):
        return PersonName(normal(words[0]), _given(words[1:]))
    tail = _surname_words(words)
    return PersonName(_join(tail), _given(words[: -len(tail)]))


_AFTER = re.compile(r"(?<=\w)\s*\((?:[A-Z][A-Z.&]{1,12}\s?)+(?:[A-Z][a-z]+)?\)$")
"""The initials of a unit or agency in brackets after a name ("(TSG)", "(U.S. Marshal)")."""


def _after_ranks(words: list[str]) -> list[str]:
    """Strip ranks, and the collar number that follows one ("PC 1234 Smith")."""
    rest = strip_ranks(words)
    if len(rest) < len(words) and rest and rest[0].isdigit():
        rest = rest[1:]
    return rest


def _word_ok(word: str) -> bool:
    # Names are capitalised ("de", "van" aside); "Theft from vehicle" is not a name.
    if not _TOKEN.fullmatch(word):
        return False
    return word[0].isupper() or normal(word) in _PARTICLES


def _surname_words(words: list[str]) -> list[str]:
    """The last word, with particles before it ("de", "Mc", "O") that belong to the surname."""
    start = len(words) - 1
    while start > 1 and normal(words[start - 1]) in _PARTICLES:
        start -= 1
    return words[start:]


def _join(words: list[str]) -> str:
    return "".join(normal(word) for word in words)


def _given(words: list[str]) -> tuple[str, ...]:
    given: list[str] = []
    for word in words:
        if _INITIALS.fullmatch(word):
            given.extend(letter.lower() for letter in word if letter.isalpha())
        else:
            given.append(normal(word))
    return tuple(given)


def is_name_shaped(name: PersonName | None) -> bool:
    """True when no part of a parsed name is a label, month, place or rank word."""
    return name is not None and bool(name.tokens) and not any(t in NOT_NAMES for t in name.tokens)


def is_listed_name(name: PersonName | None) -> bool:
    """True for a value in a column already judged to hold names, unless it marks a total row.

    Laxer than `is_name_shaped`: in a name column "WHITE" or "MAY" is a surname.
    """
    return name is not None and bool(name.tokens) and not any(t in ROW_LABELS for t in name.tokens)


def name_evidence(name: PersonName | None) -> float:
    """How strongly the gazetteer says this is a person: 0 none, 0.5 one part known, 1 both."""
    if not is_name_shaped(name):
        return 0.0
    assert name is not None
    forenames, surnames = _gazetteer("forenames.txt.gz"), _gazetteer("surnames.txt.gz")
    # A double-barrelled surname ("Pugh-Noble") is known when each of its parts is.
    parts = [part for part in name.surname.split("-") if part]
    surname_known = bool(parts) and all(
        part in surnames or (bool(name.forenames) and part in forenames) for part in parts
    )
    if not name.forenames:
        return 0.5 if surname_known or name.surname in forenames else 0.0
    first = name.forenames[0]
    if not name.surname:
        return 0.5 if first in forenames else 0.0
    forename_known = first in forenames or (len(first) == 1 and surname_known)
    return (0.5 if surname_known else 0.0) + (0.5 if forename_known else 0.0)


def forename_known(name: PersonName | None) -> bool:
    """True when the first forename (more than an initial) is in the gazetteer."""
    if not is_name_shaped(name) or name is None or not name.forenames:
        return False
    first = name.forenames[0]
    return len(first) > 1 and first in _gazetteer("forenames.txt.gz")


def looks_like_name(cell: str) -> bool:
    """True when `cell` reads as a person's name with at least one part in the gazetteer."""
    name = parse_name(cell)
    return name_evidence(name) >= (1.0 if name is not None and name.forenames else 0.5)


class AllowList:
    """Names meant to be public (a chief officer team); matched by surname with forename/initial."""

    def __init__(self, names: frozenset[str] | set[str] = frozenset()) -> None:
        self._keys: set[str] = set()
        for entry in names:
            name = parse_name(entry)
            if name is not None and name.surname:
                self._keys.add(name.short_key)
                if name.full_key:
                    self._keys.add(name.full_key)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def covers(self, name: PersonName) -> bool:
        if name.full_key is not None:
            return name.full_key in self._keys
        return name.short_key in self._keys
