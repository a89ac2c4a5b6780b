"""Scanned pages for the PDF reader's OCR tests: a picture of typed lines, as a scanner saves
it, and a PDF page holding it, with or without an OCR text layer over it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from detectors.formats.pdf import _ocr

needs_tesseract = pytest.mark.skipif(
    shutil.which(_ocr.TESSERACT) is None and not os.environ.get("CI"),
    reason="Tesseract is not installed: `make setup` installs tesseract-ocr (under CI it must be)",
)
DPI = 200
LEFT, TOP, STEP, SIZE = 150, 200, 60, 34
"""Where the picture's lines are typed, in pixels at `DPI`: left margin, first line, line
spacing and type size."""


@dataclass(frozen=True)
class Picture:
    """A grey image as a PDF image XObject: its declared size and its (deflated) samples."""

    width: int
    height: int
    samples: bytes

    @classmethod
    def of_lines(cls, lines: tuple[str, ...], blacked: tuple[str, ...] = ()) -> Picture:
        """The lines typed black on white at 200 dpi, as a scanner would give them, with a
        black box over each place a `blacked` phrase is typed (a redaction in the picture)."""
        image = Image.new("L", (1700, 2200), 255)
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=SIZE)
        for number, line in enumerate(lines):
            top = TOP + STEP * number
            draw.text((LEFT, top), line, fill=0, font=font)
            for phrase in blacked:
                at = line.find(phrase)
                if at < 0:
                    continue
                x0 = LEFT + draw.textlength(line[:at], font=font)
                x1 = LEFT + draw.textlength(line[: at + len(phrase)], font=font)
                draw.rectangle((x0 - 4, top - 6, x1 + 4, top + SIZE + 8), fill=0)
        return cls(image.width, image.height, zlib.compress(image.tobytes()))

    def stream(self, pdf: pikepdf.Pdf) -> pikepdf.Stream:
        """The picture as an image XObject of `pdf`."""
        return pikepdf.Stream(
            pdf,
            self.samples,
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=self.width,
            Height=self.height,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
            Filter=pikepdf.Name.FlateDecode,
        )

    def upside_down(self) -> Picture:
        image = Image.frombytes("L", (self.width, self.height), zlib.decompress(self.samples))
        return Picture(self.width, self.height, zlib.compress(image.rotate(180).tobytes()))

    @classmethod
    def logo(cls) -> Picture:
        return cls(40, 20, zlib.compress(bytes(range(40)) * 20))


def layered(
    picture: Picture,
    layer: tuple[str, ...],
    where: tuple[float, float, float, float] = (0.0, 0.0, 612.0, 792.0),
    render: int = 3,
    box_over: str = "",
) -> bytes:
    """A one-page PDF: `picture` at `where` (x, y, width, height in points) with `layer` as an
    OCR text layer in render mode `render`, line for line over the picture's typed lines; and,
    when `box_over` is given, a black box painted over the line that holds it."""
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page = pdf.add_blank_page(page_size=(612, 792))
    image = picture.stream(pdf)
    x, y, width, height = where
    content = f"q {width} 0 0 {height} {x} {y} cm /Im0 Do Q\n".encode()
    points = 72 / DPI
    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    typed = ImageFont.load_default(size=SIZE)
    for number, line in enumerate(layer):
        baseline = 792 - (TOP + STEP * number + SIZE) * points
        start = 0
        for word in line.split(" "):
            # Each word where the picture has it, in smaller type: inside its place there.
            left = (LEFT + measure.textlength(line[:start], font=typed)) * points
            text = word.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            place = f"{left:.1f} {baseline:.1f}"
            content += f"BT /F1 8 Tf {render} Tr {place} Td ({text}) Tj ET\n".encode()
            start += len(word) + 1
        if box_over and box_over in line:
            content += f"0 g 40 {baseline - 4:.1f} 540 18 re f\n".encode()
    page.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Im0=image), Font=pikepdf.Dictionary(F1=font)
    )
    page.Contents = pdf.make_stream(content)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def searchable(picture: Picture, shown: Picture | None = None) -> bytes:
    """The PDF Tesseract itself makes of `picture` (its `pdf` output: the picture with an
    invisible text layer of what it read), with the picture then swapped for `shown` when
    given, as when a scan is blacked out after it was made searchable."""
    image = Image.frombytes("L", (picture.width, picture.height), zlib.decompress(picture.samples))
    with tempfile.TemporaryDirectory() as folder:
        image.save(Path(folder) / "page.png", dpi=(DPI, DPI))
        made = Path(folder) / "page"
        subprocess.run(
            [
                shutil.which(_ocr.TESSERACT) or _ocr.TESSERACT,
                str(made.with_suffix(".png")),
                str(made),
                "-l",
                "eng",
                "pdf",
            ],
            check=True,
            capture_output=True,
        )
        data = made.with_suffix(".pdf").read_bytes()
    if shown is None:
        return data
    pdf = pikepdf.open(io.BytesIO(data))
    for stream in pdf.pages[0].Resources.XObject.values():
        stream.write(shown.samples, filter=pikepdf.Name.FlateDecode)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
