"""Logging for people and for a SIEM: text (journald-friendly) or one JSON object per line.

Events a security team follows carry structured fields: `event` ("verdict", "alert"), and
ids, counts and severities only. Nothing logged is a raw value: locations and URLs are
masked before they reach a message.
"""

from __future__ import annotations

import logging
import os
import sys

from pythonjsonlogger.json import JsonFormatter

FORMATS = ("text", "json")
# Libraries whose debug lines quote the text they work on (presidio prints every match).
_CAPPED = (
    "presidio-analyzer",
    "presidio_analyzer",
    "spacy",
    "scrapy",
    "scrapy_playwright",
    "playwright",
    "twisted",
    "urllib3",
    "httpx",
    "httpcore",
    "msal",
    "apscheduler",
    "asyncio",
    "faker",
    "pdfminer",
    "pikepdf",
)


def configure_logging(verbosity: int, fmt: str = "text") -> None:
    """Root level from -v (warnings, -v info, -vv debug); third-party libraries never below
    INFO, whatever -v says."""
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                timestamp=False,
            )
        )
    elif os.environ.get("JOURNAL_STREAM"):
        # journald stamps and tags each line itself.
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _CAPPED:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
