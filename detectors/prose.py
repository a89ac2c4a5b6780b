"""Find personal data in prose: batched presidio analysis tuned for precision."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from detectors.lookbehind import Gated
from detectors.prose_names import could_hold_name, find_names
from detectors.recognizers import RECOGNIZERS
from detectors.recognizers.street_address import SUFFIX

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer, RecognizerResult

# A finding must reach this score; pattern-only guesses (a postcode with no address nearby,
# a passport-shaped code with no "passport") stay below it.
MIN_SCORE = 0.5
# phonenumbers already checks a number against the GB numbering plan: that is evidence enough.
MIN_SCORES: dict[str, float] = {"PHONE_NUMBER": 0.4}
# spaCy's own limit is 1,000,000 characters; smaller chunks keep memory flat.
CHUNK_CHARS = 100_000
BATCH_SIZE = 32

# Capitalised words the small model takes for names: ranks, titles, roles and letter formulae.
_NOT_NAME_WORDS = """
chief constable deputy assistant sergeant sgt inspector insp superintendent supt
commissioner commander officer detective det pc dc ps ds di dci pcso special police mr mrs
ms miss mx dr sir dame lord lady madam dear regards sincerely faithfully yours director head
manager team unit department dept force service staff member freedom information act foi
section request requester applicant disclosure
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_TITLES = re.compile(
    r"^(?:(?:chief|deputy|assistant|detective|acting|temporary|det|police|constable|sergeant|"
    r"sgt|inspector|insp|superintendent|supt|ch|commissioner|commander|officer|pc|dc|ps|ds|di|"
    r"dci|dsu|pcso|mr|mrs|ms|miss|mx|dr|sir|dame|lord|lady|cllr|councillor|mayor|minister)"
    r"\.?\s+)+",
    re.IGNORECASE,
)
# Street suffixes that are not also common surnames (Green, Hill, Lane and Dale are).
_STREET_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", SUFFIX)) - {
    "Green",
    "Hill",
    "Lane",
    "Dale",
    "Croft",
    "Rise",
    "Brow",
    "Fold",
    "Crest",
    "View",
    "Vale",
    "Heights",
    "Quay",
    "Yard",
    "Wharf",
    "Walk",
    "Row",
    "Way",
    "Court",
}
_WORD = re.compile(r"[\w'’-]+")
LONG_RUN = 80
_LONG_TOKEN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_PHONE_PUNCTUATION = (
    "\\-x\u2010-\u2015\u2212\u30fc\uff0d-\uff0f\u00a0\u00ad\u200b\u2060\u3000()"
    "\uff08\uff09\uff3b\uff3d.\\[\\]/~\u2053\u223c\uff5e"
)
"""The characters phonenumbers reads as punctuation within a number, for a regex class."""
# A loose superset of every pattern recognizer, ours and presidio's: text that matches none of
# these and holds no name word cannot hold a finding, and the model need not even be loaded.
# Tried one at a time, cheapest first: as one alternation the lookbehinds of the context-led
# patterns are tried at every position, which took twice as long over a page that matches none;
# each of those is searched only where its label occurs (`detectors.lookbehind`).
_MAYBE_PATTERNS = tuple(
    Gated(pattern, regex.IGNORECASE | regex.MULTILINE | regex.DOTALL)
    for pattern in (
        r"@",  # e-mail
        # Phone, NINO, NHS, passport, licence: six digits or more, apart by the punctuation
        # phonenumbers allows inside a number (dashes, slashes, dots, brackets, spaces).
        rf"\d(?:[\s{_PHONE_PUNCTUATION}]*\d){{5,}}",
        r"GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}",  # postcode
        r"[A-Z]{2}\d{2}[- ]?[A-Z]{3}|[A-Z]\d{1,3}[- ]?[A-Z]{3}|[A-Z]{3}[- ]?\d{1,3}[- ]?[A-Z]",
        r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9A-F]{0,4}:[0-9A-F]{0,4}:",  # IP addresses
        *sorted(
            (p.regex for spec in RECOGNIZERS for p in spec.patterns),
            key=lambda pattern: pattern.startswith(("(?<=", "(?<!")),
        ),
    )
)


def may_match(text: str) -> bool:
    """False when no pattern recognizer can match anything in `text`."""
    return any(pattern.search(text) for pattern in _MAYBE_PATTERNS)


