"""Frozen records passed between the stages: inspect -> detect -> assess."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Vector(StrEnum):
    """How a piece of text was stored in its document; every vector but two is hidden."""

    PAGE_TEXT = "page_text"
    CELL = "cell"
    HIDDEN_SHEET = "hidden_sheet"
    VERY_HIDDEN_SHEET = "very_hidden_sheet"
    HIDDEN_ROW = "hidden_row"
    HIDDEN_COLUMN = "hidden_column"
    FILTERED_ROW = "filtered_row"
    COLLAPSED_OUTLINE = "collapsed_outline"
    CONCEALED_FORMAT = "concealed_format"
    PIVOT_CACHE = "pivot_cache"
    CHART_CACHE = "chart_cache"
    EXTERNAL_LINK_CACHE = "external_link_cache"
    QUERY_TABLE = "query_table"
    DATA_MODEL = "data_model"
    COMMENT = "comment"
    DEFINED_NAME = "defined_name"
    METADATA = "metadata"
    TRACKED_CHANGE = "tracked_change"
    HIDDEN_TEXT = "hidden_text"
    SPEAKER_NOTES = "speaker_notes"
    HIDDEN_SLIDE = "hidden_slide"
    UNDER_REDACTION = "under_redaction"
    INVISIBLE_TEXT = "invisible_text"
    ANNOTATION = "annotation"
    FORM_FIELD = "form_field"
    EMBEDDED_FILE = "embedded_file"
    PRIOR_REVISION = "prior_revision"

    @property
    def hidden(self) -> bool:
        """True when a person viewing the document normally would not see this text."""
        return self not in (Vector.PAGE_TEXT, Vector.CELL)


@dataclass(frozen=True)
class Cover:
    """A box painted over text on a PDF page: a failed redaction's black box, white-out,
    cross-hatching or an opaque Square annotation.

    `page` is 1-based; `box` is (x0, top, x1, bottom) in points from the top left corner of
    the page as shown, rounded to a tenth.
    """

    page: int
    box: tuple[float, float, float, float]
    panel: bool = False
    """A light box over a large share of the page (a column's or the page's background
    painted over earlier text): a layout's panel, not a mark drawn over chosen words."""


@dataclass(frozen=True)
class Text:
    """A run of prose or a single value, with where it sits and how it was stored."""

    text: str
    vector: Vector
    where: str
    covers: tuple[Cover, ...] = ()
    """For text under redaction boxes: the boxes that hide it."""


@dataclass(frozen=True)
class Table:
    """Rows of cells sharing one header, all stored through the same vector.

    `rows` is consumed once and may be a generator reading the file as it goes, so a
    consumer must take what it needs in a single pass. `first_row` is the 1-based row
    number of the first data row and `columns` the column letters or labels, so that
    locations such as "'Raw'!B2:B9484" can be named without keeping the rows.
    """

    where: str
    vector: Vector
    header: tuple[str, ...]
    rows: Iterable[tuple[str, ...]]
    first_row: int = 2
    columns: tuple[str, ...] = ()
    beside: tuple[str, ...] = ()
    """For hidden columns: the headers of the shown columns of the same rows ("Rank",
    "Department"), which say what the people named in the hidden ones are."""


@dataclass(frozen=True)
class Embedded:
    """A file inside the file (a workbook in a docx, a PDF attachment, a zip member)."""

    name: str
    data: bytes
    where: str


@dataclass(frozen=True)
class Structure:
    """A hiding place found in the document, reported even when no personal data is in it.

    `detail` is a short, value-free description such as "9,483 non-blank rows".
    """

    vector: Vector
    where: str
    detail: str = ""


@dataclass(frozen=True)
class Unread:
    """A part of the document that was not read, and why: suspect, never clean.

    `limit` is True when a resource limit (time, size, a decompression bomb, a page cap) cut
    the reading short rather than damage or an unsupported encoding; the document's status is
    then `too_large`. `vector` names the hiding place the part belongs to, when it is one.
    """

    where: str
    reason: str
    limit: bool = False
    vector: Vector | None = None


Item = Text | Table | Embedded | Structure | Unread
"""What an inspector yields."""


class Severity(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Status(StrEnum):
    SCANNED = "scanned"
    ENCRYPTED = "encrypted"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Finding:
    """One kind of personal data in one place; `example` is masked, never the raw value."""

    entity: str
    vector: Vector
    where: str
    count: int
    score: float
    example: str
    inner_vector: Vector | None = None
    """For findings inside an embedded file: the vector within that file."""
    covers: tuple[Cover, ...] = ()
    """For findings under redaction boxes: the boxes over the text they were found in."""
    public_role: bool = False
    """The people found are named in a public capacity (candidates, councillors, ministers,
    chief officers, spokespeople, authors): still reported, but rated low."""

    @property
    def hidden(self) -> bool:
        return self.vector.hidden


@dataclass(frozen=True)
class Verdict:
    """What scanning one document concluded."""

    source: str
    sha256: str
    format: str
    status: Status
    error: str | None = None
    severity: Severity = Severity.NONE
    people: int = 0
    kinds: tuple[str, ...] = ()
    special_categories: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    structures: tuple[Structure, ...] = ()
    size: int = 0
    unread: tuple[Unread, ...] = ()
    """Parts that could not be read; any keeps the document from severity `none`."""

    @property
    def fully_read(self) -> bool:
        """Scanned to the end with every part read: only then can "nothing found" mean clean."""
        return self.status is Status.SCANNED and not self.unread
