"""An address a body prints for itself (under its name, beside its charity number, over its
shared mailbox) is no one's home, whoever is named beside it; an address under a person's
name, a firm's, or in a sentence still is."""

from __future__ import annotations

import pytest

from detectors.contact_blocks import owned_contact
from detectors.scan import scan
from tests.detectors._tables import fake_names

(NAME,) = fake_names(1, seed=47)
POSTCODE = "TN23 1AB"


@pytest.mark.parametrize(
    ("block", "owned"),
    [
        (
            "Location: Elm Road Pre-School\n6 Birch Grove\nLee\n{pc}\nWeb site: elmroad.example",
            True,
        ),
        ("For and on behalf of:\nAshbury Parish Council\n22 Firs Walk\nTewin\n{pc}", True),
        (
            "Church Lane, Southwater {pc}\nTelephone: 01403 700000\nRegistered Charity No. 1027000",
            True,
        ),
        ("Registered office:\n55 Henley Avenue, Oxford {pc}\nTel: 01865 700000", True),
        (
            "Greys Farm, Therfield Road, Royston {pc}\nPhone: 01763 200000\n"
            "E mail: info@elmaw.example",
            True,
        ),
        ("Customer Resolutions Team\nPO Box 64529\nLondon\n{pc}", True),
        (
            "Example NHS Foundation Trust, The Curve, Bury New Road,\n"
            "Ashford {pc} Tel: 01632 960000",
            True,
        ),
        (
            "Corporate HQ\nJ B Russell House\nGartnavel Royal Hospital\nCampus\n"
            "1055 Great Western Road\n"
            "GLASGOW\n{pc}",
            True,
        ),
        ("Licensee: {name}\nD/B/A: Elm Pastry\nAddress: 300 Hanover Street, {pc}", True),
        ("1. Elm Diner Group LLC d/b/a Elm Sandwich Shop, 429 Columbus Avenue, {pc}", True),
        ("Licensee: {name}\nAddress: 12 Acacia Avenue, {pc}", False),
        ("Kent Police\n{name}\n12 Acacia Avenue\nAshford\n{pc}", False),
        ("The complaint came from a man who lives near the school, 12 Acacia Avenue, {pc}", False),
        ("Acacia Plumbing Ltd\n12 Acacia Avenue\n{pc}", False),
        ("Ashbury Parish Council\n\n12 Acacia Avenue\n{pc}", False),
        ("12 Acacia Avenue, Ashford {pc}\nEmail: jo.bloggs@example.com", False),
        (
            "The complaint came from {name} of 12 Acacia Avenue, Ashford {pc}, near the school.",
            False,
        ),
    ],
    ids=[
        "under a pre-school",
        "under a parish council",
        "over a charity number",
        "registered office",
        "over a shared mailbox",
        "a post office box",
        "a body's name opening the line",
        "a letterhead of six lines",
        "a licensee's premises by its trading name",
        "a company's premises in a licensing board's minutes",
        "a licensee's own address",
        "under a person's name",
        "a sentence ending in a body's word",
        "under a firm",
        "a blank line away",
        "over a personal mailbox",
        "in a sentence",
    ],
)
def test_a_body_s_own_contact_block_is_told_from_a_home(block: str, owned: bool) -> None:
    text = "Notice\n" + block.format(name=NAME, pc=POSTCODE) + "\nEnd of notice.\n"
    start = text.index(POSTCODE)
    assert owned_contact(text, start, start + len(POSTCODE)) is owned


@pytest.mark.parametrize(
    ("heading", "alert"), [("Elm Road Pre-School\n", False), ("Our new home:\n", True), ("", True)]
)
def test_a_job_advert_s_setting_address_is_not_its_contact_s_home(
    heading: str, alert: bool
) -> None:
    text = (
        "Pre-school assistant wanted\nHours: 16 hours per week, term-time only\n"
        f"To apply, write to {NAME}.\n{heading}12 Acacia Avenue, Ashford {POSTCODE}\n"
    )
    verdict = scan(text.encode(), "advert.txt")
    assert any(f.entity == "PERSON" for f in verdict.findings)
    assert (verdict.severity not in ("none", "low")) is alert
