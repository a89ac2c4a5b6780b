"""What kind of published document the texts read so far make: an election notice, a
meeting's minutes or agenda (a legislature's report of its debates among them), a published
judgment, a newsletter under its masthead. Each
names people in public in its own way (`detectors.detect` asks), and each is known from a
shown text only: the same words in a comment or a hidden sheet make nothing public."""

from __future__ import annotations

from dataclasses import dataclass, field

from detectors.debates import is_debate_record
from detectors.judgments import is_judgment
from detectors.meetings import is_meeting_document
from detectors.model import Text
from detectors.periodicals import Masthead
from detectors.roles import ELECTION_NOTICE


@dataclass
class DocumentKinds:
    election_notice: bool = False
    """A statutory election notice was read: the names in it are candidates'."""
    meeting: bool = False
    """A meeting's minutes or agenda, or a legislature's report of its debates
    (`detectors.debates`), were read: its members, chair and clerk are named in public."""
    judgment: bool = False
    """A published judgment's neutral citation was read: the people it names are named by
    the court, in public (`detectors.judgments`)."""
    periodical: Masthead = field(default_factory=Masthead)
    """A newsletter's or bulletin's masthead opens the first page (`periodicals`)."""

    shown: int = 0
    """Shown texts of the document's own read so far."""

    def read(self, item: Text, embedded: bool = False) -> None:
        """Take what a text says of the document's kind. A judgment is known only from the
        head of the document's own text: a file embedded in it, or an appendix quoting
        another judgment's heading, makes no judgment of it."""
        if item.vector.hidden:
            return
        self.election_notice = self.election_notice or bool(ELECTION_NOTICE.search(item.text))
        self.meeting = self.meeting or is_meeting_document(item.text)
        self.periodical.read(item.where, item.text)
        if not embedded:
            self.shown += 1
            head = self.shown <= HEAD_TEXTS
            self.judgment = self.judgment or (head and is_judgment(item.text))
            self.meeting = self.meeting or (head and is_debate_record(item.text))


HEAD_TEXTS = 12
"""Shown texts at the start of a document (a page, or a paragraph each) within which a
judgment's neutral citation, or a debate record's title, stands."""
