"""Prose waiting for the name finder, and what it adds up to: the texts of a document read in
batches and slices, a short text that is wholly a name, and the people of one kind of prose
(visible or hidden, in public or not) grouped into one exposure."""

from __future__ import annotations

from dataclasses import dataclass, field

from detectors.model import Cover, Vector
from detectors.names import looks_like_name
from detectors.row_people import PersonKeys

SLICE_CHARS = 20_000
"""Prose analysed between two checks of the time budget (a second or two of the NER model)."""


@dataclass(frozen=True)
class Pending:
    text: str
    vector: Vector
    where: str
    embedded_in: str | None
    kind: str | None = None
    """What the people named in the text are, when its table says so ("case_records")."""
    categories: frozenset[str] = frozenset()
    """Special categories its table gives the people named in it."""
    covers: tuple[Cover, ...] = ()
    public: bool = False
    """The text is a note of a public table (what the MPs or councillors it lists said or
    did): the people it names are named in public unless it calls them a party to a case."""


@dataclass
class ProseGroup:
    keys: list[PersonKeys] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    sensitive: bool = False
    kinds: frozenset[str] = frozenset()
    table_categories: set[str] = field(default_factory=set)
    """Special categories of the tables this prose came from, if it names anyone."""
    private: bool = False
    role: bool = False
    offenders: bool = False
    categorised: list[PersonKeys] = field(default_factory=list)
    details: bool = False
    """A contact detail, address or identifier was given beside someone named."""


def slices(pending: list[Pending]) -> list[list[Pending]]:
    """Consecutive runs of about SLICE_CHARS of text (a longer text is a slice of its own)."""
    slices: list[list[Pending]] = []
    size = SLICE_CHARS
    for p in pending:
        if size >= SLICE_CHARS:
            slices.append([])
            size = 0
        slices[-1].append(p)
        size += len(p.text)
    return slices


PAGE_AUTHOR = "meta 'author'"
"""Where the HTML reader puts a page's `<meta name="author">`."""
BLOCKS = frozenset({Vector.PAGE_TEXT, Vector.HIDDEN_TEXT})
"""Where a short text is a block of a page: one word alone there ("Close", "Asia") is a
button's or a menu's label, not a surname (which an author field may well hold alone)."""


def whole_name(text: str, one_word: bool = True) -> list[str]:
    """The names a short text consists of ("Smith, John", "J Smith; A Jones"), else none."""
    if len(text) > 120 or "\n" in text.strip():
        return []
    parts = [part.strip() for part in text.replace(";", "\n").splitlines() if part.strip()]
    if not one_word and len(parts) == 1 and len(parts[0].split()) == 1:
        return []
    if parts and all(looks_like_name(part) for part in parts):
        return parts
    return []
