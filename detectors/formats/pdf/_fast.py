"""Content streams tokenised by qpdf instead of pdfminer's pure-Python lexer, and strings of
text laid out in one loop.

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

Each string of horizontal text is laid out in one loop (`FastRecorder`) instead of one call
per character through pdfminer's device: each character's text and width is looked up once
per font, and its colour once per string; the boxes come from the same arithmetic in the same
order. Vertical text goes through pdfminer's device as before.

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
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFTextState
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import LIT
from pdfminer.utils import Matrix, Point, apply_matrix_rect, mult_matrix

from detectors.formats.pdf._layout import _CHECK_EVERY, Glyph, Recorder
from detectors.formats.pdf._paint import INVISIBLE, Interpreter, fill_alpha, rgb

MAX_CONTENT_BYTES = 4 * 2**20
"""Decoded content of one page or form tokenised by qpdf; a larger one streams through pdfminer."""
_REFERENCE: ContextVar[bool] = ContextVar("pdf_reference_reader", default=False)
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_NAME = pikepdf.ObjectType.name_
_STRING = pikepdf.ObjectType.string
_ARRAY = pikepdf.ObjectType.array
_DICTIONARY = pikepdf.ObjectType.dictionary
_REAL = pikepdf.ObjectType.real
_METHODS: dict[str, str] = {}
"""The interpreter method of each operator met, up to `_KNOWN_OPERATORS` (hostile content may
hold any number of made-up ones)."""
_KNOWN_OPERATORS = 256


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


def reader() -> tuple[type[Interpreter], type[Recorder]]:
    """The interpreter and device pages are painted with: the fast ones unless the reference
    reader is asked for."""
    if _REFERENCE.get():
        return Interpreter, Recorder
    return FastInterpreter, FastRecorder


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
            method = _METHODS.get(operator) or _method(operator)
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


def _method(operator: str) -> str:
    """The name of the interpreter's method for an operator, as pdfminer forms it."""
    method = "do_" + operator.replace("*", "_a").replace('"', "_w").replace("'", "_q")
    if len(_METHODS) < _KNOWN_OPERATORS:
        _METHODS[operator] = method
    return method


def _program(content: bytes) -> list[tuple[list[Any], str]]:
    """The content's operators, in order, each with the operands given before it."""
    if not content:
        return []
    # qpdf parses streams of a document: the bytes go into an empty one of their own, which
    # is let go with them (a shared one would keep every stream, and is not for threads).
    with pikepdf.new() as scratch:
        return _tokenised(pikepdf.Stream(scratch, content))


def _tokenised(stream: pikepdf.Stream) -> list[tuple[list[Any], str]]:
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            instructions = pikepdf.parse_content_stream(stream)
        except (pikepdf.PdfError, ValueError, TypeError, RuntimeError) as error:
            raise NotTokenised(type(error).__name__) from error
    if warned:
        raise NotTokenised("qpdf repaired the content")  # pdfminer may repair it otherwise
    program: list[tuple[list[Any], str]] = []
    try:
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                raise NotTokenised("inline image")
            operands = [o if type(o) is int else _value(o) for o in instruction.operands]
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


class FastRecorder(Recorder):
    """The page device, laying out each string of horizontal text in one loop."""

    _fonts: dict[int, tuple[PDFFont, dict[int, tuple[str, float]]]] | None = None
    """Per font (by identity): each character code's text and width."""

    def render_string(
        self, textstate: PDFTextState, seq: Any, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        font = textstate.font
        if font is None or font.is_vertical() or self.ctm is None:
            super().render_string(textstate, seq, ncs, graphicstate)
            return
        self._render = int(textstate.render or 0)
        # As pdfminer's `render_string`, then `render_string_horizontal` and `render_char`.
        scaling = textstate.scaling * 0.01
        textstate.linematrix = self._horizontal(
            seq,
            mult_matrix(textstate.matrix, self.ctm),
            textstate.linematrix,
            font,
            textstate.fontsize,
            scaling,
            textstate.charspace * scaling,
            0 if font.is_multibyte() else textstate.wordspace * scaling,
            textstate.rise,
            graphicstate,
        )

    def _horizontal(
        self,
        seq: Any,
        matrix: Matrix,
        pos: Point,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        state: PDFGraphicState,
    ) -> Point:
        x, y = pos
        a, b, c, d, e, f = matrix
        dxscale = 0.001 * fontsize * scaling
        known = self._known(font)
        render = self._render
        colour = rgb(state.scolor if render in (1, 5) else state.ncolor)
        if render in (0, 4) and fill_alpha(state) < INVISIBLE:
            render = 3  # filled at zero opacity: drawn, but as invisible as mode 3
        bottom = font.get_descent() * fontsize + rise
        top = bottom + fontsize
        upright = b == 0 and c == 0
        run = (0 if a >= 0 else 2) if abs(a) >= abs(b) else (1 if b > 0 else 3)
        glyphs = self.drawing.glyphs
        check = self._check
        needcharspace = False
        for obj in seq:
            if isinstance(obj, int | float):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                entry = known.get(cid)
                if entry is None:
                    entry = known[cid] = self._character(font, cid)
                text, width = entry
                advance = width * fontsize * scaling
                ex = x * a + y * c + e
                fy = x * b + y * d + f
                if upright:
                    right = a * advance + ex
                    low, high = d * bottom + fy, d * top + fy
                    # The order `sorted` gives, down to the sign of a zero.
                    x0, x1 = (ex, right) if ex <= right else (right, ex)
                    y0, y1 = (low, high) if low <= high else (high, low)
                    box = (x0, y0, x1, y1)
                else:
                    box = apply_matrix_rect((a, b, c, d, ex, fy), (0, bottom, advance, top))
                self._runs[run] += 1
                self._order += 1
                glyphs.append(Glyph(text, box, colour, render, self._order))
                self._painted += 1
                if check is not None and self._painted % _CHECK_EVERY == 0:
                    check()
                x += advance
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

    def _known(self, font: PDFFont) -> dict[int, tuple[str, float]]:
        if self._fonts is None:
            self._fonts = {}
        held = self._fonts.get(id(font))
        if held is None or held[0] is not font:
            held = self._fonts[id(font)] = (font, {})
        return held[1]

    def _character(self, font: PDFFont, cid: int) -> tuple[str, float]:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        return text, font.char_width(cid)
