from __future__ import annotations

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from faker import Faker

from crawler.demo.builders.docx import (
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
from detectors.limits import Budget
from detectors.model import Embedded, Status, Structure, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(7)
NAME = fake.name()
OTHER = fake.name()
EMAIL = fake.email()


CASES = [
    (
        "body",
        build_docx([paragraph("Intro"), paragraph(f"Report by {NAME}")]),
        Vector.PAGE_TEXT,
        "paragraph 2",
        NAME,
    ),
    (
        "vanish",
        build_docx([paragraph("Total 4", run(NAME, hidden=True))]),
        Vector.HIDDEN_TEXT,
        "paragraph 1",
        NAME,
    ),
    (
        "deleted",
        build_docx([paragraph("Suspect: ", deleted(NAME, OTHER))]),
        Vector.TRACKED_CHANGE,
        "paragraph 1",
        NAME,
    ),
    (
        "moved",
        build_docx([paragraph(deleted(NAME, OTHER, moved=True))]),
        Vector.TRACKED_CHANGE,
        "paragraph 1",
        NAME,
    ),
    (
        "revision author",
        build_docx([paragraph(inserted("Total 5", NAME))]),
        Vector.METADATA,
        "tracked changes",
        NAME,
    ),
    (
        "white text",
        build_docx([paragraph("Total", run(NAME, colour="FFFFFF"))]),
        Vector.CONCEALED_FORMAT,
        "paragraph 1",
        NAME,
    ),
    (
        "same as shading",
        build_docx([paragraph(run(NAME, colour="1F3864", shading="1F3864"))]),
        Vector.CONCEALED_FORMAT,
        "paragraph 1",
        NAME,
    ),
    (
        "black highlight",
        build_docx([paragraph("Victim: ", run(NAME, highlight="black"))]),
        Vector.CONCEALED_FORMAT,
        "paragraph 1",
        NAME,
    ),
    (
        "black shading",
        build_docx([paragraph(run(NAME, colour="000000", shading="000000"))]),
        Vector.CONCEALED_FORMAT,
        "paragraph 1",
        NAME,
    ),
    (
        "field code",
        build_docx([paragraph(field(f'HYPERLINK "mailto:{EMAIL}"', "contact us"))]),
        Vector.HIDDEN_TEXT,
        "field codes in paragraph 1",
        EMAIL,
    ),
    (
        "header",
        build_docx([paragraph("Body")], header=f"Prepared by {NAME}"),
        Vector.PAGE_TEXT,
        "header (default) of section 1",
        NAME,
    ),
    (
        "footer",
        build_docx([paragraph("Body")], footer=EMAIL),
        Vector.PAGE_TEXT,
        "footer (default) of section 1",
        EMAIL,
    ),
    (
        "footnote",
        build_docx([paragraph("Body")], footnotes=[f"Source: {NAME}"]),
        Vector.PAGE_TEXT,
        "footnote 1",
        NAME,
    ),
    (
        "comment",
        build_docx(
            [paragraph("x"), paragraph("y", comment_mark(0))], comments=[(OTHER, f"Ask {NAME}")]
        ),
        Vector.COMMENT,
        "comment 1 on paragraph 2",
        NAME,
    ),
    (
        "comment author",
        build_docx([paragraph("y", comment_mark(0))], comments=[(NAME, "ok")]),
        Vector.METADATA,
        "author of comment 1",
        NAME,
    ),
    (
        "people",
        build_docx([paragraph("x")], people=[NAME]),
        Vector.METADATA,
        "reviewers list",
        NAME,
    ),
    (
        "alt text",
        build_docx([paragraph(picture(f"Photo of {NAME}"))]),
        Vector.METADATA,
        "alt text of drawing 1",
        NAME,
    ),
    (
        "core properties",
        build_docx([paragraph("x")], core={"cp:lastModifiedBy": NAME}),
        Vector.METADATA,
        "document property 'lastModifiedBy'",
        NAME,
    ),
]


@pytest.mark.parametrize(
    ("case", "data", "vector", "where", "value"), CASES, ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    case: str, data: bytes, vector: Vector, where: str, value: str
) -> None:
    items = texts(inspect_docx, data, "reply.docx")
    assert found(items, vector, where, value), items


@pytest.mark.parametrize(
    "data",
    [
        build_docx([paragraph("Total", run(NAME, hidden=True))]),
        build_docx([paragraph(deleted(NAME, OTHER))]),
        build_docx([paragraph(run(NAME, highlight="black"))]),
    ],
)
def test_hidden_text_is_kept_out_of_the_visible_text(data: bytes) -> None:
    assert Vector.PAGE_TEXT not in vectors_of(texts(inspect_docx, data, "r.docx"), NAME)


def test_where_never_holds_the_comment_author() -> None:
    data = build_docx([paragraph("y", comment_mark(0))], comments=[(NAME, "see me")])
    assert all(NAME not in t.where for t in texts(inspect_docx, data, "r.docx"))


def test_tables_keep_header_and_rows_and_leave_hidden_cells_out() -> None:
    data = build_docx([table([["Name", "Rank"], [NAME, "PC"], [OTHER, "DS"]])])
    [(found_table, rows)] = tables(inspect_docx, data, "r.docx")
    assert found_table.header == ("Name", "Rank")
    assert found_table.where == "table 1"
    assert rows == [(NAME, "PC"), (OTHER, "DS")]


def test_embedded_files_are_handed_back_for_scanning() -> None:
    data = build_docx([paragraph("x")], embeddings={"Workbook1.xlsx": b"PK\x03\x04inner"})
    embedded = [i for i in inspect_docx(data, "r.docx", Budget()) if isinstance(i, Embedded)]
    assert [(e.name, e.data[:4]) for e in embedded] == [("Workbook1.xlsx", b"PK\x03\x04")]


ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)


