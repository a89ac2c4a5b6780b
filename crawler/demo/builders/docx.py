"""Small Word documents written part by part, with every hiding place a docx offers."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from crawler.demo.builders._zip import content_types, core_properties, relationships, zip_parts

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
)
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_DATE = "2024-05-01T09:00:00Z"


def run(
    text: str,
    *,
    hidden: bool = False,
    colour: str | None = None,
    highlight: str | None = None,
    shading: str | None = None,
) -> str:
    """A run of text; `colour` and `shading` are hex RGB, `highlight` a Word colour name."""
    properties = ""
    if hidden:
        properties += "<w:vanish/>"
    if colour:
        properties += f'<w:color w:val="{colour}"/>'
    if highlight:
        properties += f'<w:highlight w:val="{highlight}"/>'
    if shading:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{shading}"/>'
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(*runs: str) -> str:
    """A paragraph of runs; a plain string (not starting with '<') becomes a plain run."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def deleted(text: str, author: str, *, moved: bool = False) -> str:
    """Text removed with track changes on (or moved away when `moved`)."""
    tag = "w:moveFrom" if moved else "w:del"
    inner = "w:t" if moved else "w:delText"
    return (
        f'<{tag} w:id="{abs(hash(text)) % 10_000}" w:author={quoteattr(author)} w:date="{_DATE}">'
        f'<w:r><{inner} xml:space="preserve">{escape(text)}</{inner}></w:r></{tag}>'
    )


def inserted(text: str, author: str) -> str:
    """Text added with track changes on: visible, but the author is recorded."""
    return f'<w:ins w:id="1" w:author={quoteattr(author)} w:date="{_DATE}">{run(text)}</w:ins>'


def field(instruction: str, result: str) -> str:
    """A complex field: the code (hidden) and the result shown in its place."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def comment_mark(comment_id: int) -> str:
    """Anchors comment `comment_id` (an index into build_docx's comments) in a paragraph."""
    return (
        f'<w:commentRangeStart w:id="{comment_id}"/><w:commentRangeEnd w:id="{comment_id}"/>'
        f'<w:r><w:commentReference w:id="{comment_id}"/></w:r>'
    )


def picture(description: str) -> str:
    """An inline drawing carrying alt text (no image data is needed to hold the text)."""
    return (
        '<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>'
        f'<wp:docPr id="1" name="Picture 1" descr={quoteattr(description)}/>'
        "</wp:inline></w:drawing></w:r>"
    )


def table(rows: list[list[str]]) -> str:
    """A table of plain text cells; the first row is the header."""
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{body}</w:tbl>"


def build_docx(
    body: list[str],
    *,
    header: str | None = None,
    footer: str | None = None,
    footnotes: list[str] | None = None,
    comments: list[tuple[str, str]] | None = None,
    people: list[str] | None = None,
    core: dict[str, str] | None = None,
    embeddings: dict[str, bytes] | None = None,
    extra_parts: dict[str, bytes | str] | None = None,
) -> bytes:
    """A .docx whose body is the given block XML (paragraphs and tables).

    `comments` are (author, text) pairs, anchored by `comment_mark(i)`; `people` are the
    names Word lists in people.xml; `embeddings` are files under word/embeddings/.
    """
    overrides = {"word/document.xml": _WORD + "document.main+xml"}
    rels: list[tuple[str, str, str]] = []
    parts: dict[str, bytes | str] = {}
    section = ""
    if header is not None:
        parts["word/header1.xml"] = _story("hdr", paragraph(header))
        overrides["word/header1.xml"] = _WORD + "header+xml"
        rels.append(("rIdH1", "header", "header1.xml"))
        section += '<w:headerReference w:type="default" r:id="rIdH1"/>'
    if footer is not None:
        parts["word/footer1.xml"] = _story("ftr", paragraph(footer))
        overrides["word/footer1.xml"] = _WORD + "footer+xml"
        rels.append(("rIdF1", "footer", "footer1.xml"))
        section += '<w:footerReference w:type="default" r:id="rIdF1"/>'
    if footnotes:
        notes = '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>' + "".join(
            f'<w:footnote w:id="{i}">{paragraph(text)}</w:footnote>'
            for i, text in enumerate(footnotes, start=1)
        )
        parts["word/footnotes.xml"] = _story("footnotes", notes)
        overrides["word/footnotes.xml"] = _WORD + "footnotes+xml"
        rels.append(("rIdFn", "footnotes", "footnotes.xml"))
    if comments:
        items = "".join(
            f'<w:comment w:id="{i}" w:author={quoteattr(author)} w:initials="X" '
            f'w:date="{_DATE}">{paragraph(text)}</w:comment>'
            for i, (author, text) in enumerate(comments)
        )
        parts["word/comments.xml"] = _story("comments", items)
        overrides["word/comments.xml"] = _WORD + "comments+xml"
        rels.append(("rIdC", "comments", "comments.xml"))
    if people:
        items = "".join(
            f"<w15:person w15:author={quoteattr(name)}><w15:presenceInfo "
            f'w15:providerId="AD" w15:userId="S-1-5-21-{i}"/></w15:person>'
            for i, name in enumerate(people)
        )
        parts["word/people.xml"] = _story("w15:people", items)
        overrides["word/people.xml"] = _WORD + "people+xml"
        rels.append(
            ("rIdP", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml")
        )
    for name, data in (embeddings or {}).items():
        parts[f"word/embeddings/{name}"] = data
        rels.append((f"rIdE{len(rels)}", "package", f"embeddings/{name}"))
    document = _story(
        "document", "<w:body>" + "".join(body) + f"<w:sectPr>{section}</w:sectPr></w:body>"
    )
    if core:
        overrides["docProps/core.xml"] = (
            "application/vnd.openxmlformats-package.core-properties+xml"
        )
    package: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types(overrides),
        "_rels/.rels": relationships(
            [("rId1", "officeDocument", "word/document.xml")]
            + (
                [
                    (
                        "rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/"
                        "metadata/core-properties",
                        "docProps/core.xml",
                    )
                ]
                if core
                else []
            )
        ),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": relationships(rels),
        **parts,
    }
    if core:
        package["docProps/core.xml"] = core_properties(core)
    package.update(extra_parts or {})
    return zip_parts(package)


def _story(root: str, inner: str) -> str:
    tag = root if ":" in root else f"w:{root}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<{tag} {NAMESPACES}>{inner}</{tag}>"
    )
