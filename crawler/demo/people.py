"""Seeded synthetic people for the demo force: staff, victims, witnesses — none of them real."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

RANKS = (
    ("Constable", 0.55),
    ("Sergeant", 0.14),
    ("Inspector", 0.05),
    ("Chief Inspector", 0.02),
    ("Police Staff", 0.22),
    ("PCSO", 0.02),
)
DEPARTMENTS = (
    "Response",
    "Neighbourhood Policing",
    "CID",
    "Public Protection Unit",
    "Roads Policing",
    "Custody",
    "Contact Management",
    "Professional Standards",
    "Intelligence",
    "Digital Forensics",
)
STATIONS = ("Northgate", "Riverside", "Eastfield", "Millbrook", "Headquarters", "Westcliffe")
OFFENCES = (
    ("Rape of a female aged 16 or over", "sexual_offence"),
    ("Sexual assault on a female", "sexual_offence"),
    ("Assault occasioning ABH (domestic)", "domestic_abuse"),
    ("Controlling or coercive behaviour", "domestic_abuse"),
    ("Racially aggravated public fear, alarm or distress", "hate_crime"),
    ("Stalking", "domestic_abuse"),
)


@dataclass(frozen=True)
class Officer:
    surname: str
    forename: str
    rank: str
    role: str
    department: str
    station: str
    service_number: str
    salary: int


@dataclass(frozen=True)
class CaseRecord:
    crime_reference: str
    offence: str
    category: str
    role: str
    forename: str
    surname: str
    date_of_birth: date
    postcode: str
    recorded: date


class Population:
    """Everyone the demo needs, from one seed so every run plants the same people."""

    def __init__(self, seed: int = 2023) -> None:
        self.faker = Faker("en_GB")
        self.faker.seed_instance(seed)
        self.random = random.Random(seed)

    def officers(self, count: int) -> list[Officer]:
        ranks = [rank for rank, _ in RANKS]
        weights = [weight for _, weight in RANKS]
        people = []
        for index in range(count):
            rank = self.random.choices(ranks, weights)[0]
            department = self.random.choice(DEPARTMENTS)
            people.append(
                Officer(
                    surname=self.faker.last_name(),
                    forename=self.faker.first_name(),
                    rank=rank,
                    role=f"{department} {'Officer' if rank != 'Police Staff' else 'Assistant'}",
                    department=department,
                    station=self.random.choice(STATIONS),
                    service_number=f"{self.random.randint(10000, 99999)}",
                    salary=_salary(rank, self.random) + index % 7 * 13,
                )
            )
        return people

    def case_records(self, count: int) -> list[CaseRecord]:
        records = []
        start = date(2021, 4, 1)
        for index in range(count):
            offence, category = self.random.choice(OFFENCES)
            recorded = start + timedelta(days=self.random.randint(0, 364))
            age_days = self.random.randint(16 * 365, 80 * 365)
            records.append(
                CaseRecord(
                    crime_reference=f"37/{10000 + index * 7 % 90000:05d}/{recorded:%y}",
                    offence=offence,
                    category=category,
                    role=self.random.choices(("Victim", "Witness", "Suspect"), (5, 3, 2))[0],
                    forename=self.faker.first_name(),
                    surname=self.faker.last_name(),
                    date_of_birth=recorded - timedelta(days=age_days),
                    postcode=self.faker.postcode(),
                    recorded=recorded,
                )
            )
        return records


def _salary(rank: str, rng: random.Random) -> int:
    base = {
        "Constable": 31_000,
        "Sergeant": 45_000,
        "Inspector": 55_000,
        "Chief Inspector": 61_000,
        "Police Staff": 26_000,
        "PCSO": 25_000,
    }[rank]
    return base + rng.randint(0, 6) * 1_000