def test_entity_bomb_in_a_part_is_not_expanded() -> None:
    data = build_docx([paragraph("x")], extra_parts={"word/document.xml": ENTITY_BOMB})
    verdict = scan(data, "bomb.docx")
    assert verdict.format == "docx"
    assert verdict.status in (Status.SCANNED, Status.UNREADABLE)
    if verdict.status is Status.UNREADABLE:
        assert verdict.error and "\n" not in verdict.error


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (build_docx([paragraph(NAME)])[:300], Status.UNREADABLE),
        (
            build_docx([paragraph("x")], extra_parts={"word/document.xml": "<w:document"}),
            Status.UNREADABLE,
        ),
    ],
    ids=["truncated", "malformed xml"],
)
def test_broken_documents_get_a_status_and_a_reason(data: bytes, status: Status) -> None:
    verdict = scan(data, "broken.docx")
    assert verdict.status is status
    assert verdict.error and "\n" not in verdict.error
    assert NAME not in verdict.error


def _native(path: str, data: bytes) -> bytes:
    """An Ole10Native stream, as Word stores a file dropped into a document."""
    import struct

    name = path.rsplit("\\", 1)[-1].encode()
    body = (
        struct.pack("<H", 2)
        + name + b"\x00"
        + path.encode() + b"\x00"
        + struct.pack("<II", 0, 0)
        + path.encode() + b"\x00"
        + struct.pack("<I", len(data))
        + data
    )  # fmt: skip
    return struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("streams", "filename"),
    [
        ({"Package": b"PK\x03\x04package"}, None),
        ({"\x01Ole10Native": _native(f"C:\\Users\\{NAME}\\list.csv", b"PK\x03\x04native")}, NAME),
    ],
    ids=["package", "ole10native"],
)
def test_ole_embeddings_are_unwrapped(streams: dict[str, bytes], filename: str | None) -> None:
    from crawler.demo.builders.legacy import compound_file

    data = build_docx([paragraph("x")], embeddings={"oleObject1.bin": compound_file(streams)})
    items = list(inspect_docx(data, "r.docx", Budget()))
    [embedded] = [i for i in items if isinstance(i, Embedded)]
    assert embedded.data.startswith(b"PK\x03\x04")
    assert embedded.where == "embedded file word/embeddings/oleObject1.bin"
    if filename:
        assert embedded.name == "member1.csv"
        assert found(texts(inspect_docx, data, "r.docx"), Vector.METADATA, "file name of", filename)


