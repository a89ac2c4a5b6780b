"""Opening an xls workbook with xlrd so that one damaged part does not lose the whole workbook.

xlrd gives up on a whole workbook for faults that only touch a part of it. Three are met in
real files, and each is made to lose only that part:

- a defined name whose formula xlrd cannot evaluate (a token it does not know) stops the
  workbook from opening: such a name is left without a value (`Name.result` None) and
  counted in `UNREADABLE_NAMES` on the book;
- a cell comment (NOTE record) xlrd cannot parse stops its sheet from loading: such a note is
  skipped and counted in `UNREADABLE_NOTES` on the sheet;
- a compound (OLE) file whose sector chains are damaged: xlrd is asked again to ignore the
  damage, and failing that the workbook stream that olefile can still read is given to xlrd
  as a bare BIFF stream (xlrd reads those as it reads BIFF2-4 files).

The first two are wrappers installed once around the xlrd functions that do that parsing:
they change nothing for a workbook xlrd can read.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import olefile
import xlrd
import xlrd.book
import xlrd.compdoc
import xlrd.sheet

from detectors.errors import EncryptedDocument, UnreadableDocument

UNREADABLE_NAMES = "leaksweep_unreadable_names"
"""Book attribute: how many defined names could not be evaluated."""
UNREADABLE_NOTES = "leaksweep_unreadable_notes"
"""Sheet attribute: how many cell comments could not be parsed."""


def _tolerant_names(evaluate: Callable[..., None]) -> Callable[..., None]:
    def evaluate_name_formula(
        book: Any, name: Any, index: int, blah: int = 0, level: int = 0
    ) -> None:
        try:
            evaluate(book, name, index, blah, level)
        except Exception:  # xlrd raises FormulaError, XLRDError, AssertionError… on odd tokens
            name.result = None
            name.evaluated = 1
            setattr(book, UNREADABLE_NAMES, getattr(book, UNREADABLE_NAMES, 0) + 1)

    return evaluate_name_formula


def _tolerant_notes(handle: Callable[..., None]) -> Callable[..., None]:
    def handle_note(sheet: Any, data: bytes, txos: dict[Any, Any]) -> None:
        try:
            handle(sheet, data, txos)
        except Exception:  # xlrd asserts on NOTE records other writers lay out differently
            setattr(sheet, UNREADABLE_NOTES, getattr(sheet, UNREADABLE_NOTES, 0) + 1)

    return handle_note


if not hasattr(xlrd.book, "leaksweep_tolerant"):
    xlrd.book.evaluate_name_formula = _tolerant_names(xlrd.book.evaluate_name_formula)
    xlrd.sheet.Sheet.handle_note = _tolerant_notes(xlrd.sheet.Sheet.handle_note)
    xlrd.book.leaksweep_tolerant = True


def open_book(data: bytes) -> tuple[Any, str | None]:
    """The xlrd Book (formatting info, sheets on demand) and why its container was repaired."""
    try:
        return _open(data), None
    except xlrd.compdoc.CompDocError as error:
        damage = f"damaged OLE container ({error})"
    for repair in (_open_ignoring_damage, _open_stream):
        try:
            return repair(data), damage
        except EncryptedDocument:
            raise
        except Exception:  # this repair did not work; the next one may
            continue
    raise UnreadableDocument(f"not a readable xls workbook: {damage}")


def _open(data: bytes, *, ignore_workbook_corruption: bool = False) -> Any:
    try:
        return xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=io.StringIO(),
            ignore_workbook_corruption=ignore_workbook_corruption,
        )
    except xlrd.compdoc.CompDocError:
        raise
    except xlrd.XLRDError as error:
        if "encrypted" in str(error).lower():
            raise EncryptedDocument("the workbook is password-protected") from error
        raise UnreadableDocument(f"not a readable xls workbook: {error}") from error
    except Exception as error:  # xlrd fails on damaged files with many exception types
        raise UnreadableDocument(
            f"not a readable xls workbook: {type(error).__name__}: {error}"
        ) from error


def _open_ignoring_damage(data: bytes) -> Any:
    return _open(data, ignore_workbook_corruption=True)


def _open_stream(data: bytes) -> Any:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
        if stream is None:
            raise UnreadableDocument("not a readable xls workbook: no workbook stream")
        biff = ole.openstream(stream).read()
    return _open(biff)
