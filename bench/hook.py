"""From a CMS's publish-hook call to the alert email, for one newly published leaky file.

A real `leaksweep serve` process, a local force website and an SMTP server, all on
127.0.0.1. Each round publishes a new disclosure-log entry whose CSV attachment holds
synthetic victims' details, calls POST /api/v1/published for the entry, and times until the
alert email for that file reaches the SMTP server. Prints the median and worst of RUNS
rounds against the 30 s target.

    python bench/hook.py [RUNS]
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from faker import Faker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.testsite import LocalSite  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
TARGET_S = 30.0
TIMEOUT_S = 180.0
TOKEN = "bench-hook-token-" + os.urandom(8).hex()


class Inbox:
    def __init__(self) -> None:
        self.subjects: list[tuple[float, str]] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        with self.arrived:
            self.subjects.append((time.perf_counter(), str(message["Subject"])))
            self.arrived.notify_all()
        return "250 Message accepted"

    def wait_for(self, name: str, deadline: float) -> float | None:
        with self.arrived:
            while True:
                for at, subject in self.subjects:
                    if name in subject:
                        return at
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.arrived.wait(left)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def leaky_csv(seed: int) -> str:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rows = ["Name,Date of birth,Home address,Email"] + [
        f"{fake.first_name()} {fake.last_name()},{fake.date_of_birth().strftime('%d/%m/%Y')},"
        f'"{fake.street_address()}",{fake.user_name()}@example.org'
        for _ in range(40)
    ]
    return "\n".join(rows) + "\n"


def post(base: str, url: str) -> dict[str, Any]:
    request = urllib.request.Request(
        base + "/api/v1/published",
        data=json.dumps({"url": url}).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/login", timeout=2):
                return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    raise SystemExit("the console did not start")


def main() -> None:
    inbox = Inbox()
    smtp_port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder, LocalSite() as site:
        site.page("/", "Bench Constabulary", "<p>Home</p>")
        config = Path(folder) / "leaksweep.toml"
        config.write_text(
            f'data_dir = "{folder}/data"\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n'
            'sender = "leaksweep@bench.example"\n'
            f'[[sites]]\nname = "bench"\nstart_urls = ["{site.url("/")}"]\n'
            'allowed_domains = ["127.0.0.1"]\nrecipients = ["web@bench.example"]\n'
            "allow_private = true\n",
            encoding="utf-8",
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LEAKSWEEP_HOOK_TOKEN": TOKEN}
        command = [sys.executable, "-m", "crawler", "--config", str(config), "serve"]
        server = subprocess.Popen(
            [*command, "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL
        )
        try:
            wait_until_up(base, server)
            for n in range(RUNS):
                entry = f"/foi/disclosure-log/2025/bench-{n}/"
                name = f"bench-{n}-victims.csv"
                site.put(f"/assets/{name}", leaky_csv(n), "text/csv")
                site.page(entry, f"FOI {n}", f'<a href="/assets/{name}">Reply</a>')
                while True:
                    started = time.perf_counter()
                    try:
                        post(base, site.url(entry))
                        break
                    except urllib.error.HTTPError as error:
                        if error.code != 429:
                            raise
                        time.sleep(6)  # the hook's rate limit: ten calls a minute
                arrived = inbox.wait_for(name, started + TIMEOUT_S)
                if arrived is None:
                    raise SystemExit(f"round {n}: no email within {TIMEOUT_S:.0f} s")
                timings.append(arrived - started)
                print(f"round {n + 1:2d}: {timings[-1]:.2f} s", flush=True)
        finally:
            server.terminate()
            server.wait(30)
            smtp.stop()
    median, worst = statistics.median(timings), max(timings)
    verdict = "within" if worst < TARGET_S else "OVER"
    print(
        f"hook call -> alert email, {len(timings)} rounds: median {median:.2f} s, "
        f"worst {worst:.2f} s ({verdict} the {TARGET_S:.0f} s target)"
    )


if __name__ == "__main__":
    main()
