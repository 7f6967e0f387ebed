"""The plain-text clutter remover: what scraped text carries goes, news paragraphs stay."""

from __future__ import annotations

import pytest

from dossier.clean import clean_article
from dossier.clean.text_clutter import remove_clutter
from dossier.config import Settings
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults
CLEAN = Settings().clean

NEWS_1 = (
    "ALDORA, Vesmark — Ferry workers in the port city of Aldora walked off the job on Monday, "
    "halting crossings to the islands for the first time in a decade."
)
NEWS_2 = (
    "The strike committee said in a statement that talks with the ministry had collapsed after "
    "officials refused to discuss the new rota."
)
NEWS_3 = "Transport Minister Ilse Varga said the government would not be held hostage by the union."


def reasons(text: str) -> dict[str, list[str]]:
    """Removed block texts grouped by their reason."""
    grouped: dict[str, list[str]] = {}
    for block in remove_clutter(text, CLEAN).removed:
        grouped.setdefault(block.reason, []).append(block.text)
    return grouped


def test_seed_004_keeps_every_news_paragraph_and_drops_its_clutter(seeds_dir):
    raw = (seeds_dir / "004_b9dabca082e516ec.txt").read_text(encoding="utf-8")
    article = clean_article(RawArticle("004.txt", raw, False), SETTINGS)
    start = raw.index("NIAMEY, Niger — The army")
    end = raw.index("to close the country’s borders.") + len("to close the country’s borders.")
    news = [p for p in raw[start:end].split("\n\n") if p.strip()]
    captions = [p for p in news if "Getty Images" in p]
    for paragraph in news:
        if paragraph not in captions:
            assert paragraph.strip() in article.text
    guterres = raw[raw.index("Antonio Guterres, secretary-general") :].split("\n")[0].strip()
    assert guterres in article.text
    assert article.text.endswith(guterres)

    by_reason: dict[str, list[str]] = {}
    for block in article.removed:
        by_reason.setdefault(block.reason, []).append(block.text)
        assert raw[block.position : block.position + len(block.text)] == block.text
    assert len(captions) == 2
    for caption in captions:
        first, credited = caption.strip().split("\n")
        assert first not in article.text and credited not in article.text
    assert by_reason["photo-credit"] == [
        "AFP – Getty Images", "Issouf Sanogo / AFP – Getty Images file"
    ]
    assert len(by_reason["photo-caption"]) == 2
    assert by_reason["reporter-line"] == [
        "Mosheh Gains and Courtney Kube reported from Niamey, and Patrick Smith from London."
    ]
    assert by_reason["source-footer"] == [
        "Source: | This article originally belongs to Nbcnews.com"
    ]
    assert by_reason["teaser"][0] == "You May Also Like"
    assert len(by_reason["teaser"]) == 1 + 4 + 4  # heading, 4 titles, 4 snippets
    assert "Sinema" not in article.text and "Wisconsin" not in article.text
    assert set(by_reason) == {
        "photo-caption", "photo-credit", "reporter-line", "source-footer", "teaser"
    }


def test_seed_004_metadata_comes_from_its_footer_dateline_and_reporter_line(seeds_dir):
    raw = (seeds_dir / "004_b9dabca082e516ec.txt").read_text(encoding="utf-8")
    article = clean_article(RawArticle("004.txt", raw, False), SETTINGS)
    assert article.outlet == "NBC News"  # "This article originally belongs to Nbcnews.com"
    assert article.dateline == "Niamey, Niger"
    assert article.byline == "Mosheh Gains, Courtney Kube and Patrick Smith"
    assert article.language == "en"
    # The seed states no date ("said Thursday" is relative): unknown, never today's.
    assert article.published is None and article.published_source is None


def test_teaser_block_is_removed_to_its_end_and_following_news_stays():
    text = "\n\n".join([
        NEWS_1, "Related Stories", "Union leaders vow wider action across the coast",
        "The union said on Friday that…", NEWS_2, NEWS_3,
    ])
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text == "\n\n".join([NEWS_1, NEWS_2, NEWS_3])
    assert [b.reason for b in cleaned.removed] == ["teaser"] * 3


