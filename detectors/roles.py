"""People named in a public capacity: candidates, councillors, MPs, ministers, chief officers,
spokespeople, authors and credits. They are reported, marked `public_role`, and rate low.

The decision is made from context, never from the name: a role title beside the name ("Cllr",
"MP", "Chief Constable", titles shipped in `detectors/data/public_roles.txt`), a byline or
credit line, a speaker's label in a transcript, a rank or role with "said" (a named
spokesperson), or, in tables, columns of an election or a list of office holders (party,
votes, candidate, constituency...). The lines around a name count too: an office alone on the
next line (a signature), an academic affiliation under a line of names (a paper's author
block), a byline running on from the line before, a credits heading above ("About the
authors", "Acknowledgements", "References"), a reference list's "(2003)". Officers and staff
in a list are never public role: a table with ranks, departments, service numbers or pay is a
staff list whatever else it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

from detectors.affiliations import affiliated
from detectors.bylines import BYLINE, CREDIT, HOME_AFTER, LABEL_COLON, POSTED_BY
from detectors.enquiries import enquiry_contact
from detectors.references import REFERENCE_DATA, numbered_reference
from detectors.vocab import CASE_PARTY, wordset

NEAR = 80
"""Characters of the same line read before a name for its title or byline."""


@cache
def role_titles() -> tuple[str, ...]:
    """Titles of public offices, longest first."""
    text = resources.files("detectors.data").joinpath("public_roles.txt").read_text("utf-8")
    titles = {line.strip().casefold() for line in text.splitlines()}
    titles = {t for t in titles if t and not t.startswith("#")}
    return tuple(sorted(titles, key=lambda t: (-len(t), t)))


def _alternation() -> str:
    # "Her Majesty's Inspector" is typeset with a curly apostrophe as often as a straight one.
    return "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in role_titles())


_COURTESY = (
    r"(?:(?:the\s+)?(?:rt\.?\s+)?(?:hon\.?\s+)?"
    r"(?:(?:dr|sir|dame|lord|lady|baroness|baron|prof|professor|mr|mrs|ms|miss|mx)\.?\s+)?)"
)
_PARTIES = (
    r"lab|labour|con|conservatives?|ld|lib\s*dems?|liberal\s+democrats?|green(?:\s+party)?|snp|"
    r"plaid(?:\s+cymru)?|reform(?:\s+uk)?|ukip|ind|independent|dup|sf|sinn\s+f[eé]in|sdlp|"
    r"alliance|uup|tuv|labour\s+(?:and|&)\s+co-?operative|lab\s*/\s*co-?op|co-?op|"
    r"conservative\s+(?:and|&)\s+unionist|democrat(?:ic)?|republican|libertarian"
)
_SAID = re.compile(
    r"^\s*(?:,[^,\n]{3,100},\s*)?(?:said|says|added|explained|commented|told|stated|warned)\b",
    re.IGNORECASE,
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|explained|commented)\s*$", re.IGNORECASE)
_RANK_BEFORE = re.compile(
    r"\b(?:chief|deputy|assistant|detective|acting|temporary|constable|sergeant|sgt|inspector|"
    r"insp|superintendent|supt|commander|officer|pc|dc|ps|ds|di|dci|dsu|pcso)\.?\s+$",
    re.IGNORECASE,
)
_APPOSITIVE_ROLE = re.compile(
    r"^\s*,\s*(?!(?:who|whose|which|that|aged|from|of|when|after)\b)"
    r"(?![^,\n]*(?:['’]s\b|\b(?:victim|suspect|witness|offender|complainant|defendant|accused)))"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:head|director|chief|leader|lead|chair\w*|spokes\w+|commissioner|minister|secretary|"
    r"councillor|cllr|mayor|manager|officer|inspector|superintendent|constable|president|"
    r"executive|founder|professor|mp|commander|coordinator|co-ordinator)\b(?!['’])",
    re.IGNORECASE,
)
"""A role at the head of the words between a name and "said": "Jane Smith, head of policy,
said"; not "Jane Smith, who attacked the councillor, said"."""
_YEARS = re.compile(
    r"^\s*\(\s*(?:c\.?\s*|b\.?\s*)?1[0-9]\d\d\s*[-–—]\s*(?:c\.?\s*)?(?:1[0-8]\d\d|19[0-5]\d)\s*\)"
)
"""Life dates ending before 1960: a historical figure (a blue plaque), not a recent death."""


