"""Precision on real public documents: how many alerts are false alarms, how many leaks found.

Scans every file under FOLDER (a folder rebuilt by `bench/realdocs/rebuild.py`: one file per
document, named `<id>.<format>`) in watched worker processes (`bench/watched.py`), then joins
each verdict with the manifest (which group a document belongs to) and the hand labels
(`exposure` or `clean`, and for a clean document rated medium or above, the class of false
alarm). It prints:

- the severity distribution (and the files not scanned, by status);
- the false-alarm share of medium+ verdicts (labelled clean / labelled), by class;
- the medium+ share of clean documents, overall, for the UK police and public-body groups
  together (every group named `uk_*` except `uk_analysis`, third parties' work) and per
  group, by class;
- the real exposures found (medium+) and missed (below medium, or not scanned);
- every medium+ verdict without a label: each must be read and labelled.

A document without a label that is rated below medium counts as clean: labels are needed for
every medium+ verdict and for every exposure. `--list` adds one line per false alarm (id,
class, severity, what triggered it: kinds, and the largest findings as entity/vector x count).
Only figures, ids, kinds, entity and vector names are printed, never document contents or
findings' examples. Exit status 0.

    python bench/precision.py FOLDER [--labels bench/realdocs/labels.csv]
        [--manifest bench/realdocs/manifest.csv] [--only heldout|tuned|all]
        [--heldout bench/realdocs/heldout.txt] [--workers 2] [--watchdog 120]
        [--out FILE] [--results FILE ...] [--list]

--only restricts the scan and every figure to the held-out documents (the ids listed in
`bench/realdocs/heldout.txt`, or the list `--heldout` names, such as `heldout2.txt` for the
second round; `tuned` leaves out the ids of every `heldout*.txt`: documents added after the
recognizers were tuned, kept to report
figures on documents the rules never saw), to the others (`tuned`), or takes all (default).

--out writes one JSON line per file as it completes; --results reads such lines instead of
scanning (several files may be given; a later line for the same id wins), to re-read the
figures after labelling without scanning again.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any, TextIO  # noqa: E402

from bench.watched import run_watched  # noqa: E402

SEVERITIES = ("none", "low", "medium", "high", "critical")
ALERTING = frozenset(("medium", "high", "critical"))
CLASSES = (
    "public_role",
    "place_or_org",
    "role_mailbox",
    "topic_category",
    "wrong_kind",
    "lookalike",
    "hidden_nothing",
    "footer",
    "unread_part",
    "other",
)
UK_PUBLIC = "UK police and public bodies"
"""Every `uk_*` group but `uk_analysis` (students', charities' and researchers' own work)."""
DEFAULT_LABELS = HERE / "realdocs" / "labels.csv"
DEFAULT_MANIFEST = HERE / "realdocs" / "manifest.csv"
DEFAULT_HELDOUT = HERE / "realdocs" / "heldout.txt"
SUBSETS = ("all", "heldout", "tuned")


@dataclass(frozen=True)
class Result:
    """One file's verdict, reduced to what the figures need (no examples, no contents)."""

    id: str
    status: str
    severity: str = "none"
    format: str = ""
    people: int = 0
    kinds: tuple[str, ...] = ()
    special: tuple[str, ...] = ()
    """Special categories (health, ethnicity, child...) the verdict reports."""
    findings: tuple[tuple[str, str, int], ...] = ()
    """(entity, vector or vector/inner vector, count), largest count first."""
    unreadable: tuple[str, ...] = ()
    """Parts the assessment counts as not read ("vector: detail"), which alone rate medium."""

    @property
    def alerting(self) -> bool:
        return self.severity in ALERTING

    def trigger(self, top: int = 3) -> str:
        kinds = ",".join(self.kinds) or "-"
        special = f" special {','.join(self.special)};" if self.special else ""
        found = " ".join(f"{entity}/{vector}x{count}" for entity, vector, count in self.findings)
        if len(self.findings) > top:
            found = " ".join(f"{e}/{v}x{c}" for e, v, c in self.findings[:top]) + " ..."
        parts = f"; unread part {self.unreadable[0]}" if self.unreadable else ""
        return f"kinds {kinds};{special} {found or 'no findings'}{parts}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "status": self.status,
                "severity": self.severity,
                "format": self.format,
                "people": self.people,
                "kinds": list(self.kinds),
                "special": list(self.special),
                "findings": [list(finding) for finding in self.findings],
                "unreadable": list(self.unreadable),
            }
        )

    @classmethod
    def from_json(cls, line: str) -> Result:
        raw = json.loads(line)
        return cls(
            id=raw["id"],
            status=raw["status"],
            severity=raw.get("severity", "none"),
            format=raw.get("format", ""),
            people=raw.get("people", 0),
            kinds=tuple(raw.get("kinds", ())),
            special=tuple(raw.get("special", ())),
            findings=tuple((e, v, int(c)) for e, v, c in raw.get("findings", ())),
            unreadable=tuple(raw.get("unreadable", ())),
        )


@dataclass(frozen=True)
class Label:
    id: str
    truth: str
    klass: str
    note: str


