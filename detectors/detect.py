"""Detection: turn the texts and tables of one document into findings, kinds and people counts.

Tables are judged by column (`detectors.tables`); texts are buffered and analysed in batches by
presidio (`detectors.prose`) when the document is finished. Raw values live only in memory here:
findings carry masked examples, and people are counted by hashed keys that never leave.

Detection shares the document's time budget with inspection: it is checked between slices of
prose and every few thousand table rows. When it runs out, detection stops, keeps what it has
found and says so in `Detector.stopped`.
"""

from __future__ import annotations

from collections import deque

from detectors.document_kinds import DocumentKinds
from detectors.errors import DocumentTooLarge
from detectors.evidence import Evidence, Exposure
from detectors.gather import Tally, gathered
from detectors.limits import Budget
from detectors.mask import mask
from detectors.meetings import said_in_meeting
from detectors.model import Cover, Table, Text, Unread, Vector
from detectors.names import AllowList, parse_name
from detectors.people import count_people
from detectors.periodicals import given_in_issue
from detectors.places import organisation_heads, site_names, species_names
from detectors.prose_batch import (
    BLOCKS,
    PAGE_AUTHOR,
    GroupKey,
    Pending,
    ProseGroup,
    prose_exposure,
    shown_in,
    slices,
    whole_name,
)
from detectors.prose_columns import columns_in, name_led_lines_in, named_lines_in, spaced_row
from detectors.prose_records import is_record_line, records_in
from detectors.prose_scan import ProseFinder, ProseHit, ProseResult, default_finder, scan_texts
from detectors.roles import ELECTION_NOTICE
from detectors.row_people import PersonKeys, name_keys
from detectors.table_exposures import (
    TablePeople,
    as_offenders,
    in_public,
    meeting_names,
    noted_in_public,
    public_notes,
    repeated_caches,
    table_exposure,
)
from detectors.tables import OFFENDER_LIST, TableEvidence, assess_table

BATCH_CHARS = 400_000
"""Buffered prose is analysed once this much has gathered, and at the end."""
PROSE_ACTIVITY = "checking the text for names and other personal data"
CELL_PROSE_CHARS = 300_000
"""Characters of long table cells read as prose in one document, all tables together."""


RECENT_TEXTS = 3
"""Texts before a run of record paragraphs searched for a heading ("registered sex offenders")."""
RECENT_CHARS = 2_000


