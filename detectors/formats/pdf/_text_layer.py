"""A scan's text layer, checked word by word against what Tesseract reads from the page.

A scanner's software (or any OCR tool run on a scanned reply) keeps the words it recognised as
an invisible layer over the page's picture, in render mode 3 or under the image, so that the
file can be searched. A reader sees those words in the picture: they are shown, not hidden.
Yet a layer made before a box was painted over the picture still holds the words the box
hides, and a layer may hold anything at all. So a word of the layer counts as shown only when
Tesseract reads it from the page as rendered, boxes and all. A word the picture blacks out
(the page rendered solid dark where the word lies) is under a redaction: the layer kept what
the box hides. Every other word stays invisible text. When OCR cannot run (not installed, the
page cap reached, the time budget spent), the whole layer stays invisible text, as it was
before anything was compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from detectors.formats.pdf._layout import Box, Glyph, PageDrawing, covered_by_redaction, gap
from detectors.formats.pdf._ocr import MAX_TEXT_CHARS, MIN_IMAGE_SHARE, image_share

MIN_SIMILARITY = 0.75
"""Least normalised edit similarity for a layer word to match a word Tesseract read when they
differ (two OCR engines misread different letters): one letter in four."""
MIN_FUZZY_LENGTH = 4
"""Shorter words must match exactly: one letter changed makes another short word."""


def is_layer(drawing: PageDrawing, hidden: Sequence[Glyph]) -> bool:
    """Whether the page's hidden glyphs look like the OCR layer of its scanned picture: enough
    of them to be text, over pictures covering most of the page (as a scan's): text hidden
    on a page of typed text is not compared with anything."""
    chars = sum(1 for glyph in hidden if not glyph.text.isspace())
    return chars >= MAX_TEXT_CHARS and image_share(drawing) >= MIN_IMAGE_SHARE


@dataclass
class Layer:
    """A layer's glyphs sorted by what the page's picture shows in their place."""

    shown: list[Glyph] = field(default_factory=list)
    blacked: list[Glyph] = field(default_factory=list)
    """Words the picture covers with a solid dark box."""
    boxes: list[Box] = field(default_factory=list)
    """The place of each blacked-out word."""
    hidden: list[Glyph] = field(default_factory=list)


def split(
    drawing: PageDrawing,
    hidden: Sequence[Glyph],
    seen: str,
    dark: Callable[[Box], bool] = lambda box: False,
) -> Layer:
    """The layer's glyphs sorted by whether Tesseract read their word from the page (`seen`),
    and when not, whether the page is solid `dark` where it lies. Every word read is matched
    once; a glyph under a redaction mark is never taken for shown."""
    read = _tokens(seen)
    left = Counter(read)
    joined = Counter(a + b for a, b in pairwise(read))
    joined.update(a + b + c for a, b, c in zip(read, read[1:], read[2:], strict=False))
    layer = Layer()
    for word in _words(hidden):
        key = _key("".join(glyph.text for glyph in word))
        if any(covered_by_redaction(drawing, glyph) for glyph in word):
            layer.hidden.extend(word)
        elif len(key) <= 1 or _take(key, left, joined):
            layer.shown.extend(word)
        elif dark(place := _place(word)):
            layer.blacked.extend(word)
            layer.boxes.append(place)
        else:
            layer.hidden.extend(word)
    return layer


def _place(word: list[Glyph]) -> Box:
    return (
        min(glyph.box[0] for glyph in word),
        min(glyph.box[1] for glyph in word),
        max(glyph.box[2] for glyph in word),
        max(glyph.box[3] for glyph in word),
    )


def _take(key: str, left: Counter[str], joined: Counter[str]) -> bool:
    """Whether the word was read (and counts it as used): the same word, the same word split
    in two or three (a hyphen, a date, two names run together in the layer), or a word one
    misread letter away."""
    for bag in (left, joined):
        if bag[key] > 0:
            bag[key] -= 1
            return True
    if len(key) < MIN_FUZZY_LENGTH:
        return False
    choices = [word for word, count in left.items() if count > 0 and abs(len(word) - len(key)) <= 2]
    match = process.extractOne(
        key, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=MIN_SIMILARITY
    )
    if match is None:
        return False
    left[match[0]] -= 1
    return True


def _tokens(text: str) -> list[str]:
    return [key for key in (_key(part) for part in text.split()) if key]


def _key(word: str) -> str:
    """A word as compared: its letters and digits, case folded."""
    return "".join(char for char in word if char.isalnum()).casefold()


def _words(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs in painting order cut into words: at a space, or where `gap` parts them."""
    words: list[list[Glyph]] = []
    current: list[Glyph] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None and current and (gap(previous, glyph) or glyph.text.isspace()):
            words.append(current)
            current = []
        if not glyph.text.isspace():
            current.append(glyph)
        previous = glyph
    if current:
        words.append(current)
    return words
