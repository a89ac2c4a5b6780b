"""SALARY: a pound amount tied to a person's pay — "salary £34,500", "overtime: £1,240.50",
"£42,000 per annum". Amounts in millions, and totals, budgets or costs, are not one person's pay.
"""

from __future__ import annotations

from detectors.recognizers.spec import PatternSpec, RecognizerSpec, fullmatch_check

AMOUNT = (
    r"£\s?(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d{2})?(?![\d,]|\.\d)(?:k\b)?"
    r"(?!\s*(?:m\b|bn\b|million|billion))"
)
PAY_WORD = (
    r"(?:salary|salaries|pay|paid|wages?|earn|earns|earnings|earned|allowances?|overtime|gross|net\s+pay|"
    r"remuneration|bonus|honorarium|stipend|increment|pay\s*point|grade)"
)
BEFORE = rf"\b{PAY_WORD}\b[^.\n£;]{{0,40}}?"
AFTER = (
    r"\s*(?:per\s+(?:annum|year|month|week|hour|shift)|p\.?\s?a\b|pa\b|a\s+year|gross|pro\s+rata)"
)
# Wording for sums that are not one person's pay; the window may span an earlier amount
# ("scales range from £28,551 to £46,044 per annum").
AGGREGATE = (
    r"\b(?:total|totals|budget|spend|spent|cost|costs|bill|overall|sum|combined|average|"
    r"median|mean|scales?|ranges?|bands?|banding|national)\b(?:[^.\n;]|\.\d){0,60}?"
)


RECOGNIZER = RecognizerSpec(
    # Pound amounts with pay wording before them or a pay period after them.
    entity="SALARY",
    patterns=(
        PatternSpec("amount after pay wording", rf"(?<!{AGGREGATE})(?<={BEFORE}){AMOUNT}", 0.6),
        PatternSpec("amount with pay period", rf"(?<!{AGGREGATE}){AMOUNT}(?={AFTER})", 0.6),
    ),
    context=(
        "salary",
        "pay",
        "allowance",
        "overtime",
        "wage",
        "annum",
    ),
    header=r"salary|salaries|pay|wages?|allowances?|overtime|earnings|gross|remuneration|bonus",
    check_value=fullmatch_check(
        r"£ ?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?k?",
        r"(?:\d{1,3}(?:,\d{3})+|\d{3,7})(?:\.\d{2})?",
    ),
)
