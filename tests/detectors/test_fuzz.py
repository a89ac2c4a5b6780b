"""Mutated documents of every format: scan() must always return a verdict, never raise."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.demo.builders import docx, html, legacy, ods, pdf, pptx
from crawler.demo.builders._zip import zip_parts
from detectors.limits import Limits
from detectors.model import Status, Verdict
from detectors.scan import ScanOptions, scan
from tests.detectors._mutations import MUTATION, mutate

NAME = "Alex Example"
OPTIONS = ScanOptions(limits=Limits(time_budget_s=10.0, max_expanded_bytes=64 * 2**20))


def _xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Rank"])
    sheet.append([NAME, "PC"])
    hidden = book.create_sheet("Raw")
    hidden.sheet_state = "hidden"
    hidden.append([NAME])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _seeds() -> dict[str, bytes]:
    page = pdf.Page(
        (pdf.Line("Reply"), pdf.Line(NAME, y=700), pdf.Box(68, 694, 120, 18)),
        notes=(pdf.Note("Text", (0, 0, 9, 9), NAME, NAME),),
    )
    base_pdf = pdf.build_pdf([page], info={"Author": NAME}, fields={"n": NAME})
    return {
        "reply.csv": f"Name,Email\n{NAME},alex@example.org\n".encode(),
        "reply.txt": f"Dear {NAME},\n\nRegards\n".encode("cp1252"),
        "page.html": html.build_html(
            "FOI", [html.paragraph(NAME), html.hidden(NAME), html.table([["Name"], [NAME]])]
        ),
        "reply.docx": docx.build_docx(
            [docx.paragraph("x", docx.run(NAME, hidden=True)), docx.table([["Name"], [NAME]])],
            comments=[(NAME, "c")],
        ),
        "deck.pptx": pptx.build_pptx([pptx.Slide((NAME,), notes=NAME, hidden=True)]),
        "reply.pdf": base_pdf,
        "revised.pdf": pdf.append_revision(base_pdf, 1, pdf.Page((pdf.Line("Reply"),))),
        "bundle.zip": zip_parts({"a.csv": b"Name\nA\n", "b.txt": NAME.encode()}),
        "reply.doc": legacy.build_doc(f"Intro\r{NAME}", author=NAME),
        "deck.ppt": legacy.build_ppt(["x", NAME], notes=[NAME], user=NAME),
        "book.xlsx": _xlsx(),
        "book.ods": ods.build_ods(
            [ods.OdsSheet("Reply", [["Rank"], ["PC"]]), ods.OdsSheet("Raw", [[NAME]], hidden=True)]
        ),
        "reply.odt": _odt(),
    }


def _odt() -> bytes:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (
        f'<office:document-content xmlns:office="{office}" xmlns:text="{text}">'
        f"<office:body><office:text><text:p>Reply</text:p>"
        f'<text:p><text:hidden-text text:is-hidden="true" text:string-value="{NAME}"/></text:p>'
        f"<text:p>{NAME}<office:annotation><text:p>{NAME}</text:p></office:annotation></text:p>"
        "</office:text></office:body></office:document-content>"
    )
    return zip_parts(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    )


SEEDS = _seeds()


def _check(verdict: Verdict) -> None:
    assert isinstance(verdict, Verdict)
    assert verdict.status in set(Status)
    if verdict.status is Status.SCANNED:
        assert verdict.error is None
    else:
        assert verdict.error and "\n" not in verdict.error and len(verdict.error) <= 200


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_documents_scan_cleanly(name: str) -> None:
    verdict = scan(SEEDS[name], name, OPTIONS)
    _check(verdict)
    if name != "book.xlsx":  # its inspector belongs to another module and may be absent
        assert verdict.status is Status.SCANNED, verdict.error


@settings(
    max_examples=180,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(sorted(SEEDS)),
    mutations=st.lists(MUTATION, min_size=1, max_size=4),
)
def test_mutated_documents_never_raise(
    name: str, mutations: list[tuple[str, float, bytes]]
) -> None:
    _check(scan(mutate(SEEDS[name], mutations), name, OPTIONS))


_CONTAINERS = sorted(n for n in SEEDS if n.endswith((".docx", ".pptx", ".xlsx", ".zip")))


def _mutate_member(data: bytes, pick: float, mutations: list[tuple[str, float, bytes]]) -> bytes:
    """Mutate the uncompressed bytes of one member, so parsers see damage past the zip layer."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    target = sorted(parts)[min(int(pick * len(parts)), len(parts) - 1)]
    member = parts[target]
    assert isinstance(member, bytes)
    parts[target] = mutate(member, mutations)
    return zip_parts(parts)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(_CONTAINERS),
    pick=st.floats(min_value=0.0, max_value=1.0),
    mutations=st.lists(MUTATION, min_size=1, max_size=4),
)
def test_damaged_parts_inside_packages_never_raise(
    name: str, pick: float, mutations: list[tuple[str, float, bytes]]
) -> None:
    _check(scan(_mutate_member(SEEDS[name], pick, mutations), name, OPTIONS))
