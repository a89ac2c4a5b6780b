"""`-vv` shows leaksweep's own debug lines, never a library's (which quote scanned text)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RAW = ("MJ998877C", "siobhan.blackwood@gmail.com", "07700 900123", "Blackwood")


def test_debug_logging_never_prints_scanned_values(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Dear team,\nSiobhan Blackwood, NI number MJ998877C, email "
        "siobhan.blackwood@gmail.com, phone 07700 900123, asked for her file.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "-vv", "scan", str(letter), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "LEAKSWEEP_CONFIG": "", "PYTHONPATH": os.getcwd()},
        timeout=300,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "INFO presidio-analyzer" in result.stderr  # logging is on, libraries' INFO kept
    assert "UK_NINO" in result.stdout  # the NI number was found
    for raw in RAW:
        assert raw not in result.stderr
        assert raw not in result.stdout