class Detector:
    """Fed every text and table of a document (embedded files included), then finished once."""

    def __init__(
        self,
        allow_list: frozenset[str] = frozenset(),
        find: ProseFinder | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.allow = AllowList(allow_list)
        self._find = find
        self._budget = budget
        self.stopped: str | None = None
        """Why detection stopped before the end (the time budget ran out), else None."""
        self._seen: dict[str, ProseResult] = {}
        """Prose already analysed: a page footer repeated on every page is read once."""
        self._tallies: dict[tuple[str, Vector, str, Vector | None, bool], Tally] = {}
        self._keys: list[PersonKeys] = []
        self._exposures: list[Exposure] = []
        self._kinds: set[str] = set()
        self._categories: set[str] = set()
        self._pending: list[Pending] = []
        self._pending_chars = 0
        self._sources = 0
        self._prose: dict[GroupKey, ProseGroup] = {}
        self._table_people: list[TablePeople] = []
        """Each table's people, to find pivot caches that only repeat a visible sheet."""
        self._cell_prose_chars = 0
        self._organisations: set[str] = set()
        """Short names of the bodies the document names ("ann rowan" of "Ann Rowan
        Foundation"): the same words alone are the body's, not a person's."""
        self._public_names: set[int] = set()
        """Full-name keys of people named in a public role somewhere in the document: the
        Home Secretary's later turns in a transcript are hers too."""
        self._document = DocumentKinds()
        self._run: list[Text] = []
        self._run_in: str | None = None
        """Consecutive one-line record texts of one vector (a list printed one person per
        paragraph), and the file they are embedded in: read together as record lines."""
        self._recent: deque[str] = deque(maxlen=RECENT_TEXTS)
        """The last texts before them: the heading that calls a list one of offenders."""

    def feed(
        self,
        item: Text | Table,
        embedded_in: str | None = None,
        kind: str | None = None,
        categories: frozenset[str] = frozenset(),
        public: bool = False,
    ) -> None:
        """Take one text or table; `kind` and `categories` say what the people named in a text
        are, when the table it came from says so; `public` that the text is a note of a public
        table (`Pending.public`)."""
        if isinstance(item, Table):
            self._end_run()
            self._feed_table(item, embedded_in)
            return
        if not item.text.strip():
            return
        if (
            kind is None
            and not categories
            and not public
            and (is_record_line(item.text) or spaced_row(item.text))
        ):
            if self._run and (self._run[0].vector, self._run_in) != (item.vector, embedded_in):
                self._end_run()
            self._run.append(item)
            self._run_in = embedded_in
            return
        self._end_run()
        self._recent.append(item.text[:RECENT_CHARS])
        self._feed_text(item, embedded_in, kind, categories, public=public)

    def _end_run(self) -> None:
        """Read a run of one-line record texts (paragraphs) as the lines of one text: record
        lines, or columns set apart by spaces, become a table; the rest is read as prose."""
        run, self._run = self._run, []
        if len(run) < 2:
            for item in run:
                self._feed_text(item, self._run_in, None, frozenset())
            return
        where = run[0].where
        if run[-1].where != where:
            where = f"{where} to {run[-1].where}"
        covers = tuple(dict.fromkeys(c for t in run for c in t.covers))
        text = "\n".join(t.text.strip() for t in run)
        context = " ".join(self._recent)
        self._feed_text(
            Text(text, run[0].vector, where, covers), self._run_in, None, frozenset(), context
        )

    def _feed_text(
        self,
        item: Text,
        embedded_in: str | None,
        kind: str | None,
        categories: frozenset[str],
        context: str = "",
        cell: bool = False,
        public: bool = False,
    ) -> None:
        """Read one text; `context` is the text just before it (a heading over its lines),
        `public` says it is a note of a public table (`Pending.public`).

        A `cell` of a table (a note, a long cell) is not read as a table printed with single
        spaces: it is one value of a table already judged (a list of an election's assentors
        in one cell)."""
        self._document.read(item, embedded_in is not None)
        spaced = columns_in(item.text) if "\n" in item.text else None
        if spaced is not None:
            # A table printed as text, one row per line: read as the table it is.
            where = f"{item.where}, lines as columns"
            table = Table(where, item.vector, (), iter(spaced.rows))
            if self._feed_table(table, embedded_in, covers=item.covers, guess=True):
                item = Text(spaced.rest, item.vector, item.where, covers=item.covers)
                if not item.text.strip():
                    return
            # else: columns that hold nothing a table reader knows; the lines are prose
        records = records_in(item.text) if "\n" in item.text else None
        if records is not None:
            # A list printed one person per line: each line is a row, counted as such.
            where = f"{item.where}, record lines"
            lines = Table(where, item.vector, records.header, iter(records.rows), columns=())
            listed = OFFENDER_LIST.search(item.text) or OFFENDER_LIST.search(context)
            self._feed_table(lines, embedded_in, listed.group() if listed else "", item.covers)
            item = Text(records.rest, item.vector, item.where, covers=item.covers)
            if not item.text.strip():
                return
        printed = "\n" in item.text and not cell
        # A table printed with single spaces: one "SURNAME, Forename" a line, or each line led
        # by a name ("Abbott Hilary PC").
        for reader in (named_lines_in, name_led_lines_in) if printed else ():
            found = reader(item.text)
            if found is None:
                continue
            where = f"{item.where}, lines as columns"
            rows = Table(where, item.vector, found.header, iter(found.rows), columns=())
            if self._feed_table(rows, embedded_in, covers=item.covers, guess=True):
                item = Text(found.rest, item.vector, item.where, covers=item.covers)
                if not item.text.strip():
                    return
        self._pending.append(
            Pending(
                item.text,
                item.vector,
                item.where,
                embedded_in,
                kind,
                categories,
                item.covers,
                public and not item.vector.hidden and not item.covers,
            )
        )
        self._pending_chars += len(item.text)
        if self._pending_chars >= BATCH_CHARS:
            self._flush()

    def finish(self) -> Evidence:
        try:
            self._end_run()
            self._flush()
        except DocumentTooLarge as stop:
            self.stopped = self.stopped or str(stop)
        shown = repeated_caches(self._table_people, self._exposures) | shown_in(self._prose)
        for key, group in self._prose.items():
            exposure = prose_exposure(key, group, shown)
            self._kinds |= set(exposure.kinds)
            self._categories |= set(exposure.special_categories)
            self._exposures.append(exposure)
        findings = gathered(self._tallies)
        return Evidence(
            findings,
            count_people(self._keys),
            tuple(sorted(self._kinds)),
            tuple(sorted(self._categories)),
            tuple(self._exposures),
        )

    def _feed_table(
        self,
        table: Table,
        embedded_in: str | None,
        offenders: str = "",
        covers: tuple[Cover, ...] = (),
        guess: bool = False,
    ) -> bool:
        """Assess a table; `offenders` is the heading ("sex offenders", "MAPPA") of the text
        around it when that text lists its people as offenders; `covers` the redaction boxes
        over the text the table was read from. A `guess` (lines of text read as a table) that
        gives no finding is dropped, and False returned: its lines are to be read as prose."""
        self._sources += 1
        headings = " ".join(h for h in table.header if isinstance(h, str))
        if not table.vector.hidden:
            self._document.periodical.read_table(table)  # a bulletin's title over its columns
            if ELECTION_NOTICE.search(headings):
                self._document.election_notice = (
                    True  # "STATEMENT OF PERSONS NOMINATED" over a table
                )
        evidence = assess_table(table, self.allow, self._sources, self._budget)
        if guess and not evidence.hits and not evidence.stopped:
            return False
        if offenders and evidence.people:
            evidence = as_offenders(evidence, offenders)
        elif (self._in_notice(table.vector) and evidence.people) or meeting_names(
            (self._document.meeting or bool(self._document.periodical))
            and not table.vector.hidden
            and not covers,
            evidence,
            contacts=bool(self._document.periodical),
        ):
            evidence = in_public(evidence)
        self._record_table(table, evidence, embedded_in, covers)
        if evidence.stopped:
            self.stopped = evidence.stopped
            last = table.first_row + evidence.read - 1
            part = Unread(table.where, f"rows after {last:,} not read (time budget)", limit=True)
            raise DocumentTooLarge(evidence.stopped, part)
        # Free text in cells (a narrative, a note) is read like any other prose, up to a
        # total per document: a workbook of fifty such sheets must not spend the budget there.
        public = public_notes(evidence, table)
        for where, text in evidence.prose:
            if self._cell_prose_chars + len(text) > CELL_PROSE_CHARS:
                break
            self._cell_prose_chars += len(text)
            if text.strip():
                self._feed_text(
                    Text(text, table.vector, where),
                    embedded_in,
                    evidence.prose_kind,
                    evidence.prose_categories,
                    cell=True,
                    public=public,
                )
        return True

    def _record_table(
        self,
        table: Table,
        evidence: TableEvidence,
        embedded_in: str | None,
        covers: tuple[Cover, ...] = (),
    ) -> None:
        if not evidence.hits:
            return
        vector = table.vector
        public = evidence.public_role
        for hit in evidence.hits:
            self._add(
                hit.entity,
                vector,
                hit.where,
                embedded_in,
                hit.count,
                hit.score,
                hit.example,
                0,
                covers,
                public=public,
            )
        if not public:
            self._keys.extend(evidence.people)
            self._kinds |= evidence.kinds
            self._categories |= evidence.special_categories
        self._table_people.append(
            TablePeople(
                len(self._exposures),
                vector if embedded_in is None else Vector.EMBEDDED_FILE,
                frozenset(k.short for k in evidence.people if k.short is not None),
            )
        )
        self._exposures.append(table_exposure(evidence, vector.hidden or embedded_in is not None))

    def _flush(self) -> None:
        pending, self._pending, self._pending_chars = self._pending, [], 0
        for p in pending:
            self._organisations |= organisation_heads(p.text) | species_names(p.text)
            self._organisations |= site_names(p.text)
        for part in slices(pending):
            self._check_prose()
            self._analyse(part)

    def _check_prose(self) -> None:
        if self._budget is not None:
            self._budget.check(PROSE_ACTIVITY)

    def _analyse(self, pending: list[Pending]) -> None:
        # A short text that is wholly a name (an author field, a comment's author) is read by
        # the gazetteer; the small NER model is unreliable on a name with no sentence around it.
        names = [whole_name(p.text, one_word=p.vector not in BLOCKS) for p in pending]
        prose = [p for p, n in zip(pending, names, strict=True) if not n]
        for p, found in zip(pending, names, strict=True):
            for part in found:
                self._name_hit(p, part)
        fresh = list(dict.fromkeys(p.text for p in prose if p.text not in self._seen))
        if fresh:
            find = self._find or default_finder(self._check_prose, self._budget)
            results = scan_texts(fresh, find, self.allow, frozenset(self._organisations))
            self._seen.update(zip(fresh, results, strict=True))
        for p in prose:
            for hit in self._seen[p.text].hits:
                named = hit.public_role or (p.where == PAGE_AUTHOR and hit.entity == "PERSON")
                if named and hit.keys is not None and hit.keys.full is not None:
                    self._public_names.add(hit.keys.full)
        for p in prose:
            self._prose_hits(p, self._seen[p.text])

    def _name_hit(self, pending: Pending, value: str) -> None:
        name = parse_name(value)
        if name is None or self.allow.covers(name):
            return
        keys = name_keys(name)
        if pending.where == PAGE_AUTHOR and keys.full is not None:
            # A web page's declared author: the same name in its byline, shown or folded
            # away in the page's furniture, is the author's.
            self._public_names.add(keys.full)
        public = (
            (self._in_notice(pending.vector) and not pending.covers)
            or pending.public
            or (keys.full is not None and keys.full in self._public_names)
        )
        self._add(
            "PERSON",
            pending.vector,
            pending.where,
            pending.embedded_in,
            1,
            0.7,
            mask(value, "PERSON"),
            len(pending.text),
            pending.covers,
            public=public,
        )
        if public:
            self._group(pending, public=True).keys.append(keys)
            return
        self._keys.append(keys)
        self._group(pending).keys.append(keys)

    def _prose_hits(self, pending: Pending, result: ProseResult) -> None:
        # The people of a text that lists offenders are a group of their own: the others the
        # document names elsewhere (minutes that once mention "sex offenders") are no list.
        group = self._group(pending, listing=result.offenders)
        # Published court reporting and a published judgment name a defendant and the offence
        # on purpose; the same words in a comment or under a redaction box are still a leak.
        court = result.court_report or self._document.judgment
        public = (
            court and not pending.vector.hidden and not pending.embedded_in and not pending.covers
        )
        categories = frozenset() if public else result.categories
        notice = self._in_notice(pending.vector) and not pending.covers
        noted = noted_in_public(pending.public, result)
        shown = not (pending.vector.hidden or pending.embedded_in or pending.covers)
        meeting = said_in_meeting(self._document.meeting, shown, result)
        issue = given_in_issue(self._document.periodical, shown, result)
        roles = [
            self._in_role(hit) or noted or ((notice or meeting) and hit.entity == "PERSON") or issue
            for hit in result.hits
        ]
        if not all(roles):
            group.categories |= categories
            self._categories |= categories
            group.sensitive = group.sensitive or bool(categories)
            group.private = group.private or (result.private and not public)
            group.role = group.role or (result.role and not public)
            group.offenders = group.offenders or result.offenders
            group.categorised.extend(result.categorised)
            group.grave = group.grave or result.grave
            group.details += result.linked
        for hit, role in zip(result.hits, roles, strict=True):
            self._add(
                hit.entity,
                pending.vector,
                pending.where,
                pending.embedded_in,
                1,
                hit.score,
                hit.example,
                len(pending.text),
                pending.covers,
                public=role,
            )
            if role:
                if hit.keys is not None:
                    self._group(pending, public=True).keys.append(hit.keys)
                continue
            if hit.keys is not None:
                self._keys.append(hit.keys)
                group.keys.append(hit.keys)
            group.sensitive = group.sensitive or hit.sensitive

    def _in_notice(self, vector: Vector) -> bool:
        """Text of an election notice: what a reader sees, and the notice's own earlier
        revisions (the same candidates and subscribers, named in public by law)."""
        return self._document.election_notice and (
            not vector.hidden or vector is Vector.PRIOR_REVISION
        )

    def _in_role(self, hit: ProseHit) -> bool:
        if hit.public_role:
            return True
        full = hit.keys.full if hit.entity == "PERSON" and hit.keys is not None else None
        return full is not None and full in self._public_names

    def _group(self, pending: Pending, public: bool = False, listing: bool = False) -> ProseGroup:
        source = "metadata" if pending.vector is Vector.METADATA else "prose"
        hidden = pending.vector.hidden or pending.embedded_in is not None
        kinds = frozenset({pending.kind}) if pending.kind and not public else frozenset()
        key = (source, hidden, kinds, public, listing and not public)
        group = self._prose.setdefault(key, ProseGroup(kinds=kinds))
        group.table_categories |= pending.categories
        return group

    def _add(
        self,
        entity: str,
        vector: Vector,
        where: str,
        embedded_in: str | None,
        count: int,
        score: float,
        example: str,
        chars: int = 0,
        covers: tuple[Cover, ...] = (),
        public: bool = False,
    ) -> None:
        """Count a finding; `chars` is the length of the text it came from, 0 for a table."""
        inner = None
        if embedded_in:
            inner, vector, where = vector, Vector.EMBEDDED_FILE, embedded_in + where
        tally = self._tallies.setdefault((entity, vector, where, inner, public), Tally())
        tally.add(count, score, example, chars, covers)
