"""Papers of small bodies published on purpose: a village hall's hire forms with its own bank
account and its bookings secretary's contact, whoever a form is to be sent to, a committee
officer's contact block, an examiner's statement on accounts. Each look-alike is built here
beside the private person it must not hide (a hirer's account, a victim, a resident)."""

from __future__ import annotations

import pytest

from detectors.scan import scan
from tests.detectors._tables import fake_names as _names

# --- an examiner's statement on accounts --------------------------------------------------------

_EXAMINED = (
    "I have examined the Association's financial records for the year and can state that they "
    "give a true view of its financial position.\n"
    "Name: {name}\nAddress: 16 Queens Road, Ashford TN23 1AB\n"
)


@pytest.mark.parametrize(
    ("heading", "private"),
    [
        ("Independent Examiner's Statement\n", False),
        ("Auditor's report to the trustees\n", False),
        ("Independent Examiner's Statement\nThe treasurer, a suspect in the fraud:\n", True),
        ("Letter from a resident\n", True),
    ],
    ids=["examiner", "auditor", "about-a-fraud", "no-statement"],
)
def test_an_examiner_s_name_and_address_under_their_statement_are_published(
    heading: str, private: bool
) -> None:
    (name,) = _names(1, seed=37)
    verdict = scan((heading + _EXAMINED.format(name=name)).encode(), "accounts.txt")
    assert (verdict.severity in ("medium", "high", "critical")) is private


# --- a hall's booking form: its own bank account and its bookings contact ---------------------


@pytest.mark.parametrize(
    ("payment", "body"),
    [
        (
            "Payment direct to our business account “Holt Village Hall” Sort Code 30-98-75 "
            "Account No 01943908.",
            True,
        ),
        (
            "Cheques payable to the Village Hall Committee. BACS: CAF Bank Ltd, Sort Code "
            "40-52-40 A/C no. 00012464.",
            True,
        ),
        ("Payment by BACS to: Account Name OHWC; Sort Code; 20-49-08; Account No 50124990.", True),
        ("Account Name SMITH Jane, Sort Code 40-52-40 Account No 00012464.", False),
        ("Refunds are paid to the hirer, {name}, Sort Code 40-52-40 Account No 00012464.", False),
        ("{name}, Barclays Bank Ltd, Sort Code 40-52-40 Account No 00012464.", False),
        (
            "Fees can be paid by cash, cheque or by bank transfer (BACS) into Nat West account "
            "number 00012464 and sort code 405240.",
            True,
        ),
        (
            "The hirer's deposit was paid into {name}'s account, Sort Code 40-52-40 "
            "Account No 00012464.",
            False,
        ),
    ],
    ids=[
        "business-account",
        "payable-to-committee",
        "club-initials",
        "surname-in-capitals",
        "hirer",
        "person-at-a-bank",
        "fees-paid-into",
        "deposit-paid-to-a-person",
    ],
)
def test_a_body_s_own_bank_account_on_its_form_is_not_a_person_s(payment: str, body: bool) -> None:
    (name,) = _names(1, seed=38)
    text = f"Booking form. Hirer: {name}.\n" + payment.format(name=name) + "\n"
    verdict = scan(text.encode(), "booking.txt")
    assert any(f.entity == "BANK_DETAILS" for f in verdict.findings) is not body
    assert (verdict.severity in ("low", "none")) is body


