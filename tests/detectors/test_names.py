from __future__ import annotations

import pytest

from detectors.names import (
    AllowList,
    NameForm,
    is_forename,
    is_surname,
    looks_like_name,
    parse_name,
)


@pytest.mark.parametrize(
    ("cell", "surname", "forenames"),
    [
        ("John Smith", "smith", ("john",)),
        ("SMITH, John", "smith", ("john",)),
        ("Smith J", "smith", ("j",)),
        ("SMITH JA", "smith", ("j", "a")),
        ("J. Smith", "smith", ("j",)),
        ("SMITH John", "smith", ("john",)),
        ("SMITH", "smith", ()),
        ("Det Chief Insp Jane O'Neill", "oneill", ("jane",)),
        ("PC 1234 Smith", "smith", ()),
        ("Mr John SMITH", "smith", ("john",)),
        ("Maria De Souza", "desouza", ("maria",)),
        ("Seán Murphy", "murphy", ("sean",)),
        ("Ofc. Will Ray", "ray", ("will",)),
        ("Dep. Darren Sartin (U.S. Marshal)", "sartin", ("darren",)),
        ("Lt. Ann Berry (TCSO)", "berry", ("ann",)),
        ("SMITH, John (TSG)", "smith", ("john",)),
    ],
)
def test_parse_name_reads_the_usual_table_forms(
    cell: str, surname: str, forenames: tuple[str, ...]
) -> None:
    name = parse_name(cell)
    assert name is not None
    assert (name.surname, name.forenames) == (surname, forenames)


@pytest.mark.parametrize(
    "cell",
    [
        "Constable",
        "Chief Superintendent",
        "Acting Chief Inspector",
        "Lt. (TCSO)",
        "Jane Smith (Leader)",
        "1234",
        "(blank)",
        "Theft from vehicle",
        "",
        "a, b, c",
    ],
)
def test_ranks_numbers_and_phrases_are_not_names(cell: str) -> None:
    assert parse_name(cell) is None


def test_a_lone_rank_word_is_a_surname_in_a_surname_column() -> None:
    name = parse_name("LORD", NameForm.SURNAME)
    assert name is not None and name.surname == "lord"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("John Smith", True),
        ("SMITH, Sarah", True),
        ("Patel A", True),
        ("Norwich", False),
        ("March", False),
        ("Burglary", False),
        ("Criminal Damage", False),
        ("Grand Total", False),
        ("White British", False),
        ("Sergeant", False),
        ("Jubilee House", False),
        ("Kings Lynn", False),
    ],
)
def test_looks_like_name(cell: str, expected: bool) -> None:
    assert looks_like_name(cell) is expected


@pytest.mark.parametrize(
    ("token", "forename", "surname"),
    [
        ("Sarah", True, False),
        ("Wilkinson", False, True),
        ("Constable", False, False),
        ("January", False, False),
        ("Norwich", False, False),
    ],
)
def test_gazetteer(token: str, forename: bool, surname: bool) -> None:
    assert (is_forename(token), is_surname(token)) == (forename, surname)


@pytest.mark.parametrize(
    ("cell", "covered"),
    [("Simon Bailey", True), ("BAILEY, Simon", True), ("Sarah Bailey", False), ("Bailey S", True)],
)
def test_allow_list_matches_a_name_in_any_form(cell: str, covered: bool) -> None:
    allow = AllowList(frozenset({"Chief Constable Simon Bailey"}))
    name = parse_name(cell)
    assert name is not None
    assert allow.covers(name) is covered
