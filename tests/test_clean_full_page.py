"""Whole pages flattened to text: the article stays whole when the page's shape is unusual."""

from __future__ import annotations

from test_clean_text import NEWS_1, NEWS_2, NEWS_3

from dossier.clean.text_clutter import remove_clutter
from dossier.config import Settings

CLEAN = Settings().clean

MENU = "\n\n".join(["Home", "World", "Business", "Sport", "Weather", "Log in", "Contact"])
FOOTER = "\n\n".join(["About us", "Careers", "Advertise", "Privacy", "Terms"])


def snippet_card(n: int) -> str:
    """A 'more stories' card: a headline glued to its two-sentence summary (long, heavy)."""
    return (
        f"Ten Weekend Markets Worth The Drive Number {n}The region's growers bring their "
        "autumn harvest to the squares this month, and we visited every one of them. Here is "
        "what we found at the stalls, from cider to cheese, and where to park the car."
    )


def test_short_wire_report_beside_a_heavier_block_of_teaser_cards_is_kept():
    cards = "\n\n".join(snippet_card(n) for n in range(6))
    lead = (
        "VESMARK CITY (AP) — Health officials in Vesmark reported a sixth death linked to "
        "the mosquito-borne virus on Monday, the state's worst season in a decade."
    )
    text = f"{MENU}\n\n{cards}\n\n{MENU}\n\n{lead}\n\n{NEWS_2}\n\n{NEWS_3}\n\n{FOOTER}"
    cleaned = remove_clutter(text, CLEAN, page=True)
    for paragraph in (lead, NEWS_2, NEWS_3):
        assert paragraph in cleaned.text
    assert "Home" not in cleaned.text.split("\n")


def test_hard_wrapped_paragraphs_are_weighed_as_the_sentences_they_are():
    wrapped = (
        "Photos\nwhich were released online and are making the rounds,\n"
        "show the ferry workers of Aldora on the picket line at\n"
        "dawn.\n\n"
        "The strike committee, which in 2008 won the national\n"
        "award for its safety record, said the talks had broken\n"
        "down after the ministry refused to discuss the rota."
    )
    text = f"{MENU}\n\n{wrapped}\n\n{FOOTER}"
    cleaned = remove_clutter(text, CLEAN, page=True)
    assert cleaned.text == wrapped
    assert not [b for b in cleaned.removed if b.reason == "media-marker"]


def test_article_split_by_tables_keeps_its_prose_between_them():
    table = "\n\n".join(
        cell for row in (("Pos", "Player", "Plays"), ("DL", "Ilse Varga", "63"),
                         ("DL", "Aron Pell", "57"), ("LB", "Mira Holt", "41"),
                         ("LB", "Ted Oban", "12"), ("CB", "Uma Reyes", "70"))
        for cell in row
    )
    after = (
        "There is a lot to sort through here, and the coaches said after the game that the "
        "line had played its best half of the season against a team that had beaten it twice. "
        "The rookies stepped up when the starters went down, and the staff wants more of that."
    )
    later = (
        "The safety depth was tested when the starter was sent off in the second quarter, and "
        "two backups who had barely played this season held the line until the final whistle."
    )
    sections = [after, f"{NEWS_1}\n\n{NEWS_2}", f"{NEWS_3}\n\n{later}"]
    text = f"{MENU}\n\n" + f"\n\n{table}\n\n".join(sections) + f"\n\n{FOOTER}"
    cleaned = remove_clutter(text, CLEAN, page=True)
    for paragraph in (after, NEWS_1, NEWS_2, NEWS_3, later):
        assert paragraph in cleaned.text
    assert "About us" not in cleaned.text
    assert all(b.reason for b in cleaned.removed)
