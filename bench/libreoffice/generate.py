"""Build the LibreOffice benchmark: documents made by LibreOffice itself through UNO.

Every leak class (hidden staff rosters, case records in pivot caches, failed redactions, a
member of the public in a comment, concealed "Name, dd/mm/yyyy" cells, a sex-offender list)
and its clean look-alikes, saved as xlsx, ods, xls, docx, odt, doc, pptx, odp, ppt and pdf
with LibreOffice's own filters, plus truth.json (what a perfect scanner concludes per file).
People and layouts come from this folder only, not from the test corpora.

Needs Debian's libreoffice-calc-nogui, libreoffice-writer-nogui, libreoffice-impress-nogui
and python3-uno, and runs under the system python (which has `uno`); Faker is taken from
the system python or, failing that, from the project's .venv. poppler-utils' pdftotext,
when present, checks that the planted text is really in each PDF.

    /usr/bin/python3 bench/libreoffice/generate.py OUT_DIR [--seed N]
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
try:
    import faker  # noqa: F401
except ImportError:  # the project's virtualenv has it, for the same Python version
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    sys.path += glob.glob(str(_HERE.parents[1] / ".venv" / "lib" / version / "site-packages"))

from cases import Case, catalogue  # noqa: E402
from office import Office, store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the documents and truth.json")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    office = Office()
    files: list[dict[str, object]] = []
    try:
        for index, case in enumerate(catalogue(), 1):
            try:
                files += _make(office, case, index, args.seed * 1000 + index, out)
            except Exception as failure:  # one broken case must not lose the others
                print(f"case {index} {case.cls} ({case.variant}) failed: {failure}")
                office.close()
                office = Office()
    finally:
        office.close()
    truth = {
        "generator": "bench/libreoffice/generate.py",
        "libreoffice": _version(),
        "seed": args.seed,
        "files": files,
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    leaky = sum(1 for f in files if f["leaky"])
    unverified = [f["file"] for f in files if f["check"] == "absent"]
    print(
        f"{len(files)} files ({leaky} leaky, {len(files) - leaky} clean) in {out}, "
        f"{time.perf_counter() - started:.0f} s"
    )
    for name in unverified:
        print(f"WARNING: planted data not found in {name}")
    return 0


def _make(office: Office, case: Case, index: int, seed: int, out: Path) -> list[dict[str, object]]:
    built = case.build(office, seed)
    made = []
    try:
        for key in case.formats:
            ext = key.rsplit(".", 1)[-1]
            name = f"{index:02d}-{case.cls}-{_slug(case.variant)}.{ext}"
            path = out / name
            store(built.doc, path, key)
            check = _check(path, ext, built.probes) if case.leaky else "clean"
            leaky, people, floor, variant = case.leaky, built.people, case.floor, case.variant
            if ext in case.shown_in:
                floor = case.shown_floor
                variant += " (this format cannot hide it: it shows)"
            if check == "absent" and case.absent_is_clean:
                leaky, people, floor, check = False, 0, "none", "clean"
                variant += " (no copy of the source rows kept in this format)"
            made.append(
                {
                    "file": name,
                    "class": case.cls if leaky or not case.leaky else f"clean_{case.cls}",
                    "variant": variant,
                    "format": ext,
                    "leaky": leaky,
                    "kind": case.kind if leaky else "",
                    "special_categories": list(built.special) if leaky else [],
                    "severity_floor": floor if leaky else "none",
                    "severity_ceiling": "critical" if leaky else "low",
                    "people": people,
                    "check": check,
                }
            )
            print(f"  {name}: {'leaky' if leaky else 'clean'}, {people} people, {check}")
    finally:
        built.doc.close(True)
    return made


def _check(path: Path, ext: str, probes: tuple[str, ...]) -> str:
    """'present' when most planted strings are in the saved file, 'absent', or 'unchecked'."""
    text = _text(path, ext)
    if text is None or not probes:
        return "unchecked"
    found = sum(1 for probe in probes if probe in text)
    return "present" if found * 2 > len(probes) else "absent"


def _text(path: Path, ext: str) -> str | None:
    data = path.read_bytes()
    if ext in ("xlsx", "docx", "pptx", "ods", "odt", "odp"):
        with zipfile.ZipFile(path) as package:
            parts = [package.read(n).decode("utf-8", "ignore") for n in package.namelist()]
        xml = "\n".join(parts)
        attributes = "\n".join(re.findall(r'="([^"]*)"', xml))
        return html.unescape(re.sub(r"<[^>]+>", "", xml) + "\n" + attributes)
    if ext in ("xls", "doc", "ppt"):  # one byte per character or UTF-16LE
        return "\n".join(
            (
                data.decode("latin-1"),
                data.decode("utf-16-le", "ignore"),
                data[1:].decode("utf-16-le", "ignore"),
            )
        )
    if ext == "pdf" and shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
        return done.stdout.decode("utf-8", "ignore")
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _version() -> str:
    soffice = shutil.which("soffice")
    if not soffice:
        return ""
    done = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