LIST_NEAR = 300
"""Characters of the same line searched back through a list of names for its heading title."""
LIST_ITEMS = 30
_LIST_SEPARATOR = re.compile(r"(,|\band\b|&)")
_LIST_NAME = re.compile(
    r"[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*"
)


def _listed_under_title(before: str) -> bool:
    """True when `before` ends with a list of names headed by a public office: "Present:
    Councillors Jane Smith (Chair), Tom Brown and " before "Ann Jones"."""
    if not _TITLE_WORDS.intersection(re.findall(r"[a-z]+", before.casefold())):
        return False  # no office named at all: the common case, decided cheaply
    parts = _LIST_SEPARATOR.split(before)
    # parts alternate text, separator, text...; the name follows the last separator.
    if len(parts) < 3 or parts[-1].strip():
        return False
    index = len(parts) - 3
    for _ in range(LIST_ITEMS):
        item = parts[index]
        if _LIST_NAME.fullmatch(item) is None:
            # The text before the list: "Present: Councillors Jane Smith" ends in a name
            # headed by the office, or the office ends it.
            return _title_before().search(item) is not None or _headed(item)
        if _title_cell().match(item.strip()):
            return True  # "Councillors Jane Smith (Chair)": the office heads the list
        if index < 2:
            return False
        index -= 2
    return False


def _headed(text: str) -> bool:
    """True when `text` ends with a name that a public office heads ("… Cllr Jane Smith")."""
    tail = re.search(
        r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*$", text
    )
    if tail is None:
        return False
    return bool(_title_cell().match(tail.group()) or _title_before().search(text[: tail.start()]))


TRANSCRIPT_TURNS = 3
"""Lines opening with a speaker's label ("Jane Smith:") that make a text a transcript; one or
two such lines may as well be a case note ("Jane Smith: seen at the address")."""
_LABELLED = re.compile(r"\s*\([^)\n\d]{1,40}\)\s*:")
_AFFILIATED = re.compile(
    r"\s*,[ \t]*(?:[Tt]he[ \t]+)?[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3}[ \t]*:"
)
"""A speaker with their paper or post after a comma: "Jane Smith, BBC News:"."""
_SPEECH = re.compile(r"\s*:\s*[A-Z\"'“‘][^\d\n]{15,}$")
"""What follows a speaker's label: a spoken sentence, not a case note's date or address."""
_PARTY_LABEL = re.compile(r"\b(?:victim|suspect|witness|offender|complainant|aged?)\b", re.I)
_SPEAKER_LINE = re.compile(
    r"^[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*:",
    re.MULTILINE,
)


@lru_cache(maxsize=8)
def _speaker_lines(text: str) -> int:
    return sum(1 for _ in _SPEAKER_LINE.finditer(text))


_TITLE_WORDS = frozenset(title.split()[-1] for title in role_titles())
"""The last word of each title: a list can only be headed by an office if one is there."""


@cache
def _title_before() -> re.Pattern[str]:
    # "Minister for Policing, Jane Smith", "Chief Executive of Victim Support, Jane Smith".
    remit = r"(?:\s+(?:for|of|at)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w&'’.-]*\s*){1,5})?"
    return re.compile(rf"\b(?:{_alternation()})\b\.?{remit}[\s,:]*{_COURTESY}$", re.IGNORECASE)