@pytest.mark.parametrize(
    ("line", "private"),
    [
        ("Send this Form to: - {name}, 35 Fir Close, Ashford TN23 1AB", False),
        (
            "Please return completed form to our Bookings Secretary {name}, 35 Fir Close, "
            "Ashford TN23 1AB or by email.",
            False,
        ),
        ("Please return the form to the victim, {name}, 35 Fir Close, Ashford TN23 1AB", True),
        ("{name}, 35 Fir Close, Ashford TN23 1AB", True),
        (
            "Booking Secretary:\nMrs {name}\n35 Fir Close\nAshford\nTN23 1AB\nTel: 01632 960418",
            False,
        ),
        ("Treasurer: Mrs {name}, 4 Orchard Way, Ashford, TN23 1AB", False),
        ("To book the hall please contact {name} on 01632 960418 for details.", False),
        ("Contact {name} for takeaway orders, or on 07912 345678 for groceries.", False),
        ("Contact {name} for the victim's belongings, or on 07912 345678.", True),
        (
            "Jumpers are available from Ffigar or\n{name} 01970 625288 mob\n07912 345678. Each",
            False,
        ),
        ("Please complete and return this section to {name}, 35 Fir Close, TN23 1AB", False),
        ("Organiser and contact details: {name} – 07912 345678", False),
        ("Contact details during the event:\n{name} – 07912 345678,", False),
        ("Witness:\n{name} – 07912 345678,", True),
        (
            "Entries on the day cost £2 more\nby 29th April to:\n{name}, 35 Fir Close, TN23 1AB",
            False,
        ),
        ("Please return your form by 31st May to {name} at:-\n35 Fir Close, TN23 1AB", False),
        ("\u2022 Enquiries: To Race Director, {name}, 07912 345678.", False),
        ("Victim:\nMrs {name}\n35 Fir Close\nAshford\nTN23 1AB", True),
        ("The Chair is {name} 07700 900123, 4 Orchard Way, Ashford TN23 1AB; the hall is", False),
        ("Our treasurer {name} 01632 960418, 4 Orchard Way, Ashford TN23 1AB takes fees.", False),
        ("The victim is {name} 07700 900123; she lives at 35 Fir Close, Ashford.", True),
        ("{name} (Chair) 01632 960418, 4 Orchard Way, Ashford TN23 1AB, chair@example.org", False),
        ("{name} (Chair) 502122 3, Orchard Way TN23 1AB", False),
        ("{name} (Victim) 01632 960418, 4 Orchard Way, Ashford TN23 1AB", True),
        ("{name} (Victim) 502122 3, Orchard Way TN23 1AB", True),
        ("The chair met {name} 07700 900123, 35 Fir Close, Ashford, TN23 1AB.", True),
        (
            "Complete this form and return it to the PCC Secretary: {name}, 99 Tonbridge Road, "
            "MAIDSTONE ME16 8JN 01622 679551; jgrelle@example.org",
            False,
        ),
        ("The Hall Committee Secretary met {name} 07700 900123, 35 Fir Close, TN23 1AB.", True),
        ("Any query, never hesitate to ask. Contact Mrs {name} 07762 791805.", False),
        ("Contact Mrs. {name}., email jk@example.org or telephone.07762791805", False),
        ("Our officer will contact {name} on 07762 791805 at home tonight.", True),
        ("Contact the victim, {name}, on 07762 791805.", True),
        ("The secretary is Mrs. {name} 07762 791805, 4 Orchard Way, TN23 1AB.", False),
        ("Editor - {name}, Church Cottage, Kenn EX6 7UR Telephone 01392 833293", False),
        ("Parish Priest: Fr. {name} 01273 464048 priest@olqp.net", False),
        ("Any questions? Please call us or message us: {name} 07590 762662", False),
        ("For a lift to mass, please contact {name} on 01273 973803.", False),
        ("I am unhappy with the hire. Please contact me, {name}, on 07590 762662.", True),
        ("Please ring {name} on 07812 345678 about the damage to the hall.", True),
        ("COMPLETE ALL DETAILS &\nRETURN WITH YOUR SUBSCRIPTION TO:\n{name}, 35 Fir Close", False),
        ("Return to: {name}, 35 Fir Close, Ashford TN23 1AB", False),
        ("Completed entries should be sent to {name}, 35 Fir Close, Ashford TN23 1AB", False),
        ("The stolen bicycle was returned to {name}, 35 Fir Close, Ashford TN23 1AB", True),
        ("We will send the file to {name}, 35 Fir Close, Ashford TN23 1AB", True),
    ],
    ids=[
        "send-form-to",
        "bookings-secretary",
        "victim",
        "no-contact-role",
        "office-over-holder",
        "treasurer",
        "to-book-contact",
        "a trader's number for orders",
        "a number for a victim's things",
        "a uniform supplier in a school's handbook",
        "a reply slip's return",
        "an event's organiser",
        "an event's contacts",
        "a witness and her number",
        "a race's postal entries",
        "a tournament's entry form's return",
        "a race's enquiries",
        "victim-over-holder",
        "chair-said",
        "treasurer-said",
        "victim-said",
        "office-after-name",
        "office-after-name, a village number",
        "party-after-name",
        "party-after-name, a village number",
        "chair-met-someone",
        "an office of a body named by its initials",
        "an office of a named committee met someone",
        "a sentence opening 'Contact Mrs …'",
        "'Contact Mrs. …' with a title's stop",
        "contacting someone at home",
        "contacting a victim",
        "an office's holder after a title's stop",
        "a newsletter's editor",
        "a parish priest",
        "a group asking to be called",
        "please contact an organiser",
        "a hirer's own number",
        "a note to ring a hirer",
        "return with a subscription",
        "return to",
        "entries should be sent",
        "returned to someone",
        "a file sent to someone",
    ],
)
def test_whoever_a_form_goes_to_is_the_body_s_contact(line: str, private: bool) -> None:
    (name,) = _names(1, seed=39)
    text = "Hall hire application.\nI agree to the conditions of hire.\n" + line.format(name=name)
    verdict = scan((text + "\n").encode(), "hire.txt")
    assert (verdict.severity in ("medium", "high", "critical")) is private


