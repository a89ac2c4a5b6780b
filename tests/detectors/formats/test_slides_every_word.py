"""Every word a presentation (pptx, odp) holds reaches detection, whatever holds it: a text box
of several paragraphs, a placeholder, a table, a group, speaker notes, a hidden or unlisted
slide, a comment or its author, a shape parked off the slide, alt text, a chart's cache, the
layout or master behind the slides, a link's target, a section's name, a SmartArt diagram or
the document's properties. A word lost between the package and the detectors is a deck called
clean that was never read."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from _inspect_helpers import Inspector, all_text, layout_params
from _odf_helpers import odp, p, style
from _odf_helpers import table as odf_table
from _pytest.mark.structures import ParameterSet
from pptx import Presentation
from pptx.chart.data import ChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.slide import Slide as DeckSlide
from pptx.util import Inches

from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.pptx import Slide, build_pptx
from detectors.formats.odp import inspect_odp
from detectors.formats.pptx import inspect_pptx
from detectors.limits import Budget
from detectors.model import Text, Vector

WORDS = ["Quillfeather", "Brackenridge", "Ormsgill", "Tanyard", "Wexcombe", "Pellinore"]
FIRST, SECOND = WORDS[:3], WORDS[3:]
AGENDA = Slide(texts=("Agenda",))
"""A slide holding none of the words, for layouts that hide them elsewhere."""
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MS = "http://schemas.microsoft.com/office/2018/10/relationships/"
_P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


# -- pptx: editing a saved package -----------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {name: source.read(name) for name in source.namelist()}


def _text(members: dict[str, bytes | str], part: str) -> str:
    value = members[part]
    return value.decode() if isinstance(value, bytes) else value


def _insert(members: dict[str, bytes | str], part: str, before: str, xml: str) -> None:
    """Put `xml` in `part` just before the first `before`, which must be there."""
    text = _text(members, part)
    assert before in text, (part, before)
    members[part] = text.replace(before, xml + before, 1)


def _add(members: dict[str, bytes | str], part: str, content_type: str, xml: str) -> None:
    members[part] = xml
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    _insert(members, "[Content_Types].xml", "</Types>", override)


def _relate(members: dict[str, bytes | str], part: str, kind: str, target: str) -> str:
    """Relate `target` from `part` with a relationship of type `kind`; its id is returned."""
    folder, _, base = part.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels"
    rid = f"rIdW{_text(members, rels).count('<Relationship ')}"
    external = ' TargetMode="External"' if ":" in target else ""
    relation = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{external}/>'
    _insert(members, rels, "</Relationships>", relation)
    return rid


def _edited(data: bytes, edit: Callable[[dict[str, bytes | str]], None]) -> bytes:
    members = _members(data)
    edit(members)
    return zip_parts(members)


def _deck(build: Callable[[DeckSlide], None], layout: int = 6) -> bytes:
    """A deck of one slide (of the template's layout `layout`), built by python-pptx."""
    deck = Presentation()
    properties = deck.core_properties
    properties.author = properties.last_modified_by = properties.title = ""
    build(deck.slides.add_slide(deck.slide_layouts[layout]))
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# -- pptx: layouts ---------------------------------------------------------------------------


def _line_breaks(slide: DeckSlide) -> None:
    """One paragraph whose words are set apart by line breaks (Shift+Enter: `a:br`)."""
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(3))
    box.text_frame.text = "\v".join(WORDS)


def _placeholders(slide: DeckSlide) -> None:
    """The title and body placeholders of a "Title and Content" slide."""
    title = slide.shapes.title
    assert title is not None
    title.text = " ".join(FIRST)
    slide.placeholders[1].text = "\n".join(SECOND)


def _groups(slide: DeckSlide) -> None:
    """A group of boxes holding half the words and a group inside it holding the rest."""
    outer = slide.shapes.add_group_shape()
    for number, word in enumerate(FIRST):
        box = outer.shapes.add_textbox(Inches(1), Inches(1 + number), Inches(3), Inches(1))
        box.text_frame.text = word
    inner = outer.shapes.add_group_shape()
    for number, word in enumerate(SECOND):
        box = inner.shapes.add_textbox(Inches(5), Inches(1 + number), Inches(3), Inches(1))
        box.text_frame.text = word


def _chart(slide: DeckSlide) -> None:
    data = ChartData()
    data.categories = WORDS
    data.add_series("Visits", [1, 2, 3, 4, 5, 6])
    slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(6), Inches(4), data
    )


