from __future__ import annotations

import io
import zipfile

import pytest
from _sheet_helpers import inspect
from faker import Faker

from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.ods import OdsSheet, build_ods
from detectors.errors import UnreadableDocument
from detectors.formats.ods import MAX_REPEATS, inspect_ods
from detectors.limits import Budget
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(3)
NAME = fake.name()
OTHER = fake.name()
HEADER = ["Name", "Rank", "Station"]
ROWS = [["Total", "Constable", "Northgate"], [NAME, "Sergeant", "Riverside"], ["x", "y", "z"]]


def ods(**kwargs: object) -> bytes:
    return build_ods([OdsSheet("Data", [HEADER, *ROWS], **kwargs)])  # type: ignore[arg-type]


CASES = [
    ("visible cell", ods(), Vector.CELL, "sheet 'Data'", NAME),
    ("hidden sheet", build_ods([OdsSheet("Summary", [["Total", 4]]),
                                OdsSheet("Raw", [HEADER, *ROWS], hidden=True)]),
     Vector.HIDDEN_SHEET, "sheet 'Raw'", NAME),
    ("hidden row", ods(hidden_rows=(3,)), Vector.HIDDEN_ROW, "sheet 'Data' hidden rows 3", NAME),
    ("filtered row", ods(filtered_rows=(3,)), Vector.FILTERED_ROW,
     "sheet 'Data' rows filtered out 3", NAME),
    ("collapsed outline", ods(collapsed_rows=(3,)), Vector.COLLAPSED_OUTLINE,
     "sheet 'Data' collapsed rows 3", NAME),
    ("hidden column", ods(hidden_columns=(0,)), Vector.HIDDEN_COLUMN,
     "sheet 'Data' hidden column A", NAME),
    ("white on white", ods(white_cells=((3, 0),)), Vector.CONCEALED_FORMAT,
     "sheet 'Data' cells hidden by formatting in rows 3", NAME),
    ("silent number format", ods(concealed_cells=((3, 0),)), Vector.CONCEALED_FORMAT,
     "cells hidden by formatting in rows 3", NAME),
    ("annotation", ods(comments=((2, 1, OTHER, f"Ask {NAME}"),)), Vector.COMMENT,
     "sheet 'Data' comment B2", NAME),
    ("annotation author", ods(comments=((2, 1, OTHER, "Check"),)), Vector.METADATA,
     "comment B2 author", OTHER),
    ("named range", build_ods([OdsSheet("Data", [HEADER])], named_ranges={NAME: "$Data.$A$1"}),
     Vector.DEFINED_NAME, "named range", "$Data.$A$1"),
    ("data pilot source", build_ods([OdsSheet("Data", [HEADER])],
                                    data_pilot_source="$Raw.$A$1:$C$1231"),
     Vector.PIVOT_CACHE, "data pilot 'DataPilot1' source range", "$Raw.$A$1:$C$1231"),
    ("tracked change", build_ods([OdsSheet("Data", [HEADER])], tracked_change=(OTHER, NAME)),
     Vector.TRACKED_CHANGE, "tracked change 1", NAME),
    ("tracked change author", build_ods([OdsSheet("Data", [HEADER])],
                                        tracked_change=(OTHER, NAME)),
     Vector.METADATA, "author of a tracked change", OTHER),
    ("creator", build_ods([OdsSheet("Data", [HEADER])], creator=OTHER), Vector.METADATA,
     "document property 'creator'", OTHER),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str, value: str
) -> None:
    seen = inspect(inspect_ods, data, "reply.ods")
    assert seen.has(vector, where, value), seen.places(value)


def test_visible_table_keeps_positions_and_leaves_hidden_cells_out() -> None:
    seen = inspect(inspect_ods, ods(hidden_rows=(3,)), "r.ods")
    table, rows = next((t, r) for t, r in seen.tables if t.vector is Vector.CELL)
    assert (table.header, table.first_row) == (tuple(HEADER), 2)
    assert rows == [tuple(ROWS[0]), (), tuple(ROWS[2])]


def test_empty_repeats_are_skipped_and_repeated_rows_capped() -> None:
    data = build_ods(
        [OdsSheet("Raw", [HEADER, [NAME, "a", "b"]], hidden=True, repeat_last_row=1_048_575)]
    )
    seen = inspect(inspect_ods, data, "r.ods")
    rows = next(r for t, r in seen.tables if t.vector is Vector.HIDDEN_SHEET)
    assert len(rows) == MAX_REPEATS
    assert all(len(row) == 3 for row in rows)


def test_hidden_sheet_is_a_structure_in_the_verdict() -> None:
    data = build_ods([OdsSheet("Summary", [["Total"]]), OdsSheet("Raw", [HEADER], hidden=True)])
    verdict = scan(data, "reply.ods")
    assert verdict.status is Status.SCANNED
    assert any(
        s.vector is Vector.HIDDEN_SHEET and s.where == "sheet 'Raw'" for s in verdict.structures
    )


