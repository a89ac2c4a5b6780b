"""Folders that may hold evidence (database, copies, emails, logs): readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path


def private_dir(path: Path | str) -> Path:
    """Create `path` (and missing parents) mode 0700, and force 0700 on one that already exists.

    A folder made earlier by hand or by another tool keeps whatever mode it had (755, 777)
    unless it is tightened here, and everything leaksweep writes inside would be exposed.
    """
    folder = Path(path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder
