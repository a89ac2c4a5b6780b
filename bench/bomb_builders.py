"""The hostile documents `bench/bombs.py` measures: each builder writes one case to a path.

Every document is generated here, none is kept in the repository: PDF content streams that
inflate to a gibibyte, zips and workbooks nested around bombs, billion-laughs and deeply nested
XML, a 5,000-page PDF, a 210 MB workbook of invented staff.
"""

from __future__ import annotations

import gzip
import io
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024
GIB = 1024 * MB
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
