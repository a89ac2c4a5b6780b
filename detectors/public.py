"""Contact details an organisation publishes on purpose: shared mailboxes and service numbers."""

from __future__ import annotations

import re

from detectors.names import is_forename, is_surname, looks_like_name
from detectors.vocab import wordset

_MAILBOX_WORDS = wordset("""
    foi foia freedomofinformation freedom information info enquiries enquiry contact contactus
    dataprotection data protection dpo records disclosure disclosures press media news comms
    communications complaints complaint feedback switchboard webmaster web admin office team
    unit department dept hq headquarters control room support service services helpdesk help
    hr recruitment careers jobs finance payroll procurement legal secretariat accounts general
    noreply no reply donotreply mail post reception customer public access rights request
    requests sar subject information governance ig compliance professional standards psd ops
    operations police force constabulary victims witness care hub desk centre center
    elections election electoral electoralservices registration registrar registrars register
    library libraries lib libs museum museums archives archive gallery venue venues booking
    bookings events event tickets boxoffice licensing planning council democratic democracy
    members committee committees clerk town parish leisure sports school schools admissions
    hire facilities estates property parking highways waste recycling housing benefits
    revenues tax safeguarding youth education volunteers volunteering partnership community
    communities engagement consultation policy research statistics insight performance audit
    transparency webteam digital ict servicedesk mailbox inbox central main bereavement
    cemetery ceremonies crematorium theatre pool park parks countryside tourism visitor
    spam phishing abuse fraud scam scams security postmaster hostmaster privacy hello sales
    marketing membership newsletter editor newsroom
    """)
_SPLIT = re.compile(r"[._+\-\d]+")
_GLUED_WORD = 6
_SURNAME = 5
"""Least length of a surname read before a glued initial ("smithj"): "mayo" + "r" is not,
nor is a plural ("floods")."""
"""Mailbox words this long are found glued to others ("foirequests", "ashfordlibrary")."""
# Non-geographic and service numbers: 101, 111, 999, 0300/0330/0345, 0800/0808, 084x, 087x.
_SERVICE_PHONE = re.compile(r"(?:\+44|0044)?\(?0?(?:3[034]\d|80[08]|8[47]\d)|1[01]1$|999$|112$")


_PUBLIC_DOMAIN = re.compile(
    r"(?:\.gov\.uk|\.police\.uk|\.nhs\.uk|\.nhs\.net|\.sch\.uk|\.ac\.uk|\.parliament\.uk|"
    r"librar(?:y|ies)|council|borough|county|\.gov(?:\.[a-z]{2})?$|\.mil$|\.gc\.ca$|"
    r"\.govt\.nz$|\.europa\.eu$)",
)
"""Domains of public bodies, at home and abroad (a US agency's `.gov` too)."""


def is_public_email(address: str) -> bool:
    """A shared mailbox (foi@, enquiries@, dataprotection@...), not a person's own address."""
    local = address.strip().partition("@")[0].casefold()
    words = [word for word in _SPLIT.split(local) if word]
    if not words:
        return True
    if len(words) >= 2 and looks_like_name(" ".join(w.title() for w in words)):
        return False  # "jane.park", "j.parish": a person's own address, whatever the domain
    if any(word in _MAILBOX_WORDS for word in words):
        return True
    if any(local.startswith(word) and len(word) >= 4 for word in _MAILBOX_WORDS):
        return True
    # A function or venue glued to a place or another word: "foirequests", "ashfordlibrary".
    if any(len(word) >= _GLUED_WORD and word in local for word in _MAILBOX_WORDS):
        return True
    # On a public body's domain an address that names no one is a venue's or a team's
    # ("boscombe@…libraries.org.uk", "dewsbury.lic@kirklees.gov.uk", "hello@…"): a person's
    # own address there has a forename or surname in it.
    domain = address.strip().rpartition("@")[2].casefold()
    if _PUBLIC_DOMAIN.search(domain) is None:
        return False
    return not any(_personal(word) for word in words)


def is_office_mailbox(address: str) -> bool:
    """A public body's shared mailbox on its own domain ("clerk@ashfordparishcouncil.gov.uk",
    "foi@kent.police.uk"): the address and number given with it are its office's."""
    domain = address.strip().rpartition("@")[2].casefold()
    return _PUBLIC_DOMAIN.search(domain) is not None and is_public_email(address)


_FUNCTION_LABEL = re.compile(
    r"\b(?:inquiries|enquiries|requests?|questions|queries|feedback|complaints|press|media|"
    r"foia?|helpline|help\s*desk|switchboard)\b[^\n:]{0,20}:?[ \t]*$",
    re.IGNORECASE,
)
"""A function labelling the address after it on the line: "Media Inquiries:", "FOIA
Requests:", "Complaints:"."""


