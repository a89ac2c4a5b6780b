"""Spreadsheet column letters and cell references: 26 <-> 'AA', '$B$12' -> (1, 12)."""

from __future__ import annotations

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as a spreadsheet labels columns."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26; letters are case-insensitive, anything else raises ValueError."""
    index = 0
    for char in letters.upper():
        if not "A" <= char <= "Z":
            raise ValueError(f"not a column: {letters!r}")
        index = index * 26 + ord(char) - 64
    if not letters:
        raise ValueError("empty column")
    return index - 1


def split_ref(ref: str) -> tuple[int, int]:
    """'B12' or '$B$12' -> (column 1, row 12); a missing part is -1."""
    ref = ref.replace("$", "")
    digits = len(ref) - len(ref.lstrip(_LETTERS))
    letters, number = ref[:digits], ref[digits:]
    column = column_index(letters) if letters else -1
    row = int(number) if number.isdigit() else -1
    return column, row