def test_inline_read_more_line_is_a_teaser():
    text = f"{NEWS_1}\n\nREAD MORE: Aldora ferry strike enters second week\n\n{NEWS_2}"
    assert reasons(text) == {"teaser": ["READ MORE: Aldora ferry strike enters second week"]}


def test_caption_glued_to_its_credit_is_split_into_caption_and_credit():
    caption = "Ferry workers picket the harbour gates in Aldora on Monday. Photo: Reuters"
    text = f"{NEWS_1}\n\n{caption}\n\n{NEWS_2}"
    found = reasons(text)
    assert found == {
        "photo-caption": ["Ferry workers picket the harbour gates in Aldora on Monday."],
        "photo-credit": ["Photo: Reuters"],
    }


def test_ap_photo_credit_and_caption_line_above_it_are_removed():
    text = (
        f"{NEWS_1}\n\nStrikers march along the quay in Aldora.\n(AP Photo/Jana Korb)\n\n{NEWS_2}"
    )
    found = reasons(text)
    assert found["photo-credit"] == ["(AP Photo/Jana Korb)"]
    assert found["photo-caption"] == ["Strikers march along the quay in Aldora."]


def test_photographer_slash_agency_credit_glued_to_a_year():
    text = f"{NEWS_1}\n\nMinister Ilse Varga in Aldora in 2021.Tomas Ried / AFP – Getty Images file"
    found = reasons(text)
    assert found["photo-credit"] == ["Tomas Ried / AFP – Getty Images file"]
    assert found["photo-caption"] == ["Minister Ilse Varga in Aldora in 2021."]


def test_credit_naming_any_outlet_takes_the_caption_above_it():
    caption = "Cranes stand idle at the container terminal during a previous stoppage in 2023."
    text = f"{NEWS_1}\n\n{caption}\nJoseph Mwamba / Harbor Ledger – Pixfeed file\n\n{NEWS_2}"
    found = reasons(text)
    assert found == {
        "photo-caption": [caption],
        "photo-credit": ["Joseph Mwamba / Harbor Ledger – Pixfeed file"],
    }


def test_standalone_photo_description_is_a_caption():
    line = (
        "Minister Ilse Varga attends a meeting with union leaders (not seen) at the ministry "
        "in Aldora on March 3, 2024."
    )
    assert reasons(f"{NEWS_1}\n\n{line}\n\n{NEWS_2}") == {"photo-caption": [line]}


@pytest.mark.parametrize(
    "sentence",
    [
        "A union official told AFP that the strike would go on until the rota was withdrawn.",
        "Source: a ministry spokesman said the talks would resume next week, according to AFP.",
        "Smoke rose over the docks as police moved in, witnesses told Reuters",
        "Photos shared on social media showed empty piers, and the port authority said no "
        "ferries had left since dawn.",
        "The union will share its demands with the ministry and subscribers to its bulletin "
        "were told to expect a long dispute over pay, rotas and pensions.",
        "Vesmark Radio reported that night that the ministry had closed the harbour.",
        "As the Herald's Anna Ruel reported after the vote, the union split over the offer.",
        "Senator Ilse Varga (R) and Senator Piet Olsen (D) said the port must reopen.",
    ],
)
def test_news_sentence_mentioning_agencies_or_sources_is_kept(sentence):
    text = f"{NEWS_1}\n\n{sentence}\n\n{NEWS_2}"
    cleaned = remove_clutter(text, CLEAN)
    assert sentence in cleaned.text
    assert cleaned.removed == []


def test_source_footer_names_the_outlet_and_is_removed():
    text = f"{NEWS_1}\n\n{NEWS_2}\n\nSource: | This article originally belongs to Reuters.com"
    assert reasons(text) == {
        "source-footer": ["Source: | This article originally belongs to Reuters.com"]
    }


def test_reporter_lines_and_wire_credits_are_removed():
    text = (
        f"{NEWS_1}\n\n{NEWS_2}\n\nAnna Ruel reported from Aldora.\n\n"
        "Reporting by Piet Olsen; Editing by Mara Vey"
    )
    assert reasons(text)["reporter-line"] == [
        "Anna Ruel reported from Aldora.", "Reporting by Piet Olsen; Editing by Mara Vey"
    ]


