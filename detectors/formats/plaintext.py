"""Plain text: decoded robustly and yielded one paragraph (blank-line separated) at a time."""

from __future__ import annotations

from collections.abc import Iterator

from detectors.formats._text import decode
from detectors.limits import Budget
from detectors.model import Item, Text, Vector

MAX_CHUNK = 4000
"""Paragraphs longer than this (a text with no blank lines) are cut at line ends."""


def inspect_text(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield each paragraph of a text file as page text located by its line numbers."""
    text, _ = decode(data)
    for first, last, paragraph in paragraphs(_cut(text.splitlines())):
        budget.check()
        yield Text(paragraph, Vector.PAGE_TEXT, _lines(first, last))


def paragraphs(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, text) of each run of non-blank lines, cut at MAX_CHUNK."""
    start, chunk, size = 0, list[str](), 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if chunk:
                yield start, number - 1, "\n".join(chunk)
            chunk, size = [], 0
            continue
        if chunk and size + len(line) > MAX_CHUNK:
            yield start, number - 1, "\n".join(chunk)
            chunk, size = [], 0
        if not chunk:
            start = number
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        yield start, len(lines), "\n".join(chunk)


def _cut(lines: list[str]) -> list[str]:
    """Lines no longer than MAX_CHUNK (a minified or binary-ish file may be one huge line).

    A cut line keeps its number only approximately: the pieces count as further lines.
    """
    if all(len(line) <= MAX_CHUNK for line in lines):
        return lines
    cut: list[str] = []
    for line in lines:
        cut.extend(line[i : i + MAX_CHUNK] for i in range(0, max(len(line), 1), MAX_CHUNK))
    return cut


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"
