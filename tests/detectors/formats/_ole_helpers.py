"""Writing OLE2 compound files for tests: nested storages, small streams in the mini stream.

olefile only rewrites streams in place, so the structures are laid out here, as Office lays
them out: streams under 4,096 bytes in 64-byte mini sectors inside the root's mini stream,
larger ones in 512-byte sectors, each storage's children in a balanced tree by name.
"""

from __future__ import annotations

import io
import struct
from typing import Union

import olefile

SECTOR, MINI, CUTOFF = 512, 64, 4096
END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
Tree = dict[str, Union[bytes, "Tree"]]
"""Name -> a stream's bytes, or a storage's own tree."""


def compound(tree: Tree, clsids: dict[str, bytes] | None = None) -> bytes:
    """A compound file of `tree`; `clsids` gives storages (by name) a class id."""
    names: list[str] = ["Root Entry"]
    nodes: list[bytes | Tree] = [tree]
    kids: dict[int, list[int]] = {}

    def add(node: Tree, index: int) -> None:
        kids[index] = []
        for name, child in node.items():
            names.append(name)
            nodes.append(child)
            kids[index].append(len(names) - 1)
            if isinstance(child, dict):
                add(child, len(names) - 1)

    add(tree, 0)
    count = len(names)
    left, right, child_of = [FREE] * count, [FREE] * count, [FREE] * count

    def balanced(ids: list[int]) -> int:
        if not ids:
            return FREE
        middle = len(ids) // 2
        left[ids[middle]] = balanced(ids[:middle])
        right[ids[middle]] = balanced(ids[middle + 1 :])
        return ids[middle]

    for index, children in kids.items():
        child_of[index] = balanced(
            sorted(children, key=lambda i: (len(names[i]), names[i].upper()))
        )

    mini, mini_fat, big, fat = bytearray(), [], bytearray(), []
    start, size = [END] * count, [0] * count
    for index, node in enumerate(nodes):
        if not isinstance(node, bytes) or not node:
            continue
        size[index] = len(node)
        unit, chain, store = (MINI, mini_fat, mini) if len(node) < CUTOFF else (SECTOR, fat, big)
        start[index] = len(chain)
        sectors = -(-len(node) // unit)
        chain += [len(chain) + n + 1 for n in range(sectors - 1)] + [END]
        store += node + bytes(sectors * unit - len(node))

    def place(blob: bytes) -> tuple[int, int]:
        """Append `blob` in whole sectors with its chain; (first sector, sector count)."""
        nonlocal big
        if not blob:
            return END, 0
        sectors = -(-len(blob) // SECTOR)
        first = len(fat)
        fat.extend([first + n + 1 for n in range(sectors - 1)] + [END])
        big += blob + bytes(sectors * SECTOR - len(blob))
        return first, sectors

    start[0], size[0] = place(bytes(mini))[0], len(mini)
    mini_fat_blob = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_start, mini_fat_count = place(mini_fat_blob)
    directory = b"".join(
        _entry(names[i], i, nodes[i], left[i], right[i], child_of[i], start[i], size[i], clsids)
        for i in range(count)
    )
    directory_start, _ = place(directory + bytes(-len(directory) % SECTOR))
    fat_count = 1
    while len(fat) + fat_count > fat_count * (SECTOR // 4):
        fat_count += 1
    assert fat_count <= 109, "a test file this large needs DIFAT sectors"
    fat_start = len(fat)
    fat += [FAT_SECTOR] * fat_count
    fat += [FREE] * (fat_count * SECTOR // 4 - len(fat))
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<II", 0, fat_count)
        + struct.pack(
            "<IIIIIII", directory_start, 0, CUTOFF, mini_fat_start, mini_fat_count, END, 0
        )
        + struct.pack(
            "<109I", *([fat_start + n for n in range(fat_count)] + [FREE] * (109 - fat_count))
        )
    )
    return header + bytes(big) + struct.pack(f"<{len(fat)}I", *fat)


def _entry(
    name: str,
    index: int,
    node: bytes | Tree,
    left: int,
    right: int,
    child: int,
    start: int,
    size: int,
    clsids: dict[str, bytes] | None,
) -> bytes:
    kind = 5 if index == 0 else (1 if isinstance(node, dict) else 2)
    encoded = (name + "\x00").encode("utf-16-le")
    clsid = (clsids or {}).get(name, bytes(16)) if kind != 2 else bytes(16)
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
        + clsid
        + bytes(4 + 16)
        + struct.pack("<IQ", start if kind != 1 else 0, size)
    )


def compobj(user_type: str, program: str) -> bytes:
    """A CompObj stream naming an object's class, as Office writes it."""

    def ansi(text: str) -> bytes:
        raw = text.encode("latin-1") + b"\x00"
        return struct.pack("<I", len(raw)) + raw

    header = struct.pack("<HHI", 1, 0xFFFE, 0x0A03) + struct.pack("<i", -1) + bytes(16)
    return header + ansi(user_type) + ansi("") + ansi(program) + struct.pack("<I", 0x71B239F4)


def streams_of(data: bytes) -> Tree:
    """The top-level streams of a compound file, to be laid out again beside others."""
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {
            entry[0]: ole.openstream(entry).read() for entry in ole.listdir() if len(entry) == 1
        }
