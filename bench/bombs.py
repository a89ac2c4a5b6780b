"""Hostile documents: peak memory, time and verdict of scanning each, one fresh process per case.

Cases (each generated into a temporary folder, none kept unless --keep):
  pdf_stream     a 1 MB PDF whose page content stream inflates to 1 GiB, beside a page of text
  pdf_pages      4 MB of such pages (four content streams of 1 GiB each)
  zip_member     a zip whose member inflates at about 120:1 to about 1.9 GiB, beside a staff list
  xlsx_rows      a ~210 MB workbook: 858,000 staff (names, ranks, NI numbers) on a hidden sheet
  pdf_5000       a 5,000-page PDF, a name on every page
  xlsx_nested    a workbook embedding a zip that holds a zip whose member is a 1 GiB bomb
  xlsx_laughs    a workbook whose sheet and shared strings declare a billion-laughs DTD
  xlsx_deep      a workbook whose hidden sheet nests elements 100,000 deep, beside a staff list
  docx_xml       a ~1 MB Word file whose body part is 250 MB of XML (a tree would take GBs)
  zip_deep       zips nested twelve deep around a staff list

Each case is scanned by `detectors.scan.scan` in a fresh child process; the parent collects
the child's own resource usage with os.wait4 (its peak RSS, what getrusage reports for a
child) and its wall time. The child also reports the scan's wall time (without the imports
and model loading a crawl pays once), the status, severity, people, findings and unread parts.
A watchdog kills a child over --ceiling-mb of RSS or --timeout seconds so a case that would
take the machine down is recorded as such. Target for every case: peak RSS <= 1 GB, scan
time <= 35 s, the people beside the bomb still found (the case's "need" column), and the
verdict saying it was not fully read (a status other than `scanned`, or unread parts).

    python bench/bombs.py [case ...] [--keep DIR] [--code DIR] [--ceiling-mb 6000] [--timeout 180]

--keep writes the documents to DIR and reuses those already there; --code scans with the
leaksweep source tree in DIR (an older checkout, to compare) instead of this one.

Only figures, statuses and reasons are printed, never document contents.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import gzip  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Callable  # noqa: E402

MB = 1024 * 1024
GIB = 1024 * MB
TARGET_RSS_MB = 1024
TARGET_SECONDS = 35.0
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DATA = HERE.parent / "detectors" / "data"
RANKS = ("Constable", "Sergeant", "Inspector", "PCSO", "Police Staff")
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def _names(kind: str) -> list[str]:
    with gzip.open(DATA / f"{kind}.txt.gz", "rt", encoding="utf-8") as lines:
        words = [line.strip() for line in lines if line.strip().isalpha()]
    return [w.capitalize() for w in words[:3000]]


def _nino(rng: random.Random) -> str:
    prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
    if prefix in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
        prefix = "JK"
    return f"{prefix}{rng.randrange(10**6):06d}{rng.choice('ABCD')}"


# -- PDF ----------------------------------------------------------------------------------------


def _pdf(pages: list[bytes], compressed: frozenset[int] = frozenset()) -> bytes:
    """A PDF with one Helvetica font and the given page content streams (already deflated
    for the page indexes in `compressed`)."""
    count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(count))
        + f"] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        flate = b" /Filter /FlateDecode" if i in compressed else b""
        objects.append(
            f"<< /Length {len(content)}".encode() + flate + b" >>\nstream\n" + content
            + b"\nendstream"
        )  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _text_page(line: str) -> bytes:
    return f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()


def _deflated(pattern: bytes, size: int) -> bytes:
    """`pattern` repeated to `size` bytes, deflated as it goes (never held inflated)."""
    compressor = zlib.compressobj(9)
    block = pattern * (MB // len(pattern))
    out = [compressor.compress(block) for _ in range(size // len(block))]
    out.append(compressor.flush())
    return b"".join(out)


def build_pdf_stream(path: Path) -> None:
    bomb = _deflated(b"q Q ", GIB)
    path.write_bytes(
        _pdf(
            [_text_page("Complainant: John Smith, 14 Elm Grove, Ashford"), bomb],
            compressed=frozenset({1}),
        )
    )


def build_pdf_pages(path: Path) -> None:
    bomb = _deflated(b"q Q ", GIB)
    pages = [_text_page("Complainant: John Smith, 14 Elm Grove, Ashford"), bomb, bomb, bomb, bomb]
    path.write_bytes(_pdf(pages, compressed=frozenset({1, 2, 3, 4})))


def build_pdf_5000(path: Path) -> None:
    rng = random.Random(5)
    surnames, forenames = _names("surnames"), _names("forenames")
    pages = [
        _text_page(
            f"Page {n}: statement taken from {rng.choice(forenames)} {rng.choice(surnames)}"
            f" on {1 + n % 28} March about the incident."
        )
        for n in range(1, 5001)
    ]
    path.write_bytes(_pdf(pages))


# -- zip ----------------------------------------------------------------------------------------


def _staff_csv(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    surnames, forenames = _names("surnames"), _names("forenames")
    lines = ["Surname,Forename,Rank,NI number"]
    for _ in range(rows):
        lines.append(f"{rng.choice(surnames)},{rng.choice(forenames)},Constable,{_nino(rng)}")
    return ("\n".join(lines) + "\n").encode()


def _ratio_block(ratio: int) -> bytes:
    """1 MB of text that deflates about `ratio` times: a few random digits per kilobyte."""
    rng = random.Random(ratio)
    per_kb = max(1, 1024 * 9 // (ratio * 10))
    lines = []
    for _ in range(1024):
        digits = "".join(rng.choice("0123456789") for _ in range(per_kb))
        lines.append((digits + " " * (1023 - per_kb) + "\n").encode())
    return b"".join(lines)


def build_zip_member(path: Path) -> None:
    block = _ratio_block(120)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("staff.csv", _staff_csv(300))
        with archive.open("export.txt", "w", force_zip64=True) as member:
            for _ in range(1900):
                member.write(block)


# -- xlsx ---------------------------------------------------------------------------------------


def _xlsx_parts(sheets: list[tuple[str, str]]) -> dict[str, bytes]:
    """Package parts around (name, state) sheets; each sheet's XML is added by the caller as
    xl/worksheets/sheet{n}.xml."""
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    entries = "".join(
        f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"'
        + (f' state="{state}"' if state != "visible" else "")
        + "/>"
        for n, (name, state) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{types}</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">{rels}</Relationships>'.encode()
        ),
    }


def _row(number: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def _sheet(rows: list[list[str]]) -> bytes:
    body = "".join(_row(n, values) for n, values in enumerate(rows, start=1))
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'.encode()


SUMMARY = [["Rank", "Headcount"], ["Constable", "5,210"], ["Sergeant", "1,020"]]


def _staff_rows(count: int, seed: int = 3) -> list[list[str]]:
    rng = random.Random(seed)
    surnames, forenames = _names("surnames"), _names("forenames")
    rows = [["Surname", "Forename", "Rank", "NI number"]]
    rows += [
        [rng.choice(surnames), rng.choice(forenames), "Constable", _nino(rng)] for _ in range(count)
    ]
    return rows


def build_xlsx_rows(path: Path) -> None:
    rng = random.Random(858)
    surnames, forenames = _names("surnames"), _names("forenames")
    parts = _xlsx_parts([("Summary", "visible"), ("Data", "hidden")])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(SUMMARY))
        with archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member:
            member.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            header = ["Surname", "Forename", "Rank", "NI number"]
            header += [f"Ref {c}" for c in "ABCDEFGH"]
            member.write(_row(1, header).encode())
            batch = []
            for number in range(2, 858_002):
                refs = [f"{rng.getrandbits(128):032x}" for _ in range(8)]
                rank = rng.choice(RANKS)
                values = [rng.choice(surnames), rng.choice(forenames), rank, _nino(rng), *refs]
                batch.append(_row(number, values))
                if len(batch) == 10_000:
                    member.write("".join(batch).encode())
                    batch = []
            member.write(("".join(batch) + "</sheetData></worksheet>").encode())


def _with_parts(extra: dict[str, bytes], sheets: list[tuple[str, str, bytes]]) -> bytes:
    parts = _xlsx_parts([(name, state) for name, state, _ in sheets])
    for n, (_, _, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{n}.xml"] = xml
    parts.update(extra)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _zip_of(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(name, data)
    return out.getvalue()


def build_xlsx_nested(path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("zeros.txt", "w", force_zip64=True) as member,
    ):
        block = bytes(MB)
        for _ in range(1024):
            member.write(block)
    nested = _zip_of("inner.zip", out.getvalue())
    path.write_bytes(
        _with_parts(
            {"xl/embeddings/package.zip": nested},
            [
                ("Summary", "visible", _sheet(SUMMARY)),
                ("Staff", "hidden", _sheet(_staff_rows(150))),
            ],
        )
    )


def build_xlsx_laughs(path: Path) -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    dtd = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>'
    laughs = (
        f'{dtd}<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        "&l9;</t></is></c></row></sheetData></worksheet>"
    ).encode()
    strings = (
        f'{dtd}<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>'
    ).encode()
    path.write_bytes(
        _with_parts(
            {"xl/sharedStrings.xml": strings},
            [("Laughs", "visible", laughs), ("Staff", "hidden", _sheet(_staff_rows(150)))],
        )
    )


def build_xlsx_deep(path: Path) -> None:
    depth = 100_000
    deep = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t>'
        + "<r>" * depth
        + "</r>" * depth
        + "</is></c></row></sheetData></worksheet>"
    ).encode()
    path.write_bytes(
        _with_parts(
            {},
            [("Deep", "hidden", deep), ("Staff", "hidden", _sheet(_staff_rows(150)))],
        )
    )


def build_docx_xml(path: Path) -> None:
    from crawler.demo.builders.docx import build_docx, paragraph

    with zipfile.ZipFile(io.BytesIO(build_docx([paragraph("Dear John Smith,")]))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = paragraph("The committee met on Monday to discuss the figures for the year. " * 3)
    head, _, tail = parts["word/document.xml"].partition(b"</w:body>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            block = body.encode() * 1000
            while member._file_size < 250 * MB:  # type: ignore[attr-defined]
                member.write(block)
            member.write(b"</w:body>" + tail)


def build_zip_deep(path: Path) -> None:
    data = _zip_of("staff.csv", _staff_csv(200))
    for level in range(11):
        data = _zip_of(f"level{level}.zip", data)
    path.write_bytes(data)


CASES: dict[str, tuple[str, Callable[[Path], None], int]] = {
    "pdf_stream": ("bomb.pdf", build_pdf_stream, 1),
    "pdf_pages": ("bombs.pdf", build_pdf_pages, 1),
    "zip_member": ("export.zip", build_zip_member, 300),
    "xlsx_rows": ("staff.xlsx", build_xlsx_rows, 1000),
    "pdf_5000": ("statements.pdf", build_pdf_5000, 1000),
    "xlsx_nested": ("nested.xlsx", build_xlsx_nested, 150),
    "xlsx_laughs": ("laughs.xlsx", build_xlsx_laughs, 150),
    "xlsx_deep": ("deep.xlsx", build_xlsx_deep, 150),
    "docx_xml": ("long.docx", build_docx_xml, 0),
    "zip_deep": ("deep.zip", build_zip_deep, 0),
}
"""Case -> (file name, builder, people that must still be found: what lies beside the bomb)."""


# -- measuring ------------------------------------------------------------------------------------

CHILD = """
import json, sys, time
from detectors.scan import scan
scan(b"Dear Alex Morgan, please call 01632 960123 on Monday.", "warm.txt")
path = sys.argv[1]
data = open(path, "rb").read()
assert scan.__module__ == "detectors.scan"
start = time.monotonic()
verdict = scan(data, path.rsplit("/", 1)[-1])
seconds = time.monotonic() - start
print(json.dumps({
    "seconds": seconds, "status": str(verdict.status), "error": verdict.error,
    "severity": str(verdict.severity), "people": verdict.people,
    "findings": sum(f.count for f in verdict.findings),
    "unread": [f"{u.where}: {u.reason}" for u in getattr(verdict, "unread", ())],
}))
"""


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(path: Path, code: Path, ceiling_mb: float, timeout: float) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code))
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=code,  # `python -c` puts the working folder first on the path
    )
    killed: list[str] = []
    done = threading.Event()

    def watch() -> None:
        # Never polls the child: os.wait4 below must be the one to reap it, for its usage.
        while not done.wait(0.05):
            if _rss_mb(child.pid) > ceiling_mb:
                killed.append(f"killed over {ceiling_mb:,.0f} MB")
            elif time.monotonic() - start > timeout:
                killed.append(f"killed after {timeout:,.0f} s")
            else:
                continue
            os.kill(child.pid, 9)
            return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    assert child.stdout is not None
    output = child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    done.set()
    child.returncode = 0
    wall = time.monotonic() - start
    watcher.join()
    result: dict[str, object] = {"peak_mb": usage.ru_maxrss / 1024, "wall": wall}
    if killed:
        result["status"] = killed[0]
        return result
    try:
        result.update(json.loads(output.decode().strip().splitlines()[-1]))
    except (ValueError, IndexError):
        result["status"] = "crashed"
    return result


def _verdict(result: dict[str, object], need: int) -> str:
    seconds = result.get("seconds")
    people = result.get("people")
    ok = (
        isinstance(seconds, float)
        and seconds <= TARGET_SECONDS
        and float(result["peak_mb"]) <= TARGET_RSS_MB  # type: ignore[arg-type]
        and isinstance(people, int)
        and people >= need
        and (result.get("status") != "scanned" or bool(result.get("unread")))
    )
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cases", nargs="*", help=f"some of: {', '.join(CASES)} (default all)")
    parser.add_argument("--keep", type=Path, help="write the documents here and keep them")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="source tree to scan with")
    parser.add_argument("--ceiling-mb", type=float, default=6000.0)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()
    names = args.cases or list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; cases: {', '.join(CASES)}")
    with tempfile.TemporaryDirectory(prefix="bombs-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in names:
            filename, build, need = CASES[name]
            path = folder / filename
            if not path.exists():
                print(f"building {name}...", file=sys.stderr, flush=True)
                build(path)
            print(f"scanning {name}...", file=sys.stderr, flush=True)
            result = measure(path, args.code, args.ceiling_mb, args.timeout)
            rows.append((name, need, result))
            _print_row(name, path.stat().st_size, need, result)
    failed = [name for name, need, result in rows if _verdict(result, need) == "FAIL"]
    print(f"\n{len(rows) - len(failed)}/{len(rows)} PASS (peak RSS <= {TARGET_RSS_MB} MB, scan "
          f"<= {TARGET_SECONDS:g} s, people found >= need, not fully read said)"
          + (f"; FAIL: {', '.join(failed)}" if failed else ""))  # fmt: skip


_HEADER_DONE: list[bool] = []


def _print_row(name: str, size: int, need: int, result: dict[str, object]) -> None:
    if not _HEADER_DONE:
        print(
            f"{'case':<12} {'file MB':>8} {'peak MB':>8} {'scan s':>7} {'wall s':>7}  "
            f"{'status':<10} {'severity':<9} {'people':>7} {'need':>5}  verdict"
        )
        _HEADER_DONE.append(True)
    seconds = result.get("seconds")
    scan_s = f"{seconds:7.1f}" if isinstance(seconds, float) else f"{'-':>7}"
    print(
        f"{name:<12} {size / MB:8.1f} {float(result['peak_mb']):8.0f} {scan_s} "  # type: ignore[arg-type]
        f"{float(result['wall']):7.1f}  {result.get('status', '?')!s:<10} "  # type: ignore[arg-type]
        f"{result.get('severity', '-')!s:<9} {result.get('people', '-')!s:>7} {need:>5}  "
        f"{_verdict(result, need)}",
        flush=True,
    )
    if result.get("error"):
        print(f"{'':<12} error: {result['error']}")
    for part in list(result.get("unread", []))[:3]:  # type: ignore[call-overload]
        print(f"{'':<12} unread: {part}")


if __name__ == "__main__":
    main()
