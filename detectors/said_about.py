"""What a text says about a person it names: the stretch searched for a special category.

A category is a person's when it is said about them, in their own sentence or in the next one
when that goes on about them; not when it is the page's topic, a heading's, a definition's or
a form's list of offences.
"""

from __future__ import annotations

import re

CATEGORY_WINDOW = 250
"""Characters either side of personal data searched for a special category."""
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|No))[.!?](?=\s+[A-Z\"'(])")


def said_about(text: str, start: int, end: int, known: frozenset[str] = frozenset()) -> str:
    """The sentence a match stands in and the one after it, within CATEGORY_WINDOW characters
    and its own paragraph: a special category is the person's when it is said about them, not
    when it is the page's topic ("a report on hate crime" two sentences before a byline)."""
    low, high = max(0, start - CATEGORY_WINDOW), min(len(text), end + CATEGORY_WINDOW)
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, low, start)]
    breaks += [m.end() for m in _SENTENCE_END.finditer(text, low, start)]
    if breaks:
        low = max(breaks)
    ends = [m.start() for m in (_PARAGRAPH.search(text, end, high),) if m]
    sentences = [m.end() for m in _SENTENCE_END.finditer(text, end, high)]
    if sentences:
        after = sentences[1] if len(sentences) >= 2 else high
        # this sentence and the next ("…Jane Smith. She is a wheelchair user."), unless the
        # next one speaks of something else
        ends.append(after if _refers_back(text[sentences[0] : after], known) else sentences[0])
    if ends:
        high = min(ends)
    return text[low:high]


_BACK = re.compile(
    r"\b(?:he|she|him|her|his|hers|they|them|their|himself|herself|themselves)\b|\bx{2,}\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_HEADLINE = 8
"""Words at most of a sentence that says something of the person before it without naming
them again ("Charged with sexual assault.")."""


def _refers_back(sentence: str, known: frozenset[str]) -> bool:
    """A sentence that goes on about the person named in the one before: it refers to them
    ("She is a wheelchair user.", "Smith was charged…", a `known` surname) or is a
    headline's short note on them; a longer one that does neither speaks of something else
    (a policy's definition, a form's list of offences)."""
    words = sentence.split()
    return (
        _BACK.search(sentence) is not None
        or len(words) <= _HEADLINE
        or any(_POSSESSIVE.sub("", word.strip('.,;:()"')) in known for word in words)
    )
