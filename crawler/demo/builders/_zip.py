"""Writing small zip packages (OOXML or plain) from a mapping of part names to contents."""

from __future__ import annotations

import io
import zipfile


def zip_parts(parts: dict[str, bytes | str]) -> bytes:
    """A deflated zip holding `parts` in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def content_types(overrides: dict[str, str], defaults: dict[str, str] | None = None) -> str:
    """[Content_Types].xml for part name -> content type overrides."""
    known = {
        "rels": "application/vnd.openxmlformats-package.relationships+xml",
        "xml": "application/xml",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "bin": "application/vnd.openxmlformats-officedocument.oleObject",
        **(defaults or {}),
    }
    lines = [f'<Default Extension="{ext}" ContentType="{kind}"/>' for ext, kind in known.items()]
    lines += [f'<Override PartName="/{p}" ContentType="{kind}"/>' for p, kind in overrides.items()]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + "".join(lines)
        + "</Types>"
    )


def relationships(rels: list[tuple[str, str, str]]) -> str:
    """A .rels part from (id, type suffix, target) triples; types are officeDocument ones."""
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind if "://" in kind else base + kind}" '
        f'Target="{target}"/>'
        for rid, kind, target in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + items
        + "</Relationships>"
    )


def core_properties(properties: dict[str, str]) -> str:
    """docProps/core.xml; keys are element names such as 'dc:creator', 'cp:lastModifiedBy'."""
    from xml.sax.saxutils import escape

    body = "".join(f"<{key}>{escape(value)}</{key}>" for key, value in properties.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">' + body + "</cp:coreProperties>"
    )
