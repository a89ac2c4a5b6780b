"""Writing small OpenDocument packages from XML fragments, part by part."""

from __future__ import annotations

from xml.sax.saxutils import escape

from crawler.demo.builders._zip import zip_parts

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" office:version="1.3"'
)
TEXT_MIME = "application/vnd.oasis.opendocument.text"
PRESENTATION_MIME = "application/vnd.oasis.opendocument.presentation"


def package(
    mimetype: str,
    body: str,
    *,
    automatic: str = "",
    styles: str = "",
    master: str = "",
    creator: str = "",
    parts: dict[str, bytes | str] | None = None,
    manifest: str = "",
) -> bytes:
    """An ODF package whose office:body holds `body` (office:text or office:presentation)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body>{body}</office:body></office:document-content>"
    )
    styles_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>'
        f"<office:styles>{styles}</office:styles>"
        f"<office:master-styles>{master}</office:master-styles></office:document-styles>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS}><office:meta>'
        f"<meta:generator>LibreOffice</meta:generator>"
        + (f"<dc:creator>{escape(creator)}</dc:creator>" if creator else "")
        + "</office:meta></office:document-meta>"
    )
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="text/xml"/>'
        for p in ("content.xml", "styles.xml", "meta.xml")
    )
    manifest_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {NS}>'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        f"{entries}{manifest}</manifest:manifest>"
    )
    return zip_parts(
        {
            "mimetype": mimetype,
            "content.xml": content,
            "styles.xml": styles_xml,
            "meta.xml": meta,
            "META-INF/manifest.xml": manifest_xml,
            **(parts or {}),
        }
    )


def odt(body: str, **kwargs: object) -> bytes:
    return package(TEXT_MIME, f"<office:text>{body}</office:text>", **kwargs)  # type: ignore[arg-type]


def odp(pages: str, **kwargs: object) -> bytes:
    return package(
        PRESENTATION_MIME,
        f"<office:presentation>{pages}</office:presentation>",
        **kwargs,  # type: ignore[arg-type]
    )


def p(text: str, style: str = "") -> str:
    attribute = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attribute}>{text}</text:p>"


def style(name: str, family: str, properties: str, parent: str = "") -> str:
    inherit = f' style:parent-style-name="{parent}"' if parent else ""
    return (
        f'<style:style style:name="{name}" style:family="{family}"{inherit}>'
        f"{properties}</style:style>"
    )


def table(rows: list[list[str]], name: str = "Table1") -> str:
    """A table:table whose cells hold `rows` as XML fragments (markup is kept)."""
    body = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell>{p(c)}</table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in rows
    )
    return (
        f'<table:table table:name="{name}">'
        f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
        f"{body}</table:table>"
    )
