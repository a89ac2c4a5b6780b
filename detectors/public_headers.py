"""Table headers that mark people named in public: election results, office holders,
speakers, authors and credits, a public board's appointees, a register of political donations
or of licensed premises, a document's version history. Headers come normalised
(`columns.normal_header`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ELECTORAL = re.compile(
    r"\b(?:party|political party|votes?|elected|constituency|ward|division|description|result)\b"
)
_CANDIDATE = re.compile(r"\bcandidates?\b")
_ASK = (
    r"(?:enquir(?:i?es)|inquir(?:i?es)|queries) (?:about|regarding|to)|"
    r"contacts? for (?:enquiries|inquiries|queries|further information)"
)
ENQUIRIES_HEADER = re.compile(rf"\b(?:{_ASK})\b")
"""The header of a column of whom to ask ("Enquiries about the call", and its common
misspelling "Enquires about …"): the staff a body names for its readers to reach."""
PUBLIC_HEADER = re.compile(
    r"\b(?:party|political party|political group|votes?|votes cast|no of votes|"
    r"number of votes|elected|constituency|electoral (?:ward|division|area)|seat ?name|"
    r"councillors?|cllr|council members?|alder(?:man|men|woman|women|persons?)|"
    r"member of parliament|mp|msp|speakers?|presenters?|panellists?|"
    r"authors?|producers?|credits?|byline|portfolio|majority|share of (?:the )?vote|"
    r"coroners?|judges?|crown representatives?|"
    r"turnout|office held|plaque|date of evidence|evidence session|oral evidence|"
    r"written evidence|transcript|appointed by|term (?:ends|expires|of office)|"
    r"ep id|everypolitician(?: id)?|twfy (?:person )?id|theyworkforyou(?: id)?|mnis id|"
    rf"parlparse id|{_ASK})\b"
)
"""Normalised table headers of election results and lists of office holders (coroners, judges
and the Crown Representatives appointed to strategic suppliers among them), speakers, authors
and credits, and of a public board's appointed members ("Term Ends", "Appointed By"); and the
open-data identifiers given to politicians alone (EveryPolitician's, TheyWorkForYou's,
Parliament's member ids); and the column of whom to ask."""


def contributions(headers: Sequence[str]) -> bool:
    """True for a register of campaign contributions: a contributor's column beside the
    occupation and employer disclosed with each contribution. Those two are columns of what
    the contributor does, not of anyone's staff."""
    return any(_CONTRIBUTOR.search(h) for h in headers) and all(
        any(column.search(h) for h in headers) for column in _DISCLOSED
    )


def public_headers(headers: Sequence[str]) -> bool:
    """True for the (normalised) headers of election results or a list of office holders,
    speakers, authors or credits; "Candidate" only beside an electoral column (a recruitment
    shortlist has candidates too); a register of donations, or of contributions with each
    contributor's occupation and employer; a version history; a club's players' figures."""
    if any(PUBLIC_HEADER.search(h) for h in headers):
        return True
    if any(_DONATION.search(h) for h in headers) and any(_REGISTER.search(h) for h in headers):
        return True
    if contributions(headers):
        return True
    if any(_VERSION.fullmatch(h) for h in headers) and any(_WRITER.search(h) for h in headers):
        return True
    if len({m.group() for h in headers for m in [_SPORTS.search(h)] if m}) >= SPORTS_COLUMNS:
        return True
    return any(_CANDIDATE.search(h) for h in headers) and any(_ELECTORAL.search(h) for h in headers)


_SPORTS = re.compile(
    r"\b(?:overs|maidens|wickets|innings|not outs?|outs|runs|highest score|strike rate|economy|"
    r"games played|matches played|"
    r"catches|stumpings|goals|assists|appearances|apps|tries|conversions|caps|points scored|"
    r"pts|played|won|drawn|lost|frames(?: won| lost| for| against)?|fr|merit|order of merit)\b"
)
SPORTS_COLUMNS = 3
"""Kinds of column of a sports club's averages, results or rankings that name its players in
public: overs, wickets and runs; goals, assists and appearances; a league's points, frames and
order of merit, beside each player's name. The same kind repeated for each round counts once."""
_DONATION = re.compile(r"\b(?:donations?|donors?)")
_REGISTER = re.compile(
    r"\b(?:donor ?status|regulated ?entity\w*|date reg(?:istered)?|date acc(?:epted)?|"
    r"accepted ?date|reported ?date)\b"
)
"""A register of donations to politicians or parties (the donor, its status, the dates the
gift was accepted and registered), which the law has published."""
_CONTRIBUTOR = re.compile(r"\b(?:contributors?|contributor \w+|donors?|donor \w+)$")
_DISCLOSED = (re.compile(r"\boccupation\b"), re.compile(r"\bemployer\b"))
"""A US campaign-finance register of contributions: the contributor with the occupation and
the employer the law requires each contribution to disclose."""


_ISSUED = re.compile(
    r"\b(?:(?:premises |operating )?licen[cs]e (?:type|status|class|category|issued|granted)|"
    r"type of (?:issuance|licen[cs]e|permit)|issuance(?: date| type)?|permit(?: type| status)?)$"
)
_LICENSED = re.compile(r"\b(?:premises|facility|operation|establishment|trading|dba)\b")
_LICENSEE = re.compile(
    r"\b(?:licen[cs]ee|licen[cs]e holder|designated premises supervisor|dps|registered manager|"
    r"administrator|director|proprietor|operator)\b"
)
_PERSONAL_ID = re.compile(r"\b(?:driving|driver|date of birth|dob|home|national insurance)\b")
_ARMS = re.compile(
    r"\b(?:fire ?arms?|shotguns?|gun ?(?:dealers?|shops?|smiths?)|weapons?|ammunition|"
    r"explosives?)\b",
    re.IGNORECASE,
)


def licence_register(headers: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> bool:
    """True for a regulator's register of licensed premises or operations: the licence's type
    or status, the premises or facility, and the licensee, supervisor or administrator named
    with them, as the licensing law has the register published. A staff list with a driving
    licence's number, or anyone's birth date or home, is no register; nor is a register of
    firearms or explosives dealers, which no force publishes."""
    kinds = [i for i, h in enumerate(headers) if _ISSUED.search(h) or _LICENSED.search(h)]
    said = [*headers, *(row[i] for row in rows for i in kinds if i < len(row))]
    return (
        any(_ISSUED.search(h) for h in headers)
        and any(_LICENSED.search(h) for h in headers)
        and any(_LICENSEE.search(h) for h in headers)
        and not any(_PERSONAL_ID.search(h) for h in headers)
        and not any(_ARMS.search(v) for v in said)
    )


_VERSION = re.compile(r"(?:version|version (?:no|number)|revision|rev)")
_WRITER = re.compile(
    r"\b(?:writer|author|owner|reviewer|reviewed by|approved by|approver|amended by|"
    r"changed by|updated by|editor|prepared by)\b"
)
"""A document's version history or document control table (version, date, writer or
approver, changes): the people who wrote and approved a published document, in role."""


_BALLOT = re.compile(
    r"\b(?:votes?|votes cast|vote share|incumbent|elected|elected official|primary|runoff|"
    r"turnout|majority)\b"
)


def ballot(headers: Sequence[str]) -> bool:
    """Candidates for public office beside their votes, primaries or incumbency: what a
    returning officer or a newsroom publishes of them (their race, sex or service with it) is
    published with their candidacy. A recruitment shortlist has candidates, never votes."""
    return any(_CANDIDATE.search(h) for h in headers) and any(_BALLOT.search(h) for h in headers)


_APPEARANCE = re.compile(
    r"\b(?:rally|rallies|town ?hall|speech(?! (?:and|&) language| therap)|meet (?:and|&) greet|"
    r"fundraiser|debate|hustings|candidate forum|roundtable|campaign (?:stop|event|visit)|"
    r"caucus|bus tour|press conference|interview)\b",
    re.IGNORECASE,
)
APPEARANCE_SHARE = 0.5
"""Share of a column's values that must be public appearances to make it a campaign's."""


def campaign_trail(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> bool:
    """Candidates beside the rallies, town halls, speeches and debates they held: a log of
    campaign appearances, made in public by candidates for office. A recruitment shortlist's
    candidates have interviews alone, never rallies."""
    if not any(_CANDIDATE.search(h) for h in headers):
        return False
    for values in columns:
        filled = [v for v in values if v.strip()]
        found = [m.group().casefold() for v in filled for m in [_APPEARANCE.search(v)] if m]
        if filled and len(found) >= APPEARANCE_SHARE * len(filled) and set(found) - {"interview"}:
            return True
    return False