Summary = tuple[str, str, str, int, list[str], list[str], list[tuple[str, str, int]], list[str]]


def summarise(path: str) -> Summary:
    """In a worker: scan one file; (status, severity, format, people, kinds, special categories,
    findings, unread parts)."""
    from detectors.scan import scan

    verdict = scan(Path(path).read_bytes(), Path(path).name)
    merged: Counter[tuple[str, str]] = Counter()
    for finding in verdict.findings:
        vector = str(finding.vector)
        if finding.inner_vector is not None:
            vector += "/" + str(finding.inner_vector)
        merged[(finding.entity, vector)] += finding.count
    findings = [(entity, vector, count) for (entity, vector), count in merged.most_common()]
    unread = sorted({f"{u.where}: {u.reason}" for u in verdict.unread})
    return (
        str(verdict.status),
        str(verdict.severity),
        verdict.format,
        verdict.people,
        list(verdict.kinds),
        list(verdict.special_categories),
        findings,
        unread,
    )


def scan_folder(
    files: list[Path], workers: int, watchdog: float, out: TextIO | None
) -> list[Result]:
    results: list[Result] = []

    def keep(result: Result) -> None:
        results.append(result)
        if out is not None:
            out.write(result.to_json() + "\n")
            out.flush()
        if len(results) % 50 == 0:
            print(f"  {len(results):,} / {len(files):,} files", file=sys.stderr, flush=True)

    def answered(path: Path, answer: Any) -> None:
        if answer[0] == "exception":
            keep(Result(path.stem, "exception"))
            return
        status, severity, fmt, people, kinds, special, findings, unread = answer
        found = tuple((e, v, int(c)) for e, v, c in findings)
        keep(Result(path.stem, status, severity, fmt, people, tuple(kinds), tuple(special), found,
                    tuple(unread)))  # fmt: skip

    def failed(path: Path, status: str, error: str, wall: float) -> None:
        keep(Result(path.stem, status))

    run_watched(files, workers, watchdog, summarise, answered, failed)
    return results


def read_manifest(path: Path) -> dict[str, str]:
    """id -> group."""
    if not path.exists():
        return {}
    with path.open(newline="") as handle:
        return {row["id"]: row["group"] for row in csv.DictReader(handle)}


def read_labels(path: Path) -> dict[str, Label]:
    if not path.exists():
        return {}
    labels: dict[str, Label] = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            truth = row["truth"].strip()
            if truth not in ("exposure", "clean"):
                print(f"labels: {row['id']}: truth {truth!r} is neither exposure nor clean")
                continue
            klass = (row.get("class") or "").strip()
            if klass and klass not in CLASSES:
                print(f"labels: {row['id']}: unknown class {klass!r}")
            labels[row["id"]] = Label(row["id"], truth, klass, row.get("note", ""))
    return labels


def read_heldout(path: Path) -> frozenset[str]:
    """The held-out ids, one a line (blank lines and `#` comments skipped)."""
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return frozenset(line for line in lines if line)


def every_heldout(path: Path) -> frozenset[str]:
    """The ids of every held-out list beside `path` (`heldout*.txt`), and `path`'s own: a
    document held out from any round of tuning is no tuned one."""
    lists = {path, *path.parent.glob("heldout*.txt")}
    return frozenset(doc_id for listed in lists for doc_id in read_heldout(listed))


def selected(
    doc_id: str, only: str, heldout: frozenset[str], held_any: frozenset[str] = frozenset()
) -> bool:
    """Whether a document belongs to the subset `only` (all, heldout or tuned)."""
    if only == "heldout":
        return doc_id in heldout
    if only == "tuned":
        return doc_id not in heldout and doc_id not in held_any
    return True


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else f"{part}/0"


def _uk_public(group: str) -> bool:
    return group.startswith("uk_") and group != "uk_analysis"


def _group_scopes(
    groups: dict[str, str], results: Iterable[Result]
) -> list[tuple[str, Callable[[str], bool]]]:
    """The UK police and public-body groups together, then every group on its own."""
    scopes: list[tuple[str, Callable[[str], bool]]] = [(UK_PUBLIC, _uk_public)]
    for group in sorted({groups.get(result.id, "unknown") for result in results}):
        scopes.append((group, lambda g, group=group: g == group))
    return scopes


