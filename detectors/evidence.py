"""What detection concludes about one document, before severity is assessed: the people
exposed through each table or each vector's prose, and the findings."""

from __future__ import annotations

from dataclasses import dataclass

from detectors.model import Finding


@dataclass(frozen=True)
class Exposure:
    """People exposed through one table, or through the prose of one vector."""

    source: str
    """"table", "prose" or "metadata" (author and editor names)."""
    hidden: bool
    people: int
    kinds: tuple[str, ...] = ()
    special_categories: tuple[str, ...] = ()
    sensitive: bool = False
    pay: bool = False
    """A table gives people's pay beside their names (the Cumbria leak)."""
    numbered: bool = False
    """A table gives officers' collar, warrant, service or badge numbers beside their names."""
    private: bool = False
    """A private person's home address or own phone number is given with their name."""
    role: bool = False
    """Someone named is a victim, witness, complainant or offender, or the officer a complaint
    is about."""
    offenders: bool = False
    """The people are listed as offenders (sex offenders, MAPPA, an offender register)."""
    public_role: bool = False
    """Everyone counted here is named in a public capacity (`detectors.roles`): rated low."""
    categorised: int = 0
    """People of prose in whose own sentence a special category is named."""
    grave: bool = False
    """A grave category (sexual offence, domestic abuse, informant) is among those."""
    details: int = 0
    """How many e-mails, phones, addresses or identifiers prose gives beside someone named
    (`detectors.prose_scan.ProseResult.linked`): more than names."""


@dataclass(frozen=True)
class Evidence:
    """Everything detection concluded about one document, before severity is assessed."""

    findings: tuple[Finding, ...]
    people: int
    kinds: tuple[str, ...]
    special_categories: tuple[str, ...]
    exposures: tuple[Exposure, ...] = ()
