"""The one list of leaksweep's recognizers; the order is the order column headers are tried."""

from __future__ import annotations

from detectors.recognizers import (
    bank_details,
    crime_reference,
    date_of_birth,
    offender_identifier,
    police_identifier,
    salary,
    street_address,
)
from detectors.recognizers.spec import RecognizerSpec

RECOGNIZERS: tuple[RecognizerSpec, ...] = (
    crime_reference.RECOGNIZER,
    police_identifier.RECOGNIZER,
    offender_identifier.RECOGNIZER,
    date_of_birth.RECOGNIZER,
    street_address.RECOGNIZER,
    salary.RECOGNIZER,
    bank_details.RECOGNIZER,
)
