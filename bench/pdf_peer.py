"""PDF speed beside a peer: leaksweep and x-ray (Free Law Project, on PyMuPDF) on the same PDFs.

Every PDF in FOLDER is read in one process, warm (one untimed pass first), then timed
`--repeat` times (each file's best time is kept: the machine may be shared), by
- x-ray's `inspect` (bad redactions only: its whole job),
- leaksweep's `detectors.scan.scan` (every hiding place, then the personal-data detection),
  with the fast page reader and with the reference reader (pdfminer alone),
- leaksweep's PDF reading alone (`inspect_pdf`, no detection), with each reader.
It prints the seconds per file and the median of each column, then compares the two readers:
any finding, structure or item the fast reader loses (or adds) against the reference is listed.
`--profile` adds where the fast reader's time goes and where the detection's time goes (cProfile
over one more pass of every file; stages nest, so their times overlap). `--cpu` times with the
process's CPU clock instead of the wall clock: on a shared machine it is the steadier figure.

    python bench/pdf_peer.py [FOLDER] [--repeat N] [--cpu]   # default: ../shared/peers/xray, 3

x-ray is a development dependency (`pip install -e .[dev]`).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detectors.formats.pdf import inspect_pdf  # noqa: E402
from detectors.formats.pdf._fast import reference_reader  # noqa: E402
from detectors.limits import Budget, Limits  # noqa: E402
from detectors.scan import scan  # noqa: E402

COLUMNS = ("x-ray", "scan fast", "scan ref", "read fast", "read ref")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=ROOT.parent / "shared" / "peers" / "xray",
        help="folder of PDFs, read recursively (default: ../shared/peers/xray)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--profile", action="store_true", help="where the time goes")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not wall-clock time")
    args = parser.parse_args()
    folder = args.folder.resolve()
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
    if not files:
        print(f"no PDFs in {folder}", file=sys.stderr)
        return 2
    try:
        import xray
    except ImportError:
        print("x-ray is not installed: pip install -e .[dev]", file=sys.stderr)
        return 2
    loop = asyncio.new_event_loop()
    documents = [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in files]
    runs: dict[str, Callable[[bytes, str], Any]] = {
        "x-ray": lambda data, _name: loop.run_until_complete(xray.inspect(data)),
        "scan fast": lambda data, name: scan(data, name),
        "scan ref": lambda data, name: _reference(scan, data, name),
        "read fast": lambda data, name: _read(data, name),
        "read ref": lambda data, name: _reference(_read, data, name),
    }
    for name, data in documents:  # warm-up: imports, models, caches
        for run in runs.values():
            run(data, name)
    seconds: dict[str, list[float]] = {column: [] for column in COLUMNS}
    results: dict[str, dict[str, Any]] = {}
    clock = time.process_time if args.cpu else time.perf_counter
    kind = "CPU" if args.cpu else "wall-clock"
    print(f"best of {max(args.repeat, 1)} timed passes, {kind} seconds per file")
    print(f"{'file':<44}" + "".join(f"{c:>11}" for c in COLUMNS) + "   x-ray pages")
    for name, data in documents:
        results[name] = {}
        for column, run in runs.items():
            best = float("inf")
            for _ in range(max(args.repeat, 1)):
                started = clock()
                results[name][column] = run(data, name)
                best = min(best, clock() - started)
            seconds[column].append(best)
        row = "".join(f"{seconds[c][-1]:>11.4f}" for c in COLUMNS)
        print(f"{name[:43]:<44}{row}   {len(results[name]['x-ray'])}")
    medians = "".join(f"{statistics.median(seconds[c]):>11.4f}" for c in COLUMNS)
    print(f"{'median s per file':<44}{medians}")
    totals = "".join(f"{sum(seconds[c]):>11.3f}" for c in COLUMNS)
    print(f"{'total s':<44}{totals}")
    loop.close()
    if args.profile:
        _profile(documents)
    return _compare(results)


def _read(data: bytes, name: str) -> list[Any]:
    return list(inspect_pdf(data, name, Budget(Limits())))


STAGES = {
    "pages: pdfminer reads objects (fonts, resources)": ("pdfdocument.py", "getobj"),
    "pages: qpdf tokenises content": ("_fast.py", "_program"),
    "pages: pdfminer tokenises content (fallback)": ("pdfinterp.py", "execute"),
    "pages: text laid out": ("_fast.py", "render_string"),
    "pages: paths and images": ("_layout.py", "paint_path"),
    "glyphs judged (covers, colour, crop)": ("_layout.py", "sort_glyphs"),
    "covers located": ("_layout.py", "covering_boxes"),
    "ruled tables": ("_tables.py", "grids"),
    "lines joined": ("_layout.py", "text_of"),
    "annotations (pikepdf)": ("_objects.py", "inspect_annotations"),
    "metadata (pikepdf)": ("_objects.py", "inspect_metadata"),
    "earlier revisions re-read": ("__init__.py", "_prior_revisions"),
    "all of inspect_pdf": ("pdf_peer.py", "_read"),
}


DETECTION_STAGES = {
    "prose: pattern prefilter": ("prose.py", "may_match"),
    "prose: name prefilter": ("prose_names.py", "could_hold_name"),
    "prose: tokenised": ("language.py", "make_doc"),
    "prose: pattern recognizers (first pass)": ("prose.py", "_patterned"),
    "prose: labels searched before lookbehind patterns": ("lookbehind.py", "_open"),
    "prose: context words foreseen (tagging skipped)": ("prose_context.py", "possible"),
    "prose: spaCy pipes (NER; tagger and lemmatizer)": ("language.py", "pipe"),
    "prose: presidio analyze": ("analyzer_engine.py", "analyze"),
    "prose: names from the gazetteer": ("prose_names.py", "find_names"),
    "prose: all of find_entities": ("prose.py", "find_entities"),
    "prose: matches judged": ("prose_scan.py", "_judge"),
    "tables and lines read as tables": ("detect.py", "_feed_table"),
    "all of detection (Detector.finish)": ("detect.py", "finish"),
    "all of scan": ("scan.py", "scan"),
}


def _profile(documents: list[tuple[str, bytes]]) -> None:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    for name, data in documents:
        _read(data, name)
    profiler.disable()
    _print_stages("where the fast reader's time goes", profiler, STAGES)
    profiler = cProfile.Profile()
    profiler.enable()
    for name, data in documents:
        scan(data, name)
    profiler.disable()
    _print_stages("where a scan's time goes", profiler, DETECTION_STAGES)


def _print_stages(title: str, profiler: Any, stages: dict[str, tuple[str, str]]) -> None:
    import pstats

    stats: dict[tuple[str, int, str], Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    print(f"\n{title} (cumulative s under cProfile, stages overlap)")
    for stage, (filename, function) in stages.items():
        spent = sum(
            row[3]
            for (path, _line, name), row in stats.items()
            if name == function and path.endswith(filename)
        )
        print(f"  {stage:<52}{spent:>8.3f}")


def _reference(run: Callable[[bytes, str], Any], data: bytes, name: str) -> Any:
    with reference_reader():
        return run(data, name)


def _compare(results: dict[str, dict[str, Any]]) -> int:
    """Findings, structures and read items of the fast reader against the reference."""
    differing = 0
    for name, result in results.items():
        pairs = {
            "finding": (result["scan ref"].findings, result["scan fast"].findings),
            "structure": (result["scan ref"].structures, result["scan fast"].structures),
            "item": (result["read ref"], result["read fast"]),
        }
        for kind, (reference, fast) in pairs.items():
            lost = Counter(map(repr, reference)) - Counter(map(repr, fast))
            added = Counter(map(repr, fast)) - Counter(map(repr, reference))
            if lost or added:
                differing += 1
                print(f"{name}: {sum(lost.values())} {kind}s lost, {sum(added.values())} added")
        if result["scan ref"].status != result["scan fast"].status:
            differing += 1
            print(f"{name}: status {result['scan ref'].status} became {result['scan fast'].status}")
    findings = sum(len(r["scan ref"].findings) for r in results.values())
    if differing:
        print(f"fast reader differs from the reference on {differing} counts")
        return 1
    print(f"fast reader: same findings as the reference ({findings} findings, none lost)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
