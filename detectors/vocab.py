"""Words that look like names in police tables but are not: ranks, titles, places, labels."""

from __future__ import annotations

import re


def wordset(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words in `text` (word lists read better as prose)."""
    return frozenset(text.split())


TITLES = wordset("mr mrs ms miss mx dr prof professor sir dame lord lady rev revd")
"""Courtesy titles, stripped before a name is read."""

RANK_PHRASES: tuple[str, ...] = tuple(
    sorted(
        {
            "chief constable",
            "deputy chief constable",
            "assistant chief constable",
            "assistant chief officer",
            "chief officer",
            "chief superintendent",
            "detective chief superintendent",
            "superintendent",
            "detective superintendent",
            "chief inspector",
            "detective chief inspector",
            "inspector",
            "detective inspector",
            "sergeant",
            "detective sergeant",
            "constable",
            "detective constable",
            "police constable",
            "special constable",
            "police sergeant",
            "police inspector",
            "trainee detective constable",
            "student officer",
            "pcso",
            "police community support officer",
            "police staff",
            "chief supt",
            "ch supt",
            "det supt",
            "supt",
            "ch insp",
            "chief insp",
            "acting",
            "temporary",
            "det insp",
            "insp",
            "sgt",
            "det sgt",
            "det con",
            "cc",
            "dcc",
            "acc",
            "aco",
            "dcs",
            "dci",
            "di",
            "ds",
            "dc",
            "ps",
            "pc",
            "sc",
            "tdc",
            "det",
            "detective",
            "officer",
            "staff",
            # Ranks of US forces, as their rosters and use-of-force files print them.
            "ofc",
            "police officer",
            "patrol officer",
            "cpl",
            "corporal",
            "lt",
            "lieutenant",
            "capt",
            "captain",
            "cmdr",
            "commander",
            "dep",
            "deputy",
            "deputy sheriff",
            "agt",
            "special agent",
            "tpr",
            "trooper",
        },
        key=lambda phrase: -len(phrase.split()),
    )
)
"""Ranks and their abbreviations, longest first so "chief inspector" wins over "inspector"."""

RANK_WORDS = frozenset(word for phrase in RANK_PHRASES for word in phrase.split())

MONTHS = wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday"
)

PLACES = wordset("""
    london belfast cardiff edinburgh glasgow aberdeen dundee inverness stirling perth swansea
    newport wrexham bangor derry londonderry armagh newry lisburn omagh enniskillen coleraine
    ballymena antrim down fermanagh tyrone craigavon banbridge dungannon larne carrickfergus
    norwich ipswich lowestoft thetford cromer kings lynn yarmouth dereham bury felixstowe
    sudbury haverhill newmarket stowmarket beccles norfolk suffolk broadland breckland waveney
    carlisle kendal penrith workington whitehaven barrow keswick ulverston cumbria cumberland
    westmorland furness copeland allerdale eden manchester liverpool leeds sheffield bradford
    birmingham coventry wolverhampton nottingham leicester derby lincoln lincolnshire york hull
    newcastle sunderland durham middlesbrough darlington hartlepool bristol bath exeter plymouth
    truro taunton gloucester cheltenham swindon oxford reading slough luton bedford cambridge
    peterborough northampton milton keynes chelmsford colchester southend basildon brighton hove
    hastings canterbury maidstone dover guildford woking crawley portsmouth southampton
    bournemouth poole salisbury winchester worcester hereford shrewsbury telford stoke stafford
    chester warrington wigan bolton preston blackpool lancaster blackburn burnley huddersfield
    wakefield doncaster rotherham barnsley kent essex surrey sussex hampshire dorset devon
    cornwall somerset wiltshire avon berkshire buckinghamshire hertfordshire bedfordshire
    cambridgeshire northamptonshire leicestershire nottinghamshire derbyshire staffordshire
    warwickshire worcestershire gloucestershire oxfordshire cheshire lancashire merseyside
    cleveland northumbria northumberland humberside yorkshire gwent dyfed powys wales england
    scotland ireland britain uk gb north south east west central northern southern eastern
    western city county borough district metropolitan rural urban
    """)
"""UK towns, counties and force areas that are also surnames or forenames somewhere."""

LABELS = wordset("""
    total totals subtotal sum grand count blank unknown other others none nil yes no true false
    male female man woman men women boy girl white black asian mixed british irish chinese
    christian muslim jewish sikh hindu buddhist police force station team unit department
    dept office court justice crime crimes offence offences theft burglary robbery assault
    murder arson fraud drugs weapons criminal damage public order sexual domestic hate abuse
    violence harassment stalking vehicle shoplifting bicycle possession trafficking rape
    victim witness suspect offender complainant informant person persons redacted withheld
    vacant various not known applicable recorded see note notes average mean median rate
    percentage change year month week day quarter period date time age ethnicity gender
    religion rank role grade name names surname forename initial initials number reference
    response control room custody operations support headquarters hq contact centre
    command corporate services finance human resources training professional standards
    intelligence investigation investigations neighbourhood policing roads traffic firearms
    dog dogs marine air special branch security house chase lodge buildings road street
    avenue gardens crescent terrace square
    candidate candidates councillor councillors speaker speakers author authors presenter
    producer elected
    people peoples children childrens adults families residents parents carers pupils
    students patients refugees survivors citizens communities clients users volunteers
    """)
"""Table labels, categories and police vocabulary that must never be read as a name."""

ROW_LABELS = wordset("""
    total totals subtotal sum grand count blank unknown other others none nil null redacted
    withheld vacant various not known applicable tbc tba na n/a unassigned unallocated
    """)
"""Words that mark a row as a total or a placeholder even in a column judged to hold names."""

NOT_NAMES = TITLES | RANK_WORDS | MONTHS | PLACES | LABELS


CASE_PARTY = re.compile(
    r"\b(?:victims?|suspects?|witness(?:es)?|offenders?|complainants?|defendants?)\b", re.I
)
"""The parties to a case: a name called one of them is never named in a public capacity."""
