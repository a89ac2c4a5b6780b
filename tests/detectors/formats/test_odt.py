from __future__ import annotations

import io
import random
import zipfile

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from _odf_helpers import TEXT_MIME, odt, p, style, table
from faker import Faker

from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.ods import OdsSheet, build_ods
from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats import sniff
from detectors.formats.odt import inspect_odt
from detectors.limits import Budget
from detectors.model import Embedded, Severity, Status, Structure, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(11)
NAME = fake.name()
OTHER = fake.name()

WHITE = style("T1", "text", '<style:text-properties fo:color="#ffffff"/>')
HIDDEN_SPAN = style("T2", "text", '<style:text-properties text:display="none"/>')
HIDDEN_PARENT = style("Secret", "paragraph", '<style:text-properties text:display="none"/>')
CHILD = style("P1", "paragraph", "", parent="Secret")
ANNOTATION = (
    f"<office:annotation><dc:creator>{OTHER}</dc:creator>"
    f"<dc:date>2024-03-01T10:00:00</dc:date>{p(f'Ask {NAME}')}</office:annotation>"
)
DELETION = (
    '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
    f"<office:change-info><dc:creator>{OTHER}</dc:creator>"
    f"<dc:date>2024-03-01T10:00:00</dc:date></office:change-info>{p(NAME)}"
    "</text:deletion></text:changed-region></text:tracked-changes>"
)
NOTE = (
    '<text:note text:id="n1" text:note-class="{kind}"><text:note-citation>1</text:note-citation>'
    f"<text:note-body>{p(NAME)}</text:note-body></text:note>"
)
MASTER = (
    '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
    "<style:header{attr}>{text}</style:header><style:footer>{footer}</style:footer>"
    "</style:master-page>"
)
FRAME = (
    '<draw:frame draw:name="Image1" text:anchor-type="paragraph"><draw:image xlink:href="x.png"/>'
    f"<svg:title>Photo of {NAME}</svg:title></draw:frame>"
)
TEXT_BOX = f'<draw:frame draw:name="Box"><draw:text-box>{p(NAME)}</draw:text-box></draw:frame>'