@cache
def _title_heading() -> re.Pattern[str]:
    # "From the Chief Medical Officer" or "Headteacher" on its own line over "Dr Jane Smith".
    remit = r"(?:\s+(?:for|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w&'’.-]*[ \t]*){1,5})?"
    return re.compile(
        rf"[ \t]*(?:from[ \t]+)?(?:the[ \t]+)?(?:acting[ \t]+|interim[ \t]+)?"
        rf"(?:{_alternation()}){remit}[ \t]*:?[ \t]*",
        re.IGNORECASE,
    )


_COURTESY_ONLY = re.compile(rf"\s*{_COURTESY}", re.IGNORECASE)


def _titled_above(text: str, line_start: int, start: int) -> bool:
    """True when the name opens its line (after a courtesy title at most) and the line above
    holds a public office alone, or a report's authors' heading: a letter's or page's heading
    over the office holder, a report's over its first author."""
    if line_start < 2 or not _COURTESY_ONLY.fullmatch(text, line_start, start):
        return False
    above = text.rfind("\n", 0, line_start - 1) + 1
    return line_start - above <= HEADING_LINE and bool(
        _title_heading().fullmatch(text, above, line_start - 1)
        or _AUTHORS_HEADING.fullmatch(text, above, line_start - 1)
    )


_AUTHORS_HEADING = re.compile(
    r"[ \t]*(?:(?:report|lead)[ \t]+)?(?:authors?|author\(s\))[ \t]*:?[ \t]*"
    r"|[ \t]*(?:written|prepared|compiled)[ \t]+by[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
"""A report's authors' heading alone on its line, over the first of them: "Authors"."""


HEADING_LINE = 80
"""Characters at most of a line holding an office alone over its holder's name."""


@cache
def _title_after() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:\s*,\s*(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}?|\s+)(?:{_alternation()})\b(?!['’])"
        rf"|^\s*\(\s*(?:the\s+)?(?:{_PARTIES})\b[^)\n]{{0,40}}\)"
        rf"|^\s*\((?:\s*(?:him|her|them)sel(?:f|ves)\s*[-–:,])?\s*(?:the\s+)?"
        rf"(?:acting\s+|deputy\s+|elected\s+)?(?:{_alternation()}|leader)\s*\)",
        re.IGNORECASE,
    )


@cache
def _title_cell() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\b)(?:{_alternation()})(?:\b|$)", re.IGNORECASE)


CREDITS = wordset("""
    producer producers director directors editor editors presenter presenters narrator
    writer writers composer camera sound researcher researchers cast host contributor
    contributors
    """)
"""Roles in the credits of a film, programme or publication: named in public."""


_POLITICAL_HEADER = re.compile(
    r"\b(?:constituency|political party|electoral (?:ward|division|area)|mnis)\b"
)
_PARTY_VALUE = re.compile(
    rf"(?:the\s+)?(?:{_PARTIES}|crossbench(?:er)?|non-?affiliated|bishops?|lords?\s+spiritual|"
    r"independent\s+\w+|speaker)(?:\s+party)?\.?",
    re.IGNORECASE,
)