def test_each_hiding_place_is_also_counted_without_values() -> None:
    data = build_docx(
        [paragraph("a", run(NAME, hidden=True)), paragraph("b", run(OTHER, hidden=True))],
        comments=[(NAME, "c")],
    )
    structures = [i for i in inspect_docx(data, "r.docx", Budget()) if isinstance(i, Structure)]
    assert Structure(Vector.HIDDEN_TEXT, "document", "found in 2 places") in structures
    assert (
        Structure(Vector.COMMENT, "document", "found in 1 place") in structures
    )  # the author is metadata


CHART = (
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart>'
    '<c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:ptCount val="2"/>'
    f'<c:pt idx="0"><c:v>{NAME}</c:v></c:pt><c:pt idx="1"><c:v>{OTHER}</c:v></c:pt>'
    "</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:numCache>"
    '<c:pt idx="0"><c:v>3</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart>'
    "</c:plotArea></c:chart></c:chartSpace>"
)
SETTINGS_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'relationships/attachedTemplate" Target="file:///C:/Users/{NAME}/Templates/FOI.dotx" '
    'TargetMode="External"/></Relationships>'
)
SETTINGS = (
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:attachedTemplate r:id="rId1"/></w:settings>'
)


@pytest.mark.parametrize(
    ("parts", "vector", "where"),
    [
        ({"word/charts/chart1.xml": CHART}, Vector.CHART_CACHE, "chart 1"),
        (
            {"word/settings.xml": SETTINGS, "word/_rels/settings.xml.rels": SETTINGS_RELS},
            Vector.METADATA,
            "template path 1",
        ),
    ],
    ids=["chart cache", "template path"],
)
def test_parts_beside_the_body(parts: dict[str, bytes | str], vector: Vector, where: str) -> None:
    data = build_docx([paragraph("x")], extra_parts=parts)
    assert found(texts(inspect_docx, data, "r.docx"), vector, where, NAME)


def _styles(*styles: str, defaults: str = "") -> str:
    """A styles part: `styles` are `w:style` elements, `defaults` the default run properties."""
    default_run = f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault>" + (
        "</w:docDefaults>"
    )
    return (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + default_run
        + "".join(styles)
        + "</w:styles>"
    )


