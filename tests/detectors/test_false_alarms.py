"""Real public documents that are not leaks: people in a public role, places read as people,
role mailboxes, topics read as special categories, counts read as lists, look-alike numbers
and footer fields. Each class is a synthetic look-alike built here, beside guards that real
leaks stay caught; the builders they share are in `_false_alarms.py`, and the cases read from
what columns mean are in `test_false_alarm_columns.py`."""

from __future__ import annotations

import pytest

from detectors.detect import Detector, Evidence
from detectors.model import Table, Text, Vector
from detectors.scan import scan
from tests.detectors._false_alarms import ELECTION_HEADER as _ELECTION_HEADER
from tests.detectors._false_alarms import ISBNS as _ISBNS
from tests.detectors._false_alarms import STAFF_HEADER as _STAFF_HEADER
from tests.detectors._false_alarms import WARDS as _WARDS
from tests.detectors._false_alarms import election_rows as _election_rows
from tests.detectors._false_alarms import roster as _roster
from tests.detectors._false_alarms import workbook as _workbook
from tests.detectors._tables import csv_bytes as _csv
from tests.detectors._tables import fake_names as _names
from tests.detectors._tables import person_roles as _persons

# --- people in a public role -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "named"),
    [
        ("results.csv", _csv(_ELECTION_HEADER, _election_rows(60)), 60),
        (
            "councillors.csv",
            _csv(
                ["Name", "Role", "Ward", "Email"],
                [
                    [n, "Ward Councillor", _WARDS[i % 7], f"cllr{i}@council.gov.uk"]
                    for i, n in enumerate(_names(40, seed=8))
                ],
            ),
            40,
        ),
        (
            "chief-officers.csv",
            _csv(
                ["Name", "Post"],
                [
                    [n, post]
                    for n, post in zip(
                        _names(4, seed=9),
                        [
                            "Chief Constable",
                            "Deputy Chief Constable",
                            "Assistant Chief Constable",
                            "Police and Crime Commissioner",
                        ],
                        strict=True,
                    )
                ],
            ),
            4,
        ),
    ],
)
def test_tables_of_office_holders_are_public_role_and_low(
    name: str, data: bytes, named: int
) -> None:
    verdict = scan(data, name)
    assert verdict.severity == "low"
    assert sum(f.count for f in verdict.findings if f.entity == "PERSON") == named
    assert verdict.people == 0  # nobody private
    assert _persons(verdict) and all(_persons(verdict))
    assert verdict.kinds == ()
    assert verdict.special_categories == ()


def test_election_results_with_a_pivot_cache_of_them_stay_low() -> None:
    rows = _election_rows(60)
    detector = Detector()
    detector.feed(Table("sheet 'Results'", Vector.CELL, tuple(_ELECTION_HEADER), iter(rows)))
    detector.feed(
        Table(
            "pivot cache 1",
            Vector.PIVOT_CACHE,
            tuple(_ELECTION_HEADER[:4]),
            iter(r[:4] for r in rows),
        )
    )
    evidence = detector.finish()
    from detectors.assess import assess

    assert assess(evidence, ()).severity == "low"
    assert evidence.kinds == ()
    assert all(f.public_role for f in evidence.findings if f.entity == "PERSON")


@pytest.mark.parametrize(
    ("cache_of", "severity"),
    [(Vector.CELL, "high"), (Vector.HIDDEN_SHEET, "critical")],
)
def test_a_pivot_cache_adds_nothing_beyond_the_visible_sheet_it_repeats(
    cache_of: Vector, severity: str
) -> None:
    from detectors.assess import assess

    rows = _roster(150)
    detector = Detector()
    detector.feed(Table("sheet 'Roll'", cache_of, _STAFF_HEADER, iter(rows)))
    detector.feed(Table("pivot cache 1", Vector.PIVOT_CACHE, _STAFF_HEADER, iter(rows)))
    evidence = detector.finish()
    assert assess(evidence, ()).severity == severity
    assert {f.vector for f in evidence.findings} >= {Vector.PIVOT_CACHE}


def test_a_hidden_roster_of_constables_with_collar_numbers_stays_critical() -> None:
    rows = [list(_STAFF_HEADER), *map(list, _roster(150))]
    verdict = scan(
        _workbook(
            [("Summary", [["Rank", "Count"], ["Constable", "75"]], False), ("Raw", rows, True)]
        ),
        "reply.xlsx",
    )
    assert verdict.severity == "critical"
    assert "staff_list" in verdict.kinds
    assert not any(_persons(verdict))


_TRANSCRIPT = """Press briefing, 4 March

Jane Hartley (Home Secretary): Good afternoon. Knife crime has fallen by a fifth this year.

Question from Tom Fletcher (BBC News): Minister, what about rape prosecutions?

Jane Hartley: We are investing in specialist teams for victims of sexual offences.

Tom Fletcher: And the court backlog?

Jane Hartley: It is coming down month by month.

Chief Constable Sarah Whitfield said the figures showed real progress.
"""