def _mail_links(slide: DeckSlide) -> None:
    """Runs reading "contact us" whose mailto: targets hold the words."""
    for number, word in enumerate(WORDS):
        box = slide.shapes.add_textbox(Inches(1), Inches(1 + number), Inches(4), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = "contact us"
        run.hyperlink.address = f"mailto:{word}@example.org"


def _behind(master: bool) -> Callable[[DeckSlide], None]:
    """A text box moved from the slide onto its layout or its layout's master, where every
    slide using it shows it (a "prepared by" line in the corner)."""

    def build(slide: DeckSlide) -> None:
        box = slide.shapes.add_textbox(Inches(1), Inches(6), Inches(6), Inches(1))
        box.text_frame.text = "\n".join(WORDS)
        behind = slide.slide_layout.slide_master if master else slide.slide_layout
        behind.shapes._spTree.append(box._element)

    return build


def _unlisted() -> bytes:
    """A second slide whose entry is taken out of the presentation's slide list."""

    def edit(members: dict[str, bytes | str]) -> None:
        xml = _text(members, "ppt/presentation.xml")
        members["ppt/presentation.xml"] = re.sub(r'<p:sldId id="257" r:id="\w+"/>', "", xml)

    return _edited(build_pptx([AGENDA, Slide(texts=tuple(WORDS))]), edit)


def _modern_comments(authors: list[str], texts: list[str], replies: list[str]) -> bytes:
    """Comments as PowerPoint 365 writes them (`modernComment_*.xml`, `ppt/authors.xml`),
    each comment with one reply."""

    def body(text: str) -> str:
        return f"<p188:txBody><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p188:txBody>"

    def author(number: int) -> str:
        return f'authorId="{{0000000{number % len(authors)}-0000-0000-0000-000000000000}}"'

    comments = "".join(
        f'<p188:cm id="{{{number}}}" {author(number)} created="2024-05-01T09:00:00.000">'
        f'<p188:replyLst><p188:reply id="{{r{number}}}" {author(number + 1)}>{body(reply)}'
        f"</p188:reply></p188:replyLst>{body(text)}</p188:cm>"
        for number, (text, reply) in enumerate(zip(texts, replies, strict=True))
    )
    listed = "".join(
        f'<p188:author id="{{0000000{number}-0000-0000-0000-000000000000}}" name="{name}" '
        f'initials="X" userId="{name}" providerId="None"/>'
        for number, name in enumerate(authors)
    )

    def edit(members: dict[str, bytes | str]) -> None:
        kind = "application/vnd.ms-powerpoint."
        part = "ppt/comments/modernComment_100_0.xml"
        xml = f'<p188:cmLst xmlns:a="{_A}" xmlns:p188="{_P188}">{comments}</p188:cmLst>'
        _add(members, part, kind + "comments+xml", xml)
        _relate(members, "ppt/slides/slide1.xml", _MS + "comments", "../" + part[4:])
        xml = f'<p188:authorLst xmlns:p188="{_P188}">{listed}</p188:authorLst>'
        _add(members, "ppt/authors.xml", kind + "authors+xml", xml)
        _relate(members, "ppt/presentation.xml", _MS + "authors", "authors.xml")

    return _edited(build_pptx([AGENDA]), edit)


FIRST_SLIDE = '<p14:sldId id="256"/>'


def _sections() -> bytes:
    """Sections (the slide sorter's groups), each named by a word."""
    sections = "".join(
        f'<p14:section name="{word}" id="{{0000000{number}-0000-0000-0000-000000000000}}">'
        f"<p14:sldIdLst>{FIRST_SLIDE if not number else ''}</p14:sldIdLst>"
        "</p14:section>"
        for number, word in enumerate(WORDS)
    )
    extension = (
        '<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst '
        f'xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main">{sections}'
        "</p14:sectionLst></p:ext></p:extLst>"
    )
    return _edited(
        build_pptx([AGENDA]),
        lambda m: _insert(m, "ppt/presentation.xml", "</p:presentation>", extension),
    )


def _smartart(*slides: Slide) -> bytes:
    """An organisation chart (SmartArt) drawn on the first slide: its boxes' text lives in the
    diagram's data part."""
    points = "".join(
        f'<dgm:pt modelId="{{{number}}}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/>'
        f"<a:p><a:r><a:t>{word}</a:t></a:r></a:p></dgm:t></dgm:pt>"
        for number, word in enumerate(WORDS, start=1)
    )
    data = (
        f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>'
        f'<dgm:pt modelId="{{0}}" type="doc"><dgm:prSet/><dgm:spPr/></dgm:pt>{points}'
        "</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>"
    )

    def edit(members: dict[str, bytes | str]) -> None:
        kind = "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"
        _add(members, "ppt/diagrams/data1.xml", kind, data)
        rid = _relate(
            members, "ppt/slides/slide1.xml", f"{_R}/diagramData", "../diagrams/data1.xml"
        )
        frame = (
            '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="9" name="Diagram 1"/>'
            "<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm>"
            '<a:off x="914400" y="914400"/><a:ext cx="6096000" cy="4064000"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="{_DGM}"><dgm:relIds xmlns:dgm="{_DGM}" '
            f'r:dm="{rid}" r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic>'
            "</p:graphicFrame>"
        )
        _insert(members, "ppt/slides/slide1.xml", "</p:spTree>", frame)

    return _edited(build_pptx(list(slides or (AGENDA,))), edit)


PPTX: dict[str, bytes] = {
    "a text box of several paragraphs": build_pptx([Slide(texts=("\n".join(WORDS),))]),
    "text boxes": build_pptx([Slide(texts=(" ".join(FIRST), " ".join(SECOND)))]),
    "a paragraph broken by line breaks": _deck(_line_breaks),
    "title and body placeholders": _deck(_placeholders, layout=1),
    "a table": build_pptx([Slide(table=(("Ref", *FIRST), ("1", *SECOND)))]),
    "a group inside a group": _deck(_groups),
    "speaker notes": build_pptx([Slide(texts=("Agenda",), notes="\n".join(WORDS))]),
    "a hidden slide": build_pptx([AGENDA, Slide(texts=tuple(WORDS), hidden=True)]),
    "a slide left out of the slide list": _unlisted(),
    "legacy comments": build_pptx(
        [Slide(texts=("Agenda",), comments=tuple(("Rev", w) for w in WORDS))]
    ),
    "legacy comment authors": build_pptx(
        [Slide(texts=("Agenda",), comments=tuple((w, "Noted") for w in WORDS))]
    ),
    "modern comments and replies": _modern_comments(["Rev"], FIRST, SECOND),
    "modern comment authors": _modern_comments(WORDS, ["Noted"] * 6, ["Agreed"] * 6),
    "a shape off the slide": build_pptx([Slide(texts=("Agenda",), off_slide="\n".join(WORDS))]),
    "alt text": build_pptx([Slide(texts=("Agenda",), alt_text=" ".join(WORDS))]),
    "a chart's cached strings": _deck(_chart),
    "slide layout text": _deck(_behind(master=False)),
    "slide master text": _deck(_behind(master=True)),
    "a hyperlink's mailto: target": _deck(_mail_links),
    "the creator property": build_pptx([AGENDA], author=" ".join(WORDS)),
    "section names": _sections(),
    "a SmartArt diagram's data": _smartart(),
}
PPTX_FAILING: dict[str, str] = {}
"""Layouts whose words do not all reach detection, and where they are lost."""
PPTX_GLUED: dict[str, str] = {}
"""Layouts whose words reach detection, but run into their neighbours."""


# -- odp -------------------------------------------------------------------------------------

HIDDEN_PAGE = style(
    "dp2", "drawing-page", '<style:drawing-page-properties presentation:visibility="hidden"/>'
)


def _frame(content: str, extra: str = "") -> str:
    return f"<draw:frame{extra}><draw:text-box>{content}</draw:text-box></draw:frame>"


def _paragraphs(words: list[str]) -> str:
    return "".join(p(w) for w in words)


def _page(content: str, *, hidden: bool = False, notes: str = "", name: str = "page1") -> str:
    notes_xml = f"<presentation:notes>{_frame(notes)}</presentation:notes>" if notes else ""
    return (
        f'<draw:page draw:name="{name}" draw:style-name="{"dp2" if hidden else "dp1"}" '
        f'draw:master-page-name="Default">{content}{notes_xml}</draw:page>'
    )


AGENDA_PAGE = _page(_frame(p("Agenda")))


def _annotations(pairs: list[tuple[str, str]]) -> str:
    """Comments, as (author, text) pairs."""
    return "".join(
        f"<office:annotation><dc:creator>{author}</dc:creator>{p(text)}</office:annotation>"
        for author, text in pairs
    )


def _declarations() -> str:
    """The header and footer a presentation declares for its slides."""
    return "".join(
        f'<presentation:{kind}-decl presentation:name="{kind}1">{" ".join(words)}'
        f"</presentation:{kind}-decl>"
        for kind, words in (("header", FIRST), ("footer", SECOND))
    )


def _mail_paragraphs() -> str:
    """Paragraphs reading "contact us" linked to mailto: targets holding the words."""
    return "".join(
        f'<text:p><text:a xlink:href="mailto:{w}@example.org">contact us</text:a></text:p>'
        for w in WORDS
    )


MASTER_PAGE = f'<style:master-page style:name="Default">{_frame(_paragraphs(WORDS))}'
"""A master page whose own text frame (drawn on every slide using it) holds the words."""
NESTED_GROUPS = f"<draw:g>{_frame(_paragraphs(FIRST))}<draw:g>{_frame(_paragraphs(SECOND))}"
ALT_TEXT = f"<svg:title>{' '.join(FIRST)}</svg:title><svg:desc>{' '.join(SECOND)}</svg:desc>"

ODP: dict[str, bytes] = {
    "a text frame of several paragraphs": odp(_page(_frame(_paragraphs(WORDS)))),
    "a custom shape's text": odp(
        _page(f"<draw:custom-shape>{_paragraphs(WORDS)}</draw:custom-shape>")
    ),
    "a table": odp(
        _page(f"<draw:frame>{odf_table([['Ref', *FIRST], ['1', *SECOND]])}</draw:frame>")
    ),
    "a group inside a group": odp(_page(NESTED_GROUPS + "</draw:g></draw:g>")),
    "speaker notes": odp(_page(_frame(p("Agenda")), notes=_paragraphs(WORDS))),
    "a hidden slide": odp(
        AGENDA_PAGE + _page(_frame(_paragraphs(WORDS)), hidden=True), automatic=HIDDEN_PAGE
    ),
    "comments": odp(_page(_frame(p("Agenda")) + _annotations([("Rev", w) for w in WORDS]))),
    "comment authors": odp(
        _page(_frame(p("Agenda")) + _annotations([(w, "Noted") for w in WORDS]))
    ),
    "header and footer": odp(_declarations() + AGENDA_PAGE),
    "alt text": odp(_page(f"<draw:frame><draw:image/>{ALT_TEXT}</draw:frame>")),
    "master page text": odp(AGENDA_PAGE, master=MASTER_PAGE + "</style:master-page>"),
    "a link's mailto: target": odp(_page(_frame(_mail_paragraphs()))),
    "slide names": odp("".join(_page(_frame(p("Agenda")), name=w) for w in WORDS)),
    "the creator property": odp(AGENDA_PAGE, creator=" ".join(WORDS)),
}
ODP_FAILING: dict[str, str] = {}


# -- the invariant ---------------------------------------------------------------------------

FORMATS: dict[str, tuple[Inspector, dict[str, bytes], dict[str, str], dict[str, str]]] = {
    "pptx": (inspect_pptx, PPTX, PPTX_FAILING, PPTX_GLUED),
    "odp": (inspect_odp, ODP, ODP_FAILING, {}),
}


def _params(glued: bool) -> list[ParameterSet]:
    """Every layout; those known to lose words, or (`glued`) to run them together, marked."""
    return layout_params(
        {
            kind: {name: {**failing, **(gluing if glued else {})}.get(name, "") for name in made}
            for kind, (_, made, failing, gluing) in FORMATS.items()
        }
    )


@pytest.mark.parametrize(("kind", "layout"), _params(glued=False))
def test_every_word_held_reaches_detection(kind: str, layout: str) -> None:
    inspector, layouts, _, _ = FORMATS[kind]
    read = all_text(inspector, layouts[layout], f"layout.{kind}")
    assert [w for w in WORDS if w not in read] == []


@pytest.mark.parametrize(("kind", "layout"), _params(glued=True))
def test_every_word_reaches_detection_as_a_word(kind: str, layout: str) -> None:
    """A word run into the next ("SmithDate") is read but no longer found."""
    inspector, layouts, _, _ = FORMATS[kind]
    read = all_text(inspector, layouts[layout], f"layout.{kind}")
    assert [w for w in WORDS if not re.search(rf"\b{w}\b", read)] == []


@pytest.mark.parametrize(
    ("names", "read"),
    [
        (["page1", "page2", "Slide 3"], []),  # LibreOffice's own names for slides 1 to 3
        (["page1", "Jane Smith 4471", "page3"], ["Jane Smith 4471"]),
        (["page2", "page1", "page3"], ["page2", "page1"]),  # out of order: typed, not given
    ],
)
def test_odp_reads_slide_names_typed_and_not_the_names_given_by_default(
    names: list[str], read: list[str]
) -> None:
    deck = odp("".join(_page(_frame(p("Agenda")), name=name) for name in names))
    texts = [i for i in inspect_odp(deck, "deck.odp", Budget()) if isinstance(i, Text)]
    found = [t.text.splitlines() for t in texts if t.where == "slide names"]
    assert found == ([read] if read else [])


@pytest.mark.parametrize(
    ("slides", "vector"),
    [
        ((AGENDA,), Vector.PAGE_TEXT),
        ((Slide(texts=("Agenda",), hidden=True),), Vector.HIDDEN_SLIDE),
    ],
    ids=["on a shown slide", "on a hidden slide"],
)
def test_a_diagram_is_hidden_with_the_slide_that_draws_it(
    slides: tuple[Slide, ...], vector: Vector
) -> None:
    items = [i for i in inspect_pptx(_smartart(*slides), "deck.pptx", Budget())]
    diagrams = [i for i in items if isinstance(i, Text) and "diagram" in i.where]
    assert diagrams and all(d.vector is vector and d.where.startswith("slide 1") for d in diagrams)
    assert set(WORDS) <= set(diagrams[0].text.split())
