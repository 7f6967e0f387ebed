"""Outlet chips stay distinct with many outlets, and every chip colour stays readable.

Twelve colours cannot tell seventy outlets apart; a chip carries the outlet's monogram
beside its colour, so two outlets that share a colour still look different at a glance.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

from dossier.web.render import OUTLET_COLORS, outlet_color, outlet_initials

# Invented outlet names, shaped like real ones (acronyms, "The ...", one word, domains).
OUTLETS = [
    "Harbor Ledger", "Valley Courier", "Coastal Times", "The Velland Post", "Quay Times",
    "Northern Star Herald", "KNB News", "The Daily Meridian", "Ashford Bay Gazette",
    "Radio Kelvale", "Dunmarsh Observer", "Port Ferrin Record", "VTV", "The Oakridge Sun",
    "Glenmoor Chronicle", "Inland Wire", "Reporter", "The Weekly Compass", "Lakeside Daily",
    "Sentinel", "Frontier Press Agency", "The Evening Lantern", "Capital Broadcast",
    "Marsh Valley Tribune", "PFN", "Highland Bulletin", "The Citizen Voice", "East Ridge FM",
    "Ledgerline", "Crossroads Monitor", "velland-today.example", "Bay Area Dispatch",
]


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_outlet_colour_keeps_its_name_and_monogram_readable() -> None:
    css = (resources.files("dossier.web") / "static" / "desk.css").read_text(encoding="utf-8")
    rules = re.findall(r"\.chip\.o(\d+) \{ --o: (#[0-9a-f]{6}); background: (#[0-9a-f]{6});", css)
    assert sorted(int(n) for n, _, _ in rules) == list(range(OUTLET_COLORS))
    for n, ink, paper in rules:
        assert contrast(ink, paper) >= 4.5, f"chip o{n}: name {ink} on {paper}"
        assert contrast("#ffffff", ink) >= 4.5, f"chip o{n}: monogram white on {ink}"


def test_outlets_that_share_a_colour_still_differ_by_monogram() -> None:
    colours = Counter(outlet_color(o) for o in OUTLETS)
    assert max(colours.values()) > 1, "more outlets than colours: some must share one"
    chips = {(outlet_color(o), outlet_initials(o)) for o in OUTLETS}
    assert len(chips) == len(OUTLETS)


def test_monograms_read_like_the_outlet() -> None:
    assert outlet_initials("KNB News") == "KNB"
    assert outlet_initials("The Daily Meridian") == "DM"
    assert outlet_initials("Harbor Ledger") == "HL"
    assert outlet_initials("Sentinel") == "Se"
    assert outlet_initials("") == "?"