CASES = [
    ("paragraph", odt(p(f"Dear {NAME}")), Vector.PAGE_TEXT, "paragraph 1", NAME),
    ("heading", odt(f'<text:h text:outline-level="1">{NAME}</text:h>'), Vector.PAGE_TEXT,
     "paragraph 1", NAME),
    ("list item", odt(f"<text:list><text:list-item>{p(NAME)}</text:list-item></text:list>"),
     Vector.PAGE_TEXT, "paragraph 1", NAME),
    ("text box", odt(p(f"See {TEXT_BOX}")), Vector.PAGE_TEXT, "paragraph 2", NAME),
    ("header", odt(p("x"), master=MASTER.format(attr="", text=p(NAME), footer="")),
     Vector.PAGE_TEXT, "header of page style 1", NAME),
    ("footer", odt(p("x"), master=MASTER.format(attr="", text="", footer=p(NAME))),
     Vector.PAGE_TEXT, "footer of page style 1", NAME),
    ("header switched off", odt(p("x"), master=MASTER.format(
        attr=' style:display="false"', text=p(NAME), footer="")),
     Vector.HIDDEN_TEXT, "header of page style 1", NAME),
    ("footnote", odt(p("See" + NOTE.format(kind="footnote"))), Vector.PAGE_TEXT, "footnote 1",
     NAME),
    ("endnote", odt(p("See" + NOTE.format(kind="endnote"))), Vector.PAGE_TEXT, "endnote 1", NAME),
    ("hidden paragraph", odt(
        p(f'<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>{NAME}')),
     Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("hidden text field", odt(p(
        f'Total <text:hidden-text text:condition="ooow:1" text:string-value="{NAME}" '
        'text:is-hidden="true"/>')), Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("display none span", odt(p(f'Total <text:span text:style-name="T2">{NAME}</text:span>'),
                              automatic=HIDDEN_SPAN),
     Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("display none inherited", odt(p(NAME, "P1"), automatic=CHILD, styles=HIDDEN_PARENT),
     Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("hidden section", odt(f'<text:section text:name="S1" text:display="none">{p(NAME)}'
                           "</text:section>"), Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("conditional section", odt(
        f'<text:section text:name="S1" text:condition="ooow:1">{p(NAME)}</text:section>'),
     Vector.HIDDEN_TEXT, "paragraph 1", NAME),
    ("tracked deletion", odt(DELETION + p("x")), Vector.TRACKED_CHANGE,
     "tracked change 1 (deletion)", NAME),
    ("tracked change author", odt(DELETION + p("x")), Vector.METADATA,
     "author of a tracked change", OTHER),
    ("annotation", odt(p("x" + ANNOTATION)), Vector.COMMENT, "comment 1 on paragraph 1", NAME),
    ("annotation author", odt(p("x" + ANNOTATION)), Vector.METADATA, "author of comment 1", OTHER),
    ("white text", odt(p(f'Total <text:span text:style-name="T1">{NAME}</text:span>'),
                       automatic=WHITE), Vector.CONCEALED_FORMAT, "paragraph 1", NAME),
    ("creator", odt(p("x"), creator=NAME), Vector.METADATA, "document property 'creator'", NAME),
    ("alt text", odt(p("x" + FRAME)), Vector.METADATA, "alt text of drawing 1", NAME),
    ("user field", odt('<text:user-field-decls><text:user-field-decl office:value-type="string" '
                       f'office:string-value="{NAME}" text:name="Officer"/></text:user-field-decls>'
                       + p("x")), Vector.METADATA, "user field 1", NAME),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str, value: str
) -> None:
    assert sniff(data, "reply.odt") == "odt"
    items = texts(inspect_odt, data, "reply.odt")
    assert found(items, vector, where, value), items


@pytest.mark.parametrize(
    "case",
    ["hidden paragraph", "hidden text field", "display none span", "display none inherited",
     "hidden section", "white text", "header switched off"],
)  # fmt: skip
def test_hidden_text_is_kept_out_of_the_visible_text(case: str) -> None:
    data = next(c[1] for c in CASES if c[0] == case)
    assert Vector.PAGE_TEXT not in vectors_of(texts(inspect_odt, data, "r.odt"), NAME)


def test_where_never_holds_names() -> None:
    data = odt(p("x" + ANNOTATION) + DELETION, creator=NAME)
    assert all(NAME not in t.where and OTHER not in t.where for t in texts(inspect_odt, data, "r"))


def test_tables_keep_header_and_rows_and_leave_hidden_cells_out() -> None:
    hidden_cell = f'<text:span text:style-name="T2">{OTHER}</text:span>'
    data = odt(
        p("Staff") + table([["Name", "Rank"], [NAME, "PC"], [hidden_cell, "DS"]]),
        automatic=HIDDEN_SPAN,
    )
    [(found_table, rows)] = tables(inspect_odt, data, "r.odt")
    assert (found_table.header, found_table.where) == (("Name", "Rank"), "table 1")
    assert found_table.vector is Vector.PAGE_TEXT
    assert rows == [(NAME, "PC"), ("", "DS")]
    hidden = texts(inspect_odt, data, "r.odt")
    assert found(hidden, Vector.HIDDEN_TEXT, "table 1, row 3, column 1", OTHER)


def test_a_table_in_a_hidden_section_is_hidden() -> None:
    data = odt(f'<text:section text:display="none">{table([["Name"], [NAME]])}</text:section>')
    [(found_table, rows)] = tables(inspect_odt, data, "r.odt")
    assert found_table.vector is Vector.HIDDEN_TEXT and rows == [(NAME,)]


def test_hidden_places_are_counted_without_values() -> None:
    data = odt(
        p(f'<text:hidden-paragraph text:is-hidden="true"/>{NAME}')
        + p(f'<text:hidden-paragraph text:is-hidden="true"/>{OTHER}')
    )
    structures = [i for i in inspect_odt(data, "r.odt", Budget()) if isinstance(i, Structure)]
    assert Structure(Vector.HIDDEN_TEXT, "document", "found in 2 places") in structures
    assert all(NAME not in s.detail for s in structures)


def staff_list(count: int) -> list[list[str]]:
    rng = random.Random(5)
    ranks = ["Constable", "Sergeant", "Inspector", "Detective Constable"]
    rows = [["Surname", "Forename", "Rank", "Collar Number"]]
    for _ in range(count):
        rows.append(
            [fake.last_name(), fake.first_name(), rng.choice(ranks), str(rng.randint(1000, 9999))]
        )
    return rows


def test_staff_list_in_a_table_is_rated_high() -> None:
    data = odt(p("Officers by station, as requested.") + table(staff_list(50)))
    verdict = scan(data, "reply.odt")
    assert (verdict.format, verdict.status) == ("odt", Status.SCANNED)
    assert verdict.severity.rank >= Severity.HIGH.rank, verdict
    assert "staff_list" in verdict.kinds
    assert verdict.people >= 40


def _object_parts(inner: bytes, folder: str) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(inner)) as source:
        return {
            f"{folder}/{n}": source.read(n) for n in source.namelist() if not n.startswith("META")
        }


def test_embedded_spreadsheet_object_is_scanned_as_a_file_of_its_own() -> None:
    inner = build_ods([OdsSheet("Raw", [["Name", "Rank"], [NAME, "PC"]], hidden=True)])
    manifest = (
        '<manifest:file-entry manifest:full-path="Object 1/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    )
    data = odt(p("x"), parts=_object_parts(inner, "Object 1"), manifest=manifest)
    [embedded] = [i for i in inspect_odt(data, "r.odt", Budget()) if isinstance(i, Embedded)]
    assert embedded.where == "embedded object 1"
    assert sniff(embedded.data, embedded.name) == "ods"
    verdict = scan(data, "r.odt")
    assert any(
        f.vector is Vector.EMBEDDED_FILE and f.inner_vector is Vector.HIDDEN_SHEET
        for f in verdict.findings
    ), verdict.findings


def test_chart_object_gives_its_data_table() -> None:
    chart = (
        f"<office:document-content {_NS_TABLE}><office:body><office:chart><table:table>"
        "<table:table-rows>"
        f"<table:table-row><table:table-cell>{p('Officer')}</table:table-cell></table:table-row>"
        f"<table:table-row><table:table-cell>{p(NAME)}</table:table-cell></table:table-row>"
        "</table:table-rows></table:table></office:chart></office:body></office:document-content>"
    )
    manifest = (
        '<manifest:file-entry manifest:full-path="Object 1/" '
        'manifest:media-type="application/vnd.oasis.opendocument.chart"/>'
    )
    data = odt(p("x"), parts={"Object 1/content.xml": chart}, manifest=manifest)
    [(found_table, rows)] = tables(inspect_odt, data, "r.odt")
    assert found_table.vector is Vector.CHART_CACHE and rows == [(NAME,)]


_NS_TABLE = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def test_other_files_in_the_package_are_handed_back() -> None:
    data = odt(p("x"), parts={"Attachments/list.csv": f"Name\n{NAME}\n", "Pictures/a.png": b"x"})
    embedded = [i for i in inspect_odt(data, "r.odt", Budget()) if isinstance(i, Embedded)]
    assert [(e.name, e.where) for e in embedded] == [
        ("list.csv", "embedded file Attachments/list.csv")
    ]


WMF = b"\xd7\xcd\xc6\x9a" + random.Random(5).randbytes(600)  # a placeable metafile
CSV = f"Name\n{NAME}\n".encode()


@pytest.mark.parametrize(
    ("member", "placed", "handed_back"),
    [
        pytest.param(WMF, True, False, id="a picture placed from media/"),
        pytest.param(WMF, False, True, id="a file no picture frame places"),
        pytest.param(CSV, True, True, id="a document placed as a picture"),
    ],
)
def test_pictures_kept_outside_the_pictures_folder_are_pictures(
    member: bytes, placed: bool, handed_back: bool
) -> None:
    frame = '<draw:frame><draw:image xlink:href="media/image1.wmf"/></draw:frame>'
    data = odt(p("x") + (frame if placed else ""), parts={"media/image1.wmf": member})
    items = list(inspect_odt(data, "r.odt", Budget()))
    embedded = [i.where for i in items if isinstance(i, Embedded)]
    assert embedded == (["embedded file media/image1.wmf"] if handed_back else [])
    verdict = scan(data, "r.odt")
    assert verdict.fully_read is (member is not WMF or placed)


def test_encrypted_package_is_reported_encrypted() -> None:
    manifest = (
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
        "</manifest:file-entry>"
    )
    data = odt(p(NAME), manifest=manifest, parts={"content.xml": bytes(range(256)) * 8})
    with pytest.raises(EncryptedDocument):
        list(inspect_odt(data, "r.odt", Budget()))
    verdict = scan(data, "secret.odt")
    assert (verdict.format, verdict.status) == ("odt", Status.ENCRYPTED)
    assert verdict.error and "password" in verdict.error


def test_missing_content_is_unreadable() -> None:
    data = zip_parts({"mimetype": TEXT_MIME})
    with pytest.raises(UnreadableDocument):
        list(inspect_odt(data, "r.odt", Budget()))


def _mutations(data: bytes) -> list[bytes]:
    rng = random.Random(7)
    cuts = [data[:n] for n in (30, 200, len(data) // 2, len(data) - 10)]
    flips = []
    for _ in range(12):
        damaged = bytearray(data)
        for _ in range(8):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        flips.append(bytes(damaged))
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    malformed = zip_parts({**parts, "content.xml": parts["content.xml"][:-60]})  # type: ignore[dict-item]
    return [*cuts, *flips, malformed]


@pytest.mark.parametrize("damaged", _mutations(odt(p(NAME) + table(staff_list(5)))))
def test_damaged_documents_never_raise_out_of_scan(damaged: bytes) -> None:
    verdict = scan(damaged, "damaged.odt")
    assert verdict.status in set(Status)
    if verdict.status is not Status.SCANNED:
        assert verdict.error and "\n" not in verdict.error
        assert NAME not in verdict.error


def test_malformed_content_is_unreadable() -> None:
    with zipfile.ZipFile(io.BytesIO(odt(p(NAME)))) as source:
        parts: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    parts["content.xml"] = b"<office:document-content"
    verdict = scan(zip_parts(parts), "r.odt")
    assert verdict.status is Status.UNREADABLE and verdict.error


def test_a_tracked_deletion_keeps_the_runs_of_spaces_between_its_columns() -> None:
    row = 'CR/1<text:s text:c="2"/>Theft<text:s/> Ward<text:tab/>Outcome'
    deletion = DELETION.replace(p(NAME), p(row))
    text = next(t.text for t in texts(inspect_odt, odt(deletion + p("x")), "r.odt")
                if t.where == "tracked change 1 (deletion)")  # fmt: skip
    assert text == "CR/1  Theft  Ward\tOutcome"
