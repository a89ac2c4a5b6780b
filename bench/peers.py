"""The peer test suites: leaksweep's scan of other tools' public test files, scored by their
own expectations.

The suites (x-ray's PDFs of good and bad redactions, ExcelAnalyzer's spreadsheets with
hidden data) are third-party files and never enter this repository: FOLDER holds them as
`xray/` and `excel_analyzer/` with `expected.json` and `score.py` beside them. This runs
`leaksweep scan FOLDER/xray FOLDER/excel_analyzer --json --fail-on critical`, then
`score.py` on its output, prints what score.py prints (one line per file, then the total)
and exits with its status: 0 when every file is as expected.

    python bench/peers.py [FOLDER]     # default: ../shared/peers beside the repository
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = ("xray", "excel_analyzer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=ROOT.parent / "shared" / "peers",
        help="folder holding xray/, excel_analyzer/ and score.py (default: ../shared/peers)",
    )
    folder = parser.parse_args().folder.resolve()
    score = folder / "score.py"
    missing = [str(p) for p in (score, *(folder / s for s in SUITES)) if not p.exists()]
    if missing:
        print(f"peer suites not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    started = time.perf_counter()
    scanned = subprocess.run(
        [sys.executable, "-m", "crawler", "scan", *(str(folder / s) for s in SUITES),
         "--json", "--fail-on", "critical"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    try:
        documents = json.loads(scanned.stdout)["documents"]
    except (ValueError, KeyError):
        print(f"scan gave no JSON (exit {scanned.returncode}):", file=sys.stderr)
        print(scanned.stderr[-2000:], file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "peers.json"
        output.write_text(json.dumps({"documents": documents}), encoding="utf-8")
        scored = subprocess.run([sys.executable, str(score), str(output)], check=False)
    print(f"{len(documents)} documents scanned in {seconds:.1f} s")
    return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
