"""Every word a Word document holds reaches detection, whatever holds it: the body, a table or
a table inside one, a text box, a header, a note, a comment, a tracked change, hidden or
white text, a field's code or result, alt text, a link, a content control or the document's
properties. A word lost between the package and the detectors is a reply called clean that
was never read."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from _inspect_helpers import all_text

from crawler.demo.builders._zip import relationships, zip_parts
from crawler.demo.builders.docx import (
    NAMESPACES,
    build_docx,
    comment_mark,
    deleted,
    field,
    inserted,
    paragraph,
    picture,
    run,
    table,
)
from detectors.formats.docx import inspect_docx

WORDS = ["Quillfeather", "Brackenridge", "Ormsgill", "Tanyard", "Wexcombe", "Pellinore"]
FIRST, SECOND = WORDS[:3], WORDS[3:]
_BOX_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_content(words: list[str]) -> str:
    return "<w:txbxContent>" + "".join(paragraph(w) for w in words) + "</w:txbxContent>"


def _vml_box(words: list[str]) -> str:
    """An old-style text box (VML), as Word writes for readers without DrawingML shapes."""
    content = _box_content(words)
    return f"<w:pict><v:shape {_BOX_NS}><v:textbox>{content}</v:textbox></v:shape></w:pict>"


def _text_box(choice: list[str], fallback: list[str]) -> str:
    """A paragraph anchoring a text box as Word saves it: a DrawingML shape in the Choice and
    the same box again in VML in the Fallback."""
    shape = (
        '<w:drawing><wp:anchor><wp:docPr id="2" name="Text Box 2"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx>{_box_content(choice)}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    return (
        f"<w:p><w:r><mc:AlternateContent {_BOX_NS}>"
        f'<mc:Choice Requires="wps">{shape}</mc:Choice>'
        f"<mc:Fallback>{_vml_box(fallback)}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def _nested_table() -> str:
    """A table whose second row's cell holds another table of all the words."""
    inner = table([FIRST, SECOND])
    return (
        f"<w:tbl><w:tr><w:tc>{paragraph('Ref')}</w:tc><w:tc>{paragraph('Notes')}</w:tc></w:tr>"
        f"<w:tr><w:tc>{paragraph('1')}</w:tc><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    )


def _endnotes(words: list[str]) -> str:
    notes = '<w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote>' + "".join(
        f'<w:endnote w:id="{i}">{paragraph(w)}</w:endnote>' for i, w in enumerate(words, 1)
    )
    return f"<w:endnotes {NAMESPACES}>{notes}</w:endnotes>"


def _content_controls() -> list[str]:
    """Half the words in a block content control, half in controls inside a paragraph."""
    block = "<w:sdt><w:sdtPr/><w:sdtContent>" + "".join(paragraph(w) for w in FIRST)
    inline = "".join(
        f"<w:sdt><w:sdtPr/><w:sdtContent>{run(f' {w}')}</w:sdtContent></w:sdt>" for w in SECOND
    )
    return [block + "</w:sdtContent></w:sdt>", paragraph("Name: ", inline)]


def _hyperlinks() -> list[str]:
    return [
        f'<w:p><w:hyperlink r:id="rIdL{i}" w:history="1">{run(w)}</w:hyperlink></w:p>'
        for i, w in enumerate(WORDS)
    ]


def _link_targets() -> bytes:
    """Links reading "contact us" whose mailto: targets hold the words."""
    rels = relationships(
        [(f"rIdL{i}", "hyperlink", f"mailto:{w}@example.org") for i, w in enumerate(WORDS)]
    )
    return build_docx(
        [
            f'<w:p><w:hyperlink r:id="rIdL{i}">{run("contact us")}</w:hyperlink></w:p>'
            for i in range(6)
        ],
        extra_parts={
            "word/_rels/document.xml.rels": rels.replace('"/>', '" TargetMode="External"/>')
        },
    )


def _simple_field(instruction: str, result: str) -> str:
    """A field stored whole in one element: the code in an attribute, the result in runs."""
    return f'<w:p><w:fldSimple w:instr="{instruction}">{run(result)}</w:fldSimple></w:p>'


_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _smartart() -> bytes:
    """An organisation chart (SmartArt): its boxes' text lives in word/diagrams/data1.xml."""
    points = "".join(
        f'<dgm:pt modelId="{{{number}}}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{word}</a:t></a:r>'
        "</a:p></dgm:t></dgm:pt>"
        for number, word in enumerate(WORDS, start=1)
    )
    data = (
        f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>{points}</dgm:ptLst>'
        "</dgm:dataModel>"
    )
    with zipfile.ZipFile(io.BytesIO(build_docx([paragraph("Our structure")]))) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    members["word/diagrams/data1.xml"] = data
    return zip_parts(members)


LAYOUTS: dict[str, bytes] = {
    "body paragraphs": build_docx([paragraph(w) for w in WORDS]),
    "a table": build_docx([table([FIRST, SECOND])]),
    "a table nested in a cell": build_docx([_nested_table()]),
    "a text box (Choice and Fallback alike)": build_docx([_text_box(WORDS, WORDS)]),
    "a text box's Choice": build_docx([_text_box(WORDS, ["Draft"])]),
    "a text box's Fallback": build_docx([_text_box(["Draft"], WORDS)]),
    "a VML text box": build_docx([f"<w:p><w:r>{_vml_box(WORDS)}</w:r></w:p>"]),
    "header and footer": build_docx(
        [paragraph("Body")], header=" ".join(FIRST), footer=" ".join(SECOND)
    ),
    "footnotes and endnotes": build_docx(
        [paragraph("Body")],
        footnotes=FIRST,
        extra_parts={"word/endnotes.xml": _endnotes(SECOND)},
    ),
    "comments": build_docx(
        [paragraph("Body", *(comment_mark(i) for i in range(len(WORDS))))],
        comments=[("Reviewer", w) for w in WORDS],
    ),
    "tracked deletions": build_docx([paragraph("Name: ", deleted(w, "Editor")) for w in WORDS]),
    "tracked moves": build_docx([paragraph(deleted(w, "Editor", moved=True)) for w in WORDS]),
    "tracked insertions": build_docx([paragraph(inserted(w, "Editor")) for w in WORDS]),
    "hidden text": build_docx([paragraph("Total ", run(w, hidden=True)) for w in WORDS]),
    "white text": build_docx([paragraph("Total ", run(w, colour="FFFFFF")) for w in WORDS]),
    "field codes": build_docx([paragraph(field(f"MERGEFIELD {w}", "x")) for w in WORDS]),
    "field results": build_docx([paragraph(field("MERGEFIELD Name", w)) for w in WORDS]),
    "a simple field's result": build_docx([_simple_field("MERGEFIELD Name", w) for w in WORDS]),
    "a simple field's code": build_docx([_simple_field(f"MERGEFIELD {w}", "x") for w in WORDS]),
    "alt text": build_docx([paragraph(picture(" ".join(WORDS)))]),
    "a hyperlink's text": build_docx(_hyperlinks()),
    "a hyperlink's target": _link_targets(),
    "content controls": build_docx(_content_controls()),
    "core properties creator": build_docx([paragraph("x")], core={"dc:creator": " ".join(WORDS)}),
    "a SmartArt diagram's data": _smartart(),
}

FAILING: dict[str, str] = {}
"""Layouts whose words do not all reach detection, and where they are lost."""
GLUED: dict[str, str] = {}
"""Layouts whose words reach detection, but run into their neighbours."""


def _read(data: bytes) -> str:
    return all_text(inspect_docx, data, "layout.docx")


def _params(failing: dict[str, str]) -> list[object]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=failing[name]))
        if name in failing
        else name
        for name in LAYOUTS
    ]


@pytest.mark.parametrize("layout", _params(FAILING), ids=list(LAYOUTS))
def test_every_word_held_reaches_detection(layout: str) -> None:
    read = _read(LAYOUTS[layout])
    assert [w for w in WORDS if w not in read] == []


@pytest.mark.parametrize("layout", _params({**FAILING, **GLUED}), ids=list(LAYOUTS))
def test_every_word_reaches_detection_as_a_word(layout: str) -> None:
    """A word run into the next ("SmithDate") is read but no longer found."""
    read = _read(LAYOUTS[layout])
    assert [w for w in WORDS if not re.search(rf"\b{w}\b", read)] == []