def political_table(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> bool:
    """True for the (normalised) headers and column values of a table of elected members:
    a constituency or political-party header, or a column mostly of party names. Their
    department or title columns name what they speak for, not where they work."""
    if any(_POLITICAL_HEADER.search(h) for h in headers):
        return True
    return party_column(columns) or _congress(headers, columns)


_PARTY_LETTER = re.compile(r"[RDI]")
_US_SEAT = re.compile(r"[A-Z]{2}-(?:\d{1,2}|AL|SEN)")


def _congress(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> bool:
    """Members of the US Congress: a "Party" column of its letters ("R", "D") beside a column
    of their seats ("OH-12", "MN-SEN")."""
    letters = any(
        h == "party" and i < len(columns) and _mostly(columns[i], _PARTY_LETTER)
        for i, h in enumerate(headers)
    )
    return letters and any(_mostly(values, _US_SEAT) for values in columns)


def _mostly(values: Sequence[str], pattern: re.Pattern[str]) -> bool:
    filled = [v.strip() for v in values if v and v.strip()]
    return len(filled) >= 3 and sum(1 for v in filled if pattern.fullmatch(v)) >= 0.6 * len(filled)


def party_column(columns: Sequence[Sequence[str]]) -> bool:
    """True when a column is mostly political parties' names ("Labour", "Lib Dem", "SNP")."""
    return any(_mostly(values, _PARTY_VALUE) for values in columns)


def candidates_table(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> bool:
    """A constituency or electoral-area header beside a column of parties' names: candidates
    or members for their seats, whose birth dates are published with them (a register of
    candidates, a list of MPs). A staff roster has neither."""
    return any(_POLITICAL_HEADER.search(h) for h in headers) and party_column(columns)


def is_role_title(value: str) -> bool:
    """True for a cell naming a public office ("Councillor", "MP for Ashford", "Chief
    Constable") or a credit ("Executive producer"); ranks below assistant chief constable are
    not public offices."""
    if not value.strip():
        return False
    words = re.findall(r"[a-z]+", value.casefold())
    if words and words[-1] in CREDITS:
        return True
    return _title_cell().search(value) is not None


CASEWORK = re.compile(
    r"\b(?:cases?|casework|case\s*notes?|enquir(?:y|ies)|complaints?|complainants?|referrals?|"
    r"incidents?|crimes?|offences?|safeguarding|concerns?)\b",
    re.IGNORECASE,
)
"""Headers of a table of cases (a councillor's casework, complaints, referrals): its notes
are about private people, whoever the table names in public."""


ELECTION_NOTICE = re.compile(
    r"statement\s+(?:of|as\s+to)\s+(?:the\s+)?persons?\s+nominated|notice\s+of\s+poll|"
    r"declaration\s+of\s+(?:the\s+)?result\s+of\s+poll|persons\s+nominated\s+for\s+election|"
    r"a\s+poll\s+for\s+the\s+election\s+of\b",
    re.IGNORECASE,
)
"""The statutory election notices (statement of persons nominated, notice of poll, declaration
of result): every candidate, proposer and seconder in them is named in public by law."""


def public_in_prose(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] is named in a public capacity."""
    if ELECTION_NOTICE.search(text) is not None:
        return True
    while end > start + 1 and text[end - 1].isspace():
        end -= 1  # a match that took the line's end with it
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - NEAR) : start]
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)][: NEAR + 40]
    if _title_before().search(before) or _title_after().search(after):
        return True
    if _titled_above(text, line_start, start):
        return True  # "From the Chief Medical Officer / Dr Jane Smith"
    if _listed_under_title(text[max(line_start, start - LIST_NEAR) : start]):
        return True  # "Present: Councillors Jane Smith, Tom Brown and Ann Jones"
    byline = BYLINE.search(text[line_start:start]) or POSTED_BY.search(before)
    if (byline or CREDIT.search(before)) and not (HOME_AFTER.search(after)):
        return True  # a byline gives no home address or phone: "Reported by: … , 12 Acacia…"
    if LABEL_COLON.search(before) and not HOME_AFTER.search(after):
        return True  # "Date: 3 May  Report author: Jane Smith"
    label = _LABELLED.match(after) or _AFFILIATED.match(after)
    if label and not _PARTY_LABEL.search(label.group()):
        return True  # a speaker named with their paper or post ("Jane Smith (BBC News):")
    turn = not text[line_start:start].strip() and _SPEECH.match(after) is not None
    if turn and _speaker_lines(text) >= TRANSCRIPT_TURNS:
        return True  # a speaker's turn in a transcript ("Jane Smith: Thank you")
    if _YEARS.match(after):
        return True  # "Jane Smith (1820–1890)": a historical figure, a blue plaque
    if _set_apart(text, line_start, start, end):
        return True  # a signature over an office, an author block, a byline run on
    if _in_credits(text, start, end):
        return True  # "About the authors", "Acknowledgements", "References"
    if numbered_reference(text, start) and not _party_near(text, start, end):
        return True  # "[24] Jane Smith, Tom Brown, and Ann Lee. A title. In Proceedings, 2008."
    cites = REFERENCE_DATA.search(text, max(0, start - REFERENCE_NEAR), end + REFERENCE_NEAR)
    if cites and not _party_near(text, start, end):
        return True  # {"family": "Smith", "given": "Jane"}: a cited author, in a field code
    cited = _CITED.match(after) or _SCHOLAR.match(text, end) or _CITED_TITLE.match(text, end)
    if (cited or _SEE.search(before) or _ACADEMIC.match(text, end)) and not _party_near(
        text, start, end
    ):
        # "Smith, J. (2003), “Title”", "Jane Smith is Professor of Law", "see Jane Smith,
        # “Title,”", "Jane Smith, Professor, University of Leeds"
        return True
    if affiliated(text, end) and not _party_near(text, start, end):
        return True  # "Frances Newell, NHS England": a speaker, a panel member, an expert
    if enquiry_contact(text, start, end):
        return True  # "Any enquiries should be directed to Jane Smith, the Programme Manager"
    said = _SAID.match(after)
    if said or _SAID_BEFORE.search(before):
        # A named spokesperson speaks with a rank or a role; a victim quoted has neither.
        if _RANK_BEFORE.search(before) or _title_before().search(before):
            return True
        return said is not None and _APPOSITIVE_ROLE.match(after) is not None
    return False


_ONE_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4}"
_NAMES_LINE = re.compile(
    rf"[ \t]*{_ONE_NAME}(?:[ \t]*(?:,|\band\b|&)[ \t]*{_ONE_NAME})*[ \t]*,?[ \t]*"
)
"""A line of nothing but names: "Jane Smith", "Sophie Chen and Ann Jones"."""
_RUN_ON = re.compile(r"(?:,|\band|&)[ \t]*$", re.IGNORECASE)
"""A byline that goes on to the next line ends with a comma or "and"."""
_AFFILIATION = re.compile(
    r"[ \t]*(?:the[ \t]+)?(?:universit(?:y|é)\b|(?:department|school|faculty)[ \t]+of\b|"
    r"institute[ \t]+(?:of|for)\b|(?:research[ \t]+)?cent(?:re|er)[ \t]+for\b|laborator(?:y|ies)\b)"
    r"|[ \t]*[^,\n]{0,40}\buniversit(?:y|é)\b",
    re.IGNORECASE,
)
"""An academic affiliation opening the line under an author's name ("The University of Leeds",
"Department of Psychology, …"); never a school's or a business's name alone (a list of pupils
under their school is no author block), nor a job title before it ("Reporter, … Institute":
a requester's signature)."""


def _set_apart(text: str, line_start: int, start: int, end: int) -> bool:
    """True when the name's line holds only names and the lines around it say whose they are:
    the next line is an office alone ("David Parr\nReturning Officer", a signature) or an
    academic affiliation (a paper's author block), or the line before is a byline running on
    ("Authors: Jane Smith, Tom Brown,\nAnn Jones and Sam Lee")."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not _NAMES_LINE.fullmatch(before + "X" + after) and not _tail_of_dated(before, after):
        return False
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    if following.strip() and _office_line().fullmatch(following.strip()):
        return True
    if not _tail_of_dated(before, after) and _AFFILIATION.match(following):
        return True
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    previous = text[previous_start : max(previous_start, line_start - 1)]
    return bool(
        previous.strip()
        and not _tail_of_dated(before, after)
        and _RUN_ON.search(previous)
        and BYLINE.search(previous)
    )


_DATED = re.compile(r"^\s*dated\b[^\n]{0,60}?\d{4}\s*$", re.IGNORECASE)
"""A notice's signature line: "Dated Wednesday 24 April 2019 David Parr"."""


def _tail_of_dated(before: str, after: str) -> bool:
    return not after.strip() and _DATED.match(before) is not None


@cache
def _office_line() -> re.Pattern[str]:
    """A line that is wholly a public office: "Returning Officer", "Chief Constable of Kent"."""
    return re.compile(
        rf"(?:(?:acting|deputy|temporary|interim)\s+)?(?:{_alternation()})\b"
        r"(?:\s+(?:for|of|to)\s+[^\n]{1,60})?\.?",
        re.IGNORECASE,
    )


REFERENCE_NEAR = 300
"""Characters around a name within which a reference manager's record marks it as cited."""

_CITED = re.compile(
    r"^[^\n()“”\"]{0,60}?\(\s*(?:(?:19|20)\d\d[a-z]?\s*\)\s*[,.:]\s*[“\"‘'A-Z]|[Ee]ds?\.?\s*\))"
)
"""A reference list's entry after a name: "Smith, J. (2003), “Title”", "Jones, A. (Ed.)"."""
_SCHOLAR = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:currently\s+)?(?:(?:the|a|an)\s+)?"
    r"(?:(?:senior|principal|associate|assistant|visiting|emeritus)\s+)?"
    r"(?:corresponding\s+author|co-?authors?|professors?|lecturers?|"
    r"research\s+(?:fellows?|assistants?|associates?)|phd\s+(?:students?|candidates?))\b",
    re.IGNORECASE,
)
"""An author's biography: "Jane Smith is Professor of…", "… is the corresponding author"."""
_CITED_TITLE = re.compile(
    r"(?:\s+(?:and|&)\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)?,\s*[“\"‘][A-Z]"
)
"""A footnote's citation: the author, then a comma and the quoted title ("Jane Smith and Tom
Brown, “Policing the Crisis,”")."""
_SEE = re.compile(
    r"\b(?:see|cf\.|edited\s+by|eds?\.)(?:,?\s+(?:for\s+example|also|e\.g\.),?)?\s*$",
    re.IGNORECASE,
)
"""Words that lead into a citation: "See, for example, Jane Smith…", "edited by Jane Smith"."""
_ACADEMIC = re.compile(
    r",\s*(?:(?:associate|assistant|deputy|senior|principal|visiting|emeritus)\s+)?"
    r"(?:professor|lecturer|reader|researcher|research\s+(?:fellow|associate|director)|"
    r"director\s+of\s+research|principal\s+associate|president)\b"
    r"[^\n;]{0,80}?\b(?:universit(?:y|é)|institute|college|forum|foundation|cent(?:er|re)|"
    r"school|academy|council|association|inc)\b",
    re.IGNORECASE,
)
"""A name with an academic or professional post and its institution after it, as reviewers
and contributors are credited ("Jane Smith, Professor, University of Leeds")."""

CREDITS_NEAR = 4000
"""Characters after a credits heading ("About the authors") within which names are credited."""
_CREDITS_HEADING = re.compile(
    r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:about[ \t]+the[ \t]+authors?|"
    r"acknowledge?ments?|notes[ \t]+on[ \t]+(?:the[ \t]+)?contributors|"
    r"author[ \t]+biograph(?:y|ies)|references|bibliography|further[ \t]+reading)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
"""Headings of the parts of a published work that credit people by name."""


@lru_cache(maxsize=8)
def _credit_headings(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _CREDITS_HEADING.finditer(text))


def _in_credits(text: str, start: int, end: int) -> bool:
    """True when the name lies under a credits heading (the authors' biographies,
    acknowledgements, a reference list) and is not called a party to a case there."""
    heads = _credit_headings(text)
    if not any(0 <= start - h <= CREDITS_NEAR for h in heads):
        return False
    return not _party_near(text, start, end)


def _party_near(text: str, start: int, end: int) -> bool:
    """A victim, suspect, witness, offender or defendant word within NEAR characters."""
    return CASE_PARTY.search(text, max(0, start - NEAR), end + NEAR) is not None
