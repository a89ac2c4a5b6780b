"""Special categories of data (sexual offences, domestic abuse, children, health…) named in text."""

from __future__ import annotations

import re
from functools import lru_cache

_PATTERNS: dict[str, str] = {
    "sexual_offence": (
        r"rape|raped|sexual(?:ly)?|indecen\w*|voyeurism|sex offen\w*|upskirting|grooming|"
        r"intimate image\w*|sexting|exposure|cse"
    ),
    "domestic_abuse": (
        r"domestic|coercive|controlling behaviour|dv|dva|marac|dash risk|honour based|"
        r"partner abuse|da flag"
    ),
    "hate_crime": (
        r"hate|racially|religiously aggravated|homophobic|transphobic|"
        r"hostility (?:towards|based)|aggravated by hostility"
    ),
    "child": (
        r"child|children|juvenile|minor|under 18|u18|youth|young person|looked after|"
        r"school pupil|infant|baby|cse"
    ),
    "health": (
        r"mental health|medical|disabilit\w*|disabled|injur\w*|illness|hospital(?!it)\w*|"
        r"section 136|s136|self[ -]harm\w*|suicid\w*|overdose|diagnos\w*|sectioned|"
        r"health condition|impairment"
    ),
    "ethnicity": r"ethnicity|ethnic (?:origin|group|background)|ethnic|race",
    "religion": r"religion|faith|religious belief",
    "sexual_orientation": r"sexual orientation|gay|lesbian|bisexual|homophobic",
    "informant": r"informant|chis|covert human intelligence source|source handler",
}
GRAVE = frozenset({"sexual_offence", "domestic_abuse", "informant"})
"""Categories whose mere mention beside a name is the harm (victims of sexual offences have
lifelong anonymity; a named victim of domestic abuse can be found by the abuser; a named
informant is in danger)."""
_COMPILED = {
    category: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    for category, pattern in _PATTERNS.items()
}

CATEGORIES: tuple[str, ...] = tuple(_PATTERNS)
_BODIES = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+(?:(?:and|&|of|for|the)\s+)?){1,5}"
    r"(?:Hospitals?|Trust|Hospice|Clinic|Surgery|Health\s+Board|Health\s+Centre|"
    r"Infirmary|School|Academy|Nursery|College|Zoo|Foundation|Society|Association|Charity|"
    r"Inc|Incorporated|LLC|Ltd|Limited|PLC|plc|Corp|Corporation|Group|Holdings|"
    r"Council|Commission|Committee|Board|Forum|Network|Partnership|Alliance)(?:\b|(?=\d))"
    r"|(?i:\b(?:children['’]?s?|family|youth|sure\s+start)\s+cent(?:re|er)s?\b)"
    r"|(?i:\bchildren['’]?s?\s+(?:services|hospital|trust|society|charity)\b)"
    r"|\b(?:NHS|Mental\s+Health)\s+(?:Foundation\s+)?Trusts?\b"
    r"|(?i:\b(?:chief\s+)?medical\s+(?:officers?|directors?|examiners?|advis[eo]rs?|"
    r"secretar(?:y|ies))\b)"
)
"""Names of hospitals, trusts, schools, children's centres, charities, companies, councils,
boards and forums: a place or a body, not a category of the people named beside them ("George
Eliot Hospital NHS Trust", "Ferndale Children's Centre", "Race Equity Council", "Mental Health
Advisory Board"), and the posts of doctors who advise or direct ("Chief Medical Officer",
"Medical Director"). Units and teams are not among them: "referred to the Domestic Abuse
Unit" still says what a case is about."""

_DOCUMENTS = re.compile(
    r"\b(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&|of|for|in|on)[ \t]+)?){1,6}"
    r"(?:Polic(?:y|ies)|Procedures?|Strategy|Guidance|Framework|Protocols?|Toolkit|"
    r"Action[ \t]+Plan)\b"
)
"""Titles of policies and strategies ("Child Protection and Safeguarding Policy", "Domestic
Abuse Strategy"), written in capitals: what a document is about, not anyone's data. Not an
act: "detained under the Mental Health Act" is said of a person."""

