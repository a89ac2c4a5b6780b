"""Errors of the alerting side.

AlertError
 ├── AlertNotFound      no alert has that id
 ├── AlertStateError    the step does not apply in the alert's current state
 └── DeliveryError      a channel could not deliver a message (`temporary` says retry soon)
"""

from __future__ import annotations


class AlertError(Exception):
    """Base of every alerting error; the message is one line for a person."""


class AlertNotFound(AlertError):
    pass


class AlertStateError(AlertError):
    pass


class DeliveryError(AlertError):
    def __init__(self, message: str, *, temporary: bool) -> None:
        super().__init__(message)
        self.temporary = temporary
        """True for a refusal that should pass (4xx, server down); False when a person must act."""
