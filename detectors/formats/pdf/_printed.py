"""Whether a PDF is a web page printed by a browser or an HTML renderer.

Such a page is drawn from its style sheet: a carousel's next slide, a sticky header or a
cookie banner is a white box laid over text that runs on beneath it, and every word under
it was sent to every visitor's browser. A light box there is the page's layout, not a
redaction; a dark box over words is still read as one.
"""

from __future__ import annotations

import re

import pikepdf

_WEB_PRODUCER = re.compile(r"\bSkia/PDF\b|wkhtmltopdf|HeadlessChrome|WeasyPrint", re.IGNORECASE)
_WEB_CREATOR = re.compile(r"^Mozilla/\d|HeadlessChrome|wkhtmltopdf", re.IGNORECASE)


def printed_from_web(pdf: pikepdf.Pdf) -> bool:
    """True when the document information names a browser or HTML renderer as its maker."""
    try:
        info = pdf.docinfo
        producer = str(info.get("/Producer", ""))
        creator = str(info.get("/Creator", ""))
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError):
        return False
    return bool(_WEB_PRODUCER.search(producer) or _WEB_CREATOR.search(creator))
