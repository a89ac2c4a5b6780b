from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from faker import Faker

from crawler.cli import COMMANDS, main

DOCUMENT_KEYS = {
    "source",
    "sha256",
    "format",
    "status",
    "error",
    "severity",
    "people",
    "kinds",
    "special_categories",
    "findings",
}
FINDING_KEYS = {"entity", "vector", "hidden", "where", "count", "score", "example"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docs")
    fake = Faker("en_GB")
    fake.seed_instance(7)
    staff = ["Name,Rank,Department,Email"] + [
        f"{fake.first_name()} {fake.last_name()},Constable,Response,"
        f"{fake.user_name()}@example.police.uk"
        for _ in range(60)
    ]
    paths = {
        "clean": folder / "counts.csv",
        "staff": folder / "nested" / "staff.csv",
        "corrupt": folder / "broken.xlsx",
    }
    paths["clean"].write_text("Month,Burglary,Robbery\nApril,12,3\nMay,15,<5\nJune,9,4\n")
    paths["staff"].parent.mkdir()
    paths["staff"].write_text("\n".join(staff) + "\n")
    paths["corrupt"].write_bytes(b"PK\x03\x04" + b"\x00garbage" * 40)
    return paths


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["scan", *args])
    return result.exit_code, result.output


def test_clean_file_exits_zero_with_the_json_schema(files: dict[str, Path]) -> None:
    code, output = run(str(files["clean"]), "--json")
    assert code == 0
    [document] = json.loads(output)["documents"]
    assert DOCUMENT_KEYS <= set(document)
    assert document["status"] == "scanned" and document["severity"] == "none"
    assert document["format"] == "csv" and len(document["sha256"]) == 64


def test_staff_list_exits_one_with_masked_findings(files: dict[str, Path]) -> None:
    code, output = run(str(files["staff"]), "--json")
    assert code == 1
    [document] = json.loads(output)["documents"]
    assert document["severity"] in ("medium", "high", "critical")
    assert document["people"] >= 50
    assert document["findings"]
    for finding in document["findings"]:
        assert FINDING_KEYS <= set(finding)
        assert "*" in finding["example"]
    raw_names = {line.split(",")[0] for line in files["staff"].read_text().splitlines()[1:]}
    assert not any(name in output for name in raw_names)


def test_corrupt_file_exits_two_with_a_reason(files: dict[str, Path]) -> None:
    code, output = run(str(files["corrupt"]), "--json")
    assert code == 2
    [document] = json.loads(output)["documents"]
    assert document["status"] == "unreadable"
    assert document["error"] and "\n" not in document["error"]


def test_folder_is_scanned_recursively_and_findings_win_over_errors(
    files: dict[str, Path],
) -> None:
    code, output = run(str(files["clean"].parent), "--json")
    sources = {Path(d["source"]).name for d in json.loads(output)["documents"]}
    assert sources == {"counts.csv", "staff.csv", "broken.xlsx"}
    assert code == 1


def test_fail_on_raises_the_bar(files: dict[str, Path]) -> None:
    code, output = run(str(files["staff"]), "--json", "--fail-on", "critical")
    severity = json.loads(output)["documents"][0]["severity"]
    assert code == (1 if severity == "critical" else 0)


def test_a_broken_link_in_a_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "counts.csv").write_text("Area,Count\nNorth,3\nSouth,4\n")
    (tmp_path / "reply.xlsx").symlink_to(tmp_path / "gone.xlsx")
    code, output = run(str(tmp_path), "--json")
    statuses = {Path(d["source"]).name: d["status"] for d in json.loads(output)["documents"]}
    assert statuses == {"counts.csv": "scanned", "reply.xlsx": "unreadable"}
    assert code == 2


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nope.xlsx"))
    assert code == 2
    assert "no such file" in output


def test_human_output_names_the_document(files: dict[str, Path]) -> None:
    code, output = run(str(files["staff"]))
    assert code == 1
    assert "staff.csv" in output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3
    found = main.get_command(click.Context(main), command)
    assert found is not None and (found.help or "").strip()


def test_every_command_module_is_registered() -> None:
    folder = Path(__file__).parents[2] / "crawler" / "cli"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules == set(COMMANDS)
    assert "alerts" in CliRunner().invoke(main, ["--help"]).output


def test_a_csv_or_plain_workbook_is_scanned_without_loading_the_language_model(
    tmp_path: Path,
) -> None:
    # Tables are judged by column; the NLP stack is loaded only when prose needs it.
    (tmp_path / "counts.csv").write_text("Station,Crimes\nNorwich,120\nIpswich,98\n")
    probe = (
        "import sys; from click.testing import CliRunner; from crawler.cli import main; "
        f"r = CliRunner().invoke(main, ['scan', {str(tmp_path / 'counts.csv')!r}, '--json']); "
        "print(r.exit_code, 'presidio_analyzer' in sys.modules, 'spacy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.split() == ["0", "False", "False"]


def test_human_output_names_hiding_places_even_when_nothing_personal_is_in_them(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Month", "Burglary"])
    sheet.append(["April", 12])
    spare = book.create_sheet("Workings")
    spare.append(["Month", "Total"])
    spare.append(["April", 40])
    spare.sheet_state = "hidden"
    path = tmp_path / "counts.xlsx"
    book.save(path)
    result = CliRunner().invoke(main, ["scan", str(path)], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "hiding places, nothing personal found in them: hidden sheet" in result.output
    assert "0 with personal data" in result.output


def test_commands_start_without_loading_nlp_or_scrapy() -> None:
    """presidio, spaCy and Scrapy load when a scan or crawl starts, not for every command."""
    import subprocess
    import sys

    heavy = "('presidio_analyzer', 'spacy', 'scrapy')"
    probe = f"import sys, crawler.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
