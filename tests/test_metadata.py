"""Metadata: outlet names, bylines, datelines, publication dates, language, stable ids."""

from __future__ import annotations

import pytest

from dossier.clean import article_id, clean_article
from dossier.clean.metadata import find_dateline, normalize_date, reporter_names
from dossier.clean.outlets import normalize_outlet
from dossier.config import Settings
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults
CLEAN = Settings().clean

NEWS = (
    "Ferry workers in the port city of Aldora walked off the job on Monday, halting crossings "
    "to the islands for the first time in a decade.\n\nThe strike committee said talks with "
    "the ministry had collapsed after officials refused to discuss the new rota."
)


def clean_text(content: str, **fields) -> object:
    raw = RawArticle(fields.pop("source_path", "a.txt"), content, False, **fields)
    return clean_article(raw, SETTINGS)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Nbcnews.com", "NBC News"),
        ("www.reuters.com", "Reuters"),
        ("https://www.bbc.co.uk/news/world-africa-1", "BBC"),
        ("theguardian.com", "The Guardian"),
        ("Associated Press", "AP"),
        ("vesmarkherald.com", "Vesmarkherald"),  # unknown domain: named after its label
        ("Vesmark Herald", "Vesmark Herald"),  # already a name: left as written
        ("  ", None),
    ],
)
def test_outlet_names_are_normalized(given, expected):
    assert normalize_outlet(given, CLEAN) == expected


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("NIAMEY, Niger — The army said", "Niamey, Niger"),
        ("KYIV (Reuters) - Ukraine said", "Kyiv"),
        ("WASHINGTON — President Joe Biden", "Washington"),
        ("NEW YORK, N.Y. — Markets fell", "New York, N.Y."),
        ("Aldora, Vesmark (AFP) – Ferry workers", "Aldora, Vesmark"),
    ],
)
def test_dateline_place_is_read_from_the_opening(opening, place):
    assert find_dateline(opening).place == place


@pytest.mark.parametrize(
    "opening",
    ["The army in Niger said - without details - that", "US — a word", "Meanwhile — officials"],
)
def test_ordinary_openings_are_not_datelines(opening):
    assert find_dateline(opening) is None


def test_dateline_is_metadata_and_stays_in_the_text():
    article = clean_text(f"ALDORA, Vesmark — {NEWS}")
    assert article.dateline == "Aldora, Vesmark"
    assert article.text.startswith("ALDORA, Vesmark — Ferry workers")
    assert all("ALDORA" not in b.text for b in article.removed)


def test_by_line_gives_the_byline():
    article = clean_text(f"By Jane Doe and John Roe\n\n{NEWS}")
    assert article.byline == "Jane Doe and John Roe"


def test_reporter_line_names_the_reporters_but_not_the_places():
    article = clean_text(
        f"{NEWS}\n\nMosheh Gains and Courtney Kube reported from Niamey, and Patrick Smith "
        "from London."
    )
    assert article.byline == "Mosheh Gains, Courtney Kube and Patrick Smith"


def test_wire_credit_names_reporters_not_editors():
    assert reporter_names("Reporting by Piet Olsen and Ana Bel; Editing by Mara Vey") == [
        "Piet Olsen", "Ana Bel"
    ]


def test_source_footer_gives_the_outlet():
    article = clean_text(f"{NEWS}\n\nSource: | This article originally belongs to Nbcnews.com")
    assert article.outlet == "NBC News"


def test_outlet_domain_is_spelled_out_as_the_text_names_it():
    article = clean_text(
        f"{NEWS}\n\nA dockworker rests near the gate.\nOmar Bakari / Coastal Times\n\n"
        "Source: | This article originally belongs to Coastaltimes.example"
    )
    assert article.outlet == "Coastal Times"


def test_feed_title_section_is_not_part_of_the_outlet():
    assert normalize_outlet("Northline Radio — Africa", CLEAN) == "Northline Radio"
    assert normalize_outlet("Reuters | World News", CLEAN) == "Reuters"


def test_header_date_lifted_by_the_reader_is_still_a_header_date():
    article = clean_text(NEWS, published="2023-07-28", header={"date": "2023-07-28"})
    assert article.published_source == "header"


def test_feed_date_says_it_came_from_the_feed():
    article = clean_text(NEWS, source_path="africa-feed.xml", published="2025-03-07")
    assert (article.published, article.published_source) == ("2025-03-07", "rss")


def test_header_lines_give_date_title_and_outlet():
    article = clean_text(
        f" date 2023-07-28 \ntitle Aldora ferry strike\nsource www.reuters.com\n\n{NEWS}"
    )
    assert (article.published, article.published_source) == ("2023-07-28", "header")
    assert article.title == "Aldora ferry strike"
    assert article.outlet == "Reuters"
    assert article.text.startswith("Ferry workers")


def test_reader_header_dict_is_used_too():
    article = clean_text(NEWS, header={"date": "2023-07-28"})
    assert (article.published, article.published_source) == ("2023-07-28", "header")


def test_jsonl_field_date_is_kept_with_its_time():
    article = clean_text(NEWS, source_path="batch.jsonl", published="2024-03-04T08:15:00+00:00")
    assert article.published == "2024-03-04T08:15:00+00:00"
    assert article.published_source == "jsonl"


def test_published_line_in_the_text_gives_the_date():
    article = clean_text(f"Published July 28, 2023\n\n{NEWS}")
    assert (article.published, article.published_source) == ("2023-07-28", "text")


def test_no_stated_date_means_none_never_today():
    article = clean_text(f"{NEWS}\n\nThe talks resume tomorrow.")
    assert article.published is None and article.published_source is None


@pytest.mark.parametrize("value", ["yesterday", "July 2023", "next Friday", "not a date"])
def test_partial_or_relative_dates_are_refused(value):
    assert normalize_date(value) is None


def test_first_short_line_is_the_title_unless_the_reader_gave_one():
    assert clean_text(f"Aldora ferry workers strike\n\n{NEWS}").title == (
        "Aldora ferry workers strike"
    )
    assert clean_text(f"Aldora ferry workers strike\n\n{NEWS}", title="Given").title == "Given"


def test_language_is_detected_offline():
    assert clean_text(NEWS).language == "en"
    french = (
        "Les employés des ferries de la ville portuaire d'Aldora ont cessé le travail lundi, "
        "interrompant les traversées vers les îles pour la première fois depuis dix ans."
    )
    assert clean_text(french).language == "fr"


def test_same_content_gives_the_same_id_whatever_the_whitespace_or_line_endings():
    assert article_id(NEWS) == article_id(NEWS.replace("\n", "\r\n") + "\n\n  ")
    assert article_id("café") == article_id("cafe\u0301")  # NFC: composed and decomposed é
    assert article_id(NEWS) != article_id(NEWS + " More.")
    assert len(article_id(NEWS)) == 16 and int(article_id(NEWS), 16) >= 0


def test_cleaning_twice_gives_the_identical_article():
    assert clean_text(f"ALDORA, Vesmark — {NEWS}") == clean_text(f"ALDORA, Vesmark — {NEWS}")
