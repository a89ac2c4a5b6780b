"""Rendering PDF pages with pdfminer, one at a time, tolerating pages that will not render."""

from __future__ import annotations

import hashlib
import io
import logging
import time
from collections.abc import Container, Iterator
from typing import NamedTuple

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1

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
    data: bytes,
    budget: Budget,
    redactions: dict[int, list[Box]],
    limit: int,
    known: Container[bytes] = (),
) -> Iterator[tuple[int, PageDrawing | PageFailure]]:
    """(0-based page index, what was painted) per page, or why the page was not read; pages
    whose `signature` is in `known` are skipped unread (an earlier revision's unchanged pages).

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
        if known and _signed(page) in known:
            index += 1
            continue
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


def signatures(data: bytes, budget: Budget, limit: int) -> set[bytes]:
    """A signature of each page's drawing instructions (its content streams and the streams of
    the forms and images it names, as stored): a page of an earlier revision with the same
    signature as one of the final revision paints the same thing, and need not be read again.
    Empty when the pages cannot be listed."""
    use_limits(budget.limits)
    found: set[bytes] = set()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        for index, page in enumerate(PDFPage.create_pages(document)):
            if index >= limit:
                break
            budget.check()
            found.add(_signed(page))
    except DocumentTooLarge:
        raise
    except Exception:  # pdfminer raises many kinds on malformed files
        return found
    return found


def _signed(page: PDFPage) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    try:
        for stream in _streams(page.contents):
            digest.update(stream.get_rawdata() or b"")
        resources = resolve1(page.resources) or {}
        objects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        for name, value in sorted((objects or {}).items()):
            stream = resolve1(value)
            digest.update(str(name).encode())
            if isinstance(stream, PDFStream):
                digest.update(stream.get_rawdata() or b"")
    except Exception:  # a damaged page: a signature nobody else has, so it is read
        digest.update(str(id(page)).encode())
    return digest.digest()


def _streams(contents: object) -> list[PDFStream]:
    items = contents if isinstance(contents, list) else [contents]
    return [s for s in (resolve1(item) for item in items) if isinstance(s, PDFStream)]
