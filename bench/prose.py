"""Print throughput of prose detection (chars/s) and of whole-value cell checks (cells/s)."""

from __future__ import annotations

import random
import time

from faker import Faker

from detectors.engine import analyzer
from detectors.prose import find_entities
from detectors.recognizers import VALUE_ENTITIES, match_value

FILLER = (
    "Thank you for your request for information received on 3 March, which has been handled "
    "under the Freedom of Information Act 2000. In 2022/23 the force recorded 1,234 offences "
    "and employed 2,345 officers across 12 stations. "
)


def synthetic_prose(fake: Faker, paragraphs: int) -> list[str]:
    texts = []
    for _ in range(paragraphs):
        texts.append(
            FILLER
            + f"{fake.name()} of {fake.street_address()}, {fake.postcode()} was seen by "
            + f"PC {fake.random_int(100, 9999)}; contact {fake.email()} or "
            + f"{fake.phone_number()}. DOB: {fake.date_of_birth().strftime('%d/%m/%Y')}. "
            + FILLER
        )
    return texts


def synthetic_cells(fake: Faker, count: int) -> list[tuple[str, str]]:
    makers = [
        fake.email,
        fake.phone_number,
        fake.postcode,
        fake.street_address,
        lambda: fake.date_of_birth().strftime("%d/%m/%Y"),
        lambda: str(fake.random_int(0, 99999)),
        fake.last_name,
        lambda: f"£{fake.random_int(18000, 90000):,}",
    ]
    return [(random.choice(VALUE_ENTITIES), random.choice(makers)()) for _ in range(count)]


def main() -> None:
    fake = Faker("en_GB")
    Faker.seed(7)
    random.seed(7)

    cells = synthetic_cells(fake, 100_000)
    started = time.perf_counter()
    hits = sum(match_value(entity, value) for entity, value in cells)
    elapsed = time.perf_counter() - started
    rate = len(cells) / elapsed
    print(f"match_value: {len(cells):,} mixed cells, {rate:,.0f} cells/s ({hits:,} hits)")

    analyzer()  # load spaCy before timing
    texts = synthetic_prose(fake, 300)
    chars = sum(map(len, texts))
    started = time.perf_counter()
    found = find_entities(texts)
    elapsed = time.perf_counter() - started
    total = sum(map(len, found))
    rate = chars / elapsed
    print(
        f"find_entities: {len(texts)} texts, {chars:,} chars, {rate:,.0f} chars/s, {total:,} found"
    )

    started = time.perf_counter()
    for text in texts[:60]:
        find_entities([text])
    elapsed = time.perf_counter() - started
    one_chars = sum(map(len, texts[:60]))
    print(f"find_entities one text per call: {one_chars / elapsed:,.0f} chars/s")


if __name__ == "__main__":
    main()
