"""Contact details an organisation publishes on purpose: shared mailboxes and service numbers."""

from __future__ import annotations

import re

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
    """)
_SPLIT = re.compile(r"[._+\-\d]+")
# Non-geographic and service numbers: 101, 111, 999, 0300/0330/0345, 0800/0808, 084x, 087x.
_SERVICE_PHONE = re.compile(r"(?:\+44|0044)?\(?0?(?:3[034]\d|80[08]|8[47]\d)|1[01]1$|999$|112$")


def is_public_email(address: str) -> bool:
    """A shared mailbox (foi@, enquiries@, dataprotection@...), not a person's own address."""
    local = address.strip().partition("@")[0].casefold()
    words = [word for word in _SPLIT.split(local) if word]
    if not words:
        return True
    if any(word in _MAILBOX_WORDS for word in words):
        return True
    return any(local.startswith(word) and len(word) >= 4 for word in _MAILBOX_WORDS)


def is_service_phone(number: str) -> bool:
    """101, 999, 0300/0345 force numbers, freephone: numbers no one person answers."""
    compact = re.sub(r"[\s()\-]", "", number)
    return _SERVICE_PHONE.match(compact) is not None


def is_mobile(number: str) -> bool:
    compact = re.sub(r"[\s()\-]", "", number)
    return re.match(r"(?:\+44|0044|0)7", compact) is not None
