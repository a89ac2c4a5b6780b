from __future__ import annotations

from collections.abc import Sequence

import pytest

import detectors.detect
import detectors.limits
import detectors.prose
import detectors.prose_batch
import detectors.prose_scan
import detectors.scan
import detectors.tables
from detectors.columns import Cue, judge_column
from detectors.detect import Detector
from detectors.limits import WHOLE_CELL_CHARS, Budget, Limits
from detectors.model import Status, Table, Text, Vector
from detectors.names import AllowList, parse_name
from detectors.prose import Match
from detectors.prose_names import could_hold_name
from detectors.scan import scan
from detectors.tables import PROSE_CELL_CHARS, assess_table


class Countdown(Budget):
    """A budget that runs out after a set number of checks, whatever the clock says."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks
        self.activities: list[str | None] = []

    def check(self, activity: str | None = None) -> None:
        self.activities.append(activity)
        self.left -= 1
        if self.left < 0:
            self.deadline = float("-inf")
        super().check(activity)


class SpentOnDetection(Budget):
    """Time enough to inspect, none left to detect."""

    def check(self, activity: str | None = None) -> None:
        if activity is not None:
            self.deadline = float("-inf")
        super().check(activity)


def names_found(texts: Sequence[str]) -> list[list[Match]]:
    return [[Match("PERSON", t.index("John"), t.index("Smith") + 5, 0.85)] for t in texts]


def test_detection_stops_between_slices_and_keeps_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(detectors.prose_batch, "SLICE_CHARS", 10)
    seen: list[str] = []

    def find(texts: Sequence[str]) -> list[list[Match]]:
        seen.extend(texts)
        return names_found(texts)

    detector = Detector(find=find, budget=Countdown(checks=1))
    for page in range(3):
        detector.feed(Text(f"Page {page}: John Smith called.", Vector.PAGE_TEXT, f"page {page}"))
    evidence = detector.finish()
    assert seen == ["Page 0: John Smith called."]
    assert [f.where for f in evidence.findings] == ["page 0"]
    assert detector.stopped is not None
    assert "budget" in detector.stopped and "findings so far are kept" in detector.stopped


def test_without_a_budget_detection_reads_everything() -> None:
    detector = Detector(find=names_found)
    for page in range(3):
        detector.feed(Text(f"Page {page}: John Smith called.", Vector.PAGE_TEXT, f"page {page}"))
    assert len(detector.finish().findings) == 3
    assert detector.stopped is None


def test_text_repeated_on_every_page_is_analysed_once() -> None:
    seen: list[str] = []

    def find(texts: Sequence[str]) -> list[list[Match]]:
        seen.extend(texts)
        return names_found(texts)

    detector = Detector(find=find)
    footer = "Prepared by John Smith for the records office."
    for page in range(4):
        detector.feed(Text(footer, Vector.PAGE_TEXT, f"page {page}"))
    evidence = detector.finish()
    assert seen == [footer]
    assert len(evidence.findings) == 4  # still reported on every page


def test_scan_reports_too_large_when_detection_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detectors.scan, "Budget", SpentOnDetection)
    text = b"Dear Mr Jones,\n\nI met Jane Brown at 12 Acacia Avenue last week.\n"
    verdict = scan(text, "letter.txt")
    assert verdict.status is Status.TOO_LARGE
    assert verdict.error is not None
    assert "30 s budget while checking the text" in verdict.error
    assert "Brown" not in verdict.error


def test_table_rows_stop_when_budget_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detectors.tables, "ROWS_PER_CHECK", 50)
    surnames = ["Smith", "Jones", "Taylor", "Brown", "Wilson"]
    rows = [(f"{surnames[i % 5]}", f"{chr(65 + i % 26)}", f"{10000 + i}") for i in range(1000)]
    table = Table("sheet 'Raw'", Vector.HIDDEN_SHEET, ("Surname", "Initial", "Staff ID"), rows)
    evidence = assess_table(table, AllowList(), budget=Countdown(checks=4))
    assert evidence.stopped is not None and "reading table rows" in evidence.stopped
    person = next(hit for hit in evidence.hits if hit.entity == "PERSON")
    assert person.count == 200  # four checks: rows 0, 50, 100 and 150 passed, 200 did not


def test_detector_keeps_table_findings_and_raises_too_large() -> None:
    rows = [("Smith", "J", f"{10000 + i}") for i in range(30)]
    table = Table("sheet 'Raw'", Vector.HIDDEN_SHEET, ("Surname", "Initial", "Staff ID"), rows)
    budget = Countdown(checks=0)
    detector = Detector(budget=budget)
    with pytest.raises(detectors.detect.DocumentTooLarge):
        detector.feed(table)
    assert detector.stopped is not None
    assert budget.activities[0] == detectors.tables.TABLE_ACTIVITY


def test_long_cells_are_not_judged_as_whole_values() -> None:
    long_name = "John Smith " * 30_000
    assert parse_name(long_name) is None
    column = judge_column("Name", [long_name] * 10)
    assert column.cue is not Cue.NAME
    # Long cells count in the sample: a few names among many notes do not make a name column.
    mixed = judge_column("", ["John Smith", *(["Jane Brown " * 40] * 9)])
    assert mixed.cue is not Cue.NAME
    short = judge_column("Name", ["John Smith", "Jane Brown", "Alan Jones"])
    assert short.cue is Cue.NAME


def test_long_cells_are_read_as_prose_once_each() -> None:
    giant = "Jane Brown was seen. " * 20_000
    note = "Witness John Smith said the car was blue. " * 10
    assert len(note) > WHOLE_CELL_CHARS
    rows = [("1", giant), ("2", giant), ("3", note), ("4", "short")]
    table = Table("sheet 'Log'", Vector.HIDDEN_SHEET, ("Ref", "Details"), rows)
    evidence = assess_table(table, AllowList())
    texts = [text for _, text in evidence.prose]
    assert texts == [giant[:PROSE_CELL_CHARS], note]
    assert all("'Details'" in where for where, _ in evidence.prose)

    seen: list[str] = []

    def find(batch: Sequence[str]) -> list[list[Match]]:
        seen.extend(batch)
        return [[] for _ in batch]

    detector = Detector(find=find)
    detector.feed(Table("sheet 'Log'", Vector.HIDDEN_SHEET, ("Ref", "Details"), rows))
    detector.finish()
    assert sorted(seen) == sorted(texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers spoke to John Smith on Monday.", True),
        ("A report by Ms O'Neill of the unit.", True),
        ("the smith made tools; john was there", False),
        ("def read(self, offset: int) -> bytes: return self._buf[offset:]", False),
        ("Total 1,234 12.5% 56 78", False),
        ("", False),
    ],
)
def test_could_hold_name(text: str, expected: bool) -> None:
    assert could_hold_name(text) is expected


def test_long_cells_read_as_prose_up_to_a_total_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(detectors.detect, "CELL_PROSE_CHARS", 2_500)
    seen: list[str] = []

    def find(batch: Sequence[str]) -> list[list[Match]]:
        seen.extend(batch)
        return [[] for _ in batch]

    detector = Detector(find=find)
    for sheet in range(5):
        note = f"Sheet {sheet} note. " + "Nothing to add here. " * 50
        rows = [("1", note)]
        detector.feed(Table(f"sheet '{sheet}'", Vector.CELL, ("Ref", "Details"), rows))
    detector.finish()
    assert len(seen) == 2  # about 1,070 characters each: the third would pass 2,500
    assert all(text.startswith(("Sheet 0", "Sheet 1")) for text in seen)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("chars", "seconds", "given_back"),
    [
        (1_400_000, 31.0, 31.0),  # a 200-page register: all its text time comes back
        (100_000, 10.0, 3.0),  # slow for its size: only 30 s a million characters
        (10_000_000, 200.0, 90.0),  # never more than 90 s in all
    ],
)
def test_text_checked_gives_its_time_back_up_to_the_limits(
    monkeypatch: pytest.MonkeyPatch, chars: int, seconds: float, given_back: float
) -> None:
    clock = Clock()
    monkeypatch.setattr(detectors.limits.time, "monotonic", clock)
    budget = Budget()
    deadline = budget.deadline
    started = clock.now
    clock.now += seconds
    budget.text_read(started, chars)
    assert budget.deadline - deadline == pytest.approx(given_back)
    assert budget.text_spent == pytest.approx(given_back)


def test_a_long_text_is_read_to_its_end_when_the_model_is_slow_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each slice takes a second of a five-second budget: without the time given back, the
    text would be cut after five slices and called unread."""
    clock = Clock()
    monkeypatch.setattr(detectors.limits.time, "monotonic", clock)
    monkeypatch.setattr(detectors.prose_scan.time, "monotonic", clock)
    monkeypatch.setattr(detectors.prose_batch, "SLICE_CHARS", 1_000)

    def slow(texts: Sequence[str], check: object = None) -> list[list[Match]]:
        assert callable(check)
        check()
        clock.now += 1.0
        return names_found(texts)

    monkeypatch.setattr(detectors.prose, "find_entities", slow)
    budget = Budget(Limits(time_budget_s=5.0, text_time_s=1_000.0))
    detector = Detector(budget=budget)
    page = "John Smith wrote the minutes. " + "The meeting went on. " * 50
    for number in range(20):
        detector.feed(Text(f"{page} Page {number}.", Vector.PAGE_TEXT, f"page {number}"))
    detector.finish()
    assert detector.stopped is None
    cut = Detector(budget=Budget(Limits(time_budget_s=5.0, text_time_s=0.0)))
    for number in range(20):
        cut.feed(Text(f"{page} Page {number}.", Vector.PAGE_TEXT, f"page {number}"))
    cut.finish()
    assert cut.stopped is not None
