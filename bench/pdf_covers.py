"""PDF cover judging speed: pages of text over backgrounds that each glyph is tested against.

Cases (ten A4 pages, 68 lines of 9 pt text each, about 55,000 glyphs):
  plain   text over a grey page-sized box
  ring    text over a grey box painted through a ring-shaped clip (two ellipses of 300 points)
  rings   three such backgrounds, one over the other
  ink     the ring-clipped box in the text's own colour: every glyph is tested against the
          ring (the words on the ring are hidden, those in its hole are not)

Prints the best of three CPU timings of `inspect_pdf` per case and the vectors it found.

    python bench/pdf_covers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import io
import math
import time

import pikepdf

from crawler.demo.builders.pdf import Page, build_pdf
from detectors.formats.pdf import inspect_pdf
from detectors.limits import Budget
from detectors.model import Text

PAGES = 10
LINE = b"Jane Smith of 12 Shay Lane telephoned about the meeting in the village hall today"


def ellipse(rx: float, ry: float, points: int) -> bytes:
    """A closed polygon round the page's middle."""
    turns = [2 * math.pi * i / points for i in range(points)]
    xy = [(306 + rx * math.cos(t), 396 + ry * math.sin(t)) for t in turns]
    return b"%.2f %.2f m " % xy[0] + b"".join(b"%.2f %.2f l " % p for p in xy[1:]) + b"h "


def ringed(grey: bytes) -> bytes:
    ring = ellipse(300, 390, 300) + ellipse(200, 250, 300)
    return b"q " + ring + b"W* n " + grey + b" g 0 0 612 792 re f Q\n"


TEXT = b"".join(b"BT /F1 9 Tf 0 g 40 %d Td (%s) Tj ET\n" % (760 - 11 * i, LINE) for i in range(68))
CASES = {
    "plain": b"0.9 g 0 0 612 792 re f\n" + TEXT,
    "ring": ringed(b"0.9") + TEXT,
    "rings": ringed(b"0.9") * 3 + TEXT,
    "ink": ringed(b"0") + TEXT,
}


def document(content: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(build_pdf([Page(())]))) as pdf:
        pdf.pages[0].Contents = pdf.make_stream(content)
        for _ in range(PAGES - 1):
            pdf.pages.append(pdf.pages[0])
        pdf.save(out)
    return out.getvalue()


def main() -> None:
    for name, content in CASES.items():
        data = document(content)
        best = math.inf
        vectors: set[str] = set()
        for _ in range(3):
            start = time.process_time()
            items = list(inspect_pdf(data, "bench.pdf", Budget()))
            best = min(best, time.process_time() - start)
            vectors = {item.vector.value for item in items if isinstance(item, Text)}
        print(f"{name:6s} {PAGES} pages: {best:5.2f} s CPU   vectors: {', '.join(sorted(vectors))}")


if __name__ == "__main__":
    main()
