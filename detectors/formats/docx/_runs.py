"""Sorting the text of one Word paragraph by how a reader would (not) see it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

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
_FALSE = {"0", "false", "off"}
# Word's highlight names that leave dark text unreadable, as a marker pen "redaction" does.
_DARK_HIGHLIGHTS = {"black", "darkBlue", "darkGray", "darkRed", "darkGreen", "darkMagenta"}
_HIGHLIGHT_HEX = {"black": "000000", "white": "FFFFFF", "darkBlue": "000080", "darkGray": "808080"}


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


def sort_paragraph(paragraph: etree._Element, hidden_styles: frozenset[str]) -> Sorted:
    """Every piece of text under `paragraph` (text boxes included) sorted by vector."""
    result = Sorted()
    previous: Vector | None = None
    paragraph_style = _paragraph_style(paragraph)
    for node in paragraph.iter(*_TEXT_TAGS):
        vector = _vector_of(node, paragraph, paragraph_style, hidden_styles)
        if vector is None:
            continue
        local = node.tag.rsplit("}", 1)[-1]
        text = {"tab": "\t", "br": "\n", "cr": "\n"}.get(local, node.text or "")
        result.add(vector, text, new_segment=vector is not previous)
        previous = vector
    return result


def _vector_of(
    node: etree._Element,
    paragraph: etree._Element,
    paragraph_style: str,
    hidden_styles: frozenset[str],
) -> Vector | None:
    removed = False
    ancestor = node.getparent()
    while ancestor is not None and ancestor is not paragraph:
        if ancestor.tag == _FALLBACK:
            return None  # the same content again for older readers
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
    if paragraph_style in hidden_styles:
        return Vector.HIDDEN_TEXT
    if properties is None:
        return Vector.PAGE_TEXT
    if _on(properties, "vanish") or _on(properties, "specVanish"):
        return Vector.HIDDEN_TEXT
    style = properties.find(f"{{{W}}}rStyle")
    if style is not None and style.get(f"{{{W}}}val", "") in hidden_styles:
        return Vector.HIDDEN_TEXT
    if concealed(properties, _paragraph_fill(paragraph)):
        return Vector.CONCEALED_FORMAT
    return Vector.PAGE_TEXT


def concealed(properties: etree._Element, paragraph_fill: str | None) -> bool:
    """True when the run's colours make it unreadable: white on white, same colour as its
    background, or dark text under a black highlight or shading (a "redaction" that is not)."""
    colour = _hex(_value(properties, "color"))
    shading = properties.find(f"{{{W}}}shd")
    fill = _hex(shading.get(f"{{{W}}}fill") if shading is not None else None) or paragraph_fill
    highlight = _value(properties, "highlight")
    background = _HIGHLIGHT_HEX.get(highlight) if highlight else fill
    if highlight in _DARK_HIGHLIGHTS and (colour is None or _dark(colour)):
        return True
    if background is None:
        return colour is not None and _light(colour)
    if colour is None:
        return _dark(background)  # automatic colour turns white on dark fills
    return colour == background or (_light(colour) and _light(background))


def _paragraph_style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return style.get(f"{{{W}}}val", "") if style is not None else ""


def _paragraph_fill(paragraph: etree._Element) -> str | None:
    shading = paragraph.find(f"{{{W}}}pPr/{{{W}}}shd")
    return _hex(shading.get(f"{{{W}}}fill")) if shading is not None else None


def _on(properties: etree._Element, name: str) -> bool:
    element = properties.find(f"{{{W}}}{name}")
    return element is not None and element.get(f"{{{W}}}val", "true").lower() not in _FALSE


def _value(properties: etree._Element, name: str) -> str | None:
    element = properties.find(f"{{{W}}}{name}")
    return element.get(f"{{{W}}}val") if element is not None else None


def _hex(value: str | None) -> str | None:
    if not value or value.lower() == "auto" or len(value) != 6:
        return None
    return value.upper()


def _channels(colour: str) -> tuple[int, int, int]:
    try:
        return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
    except ValueError:
        return (128, 128, 128)


def _light(colour: str) -> bool:
    return min(_channels(colour)) >= 0xF0


def _dark(colour: str) -> bool:
    return max(_channels(colour)) <= 0x40
