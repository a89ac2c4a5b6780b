"""Rendering PDF pages with pdfminer, one at a time, tolerating pages that will not render."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from detectors.formats.pdf._fast import reader
from detectors.formats.pdf._layout import Box, PageDrawing, turned
from detectors.limits import Budget

for _noisy in ("pdfminer", "pdfminer.pdfpage", "pdfminer.pdfinterp", "pdfminer.pdfdocument"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


class PagesUnreadable(Exception):
    """pdfminer cannot open the document at all."""


def drawings(
    data: bytes, budget: Budget, redactions: dict[int, list[Box]], limit: int
) -> Iterator[tuple[int, PageDrawing | None]]:
    """(0-based page index, what was painted) per page; None for a page that failed."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        pages = PDFPage.create_pages(document)
    except Exception as error:  # pdfminer raises many kinds on malformed files
        raise PagesUnreadable(type(error).__name__) from error
    manager = PDFResourceManager(caching=True)
    interpreter_class, recorder_class = reader()
    recorder = recorder_class(manager, budget.check)
    interpreter = interpreter_class(manager, recorder)
    index = 0
    while index < limit:
        budget.check()
        try:
            page = next(pages)
        except StopIteration:
            return
        except Exception as error:
            if index == 0:
                raise PagesUnreadable(type(error).__name__) from error
            return
        try:
            interpreter.process_page(page)
        except Exception:  # one broken page must not hide the others
            yield index, None
        else:
            drawing = recorder.drawing
            drawing.redactions = [
                turned(recorder.transform(r), drawing.turn) for r in redactions.get(index, [])
            ]
            yield index, drawing
        index += 1
