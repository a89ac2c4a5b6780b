"""leaksweep's own presidio recognizers (one per module) and whole-value checks for cells.

Adding a recognizer: write one module with a PatternRecognizer subclass and list it here.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from detectors.recognizers.bank_details import BankDetailsRecognizer
from detectors.recognizers.crime_reference import CrimeReferenceRecognizer
from detectors.recognizers.date_of_birth import DateOfBirthRecognizer
from detectors.recognizers.police_identifier import PoliceIdentifierRecognizer
from detectors.recognizers.salary import SalaryRecognizer
from detectors.recognizers.street_address import StreetAddressRecognizer
from detectors.recognizers.values import VALUE_ENTITIES, match_value

RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    CrimeReferenceRecognizer,
    PoliceIdentifierRecognizer,
    DateOfBirthRecognizer,
    StreetAddressRecognizer,
    SalaryRecognizer,
    BankDetailsRecognizer,
)

__all__ = ["RECOGNIZERS", "VALUE_ENTITIES", "match_value"]
