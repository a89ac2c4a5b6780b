"""Small PowerPoint files with hidden slides, notes, comments and shapes parked off the slide."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from crawler.demo.builders._zip import zip_parts

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."


@dataclass(frozen=True)
class Slide:
    texts: tuple[str, ...] = ()
    notes: str = ""
    hidden: bool = False
    off_slide: str = ""
    """Text of a shape placed to the right of the slide, where no one sees it."""
    table: tuple[tuple[str, ...], ...] = ()
    comments: tuple[tuple[str, str], ...] = ()
    """(author, text) pairs."""
    alt_text: str = ""


def build_pptx(
    slides: list[Slide],
    *,
    author: str = "",
    embeddings: dict[str, bytes] | None = None,
) -> bytes:
    """A .pptx of the slides (blank layout, one text box per text), saved by python-pptx."""
    from pptx import Presentation
    from pptx.util import Emu, Inches

    presentation = Presentation()
    # The template's own properties name a real person; replace them all.
    presentation.core_properties.author = author
    presentation.core_properties.last_modified_by = author
    presentation.core_properties.title = ""
    presentation.core_properties.comments = ""
    width = presentation.slide_width or Emu(9144000)
    for spec in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        for number, text in enumerate(spec.texts):
            box = slide.shapes.add_textbox(Inches(1), Inches(1 + number), Inches(6), Inches(1))
            box.text_frame.text = text
        if spec.off_slide:
            box = slide.shapes.add_textbox(width + Inches(1), Inches(1), Inches(4), Inches(1))
            box.text_frame.text = spec.off_slide
        if spec.table:
            rows, columns = len(spec.table), len(spec.table[0])
            frame = slide.shapes.add_table(
                rows, columns, Inches(1), Inches(3), Inches(6), Inches(2)
            )
            for r, row in enumerate(spec.table):
                for c, value in enumerate(row):
                    frame.table.cell(r, c).text = value
        if spec.alt_text:
            box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(1), Inches(1))
            box._element.nvSpPr.cNvPr.set("descr", spec.alt_text)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes
        if spec.hidden:
            slide._element.set("show", "0")
    out = io.BytesIO()
    presentation.save(out)
    return _add_parts(out.getvalue(), slides, embeddings or {})


def _add_parts(data: bytes, slides: list[Slide], embeddings: dict[str, bytes]) -> bytes:
    """Comments and embedded files, which python-pptx does not write, added part by part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {n: archive.read(n) for n in archive.namelist()}
    authors: dict[str, int] = {}
    types = ""
    for number, spec in enumerate(slides, start=1):
        if not spec.comments:
            continue
        items = ""
        for index, (author, text) in enumerate(spec.comments, start=1):
            author_id = authors.setdefault(author, len(authors))
            items += (
                f'<p:cm authorId="{author_id}" dt="2024-05-01T09:00:00.000" idx="{index}">'
                f'<p:pos x="10" y="10"/><p:text>{escape(text)}</p:text></p:cm>'
            )
        parts[f"ppt/comments/comment{number}.xml"] = f'<p:cmLst xmlns:p="{P}">{items}</p:cmLst>'
        types += _override(f"ppt/comments/comment{number}.xml", "comments+xml")
        rels_name = f"ppt/slides/_rels/slide{number}.xml.rels"
        parts[rels_name] = _add_rel(
            parts[rels_name], "comments", f"../comments/comment{number}.xml"
        )
    if authors:
        listed = "".join(
            f'<p:cmAuthor id="{i}" name={quoteattr(a)} initials="X" lastIdx="1" clrIdx="{i}"/>'
            for a, i in authors.items()
        )
        parts["ppt/commentAuthors.xml"] = f'<p:cmAuthorLst xmlns:p="{P}">{listed}</p:cmAuthorLst>'
        types += (
            f'<Override PartName="/ppt/commentAuthors.xml" ContentType="{_PML}commentAuthors+xml"/>'
        )
        rels_name = "ppt/_rels/presentation.xml.rels"
        parts[rels_name] = _add_rel(parts[rels_name], "commentAuthors", "commentAuthors.xml")
    for name, content in embeddings.items():
        parts[f"ppt/embeddings/{name}"] = content
    content_types = parts["[Content_Types].xml"]
    assert isinstance(content_types, bytes)
    parts["[Content_Types].xml"] = content_types.replace(b"</Types>", types.encode() + b"</Types>")
    return zip_parts(parts)


def _add_rel(rels: bytes | str, kind: str, target: str) -> bytes:
    text = rels.decode() if isinstance(rels, bytes) else rels
    rel = f'<Relationship Id="rIdX{kind}" Type="{_RELS}{kind}" Target="{target}"/>'
    return text.replace("</Relationships>", rel + "</Relationships>").encode()


def _override(part: str, kind: str) -> str:
    return f'<Override PartName="/{part}" ContentType="{_PML}{kind}"/>'
