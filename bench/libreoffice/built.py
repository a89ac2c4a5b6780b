"""What a case's builder hands back: the document open in LibreOffice and what it holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Built:
    """A document open in LibreOffice, and planted strings a copy must still contain."""

    doc: Any
    people: int
    probes: tuple[str, ...] = ()
    special: tuple[str, ...] = ()
