"""What a format's reader hands over for one sheet: its rows, and what it knows besides them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from detectors.model import Vector
from detectors.shown import shown_name

MAX_COLUMNS = 16_384
"""Excel's last column (XFD); cells beyond it are not read."""


@dataclass(slots=True)
class Row:
    """One row of a sheet as stored: values by 0-based column, "" for a blank cell."""

    number: int
    values: list[str]
    hidden: object = None
    """None for a shown row; otherwise the format's hint, classified by `Layout.row_vector`."""
    concealed: set[int] | None = None
    """Columns whose cell format hides the value (`;;;`, font colour equal to fill)."""


def _hidden_row(number: int, hint: object) -> Vector:
    return hint if isinstance(hint, Vector) else Vector.HIDDEN_ROW


@dataclass
class Layout:
    """What a reader knows about a sheet besides its rows; complete once the rows are read."""

    name: str
    state: Vector = Vector.CELL
    """CELL for a shown sheet, HIDDEN_SHEET or VERY_HIDDEN_SHEET."""
    hidden_columns: dict[int, Vector] = field(default_factory=dict)
    """Column index -> HIDDEN_COLUMN or COLLAPSED_OUTLINE; known before the first row."""
    width: int = 0
    """Columns in the used range when the format says so (xlsx `dimension`), else 0."""
    row_vector: Callable[[int, object], Vector] = _hidden_row
    """Classifies a hidden row by number and hint once all rows were read (xlsx needs the
    autoFilter, which follows the rows)."""

    @property
    def where(self) -> str:
        return f"sheet '{shown_name(self.name)}'"
