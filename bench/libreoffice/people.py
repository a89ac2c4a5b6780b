"""Synthetic people, officers, crimes and candidates for the LibreOffice benchmark.

Its own word lists and layouts; names come from Faker's en_GB provider. Every person in a
file is unique by full name, so the number planted is the number of people a perfect
scanner reports.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

RANKS = (
    ("Chief Superintendent", 4),
    ("Superintendent", 9),
    ("Chief Inspector", 18),
    ("Inspector", 60),
    ("Sergeant", 190),
    ("Police Constable", 900),
    ("Detective Constable", 160),
    ("Police Community Support Officer", 120),
    ("Special Constable", 70),
)
RANK_ORDER = {rank: i for i, (rank, _) in enumerate(RANKS)}
DEPARTMENTS = (
    "Response North",
    "Response South",
    "Neighbourhood Policing Team",
    "Criminal Investigation Department",
    "Public Protection Unit",
    "Roads Policing Unit",
    "Custody and Detention",
    "Force Control Room",
    "Economic Crime Unit",
    "Professional Standards",
    "Operational Support",
    "Firearms Support Group",
)
OFFENCES = (
    ("Rape of a female aged 16 or over", "sexual_offence"),
    ("Sexual assault on a female", "sexual_offence"),
    ("Exposure", "sexual_offence"),
    ("Assault occasioning actual bodily harm (domestic)", "domestic_abuse"),
    ("Controlling or coercive behaviour in an intimate relationship", "domestic_abuse"),
    ("Racially aggravated public fear, alarm or distress", "hate_crime"),
    ("Religiously aggravated harassment", "hate_crime"),
    ("Burglary - residential", ""),
    ("Theft from a motor vehicle", ""),
    ("Criminal damage to a dwelling", ""),
    ("Robbery of personal property", ""),
    ("Common assault", ""),
)
WARDS = (
    "Abbeyfield",
    "Barrow Hill",
    "Castlegate",
    "Deanery",
    "Eastbrook",
    "Fulford Park",
    "Greenside",
    "Harbour",
    "Kingsmead",
    "Longmoor",
    "Millbank",
    "Northcote",
)
PARTIES = (
    "Labour",
    "Conservative",
    "Liberal Democrat",
    "Green Party",
    "Reform UK",
    "Independent",
)
REGISTER_OFFENCES = (
    "Rape",
    "Sexual assault of a child under 13",
    "Possession of indecent images of children",
    "Sexual activity with a child",
    "Voyeurism",
    "Exposure",
    "Attempted rape",
)


@dataclass(frozen=True)
class Person:
    surname: str
    forename: str
    dob: str
    street: str
    town: str
    postcode: str
    mobile: str

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.town} {self.postcode}"


@dataclass(frozen=True)
class Officer:
    surname: str
    forename: str
    rank: str
    collar: str
    department: str


@dataclass(frozen=True)
class Crime:
    reference: str
    reported: str
    offence: str
    category: str
    ward: str
    victim: Person
    witness: Person | None
    outcome: str


class People:
    """A seeded source of unique synthetic people for one file."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self._seen: set[tuple[str, str]] = set()

    def person(self) -> Person:
        while True:
            surname, forename = self.fake.last_name(), self.fake.first_name()
            if (surname, forename) not in self._seen:
                self._seen.add((surname, forename))
                break
        born = self.fake.date_of_birth(minimum_age=18, maximum_age=85)
        return Person(
            surname=surname,
            forename=forename,
            dob=born.strftime("%d/%m/%Y"),
            street=self.fake.street_address().replace("\n", ", "),
            town=self.fake.city(),
            postcode=self.fake.postcode(),
            mobile=f"07{self.rng.randint(300, 999)} {self.rng.randint(100000, 999999)}",
        )

    def people(self, count: int) -> list[Person]:
        return [self.person() for _ in range(count)]

    def officers(self, count: int) -> list[Officer]:
        weights = [w for _, w in RANKS]
        ranks = [r for r, _ in RANKS]
        collars = self.rng.sample(range(1000, 9999), count)
        out = []
        for i in range(count):
            person = self.person()
            rank = self.rng.choices(ranks, weights)[0]
            collar = "" if rank == "Police Staff" else str(collars[i])
            out.append(
                Officer(person.surname, person.forename, rank, collar, self.rng.choice(DEPARTMENTS))
            )
        return out

    def crimes(self, count: int, witness_share: float = 0.4) -> list[Crime]:
        out = []
        for i in range(count):
            offence, category = self.rng.choice(OFFENCES)
            day = self.fake.date_between(start_date="-2y", end_date="-30d")
            out.append(
                Crime(
                    reference=f"{day:%y}/{self.rng.randint(10000, 99999)}/{i % 9 + 1}",
                    reported=day.strftime("%d/%m/%Y"),
                    offence=offence,
                    category=category,
                    ward=self.rng.choice(WARDS),
                    victim=self.person(),
                    witness=self.person() if self.rng.random() < witness_share else None,
                    outcome=self.rng.choice(
                        ("Under investigation", "Charged", "No further action", "Caution")
                    ),
                )
            )
        return out

    def candidates(self, count: int) -> list[tuple[str, str, str, int]]:
        """(name as on a ballot paper "SURNAME, Forename", party, ward, votes)."""
        out = []
        for i in range(count):
            person = self.person()
            out.append(
                (
                    f"{person.surname.upper()}, {person.forename}",
                    PARTIES[i % len(PARTIES)],
                    WARDS[(i // len(PARTIES)) % len(WARDS)],
                    self.rng.randint(120, 2900),
                )
            )
        return out


def people_in_crimes(crimes: list[Crime]) -> int:
    return len(crimes) + sum(1 for c in crimes if c.witness)