_CONTEXT_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
"""The pipes that give presidio's context words their lemmas (the parser is never run)."""
_LOWER_WORD = re.compile(r"\s+(?!(?:de|da|di|du|van|von|le|la|del|della|al|el|ap|ab)\b)[a-z]")


@dataclass(frozen=True)
class Match:
    """One entity found in a text; read its value as text[start:end] (never stored here)."""

    entity: str
    start: int
    end: int
    score: float


def find_entities(
    texts: Sequence[str], check: Callable[[], None] | None = None
) -> list[list[Match]]:
    """Analyse many texts in one batch; one list of matches per text, in text order.

    `check` is called before each chunk is analysed (the document's time budget) and may
    raise to stop. Each chunk goes through only the parts of spaCy's pipeline its results
    can depend on: the NER model, the costly part, reads only chunks with a word the name
    gazetteer knows (every name the model tags is dropped later without one); the tagger and
    lemmatizer, which serve only to raise a pattern match's score from the words around it,
    read only chunks where a pattern recognizer matched and some word could have one of its
    context words as lemma (`detectors.prose_context`). Chunks with neither are not given to
    spaCy's model at all, and presidio runs only the recognizers that found something.
    """
    chunks: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, offset of the chunk in its text)
    for index, text in enumerate(texts):
        for offset, chunk in _chunks(text):
            chunks.append(defuse(chunk))
            owners.append((index, offset))
    found: list[list[Match]] = [[] for _ in texts]
    named = [i for i, chunk in enumerate(chunks) if could_hold_name(chunk)]
    # Every recognizer reads a chunk with a name word, as one presidio pass would; the
    # prefilter spares only text that holds no name.
    person = set(named)
    maybe = [i for i, chunk in enumerate(chunks) if i in person or may_match(chunk)]
    if not maybe:
        return found  # and the model is not even loaded: a sheet of counts costs no NLP
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from detectors.engine import LANGUAGE, analyzer, pattern_recognizers
    from detectors.prose_context import context_forms

    engine = analyzer()
    nlp_engine = engine.nlp_engine
    assert isinstance(nlp_engine, SpacyNlpEngine) and nlp_engine.nlp
    nlp = nlp_engine.nlp[LANGUAGE]
    recognizers = pattern_recognizers()
    # The entity types each chunk's pattern recognizers match, at whatever score (context
    # words only move a score, never make or unmake a match).
    entities: dict[int, list[str]] = {}
    for i in maybe:
        if check is not None:
            check()
        matched = _patterned(chunks[i], recognizers)
        if matched:
            entities[i] = matched
    # Only chunks presidio will analyse are tokenised.
    docs = {i: nlp.make_doc(chunks[i]) for i in maybe if i in person or i in entities}
    # The tagger and lemmatizer serve only the context words: a chunk where no word can
    # have one of them as its lemma is scored the same without them.
    forms = context_forms()
    lemmatized = [
        i
        for i in docs
        if i in entities and forms.possible(docs[i], entities[i] + ["PERSON"] * (i in person))
    ]
    # In the pipeline's own order: tagger and lemmatizer first, the NER model last.
    for group, keep in ((lemmatized, _CONTEXT_PIPES), (named, ("ner",))):
        off = [name for name in nlp.pipe_names if name not in keep]
        # Each Doc is annotated in place; the budget is checked as each batch comes out.
        for _ in nlp.pipe((docs[i] for i in group), batch_size=BATCH_SIZE, disable=off):
            if check is not None:
                check()
    for i, doc in docs.items():
        wanted = (["PERSON"] if i in person else []) + entities.get(i, [])
        if not wanted:
            continue
        if check is not None:
            check()
        chunk, (index, offset) = chunks[i], owners[i]
        # presidio's own batch engine does the same: analyse with the doc spaCy made.
        artifacts = nlp_engine._doc_to_nlp_artifact(doc, LANGUAGE)
        results = engine.analyze(chunk, LANGUAGE, entities=wanted, nlp_artifacts=artifacts)
        selected = _select(chunk, results)
        # The small model misses many names it has not seen in context (Welsh, Polish,
        # South Asian...); the gazetteer finds the pairs it passed over.
        taken = [(m.start, m.end) for m in selected]
        selected += [Match("PERSON", n.start, n.end, n.score) for n in find_names(chunk, taken)]
        found[index].extend(
            Match(m.entity, m.start + offset, m.end + offset, m.score) for m in selected
        )
    for matches in found:
        matches.sort(key=lambda m: (m.start, m.end))
    return found


