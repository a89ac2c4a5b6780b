"""Synthetic people for the held-out corpus: many origins, many ways of writing a name."""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

_ORIGINS: dict[str, tuple[str, str]] = {
    "welsh": (
        "Rhys Gareth Siân Dafydd Carys Owain Bethan Iwan Ffion Huw Cerys Gethin Nia Aled",
        "Pritchard Llewellyn Bowen Vaughan Griffiths Prosser Parry Pugh Morgan Howells",
    ),
    "scottish": (
        "Callum Fiona Hamish Morag Ewan Ailsa Lachlan Isla Euan Kirsty Fraser Mhairi",
        "MacLeod McKenzie Fraser Buchanan MacDonald McIntyre Sinclair Drummond Mackay McGregor",
    ),
    "south_asian": (
        "Priya Mohammed Aisha Rajesh Gurpreet Imran Sunita Harpreet Arjun Fatima Sanjay Nadia",
        "Patel Hussain Begum Sharma Sandhu Khan Chaudhry Ahmed Gill Iqbal Mistry Rahman",
    ),
    "polish": (
        "Krzysztof Agnieszka Tomasz Katarzyna Piotr Magdalena Łukasz Zofia Marek Joanna",
        "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowska Zieliński Szymańska Mazur",
    ),
    "irish": (
        "Siobhan Ciaran Niamh Declan Aoife Padraig Orla Eoin Roisin Cathal",
        "O'Neill O'Brien O'Sullivan McGuinness O'Connor Ó Briain Flanagan Gallagher",
    ),
}


@dataclass(frozen=True)
class Person:
    forename: str
    surname: str


STYLES = ("plain", "surname_comma", "caps_comma", "caps_surname", "initial", "all_caps", "rev")


def render(person: Person, style: str) -> str:
    """One way a table or letter writes the name."""
    f, s = person.forename, person.surname
    return {
        "plain": f"{f} {s}",
        "surname_comma": f"{s}, {f}",
        "caps_comma": f"{s.upper()}, {f}",
        "caps_surname": f"{s.upper()} {f}",
        "initial": f"{f[0]} {s}",
        "all_caps": f"{f} {s}".upper(),
        "rev": f"{s} {f[0]}",
    }[style]


class Cast:
    """A seeded source of distinct people drawn from several locales and origins."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._gb = Faker("en_GB")
        self._ie = Faker("en_IE")
        self._gb.seed_instance(seed)
        self._ie.seed_instance(seed + 1)
        self._origins = {k: (f.split(), s.split()) for k, (f, s) in _ORIGINS.items()}

    def person(self) -> Person:
        roll = self.rng.random()
        if roll < 0.45:
            person = Person(self._gb.first_name(), self._gb.last_name())
        elif roll < 0.6:
            person = Person(self._ie.first_name(), self._ie.last_name())
        else:
            forenames, surnames = self._origins[self.rng.choice(sorted(self._origins))]
            person = Person(self.rng.choice(forenames), self.rng.choice(surnames))
        if self.rng.random() < 0.07:
            person = Person(person.forename, f"{person.surname}-{self._gb.last_name()}")
        return person

    def people(self, n: int) -> list[Person]:
        seen: dict[tuple[str, str], Person] = {}
        while len(seen) < n:
            p = self.person()
            seen.setdefault((p.forename, p.surname), p)
        return list(seen.values())

    def style(self) -> str:
        return self.rng.choice(STYLES)

    def dob(self, child: bool = False) -> str:
        year = self.rng.randint(2007, 2012) if child else self.rng.randint(1950, 2004)
        return f"{self.rng.randint(1, 28):02d}/{self.rng.randint(1, 12):02d}/{year}"

    def address(self) -> tuple[str, str]:
        return self._gb.street_address().replace("\n", ", "), self._gb.postcode()

    def mobile(self) -> str:
        return f"07{self.rng.randint(700, 999)} {self.rng.randint(100000, 999999)}"

    def number(self, digits: int = 4) -> str:
        return str(self.rng.randint(10 ** (digits - 1), 10**digits - 1))

    def crime_ref(self) -> str:
        return f"{self.rng.choice(['36', '37', '41'])}/{self.rng.randint(10000, 99999)}/24"
