"""Names and one-page PDFs shared by the PDF reader's tests."""

from __future__ import annotations

from faker import Faker

from crawler.demo.builders.pdf import Box, Line, Note, Page, build_pdf

fake = Faker("en_GB")
Faker.seed(17)
NAME = fake.name()
OTHER = fake.name()
EMAIL = fake.email()
SECRET = Line(NAME, y=700)
OVER = Box(68, 694, 200, 20)


def one_page(*items: Line | Box, notes: tuple[Note, ...] = (), **kwargs: object) -> bytes:
    """A one-page reply: a heading line, then `items`."""
    page = Page((Line("Response to request 123"), *items), notes=notes)
    return build_pdf([page], **kwargs)  # type: ignore[arg-type]
