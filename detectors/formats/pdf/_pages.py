"""Rendering PDF pages with pdfminer, one at a time, tolerating pages that will not render."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterator
from typing import NamedTuple

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from detectors.errors import DocumentTooLarge
from detectors.formats.pdf._fast import reader
from detectors.formats.pdf._layout import Box, PageDrawing, turned
from detectors.formats.pdf._streams import use_limits
from detectors.limits import Budget

for _noisy in ("pdfminer", "pdfminer.pdfpage", "pdfminer.pdfinterp", "pdfminer.pdfdocument"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


class PagesUnreadable(Exception):
    """pdfminer cannot open the document at all."""


class PageFailure(NamedTuple):
    """Why a page was not read: it would not render, or a limit refused one of its streams."""

    reason: str
    limit: bool = False


def drawings(
    data: bytes, budget: Budget, redactions: dict[int, list[Box]], limit: int
) -> Iterator[tuple[int, PageDrawing | PageFailure]]:
    """(0-based page index, what was painted) per page, or why the page was not read.

    A stream over the limits raises DocumentTooLarge while pdfminer decodes it: on a page,
    that page alone is not read; in the document's own structure (an object stream, the
    cross-reference stream), the whole document stops there.
    """
    use_limits(budget.limits)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        pages = PDFPage.create_pages(document)
    except DocumentTooLarge:
        raise
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
        except DocumentTooLarge:
            raise
        except Exception as error:
            if index == 0:
                raise PagesUnreadable(type(error).__name__) from error
            return
        try:
            interpreter.process_page(page)
        except DocumentTooLarge as refused:
            if time.monotonic() > budget.deadline:
                raise  # the time budget, not this page's streams
            yield index, PageFailure(str(refused), limit=True)
        except Exception:  # one broken page must not hide the others
            yield index, PageFailure("the page cannot be rendered")
        else:
            drawing = recorder.drawing
            drawing.redactions = [
                turned(recorder.transform(r), drawing.turn) for r in redactions.get(index, [])
            ]
            yield index, drawing
        index += 1
