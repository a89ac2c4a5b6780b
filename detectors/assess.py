"""Assessment: from detected evidence and hiding places to one severity for the document.

Each exposure (a table, or the prose of one kind of place) is rated on its own and the document
takes the highest rating. "Hidden" means a reader of the document would not see it (hidden
sheets, pivot caches, comments, embedded files...). "Sensitive" means a special category, or an
identifier such as a NINO, NHS number or date of birth, sits with the people.

| what was found                                                       | severity |
|----------------------------------------------------------------------|----------|
| case records with a special category (sexual, domestic, hate…)       | critical |
| a list of offenders (sex offenders, MAPPA, an offender register)     | critical |
| hidden case records of 10 or more people                             | critical |
| hidden staff list of 100 or more people                              | critical |
| visible staff list of 100 or more with pay or sensitive identifiers  | critical |
| any other case records                                               | high     |
| visible staff list of 100 or more; hidden staff list of 10 or more   | high     |
| sensitive identifiers or special categories with any named person    | high     |
| personal data under a box drawn over it in a PDF (failed redaction)  | high     |
| (not under a light panel over a fifth of the page: hidden text)      |          |
| a named victim, witness, complainant or offender; the officer a      | high     |
| complaint is about (not a hearing's published outcome); a letter     |          |
| telling its addressee of their dismissal, suspension or misconduct   |          |
| finding                                                              |          |
| 50 or more people in any other table, or in text with their details  | high     |
| staff or contact list of 10 or more; hidden staff list of 2 to 9     | medium   |
| staff list of 3 or more officers with their collar or service numbers | medium   |
| a private person's name with their home address or own phone         | medium   |
| 3 or more people in hidden text (comments, tracked changes…)         | medium   |
| 10 or more people in visible text with contact details or ids        | medium   |
| a part that could not be read, `unread` (suspect, not clean)        | medium   |
| names alone in visible text, however many                            | low      |
| names in visible text with 3 or fewer contact details among them     | low      |
| a few names or work contact details in visible text or lists         | low      |
| a category in the sentence of people in visible text, no more        | low      |
| people named in a public role (candidates, councillors, ministers…)  | low      |
| author or editor names in document properties, comment and change   | low      |
| authors (the inspectors report them under `metadata`)                |          |
| hidden sheets, rows or caches holding nothing personal               | low      |
| nothing found                                                        | none     |

An unread part is a typed fact an inspector records (`detectors.model.Unread`), never read from
the wording of a hiding place's description.

An exposure of people named in a public role (`Exposure.public_role`: candidates, councillors,
MPs, ministers, commissioners, chief officers, spokespeople, authors, the allow-list; see
`detectors.roles`) rates low whatever its size; private people in the same document are rated
on their own. A pivot cache that repeats a visible sheet is rated as that visible sheet, and
hidden text that names only people the document shows anyway and says nothing more of them
(an earlier revision of the page, a carousel's hidden slides) is rated as shown text.

Tables of the same kinds, equally hidden or shown, are rated as one table of all their people:
a roster printed across forty pages, fifty to a page, is a list of two thousand officers, and
two sheets of thirty staff are sixty people exposed.

Names alone in visible prose are what a published page is made of (minutes, reports, news,
a court's list of opinions, an encyclopedia article): however many there are, they rate low.
What lifts visible prose is something said of a person beyond their name: a contact detail or
identifier, a home address, a victim's, witness's or offender's role, a kind of record, an
offender list. A crowd of names with three contact details or fewer among them (a village
hall's donors and its bookings secretary's phone) is names alone but for those few, and rates
low too; the contacts are still reported. A table printed as text is read as a table
(`detectors.prose_columns`, `detectors.prose_records`), so a roster in a PDF is rated as a
roster, not as prose.

A special category named in the sentence of people in visible prose, with no identifier,
contact detail or address of anyone and no victim, witness or offender among them (a film's
plot in which a character is injured, a signatory just above a census note on race, a news
digest of a conflict naming a few of its many people beside the wounded), is what a page is
about, not a fact leaked about them: those names are rated as names alone. Said of more than
three people and of half or more of those named ("five named passengers were each
diagnosed…"), it is about them. A sexual offence, domestic abuse or an informant said in a named
person's own sentence stays high however little else is given: naming them is the harm (said
only beside a number, as "prior PC 288 convictions" in a rule book, it names no one).

A document is worth an alert at `medium` and above: a web team should not be woken for the
author field of a Word file or the FOI officer's signature, but should be for any hidden list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from detectors.evidence import Evidence, Exposure
from detectors.model import Severity, Structure, Unread

STAFF_MANY = 100
SOME = 10
CROWD = 50
LIST = 2
"""People a staff or contact list needs: one person's work contact on a form is no list."""
FEW = 3
"""Named people a special category may be said of in visible prose and still be the topic;
more may, when they are under half of the people the prose names."""
FEW_CONTACTS = 3
"""Contact details at most among a crowd of names in visible prose for it to be names alone
but for those few (a hall's donors, and its bookings secretary's phone and mailbox)."""


@dataclass(frozen=True)
class Assessment:
    severity: Severity
    reason: str = ""
    """The rule that set the severity, in words fit for an alert."""


