"""How a Word run looks once its styles are applied: hidden, colour, shading, highlight.

Word builds a run's formatting in layers, each overriding the one before: the document
defaults (`w:docDefaults`), the paragraph style, the character style (each followed up its
`w:basedOn` chain), then the run's own properties. A style that makes text white, or hides
it, hides every run that uses it, unless the run says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTO = "auto"
"""Word's automatic colour: black, or white on a dark background."""
UNKNOWN = "?"
"""A theme colour other than the background one: what it looks like depends on the theme."""
_FALSE = {"0", "false", "off"}
_WHITE_THEME = {"background1", "bg1", "light1"}
"""Theme slots that are white in the default theme (background 1 is drawn from light 1)."""
_MAX_DEPTH = 32
"""`w:basedOn` links followed before a chain (or a loop) is cut."""


@dataclass(frozen=True, slots=True)
class Look:
    """Run properties that decide whether text is seen; None means "not set at this layer"."""

    hidden: bool | None = None
    colour: str | None = None
    fill: str | None = None
    highlight: str | None = None

    def over(self, below: Look) -> Look:
        """This layer's settings on top of `below`'s."""
        return Look(
            self.hidden if self.hidden is not None else below.hidden,
            self.colour if self.colour is not None else below.colour,
            self.fill if self.fill is not None else below.fill,
            self.highlight if self.highlight is not None else below.highlight,
        )


@dataclass
class Styles:
    """The styles part of one document, resolved once and looked up per run."""

    defaults: Look = Look()
    runs: dict[str, Look] = field(default_factory=dict)
    """Style id -> its run properties with everything it is based on folded in."""
    fills: dict[str, str] = field(default_factory=dict)
    """Paragraph style id -> the paragraph shading it (or a style it is based on) sets."""
    default_paragraph: str = ""
    default_character: str = ""
    _cache: dict[tuple[str, str], Look] = field(default_factory=dict)

    def look(self, paragraph_style: str, character_style: str, direct: Look) -> Look:
        """The run's effective look: direct formatting over its styles over the defaults."""
        key = (paragraph_style or self.default_paragraph, character_style or self.default_character)
        styled = self._cache.get(key)
        if styled is None:
            styled = self.runs.get(key[1], Look()).over(
                self.runs.get(key[0], Look()).over(self.defaults)
            )
            self._cache[key] = styled
        return direct.over(styled)

    def fill(self, paragraph_style: str) -> str | None:
        return self.fills.get(paragraph_style or self.default_paragraph)


def read_styles(root: etree._Element | None) -> Styles:
    """Resolve `word/styles.xml` (None when the document has no styles part)."""
    if root is None:
        return Styles()
    own: dict[str, tuple[Look, str | None, str]] = {}
    styles = Styles()
    for style in root.iter(f"{{{W}}}style"):
        identifier = style.get(f"{{{W}}}styleId", "")
        kind = style.get(f"{{{W}}}type", "paragraph")
        based = style.find(f"{{{W}}}basedOn")
        parent = based.get(f"{{{W}}}val", "") if based is not None else ""
        own[identifier] = (
            run_look(style.find(f"{{{W}}}rPr")),
            paragraph_fill(style.find(f"{{{W}}}pPr")),
            parent,
        )
        if style.get(f"{{{W}}}default", "").lower() in ("1", "true", "on"):
            if kind == "paragraph":
                styles.default_paragraph = identifier
            elif kind == "character":
                styles.default_character = identifier
    for identifier in own:
        look, fill = Look(), None
        seen: set[str] = set()
        current = identifier
        while current in own and current not in seen and len(seen) < _MAX_DEPTH:
            seen.add(current)
            layer, layer_fill, current = own[current]
            look = look.over(layer)
            fill = fill if fill is not None else layer_fill
        styles.runs[identifier] = look
        if fill is not None:
            styles.fills[identifier] = fill
    defaults = root.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    styles.defaults = run_look(defaults)
    return styles


def run_look(properties: etree._Element | None) -> Look:
    """The settings one `w:rPr` element makes itself."""
    if properties is None:
        return Look()
    hidden = None
    for name in ("vanish", "specVanish"):
        element = properties.find(f"{{{W}}}{name}")
        if element is not None:
            hidden = bool(hidden) or _on(element)
    colour = properties.find(f"{{{W}}}color")
    shading = properties.find(f"{{{W}}}shd")
    highlight = properties.find(f"{{{W}}}highlight")
    return Look(
        hidden,
        _colour(colour, "val", "themeColor", "themeShade") if colour is not None else None,
        _shading(shading),
        highlight.get(f"{{{W}}}val") if highlight is not None else None,
    )


def paragraph_fill(properties: etree._Element | None) -> str | None:
    """The shading fill a `w:pPr` sets, or None."""
    if properties is None:
        return None
    return _shading(properties.find(f"{{{W}}}shd"))


def _shading(shading: etree._Element | None) -> str | None:
    if shading is None:
        return None
    return _colour(shading, "fill", "themeFill", "themeFillShade")


def _colour(element: etree._Element, value: str, theme: str, shade: str) -> str:
    """A colour as six hex digits, AUTO, or UNKNOWN; a theme colour wins over the value."""
    slot = element.get(f"{{{W}}}{theme}")
    if slot:
        if slot not in _WHITE_THEME:
            return UNKNOWN
        darker = element.get(f"{{{W}}}{shade}", "FF")
        return darker.upper() * 3 if _is_hex(darker, 2) else UNKNOWN
    raw = element.get(f"{{{W}}}{value}", "")
    if raw.lower() == AUTO or not raw:
        return AUTO
    return raw.upper() if _is_hex(raw, 6) else UNKNOWN


def _is_hex(text: str, length: int) -> bool:
    return len(text) == length and all(c in "0123456789abcdefABCDEF" for c in text)


def _on(element: etree._Element) -> bool:
    return element.get(f"{{{W}}}val", "true").lower() not in _FALSE
