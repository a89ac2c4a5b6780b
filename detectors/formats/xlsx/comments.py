"""Cell comments: legacy notes with their authors, threaded comments and the people list."""

from __future__ import annotations

from collections.abc import Iterator

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import stream
from detectors.formats.xlsx.strings import unescape
from detectors.formats.xlsx.workbook import Workbook
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Unread, Vector


def inspect_comments(zf: SafeZip, book: Workbook, budget: Budget) -> Iterator[Item]:
    owners: dict[str, str] = {}
    legacy = zf.matching("xl/comments", ".xml")
    threaded = zf.matching("xl/threadedComments/", ".xml")
    for sheet in book.sheets:
        for rel in sheet.rels(zf).values():
            if rel.external or not zf.has(rel.target):
                continue
            if rel.kind == "comments":
                legacy.append(rel.target)
            elif rel.kind == "threadedComment":
                threaded.append(rel.target)
            owners[rel.target] = f"sheet '{sheet.name}'"
    for path in dict.fromkeys(legacy):
        yield from _guarded(path, _legacy(zf, path, owners.get(path, path), budget))
    for path in dict.fromkeys(threaded):
        yield from _guarded(path, _threaded(zf, path, owners.get(path, path), budget))
    for path in zf.matching("xl/persons/", ".xml"):
        yield from _guarded(path, _persons(zf, path))


def _guarded(path: str, items: Iterator[Item]) -> Iterator[Item]:
    """A broken comments part is reported and the rest of the workbook still read."""
    try:
        yield from items
    except UnreadableDocument as error:
        yield Unread(path, str(error), vector=Vector.COMMENT)


def _legacy(zf: SafeZip, path: str, owner: str, budget: Budget) -> Iterator[Item]:
    authors: list[str] = []
    count = 0
    for _, element in stream(zf, path, ("{*}author", "{*}comment")):
        if local(element.tag) == "author":
            authors.append((element.text or "").strip())
            continue
        count += 1
        if not count % 512:
            budget.check()
        ref = element.get("ref") or "?"
        text = "".join(
            node.text or "" for node in element.iter("{*}t") if local(node.getparent().tag) != "rPh"
        )
        if text.strip():
            yield Text(unescape(text).strip(), Vector.COMMENT, f"{owner} comment {ref}")
        free(element)
    for author in dict.fromkeys(a for a in authors if a):
        yield Text(author, Vector.METADATA, f"{owner} comment author")
    if count:
        yield Structure(
            Vector.COMMENT, owner, f"{count:,} comments by {len(set(authors)):,} authors"
        )


def _threaded(zf: SafeZip, path: str, owner: str, budget: Budget) -> Iterator[Item]:
    count = 0
    for _, element in stream(zf, path, "{*}threadedComment"):
        count += 1
        if not count % 512:
            budget.check()
        ref = element.get("ref") or "?"
        text = " ".join(
            (node.text or "").strip() for node in element if local(node.tag) == "text"
        ).strip()
        if text:
            yield Text(text, Vector.COMMENT, f"{owner} threaded comment {ref}")
        free(element)
    if count:
        yield Structure(Vector.COMMENT, owner, f"{count:,} threaded comments")


def _persons(zf: SafeZip, path: str) -> Iterator[Item]:
    people = 0
    for _, element in stream(zf, path, "{*}person"):
        people += 1
        for attribute in ("displayName", "userId"):
            value = (element.get(attribute) or "").strip()
            if value:
                yield Text(value, Vector.METADATA, f"people who commented ({attribute})")
        free(element)
    if people:
        yield Structure(Vector.COMMENT, "people who commented", f"{people:,} people")
