"""Logging for people and for a SIEM: text (journald-friendly) or one JSON object per line.

Events a security team follows carry structured fields: `event` ("verdict", "alert"), and
ids, counts and severities only. Nothing logged is a raw value: locations and URLs are
masked before they reach a message, and only leaksweep's own modules log below INFO.
"""

from __future__ import annotations

import logging
import os
import sys

from pythonjsonlogger.json import JsonFormatter

FORMATS = ("text", "json")
OWN_LOGGERS = ("crawler", "detectors", "alerts", "console")
"""Only leaksweep's own modules log below INFO: their debug lines carry masked values only."""


def _own_or_info(record: logging.LogRecord) -> bool:
    # Third-party debug output (presidio's analysis, spaCy, urllib3, Scrapy's item dumps)
    # can quote the text being scanned, so it stops at INFO whatever -v says.
    return record.levelno >= logging.INFO or record.name.split(".")[0] in OWN_LOGGERS


def configure_logging(verbosity: int, fmt: str = "text") -> None:
    """Root level from -v (warnings, -v info, -vv debug) on one stderr handler."""
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    elif os.environ.get("JOURNAL_STREAM"):
        # journald stamps and tags each line itself.
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_own_or_info)
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "leaksweep", False):
            root.removeHandler(old)
    handler.leaksweep = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel({0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG))