_BLOG = """By Rebecca Holloway

Rape prosecutions: what the statistics say

The number of rape cases reaching court fell again this year. Sexual offences recorded by
police rose by eight per cent, while charge rates for rape stayed below three per cent.
Victims' groups say the delays are the main reason cases collapse.
"""

_MINUTES = """Minutes of the community safety committee

Cllr David Ainsworth said the partnership had met twice since the last meeting.

The committee heard that the victim, Margaret Lowther, was assaulted near her home in a
racially aggravated hate crime last month and is still in hospital.
"""


@pytest.mark.parametrize(
    ("text", "public", "private", "categories", "severity"),
    [
        (_TRANSCRIPT, 3, 0, (), "low"),
        (_BLOG, 1, 0, (), "low"),
        (_MINUTES, 1, 1, ("hate_crime", "health"), "high"),
    ],
)
def test_prose_names_in_a_public_role_are_marked_and_rate_low(
    text: str, public: int, private: int, categories: tuple[str, ...], severity: str
) -> None:
    verdict = scan(text.encode(), "page.txt")
    marks = _persons(verdict)
    assert (
        sum(f.count for f in verdict.findings if f.entity == "PERSON" and f.public_role) >= public
    )
    assert (False in marks) is bool(private)
    assert verdict.people == private
    assert set(categories) <= set(verdict.special_categories)
    if not categories:
        assert verdict.special_categories == ()
    assert verdict.severity == severity


# --- places and organisations read as people ------------------------------------------------


def test_places_and_organisations_named_after_people_are_not_people() -> None:
    text = (
        "Patients were moved to George Eliot Hospital NHS Trust last week. The road works on "
        "Edward Pease Way finish on Friday, and the bus no longer stops on Shay Lane. Sessions "
        "at Ferndale Children's Centre and Alfred Wainwright Primary School resume in May. "
        "The fun run starts in Victoria Park.\n"
    )
    verdict = scan(text.encode(), "news.txt")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.special_categories == ()
    assert verdict.severity == "none"


@pytest.mark.parametrize(
    "rows",
    [
        [
            [w, str(1000 + 37 * n), str(n)]
            for n, w in enumerate(
                [
                    "Ferndale",
                    "Shelton",
                    "Beeston",
                    "Clifton",
                    "Bradley",
                    "Stanley",
                    "Ashton",
                    "Hartley",
                    "Preston",
                    "Burton",
                    "Morley",
                    "Dudley",
                    "Walton",
                    "Hamilton",
                    "Gordon",
                    "Norton",
                    "Sutton",
                    "Kingston",
                    "Harrow",
                    "Hilton",
                    "Langley",
                ]
            )
        ],
        [
            [f"{w} Primary School", str(80 + n), str(n)]
            for n, w in enumerate(
                [
                    "George Stephenson",
                    "Florence Nightingale",
                    "Edith Cavell",
                    "Isaac Newton",
                    "William Harvey",
                    "Elizabeth Garrett",
                    "Thomas Bewick",
                    "Mary Seacole",
                ]
            )
        ],
    ],
)
def test_counts_by_ward_or_school_are_not_lists_of_people(rows: list[list[str]]) -> None:
    verdict = scan(_csv(["", "Meals served", "Change"], rows), "meals.csv")
    assert verdict.people == 0
    assert verdict.kinds == ()
    assert verdict.severity == "none"


# --- role mailboxes ------------------------------------------------------------------------

_LIBRARIES = ["Ashford", "Barnsley", "Central", "Ferndale", "Hilton", "Morley", "Walton"]


def test_a_list_of_library_mailboxes_is_not_a_contact_list_of_people() -> None:
    rows = [
        [f"{place} Library", f"{place.lower()}.library@council.gov.uk", "0300 123 4567"]
        for place in _LIBRARIES * 20
    ]
    rows += [
        ["Elections office", "elections@council.gov.uk", ""],
        ["FOI", "foirequests@example.police.uk", ""],
    ]
    verdict = scan(_csv(["Library", "Email", "Telephone"], rows), "libraries.csv")
    assert not [f for f in verdict.findings if f.entity == "EMAIL_ADDRESS"]
    assert verdict.people == 0
    assert verdict.severity in ("none", "low")


def test_a_person_s_own_mailbox_on_a_public_body_domain_still_counts() -> None:
    names = _names(30, seed=12)
    rows = [[n, f"{n.lower().replace(' ', '.')}@council.gov.uk"] for n in names]
    verdict = scan(_csv(["Library", "Email"], rows), "contacts.csv")
    emails = [f for f in verdict.findings if f.entity == "EMAIL_ADDRESS"]
    assert emails and emails[0].count == 30
    assert verdict.severity == "medium"


