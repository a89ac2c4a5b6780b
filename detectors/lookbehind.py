"""Patterns searched only in text that holds what every match needs: the label of a
pattern led by a lookbehind ("(?<=crime ref )12345/21"), the "@" of an e-mail address.

The `regex` module tries such a lookbehind backwards at every position of the text: over a
page of prose that is most of the cost of all the pattern recognizers together. A match of
`(?<=LABEL)VALUE` needs LABEL to match just before it, so text where a plain search finds
LABEL nowhere holds no match; one search for the label decides, and only text that has it
is searched with the whole pattern. The matches are the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

_LEAD = "(?<="


def lookbehind_body(pattern: str) -> str | None:
    """LABEL of a pattern `(?<=LABEL)REST` with no top-level alternative; None otherwise."""
    if not pattern.startswith(_LEAD):
        return None
    depth = 0
    end = None
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and end is None:
                end = index
        elif char == "|" and depth == 0:
            return None  # "(?<=A)B|C": C needs no A
        index += 1
    if end is None or depth != 0:
        return None
    return pattern[len(_LEAD) : end]


def _class_end(pattern: str, start: int) -> int:
    """The index just past the character class opening at `start` (`regex`'s default
    syntax, where a "[" inside a class is a member)."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # "[]…]": a leading bracket is a member
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "]":
            return index + 1
        index += 1
    return index


class Gated:
    """A compiled pattern whose leading lookbehind's body (or `needs`, a pattern every match
    must hold, such as the "@" of an e-mail address) is searched for first."""

    def __init__(self, pattern: str, flags: int = 0, needs: str | None = None) -> None:
        self.pattern = regex.compile(pattern, flags)
        gate = lookbehind_body(pattern) if needs is None else needs
        self.gate = regex.compile(gate, flags) if gate is not None else None

    def _open(self, text: str, timeout: Any) -> bool:
        return self.gate is None or self.gate.search(text, timeout=timeout) is not None

    def search(self, text: str, *, timeout: Any = None) -> Any:
        return self.pattern.search(text, timeout=timeout) if self._open(text, timeout) else None

    def finditer(self, text: str, *, timeout: Any = None) -> Iterator[Any]:
        if not self._open(text, timeout):
            return iter(())
        return self.pattern.finditer(text, timeout=timeout)
