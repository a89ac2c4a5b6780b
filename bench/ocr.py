"""Seconds per scanned PDF page read by OCR (pdfium renders, Tesseract reads).

Generates a scanned reply: A4 pages, each one grey image of typed lines at 300 dpi (as a
scanner saves them, JPEG-compressed) and no text layer, then reads it with the PDF
inspector and prints the time per page, split into rendering and Tesseract.

    python bench/ocr.py [--pages 4] [--layer]

With --layer each page is first made searchable by Tesseract itself (its `pdf` output: the
picture under an invisible text layer), and the reader then OCRs the page again to compare the
layer with what the picture shows: it prints the share of the layer's words found shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import io  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402

from faker import Faker  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from detectors.formats.pdf import _ocr, inspect_pdf  # noqa: E402
from detectors.limits import Budget, Limits  # noqa: E402
from detectors.model import Text, Unread, Vector  # noqa: E402

A4_300DPI = (2480, 3508)
LINES = 40


def scanned_reply(pages: int) -> bytes:
    fake = Faker("en_GB")
    Faker.seed(3)
    font = ImageFont.load_default(size=42)
    images = []
    for _ in range(pages):
        image = Image.new("L", A4_300DPI, 255)
        draw = ImageDraw.Draw(image)
        for line in range(LINES):
            address = fake.street_address().replace("\n", ", ")  # one line, as typed
            text = f"{fake.name()}, {address}, {fake.postcode()}. {fake.sentence()}"
            draw.text((220, 300 + 75 * line), text[:80], fill=0, font=font)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return out.getvalue()


def searchable(data: bytes, tesseract: str) -> bytes:
    """The same pages, each made searchable by Tesseract's own PDF output."""
    import subprocess
    import tempfile

    import pikepdf

    merged = pikepdf.new()
    with pikepdf.open(io.BytesIO(data)) as source, tempfile.TemporaryDirectory() as folder:
        for number, page in enumerate(source.pages):
            image = pikepdf.PdfImage(next(iter(page.get_images().values()))).as_pil_image()
            picture = Path(folder) / f"page{number}.png"
            image.save(picture, dpi=(300, 300))
            made = Path(folder) / f"page{number}"
            subprocess.run(
                [tesseract, str(picture), str(made), "-l", "eng", "pdf"],
                check=True,
                capture_output=True,
            )
            with pikepdf.open(made.with_suffix(".pdf")) as one:
                merged.pages.extend(one.pages)
        out = io.BytesIO()
        merged.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--layer", action="store_true", help="pages with an OCR text layer")
    args = parser.parse_args()
    tesseract_program = shutil.which(_ocr.TESSERACT)
    if tesseract_program is None:
        sys.exit("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
    data = scanned_reply(args.pages)
    if args.layer:
        data = searchable(data, tesseract_program)
    spent = {"render": 0.0, "tesseract": 0.0}
    render, tesseract = _ocr.Scans._render, _ocr._tesseract

    def timed_render(self: _ocr.Scans, index: int) -> tuple[bytes, int] | _ocr.Failure:
        start = time.perf_counter()
        try:
            return render(self, index)
        finally:
            spent["render"] += time.perf_counter() - start

    def timed_tesseract(*call: object) -> str | _ocr.Failure:
        start = time.perf_counter()
        try:
            return tesseract(*call)  # type: ignore[arg-type]
        finally:
            spent["tesseract"] += time.perf_counter() - start

    _ocr.Scans._render = timed_render  # type: ignore[method-assign]
    _ocr._tesseract = timed_tesseract
    limits = Limits(time_budget_s=600.0)
    start = time.perf_counter()
    items = list(inspect_pdf(data, "scanned.pdf", Budget(limits)))
    total = time.perf_counter() - start
    read = [i for i in items if isinstance(i, Text) and "scanned image" in i.where]
    hidden = [i for i in items if isinstance(i, Text) and i.vector is not Vector.PAGE_TEXT]
    unread = [i for i in items if isinstance(i, Unread)]
    pages = args.pages
    print(f"scanned reply: {pages} A4 pages at 300 dpi, {len(data) / 2**20:.1f} MB")
    print(f"pages read by OCR {len(read)}/{pages}, unread {len(unread)}")
    print(f"seconds per page  total {total / pages:.2f}")
    print(f"                  render {spent['render'] / pages:.2f}")
    print(f"                  tesseract {spent['tesseract'] / pages:.2f}")
    print(f"characters read per page {sum(len(t.text) for t in read) / max(len(read), 1):,.0f}")
    if args.layer:
        shown = sum(len(t.text.split()) for t in read)
        unseen = sum(len(t.text.split()) for t in hidden)
        print(f"layer words shown {shown:,}, left hidden {unseen:,} ", end="")
        print(f"({shown / max(shown + unseen, 1):.1%} shown)")


if __name__ == "__main__":
    main()
