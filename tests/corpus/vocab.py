"""Police vocabulary and value makers shared by the corpus generators."""

from __future__ import annotations

import random

RANKS = (
    "Constable",
    "Sergeant",
    "Inspector",
    "Chief Inspector",
    "Superintendent",
    "Chief Superintendent",
    "Police Staff",
    "Detective Constable",
    "PCSO",
)
ROLES = (
    "Response Officer",
    "Neighbourhood Officer",
    "Investigator",
    "Analyst",
    "Call Handler",
    "Custody Officer",
    "Detention Officer",
    "Firearms Officer",
    "Roads Policing Officer",
)
DEPARTMENTS = (
    "Operations",
    "Crime Department",
    "Local Policing",
    "Contact Management",
    "Custody",
    "Professional Standards",
    "Roads Policing",
    "Intelligence",
    "Public Protection Unit",
)
STATIONS = (
    "Musgrave Street",
    "Lisburn Road",
    "Strandtown",
    "Antrim Road",
    "Bethel Street",
    "Martineau Lane",
    "Great Yarmouth",
    "Kings Lynn",
    "Carlisle",
    "Kendal",
    "Workington",
    "Penrith",
    "Barrow",
    "Lowestoft",
    "Ipswich",
    "Bury St Edmunds",
)
STREET_TYPES = ("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Gardens")
OFFENCES = (
    ("Rape of a female aged 16 or over", ("sexual_offence",)),
    ("Sexual assault on a female", ("sexual_offence",)),
    ("Sexual activity with a child under 13", ("sexual_offence", "child")),
    ("Assault occasioning ABH - domestic", ("domestic_abuse",)),
    ("Controlling or coercive behaviour", ("domestic_abuse",)),
    ("Racially or religiously aggravated harassment", ("hate_crime",)),
    ("Public fear, alarm or distress - hate crime", ("hate_crime",)),
)
STAT_OFFENCES = (
    "Burglary",
    "Theft from the person",
    "Criminal damage",
    "Violence with injury",
    "Sexual offences",
    "Domestic abuse related",
    "Hate crime",
    "Robbery",
    "Vehicle offences",
    "Drug offences",
    "Possession of weapons",
    "Public order offences",
    "Shoplifting",
)
AREAS = (
    "Norwich",
    "Breckland",
    "Broadland",
    "Great Yarmouth",
    "Kings Lynn and West Norfolk",
    "North Norfolk",
    "South Norfolk",
    "Ipswich",
    "Babergh",
    "Mid Suffolk",
    "East Suffolk",
    "West Suffolk",
    "Carlisle",
    "Allerdale",
    "Copeland",
    "Eden",
    "South Lakeland",
    "Barrow",
)
MONTHS = (
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "January",
    "February",
    "March",
)
_NINO_FIRST = "ABCEHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEHJKLMNPRSTWXYZ"


def nino(rng: random.Random) -> str:
    prefix = "NT"
    while prefix in ("BG", "GB", "NK", "KN", "NT", "TN", "ZZ"):
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return f"{prefix}{digits}{rng.choice('ABCD')}"


def phone(rng: random.Random) -> str:
    return f"07{rng.randint(400, 999)} {rng.randint(100_000, 999_999)}"


def salary(rng: random.Random, style: int, low: int = 19_000, high: int = 95_000) -> str:
    amount = rng.randint(low, high)
    return f"£{amount:,}" if style % 2 else f"{amount:,}.00"


def count(rng: random.Random) -> str:
    """A statistic as FOI replies print it: small numbers suppressed."""
    value = rng.choice((0, 1, 2, 3, 4, *range(5, 400)))
    if value < 5:
        return rng.choice(("*", "<5", "-", str(value)))
    return f"{value:,}"