def _style(
    kind: str, identifier: str, run_properties: str, *, based_on: str = "", **extra: str
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    default = ' w:default="1"' if extra.get("default") else ""
    shading = extra.get("paragraph_shading", "")
    ppr = (
        f'<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="{shading}"/></w:pPr>'
        if shading
        else ""
    )
    return (
        f'<w:style w:type="{kind}" w:styleId="{identifier}"{default}>{based}{ppr}'
        f"<w:rPr>{run_properties}</w:rPr></w:style>"
    )


def _styled_run(text: str, style: str = "", direct: str = "") -> str:
    rstyle = f'<w:rStyle w:val="{style}"/>' if style else ""
    return f'<w:r><w:rPr>{rstyle}{direct}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _styled_paragraph(style: str, *runs: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


WHITE = '<w:color w:val="FFFFFF"/>'
WHITE_STYLE = _styles(_style("character", "Quiet", WHITE))


def _with_styles(body: list[str], styles: str) -> bytes:
    return build_docx(body, extra_parts={"word/styles.xml": styles})


STYLED_CASES = [
    (
        "white character style",
        _with_styles([paragraph("Total 4 ", _styled_run(NAME, "Quiet"))], WHITE_STYLE),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "white paragraph style through basedOn",
        _with_styles(
            [paragraph("Total 4"), _styled_paragraph("Note", _styled_run(NAME))],
            _styles(
                _style("paragraph", "Pale", WHITE), _style("paragraph", "Note", "", based_on="Pale")
            ),
        ),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "white default paragraph style",
        _with_styles([paragraph(NAME)], _styles(_style("paragraph", "Normal", WHITE, default="1"))),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "white document defaults",
        _with_styles([paragraph(NAME)], _styles(defaults=WHITE)),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "background theme colour in a style",
        _with_styles(
            [paragraph("Total 4 ", _styled_run(NAME, "Quiet"))],
            _styles(
                _style("character", "Quiet", '<w:color w:val="000000" w:themeColor="background1"/>')
            ),
        ),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "style text the colour of its paragraph style's shading",
        _with_styles(
            [_styled_paragraph("Band", _styled_run(NAME))],
            _styles(
                _style("paragraph", "Band", '<w:color w:val="1F3864"/>', paragraph_shading="1F3864")
            ),
        ),
        Vector.CONCEALED_FORMAT,
    ),
    (
        "hidden through basedOn",
        _with_styles(
            [paragraph("Total 4 ", _styled_run(NAME, "Aside"))],
            _styles(
                _style("character", "Gone", "<w:vanish/>"),
                _style("character", "Aside", "", based_on="Gone"),
            ),
        ),
        Vector.HIDDEN_TEXT,
    ),
    (
        "direct black over a white style",
        _with_styles(
            [paragraph(_styled_run(NAME, "Quiet", '<w:color w:val="000000"/>'))], WHITE_STYLE
        ),
        Vector.PAGE_TEXT,
    ),
    (
        "direct automatic colour over a white style",
        _with_styles(
            [paragraph(_styled_run(NAME, "Quiet", '<w:color w:val="auto"/>'))], WHITE_STYLE
        ),
        Vector.PAGE_TEXT,
    ),
    (
        "another theme colour is not guessed",
        _with_styles(
            [
                paragraph(
                    _styled_run(NAME, "Quiet", '<w:color w:val="FFFFFF" w:themeColor="accent1"/>')
                )
            ],
            WHITE_STYLE,
        ),
        Vector.PAGE_TEXT,
    ),
    (
        "a shaded background theme colour is grey",
        _with_styles(
            [paragraph(_styled_run(NAME, "Quiet"))],
            _styles(
                _style(
                    "character",
                    "Quiet",
                    '<w:color w:val="808080" w:themeColor="background1" w:themeShade="80"/>',
                )
            ),
        ),
        Vector.PAGE_TEXT,
    ),
    (
        "white on a yellow highlight stays visible",
        _with_styles([paragraph(run(NAME, colour="FFFFFF", highlight="yellow"))], _styles()),
        Vector.PAGE_TEXT,
    ),
    (
        "a visible style on a white default",
        _with_styles(
            [paragraph(_styled_run(NAME, "Dark"))],
            _styles(_style("character", "Dark", '<w:color w:val="000000"/>'), defaults=WHITE),
        ),
        Vector.PAGE_TEXT,
    ),
]


@pytest.mark.parametrize(("case", "data", "vector"), STYLED_CASES, ids=[c[0] for c in STYLED_CASES])
def test_formatting_from_styles_decides_what_is_seen(
    case: str, data: bytes, vector: Vector
) -> None:
    items = texts(inspect_docx, data, "reply.docx")
    assert vectors_of(items, NAME) == {vector}, items


def test_white_text_from_a_style_is_a_hidden_finding_in_a_scan() -> None:
    data = _with_styles([paragraph("Contact ", _styled_run(EMAIL, "Quiet"))], WHITE_STYLE)
    verdict = scan(data, "reply.docx")
    assert verdict.status is Status.SCANNED
    emails = [f for f in verdict.findings if f.entity == "EMAIL_ADDRESS"]
    assert emails and all(f.vector is Vector.CONCEALED_FORMAT and f.hidden for f in emails)
