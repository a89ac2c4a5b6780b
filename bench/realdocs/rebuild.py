"""Rebuild the real-document evaluation folder from the manifest, checking every file's sha256.

The documents are public files nobody on this project wrote; they never enter the repository.
Each manifest row says where one comes from:

- `github:OWNER/NAME`, a commit and a path: read with git from a clone of that repository
  (never from the repositories kept for an independent evaluation, `RESERVED_REPOSITORIES` and
  `RESERVED_OWNERS`: a row naming one is refused). When a file's own name names a person
  together with something about them, the path is written `blob:<git object id>` instead, so
  that the manifest does not repeat it; the clone must hold that blob.
  Clone the repositories first (the script lists the missing ones with the commands) into
  one folder, as `OWNER+NAME` or `OWNER/NAME` (a bare clone or a checkout), and pass it as
  `--git-root`. A clone must hold the manifest's commit (a fresh full clone does, unless the
  history was rewritten).
- `pypi:NAME==VERSION` and a path inside the source distribution: fetched with
  `pip download --no-deps --no-binary :all: NAME==VERSION` into `--cache` (network needed).
- `debian:PACKAGE=VERSION` and a path inside the unpacked source: read from
  `--debian-root/PACKAGE-VERSION/` (unpack it first: `apt-get source PACKAGE=VERSION`).

Each document is written as FOLDER/<id>.<format>, the name `bench/precision.py` expects. A
file whose bytes do not match the manifest's sha256 is not written. What could not be rebuilt
is listed with the reason; exit status 0 when everything was rebuilt, 1 otherwise.

    python bench/realdocs/rebuild.py FOLDER --git-root CLONES [--cache DIR]
        [--debian-root DIR] [--manifest bench/realdocs/manifest.csv] [--no-download]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

RESERVED_REPOSITORIES = frozenset(
    (
        "Resistance-Lab/resistancelab_data",
        "ONSdigital/sdg_data_updates",
        "OpenDataManchester/data",
        "zenlan/lambethdatastore",
        "Birmingham-Eastside/sutton-coldfield-town-council",
        "OxOpenData/expenditure-over-500",
        "openjusticebaltimore/BPDWatch-data",
        "datasets/crime-uk",
        "GWilloughby99/eastern-eye",
    )
)
"""Repositories kept for an independent evaluation: no manifest row may come from them."""
RESERVED_OWNERS = frozenset(("traffordDataLab", "paulbradshaw", "mpjashby", "BBC-Data-Unit"))
"""Every repository of these owners is kept for the same independent evaluation."""


def reserved(repo: str) -> bool:
    """Whether a GitHub repository (OWNER/NAME) is kept out of this evaluation set."""
    owner = repo.split("/", 1)[0].lower()
    return repo.lower() in {r.lower() for r in RESERVED_REPOSITORIES} or owner in {
        o.lower() for o in RESERVED_OWNERS
    }


def _git_dir(root: Path | None, repo: str) -> Path | None:
    if root is None:
        return None
    owner, name = repo.split("/", 1)
    for candidate in (root / f"{owner}+{name}", root / owner / name, root / name):
        for git in (candidate / "repo" / ".git", candidate / "repo", candidate / ".git", candidate):
            if (git / "HEAD").is_file() and (git / "objects").is_dir():
                return git
    return None


def _from_git(git: Path, commit: str, path: str) -> bytes | None:
    """The file at `path` in `commit`, or, for a path written `blob:<git object id>`, that blob."""
    spec = path.removeprefix("blob:") if path.startswith("blob:") else f"{commit}:{path}"
    shown = subprocess.run(
        ["git", "-C", str(git), "cat-file", "blob", spec],
        capture_output=True,
    )
    return shown.stdout if shown.returncode == 0 else None


class Sdists:
    """Source distributions from PyPI, downloaded once into a cache folder."""

    def __init__(self, cache: Path, download: bool) -> None:
        self.cache = cache
        self.download = download
        self.failed: set[str] = set()

    def archive(self, requirement: str) -> Path | None:
        name, version = requirement.split("==", 1)
        stem = name.replace("-", "_").replace(".", "_").lower()
        cached = self.archive_cached(stem, version)
        if cached is not None:
            return cached
        if not self.download or requirement in self.failed:
            return None
        self.cache.mkdir(parents=True, exist_ok=True)
        fetched = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             requirement, "-d", str(self.cache)],
            capture_output=True,
        )  # fmt: skip
        if fetched.returncode != 0:
            self.failed.add(requirement)
            return None
        return self.archive_cached(stem, version)

    def archive_cached(self, stem: str, version: str) -> Path | None:
        if not self.cache.is_dir():
            return None
        for path in self.cache.glob("*"):
            lowered = path.name.replace("-", "_").replace(".", "_").lower()
            if lowered.startswith(f"{stem}_{version.replace('.', '_')}".lower()):
                return path
        return None

    def member(self, requirement: str, path: str) -> bytes | None:
        archive = self.archive(requirement)
        if archive is None:
            return None
        if archive.name.endswith(".zip"):
            with zipfile.ZipFile(archive) as zipped:
                for entry in zipped.infolist():
                    if entry.filename.split("/", 1)[-1] == path:
                        return zipped.read(entry)
            return None
        with tarfile.open(archive) as tarred:
            for member in tarred.getmembers():
                if member.isfile() and member.name.split("/", 1)[-1] == path:
                    handle = tarred.extractfile(member)
                    return handle.read() if handle else None
        return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.csv")
    parser.add_argument("--git-root", type=Path, help="folder holding the repositories' clones")
    parser.add_argument("--cache", type=Path, help="folder for PyPI source distributions")
    parser.add_argument("--debian-root", type=Path, help="folder of unpacked Debian sources")
    parser.add_argument("--no-download", action="store_true", help="use only the --cache")
    args = parser.parse_args(argv)
    with args.manifest.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    args.folder.mkdir(parents=True, exist_ok=True)
    cache = args.cache or Path(tempfile.mkdtemp(prefix="sdists-"))
    sdists = Sdists(cache, download=not args.no_download)
    missing_repos: dict[str, str] = {}
    failures: dict[str, list[str]] = defaultdict(list)
    written = present = 0
    for row in rows:
        target = args.folder / f"{row['id']}.{row['format']}"
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == row["sha256"]:
            present += 1
            continue
        kind, _, origin = row["source"].partition(":")
        data: bytes | None = None
        if kind == "github" and reserved(origin):
            failures["repository reserved for an independent evaluation"].append(row["id"])
            continue
        if kind == "github":
            git = _git_dir(args.git_root, origin)
            if git is None:
                missing_repos[origin] = row["commit"]
                failures["repository not cloned"].append(row["id"])
                continue
            data = _from_git(git, row["commit"], row["path"])
            reason = f"not in the clone at {row['commit'][:12]}"
        elif kind == "pypi":
            data = sdists.member(origin, row["path"])
            reason = "source distribution not downloaded, or path not in it"
        elif kind == "debian":
            if args.debian_root is None:
                failures["no --debian-root (run apt-get source first)"].append(row["id"])
                continue
            package, _, version = origin.partition("=")
            source = args.debian_root / f"{package}-{version.split(':')[-1].split('-')[0]}"
            file = source / row["path"]
            data = file.read_bytes() if file.is_file() else None
            reason = f"not found under {source.name}/"
        else:
            failures[f"unknown source kind {kind!r}"].append(row["id"])
            continue
        if data is None:
            failures[reason].append(row["id"])
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            failures["sha256 differs from the manifest"].append(row["id"])
            continue
        target.write_bytes(data)
        written += 1
    print(f"{len(rows)} documents: {written} rebuilt, {present} already there, "
          f"{sum(len(ids) for ids in failures.values())} not rebuilt")  # fmt: skip
    for reason, ids in sorted(failures.items()):
        print(f"  {reason}: {len(ids)} ({', '.join(ids[:8])}{' ...' if len(ids) > 8 else ''})")
    if missing_repos:
        print("clone these repositories first (into --git-root as OWNER+NAME):")
        for repo in sorted(missing_repos):
            print(f"  git clone https://github.com/{repo} {repo.replace('/', '+')}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
