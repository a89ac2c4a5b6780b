from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawler.cli import main
from crawler.demo.people import Population
from crawler.demo.site import build_site


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    data = tmp_path_factory.mktemp("demo") / "data"
    result = CliRunner().invoke(main, ["demo", "--data", str(data)])
    return result, data


def planted_raw_values(seed: int = 2023) -> set[str]:
    """The raw values the demo plants, rebuilt the way the site builds them."""
    population = Population(seed)
    officers = population.officers(480)
    records = population.case_records(260)
    paid = population.officers(120)
    values = {f"{o.forename} {o.surname}" for o in officers + paid}
    values |= {f"{r.forename} {r.surname}" for r in records}
    values |= {r.crime_reference for r in records}
    values |= {r.postcode for r in records}
    values |= {r.date_of_birth.strftime("%d/%m/%Y") for r in records}
    return values


def test_demo_finds_the_three_planted_leaks_and_flags_nothing_clean(
    demo_run: tuple[Result, Path],
) -> None:
    result, data = demo_run
    assert result.exit_code == 0, result.output
    assert "3 of 3 planted leaks found, 0 clean files flagged" in result.output
    assert (data / "leaksweep.db").exists()


def test_demo_writes_alert_emails(demo_run: tuple[Result, Path]) -> None:
    _, data = demo_run
    emails = sorted((data / "outbox").glob("*.eml"))
    assert len(emails) >= 3
    assert all(e.stat().st_mode & 0o077 == 0 for e in emails)


def test_no_raw_planted_value_in_database_outbox_or_output(
    demo_run: tuple[Result, Path],
) -> None:
    result, data = demo_run
    values = planted_raw_values()
    assert len(values) > 1000
    stored = [p for p in data.rglob("*") if p.is_file() and "quarantine" not in p.parts]
    assert stored
    blobs = [p.read_bytes() for p in stored] + [result.output.encode()]
    leaked = {v for v in values for blob in blobs if v.encode() in blob}
    assert not leaked, f"{len(leaked)} raw values leaked"


def test_demo_site_is_deterministic() -> None:
    first, second = build_site(5), build_site(5)
    assert first.resources.keys() == second.resources.keys()
    assert [p.path for p in first.planted] == [p.path for p in second.planted]
    assert len(first.planted) == 3
    assert len([p for p in first.resources if "/disclosure-log/20" in p]) >= 19


def test_demo_leaves_the_console_runnable(demo_run: tuple[Result, Path]) -> None:
    import re

    from alerts.store import Store
    from console.users import check_password
    from crawler.config import load_config

    result, data = demo_run
    assert "serve --insecure-cookies" in result.output
    assert "http://127.0.0.1:8400/" in result.output
    [password] = re.findall(r"sign in as demo / ([a-z-]+)", result.output)
    config = load_config(data / "leaksweep.toml")
    assert config.data_dir == data.resolve() and config.sites[0].name == "demo"
    store = Store(config.database)
    user = check_password(store, "demo", password)
    assert user is not None and user.can_act
    [stored] = store.db.execute("SELECT password_hash FROM users").fetchone()
    assert stored.startswith("$argon2id$") and password not in stored