def test_share_subscribe_cookie_and_advertisement_lines_are_removed():
    clutter = [
        "Advertisement",
        "Share this article",
        "Sign up for our daily newsletter",
        "We use cookies to improve your browsing experience. Accept all cookies",
        "© 2024 Vesmark Herald. All rights reserved.",
    ]
    text = "\n\n".join([NEWS_1, clutter[0], NEWS_2, *clutter[1:], NEWS_3])
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text == "\n\n".join([NEWS_1, NEWS_2, NEWS_3])
    assert [b.reason for b in cleaned.removed] == [
        "advertisement", "share", "subscribe", "cookie-notice", "copyright"
    ]


def test_dateline_stays_in_the_text():
    cleaned = remove_clutter(f"{NEWS_1}\n\n{NEWS_2}", CLEAN)
    assert cleaned.text.startswith("ALDORA, Vesmark — Ferry workers")


def test_header_lines_and_title_line_leave_the_text_as_removed_blocks():
    text = f" date 2024-03-04 \n\nAldora ferry workers strike over rota\n\n{NEWS_1}\n\n{NEWS_2}"
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text == f"{NEWS_1}\n\n{NEWS_2}"
    assert [(b.reason, b.text) for b in cleaned.removed] == [
        ("header", "date 2024-03-04"), ("title", "Aldora ferry workers strike over rota")
    ]


def test_removed_positions_point_into_the_original_text():
    text = f"{NEWS_1}\n\nAdvertisement\n\n{NEWS_2}\n\nShare this article"
    for block in remove_clutter(text, CLEAN).removed:
        assert text[block.position : block.position + len(block.text)] == block.text


def test_all_clutter_input_is_refused():
    with pytest.raises(ValueError, match="nothing left"):
        clean_article(RawArticle("x.txt", "Advertisement\n\nShare this article\n", False), SETTINGS)


@pytest.mark.parametrize("content", ["", "   \n\n  ", "\x00\x01\x02binary\x00" * 20])
def test_empty_and_binary_inputs_are_refused(content):
    with pytest.raises(ValueError):
        clean_article(RawArticle("x.txt", content, False), SETTINGS)


def test_page_mode_trims_menus_around_the_article():
    menu = "\n\n".join(["Home", "World", "Business", "Sport", "Log in"])
    footer = "\n\n".join(["About us", "Contact", "Careers"])
    text = f"{menu}\n\n{NEWS_1}\n\n{NEWS_2}\n\n{NEWS_3}\n\n{footer}"
    cleaned = remove_clutter(text, CLEAN, page=True)
    assert cleaned.text == "\n\n".join([NEWS_1, NEWS_2, NEWS_3])


def test_clutter_above_the_headline_does_not_become_the_title():
    text = f"Advertisement\n\nAldora ferry workers strike over rota\n\n{NEWS_1}\n\n{NEWS_2}"
    cleaned = remove_clutter(text, CLEAN)
    assert [(b.reason, b.text) for b in cleaned.removed] == [
        ("advertisement", "Advertisement"), ("title", "Aldora ferry workers strike over rota")
    ]


def test_short_lead_is_not_taken_for_a_headline_when_the_headline_is_known():
    lead = "Aldora ferry workers walked out on Monday over the new rota"  # no full stop
    text = f"title Aldora ferry strike\n\n{lead}\n\n{NEWS_2}"
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text.startswith(lead)
    jsonl = clean_article(RawArticle("x.jsonl", f"{lead}\n\n{NEWS_2}", False,
                                     title="Aldora ferry strike"), SETTINGS)
    assert jsonl.text.startswith(lead)


def test_headline_repeated_above_the_body_is_the_title_it_repeats():
    raw = RawArticle("x.jsonl", f"Aldora ferry strike\n\n{NEWS_1}\n\n{NEWS_2}", False,
                     title="Aldora Ferry Strike")
    article = clean_article(raw, SETTINGS)
    assert article.text.startswith(NEWS_1)
    assert [b.text for b in article.removed if b.reason == "title"] == ["Aldora ferry strike"]
