"""A text is tagged for context words whenever tagging could find one, and scores the same."""

from __future__ import annotations

import pytest
import spacy

from detectors.engine import LANGUAGE, analyzer
from detectors.prose import find_entities
from detectors.prose_context import ContextForms, context_forms

# Context words inflected, as exceptions ("born", "was"), and beside nothing at all.
TEXTS = [
    "She lived at 14 Elm Grove, LS1 4AB.",
    "Residents of the houses on Mill Roads, LS1 4AB.",
    "Addresses: LS1 4AB and LS2 7EX.",
    "He was born on 12/03/1985.",
    "Births registered 12/03/1985.",
    "Phoned 07911 123456 twice; mobiles seized.",
    "Calling 07911 123456 is free.",
    "Emailed jane@example.org on Monday.",
    "Crimes reported under 12345/21 were investigated.",
    "Officers attended; collars 4521 and 4522.",
    "Salaries of £32,500 were paid.",
    "Accounts 12345678 at sort code 12-34-56.",
    "Vehicles registered as AB12 CDE.",
    "Reference LS1 4AB.",
    "Total 07911 123456.",
    "Her NHS number is 485 777 3457.",
    "It's LS1 4AB, isn't it?",
]


def _context_words(entity: str) -> set[str]:
    return {
        word.lower()
        for recognizer in analyzer().registry.recognizers
        if entity in recognizer.supported_entities
        for word in recognizer.context or ()
    }


@pytest.mark.parametrize("text", TEXTS)
def test_a_context_word_found_by_tagging_was_foreseen(text: str) -> None:
    nlp = analyzer().nlp_engine.nlp[LANGUAGE]  # type: ignore[attr-defined]
    tagged = nlp(text)
    untagged = nlp.make_doc(text)
    entities = {e for r in analyzer().registry.recognizers for e in r.supported_entities}
    for entity in sorted(entities):
        lemmas = {token.lemma_.lower() for token in tagged}
        if lemmas & _context_words(entity):
            assert context_forms().possible(untagged, [entity]), entity


@pytest.mark.parametrize(
    ("text", "entity", "possible"),
    [
        ("She lived at LS1 4AB.", "UK_POSTCODE", True),
        ("He was born 12/03/1985.", "DATE_OF_BIRTH", True),
        ("Reference LS1 4AB.", "UK_POSTCODE", False),
        ("Reference LS1 4AB.", "PERSON", False),
        ("Total 07911 123456.", "PHONE_NUMBER", False),
    ],
)
def test_text_without_any_form_of_a_context_word_is_not_tagged(
    text: str, entity: str, possible: bool
) -> None:
    nlp = analyzer().nlp_engine.nlp[LANGUAGE]  # type: ignore[attr-defined]
    assert context_forms().possible(nlp.make_doc(text), [entity]) is possible


@pytest.mark.parametrize("text", TEXTS)
def test_scores_are_those_of_a_fully_tagged_text(text: str) -> None:
    # The reference: every pipe over the text, every recognizer, context words counted.
    nlp_engine = analyzer().nlp_engine
    artifacts = nlp_engine.process_text(text, LANGUAGE)
    reference = {
        (r.entity_type, r.start, r.end, round(r.score, 6))
        for r in analyzer().analyze(text, LANGUAGE, nlp_artifacts=artifacts)
        if r.entity_type != "PERSON"
    }
    [matches] = find_entities([text])
    for m in matches:
        if m.entity != "PERSON":
            assert (m.entity, m.start, m.end, round(m.score, 6)) in reference


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("She lived at LS1 4AB.", "UK_POSTCODE"),  # "lived" counts as "live"
        ("Residents of LS1 4AB.", "UK_POSTCODE"),
    ],
)
def test_an_inflected_context_word_still_raises_a_pattern(text: str, entity: str) -> None:
    [matches] = find_entities([text])
    assert entity in {m.entity for m in matches}
    [matches] = find_entities(["Reference LS1 4AB."])
    assert entity not in {m.entity for m in matches}


def test_another_kind_of_lemmatizer_tags_every_text() -> None:
    # A lookup-table lemmatizer may give any word any lemma: nothing can be foreseen.
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    forms = ContextForms(nlp, analyzer().registry.recognizers)
    assert not forms.exact
    assert forms.possible(nlp.make_doc("Reference LS1 4AB."), ["UK_POSTCODE"])
    assert context_forms().exact
