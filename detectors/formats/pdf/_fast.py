"""Content streams tokenised by qpdf instead of pdfminer's pure-Python lexer.

Tokenising a page's content stream is most of the cost of reading a PDF with pdfminer. Here
qpdf (through pikepdf) splits the stream into operators and operands, the operands are turned
into the values pdfminer's own parser gives (ints, floats, bytes, literals, lists, dicts), and
each operator runs through the very same interpreter and device as before: every character,
path, image, clip and opacity is judged by the same code, so the findings are the same.

A stream is read by pdfminer's own parser instead when qpdf cannot take it as it stands:
inline images (pdfminer hands them over as streams of their own), a token qpdf rejects or
has to repair (an unterminated string), a name or operator that is not UTF-8, or decoded
content over `MAX_CONTENT_BYTES` (pdfminer reads that as it goes, where qpdf would hold every
token at once).

`reference_reader()` switches the fast path off, for comparing both readers.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

import pikepdf
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import LIT

from detectors.formats.pdf._paint import Interpreter

MAX_CONTENT_BYTES = 4 * 2**20
"""Decoded content of one page or form tokenised by qpdf; a larger one streams through pdfminer."""
_REFERENCE: ContextVar[bool] = ContextVar("pdf_reference_reader", default=False)
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_SCRATCH = pikepdf.new()
"""An empty document the content bytes are wrapped in, as qpdf parses streams of a document."""
_NAME = pikepdf.ObjectType.name_
_STRING = pikepdf.ObjectType.string
_ARRAY = pikepdf.ObjectType.array
_DICTIONARY = pikepdf.ObjectType.dictionary
_REAL = pikepdf.ObjectType.real
_METHODS: dict[str, str] = {}


class NotTokenised(Exception):
    """qpdf's tokens cannot stand for what pdfminer's parser would give."""


@contextmanager
def reference_reader() -> Iterator[None]:
    """Within this block, PDF pages are read by pdfminer alone (the reference reader)."""
    token = _REFERENCE.set(True)
    try:
        yield
    finally:
        _REFERENCE.reset(token)


def interpreter_class() -> type[Interpreter]:
    """The interpreter pages are painted with: the fast one unless the reference is asked for."""
    return Interpreter if _REFERENCE.get() else FastInterpreter


class FastInterpreter(Interpreter):
    """The page interpreter with qpdf as its tokeniser; `subinterp` keeps the class for forms."""

    def execute(self, streams: Sequence[object]) -> None:
        try:
            program = _program(self._streams(streams))
        except NotTokenised:
            super().execute(streams)
            return
        # As pdfminer's own loop: operands pile up on the argument stack, and an operator takes
        # as many as its method has parameters, the last ones pushed, when there are enough.
        stack = self.argstack
        for operands, operator in program:
            if operands:
                stack.extend(operands)
            method = _METHODS.get(operator)
            if method is None:
                method = "do_" + operator.replace("*", "_a").replace('"', "_w").replace("'", "_q")
                _METHODS[operator] = method
            func = getattr(self, method, None)
            if func is None:
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args = self.pop(nargs)
                stack = self.argstack
                if len(args) == nargs:
                    func(*args)
            else:
                func()
            stack = self.argstack

    def _streams(self, streams: Sequence[object]) -> bytes:
        """The content to run, as pdfminer's `execute` chooses it (a stream already being
        run further up, a form painting itself, is left out), joined as its parser reads it."""
        self.stream_ids.clear()
        chosen: list[PDFStream] = []
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                raise NotTokenised("left to pdfminer, which logs and skips it")
            chosen.append(stream)
            self.stream_ids.add(stream.objid)
        parts = []
        size = 0
        for stream in chosen:
            data = stream.get_data()
            size += len(data)
            if size > MAX_CONTENT_BYTES:
                raise NotTokenised("too large to hold tokenised")
            parts.append(data)
        # pdfminer's parser ends a token where a stream ends, as if a newline followed.
        return b"\n".join(parts)


def _program(content: bytes) -> list[tuple[list[Any], str]]:
    """The content's operators, in order, each with the operands given before it."""
    if not content:
        return []
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            instructions = pikepdf.parse_content_stream(pikepdf.Stream(_SCRATCH, content))
        except (pikepdf.PdfError, ValueError, TypeError, RuntimeError) as error:
            raise NotTokenised(type(error).__name__) from error
    if warned:
        raise NotTokenised("qpdf repaired the content")  # pdfminer may repair it otherwise
    program: list[tuple[list[Any], str]] = []
    try:
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                raise NotTokenised("inline image")
            operands = [_value(o) for o in instruction.operands]
            program.append((operands, str(instruction.operator)))
    except (UnicodeDecodeError, ValueError, TypeError, AttributeError) as error:
        raise NotTokenised(type(error).__name__) from error
    return program


def _value(operand: Any) -> Any:
    """A qpdf operand as pdfminer's parser gives it."""
    kind = type(operand)
    if kind is int or kind is bool:
        return operand
    if kind is Decimal:
        return float(operand)
    if operand is None:
        return None
    code = operand._type_code
    if code == _NAME:
        return LIT(_name(operand))
    if code == _STRING:
        return bytes(operand)
    if code == _ARRAY:
        return [_value(item) for item in operand]
    if code == _DICTIONARY:
        entries = ((_name(key), _value(value)) for key, value in operand.items())
        return {key: value for key, value in entries if value is not None}
    if code == _REAL:
        return float(operand)
    raise NotTokenised(f"operand of type {code}")


def _name(name: Any) -> str:
    """A name without its slash, `#xx` escapes decoded, as pdfminer reads it."""
    text = str(name)[1:]
    if "#" in text:
        text = _HEX.sub(lambda m: bytes((int(m.group(1), 16),)), text.encode()).decode("utf-8")
    return text
