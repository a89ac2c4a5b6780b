"""Pivot cache records read straight from the part's bytes, for the shapes producers write.

A records part is one `<pivotCacheRecords>` holding one `<r>` per source row, each with one
child per database field: `<x v="3"/>` (an index into the field's shared items) or a value
inline (`<s v="text"/>`, `<n v="1.5"/>`, `<b v="1"/>`, `<e v="#N/A"/>`, `<d v="…"/>`,
`<m/>`). The records are cut from large decompressed blocks at record boundaries and read with
one findall per block; when every record of a block has the regular shape the values are
decoded a whole column at a time (index lookups through `map`, rows built by `zip`).

The accepted grammar is a strict subset of well-formed XML: an optional UTF-8 declaration,
then the root start tag (checked by the hardened pull parser); records and their children
under the root's own prefix, with no attribute on `<r>` and only a double-quoted `v` on a
child (no tab or newline in it); children of the seven kinds above, self-closing or empty;
whitespace between elements; the five predefined entities and valid character references;
no comments, CDATA, processing instructions, carriage returns or other elements among the
records; valid UTF-8; nothing after the root but what the pull parser accepts. Anything else
raises `Fallback` and the caller reads the part with the XML parser instead, which then
gives exactly what it always gave.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import IO

from lxml import etree

from detectors.formats._archive import SafeZip
from detectors.formats._xml import pull_parser
from detectors.formats.xlsx.fastgrammar import Fallback, check_text, read_blocks, resolve
from detectors.limits import Budget

__all__ = ["Fallback", "fast_records"]

_BLOCK = 2 * 1024 * 1024
_MAX_PENDING = 64 * 1024 * 1024
"""Bytes of one record beyond which the parser takes over."""
_MAX_REGULAR = 128
"""Widest record read through the one-pattern-per-record shape; wider ones are read child
by child (Python's patterns grow with every group)."""
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?pivotCacheRecords(?=[ \t\n/>])")
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[ \t\n][^?>]*\?>")
_ENCODING = re.compile(rb"encoding[ \t\n]*=[ \t\n]*[\"']([^\"']*)[\"']")
_WS = "[ \t\n]"
_KINDS = "x|s|n|b|e|d|m"
_TRUE = ("1", "true")


@dataclass(frozen=True)
class _Grammar:
    tight: re.Pattern[str] | None
    """The usual record in one shape: per child its kind and value (`<k v="…"/>`), or `m`
    (`<m/>`); then junk. None when records are too wide for one pattern."""
    records: re.Pattern[str]
    """Per record: 3 groups per child of a regular record (kind, quote when `v` is present,
    value), then the `/` of `<r/>`, the `>` and body of any other record, then junk."""
    children: re.Pattern[str]
    """Per child of an irregular record: kind, quote, value, junk."""
    regular: int
    """Children in a regular record, or -1 when records are read child by child."""
    prefix: str


_GRAMMARS: dict[tuple[str, int], _Grammar] = {}
_SHAPES: dict[tuple[str, tuple[bool, ...]], re.Pattern[str]] = {}
_MAX_SHAPES = 256


def _grammar(prefix: str, width: int) -> _Grammar:
    key = (prefix, width)
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _compile(prefix, width)
    return _GRAMMARS[key]


def _shape(prefix: str, indexed: tuple[bool, ...]) -> re.Pattern[str]:
    """The usual record with an index (`<x v="3"/>`, one group) where `indexed` says so and
    any other tight child (kind, value, `m`) elsewhere, then junk."""
    key = (prefix, indexed)
    if key not in _SHAPES:
        if len(_SHAPES) >= _MAX_SHAPES:
            _SHAPES.clear()
        p = re.escape(prefix + ":") if prefix else ""
        index = f'<{p}x v="([0-9]+)"/>'
        other = rf'<{p}(?:([xsnbed]) v="([^"<\t\n]*)"|(m))/>'
        body = "".join(index if flag else other for flag in indexed)
        _SHAPES[key] = re.compile(rf"<{p}r>{body}</{p}r>|(\S)")
    return _SHAPES[key]


def _child(p: str, number: int | None) -> str:
    """One child element; `number` names its kind group so its end tag can refer to it."""
    kind = f"(?P<k{number}>{_KINDS})" if number is not None else f"({_KINDS})"
    same = f"(?P=k{number})" if number is not None else r"\1"
    return (
        rf'<{p}{kind}(?:{_WS}+v{_WS}*={_WS}*(")([^"<\t\n]*)")?{_WS}*'
        rf"(?:/>|></{p}{same}{_WS}*>)"
    )


def _compile(prefix: str, width: int) -> _Grammar:
    p = re.escape(prefix + ":") if prefix else ""
    start, end = rf"<{p}r{_WS}*>", rf"</{p}r{_WS}*>"
    regular = width if width <= _MAX_REGULAR else -1
    alternatives = []
    tight = None
    if regular >= 0:
        body = f"{_WS}*".join(_child(p, n) for n in range(width))
        alternatives.append(f"{start}{_WS}*{body}{_WS}*{end}")
    if 0 < regular:  # with no field the one group left would make findall give strings
        child = rf'<{p}(?:([xsnbed]) v="([^"<\t\n]*)"|(m))/>'
        tight = re.compile(rf"<{p}r>{child * width}</{p}r>|(\S)")
    alternatives += [
        rf"<{p}r{_WS}*(/)>",
        rf"<{p}r{_WS}*(>)([^<]*(?:<(?!/{p}r{_WS}*>)[^<]*)*){end}",
        r"(\S)",
    ]
    records = re.compile("|".join(alternatives))
    children = re.compile(rf"{_child(p, None)}|(\S)")
    return _Grammar(tight, records, children, regular, prefix)


def fast_records(
    zf: SafeZip,
    path: str,
    items: Sequence[list[str]],
    used: Sequence[bytearray],
    budget: Budget,
) -> Iterator[Sequence[tuple[str, ...]]]:
    """The records of one part in order, a block at a time, marking used items as the
    parser's reader does; `Fallback` comes only between blocks."""
    with zf.open(path) as member:
        yield from _read(member, _Decoder(items, used), budget)


def _read(
    member: IO[bytes], decoder: _Decoder, budget: Budget
) -> Iterator[Sequence[tuple[str, ...]]]:
    blocks = read_blocks(member, _BLOCK)
    pending = next(blocks, b"")
    found = _ROOT.search(pending)
    close = pending.find(b">", found.end()) + 1 if found else 0
    if not found or not close:
        raise Fallback
    parser = _head(pending[:close], found)
    prefix = (found.group(1) or b"").decode()
    qualified = f"{prefix}:" if prefix else ""
    end_tag = f"</{qualified}pivotCacheRecords".encode()
    record_start = f"<{qualified}r".encode()
    grammar = _grammar(prefix, decoder.width)
    pending = pending[close:]
    for block in itertools.chain([b""], blocks):
        pending += block
        end = pending.find(end_tag)
        if end >= 0:
            budget.check()
            yield decoder.records(grammar, check_text(pending[:end]))
            _tail(parser, itertools.chain([pending[end:]], blocks))
            decoder.mark_used()
            return
        cut = pending.rfind(record_start)
        if cut <= 0:
            if len(pending) > _MAX_PENDING:
                raise Fallback
            continue
        budget.check()
        yield decoder.records(grammar, check_text(pending[:cut]))
        pending = pending[cut:]
    raise Fallback  # the root never ends: let the parser say how the part is broken


def _head(head: bytes, root: re.Match[bytes]) -> etree.XMLPullParser:
    """The pull parser fed the declaration and root start tag, once both are plain."""
    declaration = _DECLARATION.match(head)
    before = head[declaration.end() if declaration else 0 : root.start()]
    if before.strip(b" \t\n") or head.endswith(b"/>"):
        raise Fallback  # a comment, DOCTYPE or text before the root, or no records at all
    encoding = _ENCODING.search(declaration.group()) if declaration else None
    if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
        raise Fallback
    parser = pull_parser(("{*}pivotCacheRecords",), ("start",))
    try:
        parser.feed(head)
    except etree.XMLSyntaxError as error:
        raise Fallback from error
    events = list(parser.read_events())
    prefix = root.group(1).decode() if root.group(1) else None
    if len(events) != 1 or (events[0][1].prefix or None) != prefix:
        raise Fallback
    return parser


def _tail(parser: etree.XMLPullParser, rest: Iterator[bytes]) -> None:
    """The root's end tag and whatever follows it, checked by the parser."""
    try:
        for data in rest:
            parser.feed(data)
        parser.close()
    except etree.XMLSyntaxError as error:
        raise Fallback from error


class _Decoder:
    """Records from blocks of text, each value read as the parser's reader reads it."""

    def __init__(self, items: Sequence[list[str]], used: Sequence[bytearray]) -> None:
        self.items = items
        self.used = used
        self.width = len(items)
        self.keys: list[dict[str, str] | None] = [None] * self.width
        """Per field, its items by the decimal text of their index."""
        self.seen: list[set[str]] = [set() for _ in items]
        """Per field, the indexes read in bulk and not yet flagged in `used`."""

    def records(self, grammar: _Grammar, text: str) -> Sequence[tuple[str, ...]]:
        """Every record of a block, or Fallback before any is given."""
        if grammar.tight is not None:
            first = grammar.tight.search(text)
            if first and not first.group(first.re.groups):
                indexed = tuple(first.group(3 * n + 1) == "x" for n in range(self.width))
                found = _shape(grammar.prefix, indexed).findall(text)
                if found and not any(map(itemgetter(-1), found)):
                    return self._shaped(found, indexed)
            found = grammar.tight.findall(text)
            columns = list(zip(*found, strict=True)) if found else []
            if not found or not any(columns[-1]):
                return self._regular(found, columns, tight=True)
        found = grammar.records.findall(text)
        if not found:
            return []
        columns = list(zip(*found, strict=True))
        if any(columns[-1]):
            raise Fallback  # text, another element or a malformed tag among the records
        if not (any(columns[-4]) or any(columns[-3])):
            return self._regular(found, columns, tight=False)
        return [self._record(grammar, match) for match in found]

    def _shaped(
        self, found: list[tuple[str, ...]], indexed: tuple[bool, ...]
    ) -> Sequence[tuple[str, ...]]:
        """Records read by a shape: one group per index, three per other child."""
        if not self.width:
            return [()] * len(found)
        flat = list(itertools.chain.from_iterable(found))
        step = len(found[0])
        decoded: list[Sequence[str]] = []
        group = 0
        for position, flag in enumerate(indexed):
            if flag:
                decoded.append(self._indexes(position, flat[group::step]))
                group += 1
            else:
                kinds, raw = flat[group::step], flat[group + 1 :: step]
                decoded.append(self._column(position, tuple(kinds), tuple(raw), None))
                group += 3
        return list(zip(*decoded, strict=True))

    def _indexes(self, position: int, raw: list[str]) -> Sequence[str]:
        """Values of `<x v="…"/>` children whose indexes are ASCII digits."""
        keys = self.keys[position]
        if keys is None:
            items = self.items[position]
            keys = self.keys[position] = dict(zip(map(str, range(len(items))), items, strict=True))
        try:
            values = list(map(keys.__getitem__, raw))
        except KeyError:  # out of range, or written with leading zeros
            return [self._value(position, "x", '"', index) for index in raw]
        self.seen[position].update(raw)
        return values

    def mark_used(self) -> None:
        """Flag the items the indexes read so far pointed at."""
        for used, seen in zip(self.used, self.seen, strict=True):
            deque(map(used.__setitem__, map(int, seen), repeat(1)), maxlen=0)
            seen.clear()

    def _regular(
        self, found: list[tuple[str, ...]], columns: list[tuple[str, ...]], *, tight: bool
    ) -> Sequence[tuple[str, ...]]:
        if not found:
            return []
        if not self.width:
            return [()] * len(found)
        if tight:
            decoded = [
                self._column(n, columns[3 * n], columns[3 * n + 1], None) for n in range(self.width)
            ]
        else:
            decoded = [
                self._column(n, columns[3 * n], columns[3 * n + 2], columns[3 * n + 1])
                for n in range(self.width)
            ]
        return list(zip(*decoded, strict=True))

    def _record(self, grammar: _Grammar, match: tuple[str, ...]) -> tuple[str, ...]:
        if match[-4]:
            return ()
        if match[-3]:
            children = grammar.children.findall(match[-2])
            if any(junk for *_, junk in children):
                raise Fallback
            triples: Sequence[tuple[str, ...]] = [c[:3] for c in children]
        else:
            triples = [match[3 * n : 3 * n + 3] for n in range(grammar.regular)]
        return tuple(self._value(n, *triple) for n, triple in enumerate(triples))

    def _column(
        self,
        position: int,
        kinds: tuple[str, ...],
        raw: tuple[str, ...],
        quotes: tuple[str, ...] | None,
    ) -> Sequence[str]:
        """One field's values over a block of regular records, in bulk when they are alike.

        `quotes` tells which children have a `v`; without it (the tight shape) every child
        has one but `<m/>`, whose kind is then empty.
        """
        size = len(kinds)
        xs = kinds.count("x")
        if xs == size and (quotes is None or quotes.count('"') == size):
            joined = "".join(raw)
            if joined.isascii() and joined.isdigit() and all(raw):
                return self._indexes(position, list(raw))
        elif not xs and "b" not in kinds:
            # a child without `v` gives "" as one with an empty `v` does
            return list(map(resolve, raw)) if "&" in "".join(raw) else raw
        if quotes is None:
            quotes = tuple('"' if kind else "" for kind in kinds)
            kinds = tuple(kind or "m" for kind in kinds)
        return [self._value(position, *value) for value in zip(kinds, quotes, raw, strict=True)]

    def _value(self, position: int, kind: str, quote: str, raw: str) -> str:
        """One value exactly as the parser's reader gives it (pivots._records)."""
        if quote and "&" in raw:
            raw = resolve(raw)
        if kind == "x" and position < self.width:
            try:
                index = int(raw if quote else "")
                value = self.items[position][index]
                self.used[position][index] = 1
                return value
            except (ValueError, IndexError):
                return ""
        if not quote:
            return ""
        if kind == "b":
            return "TRUE" if raw in _TRUE else "FALSE"
        return raw