def test_malformed_content_is_unreadable() -> None:
    with zipfile.ZipFile(io.BytesIO(ods())) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["content.xml"] = parts["content.xml"][:-40]
    data = zip_parts(parts)  # type: ignore[arg-type]
    with pytest.raises(UnreadableDocument):
        inspect(inspect_ods, data, "r.ods")
    verdict = scan(data, "r.ods")
    assert verdict.status is Status.UNREADABLE and verdict.error


def test_missing_content_is_unreadable() -> None:
    data = zip_parts({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    with pytest.raises(UnreadableDocument):
        list(inspect_ods(data, "r.ods", Budget()))


def test_chart_object_keeps_its_own_data_table() -> None:
    chart = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:chart><table:table table:name="local-table"><table:table-rows>'
        "<table:table-row><table:table-cell><text:p>Officer</text:p></table:table-cell>"
        "<table:table-cell><text:p>Cases</text:p></table:table-cell></table:table-row>"
        f"<table:table-row><table:table-cell><text:p>{NAME}</text:p></table:table-cell>"
        "<table:table-cell><text:p>4</text:p></table:table-cell></table:table-row>"
        "</table:table-rows></table:table></office:chart></office:body></office:document-content>"
    )
    with zipfile.ZipFile(io.BytesIO(ods())) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["Object 1/content.xml"] = chart.encode()
    seen = inspect(inspect_ods, zip_parts(parts), "r.ods")  # type: ignore[arg-type]
    assert seen.has(Vector.CHART_CACHE, "chart object 1 data table", NAME)


def test_encrypted_spreadsheet_is_reported_encrypted() -> None:
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="AAAA"/></manifest:encryption-data>'
        "</manifest:file-entry></manifest:manifest>"
    )
    data = zip_parts(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": manifest,
            "content.xml": bytes(range(256)) * 8,
        }
    )
    verdict = scan(data, "secret.ods")
    assert (verdict.format, verdict.status) == ("ods", Status.ENCRYPTED)
    assert verdict.error and "password" in verdict.error


def test_embedded_spreadsheet_object_is_scanned_not_read_as_a_chart() -> None:
    inner = build_ods([OdsSheet("Raw", [["Name", "Rank"], ["Jo Bloggs", "PC"]], hidden=True)])
    outer = build_ods([OdsSheet("Summary", [["Rank", "Count"], ["PC", "1"]])])
    with zipfile.ZipFile(io.BytesIO(outer)) as source:
        parts: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    with zipfile.ZipFile(io.BytesIO(inner)) as source:
        for n in source.namelist():
            if not n.startswith("META"):
                parts[f"Object 1/{n}"] = source.read(n)
    entry = (
        '<manifest:file-entry manifest:full-path="Object 1/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    )
    manifest = parts["META-INF/manifest.xml"]
    manifest = manifest.decode() if isinstance(manifest, bytes) else manifest
    parts["META-INF/manifest.xml"] = manifest.replace(
        "</manifest:manifest>", entry + "</manifest:manifest>"
    )
    verdict = scan(zip_parts(parts), "reply.ods")
    assert verdict.status is Status.SCANNED
    assert any(
        f.vector is Vector.EMBEDDED_FILE and f.inner_vector is Vector.HIDDEN_SHEET
        for f in verdict.findings
    ), verdict.findings
    assert not any(f.vector is Vector.CHART_CACHE for f in verdict.findings)


_STYLES_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


@pytest.mark.parametrize(
    ("footer", "named"),
    [
        ("Page <text:page-number>1</text:page-number>", False),
        ("<text:sheet-name>???</text:sheet-name> page <text:page-number>1</text:page-number> "
         "of <text:page-count>2</text:page-count>", False),
        (f"Prepared by {OTHER}, page <text:page-number>1</text:page-number>", True),
    ],
    ids=["LibreOffice's default footer", "a sheet's name and page count", "a preparer named"],
)  # fmt: skip
def test_a_page_footer_s_fields_and_their_labels_name_no_one(footer: str, named: bool) -> None:
    """LibreOffice gives every sheet the footer "Page <page number>": the surname "Page"
    must not be left behind; a name typed in the footer is still read."""
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_STYLES_NS}>'
        '<office:master-styles><style:master-page style:name="Default">'
        f"<style:footer><text:p>{footer}</text:p></style:footer>"
        "</style:master-page></office:master-styles></office:document-styles>"
    )
    with zipfile.ZipFile(io.BytesIO(ods())) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    members["styles.xml"] = styles
    verdict = scan(zip_parts(members), "footer.ods")
    margins = [f for f in verdict.findings if f.where == "page headers and footers"]
    assert bool([f for f in margins if f.entity == "PERSON"]) is named
