"""Prose waiting for the name finder, and what it adds up to: the texts of a document read in
batches and slices, a short text that is wholly a name, and the people of one kind of prose
(visible or hidden, in public or not) grouped into one exposure."""

from __future__ import annotations

from dataclasses import dataclass, field

from detectors.evidence import Exposure
from detectors.model import Cover, Vector
from detectors.names import looks_like_name
from detectors.people import count_people
from detectors.row_people import PersonKeys

REPEAT_SHARE = 0.9
"""Share of a hidden part's people that the document must show anyway for the part to add
nothing beyond what is shown (a pivot cache beside its sheet, an earlier revision of a page;
it is still reported as a hiding place)."""
CASE_NOTES_PEOPLE = 3
"""People a table's notes must name before they count as its case records."""

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
    grave: bool = False
    details: int = 0
    """Contact details, addresses or identifiers given beside someone named."""


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


GroupKey = tuple[str, bool, frozenset[str], bool, bool]
"""A prose group's source ("prose" or "metadata"), whether hidden, kinds, whether in public,
whether its texts list offenders."""


def prose_exposure(key: GroupKey, group: ProseGroup, shown: set[int | None]) -> Exposure:
    """The exposure of one group of prose; `shown` holds the keys of the people the document
    shows in visible text and tables."""
    source, hidden, _, public, _ = key
    people = count_people(group.keys)
    if public:
        return Exposure(source, hidden, people, public_role=True)
    if hidden and source == "prose" and _repeats(group, shown):
        hidden = False  # an earlier revision, a hidden slide: only names already shown
    # One or two names in a notes column may be a product or a place: a case record takes a
    # few people.
    named = people >= CASE_NOTES_PEOPLE
    kinds = tuple(sorted(group.kinds)) if named else ()
    if group.offenders and people:
        kinds = tuple(sorted({*kinds, "case_records"}))
    categories = set(group.categories)
    sensitive = group.sensitive
    if named and group.table_categories:
        categories |= group.table_categories
        sensitive = True
    return Exposure(
        source,
        hidden,
        people,
        kinds,
        special_categories=tuple(sorted(categories)),
        sensitive=sensitive,
        private=group.private,
        role=group.role,
        offenders=group.offenders,
        categorised=count_people(group.categorised),
        grave=group.grave,
        details=group.details,
    )


def _repeats(group: ProseGroup, shown: set[int | None]) -> bool:
    """Hidden prose that names only people the document shows anyway, and says nothing more
    of them (an earlier saved revision of the same page, a carousel's hidden slides): it
    exposes no one new, and is rated as what is shown."""
    if group.private or group.role or group.offenders or group.categories or group.details:
        return False
    keys = {shown_key(k) for k in group.keys} - {None}
    return bool(keys) and len(keys & shown) >= REPEAT_SHARE * len(keys)


def shown_in(groups: dict[GroupKey, ProseGroup]) -> set[int | None]:
    """The keys of the people the document's visible prose names (`shown_key`)."""
    return {shown_key(k) for (_, hidden, *_), g in groups.items() if not hidden for k in g.keys}


def shown_key(keys: PersonKeys) -> int | None:
    """The key a person is known by across texts: their name's, or for a mailbox alone
    (the target of a "mailto:" link over the visible address) the mailbox's own."""
    return keys.short if keys.short is not None else keys.ident
