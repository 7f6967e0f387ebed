"""Number words: the cardinals English spells out, and what each reader adds to them."""

from __future__ import annotations

CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
# How many of a time unit (timex: "a week", "a couple of days"; "X" is TIMEX3 for unknown).
QUANTITY_WORDS: dict[str, int | str] = (
    {"a": 1, "an": 1} | CARDINALS
    | {"couple": 2, "few": "X", "several": "X", "many": "X", "some": "X"}
)
# Counts in story sentences ("a dozen soldiers", "a thousand people were displaced").
COUNT_WORDS = CARDINALS | {"dozen": 12, "thousand": 1000}
# Verbs that say nothing of what the count they govern counts ("three people are dead",
# "left two dead", "14 are now known to have died"): the sentence's one casualty word
# says it. Any other verb counts something of its own ("two people remain trapped",
# "20 were brought in for treatment"), never a toll.
COUNT_LIGHT_VERBS = frozenset({
    "be", "leave", "have", "know", "report", "confirm", "say", "put", "stand", "reach",
    "include", "number",
})
