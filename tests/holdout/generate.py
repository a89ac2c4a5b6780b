"""Build the held-out corpus: real file bytes from seeded generators, each with its label."""

from __future__ import annotations

from holdout.clean import CLEAN
from holdout.leaky import LEAKY
from holdout.model import HoldoutDoc
from holdout.people import Cast


def build_holdout(seed: int, scale: float = 1.0) -> list[HoldoutDoc]:
    """About 150 files at scale 1; each generator makes at least one at any scale."""
    cast = Cast(seed)
    docs: list[HoldoutDoc] = []
    for generator, count in (*LEAKY, *CLEAN):
        for i in range(max(1, round(count * scale))):
            docs.append(generator(cast, i))
    return docs
