"""Hiding places in Office files written by other producers: does inspection report each one?

For every xlsx/xlsm, docx and pptx file in a folder (files we did not write: Excel's, Word's,
LibreOffice's, other libraries'), a deliberately simple check of the raw package parts says
which hiding places hold some text — a hidden worksheet, a hidden row or column with a value,
a comment, a pivot cache, a chart's string cache, an external link's cached cells, a defined
name, author metadata, hidden or deleted Word text, a hidden slide, speaker notes, a notes
page's header or footer. That check shares no code with the readers. Then the document's
inspector runs, and every hiding place the raw check found must come out of it with the right
vector. The figures: per vector, files where the parts show it, files where inspection
reported it, and the files missed (names only; no document content is printed).

    python bench/hiding_places.py FOLDER [--list]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import re  # noqa: E402
import zipfile  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402

MAX_PART = 64 * 2**20
"""Parts larger than this are not read by the raw check (the corpus holds zip bombs)."""

# The vectors a hiding place may legitimately be reported under.
ROW_VECTORS = {"hidden_row", "filtered_row", "collapsed_outline"}
COLUMN_VECTORS = {"hidden_column", "collapsed_outline", "concealed_format"}

_ATTRS = re.compile(r'([\w:]+)="([^"]*)"')
_TRUE = ("1", "true")


def _parts(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    return {info.filename: info for info in archive.infolist() if info.file_size <= MAX_PART}


def _read(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> str:
    info = parts.get(name)
    if info is None:
        return ""
    return archive.read(info).decode("utf-8", "replace")


def _attrs(tag: str) -> dict[str, str]:
    return {k.split(":")[-1]: v for k, v in _ATTRS.findall(tag)}


def _has_text(xml: str, tag: str = "t") -> bool:
    return any(t.strip() for t in re.findall(rf"<(?:\w+:)?{tag}(?:\s[^>]*)?>([^<]*)<", xml))


# -- xlsx ------------------------------------------------------------------------------------


def _shared_strings(xml: str) -> list[str]:
    return [
        "".join(re.findall(r"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<", si))
        for si in re.findall(r"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", xml, re.S)
    ]


def _cell_texts(row_xml: str, strings: list[str]) -> Iterator[tuple[str, str]]:
    """(column letters, text) of each cell holding a non-blank value."""
    for tag, body in re.findall(r"<(?:\w+:)?c(\s[^>]*)?(?:/>|>(.*?)</(?:\w+:)?c>)", row_xml, re.S):
        attributes = _attrs(tag or "")
        value = re.search(r"<(?:\w+:)?v>([^<]*)<", body or "")
        text = value.group(1) if value else "".join(re.findall(r"<(?:\w+:)?t[^>]*>([^<]*)<", body))
        if attributes.get("t") == "s" and text.strip().isdigit():
            index = int(text)
            text = strings[index] if index < len(strings) else ""
        if text.strip():
            yield re.sub(r"[^A-Z]", "", attributes.get("r", "")), text


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _sheet_targets(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    rels = _read(archive, parts, "xl/_rels/workbook.xml.rels")
    targets = {}
    for tag in re.findall(r"<Relationship\s[^>]*>", rels):
        a = _attrs(tag)
        if a.get("Type", "").endswith("/worksheet"):
            target = a.get("Target", "").lstrip("/")
            targets[a.get("Id", "")] = target if target.startswith("xl/") else "xl/" + target
    return targets


def xlsx_expected(archive: zipfile.ZipFile) -> set[str]:
    parts = _parts(archive)
    expected: set[str] = set()
    workbook = _read(archive, parts, "xl/workbook.xml")
    strings = _shared_strings(_read(archive, parts, "xl/sharedStrings.xml"))
    targets = _sheet_targets(archive, parts)
    for tag in re.findall(r"<(?:\w+:)?sheet\s[^>]*>", workbook):
        a = _attrs(tag)
        target = targets.get(a.get("id", ""))
        if target is None or target not in parts:
            continue
        state = a.get("state", "visible")
        if state in ("hidden", "veryHidden"):
            expected.add("hidden_sheet" if state == "hidden" else "very_hidden_sheet")
            continue
        sheet = _read(archive, parts, target)
        hidden_columns = [
            (int(c.get("min", "0")), int(c.get("max", "0")))
            for c in map(_attrs, re.findall(r"<(?:\w+:)?col\s[^>]*>", sheet))
            if c.get("hidden") in _TRUE
        ]
        for tag, body in re.findall(r"<(?:\w+:)?row(\s[^>]*)?>(.*?)</(?:\w+:)?row>", sheet, re.S):
            cells = list(_cell_texts(body, strings))
            if not cells:
                continue
            if _attrs(tag or "").get("hidden") in _TRUE:
                expected.add("hidden_row")
            elif any(
                a <= _column_number(letters) <= b for letters, _ in cells for a, b in hidden_columns
            ):
                expected.add("hidden_column")
    if any(
        re.match(r"xl/comments\d*\.xml$", n) and _has_text(_read(archive, parts, n)) for n in parts
    ):
        expected.add("comment")
    if any(re.match(r"xl/pivotCache/pivotCacheDefinition\d*\.xml$", n) for n in parts):
        expected.add("pivot_cache")
    for name in parts:
        if re.match(r"xl/charts/chart\d*\.xml$", name):
            for cache in re.findall(
                r"<c:strCache>(.*?)</c:strCache>", _read(archive, parts, name), re.S
            ):
                if _has_text(cache, "c:v") or _has_text(cache, "v"):
                    expected.add("chart_cache")
        link = re.match(r"xl/externalLinks/externalLink\d*\.xml$", name)
        if link and re.search(
            r"<(?:\w+:)?cell\s[^>]*>\s*<(?:\w+:)?v>[^<]*\S", _read(archive, parts, name)
        ):
            expected.add("external_link_cache")
    for tag, value in re.findall(r"<(?:\w+:)?definedName(\s[^>]*)>([^<]*)<", workbook):
        if not _attrs(tag).get("name", "").startswith("_xlnm.") and value.strip():
            expected.add("defined_name")
    if _has_text(_read(archive, parts, "docProps/core.xml"), "dc:creator"):
        expected.add("metadata")
    return expected


# -- docx and pptx --------------------------------------------------------------------------


def docx_expected(archive: zipfile.ZipFile) -> set[str]:
    parts = _parts(archive)
    document = _read(archive, parts, "word/document.xml")
    expected: set[str] = set()
    for run in re.findall(r"<w:r[ >].*?</w:r>", document, re.S):
        if re.search(r'<w:vanish/>|<w:vanish w:val="(?:1|true|on)"/>', run) and _has_text(
            run, "w:t"
        ):
            expected.add("hidden_text")
    if _has_text(document, "w:delText"):
        expected.add("tracked_change")
    if _has_text(_read(archive, parts, "word/comments.xml"), "w:t"):
        expected.add("comment")
    if _has_text(_read(archive, parts, "docProps/core.xml"), "dc:creator"):
        expected.add("metadata")
    return expected


def pptx_expected(archive: zipfile.ZipFile) -> set[str]:
    parts = _parts(archive)
    expected: set[str] = set()
    for name in parts:
        if re.match(r"ppt/slides/slide\d+\.xml$", name):
            slide = _read(archive, parts, name)
            head = re.search(r"<p:sld\s[^>]*>", slide)
            if (
                head
                and _attrs(head.group()).get("show") in ("0", "false")
                and _has_text(slide, "a:t")
            ):
                expected.add("hidden_slide")
        if re.match(r"ppt/notesSlides/notesSlide\d+\.xml$", name):
            for shape in re.findall(r"<p:sp>.*?</p:sp>", _read(archive, parts, name), re.S):
                kind = re.search(r'<p:ph\s[^>]*type="(\w+)"', shape)
                texts = re.findall(r"<a:t>([^<]*)<", shape)
                if not any(re.search(r"[A-Za-z]{2}", t) for t in texts):
                    continue
                if kind is None or kind.group(1) == "body":
                    expected.add("speaker_notes")
                elif kind.group(1) in ("hdr", "ftr", "dt"):
                    expected.add("metadata")
        if re.match(r"ppt/comments/", name) and _has_text(_read(archive, parts, name), "p:text"):
            expected.add("comment")
    if _has_text(_read(archive, parts, "docProps/core.xml"), "dc:creator"):
        expected.add("metadata")
    return expected


EXPECTED: dict[str, Callable[[zipfile.ZipFile], set[str]]] = {
    "xlsx": xlsx_expected,
    "docx": docx_expected,
    "pptx": pptx_expected,
}


def reported(data: bytes, name: str, fmt: str) -> set[str]:
    """The vectors of everything the format's inspector yields (tables' rows consumed)."""
    from detectors.formats import inspector_for
    from detectors.limits import Budget
    from detectors.model import Table

    inspector = inspector_for(fmt)
    assert inspector is not None
    vectors = set()
    for item in inspector(data, name, Budget()):
        vector = getattr(item, "vector", None)
        if vector is not None:
            vectors.add(str(vector))
        if isinstance(item, Table):
            for _ in item.rows:
                pass
    return vectors


def covered(vector: str, found: set[str]) -> bool:
    if vector == "hidden_row":
        return bool(found & ROW_VECTORS)
    if vector == "hidden_column":
        return bool(found & COLUMN_VECTORS)
    return vector in found


def main(folder: Path, listing: bool) -> None:
    from detectors.errors import InspectionError
    from detectors.formats import sniff

    seen: dict[str, int] = defaultdict(int)
    expected_in: dict[str, int] = defaultdict(int)
    reported_in: dict[str, int] = defaultdict(int)
    misses: dict[str, list[str]] = defaultdict(list)
    skipped = 0
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        data = path.read_bytes()
        fmt = sniff(data, path.name)
        if fmt not in EXPECTED:
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                expected = EXPECTED[fmt](archive)
            found = reported(data, path.name, fmt)
        except (zipfile.BadZipFile, InspectionError, OSError, ValueError, EOFError):
            skipped += 1  # unreadable, encrypted or refused: bench/realworld.py reports those
            continue
        seen[fmt] += 1
        for vector in expected:
            expected_in[vector] += 1
            if covered(vector, found):
                reported_in[vector] += 1
            else:
                misses[vector].append(path.name)
    print("files read: " + ", ".join(f"{fmt} {n}" for fmt, n in sorted(seen.items())))
    print(f"files the inspector or the raw check could not open: {skipped}")
    print(f"{'hiding place':<22} {'in parts':>9} {'reported':>9} {'missed':>7}")
    for vector in sorted(expected_in):
        missed = expected_in[vector] - reported_in[vector]
        print(f"{vector:<22} {expected_in[vector]:>9} {reported_in[vector]:>9} {missed:>7}")
        if listing:
            for name in misses[vector]:
                print(f"    missed: {name}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 1:
        sys.exit(__doc__)
    main(Path(arguments[0]), "--list" in sys.argv)
