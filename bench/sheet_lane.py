"""Would a compiled sheet-XML lane pay for itself on real FOI files? Measures a folder.

For every xlsx/xlsm in FOLDER: the uncompressed size of its worksheet XML, the whole scan time
in-process (warm), and what reading that XML at TARGET MB/s would save at most. Prints the
distribution and the total saving, beside the time spent on everything else.

usage: bench/sheet_lane.py FOLDER
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

from detectors.scan import scan

TARGET_MB_S = 50.0


def sheet_xml_bytes(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        return sum(
            item.file_size
            for item in package.infolist()
            if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml")
        )


def main() -> None:
    folder = Path(sys.argv[1])
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm"))
    rows: list[tuple[str, int, float]] = []
    scan(b"Name,Count\nx,1\n", "warm.csv")
    for path in files:
        try:
            size = sheet_xml_bytes(path)
        except (zipfile.BadZipFile, OSError):
            continue
        data = path.read_bytes()
        started = time.process_time()
        scan(data, path.name)
        rows.append((path.name, size, time.process_time() - started))
    if not rows:
        raise SystemExit(f"no readable xlsx in {folder}")
    rows.sort(key=lambda row: row[1])
    sizes = [size / 1e6 for _, size, _ in rows]
    n = len(rows)
    print(
        f"{n} workbooks; worksheet XML MB: median {sizes[n // 2]:.3f}, p90 "
        f"{sizes[int(n * 0.9)]:.3f}, max {sizes[-1]:.3f}"
    )
    total_cpu = sum(cpu for _, _, cpu in rows)
    total_mb = sum(sizes)
    print(f"scan CPU time: total {total_cpu:.2f} s for {total_mb:.1f} MB of sheet XML")
    # The most a faster lane could save: the whole scan time of the XML part at today's
    # speed is at most the whole scan; at TARGET it would take size / TARGET.
    saving = sum(max(0.0, cpu - size / 1e6 / TARGET_MB_S) for _, size, cpu in rows)
    print(
        f"at most {saving:.2f} s saved over all {n} files by a {TARGET_MB_S:g} MB/s lane "
        f"(upper bound: all scan time counted as XML reading)"
    )
    print("largest five (file, sheet XML MB, scan CPU s):")
    for name, size, cpu in rows[-5:]:
        print(f"  {name:40} {size / 1e6:8.3f} {cpu:8.3f}")


if __name__ == "__main__":
    main()
