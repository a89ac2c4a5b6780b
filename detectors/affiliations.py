"""A person named with the body they speak, sit or work for: "Frances Newell, NHS England",
"Dr Jane Smith, University of Leeds", "Tom Brown (Social Researcher, Scottish Health Council)".

Reports of citizens' assemblies and juries, conference programmes and consultation papers
name their speakers, expert witnesses, panels and authors this way: each is named in a
professional capacity, for the body after the name. A police force's own officers are never
named in public this way (a constable beside the force is still on its staff), nor is anyone
beside the words of a case or a private life (a patient, a pupil, a tenant).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from detectors.names import is_forename, normal
from detectors.vocab import TITLES, wordset

BODY_WORDS = wordset("""
    university universities college institute institution academy school faculty
    nhs trust foundation council government department ministry office agency authority
    commission committee board panel partnership network networks alliance association
    society charity federation union group centre center service services healthwatch
    hospital hospitals clinic ltd limited plc llp cic company inc corporation consultancy
    consultants museum library gallery parliament senedd executive observatory
    """)
"""Words of a body's name. Not "police" nor "constabulary": an officer beside the force is
on its staff, and a list of them is the leak."""
PRIVATE_WORDS = re.compile(
    r"\b(?:patients?|pupils?|students? at|residents? (?:of|at)|tenants?|clients?|service users?|"
    r"inmates?|prisoners?|detainees?|victims?|suspects?|offenders?|complainants?|defendants?|"
    r"accused|arrested|charged|aged|deceased|born|police|constabulary|admitted|discharged|"
    r"diagnosed|injured|assaulted|attacked|died|treated)\b",
    re.IGNORECASE,
)
"""Words that make the name one of a private life or a case, or an officer's, never a
speaker's."""
_AND_NAME = r"(?:[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’-]*)?"
"""A second name run on after the first ("… and Tom Brown"), which the words after it share."""
_AFTER = re.compile(
    _AND_NAME
    + r"(?:[ \t]*(?:,|\(|[–—-][ \t])|[ \t]+(?P<linked>at|from|of)[ \t]+the(?=[ \t]+[A-Z]))"
    r"[ \t]*(?P<body>[^\n;]{2,140}(?:\n[ \t]*[^\n;]{1,80})?)"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&-]*")
_DIGITS = re.compile(
    r"\d{3,}|\d+[ \t]+[A-Z][a-z]+[ \t]+(?:road|street|lane|avenue|close|drive)\b", re.I
)
BODY_WORDS_NEAR = 12
"""Words of the clause after the name within which the body's name must begin."""


def affiliated(text: str, end: int) -> bool:
    """True when the name ending at `end` is followed, in the same clause, by the body it is
    named for ("…, NHS England", "… (Director, Possible Ltd)", "… and Tom Brown, REACH
    Trust")."""
    match = _AFTER.match(text, end)
    if match is None:
        return False
    # On its line, or run on to the next; what follows the body (its address, its phone)
    # says nothing of whose capacity it is.
    clause = _CONTACT_LABEL.split(match.group("body"), maxsplit=1)[0]
    if match.group("linked"):  # "at the …", "from the …": the body's name ends at a comma
        clause = clause.split(",", 1)[0]
    return body_named(" ".join(clause.split()[:BODY_WORDS_NEAR]))


_CONTACT_LABEL = re.compile(r"\b(?:tel|telephone|phone|mobile|mob|fax|e-?mail)\b", re.IGNORECASE)
"""Where a body's name gives way to its contact details ("… Rural Affairs Tel: 020…")."""


def body_named(text: str) -> bool:
    """True when `text` names a body ("NHS England", "University College London", "the
    ALLIANCE"), and no case, private life or police force."""
    if PRIVATE_WORDS.search(text) or _DIGITS.search(text):
        return False
    words = {w.casefold().rstrip("0123456789").strip("'’") for w in _CAPITALISED.findall(text)}
    return bool(words & BODY_WORDS)


_PARTS = re.compile(r"[ \t]*(?:,|\(|[–—-][ \t])")


def names_a_body(value: str) -> bool:
    """True for a cell that gives someone with the body they come from ("Frances Newell, NHS
    England", "a) Micky Griffith and Becky Parish, One Gloucestershire (NHS)")."""
    value = " ".join(value.split())
    part = _PARTS.search(value)
    if part is None or part.start() == 0:
        return False
    return affiliated(value, part.start())