# --- a village hall's own papers for its hirers -------------------------------------------------

_CLASSES = ("Yoga", "Karate", "Art Group", "Indoor Bowls", "Pre-school", "Dance")


def _bookings(title: str, extra: str = "") -> bytes:
    names = _names(len(_CLASSES), seed=43)
    lines = [
        f"{day} 7pm {what} {name} 0779{n} 34{n}29{n}"
        for n, (day, what, name) in enumerate(
            zip(("Mon", "Tue", "Wed") * 2, _CLASSES, names, strict=True)
        )
    ]
    (other,) = _names(1, seed=44)
    return "\n".join(
        [title, "Morning Afternoon Evening", *lines, extra.format(name=other)]
    ).encode()


@pytest.mark.parametrize(
    ("title", "extra", "private"),
    [
        ("Village Hall bookings and contact details", "", False),
        ("HOLT VILLAGE HALL- Regulations for Hiring the Hall", "", False),
        ("Weekly classes and contact details", "", True),
        (
            "Village Hall bookings",
            "Theft from the hall: the suspect, {name}, lives at 35 Fir Close, Ashford TN23 1AB.",
            True,
        ),
    ],
    ids=["bookings list", "conditions of hire", "no hall named", "a suspect named"],
)
def test_a_village_hall_s_bookings_list_gives_its_instructors_numbers_on_purpose(
    title: str, extra: str, private: bool
) -> None:
    verdict = scan(_bookings(title, extra), "bookings.txt")
    assert (verdict.severity in ("medium", "high", "critical")) is private


# --- a crowd of names and a few contacts -----------------------------------------------------


def _donors(contact: str) -> bytes:
    """A hall's opening leaflet: sixty donors thanked by name, then whom to ask about hire."""
    names = _names(60, seed=47)
    (secretary,) = _names(1, seed=48)
    return "\n".join(
        [
            "The new hall was built with the help of these donors. Thank you all:",
            *names,
            "If you would like to hire the hall, contact:",
            contact.format(name=secretary, first=secretary.split()[0].lower()),
        ]
    ).encode()


@pytest.mark.parametrize(
    ("contact", "severity"),
    [
        ("{name}: 01392 682550, {first}@hallmail.org.uk", "low"),
        ("{name}, 07824 995202, 35 Fir Close, Ashford TN23 1AB (her home)", "high"),
        ("", "low"),
    ],
    ids=["the bookings secretary's work contacts", "a home address", "names alone"],
)
def test_a_crowd_of_names_with_a_few_contacts_is_names_alone_but_for_those(
    contact: str, severity: str
) -> None:
    assert scan(_donors(contact), "leaflet.txt").severity == severity


def test_a_crowd_of_names_each_with_a_mailbox_is_more_than_names() -> None:
    names = _names(60, seed=47)
    lines = [f"{n}: {n.split()[0].lower()}{i}@hallmail.org.uk" for i, n in enumerate(names)]
    text = "\n".join(["Our donors and how to reach them:", *lines])
    assert scan(text.encode(), "donors.txt").severity == "high"
