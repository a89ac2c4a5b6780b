"""A special category belongs to a person only when it is said of them, and a place, a body or
a specimen is nobody: look-alikes of real public documents that are not leaks, each beside the
real leak of the same shape that must stay grave."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Structure, Table, Text, Vector
from detectors.places import organisation_heads, place_or_org_span
from detectors.public import is_public_email
from detectors.scan import scan
from tests.detectors._severity import ORDER as _ORDER
from tests.detectors._severity import H, L, M
from tests.detectors._tables import csv_bytes as _csv


def _severity(text: str, vector: Vector = Vector.PAGE_TEXT) -> Severity:
    detector = Detector()
    detector.feed(Text(text, vector, "comment 1" if vector is Vector.COMMENT else "page 1"))
    evidence = detector.finish()
    return assess(evidence, (Structure(vector, "comments"),) if vector.hidden else ()).severity


_FILM_PLOT = (
    "The film opens with a news report on the city's future. Three officers have been "
    "murdered and a fourth, Thomas Pritchard, has been left critically injured in an attack "
    "by crime boss Victor Hale. At the precinct, officers respond to a variety of cases when "
    "veteran officer Daniel Morley arrives from the south side."
)
_SIGN_OFF = (
    "Police District Population\nCity of Eastford\nApproved:\nDiane Holloway, Director\n"
    "Research and Development Division\nNote 1: Includes persons classified under the Census "
    "Bureau race categories, as well as persons who identified two or more race categories.\n"
    "Source: Department of Innovation and Technology."
)
_REFERENCES = (
    "[3] M. Shipley, Z. Carter, N. Dalton and R. Eastwood, The Colour of Injustice: 'Race', "
    "drugs and law enforcement in England and Wales. London: Release, 2018.\n\n"
    "[6] D. McCann and I. Brunton, The Effect of Legitimacy on Desistance, Crime & "
    "Delinquency, vol. 12, no. 1, pp. 5-23, 2017. Available: https://example.org/paper.pdf"
)
_GRANTS = (
    "A grant to Ann Rowan Foundation. An unrestricted grant of £20,000. Ann Rowan supports "
    "refugees who are survivors of human trafficking, sexual exploitation and honour-based "
    "violence. The services they provide include therapy and medical advice."
)
_LETTER = (
    "Libraries, Heritage and Archives\nLondon Borough of Eastford Civic Offices 2 Watling "
    "Street\nEastford Kent DA6 7AT\nDirect Dial 020 3045 4562\nDate 4 October 2017\n"
    "The person dealing with this matter is: Paul Fenwick\nDear Mr Rowe\nThank you for your "
    "request for information received on 11 September 2017."
)
_SPECIMEN = (
    "Sample check for line 72d.\nRouting number\nAccount number\n1234\nSAMPLE\nRUFUS MAPLE\n"
    "MARY MAPLE\n123 Main Street\nAnyplace, LA 70000\nPAY TO THE ORDER OF"
)
_LAYOFFS = (
    "08/17/2015 Haggen, Inc. (Store #2199) Simi Valley 53 Closure Permanent\n"
    "08/13/2015 Quest Diagnostics Incorporated San Jose 78\n"
    "08/13/2015 Motorola Mobility LLC Sunnyvale 213 Layoff Permanent\n"
    "03/08/2016 BCBG Max Azria Group Vernon 41 Closure Permanent\n"
    "03/08/2016 Memorial Health Services San Clemente 194 Closure Permanent"
)
_TAX_GUIDE = (
    "If you want a form, write to the Internal Revenue Service, Tax Forms and Publications, "
    "1111 Constitution Ave. NW, Washington, DC 20224. Report phishing to phishing@irs.gov. "
    "Order forms from taxforms@irs.gov."
)

_RULE_BOOK = (
    "ACRONYMS July 23, 2018 LJP – Laura J. Pennington Correctional Facility at Elm Ridge "
    "RVR – Rules Violation Report SATF – Substance Abuse Treatment Facility SBI – Serious Bodily "
    "Injury\n\n"
    "Indecent exposure: the count includes indecent exposure with or without prior PC 288 "
    "convictions, and with a status of final."
)


@pytest.mark.parametrize(
    ("text", "most"),
    [
        (_FILM_PLOT, L),
        (_SIGN_OFF, L),
        (_REFERENCES, L),
        (_GRANTS, L),
        (_LETTER, L),
        (_SPECIMEN, L),
        (_LAYOFFS, L),
        (_TAX_GUIDE, L),
        (_RULE_BOOK, L),
        ("MoJ, 2013-14, Victim Support Grant in Aid, 38000, Voluntary Sector", L),
        ("Witness Service Grant funding was renewed for Rape Crisis Leeds.", L),
        ("Climb the fell at dawn to witness it. Rev J. H. Mackie and Mr T. Greenbank lead.", L),
    ],
    ids=[
        "a film plot in which a character is injured",
        "a signatory above a census note on race",
        "cited authors of a title with race in it",
        "a charity named after a person, called by her name",
        "a council letter's office address and handling officer",
        "a specimen cheque's made-up name and address",
        "companies and towns in a list of layoffs",
        "a tax body's mailboxes and its Washington ZIP code",
        "a sexual offence beside a penal code number in a counting-rules book",
        "a support charity's grant",
        "a witness service's grant",
        "to witness a sunrise, the verb",
    ],
)
def test_a_topic_a_body_or_a_specimen_is_no_fact_about_a_person(text: str, most: Severity) -> None:
    assert _ORDER.index(_severity(text)) <= _ORDER.index(most)


@pytest.mark.parametrize(
    ("text", "vector", "least"),
    [
        ("Jane Whitlock, 24, was raped in her home in Leeds last week.", Vector.PAGE_TEXT, H),
        (
            "The victim, Carly Edwards, was sexually assaulted near the station on Friday.",
            Vector.PAGE_TEXT,
            H,
        ),
        ("Mark Fletcher has been a CHIS for the force since 2019.", Vector.PAGE_TEXT, H),
        (
            "SAMPLE REGISTER: blood sample taken from Jane Whitlock of 14 Elm Grove, Norwich "
            "NR2 3AB at 02:10 after the collision.",
            Vector.PAGE_TEXT,
            M,
        ),
        (
            "Jane Whitlock of 14 Elm Grove, Norwich NR2 3AB said she felt unsafe in any town "
            "centre after her diagnosis.",
            Vector.PAGE_TEXT,
            M,
        ),
        (
            "Jane Whitlock suffered years of coercive control at the hands of her husband.",
            Vector.PAGE_TEXT,
            H,
        ),
        (
            "Jane Whitlock of 14 Borough Road, Leeds LS6 2AB has a mental health condition.",
            Vector.PAGE_TEXT,
            M,
        ),
        (
            "Jane Whitlock of 14 Elm Grove, Norwich NR2 3AB has a mental health condition.",
            Vector.PAGE_TEXT,
            M,
        ),
        (
            "Tom Archer, Ann Bristow, Carl Dawson, Dina Evans and Mark Fletcher were each "
            "diagnosed with post-traumatic stress disorder after the crash.",
            Vector.PAGE_TEXT,
            H,
        ),
        (_FILM_PLOT, Vector.COMMENT, H),
        (
            "Mrs Jane Whitlock (jane.whitlock@example.com) asked about her son's autism "
            "diagnosis and his school place.",
            Vector.PAGE_TEXT,
            H,
        ),
        (
            "[3] Jane Whitlock was raped in 2018 and reported it to the police. The Leeds "
            "Community Foundation funds support for survivors.",
            Vector.PAGE_TEXT,
            H,
        ),
        (
            "The victim, Grant Hollis, 31, was assaulted and referred to Victim Support.",
            Vector.PAGE_TEXT,
            H,
        ),
        ("Jane Whitlock, a witness a few yards away, saw the attack.", Vector.PAGE_TEXT, H),
    ],
    ids=[
        "a named victim of rape, without the word victim",
        "a named victim of a sexual assault",
        "a named informant",
        "a blood sample register",
        "any town in ordinary words",
        "a named victim of domestic abuse",
        "a health condition with a home address on a borough road",
        "a health condition with a home address",
        "a health condition said of five named people",
        "a category beside names in a comment",
        "a diagnosis beside a private e-mail",
        "a numbered note naming a victim beside a body's name",
        "a victim named beside the support charity he was referred to",
        "a named witness to an attack",
    ],
)
def test_a_category_said_of_a_person_stays_grave(
    text: str, vector: Vector, least: Severity
) -> None:
    assert _ORDER.index(_severity(text, vector)) >= _ORDER.index(least)


def test_the_short_name_of_a_body_hides_no_one_else() -> None:
    """The body's name makes its own words a body's, not every name on the page."""
    text = (
        "The Ann Rowan Foundation funds the project. Jane Whitlock was raped in her home and "
        "the foundation supported her afterwards."
    )
    assert _severity(text) is H


_REQUESTS = [
    "Child Protection or Child Trafficking for Anthony Dunmore?",
    "Response to the additional data request made by Graham Baldwin",
    "Adoption services and placement costs for the last three years",
    "Systems used in Children's Social Care, Early Help and Education",
    "Number of looked after children placed out of the county area",
    "Rex Cole review - Children allowed unsupervised contact with adults",
]
_SERVICES = [
    "Children and Young People (obsolete)-Education - Capital",
    "Children and Young People's Services-Childrens Care Services",
    "Communities & Service Support (obsolete)-Sport & Leisure Management",
    "Children and Young People (obsolete)-Education - Capital",
    "Adults Health and Social Care-Commissioning and Partnerships Team",
    "Children and Young People's Services-Childrens Care Services",
]


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (
            ["Status", "Authority Name", "Request Title"],
            [["Successful", f"Council {n}", title] for n, title in enumerate(_REQUESTS)],
        ),
        (
            ["Date", "Supplier Name", "Net Amount", "Expense Area"],
            [
                ["2019-10-01", "Brighouse High School", f"{140 + n}.00", area]
                for n, area in enumerate(_SERVICES)
            ],
        ),
    ],
    ids=["titles of FOI requests about children's services", "a council's spending by service"],
)
def test_a_column_of_titles_or_services_gives_no_category_to_a_name(
    header: list[str], rows: list[list[str]]
) -> None:
    verdict = scan(_csv(header, rows), "requests.csv")
    assert _ORDER.index(verdict.severity) <= _ORDER.index(L)


def _contact_sheet(people: int) -> Table:
    rows = [
        (name, "Library Service Manager", f"0191 277 41{n:02d}", f"{login}@eastford.gov.uk",
         "NE1 8AX")
        for n, (name, login) in enumerate(
            [("David Fairley", "david.fairley"), ("Susan Oakes", "susan.oakes"),
             ("Peter Lamb", "peter.lamb")][:people]
        )
    ]  # fmt: skip
    return Table(
        "sheet 'Raw'",
        Vector.HIDDEN_SHEET,
        ("aname", "ajobtitle", "atelephone", "aemail", "apostcode"),
        iter(rows),
    )


@pytest.mark.parametrize(("people", "severity"), [(1, L), (3, M)])
def test_one_official_contact_on_a_hidden_sheet_is_no_list(people: int, severity: Severity) -> None:
    detector = Detector()
    detector.feed(_contact_sheet(people))
    evidence = detector.finish()
    structures = (Structure(Vector.HIDDEN_SHEET, "sheet 'Raw'"),)
    assert assess(evidence, structures).severity is severity


@pytest.mark.parametrize(
    ("text", "name", "body"),
    [
        ("Relativity Media Simi Valley 53 Closure Permanent", "Simi Valley", True),
        ("03/08/2016 BCBG Max Azria Group Vernon 41", "Max Azria Group", True),
        ("Write to P.O. Box 1234, Eastford.", "P.O. Box", True),
        ("Jane Box said the hall was full.", "Jane Box", False),
        ("Tom Hills was injured at work.", "Tom Hills", False),
    ],
)
def test_towns_companies_and_post_boxes_are_not_people(text: str, name: str, body: bool) -> None:
    start = text.index(name)
    assert place_or_org_span(text, start, start + len(name)) is body


@pytest.mark.parametrize(
    ("text", "heads", "not_heads"),
    [
        ("A grant to Ann Rowan Foundation.", {"ann rowan"}, set()),
        ("The Ada Cole Advice Centre offers advice.", {"ada cole"}, set()),
        ("Jane Whitlock said the Leeds Community Trust helped.", set(), {"jane whitlock"}),
    ],
)
def test_the_words_a_body_is_called_by(text: str, heads: set[str], not_heads: set[str]) -> None:
    found = organisation_heads(text)
    assert heads <= found
    assert not (not_heads & found)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("phishing@irs.gov", True),
        ("taxforms@irs.gov", True),
        ("spam@uce.gov", True),
        ("abuse@example.net", True),
        ("jane.whitlock@irs.gov", False),
        ("jwhitlock@state.gov", False),
        ("robert.egge@example.org", False),
    ],
)
def test_a_public_body_abroad_has_role_mailboxes_too(address: str, public: bool) -> None:
    assert is_public_email(address) is public


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("appointments to the Race Equity Council", frozenset()),
        ("the Mental Health Advisory Board met", frozenset()),
        ("the Safeguarding Children Partnership", frozenset()),
        ("she was referred to the Domestic Abuse Unit", frozenset({"domestic_abuse"})),
        ("a letter from the Chief Medical Officer", frozenset()),
        ("signed by the trust's Medical Director", frozenset()),
        ("his medical records were sent", frozenset({"health"})),
        ("a victim of domestic abuse", frozenset({"domestic_abuse"})),
    ],
)
def test_a_council_board_or_forum_named_for_a_topic_is_a_body(
    text: str, categories: frozenset[str]
) -> None:
    from detectors.special import categories_in

    assert categories_in(text) == categories


@pytest.mark.parametrize(
    ("sentence", "category", "said"),
    [
        ("Jane Smith set out the domestic and international agendas.", "domestic_abuse", False),
        ("Jane Smith was arrested after a domestic incident at home.", "domestic_abuse", True),
        ("Jane Smith, electrician. Commercial | Industrial | Domestic", "domestic_abuse", False),
        ("Domestic and garden work\nJane Smith\nMobile: 07912 345678", "domestic_abuse", False),
        ("Officers were called to a domestic. Jane Smith was arrested.", "domestic_abuse", True),
        ("Jane Smith welcomed the media exposure of the scheme.", "sexual_offence", False),
        ("Jane Smith was charged with indecent exposure.", "sexual_offence", True),
        ("Jane Smith chaired the group on sexually oriented businesses.", "sexual_offence", False),
        ("Jane Smith holds the sexual entertainment venue licence.", "sexual_offence", False),
        ("Jane Smith was sexually assaulted near the venue.", "sexual_offence", True),
        ("Jane Smith approved minor works to the pavilion roof.", "child", False),
        ("Jane Smith, a minor, was cautioned.", "child", True),
        ("Jane Smith entered the race for mayor last spring.", "ethnicity", False),
        ("Jane Smith was stopped; her race and ethnicity were recorded.", "ethnicity", True),
        ("Jane Smith filed the appeal in case DVA 14-1326 on Monday.", "domestic_abuse", False),
        ("Jane Smith was referred to the DVA worker after the assault.", "domestic_abuse", True),
        ("Chairman - Tom Brown\nChild Welfare - Jane Smith\nTreasurer - Ann Jones", "child", False),
        ("Jane Smith is our Child Protection Officer and runs the junior section.", "child", False),
        ("Jane Smith, the child, was taken into care after the incident.", "child", True),
        ("Jane Smith, our Mental Health First Aider, runs the sessions.", "health", False),
        ("Jane Smith was signed off with mental health problems.", "health", True),
        ("Jane Smith, Manager, Mission Hill Hospitality, LLC.", "health", False),
        ("Jane Smith was hospitalised after the attack.", "health", True),
    ],
)
def test_a_category_word_in_another_sense_says_nothing_of_a_person(
    sentence: str, category: str, said: bool
) -> None:
    """In running text a category's word can mean something else: a country's domestic
    agenda, media exposure, minor works, the race for mayor."""
    detector = Detector()
    detector.feed(Text(sentence, Vector.COMMENT, "comment 1"))
    assert (category in detector.finish().special_categories) is said


_SEATS = ["Aberavon", "Aldershot", "Ashfield", "Barnsley East", "Bassetlaw", "Bolsover"]
_CANDIDATES = ["Peter Harper", "Jill Wesley", "Frank Doran", "Brian Topping", "Ann Mold", "Ed Vale"]
_REGIONS = ["Wales", "South East", "East Midlands", "Yorkshire", "East Midlands", "East Midlands"]


def _seats(share: Callable[[int], str]) -> list[list[str]]:
    return [[_SEATS[n], _REGIONS[n], _CANDIDATES[n], share(n)] for n in range(6)]


def _officers(value: Callable[[int], str]) -> list[list[str]]:
    return [[_CANDIDATES[n], _REGIONS[n], "Constable", value(n)] for n in range(6)]


_OWN = ["Asthma", "Yes", "No", "Diabetes", "No", "Yes"]
_RATE = [f"{9.5 + n * 1.37:.2f}" for n in range(6)]
_TEAM = [[c, "PC", "Response", r] for c, r in zip(_CANDIDATES, _RATE, strict=True)]


@pytest.mark.parametrize(
    ("header", "rows", "health"),
    [
        (["SEATNAME", "REGION", "Candidate", "ILLNESS"], _seats(lambda n: _RATE[n]), False),
        (["Seat", "Region", "Candidate", "Illness"], _seats(lambda n: _RATE[n] + "%"), False),
        (["Name", "Region", "Rank", "Illness"], _officers(lambda n: _OWN[n]), True),
        (["Name", "Force area", "Rank", "Illness"], _officers(lambda n: f"{12 + n}"), True),
        (["Name", "Rank", "Team", "Illness"], _TEAM, True),
    ],
    ids=[
        "a seat's share of residents with an illness beside its candidate",
        "the same in percentages",
        "a person's own illness",
        "a person's own answer as a whole number",
        "a named officer's own figure: the rows are people, not areas",
    ],
)  # fmt: skip
def test_an_area_s_share_is_no_person_s_health(
    header: list[str], rows: list[list[str]], health: bool
) -> None:
    verdict = scan(_csv(header, rows), "table.csv")
    assert ("health" in verdict.special_categories) is health


@pytest.mark.parametrize(
    ("near", "grave"),
    [
        ("Men's Advice Line\nFor male domestic abuse survivors\nText: 07717 989025\n", False),
        ("Jane Smith told us of the domestic abuse she suffered.\nText: 07717 989025\n", True),
    ],
    ids=["a helpline's number in a directory", "a person's own account"],
)
def test_a_category_beside_a_helpline_s_number_is_no_one_s(near: str, grave: bool) -> None:
    """A safeguarding policy lists helplines ("for domestic abuse survivors", and a number to
    text): a category beside a number with no person near is the helpline's topic, even when
    the policy names its welfare officer a page away."""
    text = (
        "Welfare officer: Tom Brown, tom.brown@club.example\n\n" + "Useful contacts\n" * 20 + near
    )
    verdict = scan(text.encode(), "policy.txt")
    assert ("domestic_abuse" in verdict.special_categories) is grave


@pytest.mark.parametrize(
    ("present", "child"),
    [
        ("Present: Fran Ryan (M), Mark Child (M), Pete Mann (M)", False),
        ("Present: Fran Ryan (M), Mark Jones (M) with his child, Pete Mann (M)", True),
    ],
    ids=["a member whose surname is Child", "a member's child"],
)
def test_a_name_s_own_words_say_nothing_of_anyone(present: str, child: bool) -> None:
    detector = Detector()
    detector.feed(Text(f"AGM minutes\n{present}\nApologies: none", Vector.COMMENT, "comment 1"))
    assert ("child" in detector.finish().special_categories) is child
