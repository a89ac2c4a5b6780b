"""Imports run one way: console → crawler → alerts → detectors, and Scrapy stays at the edge.

The command line (`crawler/cli/`) sits above them all: it starts the console too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each package may never import (anywhere in it, at module level or inside a function).
FORBIDDEN = {
    "detectors": ("alerts", "crawler", "console", "scrapy", "scrapy_playwright"),
    "alerts": ("crawler", "console", "scrapy", "scrapy_playwright"),
    "crawler": ("console",),
}


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _wrong_way(package: str) -> list[str]:
    forbidden = set(FORBIDDEN[package])
    return sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / package).rglob("*.py")
        if not path.is_relative_to(ROOT / "crawler" / "cli")
        for name in _imported(path) & forbidden
    )


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_back_up(package: str) -> None:
    assert _wrong_way(package) == []


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from crawler.config import Config\n    import scrapy.http\n")
    assert _imported(module) == {"crawler", "scrapy"}
