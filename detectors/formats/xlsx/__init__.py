"""xlsx / xlsm: every sheet, hidden or not, and every place a workbook keeps data besides them.

The workbook part gives the sheets and their states; each sheet is streamed (`sheets`) with
what its part keeps besides the cells (page headers and footers, data-validation lists and
messages) and the count of filled cells outside its print area, then the strings no cell uses
(`strings`), comments, pivot caches, other caches (charts, external links, queries, data
model), revision logs, properties and embedded files. A broken main part makes the document
unreadable; a broken sheet or secondary part is reported as an `Unread` part and the rest is
still read, because a part that cannot be parsed is suspect, not clean.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._ole import embedded_ole
from detectors.formats._ooxml import inspect_diagrams, inspect_mail_links, inspect_properties
from detectors.formats.xlsx.caches import inspect_caches
from detectors.formats.xlsx.comments import inspect_comments
from detectors.formats.xlsx.drawings import inspect_drawings
from detectors.formats.xlsx.pivots import inspect_pivots
from detectors.formats.xlsx.revisions import inspect_revisions
from detectors.formats.xlsx.sheets import Context, inspect_sheets
from detectors.formats.xlsx.strings import read_strings, unused_strings
from detectors.formats.xlsx.styles import concealing_styles
from detectors.formats.xlsx.workbook import read_workbook, workbook_items
from detectors.limits import Budget
from detectors.model import Item, Unread
from detectors.shown import shown_path

__all__ = ["inspect_xlsx"]


def inspect_xlsx(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every text, table, embedded file and hiding place of an xlsx/xlsm workbook."""
    with open_zip(data, budget) as zf:
        book = read_workbook(zf)
        yield from inspect_properties(zf)
        yield from workbook_items(book)
        strings = read_strings(zf, book.part("sharedStrings"), budget)
        concealing = concealing_styles(zf, book.part("styles"))
        yield from inspect_sheets(book, Context(zf, strings, concealing, budget))
        yield from unused_strings(strings, budget)
        yield from inspect_comments(zf, book, budget)
        yield from inspect_mail_links(zf, "xl/worksheets/")
        yield from inspect_drawings(zf, book)
        yield from inspect_diagrams(zf, "xl/diagrams/")
        yield from inspect_pivots(zf, book, budget)
        yield from inspect_caches(zf, budget)
        yield from inspect_revisions(zf, budget)
        yield from _embedded(zf, budget)


def _embedded(zf: SafeZip, budget: Budget) -> Iterator[Item]:
    """Files under xl/embeddings/, unwrapped from their OLE containers, to be scanned in turn."""
    for part in zf.matching("xl/embeddings/"):
        if part.endswith("/"):
            continue
        budget.check()
        where = f"embedded file {shown_path(part)}"
        member = zf.read_file(part, where)
        if isinstance(member, Unread):
            yield member
            continue
        yield from embedded_ole(posixpath.basename(part), member, where)
