"""A pattern led by a lookbehind, searched only where its label occurs, finds what it found."""

from __future__ import annotations

import pytest
import regex

from detectors.engine import pattern_recognizers
from detectors.lookbehind import Gated, lookbehind_body
from detectors.recognizers import RECOGNIZERS

FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
"""presidio's flags for pattern recognizers."""


@pytest.mark.parametrize(
    ("pattern", "body"),
    [
        (r"(?<=a(b)c)d", "a(b)c"),
        (r"(?<=\()x", r"\("),
        (r"(?<=[)(])x", "[)(]"),
        (r"(?<=[]a)])x", "[]a)]"),
        (r"(?<=[^]])x", "[^]]"),
        (r"(?<=a|b)c", "a|b"),
        (r"(?<=(a|b))c(d|e)", "(a|b)"),
        (r"(?<=a)b|c", None),  # "c" needs no "a" before it
        (r"(?<!a)b", None),
        (r"x(?<=a)", None),
        (r"(?<=a", None),
    ],
)
def test_the_body_of_a_leading_lookbehind(pattern: str, body: str | None) -> None:
    assert lookbehind_body(pattern) == body


# Labelled values of each recognizer led by a lookbehind, look-alikes, labels far from values.
TEXTS = [
    "Crime ref: 12345/21 was closed.",
    "CRN 4012345/23 and crime number 12345/21.",
    "Occurrence ref 23000123456; incident no. 1234567.",
    "URN 42AB1234523 and Niche ref AB12345.",
    "The crime reference is given below.\n\nIt was 12345/21.",
    "crime ref 2021/22 and crime ref FOI 12345",
    "DOB: 12/03/1985, D.O.B 1 May 1980, date of birth 1980-05-01.",
    "born on 3 March 1975; b. 3.4.1950; birthday: March 3, 1975",
    "Appendix B. 3.3.18 and DOB\n\nnone given",
    "Warrant no. 123456, collar number 4521, payroll ref AB1234.",
    "Staff ID: 99881234 and service number 1234567",
    "Account No. 12345678 was frozen; A/C no 12345678.",
    "account number 12345678 sort code 20-00-00",
    "Prisoner number A1234BC, NOMIS: B4321CD and prison no. AB1234 were recalled.",
    "The prisoner number is held on file.\n\nA1234BC moved.",
    "Plain prose with 12345/21 and 12/03/1985 but no label at all.",
    "",
]
_GATED = sorted(
    {p.regex for spec in RECOGNIZERS for p in spec.patterns if lookbehind_body(p.regex)}
)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("pattern", _GATED)
def test_gated_pattern_finds_what_the_whole_pattern_finds(pattern: str) -> None:
    whole, gated = regex.compile(pattern, FLAGS), Gated(pattern, FLAGS)
    assert gated.gate is not None
    found = 0
    for text in TEXTS:
        expected = _spans(whole.finditer(text))
        assert _spans(gated.finditer(text, timeout=5)) == expected, text
        assert (gated.search(text) is None) == (not expected), text
        found += bool(expected)
    assert found, "the table must hold a text the pattern matches"


def test_leaksweeps_lookbehind_patterns_are_searched_gated() -> None:
    compiled = {
        p.regex: p.compiled_regex
        for r in pattern_recognizers()
        for p in getattr(r, "patterns", None) or ()
    }
    assert _GATED, "some recognizer leads with a lookbehind"
    assert all(isinstance(compiled[pattern], Gated) for pattern in _GATED)


EMAILS = [
    "Write to jane.doe@example.org or j@x.co.uk today.",
    "jane.doe(at)example.org and jane.doe at example dot org",
    "Handles such as @jane and user@localhost",
    "No address here: 12345/21, LS1 4AB.",
    "",
]


def test_email_pattern_is_searched_only_where_an_at_sign_is() -> None:
    [recognizer] = [r for r in pattern_recognizers() if "EMAIL_ADDRESS" in r.supported_entities]
    patterns = getattr(recognizer, "patterns", None) or ()
    assert patterns, "presidio's e-mail recognizer is a pattern recognizer"
    found = 0
    for pattern in patterns:
        gated = pattern.compiled_regex
        assert isinstance(gated, Gated) and gated.gate is not None
        whole = regex.compile(pattern.regex, FLAGS)
        for text in EMAILS:
            expected = _spans(whole.finditer(text))
            assert _spans(gated.finditer(text, timeout=5)) == expected, text
            found += bool(expected)
    assert found
