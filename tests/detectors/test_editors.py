"""The people who commented on or changed a document are its editors, as its author is: their
names are reported under metadata and rate low, while names in what the comments say are
hidden text about those people."""

from __future__ import annotations

import pytest
from faker import Faker

from crawler.demo.builders.docx import build_docx, comment_mark, paragraph
from detectors.model import Vector
from detectors.scan import scan


@pytest.mark.parametrize(
    ("comment", "worst"),
    [("Checked, fine.", "low"), ("Ask {} about this row.", "medium")],
    ids=["reviewers-alone", "names-in-the-comments"],
)
def test_the_authors_of_comments_are_the_document_s_editors(comment: str, worst: str) -> None:
    """Three colleagues who commented on a reply are its editors, as its author is: low. Three
    people named in what the comments say are hidden text about them: medium."""
    fake = Faker("en_GB")
    Faker.seed(91)
    authors = [fake.name() for _ in range(3)]
    named = [fake.name() for _ in range(3)]
    data = build_docx(
        [paragraph("y", comment_mark(i)) for i in range(3)],
        comments=[(author, comment.format(named[i])) for i, author in enumerate(authors)],
    )
    verdict = scan(data, "reply.docx")
    assert verdict.severity == worst
    by_vector = {f.vector for f in verdict.findings if f.entity == "PERSON"}
    assert Vector.METADATA in by_vector
