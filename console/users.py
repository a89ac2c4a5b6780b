"""Console accounts in the database: a name, a role, an argon2id hash of the password."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

if TYPE_CHECKING:
    from alerts.store import Store

_HASHER = PasswordHasher()  # argon2id with the library's current recommended costs
_DUMMY = _HASHER.hash("no such user")
MIN_PASSWORD = 12


class Role(StrEnum):
    VIEWER = "viewer"
    """Reads alerts, the overview and scans files."""
    RESPONDER = "responder"
    """Also acknowledges, resolves and re-checks alerts."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role

    @property
    def can_act(self) -> bool:
        return self.role is Role.RESPONDER


class UserError(ValueError):
    """A bad name, role or password; the message is fit to show."""


def add_user(store: Store, name: str, role: Role, password: str) -> User:
    """Create or update an account (the password is kept only as an argon2id hash)."""
    name = name.strip()
    if not name or len(name) > 100 or any(c in name for c in "\r\n\t"):
        raise UserError("a user name is 1 to 100 characters on one line")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")
    store.save_account(name, str(role), _HASHER.hash(password))
    return User(name, role)


def remove_user(store: Store, name: str) -> bool:
    return store.delete_account(name)


def find_user(store: Store, name: str) -> User | None:
    row = store.account(name)
    return User(row[0], Role(row[1])) if row else None


def list_users(store: Store) -> list[User]:
    return [User(name, Role(role)) for name, role in store.accounts()]


def check_password(store: Store, name: str, password: str) -> User | None:
    """The user when the password matches; the same argon2 work is done for unknown names."""
    row = store.account(name)
    try:
        _HASHER.verify(row[2] if row else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _HASHER.check_needs_rehash(row[2]):
        store.set_password_hash(name, _HASHER.hash(password))
    return User(row[0], Role(row[1]))
