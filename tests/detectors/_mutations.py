"""Byte mutations of valid documents, shared by the fuzz tests."""

from __future__ import annotations

from hypothesis import strategies as st

MUTATION = st.tuples(
    st.sampled_from(["flip", "truncate", "insert", "delete", "zero"]),
    st.floats(min_value=0.0, max_value=1.0),
    st.binary(min_size=1, max_size=16),
)
"""One mutation: what to do, where (a fraction of the length), and the bytes involved."""


def mutate(data: bytes, mutations: list[tuple[str, float, bytes]]) -> bytes:
    """`data` with each mutation applied in turn."""
    buffer = bytearray(data)
    for kind, where, payload in mutations:
        if not buffer:
            break
        at = min(int(where * len(buffer)), len(buffer) - 1)
        if kind == "flip":
            buffer[at] ^= payload[0] or 0xFF
        elif kind == "truncate":
            del buffer[max(at, 1) :]
        elif kind == "insert":
            buffer[at:at] = payload
        elif kind == "delete":
            del buffer[at : at + len(payload)]
        else:
            buffer[at : at + len(payload)] = bytes(len(payload))
    return bytes(buffer)