# --- look-alikes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Further reading: Policing in Context. London: Penguin, 2009. ISBN {isbn}",
        "Smith, J. (2012) Understanding Crime, 2nd edition, Oxford University Press, {isbn}",
        "See {dashed} for the companion volume.",
    ],
)
def test_isbns_on_a_hidden_slide_are_not_nhs_numbers(line: str) -> None:
    for isbn in _ISBNS:
        dashed = f"{isbn[0]}-{isbn[1:3]}-{isbn[3:9]}-{isbn[9]}"
        text = Text(line.format(isbn=isbn, dashed=dashed), Vector.HIDDEN_SLIDE, "slide 9")
        detector = Detector()
        detector.feed(text)
        evidence: Evidence = detector.finish()
        assert not [f for f in evidence.findings if f.entity == "UK_NHS"], line


def test_an_nhs_number_with_its_context_is_still_found() -> None:
    verdict = scan(f"Patient NHS number {_ISBNS[0]} was referred.".encode(), "note.txt")
    assert any(f.entity == "UK_NHS" for f in verdict.findings)


def _with_check(nine: str) -> str:
    check = (11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11) % 11
    return nine + str(check) if check < 10 else ""


@pytest.mark.parametrize(
    ("first", "found"),
    [
        (999_000_100, False),  # the range kept for test records
        (973_015_300, False),  # never issued
        (900_000_000, False),
        (485_777_300, True),  # England
        (634_892_000, True),
        (101_203_400, True),  # Scotland's CHI numbers share the shape, birth date first
        (251_627_300, False),  # in Scotland's range, but day 25 of month 16 is no date
        (310_203_400, False),  # 31 February
    ],
)
def test_test_patients_nhs_numbers_are_told_from_issued_ones(first: int, found: bool) -> None:
    numbers = [n for n in (_with_check(f"{first + 7 * k}") for k in range(20)) if n][:8]
    rows = [
        [f"upload/{number} {name}.pdf", number, "LG", "01/01/2023"]
        for number, name in zip(numbers, _names(8, seed=21), strict=True)
    ]
    verdict = scan(_csv(["FILEPATH", "NHS-NO", "SECTION", "SCAN-DATE"], rows), "metadata.csv")
    nhs = [f for f in verdict.findings if f.entity == "UK_NHS"]
    assert bool(nhs) is found
    assert (verdict.severity in ("high", "critical")) is found


def test_animals_dates_of_birth_are_not_people_s() -> None:
    rows = [
        [n.split()[0], species, f"{d:02d}/03/2019"]
        for n, species, d in zip(
            _names(12, seed=4), ["Giraffe", "Meerkat", "Red panda"] * 4, range(1, 13), strict=True
        )
    ]
    verdict = scan(_csv(["Animal name", "Species", "Date of birth"], rows), "zoo.csv")
    assert verdict.people == 0
    assert verdict.kinds == ()
    assert verdict.severity in ("none", "low")


# --- footer fields ----------------------------------------------------------------------------


@pytest.mark.parametrize("footer", ["Page &P", "Page &P of &N", "Sheet: &A", "Printed &D"])
def test_a_footer_of_field_codes_names_nobody(footer: str) -> None:
    data = _workbook([("Figures", [["Month", "Crimes"], ["January", "12"]], False)], footer)
    verdict = scan(data, "figures.xlsx")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.severity == "none"


def test_a_name_in_a_footer_is_still_read() -> None:
    data = _workbook(
        [("Figures", [["Month", "Crimes"], ["January", "12"]], False)],
        "Prepared by Jane Hartley, page &P",
    )
    verdict = scan(data, "figures.xlsx")
    assert [f for f in verdict.findings if f.entity == "PERSON"]


def test_species_given_with_their_latin_names_are_no_people() -> None:
    """An ecology report's species list, then the same birds in its text beside a site's
    address: "Willow Tit (Poecile montana)" names a species wherever the report names it."""
    species = [
        "Willow Tit (Poecile montana)",
        "Willow Warbler (Phylloscopus trochilus)",
        "Red Kite (Milvus milvus)",
        "Dusky Brocade (Apamea remissa)",
        "Grey Wagtail (Motacilla cinerea)",
        "Marsh Tit (Poecile palustris)",
        "Tree Sparrow (Passer montanus)",
        "Song Thrush (Turdus philomelos)",
    ]
    seen = " ".join(
        f"The {s.split(' (')[0]} was recorded at the pits near 12 Holwell Lane, Hertford SG14 2PL."
        for s in species
    )
    text = "Ecological survey of the parish\n" + "\n".join(species) + "\n\n" + seen + "\n"
    verdict = scan(text.encode(), "survey.txt")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
