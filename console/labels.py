"""Plain-English words for entity codes, hiding places, states and times, in one place."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from alerts.model import AlertState, parse_stamp

LONDON = ZoneInfo("Europe/London")

ENTITIES = {
    "PERSON": "people's names",
    "EMAIL_ADDRESS": "email addresses",
    "PHONE_NUMBER": "phone numbers",
    "UK_NINO": "National Insurance numbers",
    "DATE_OF_BIRTH": "dates of birth",
    "STREET_ADDRESS": "home addresses",
    "UK_POSTCODE": "postcodes",
    "CRIME_REFERENCE": "crime reference numbers",
    "POLICE_IDENTIFIER": "officers' collar or staff numbers",
    "BANK_DETAILS": "bank details",
    "IP_ADDRESS": "IP addresses",
    "SALARY": "salaries",
    "UK_DRIVING_LICENCE": "driving licence numbers",
    "UK_NHS": "NHS numbers",
    "UK_PASSPORT": "passport numbers",
    "UK_VEHICLE_REGISTRATION": "vehicle registrations",
    "AGE": "ages",
    "LOCATION": "places",
}

VECTORS = {
    "page_text": "page text",
    "cell": "visible cells",
    "hidden_sheet": "hidden sheet",
    "very_hidden_sheet": "very hidden sheet",
    "hidden_row": "hidden rows",
    "hidden_column": "hidden column",
    "filtered_row": "filtered-out rows",
    "collapsed_outline": "collapsed outline",
    "concealed_format": "cells formatted to look empty",
    "pivot_cache": "pivot table's stored copy of the data",
    "chart_cache": "chart's stored data",
    "external_link_cache": "cached copy of a linked workbook",
    "query_table": "query table",
    "data_model": "data model",
    "comment": "comment",
    "defined_name": "named range",
    "metadata": "document properties",
    "tracked_change": "tracked change",
    "hidden_text": "hidden text",
    "speaker_notes": "speaker notes",
    "hidden_slide": "hidden slide",
    "under_redaction": "text under a redaction box",
    "invisible_text": "invisible text",
    "annotation": "annotation",
    "form_field": "form field",
    "embedded_file": "file inside the file",
    "prior_revision": "earlier saved version",
}

STATES = {
    AlertState.OPEN: "open: nobody has said they are on it",
    AlertState.ACKNOWLEDGED: "acknowledged: someone is taking it down",
    AlertState.TAKEN_DOWN: "taken down: the address no longer answers",
    AlertState.RESOLVED: "resolved",
}

NEXT_STEP = {
    AlertState.OPEN: (
        "Remove the file from the website (not only the link to it) and press "
        "“I'm taking it down” so the team knows someone is on it. Tell your Data "
        "Protection Officer now."
    ),
    AlertState.ACKNOWLEDGED: (
        "Remove the file, purge the CMS and CDN caches, then press “Re-check now”: "
        "leaksweep confirms the takedown when the address answers 404 or 410."
    ),
    AlertState.TAKEN_DOWN: (
        "The file is offline. Ask search engines, WhatDoTheyKnow and the Wayback Machine "
        "to drop their copies, record what was done for the DPO, then resolve the alert."
    ),
    AlertState.RESOLVED: "Nothing left to do. The timeline below is the record of what happened.",
}


def entity(code: str) -> str:
    return ENTITIES.get(code, code.replace("_", " ").lower())


def vector(code: str) -> str:
    return VECTORS.get(str(code), str(code).replace("_", " "))


def state(value: AlertState | str) -> str:
    return STATES.get(AlertState(str(value)), str(value))


def next_step(value: AlertState | str) -> str:
    return NEXT_STEP[AlertState(str(value))]


def london(value: str | datetime | None) -> str:
    """A stored UTC time as people in the force read it: Europe/London, with BST or GMT."""
    if not value:
        return ""
    moment = parse_stamp(value) if isinstance(value, str) else value
    return moment.astimezone(LONDON).strftime("%a %d %b %Y %H:%M %Z")