def is_labelled_mailbox(before: str, address: str) -> bool:
    """An address given under a function's label ("FOIA Requests: cdphfoia@…") whose local
    part names no one: the function's shared mailbox."""
    line = before.rpartition("\n")[2]
    if _FUNCTION_LABEL.search(line) is None:
        return False
    local = address.strip().partition("@")[0].casefold()
    words = [word for word in _SPLIT.split(local) if word]
    if len(words) >= 2 and looks_like_name(" ".join(w.title() for w in words)):
        return False
    return not any(len(words) == 1 and _personal(word) for word in words)


def _personal(word: str) -> bool:
    """A one-word local part that names someone: a forename, a surname, an initial or two
    glued before a surname ("jsmith", "jbsmith") or one after it ("smithj"), or a forename
    and a surname glued together either way round ("kellyrobin", "wellssarah")."""
    if any(
        is_forename(part.title()) or is_surname(part.title())
        for part in (word, word[1:], word[2:])
        if len(part) >= 3
    ):
        return True
    if len(word) > _SURNAME and word[-1] != "s" and is_surname(word[:-1].title()):
        return True
    return any(
        (is_forename(head.title()) and is_surname(tail.title()))
        or (is_surname(head.title()) and is_forename(tail.title()))
        for head, tail in ((word[:cut], word[cut:]) for cut in range(4, len(word) - 3))
    )


def is_service_phone(number: str) -> bool:
    """101, 999, 0300/0345 force numbers, freephone: numbers no one person answers."""
    compact = re.sub(r"[\s()\-]", "", number)
    return _SERVICE_PHONE.match(compact) is not None


def is_mobile(number: str) -> bool:
    compact = re.sub(r"[\s()\-]", "", number)
    return re.match(r"(?:\+44|0044|0)7", compact) is not None


_PAYEE = re.compile(
    r"\b(?:payable|payments?|paid|pay|transfers?)[ \t]+(?:\w+[ \t]+)?(?:to|into)\b|"
    r"\baccount[ \t]+name\b|\bbusiness[ \t]+acc\w*|\bin[ \t]+the[ \t]+name[ \t]+of\b|\bbacs\b",
    re.IGNORECASE,
)
"""Words naming whom a payment goes to: "payable to", "payment direct to our business
account", "account name", "BACS"."""
_BODY_WORDS = wordset("""
    hall council committee association trust club society charity charitable parish school
    academy church pcc fund foundation institute centre center community league federation
    union partnership scio cio group
    """)
"""Words of a body's name as a payee: a village hall, a parish council, a club."""
_CHARGED = re.compile(
    r"\b(?:fees|subscriptions?|subs|hire[ \t]+(?:charges?|fees?)|rent|invoices?|"
    r"membership|tickets?|entry[ \t]+fees?|deposits?)\b",
    re.IGNORECASE,
)
"""What a body charges for, said before the account it is to be paid into: the account is
the body's whoever it is named for."""
_SOMEONES = re.compile(r"[A-Z][\w-]*['’]s\b|\b(?:mr|mrs|ms|miss|dr)\b\.?", re.IGNORECASE)
"""A person's account after the payee's cue: "into Jane Smith's account", "to Mrs …"."""
PAYEE_REACH = 200
"""Characters before bank details searched for whom the account belongs to."""


def is_body_account(before: str) -> bool:
    """True when bank details follow, within PAYEE_REACH characters, a payee that is a body:
    "Payment direct to our business account “Holt Village Hall” Sort Code …", "Cheques
    payable to the Village Hall Committee; BACS: …", "Account Name OHWC", "Fees can be paid …
    into Nat West account number …". A bank's own name ("CAF Bank Ltd") is not the payee; a
    person's account ("pay Jane Smith") names no body."""
    window = before[-PAYEE_REACH:]
    charged = _CHARGED.search(window)
    if charged and any(
        cue.start() > charged.start() and not _SOMEONES.search(window, cue.end())
        for cue in _PAYEE.finditer(window)
    ):
        return True  # "Fees can be paid by bank transfer (BACS) into …": the body's charges
    for cue in _PAYEE.finditer(window):
        named = window[cue.end() : cue.end() + PAYEE_NAME]
        if any(w in _BODY_WORDS for w in re.findall(r"[a-z]+", named.casefold())):
            return True
        if _INITIALS.match(named):
            return True  # "Account Name OHWC": a club's initials
    return False


_INITIALS = re.compile(r"[ \t:;=-]*[A-Z]{3,8}\b(?![ \t]+[A-Z][a-z])")
"""A body's initials straight after the payee's cue, not a person's surname in capitals
before their forename."""


PAYEE_NAME = 60
"""Characters after a payee's cue that name the payee."""
