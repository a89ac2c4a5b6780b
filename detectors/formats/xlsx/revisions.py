"""Shared-workbook change tracking: revision logs keep old cell values and who changed them."""

from __future__ import annotations

from collections.abc import Iterator

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import stream
from detectors.formats.xlsx.strings import unescape
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Unread, Vector


def inspect_revisions(zf: SafeZip, budget: Budget) -> Iterator[Item]:
    try:
        yield from _revisions(zf, budget)
    except UnreadableDocument as error:
        yield Unread("revision log", str(error), vector=Vector.TRACKED_CHANGE)


def _revisions(zf: SafeZip, budget: Budget) -> Iterator[Item]:
    users: set[str] = set()
    for path in ("xl/revisions/revisionHeaders.xml", "xl/usernames.xml"):
        if not zf.has(path):
            continue
        for _, element in stream(zf, path, ("{*}header", "{*}userInfo")):
            name = (element.get("userName") or element.get("name") or "").strip()
            if name and name not in users:
                users.add(name)
                yield Text(name, Vector.TRACKED_CHANGE, "user who edited the shared workbook")
    changes = 0
    logs = [p for p in zf.matching("xl/revisions/revisionLog", ".xml")]
    for path in logs:
        for _, element in stream(zf, path, ("{*}oc", "{*}nc")):
            changes += 1
            if not changes % 512:
                budget.check()
            text = "".join(
                node.text or ""
                for node in element.iter()
                if isinstance(node.tag, str) and local(node.tag) in ("v", "t")
            )
            if text.strip():
                age = "old" if local(element.tag) == "oc" else "new"
                ref = element.get("r") or "?"
                yield Text(
                    unescape(text), Vector.TRACKED_CHANGE, f"revision log: {age} value of {ref}"
                )
            free(element)
    if logs or users:
        yield Structure(
            Vector.TRACKED_CHANGE,
            "revision log",
            f"{len(logs):,} revision logs with {changes:,} cell values, {len(users):,} users",
        )
