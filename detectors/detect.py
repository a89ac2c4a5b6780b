"""Detection: turn the texts and tables of one document into findings and people counts.

INTERIM: a minimal detector so the pipeline runs end to end; the real one (presidio with UK
and police recognizers, tables judged by column) replaces the internals, keeping
`Detector.feed` / `Detector.finish` and `Evidence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from detectors.mask import mask
from detectors.model import Finding, Table, Text, Vector

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_HEADERS = re.compile(r"\b(name|surname|forename)\b", re.I)


@dataclass(frozen=True)
class Evidence:
    """Everything detection concluded about one document, before severity is assessed."""

    findings: tuple[Finding, ...]
    people: int
    kinds: tuple[str, ...]
    special_categories: tuple[str, ...]


class Detector:
    """Fed every text and table of a document (embedded files included), then finished once."""

    def __init__(self, allow_list: frozenset[str] = frozenset()) -> None:
        self.allow_list = {name.casefold() for name in allow_list}
        self._findings: list[Finding] = []
        self._people: set[str] = set()
        self._kinds: set[str] = set()

    def feed(self, item: Text | Table, embedded_in: str | None = None) -> None:
        if isinstance(item, Table):
            self._feed_table(item, embedded_in)
        else:
            self._feed_text(item, embedded_in)

    def finish(self) -> Evidence:
        return Evidence(tuple(self._findings), len(self._people), tuple(sorted(self._kinds)), ())

    def _feed_text(self, item: Text, embedded_in: str | None) -> None:
        emails = _EMAIL.findall(item.text)
        if emails:
            self._add("EMAIL_ADDRESS", item.vector, item.where, emails, embedded_in)

    def _feed_table(self, table: Table, embedded_in: str | None) -> None:
        name_columns = [i for i, h in enumerate(table.header) if _NAME_HEADERS.search(h)]
        names: list[str] = []
        for row in table.rows:
            parts = [row[i] for i in name_columns if i < len(row) and row[i].strip()]
            if parts:
                names.append(" ".join(parts))
        names = [n for n in names if n.casefold() not in self.allow_list]
        if names:
            self._add("PERSON", table.vector, table.where, names, embedded_in)
            self._people.update(n.casefold() for n in names)
            self._kinds.add("staff_list")

    def _add(
        self, entity: str, vector: Vector, where: str, values: list[str], embedded_in: str | None
    ) -> None:
        inner = None
        if embedded_in:
            inner, vector, where = vector, Vector.EMBEDDED_FILE, embedded_in + where
        self._findings.append(
            Finding(entity, vector, where, len(values), 0.5, mask(values[0], entity), inner)
        )
