"""SmartArt diagrams: an organisation chart's boxes, each a name over a post, are read as the
rows of a staff list; a process chart's steps are text."""

from __future__ import annotations

import io
import zipfile

import pytest
from faker import Faker

from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.docx import build_docx, paragraph
from detectors.model import Severity
from detectors.scan import scan

_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
RANKS = ["Constable", "Sergeant", "Inspector", "PCSO"]
STEPS = ["Request received", "Logged by the FOI team", "Searched", "Reply sent", "Published"]


def _box(number: int, lines: list[str], breaks: bool) -> str:
    if breaks:  # one paragraph, lines apart by breaks
        runs = "<a:br/>".join(f"<a:r><a:t>{line}</a:t></a:r>" for line in lines)
        body = f"<a:p>{runs}</a:p>"
    else:
        body = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in lines)
    return f'<dgm:pt modelId="{{{number}}}"><dgm:t><a:bodyPr/>{body}</dgm:t></dgm:pt>'


def _chart(boxes: list[list[str]], breaks: bool = False) -> bytes:
    points = "".join(_box(n, lines, breaks) for n, lines in enumerate(boxes, start=1))
    data = (
        f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="{_A}"><dgm:ptLst>'
        f'<dgm:pt modelId="{{0}}" type="doc"/>{points}</dgm:ptLst></dgm:dataModel>'
    )
    with zipfile.ZipFile(io.BytesIO(build_docx([paragraph("Team structure")]))) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    members["word/diagrams/data1.xml"] = data
    return zip_parts(members)


def _officers(count: int) -> list[list[str]]:
    fake = Faker("en_GB")
    Faker.seed(41)
    return [[fake.name(), RANKS[n % 4]] for n in range(count)]


@pytest.mark.parametrize(
    ("boxes", "breaks", "least", "most", "staff"),
    [
        (_officers(30), False, Severity.MEDIUM, Severity.CRITICAL, True),
        (_officers(30), True, Severity.MEDIUM, Severity.CRITICAL, True),
        ([[step] for step in STEPS], False, Severity.NONE, Severity.LOW, False),
    ],
    ids=["thirty officers, a paragraph a line", "thirty officers, lines broken", "a process"],
)
def test_an_organisation_chart_s_boxes_are_a_staff_list(
    boxes: list[list[str]], breaks: bool, least: Severity, most: Severity, staff: bool
) -> None:
    verdict = scan(_chart(boxes, breaks), "structure.docx")
    assert least.rank <= verdict.severity.rank <= most.rank, verdict.severity
    assert ("staff_list" in verdict.kinds) is staff