_POSTS = re.compile(
    r"\b(?:child(?:ren['’]?s?)?|youth|junior|adults?|vulnerable\s+adults?|mental\s+health|"
    r"disability|equality(?:\s+(?:and|&)\s+diversity)?|diversity|lgbtq?\+?|domestic\s+abuse)"
    r"\s+(?:(?:welfare|protection|safeguarding|wellbeing)\s+)?(?:officers?|leads?|"
    r"co-?ordinators?|managers?|advis[eo]rs?|champions?|first[\s-]+aiders?|representatives?|"
    r"reps?|liaisons?)\b"
    r"|\bchild(?:ren['’]?s?)?\s+(?:welfare|protection|safeguarding)\b(?=[ \t]*[-–—:])"
    r"|\b(?:(?:hate\s+crime|vawg|violence\s+against\s+women(?:\s+and\s+girls)?|"
    r"sexual\s+(?:violence|health)|community\s+safety)(?:\s+(?:and|&)\s+)?){1,2}\s+"
    r"(?:managers?|leads?|officers?|co-?ordinators?|advis[eo]rs?|champions?|specialists?)\b"
    r"|\b(?:leads?|managers?|co-?ordinators?|officers?)\s+(?:on|for)\s+(?:hate\s+crime|"
    r"vawg|sexual\s+violence|safeguarding)\b"
    r"|\bhate\s+crime\s+lead\b",
    re.IGNORECASE,
)
"""Posts named for a category they look after ("Child Welfare Officer", "Mental Health First
Aider", "Equality and Diversity Lead", "Child Welfare - Jane Smith" in a club's list of
officers, "Senior VAWG and Hate Crime Manager", "the force's lead on hate crime"): the
holder's job, not a category of their own data."""

_PROSE_SENSES = re.compile(
    r"\bdomestic\s*(?:&|and|or|/)\s*(?:commercial|business|industrial|agricultural)\b|"
    r"\b(?:(?:commercial|industrial|business|agricultural)\s*(?:[&/|,]|and|or)\s*){1,3}"
    r"domestic\b|"
    r"\bdomestic\s+(?!(?:abuse|abuser|violence|violent|incident|assault|homicide|murder|"
    r"related|crime|offen\w*|disturbance|dispute|argument|call|flag|case|nature|matter|"
    r"and\s+(?:sexual|family))\b)"
    r"[a-z]+|"
    r"\b(?<!indecent\s)exposures?\b|"
    r"\bsex(?:ual(?:ly)?)?\s+(?:oriented\s+)?(?:entertainment\s+)?(?:businesses|business|"
    r"establishments?|venues?|shops?)\b|\bsexually\s+oriented\b|"
    r"\bminor\s+(?!(?:child|children|girl|boy|victim)\b)[a-z]+|"
    r"(?<!mixed\s)(?<!mixed-)(?<!his\s)(?<!her\s)(?<!their\s)\brace\b(?!\s*(?:[:/]|and\s+ethnic|or\s+ethnic|hate))|"
    r"\bchildren\b|\b(?:under\s?18|u18)s\b|"
    r"\byouth\b(?!\s+(?:offend\w*|justice|court|caution\w*|custody|detention))|"
    r"\blooked\s+after\b(?!\s+(?:child\w*|young|person|people|status))|"
    r"\b(?:your|my|our)\s+child(?:ren)?\b(?:[`'’]s)?(?!\s*,?\s*(?-i:[A-Z]))|"
    r"\b(?:dv|dva|cse|chis)\s?[-/]?\s?\d[\d/-]*|"
    r"\b(?:from|contact|call|ring|phone|telephone)\s+(?-i:(?:[A-Z][\w'’&-]*\s+){1,4})"
    r"(?=(?:on|at)\s+[+(]?\d)",
    re.IGNORECASE,
)
"""Words of a category used in another sense, in running text: a country's "domestic agenda", a
trader's "domestic & commercial" (or "Commercial | Industrial | Domestic") work, "media
exposure", "minor works", a licensing law's "sexually oriented business" or "sexual
entertainment venue" (a trade, not an offence), an abbreviation that prefixes a number ("DVA
14-1326": a docket's code). "Race" in running text is a contest ("the race for mayor", "the pram
race") unless it is a label ("Race: White"), beside ethnicity, someone's ("her race") or in
"mixed race". Groups and activities are not a child's data: "children welcome", "youth club",
"under 18s team", a hall "looked after by residents", a handbook's "your child" (the reader's,
unnamed); a child is said of a person in the singular ("the child", "a juvenile", "a young
person", "a looked after child", "your child, Tom"), and "youth" keeps its sense before
offending, justice, court or caution. A table's "Domestic" flag or "Race" column keeps its
meaning: in prose the sense is taken from the words around it. A service the reader is told
to call is a body's name ("obtained from Fife Disabilities on 01592 …"), not a category of
the people named near it."""


@lru_cache(maxsize=4096)
def categories_in(text: str, prose: bool = False) -> frozenset[str]:
    """The special categories that `text` names; cached, as table values repeat a lot.

    Hospitals, trusts, schools and children's centres named in it do not count, nor posts
    named for a category ("Child Welfare Officer"), nor, in
    `prose`, words of a category used in another sense."""
    text = _POSTS.sub(" ", _BODIES.sub(" ", _DOCUMENTS.sub(" ", text)))
    if prose:
        text = _PROSE_SENSES.sub(" ", text)
    return frozenset(category for category, rx in _COMPILED.items() if rx.search(text))


def child_age(value: str) -> bool:
    """True for an age under 18 written as a bare number ("14", "14 yrs")."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*(?:y|yrs?|years?)?\s*", value, re.IGNORECASE)
    return match is not None and int(match.group(1)) < 18
