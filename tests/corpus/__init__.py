"""A seeded, labelled corpus of FOI-style documents, leaky and clean, for evaluating detection."""

from __future__ import annotations

import random

from faker import Faker

from corpus.clean import CLEAN
from corpus.leaky import LEAKY
from corpus.model import Doc, Maker

__all__ = ["Doc", "Maker", "build_corpus"]


def build_corpus(seed: int = 7, copies: int = 6, prose: bool = True) -> list[Doc]:
    """`copies` documents of every leaky and clean shape, each differently sized and styled."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    maker = Maker(random.Random(seed), fake)
    docs: list[Doc] = []
    for index in range(copies):
        for generate in (*LEAKY, *CLEAN):
            doc = generate(maker, index)
            if prose or not doc.prose:
                docs.append(doc)
    return docs