def assess(
    evidence: Evidence, structures: tuple[Structure, ...], unread: tuple[Unread, ...] = ()
) -> Assessment:
    """The highest severity any exposure, or any unread or hidden part, deserves."""
    rated = [
        _rate(exposure)
        for exposure in _one_per_table_kind(evidence.exposures)
        if exposure.people or exposure.kinds
    ]
    if any(any(not c.panel for c in finding.covers) for finding in evidence.findings):
        # Someone meant to hide it and believes it is hidden: it is still in the file. Words
        # under a layout's panel alone are rated as the hidden text they are.
        rated.append((Severity.HIGH, "personal data under a redaction box that hides nothing"))
    if unread:
        first = unread[0]
        more = f" and {len(unread) - 1:,} more" if len(unread) > 1 else ""
        reason = f"could not be fully read: {first.where}: {first.reason}{more}"
        rated.append((Severity.MEDIUM, reason))
    if any(s.vector.hidden for s in structures):
        rated.append((Severity.LOW, "hidden parts hold nothing personal"))
    if not rated and evidence.findings:
        rated.append((Severity.LOW, "personal data found"))
    if not rated:
        return Assessment(Severity.NONE)
    severity, reason = max(rated, key=lambda pair: pair[0].rank)
    return Assessment(severity, reason)


def _one_per_table_kind(exposures: tuple[Exposure, ...]) -> list[Exposure]:
    """Table exposures of the same kinds, visibility and capacity merged into one."""
    merged: dict[tuple[bool, bool, tuple[str, ...]], Exposure] = {}
    others: list[Exposure] = []
    for exposure in exposures:
        if exposure.source != "table":
            others.append(exposure)
            continue
        key = (exposure.hidden, exposure.public_role, exposure.kinds)
        seen = merged.get(key)
        merged[key] = exposure if seen is None else _joined(seen, exposure)
    return [*others, *merged.values()]


def _joined(a: Exposure, b: Exposure) -> Exposure:
    return replace(
        a,
        people=a.people + b.people,
        special_categories=tuple(sorted({*a.special_categories, *b.special_categories})),
        sensitive=a.sensitive or b.sensitive,
        pay=a.pay or b.pay,
        numbered=a.numbered or b.numbered,
        private=a.private or b.private,
        role=a.role or b.role,
        offenders=a.offenders or b.offenders,
        categorised=a.categorised + b.categorised,
        grave=a.grave or b.grave,
        details=a.details + b.details,
    )


def _names_alone(exposure: Exposure, contacts: int = 0) -> bool:
    """Visible prose that names people and says nothing more of them (no identifier, home
    address, role in a case or kind of record) than `contacts` contact details at most: a
    published text, and a few people's contacts in it."""
    return (
        exposure.source == "prose"
        and not exposure.hidden
        and exposure.details <= contacts
        and not (exposure.private or exposure.role or exposure.offenders)
        and not exposure.kinds
        and (not exposure.sensitive or _topical(exposure))
    )


def _rate(exposure: Exposure) -> tuple[Severity, str]:
    people, hidden, kinds = exposure.people, exposure.hidden, exposure.kinds
    where = "hidden" if hidden else "visible"
    if exposure.offenders and people:
        return Severity.CRITICAL, f"a list of {people} offenders"
    if exposure.public_role:
        return Severity.LOW, f"{people} people named in a public role"
    if "case_records" in kinds:
        if exposure.special_categories:
            return Severity.CRITICAL, "case records with a special category"
        if hidden and people >= SOME:
            return Severity.CRITICAL, f"hidden case records of {people} people"
        return Severity.HIGH, f"{where} case records"
    if "staff_list" in kinds:
        if people >= STAFF_MANY and (hidden or exposure.sensitive or exposure.pay):
            return Severity.CRITICAL, f"{where} staff list of {people} people"
        if people >= STAFF_MANY or (hidden and people >= SOME):
            return Severity.HIGH, f"{where} staff list of {people} people"
    if exposure.sensitive and people and not _topical(exposure):
        return Severity.HIGH, "sensitive data about named people"
    if _names_alone(exposure):
        return Severity.LOW, f"names alone in visible {exposure.source}"
    if _names_alone(exposure, FEW_CONTACTS):
        return (
            Severity.LOW,
            f"{people} names and {exposure.details} contact details in visible prose",
        )
    if exposure.role and people:
        return Severity.HIGH, "a named victim, witness, offender or officer complained of"
    if people >= CROWD:
        return Severity.HIGH, f"{people} people in {where} {exposure.source}"
    if exposure.source == "metadata":
        return Severity.LOW, "author names in document properties"
    if "staff_list" in kinds and exposure.numbered and people >= FEW:
        return Severity.MEDIUM, f"{where} staff list of {people} people with their numbers"
    if kinds and (people >= SOME or (hidden and people >= LIST)):
        return Severity.MEDIUM, f"{where} {' and '.join(kinds)} of {people} people"
    if (hidden and people >= 3) or people >= SOME:
        return Severity.MEDIUM, f"{people} people in {where} {exposure.source}"
    if exposure.private and people:
        return Severity.MEDIUM, "a private person's home address or phone with their name"
    return Severity.LOW, f"a few names or contact details in {where} {exposure.source}"


def _topical(exposure: Exposure) -> bool:
    """A special category named beside people in visible prose, with nothing else about
    anyone: the page's subject, not a fact about them."""
    return (
        exposure.source == "prose"
        and not exposure.hidden
        and not exposure.kinds
        and not exposure.details
        and not exposure.private
        and not exposure.role
        and not exposure.offenders
        and 0 < exposure.categorised
        and (exposure.categorised <= FEW or 2 * exposure.categorised < exposure.people)
        and not exposure.grave
    )
