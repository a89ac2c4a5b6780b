"""A real `leaksweep serve` process on 127.0.0.1 over a real SQLite file, for console tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "alerts"))

ROOT = Path(__file__).parents[2]
HOOK_TOKEN = "hook-token-for-tests-0123456789abcdef"
PASSWORD = "a long test password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Console:
    base: str
    process: subprocess.Popen[bytes]
    log: Path


def write_config(path: Path, data_dir: Path, extra: str = "") -> Path:
    path.write_text(f'data_dir = "{data_dir}"\n{extra}', encoding="utf-8")
    return path


@pytest.fixture
def start_console(tmp_path: Path) -> Iterator[object]:
    """Starts `leaksweep --config FILE serve` and waits until it answers; stops it after."""
    started: list[Console] = []

    def start(config: Path) -> Console:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LEAKSWEEP_HOOK_TOKEN": HOOK_TOKEN}
        command = [sys.executable, "-m", "crawler", "--config", str(config), "serve"]
        with log.open("wb") as out:
            process = subprocess.Popen(
                [*command, "--port", str(port), "--insecure-cookies"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        console = Console(f"http://127.0.0.1:{port}", process, log)
        started.append(console)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(console.base + "/login", timeout=2):
                    return console
            except (urllib.error.URLError, OSError):
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"the console did not start: {log.read_text(errors='replace')}")

    yield start
    for console in started:
        console.process.terminate()
        try:
            console.process.wait(15)
        except subprocess.TimeoutExpired:
            console.process.kill()
            console.process.wait()
