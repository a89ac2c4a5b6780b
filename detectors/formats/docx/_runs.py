"""Sorting the text of one Word paragraph by how a reader would (not) see it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from detectors.formats.docx._styles import AUTO, UNKNOWN, Look, Styles, paragraph_fill, run_look
from detectors.model import Vector

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TEXT_TAGS = {
    f"{{{W}}}t": None,
    f"{{{W}}}delText": None,
    f"{{{W}}}instrText": Vector.HIDDEN_TEXT,
    f"{{{W}}}delInstrText": Vector.TRACKED_CHANGE,
    f"{{{W}}}tab": None,
    f"{{{W}}}br": None,
    f"{{{W}}}cr": None,
}
_REMOVED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_FALLBACK = f"{{{MC}}}Fallback"
_PARAGRAPH = f"{{{W}}}p"
_SIMPLE_FIELD = f"{{{W}}}fldSimple"
# Word's highlight names that leave dark text unreadable, as a marker pen "redaction" does.
_DARK_HIGHLIGHTS = {"black", "darkBlue", "darkGray", "darkRed", "darkGreen", "darkMagenta"}
_HIGHLIGHT_HEX = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}


@dataclass
class Sorted:
    """The text of one paragraph, split by vector; visible parts run on without a gap."""

    parts: dict[Vector, list[str]] = field(default_factory=dict)

    def add(self, vector: Vector, text: str, new_segment: bool) -> None:
        segments = self.parts.setdefault(vector, [])
        if segments and not new_segment:
            segments[-1] += text
        else:
            segments.append(text)

    def text(self, vector: Vector) -> str:
        joiner = "" if vector is Vector.PAGE_TEXT else " "
        return joiner.join(self.parts.get(vector, [])).strip()

    def vectors(self) -> list[Vector]:
        return [v for v in self.parts if self.text(v)]


def sort_paragraph(paragraph: etree._Element, styles: Styles) -> Sorted:
    """Every piece of text under `paragraph` (text boxes included) sorted by vector; each
    paragraph of a text box on a line of its own. The copy of a box Word keeps for older
    readers (`mc:Fallback`) is read too when it says something the box itself does not."""
    result, fallback = Sorted(), Sorted()
    previous: dict[bool, tuple[Vector | None, etree._Element]] = {
        False: (None, paragraph),
        True: (None, paragraph),
    }
    paragraph_style = _paragraph_style(paragraph)
    own_fill = paragraph_fill(paragraph.find(f"{{{W}}}pPr"))
    fill = own_fill if own_fill is not None else styles.fill(paragraph_style)
    for node in paragraph.iter(*_TEXT_TAGS):
        copy = _in_fallback(node, paragraph)
        vector = _vector_of(node, paragraph, paragraph_style, fill, styles)
        if vector is None:
            continue
        into = fallback if copy else result
        before, inner_before = previous[copy]
        inner = _inner_paragraph(node, paragraph)
        if inner is not inner_before and vector in into.parts:
            into.add(vector, "\n", new_segment=False)  # the next paragraph of a text box
        local = node.tag.rsplit("}", 1)[-1]
        text = {"tab": "\t", "br": "\n", "cr": "\n"}.get(local, node.text or "")
        into.add(vector, text, new_segment=vector is not before)
        previous[copy] = (vector, inner)
    for simple in paragraph.iter(_SIMPLE_FIELD):  # a field whose code is an attribute
        code = simple.get(f"{{{W}}}instr", "").strip()
        if code and not _in_fallback(simple, paragraph):
            result.add(Vector.HIDDEN_TEXT, code, new_segment=True)
    for vector in fallback.vectors():
        extra = " ".join(fallback.text(vector).split())
        if extra not in " ".join(result.text(vector).split()):
            result.add(vector, "\n" + fallback.text(vector), new_segment=True)
    return result


def _in_fallback(node: etree._Element, paragraph: etree._Element) -> bool:
    """Whether the node stands in the copy of a box Word keeps for older readers."""
    return _within(node, paragraph, _FALLBACK) is not None


def _inner_paragraph(node: etree._Element, paragraph: etree._Element) -> etree._Element:
    """The paragraph of a text box a piece of text stands in, or `paragraph` itself."""
    inner = _within(node, paragraph, _PARAGRAPH)
    return paragraph if inner is None else inner


def _within(node: etree._Element, paragraph: etree._Element, tag: str) -> etree._Element | None:
    """The nearest element of `tag` holding the node, below `paragraph`."""
    ancestor = node.getparent()
    while ancestor is not paragraph and ancestor is not None:
        if ancestor.tag == tag:
            return ancestor
        ancestor = ancestor.getparent()
    return None


def _vector_of(
    node: etree._Element,
    paragraph: etree._Element,
    paragraph_style: str,
    paragraph_fill: str | None,
    styles: Styles,
) -> Vector | None:
    removed = False
    ancestor = node.getparent()
    while ancestor is not paragraph and ancestor is not None:
        if ancestor.tag in _REMOVED:
            removed = True
        ancestor = ancestor.getparent()
    if removed:
        return Vector.TRACKED_CHANGE
    fixed = _TEXT_TAGS[node.tag]
    if fixed is not None:
        return fixed
    run = node.getparent()
    properties = run.find(f"{{{W}}}rPr") if run is not None else None
    character_style = ""
    if properties is not None:
        style = properties.find(f"{{{W}}}rStyle")
        character_style = style.get(f"{{{W}}}val", "") if style is not None else ""
    look = styles.look(paragraph_style, character_style, run_look(properties))
    if look.hidden:
        return Vector.HIDDEN_TEXT
    if concealed(look, paragraph_fill):
        return Vector.CONCEALED_FORMAT
    return Vector.PAGE_TEXT


def concealed(look: Look, paragraph_fill: str | None) -> bool:
    """True when the run's colours make it unreadable: white on white, same colour as its
    background, or dark text under a black highlight or shading (a "redaction" that is not)."""
    colour = None if look.colour == AUTO else look.colour
    fill = look.fill if look.fill is not None and look.fill != AUTO else paragraph_fill
    fill = None if fill == AUTO else fill
    highlight = look.highlight if look.highlight != "none" else None
    if colour == UNKNOWN:
        return False  # a theme colour other than the background's: not guessed
    if highlight in _DARK_HIGHLIGHTS and (colour is None or _dark(colour)):
        return True
    background = _HIGHLIGHT_HEX.get(highlight, UNKNOWN) if highlight else fill
    if background == UNKNOWN:
        return False
    if background is None:
        return colour is not None and _light(colour)
    if colour is None:
        return _dark(background)  # automatic colour turns white on dark fills
    return colour == background or (_light(colour) and _light(background))


def _paragraph_style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return style.get(f"{{{W}}}val", "") if style is not None else ""


def _channels(colour: str) -> tuple[int, int, int]:
    try:
        return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
    except ValueError:
        return (128, 128, 128)


def _light(colour: str) -> bool:
    return min(_channels(colour)) >= 0xF0


def _dark(colour: str) -> bool:
    return max(_channels(colour)) <= 0x40
