"""Fill opacity, blend mode and clipping, which pdfminer skips.

A box only hides what is under it when it is (nearly) opaque and painted normally: a
highlighter stroke is a translucent or multiplied rectangle, and the text under it stays
readable. pdfminer ignores the `gs` operator, so the interpreter here reads the named
`ExtGState` resource itself and keeps its `ca` and `BM` in the graphics state, saved and
restored with `q`/`Q` and handed on to form XObjects.

A box only hides what lies inside the clipping path too: programs that print web pages
paint page-sized white boxes clipped to a panel, and text outside the panel stays in view.
pdfminer ignores `W` and `W*`, so the interpreter keeps the bounding box of the clipping
path (the intersection of every path clipped to, in device space) in the graphics state,
and the last clipping paths that are more than one box (a ring, an oval) as their subpaths.

An ICC colour space whose profile lacks its component count (`N`) stops pdfminer reading the
page at all; it is read as its alternate space (RGB when it names none), so the page's text
is still read.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT, PSLiteral

from detectors.formats.pdf._fills import Outline, clip_region, path_box

Colour = tuple[float, float, float]
Box = tuple[float, float, float, float]
OPAQUE = 0.9
"""Fill opacity (`ca`) from which a box hides what is under it: at 0.9 a black box leaves
black text a tenth of the contrast it had, which no reader makes out; below it, a reader can."""
INVISIBLE = 0.1
"""Fill opacity below which text painted with it cannot be seen at all."""
_NORMAL = {"Normal", "Compatible"}
_DARKENING = {"Multiply", "Darken"}
"""Modes where a black box stays black over anything: it hides even when blended."""
_LIGHTENING = {"Screen", "Lighten"}
"""Modes where a white box stays white over anything."""
MAX_CLIP_REGIONS = 2
"""Clipping paths kept as shapes at once; an older one is dropped, leaving its box only, so
that more is taken as painted, never less."""


class Paint(PDFGraphicState):
    """pdfminer's graphics state plus the fill opacity and blend mode set through `gs`, and
    the clip set through `W`."""

    def __init__(self) -> None:
        super().__init__()
        self.fill_alpha = 1.0
        self.blend = "Normal"
        self.clip: Box | None = None
        """Bounding box of the clipping path in device space; None when nothing is clipped."""
        self.clip_regions: tuple[Outline, ...] = ()
        """The last clipping paths that are not one upright box, each as its subpaths and
        rule: a point is painted only inside every one."""

    def copy(self) -> Paint:
        state = Paint()
        state.__dict__.update(self.__dict__)
        return state


def clip_of(state: PDFGraphicState) -> Box | None:
    return state.clip if isinstance(state, Paint) else None


def clip_regions_of(state: PDFGraphicState) -> tuple[Outline, ...]:
    return state.clip_regions if isinstance(state, Paint) else ()


def fill_alpha(state: PDFGraphicState) -> float:
    return state.fill_alpha if isinstance(state, Paint) else 1.0


def hides(state: PDFGraphicState, colour: Colour | None) -> bool:
    """Whether a shape filled in this state hides what was painted before it."""
    if not isinstance(state, Paint):
        return True
    if state.fill_alpha < OPAQUE:
        return False
    if state.blend in _NORMAL:
        return True
    if colour is None:
        return False
    if state.blend in _DARKENING:
        return max(colour) <= 0.06
    if state.blend in _LIGHTENING:
        return min(colour) >= 0.94
    return False


def apparent(state: PDFGraphicState, colour: Colour | None) -> Colour | None:
    """The colour a shape shows over a white page, or None when that cannot be told."""
    if colour is None or not isinstance(state, Paint):
        return colour
    if state.blend not in _NORMAL:
        return None
    alpha = state.fill_alpha
    r, g, b = (alpha * c + (1 - alpha) for c in colour)
    return (r, g, b)


class Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, keeping opacity, blend mode and clip in its graphics state."""

    _inherited: Paint | None = None
    _clipping = False
    """`W` or `W*` was given: the path ended next also clips."""
    _clip_evenodd = False
    """It was `W*`: the clip takes the even-odd rule."""

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        state = Paint()
        if self._inherited is not None:
            # A form XObject starts from the state in force where it is painted.
            state.fill_alpha = self._inherited.fill_alpha
            state.blend = self._inherited.blend
            state.clip = self._inherited.clip
            state.clip_regions = self._inherited.clip_regions
        self.graphicstate = state
        self._clipping = False

    def init_resources(self, resources: Any) -> None:
        super().init_resources(_colours_repaired(resources))

    def do_W(self) -> None:
        self._clipping = True
        self._clip_evenodd = False

    def do_W_a(self) -> None:
        self._clipping = True
        self._clip_evenodd = True

    # Painting with the path set as clip uses the clip in force before: the new one is set
    # once the path is painted (or ended with `n`).
    def do_n(self) -> None:
        self._clip_to(self.curpath)
        super().do_n()

    def do_S(self) -> None:
        path = self.curpath
        super().do_S()
        self._clip_to(path)

    def do_f(self) -> None:
        path = self.curpath
        super().do_f()
        self._clip_to(path)

    def do_f_a(self) -> None:
        path = self.curpath
        super().do_f_a()
        self._clip_to(path)

    def do_B(self) -> None:
        path = self.curpath
        super().do_B()
        self._clip_to(path)

    def do_B_a(self) -> None:
        path = self.curpath
        super().do_B_a()
        self._clip_to(path)

    def _clip_to(self, path: list[Any]) -> None:
        if not self._clipping:
            return
        self._clipping = False
        state = self.graphicstate
        if not isinstance(state, Paint):
            return
        box = path_box(path, self.ctm)
        if box is None:
            return
        if state.clip is not None:
            box = (
                max(box[0], state.clip[0]),
                max(box[1], state.clip[1]),
                min(box[2], state.clip[2]),
                min(box[3], state.clip[3]),
            )
        state.clip = box
        region = clip_region(path, self.ctm, self._clip_evenodd)
        if region is not None:
            state.clip_regions = (*state.clip_regions, region)[-MAX_CLIP_REGIONS:]

    def subinterp(self) -> PDFPageInterpreter:
        interpreter = super().subinterp()
        if isinstance(interpreter, Interpreter) and isinstance(self.graphicstate, Paint):
            interpreter._inherited = self.graphicstate
        return interpreter

    def do_gs(self, name: Any) -> None:
        state = self.graphicstate
        if not isinstance(state, Paint):
            return
        try:
            entries = resolve1(resolve1(self.resources.get("ExtGState"))[_name(name)])
            if not isinstance(entries, dict):
                return
            if "ca" in entries:
                state.fill_alpha = min(max(float(resolve1(entries["ca"])), 0.0), 1.0)
            if "BM" in entries:
                state.blend = _blend(resolve1(entries["BM"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            return  # a missing or malformed state changes nothing, as in viewers

    def do_Do(self, xobjid_arg: Any) -> None:
        self._expose_state()
        super().do_Do(xobjid_arg)

    def do_EI(self, obj: Any) -> None:
        self._expose_state()
        super().do_EI(obj)

    def _expose_state(self) -> None:
        # pdfminer hands images to the device without the graphics state they are painted in.
        setter = getattr(self.device, "paint_images_in", None)
        if setter is not None:
            setter(self.graphicstate)


def _colours_repaired(resources: Any) -> Any:
    """`resources` with each ICC colour space that lacks its component count replaced by its
    alternate space (DeviceRGB when it names none); unchanged when nothing needs it."""
    try:
        held = resolve1(resources)
        spaces = resolve1(held.get("ColorSpace")) if isinstance(held, dict) else None
        if not isinstance(spaces, dict):
            return resources
        repaired: dict[Any, Any] = {}
        for key, spec in spaces.items():
            value = resolve1(spec)
            if not (isinstance(value, list) and len(value) >= 2 and _name(value[0]) == "ICCBased"):
                continue
            profile = resolve1(value[1])
            if isinstance(profile, PDFStream) and "N" not in profile.attrs:
                alternate = resolve1(profile.attrs.get("Alternate"))
                repaired[key] = alternate if isinstance(alternate, PSLiteral) else LIT("DeviceRGB")
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return resources  # pdfminer judges what it can read on its own
    if not repaired:
        return resources
    return {**held, "ColorSpace": {**spaces, **repaired}}


def _name(value: Any) -> str:
    if isinstance(value, PSLiteral):
        return str(value.name)
    return str(value)


def _blend(value: Any) -> str:
    """A blend mode name; an array lists preferences, and its first entry is the one used."""
    if isinstance(value, list | tuple):
        value = resolve1(value[0]) if value else "Normal"
    return _name(value).lstrip("/")


def rgb(colour: Any) -> Colour | None:
    """A paint colour as RGB in 0..1, or None for patterns and unknown spaces."""
    try:
        if colour is None:
            return (0.0, 0.0, 0.0)  # the initial fill colour is black
        if isinstance(colour, int | float):
            return (float(colour), float(colour), float(colour))
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0], values[0], values[0])
    if len(values) == 3:
        return (values[0], values[1], values[2])
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None
