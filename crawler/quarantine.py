"""Downloaded copies kept owner-only under their sha256 for a retention period, then purged."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path


class Quarantine:
    """A folder of downloaded bytes named by content hash; nothing in it outlives `days`."""

    def __init__(self, root: Path, days: int) -> None:
        self.root = Path(root)
        self.days = days

    def keep(self, data: bytes) -> str:
        """Store `data` (once per content) and return its sha256."""
        sha256 = hashlib.sha256(data).hexdigest()
        path = self.path(sha256)
        if path.exists():
            return sha256
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        # Write beside the target and rename, so a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o600)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return sha256

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def holds(self, sha256: str | None) -> bool:
        return bool(sha256) and self.path(sha256 or "").is_file()

    def read(self, sha256: str) -> bytes | None:
        try:
            return self.path(sha256).read_bytes()
        except OSError:
            return None

    def purge(self, now: float | None = None) -> int:
        """Delete copies older than the retention period; returns how many went."""
        if not self.root.is_dir():
            return 0
        cutoff = (time.time() if now is None else now) - self.days * 86_400
        removed = 0
        for path in self.root.glob("*/*"):
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # removed by a concurrent purge
        return removed
