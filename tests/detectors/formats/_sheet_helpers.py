"""Running a spreadsheet inspector and asking where a value came out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from detectors.limits import Budget
from detectors.model import Embedded, Item, Structure, Table, Text, Unread, Vector

Inspector = Callable[[bytes, str, Budget], Iterator[Item]]


@dataclass(frozen=True)
class Seen:
    """What an inspector yielded, with every Table's rows read once."""

    texts: list[Text]
    tables: list[tuple[Table, list[tuple[str, ...]]]]
    structures: list[Structure]
    embedded: list[Embedded]
    unread: list[Unread]

    def places(self, value: str) -> set[tuple[Vector, str]]:
        """(vector, where) of every text or table holding `value` (in a cell or the header)."""
        found = {(t.vector, t.where) for t in self.texts if value in t.text}
        for table, rows in self.tables:
            if any(value in cell for row in rows for cell in row) or value in table.header:
                found.add((table.vector, table.where))
        return found

    def has(self, vector: Vector, where: str, value: str) -> bool:
        return any(v is vector and where in w for v, w in self.places(value))

    def structure(self, vector: Vector, where: str = "") -> Structure | None:
        return next((s for s in self.structures if s.vector is vector and where in s.where), None)


def inspect(inspector: Inspector, data: bytes, name: str) -> Seen:
    seen = Seen([], [], [], [], [])
    for item in inspector(data, name, Budget()):
        if isinstance(item, Text):
            seen.texts.append(item)
        elif isinstance(item, Table):
            seen.tables.append((item, list(item.rows)))
        elif isinstance(item, Structure):
            seen.structures.append(item)
        elif isinstance(item, Unread):
            seen.unread.append(item)
        else:
            seen.embedded.append(item)
    return seen