BODIES_SHARE = 0.6
"""Share of a column's cells that must name a body for its people to be a panel's."""
MANY_BODIES = 0.5
"""Share of distinct values among those: a panel's members come from many bodies, one
employer's staff from its few departments."""
POST_AT_HEADER = re.compile(
    r"(?:(?:role|post|position|title|job title|organi[sz]ation|affiliation)"
    r"(?: (?:and|or))? ?){2}"
)
"""A heading of each person's post and body together ("Role/organisation")."""


def many_bodies(values: Sequence[str]) -> bool:
    """True for a column of the many bodies a panel's members come from ("NHS Borders",
    "Director, Association for Decentralised Energy", "University of Edinburgh")."""
    filled = [" ".join(v.split()) for v in values if v.strip()]
    named = [v for v in filled if body_named(v)]
    return (
        len(filled) >= 3
        and len(named) >= BODIES_SHARE * len(filled)
        and len(set(named)) >= MANY_BODIES * len(named)
    )


def wrapped_entries(columns: Sequence[Sequence[str]], names: Sequence[bool]) -> list[list[str]]:
    """The columns with each row whose name cells are empty joined to the row above: a
    wrapped post ("National Clinical Advisor, Realistic | Medicine, NHS Lanarkshire") set
    over several lines of a PDF's table is one entry."""
    if not any(names):
        return [list(c) for c in columns]
    joined: list[list[str]] = [[] for _ in columns]
    for row in zip(*columns, strict=True):
        runs_on = bool(joined[0]) and all(
            not cell.strip() or _name_runs_on(column[-1], cell)
            for cell, n, column in zip(row, names, joined, strict=True)
            if n
        )
        for column, cell in zip(joined, row, strict=True):
            if runs_on:
                column[-1] = f"{column[-1]} {cell}".strip()
            else:
                column.append(cell)
    return joined


def _name_runs_on(above: str, cell: str) -> bool:
    """A name too long for its cell, its surname on the next line ("Professor Andrew" over
    "Thompson"): a courtesy title and a lone forename above, one capitalised word below."""
    words = above.split()
    titled = [w for w in words if normal(w) not in TITLES]
    return (
        len(titled) == 1
        and len(words) > 1
        and is_forename(titled[0])
        and len(cell.split()) == 1
        and cell.strip()[:1].isupper()
    )


def expert_witnesses(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> bool:
    """A witness column whose people come each with the body they speak for ("Frances Newell,
    NHS England"): a citizens' jury's or a committee's expert witnesses, heard in public.
    `headers` are normalised (lower case, words apart)."""
    for header, values in zip(headers, columns, strict=True):
        filled = [v for v in values if v.strip()]
        words = set(header.split())
        if (
            words & {"witness", "witnesses"}
            and len(filled) >= 3
            and sum(map(names_a_body, filled)) >= BODIES_SHARE * len(filled)
        ):
            return True
    return False


_POST = (
    r"(?:[A-Z][\w'’&-]*[ \t]+){0,4}"
    r"(?:(?i:adviser|advisor|co-?ordinator|worker|manager|officer|lead|clerk|secretary|"
    r"administrator|assistant|supervisor|practitioner|nurse|teacher|director|head)s?|"
    r"D?DSL|DPO|SENCO|SENDCo)\b"
)
_POST_AFTER = re.compile(
    _AND_NAME + rf"(?:[ \t]*(?:[,:–—-][ \t]*)?{_POST}|[ \t]*\([ \t]*{_POST}[ \t]*\))"
)
"""A post in capitals right after a name on its line, or after the next name, or in brackets
("Daphne Sohl Children's Centre Coordinator 0782…", "Jane Smith and Tom Brown Centre
Advisers", "Mrs Jane Smith (Director)", "Jane Smith: DSL", a school's designated
safeguarding lead): a staff list's or a notice's work contact. Not "Jane Smith, a care
worker, of …" nor "(care worker)": a private person's job is told in lower case."""


_POST_LABEL = re.compile(
    r"[ \t]*\n[ \t]*(?:position|job[ \t]+title|post(?:[ \t]+held)?|designation)[ \t]*:"
    r"[ \t]*(?P<post>[^\n]{2,60})",
    re.IGNORECASE,
)
"""A form's contact block giving the post on the line after the name ("Name: Jane Smith /
Position: Senior Lecturer / Email: … / Tel: …"): the contact details are the post's."""


def post_after(text: str, end: int) -> bool:
    """Whether a name ending at `end` is followed on its line by a post in capitals, or on the
    next line by a post under its label (not a case's party: "Position: Witness")."""
    if _POST_AFTER.match(text, end) is not None:
        return True
    labelled = _POST_LABEL.match(text, end)
    return labelled is not None and not PRIVATE_WORDS.search(labelled.group("post"))
