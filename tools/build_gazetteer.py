"""Derive the compact GB forename and surname lists shipped in detectors/data (run once, offline).

Needs, at build time only: names-dataset (GB first and last names, ranked by frequency),
wordfreq (how common a word is in English text) and pycountry (GB subdivisions). Loading
names-dataset takes about 2 GB of memory; the lists it writes are read by leaksweep at run time
without any of these packages.

    python tools/build_gazetteer.py
"""

from __future__ import annotations

import gzip
import itertools
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detectors.names import normal  # noqa: E402
from detectors.vocab import NOT_NAMES  # noqa: E402

OUT = ROOT / "detectors" / "data"
_SHAPE = re.compile(r"[a-z][a-z-]*[a-z]")

COMMON_FORENAMES = 1500
COMMON_SURNAMES = 3000
"""Names ranked above these are kept even when they are also English words (Brown, Young)."""
WORD_ZIPF = 3.0
"""Rarer names that are this common as English words (Overthrow, Slipper) are left out."""
PLACE_KEEP_RANK = 1000
"""Surnames that are also GB subdivisions are kept only when very common (Sutton, Dudley)."""


def build() -> None:
    from names_dataset import NameDataset
    from wordfreq import zipf_frequency

    dataset = NameDataset()
    firsts = dataset.get_top_names(n=100_000, country_alpha2="GB")["GB"]
    lasts = dataset.get_top_names(n=100_000, use_first_names=False, country_alpha2="GB")["GB"]
    places = _subdivision_words()

    def keep(names: Iterable[str], common: int, place_rank: int) -> list[str]:
        kept: dict[str, None] = {}
        for rank, raw in enumerate(names):
            name = normal(raw.replace(" ", ""))
            if not _SHAPE.fullmatch(name) or name in NOT_NAMES or len(name) < 2:
                continue
            if rank >= common and zipf_frequency(name, "en") >= WORD_ZIPF:
                continue
            if rank >= place_rank and name in places:
                continue
            kept.setdefault(name)
        return sorted(kept)

    # Interleave male and female lists so "rank" means the same for both.
    pairs = itertools.zip_longest(firsts["M"], firsts["F"], fillvalue="")
    forenames = [name for pair in pairs for name in pair if name]
    _write("forenames.txt.gz", keep(forenames, COMMON_FORENAMES * 2, PLACE_KEEP_RANK * 2))
    _write("surnames.txt.gz", keep(lasts, COMMON_SURNAMES, PLACE_KEEP_RANK))


def _subdivision_words() -> set[str]:
    import pycountry

    words: set[str] = set()
    for subdivision in pycountry.subdivisions.get(country_code="GB"):
        name = subdivision.name.split("[")[0]
        words.update(normal(word) for word in re.split(r"[\s,-]+", name) if word)
    return words


def _write(filename: str, names: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    body = ("\n".join(names) + "\n").encode()
    # mtime=0 keeps the file byte-identical between builds.
    with open(OUT / filename, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(body)
    print(f"{filename}: {len(names):,} names")


if __name__ == "__main__":
    build()