def report(
    results: Iterable[Result], groups: dict[str, str], labels: dict[str, Label], listing: bool
) -> None:
    results = sorted(results, key=lambda result: result.id)
    statuses = Counter(result.status for result in results)
    severities = Counter(result.severity for result in results if result.status == "scanned")
    print(
        f"{len(results)} documents; statuses: "
        + ", ".join(f"{s} {n}" for s, n in statuses.most_common())
    )
    print("severity (scanned): " + ", ".join(f"{s} {severities[s]}" for s in SEVERITIES))

    alerting = [result for result in results if result.alerting]
    labelled = [result for result in alerting if result.id in labels]
    false_alarms = [result for result in labelled if labels[result.id].truth == "clean"]
    print()
    print(f"medium+ verdicts: {len(alerting)} ({len(labelled)} labelled)")
    print(f"false-alarm share of medium+: {_share(len(false_alarms), len(labelled))}")
    by_class = Counter(labels[result.id].klass or "unclassified" for result in false_alarms)
    for klass, count in by_class.most_common():
        print(f"  {klass:<16} {_share(count, len(labelled))}")
    print("false-alarm share of medium+, by group:")
    for name, test in _group_scopes(groups, labelled):
        members = [result for result in labelled if test(groups.get(result.id, "unknown"))]
        wrong = [result for result in members if labels[result.id].truth == "clean"]
        print(f"  {name:<28} {_share(len(wrong), len(members))}")

    def clean(result: Result) -> bool:
        label = labels.get(result.id)
        if label is not None:
            return label.truth == "clean"
        return not result.alerting  # unlabelled and below medium: counted clean

    print()
    print("medium+ share of clean documents:")
    scopes: list[tuple[str, list[Result]]] = [("all", [r for r in results if clean(r)])]
    scopes.append((UK_PUBLIC, [r for r in scopes[0][1] if _uk_public(groups.get(r.id, ""))]))
    for group in sorted({groups.get(result.id, "unknown") for result in results}):
        scopes.append((group, [r for r in scopes[0][1] if groups.get(r.id, "unknown") == group]))
    for name, members in scopes:
        flagged = [result for result in members if result.alerting]
        print(f"  {name:<28} {_share(len(flagged), len(members))}")
        if name in ("all", UK_PUBLIC):
            for klass, count in Counter(
                labels[r.id].klass or "unclassified" for r in flagged
            ).most_common():
                print(f"    {klass:<26} {_share(count, len(members))}")

    exposures = [
        result
        for result in results
        if result.id in labels and labels[result.id].truth == "exposure"
    ]
    found = [result for result in exposures if result.alerting]
    print()
    print(f"real exposures: {len(exposures)} labelled, {len(found)} found at medium+, "
          f"{len(exposures) - len(found)} missed")  # fmt: skip
    for result in exposures:
        if not result.alerting:
            print(f"  missed {result.id} ({groups.get(result.id, 'unknown')}, {result.status}, "
                  f"{result.severity}): {result.trigger()}")  # fmt: skip
    missing = sorted(set(labels) - {result.id for result in results})
    if missing:
        print(
            f"labels for documents not in the results: {len(missing)} "
            f"({', '.join(missing[:10])}...)"
        )

    unlabelled = [result for result in alerting if result.id not in labels]
    print()
    print(f"unlabelled medium+ verdicts: {len(unlabelled)}")
    for result in unlabelled:
        print(
            f"  {result.id} ({groups.get(result.id, 'unknown')}, {result.severity}): "
            f"{result.trigger()}"
        )

    if listing:
        print()
        print("false alarms by class:")
        for result in sorted(false_alarms, key=lambda r: (labels[r.id].klass, r.id)):
            group = groups.get(result.id, "unknown")
            print(f"  {result.id} {labels[result.id].klass or 'unclassified'} ({group}, "
                  f"{result.severity}): {result.trigger()}")  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--watchdog", type=float, default=120.0, help="seconds per file")
    parser.add_argument("--out", type=Path, help="write one JSON line per file here")
    parser.add_argument("--results", type=Path, action="append", help="read these, do not scan")
    parser.add_argument("--list", action="store_true", help="one line per false alarm")
    parser.add_argument("--only", choices=SUBSETS, default="all",
                        help="held-out documents only, tuned ones only, or all")  # fmt: skip
    parser.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT,
                        help="the held-out ids, one a line")  # fmt: skip
    args = parser.parse_args(argv)
    groups = read_manifest(args.manifest)
    heldout = read_heldout(args.heldout)
    held_any = every_heldout(args.heldout)
    if args.only != "all" and not heldout:
        parser.error(f"--only {args.only}: no held-out ids in {args.heldout}")
    labels = {
        doc_id: label
        for doc_id, label in read_labels(args.labels).items()
        if selected(doc_id, args.only, heldout, held_any)
    }
    started = time.monotonic()
    if args.results:
        by_id: dict[str, Result] = {}
        for path in args.results:
            for line in path.read_text().splitlines():
                if line.strip():
                    result = Result.from_json(line)
                    by_id[result.id] = result
        results = [r for r in by_id.values() if selected(r.id, args.only, heldout, held_any)]
    else:
        files = sorted(
            path
            for path in args.folder.rglob("*")
            if path.is_file() and selected(path.stem, args.only, heldout, held_any)
        )
        if not files:
            parser.error(f"no files under {args.folder} (--only {args.only})")
        if args.out:
            with args.out.open("w") as out:
                results = scan_folder(files, args.workers, args.watchdog, out)
        else:
            results = scan_folder(files, args.workers, args.watchdog, None)
    unknown = [result.id for result in results if result.id not in groups]
    if unknown:
        print(f"{len(unknown)} files not in the manifest (group 'unknown')")
    if args.only != "all":
        print(f"--only {args.only}: {len(results)} documents ({len(heldout)} ids held out)")
    report(results, groups, labels, args.list)
    if not args.results:
        print(f"\n{len(results):,} files in {time.monotonic() - started:,.0f} s wall, "
              f"{args.workers} workers")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
