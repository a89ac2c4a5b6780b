"""Run the detector over the corpus and score it: per entity, per kind and per file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from corpus.model import Doc
from detectors.assess import assess
from detectors.detect import Detector, ProseFinder
from detectors.model import Severity, Table

FLAG_AT = Severity.MEDIUM
"""A file counts as flagged (an alert is sent) at this severity or above."""


@dataclass
class Rates:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    entities: dict[str, Rates] = field(default_factory=dict)
    kinds: dict[str, Rates] = field(default_factory=dict)
    files: Rates = field(default_factory=Rates)
    clean_files: int = 0
    false_alarms: int = 0
    people_error: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def file_recall(self) -> float:
        return self.files.recall

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean_files if self.clean_files else 0.0


def score_corpus(docs: list[Doc], find: ProseFinder | None = None) -> Score:
    score = Score()
    for doc in docs:
        detector = Detector(allow_list=doc.allow, find=find)
        for item in doc.items:
            if isinstance(item, Table):
                item = Table(item.where, item.vector, item.header, iter(item.rows))
            detector.feed(item, embedded_in=doc.embedded_in)
        evidence = detector.finish()
        flagged = assess(evidence, ()).severity.rank >= FLAG_AT.rank
        if doc.leaky:
            _add(score.files, flagged, True)
            if not flagged:
                score.misses.append(doc.name)
        else:
            score.clean_files += 1
            if flagged:
                score.false_alarms += 1
                score.alarms.append(doc.name)
        found = Counter[str]()
        for finding in evidence.findings:
            found[finding.entity] += finding.count
        truth = Counter(dict(doc.entities))
        for entity in set(found) | set(truth):
            rates = score.entities.setdefault(entity, Rates())
            hit = min(found[entity], truth[entity])
            rates.tp += hit
            rates.fp += found[entity] - hit
            rates.fn += truth[entity] - hit
        for kind in set(evidence.kinds) | doc.kinds:
            rates = score.kinds.setdefault(kind, Rates())
            _add(rates, kind in evidence.kinds, kind in doc.kinds)
        if doc.people:
            score.people_error.append(abs(evidence.people - doc.people) / doc.people)
    return score


def _add(rates: Rates, predicted: bool, actual: bool) -> None:
    if predicted and actual:
        rates.tp += 1
    elif predicted:
        rates.fp += 1
    elif actual:
        rates.fn += 1
