"""The benchmark's catalogue: each case builds one document through UNO and says what a
perfect scanner should conclude about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from built import Built
from clean import (
    aggregate_text,
    comment_clean_sheet,
    comment_clean_text,
    concealed_dates,
    election,
    footer_sheet,
    headcount_lookup,
    mailbox_sheet,
    mailbox_text,
    pivot_anonymous,
    register_clean,
    slides_clean,
    stats_report,
    ward_counts,
)
from leaky import (
    cases_slides,
    cases_text,
    combined_sheet,
    combined_text,
    comment_notes,
    comment_sheet,
    comment_text,
    pivot_cases,
    redaction_sheet,
    redaction_text,
    register_text,
    roster_columns_hidden,
    roster_pdf,
    roster_rows_hidden,
    roster_sheet,
    roster_slides,
    roster_text,
)

SHEETS = ("xlsx", "ods", "xls")
TEXTS = ("docx", "odt", "doc")
SLIDES = ("pptx", "odp", "ppt")


@dataclass(frozen=True)
class Case:
    cls: str
    variant: str
    leaky: bool
    formats: tuple[str, ...]
    build: Callable[[Any, int], Built]
    kind: str = ""
    floor: str = "none"
    """The severity the design table gives this exposure (leaky cases); recall counts medium."""
    shown_in: tuple[str, ...] = ()
    """Formats that cannot keep this hiding place (Word has no hidden sections): there the
    data shows, and the expected severity is `shown_floor`."""
    shown_floor: str = "high"
    absent_is_clean: bool = False
    """LibreOffice may drop the data in some formats (no pivot cache in ods/xls): such a copy
    is then a clean look-alike, and labelled so."""
    notes: tuple[str, ...] = field(default=())


def _c(
    cls: str, variant: str, formats: tuple[str, ...], build: Callable[[Any, int], Built], **kw: Any
) -> Case:
    return Case(cls, variant, kw.pop("leaky", True), formats, build, **kw)


def catalogue() -> list[Case]:
    roster = {"kind": "staff_list", "floor": "critical"}
    cases = [
        _c(
            "staff_roster",
            f"hidden sheet, {order}, {layout}",
            SHEETS,
            roster_sheet(order, layout),
            **roster,
        )
        for order, layout in (
            ("az", "plain"),
            ("za", "plain"),
            ("rank", "plain"),
            ("shuffled", "plain"),
            ("az", "title"),
            ("shuffled", "footnotes"),
        )
    ]
    cases += [
        _c("staff_roster", "hidden rows under a headcount", SHEETS, roster_rows_hidden, **roster),
        _c("staff_roster", "name columns hidden", SHEETS, roster_columns_hidden, **roster),
        _c(
            "staff_roster",
            "printed to PDF, visible",
            ("calc.pdf",),
            roster_pdf,
            kind="staff_list",
            floor="high",
        ),
        _c(
            "staff_roster",
            "hidden section with a table",
            TEXTS,
            roster_text,
            shown_in=("docx", "doc"),
            **roster,
        ),
        _c("staff_roster", "hidden slides", SLIDES, roster_slides, **roster),
        _c(
            "case_records",
            "pivot, source sheet deleted",
            SHEETS,
            pivot_cases("deleted"),
            kind="case_records",
            floor="critical",
            absent_is_clean=True,
        ),
        _c(
            "case_records",
            "pivot, source sheet hidden",
            SHEETS,
            pivot_cases("hidden"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "tracked deletion",
            TEXTS,
            cases_text("tracked"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "white table",
            TEXTS,
            cases_text("white"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "hidden paragraphs",
            TEXTS,
            cases_text("hidden"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "hidden slide",
            SLIDES,
            cases_slides,
            kind="case_records",
            floor="critical",
        ),
        _c(
            "failed_redaction",
            "black boxes over text",
            ("writer.pdf",),
            redaction_text(True),
            kind="contact_list",
            floor="medium",
        ),
        _c(
            "failed_redaction",
            "black boxes over cells",
            ("calc.pdf",),
            redaction_sheet(True),
            kind="contact_list",
            floor="medium",
        ),
        _c("public_contact", "cell comment", SHEETS, comment_sheet, floor="medium"),
        _c("public_contact", "comment", TEXTS, comment_text, floor="medium"),
        _c("public_contact", "speaker notes", SLIDES, comment_notes, floor="medium"),
        _c("name_dob_cells", "';;;' format", SHEETS, combined_sheet(";;;"), floor="high"),
        _c("name_dob_cells", "white font", SHEETS, combined_sheet("white"), floor="high"),
        _c("name_dob_cells", "white text", TEXTS, combined_text, floor="high"),
        _c(
            "sex_offender_list",
            "visible lines",
            ("writer.pdf", *TEXTS),
            register_text(False),
            kind="case_records",
            floor="high",
        ),
        _c(
            "sex_offender_list",
            "hidden lines",
            TEXTS,
            register_text(True),
            kind="case_records",
            floor="high",
        ),
    ]
    clean = {"leaky": False}
    cases += [
        _c("clean_election", "results with a pivot", SHEETS, election(False), **clean),
        _c("clean_election", "results printed", ("calc.pdf",), election(True), **clean),
        _c("clean_aggregate", "counts by ward", SHEETS, ward_counts(False), **clean),
        _c("clean_aggregate", "counts by ward printed", ("calc.pdf",), ward_counts(True), **clean),
        _c("clean_aggregate", "headcount, hidden lists sheet", SHEETS, headcount_lookup, **clean),
        _c(
            "clean_aggregate",
            "pivot over a hidden sheet without people",
            SHEETS,
            pivot_anonymous,
            **clean,
        ),
        _c(
            "clean_aggregate",
            "table in a report",
            (*TEXTS, "writer.pdf"),
            aggregate_text(True),
            **clean,
        ),
        _c(
            "clean_aggregate",
            "slides, hidden backup slide, notes",
            SLIDES,
            slides_clean,
            **clean,
        ),
        _c("clean_mailboxes", "library mailbox list", SHEETS, mailbox_sheet, **clean),
        _c("clean_mailboxes", "library mailbox list", TEXTS, mailbox_text, **clean),
        _c(
            "clean_byline",
            "statistics report with author",
            (*TEXTS, "writer.pdf"),
            stats_report(True),
            **clean,
        ),
        _c("clean_comment", "comment without people", SHEETS, comment_clean_sheet, **clean),
        _c("clean_comment", "comment without people", TEXTS, comment_clean_text, **clean),
        _c("clean_concealed", "';;;' week-ending labels", SHEETS, concealed_dates(";;;"), **clean),
        _c(
            "clean_concealed", "white week-ending labels", SHEETS, concealed_dates("white"), **clean
        ),
        _c(
            "clean_register",
            "offender counts by area",
            ("writer.pdf", *TEXTS),
            register_clean,
            **clean,
        ),
        _c("clean_footer", "default 'Page &P' footer", SHEETS, footer_sheet, **clean),
        _c(
            "clean_redaction",
            "frame only, empty black bar",
            ("writer.pdf",),
            redaction_text(False),
            **clean,
        ),
        _c(
            "clean_redaction",
            "frame only, empty black bar",
            ("calc.pdf",),
            redaction_sheet(False),
            **clean,
        ),
    ]
    return cases