def _patterned(chunk: str, recognizers: Sequence[EntityRecognizer]) -> list[str]:
    """The entity types pattern recognizers match in `chunk`, sorted.

    They read the text alone (presidio's pattern and phone recognizers take no spaCy
    tokens, though its base class types them as required), so the chunk is not tokenised
    for them.
    """
    from detectors.engine import ENTITIES

    matched: set[str] = set()
    for recognizer in recognizers:
        results = recognizer.analyze(
            text=chunk,
            entities=list(ENTITIES),
            nlp_artifacts=None,  # type: ignore[arg-type]
        )
        matched.update(result.entity_type for result in results or ())
    return sorted(matched)


def defuse(text: str) -> str:
    """Break runs of more than LONG_RUN characters without a space, keeping every offset.

    spaCy's tokenizer splits affixes one character at a time, so its cost grows with the
    square of a token's length: a page holding 10,000 '[' took 17 s. No personal value is
    that long, so a space every LONG_RUN characters changes nothing we look for.
    """
    if len(text) <= LONG_RUN:
        return text
    return _LONG_TOKEN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    run, keep = match.group(), LONG_RUN - 1
    return "".join(
        run[i : i + keep] + (" " if i + keep < len(run) else "")
        for i in range(0, len(run), LONG_RUN)
    )


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split text on line or sentence breaks into pieces of at most CHUNK_CHARS."""
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        floor = limit - CHUNK_CHARS // 10
        cut = max(text.rfind("\n", floor, limit), text.rfind(". ", floor, limit) + 1)
        if cut <= floor:
            cut = text.rfind(" ", floor, limit)
        if cut <= floor:
            cut = limit
        if text[start:cut].strip():
            yield start, text[start:cut]
        start = cut
    if text[start:].strip():
        yield start, text[start:]


def _select(text: str, results: list[RecognizerResult]) -> list[Match]:
    """Keep confident, plausible results; a name never overlaps a patterned entity."""
    candidates: list[Match] = []
    for result in results:
        entity = result.entity_type
        if result.score < MIN_SCORES.get(entity, MIN_SCORE):
            continue
        start, end = result.start, result.end
        if entity == "PERSON":
            trimmed = _trim_person(text, start, end)
            if trimmed is None:
                continue
            start, end = trimmed
        candidates.append(Match(entity, start, end, result.score))
    candidates.sort(key=lambda m: (m.entity == "PERSON", -m.score, m.start))
    # Kept spans never overlap, so sorted by start they are sorted by end too: a new span
    # overlaps one only if it overlaps a neighbour (no quadratic scan on a page of numbers).
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Match] = []
    for match in candidates:
        at = bisect_left(starts, match.start)
        if at > 0 and ends[at - 1] > match.start:
            continue
        if at < len(starts) and starts[at] < match.end:
            continue
        starts.insert(at, match.start)
        ends.insert(at, match.end)
        kept.append(match)
    return kept


def _trim_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name inside a PERSON span without leading ranks or titles; None if not a name."""
    span = text[start:end]
    title = _TITLES.match(span)
    if title:
        start += title.end()
        span = text[start:end]
    if not span or not span[0].isupper():
        return None
    # "Deborah Hargreaves of Flat": the model ran on past the name into the address.
    lower = _LOWER_WORD.search(span)
    if lower:
        end = start + lower.start()
        span = text[start:end]
    words = _WORD.findall(span)
    if len(words) < 2 and not title:
        # A lone capitalised word is as often a place, a heading or an operation name as a
        # surname; after a rank ("DCI Morgan") it is a name.
        return None
    if words[-1] in _STREET_WORDS:
        return None  # "Falconers Chase": an address the model read as a name
    if any(c.isdigit() or c in "@/\\:;|" for c in span):
        return None
    if all(word.casefold() in _NOT_NAMES for word in words):
        return None
    if span.isupper() and _line_of(text, start, end).isupper():
        return None  # a heading in capitals, not a name
    return start, end


def _line_of(text: str, start: int, end: int) -> str:
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
