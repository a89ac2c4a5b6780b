"""Whether a text could give a pattern's context words, judged before spaCy tags it.

presidio raises a pattern match's score when the lemma of a word near it is one of the
recognizer's context words ("postcode", "born", "mobile"). Lemmas come from the tagger and
lemmatizer, which cost as much as the NER model; a text in which no word can have such a
lemma need not be tagged at all, and is scored exactly as after tagging.

spaCy's English rule lemmatizer gives a word one of: the word itself (in lower case), one of
its exceptions ("born" -> "bear"), or the word with one of its rule's suffixes swapped
("lives" -> "live"); the attribute ruler sets a few lemmas of its own ("'s" -> "be"). Each
context word is turned back into every word that could have it as a lemma, for whatever part
of speech the tagger would choose, so the test is a superset and never skips a text that
tagging would have scored differently.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer
    from spacy.language import Language
    from spacy.tokens import Doc


class ContextForms:
    """Per entity type, the lower-case words whose lemma could be one of its context words."""

    def __init__(self, nlp: Language, recognizers: Iterable[EntityRecognizer]) -> None:
        from spacy.pipeline import Lemmatizer

        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        # Another kind of lemmatizer (a lookup table, a trained one, a language's own rules)
        # may give any lemma: then every text is tagged.
        self.exact = (
            isinstance(lemmatizer, Lemmatizer)
            and lemmatizer.mode == "rule"
            and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize
        )
        self._rules: list[tuple[str, str]] = []
        self._exceptions: dict[str, set[str]] = {}
        self._ruled: set[str] = set()
        self._forms: dict[str, set[str] | None] = {}
        if self.exact:
            self._read(nlp, lemmatizer.lookups, recognizers)  # type: ignore[union-attr]

    def _read(self, nlp: Language, lookups: Any, recognizers: Iterable[EntityRecognizer]) -> None:
        self._rules = [
            (old, new) for rules in lookups.get_table("lemma_rules").values() for old, new in rules
        ]
        for table in lookups.get_table("lemma_exc").values():
            for word, lemmas in table.items():
                for lemma in lemmas:
                    self._exceptions.setdefault(lemma.lower(), set()).add(word)
        if "attribute_ruler" in nlp.pipe_names:
            self._ruled = {
                str(p["attrs"]["LEMMA"]).lower()
                for p in nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
                if p["attrs"].get("LEMMA")
            }
        # None: a context word the attribute ruler may give any word, so never skip.
        for recognizer in recognizers:
            for entity in recognizer.supported_entities:
                forms = self._forms.setdefault(entity, set())
                for word in recognizer.context or ():
                    found = self._words_with_lemma(word.lower())
                    if found is None or forms is None:
                        self._forms[entity] = forms = None
                    else:
                        forms |= found

    def _words_with_lemma(self, lemma: str) -> set[str] | None:
        if lemma in self._ruled:
            return None
        words = {lemma} | self._exceptions.get(lemma, set())
        for old, new in self._rules:
            if lemma.endswith(new):
                words.add(lemma[: len(lemma) - len(new)] + old)
        return words

    def possible(self, doc: Doc, entities: Iterable[str]) -> bool:
        """Whether tagging `doc` could raise the score of a match of one of `entities`."""
        if not self.exact:
            return True
        wanted: set[str] = set()
        for entity in entities:
            forms = self._forms.get(entity, set())
            if forms is None:
                return True
            wanted |= forms
        return bool(wanted) and any(token.lower_ in wanted for token in doc)


@functools.cache
def context_forms() -> ContextForms:
    """The forms for the shared analyzer's pipeline and every recognizer it runs."""
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from detectors.engine import LANGUAGE, analyzer

    engine = analyzer()
    nlp_engine = engine.nlp_engine
    assert isinstance(nlp_engine, SpacyNlpEngine) and nlp_engine.nlp
    return ContextForms(nlp_engine.nlp[LANGUAGE], engine.registry.recognizers)
