"""Metadata in the shapes real outlets print it: wire datelines, date stamps, domains, credits.

All fixture texts and pages are written by us.
"""

from __future__ import annotations

import pytest

from dossier.clean import clean_article
from dossier.clean.flatten import flatten_html
from dossier.clean.html import page_byline, parse_page
from dossier.clean.metadata import clean_byline, find_dateline, page_title
from dossier.clean.outlets import normalize_outlet
from dossier.config import Settings
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults
CLEAN = Settings().clean

NEWS = (
    "Ferry workers in the port city of Aldora walked off the job on Monday, halting crossings "
    "to the islands for the first time in a decade."
)
MORE = (
    "The strike committee said in a statement that talks with the ministry had collapsed after "
    "officials refused to discuss the new rota."
)


def clean_text(content: str) -> object:
    return clean_article(RawArticle("a.txt", content, False), SETTINGS)


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("TOKYO/SEOUL (Reuters) - North Korea fired a missile", "Tokyo/Seoul", "Reuters"),
        ("SAN JOSE, Dec 31 (Reuters) - Apple said on Monday", "San Jose", "Reuters"),
        ("BEIJING, July 15 (Xinhua) -- China said on Friday", "Beijing", "Xinhua"),
        ("CAIRO -- Egypt's parliament voted on Sunday", "Cairo", None),
        ("PARIS - A truck drove into a crowd", "Paris", None),
        ("Washington (CNN) The storm reached the coast", "Washington", "CNN"),
        ("LONDON, Jan. 5 — Britain's government said", "London", None),
    ],
)
def test_agency_datelines_give_the_place_without_slug_or_date(opening, place, agency):
    dateline = find_dateline(opening)
    assert (dateline.place, dateline.agency) == (place, agency)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("Updated: 2016-07-15 13:14", "2016-07-15T13:14:00"),
        ("Updated 1:14 PM ET, Fri July 15, 2016", "2016-07-15"),
        ("Published 15.07.2016 13:14", "2016-07-15"),
        ("Posted on Jul 15, 2016 at 13:14", "2016-07-15"),
        ("(China Daily USA 07/15/2016 page1)", "2016-07-15"),
    ],
)
def test_updated_published_lines_and_agency_stamps_give_the_date(stamp, published):
    article = clean_text(f"Aldora ferry strike\n\n{stamp}\n\n{NEWS}\n\n{MORE}")
    assert article.published == published and article.published_source == "text"
    assert stamp not in article.text
    assert ("date-line", stamp) in [(b.reason, b.text) for b in article.removed]


def test_ambiguous_numeric_date_is_not_guessed():
    article = clean_text(f"Aldora ferry strike\n\nPublished 05.06.2016\n\n{NEWS}\n\n{MORE}")
    assert article.published is None


def test_date_stamp_glued_to_the_headline_is_split_off():
    article = clean_text(f"Aldora ferry strike Updated: 2016-07-15 13:14\n\n{NEWS}\n\n{MORE}")
    assert article.title == "Aldora ferry strike"
    assert article.published == "2016-07-15T13:14:00"


def test_headline_line_of_scraped_text_without_blank_lines():
    article = clean_text(f"Aldora ferry workers strike over rota\n{NEWS}\n{MORE}")
    assert article.title == "Aldora ferry workers strike over rota"
    assert article.text.startswith("Ferry workers")


@pytest.mark.parametrize(
    ("domain", "outlet"),
    [
        ("https://www.thehindu.com/news/national/article1.ece", "The Hindu"),
        ("www.chinadaily.com.cn", "China Daily"),
        ("thesun.co.uk", "The Sun"),
        ("kathmandupost.com", "Kathmandu Post"),  # not in the table: segmented
        ("www.theglobeandmail.com", "The Globe and Mail"),
        ("abcnews.go.com", "ABC News"),  # the outlet is the subdomain of a hosting domain
        ("vesmarkherald.com", "Vesmarkherald"),  # a guess at a split ("ves") is not made
    ],
)
def test_domain_outlets_are_named_as_readers_know_them(domain, outlet):
    assert normalize_outlet(domain, CLEAN) == outlet


def test_photo_credit_is_not_a_byline():
    page = "Mourners on the quay in Aldora. Tomas Ried/AFP via Getty Images\n\nBy Anna Ruel"
    assert clean_byline("Tomas Ried; Anna Ruel", "Vesmark Herald", page) == "Anna Ruel"


def test_reporter_who_also_took_the_photo_stays_the_byline():
    page = "By Anna Ruel\n\nStrikers march in Aldora. Photo: Anna Ruel / Vesmark Herald"
    assert clean_byline("Anna Ruel", "Vesmark Herald", page) == "Anna Ruel"


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Condé Nast", None),  # a publishing group, not a writer
        ("Anna Ruel; Piet Olsen; The Vesmark Herald", "Anna Ruel and Piet Olsen"),
        ("Anna Maria Ruel; Anna Ruel; Vesmark Herald", "Anna Maria Ruel"),
        ("Anna Ruel Senior Political Correspondent", "Anna Ruel"),
        ("Anna Ruel Last Updated August 1", "Anna Ruel"),
        ("Vesmark Herald", "Vesmark Herald"),  # only the site is named: kept
        ("Anna Ruel; 2025•5 min read", "Anna Ruel"),  # a reading-time widget is no name
    ],
)
def test_bylines_name_people_not_publishers_titles_or_dates(author, byline):
    assert clean_byline(author, "Vesmark Herald") == byline


def test_page_title_is_the_matching_h1_without_the_site_name():
    title = "Aldora ferry workers strike over rota | Vesmark Herald"
    overlap = CLEAN.h1_title_min_overlap
    assert page_title(title, ["Menu", "Aldora ferry workers strike over rota"],
                      "Vesmark Herald", "https://vesmarkherald.com/a", overlap) == (
        "Aldora ferry workers strike over rota"
    )
    assert page_title(title, [], "Vesmark Herald", None, overlap) == (
        "Aldora ferry workers strike over rota"
    )


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Piet Olsen Founder; Lead Reviewer", "Piet Olsen"),  # titles after the name
        ("Anna Ruel; Certified Sleep Consultant", "Anna Ruel"),  # the named person's title
        ("Anna Ruel; Hardware", "Anna Ruel"),  # a section tag beside a full name
        ("Anna Ruel; MS; RD", "Anna Ruel, MS and RD"),  # credentials stay with the name
        ("AR Anna Ruel", "Anna Ruel"),  # an avatar's initials glued before the name
        ("Read more about The Vesmark Team", "The Vesmark Team"),
        ("About the Author", None),
        ("©; Conditions Privacy Policy", None),  # a footer is no writer
        ("Name *", None),  # a comment form's label
    ],
)
def test_page_author_fields_give_names_not_roles_tags_or_widgets(author, byline):
    assert clean_byline(author, "Vesmark Herald") == byline


@pytest.mark.parametrize(
    "box",
    [
        "Written by\nAnna Ruel",  # the label on its own line
        "Written by:Anna Ruel",
        "Anna Ruel\nAuthor",  # the name, its role below it
    ],
)
def test_byline_shown_in_an_author_box_is_read(box):
    lines = "\n".join(f"<p>{line}</p>" for line in box.splitlines())
    menu = "".join(f"<li>Link {n}</li>" for n in range(250))  # the box sits far down
    html = f"<html><body><ul>{menu}</ul><p>{NEWS}</p>{lines}</body></html>"
    page_text = flatten_html(html)
    assert page_byline(parse_page(html), None, page_text, CLEAN) == "Anna Ruel"


def test_by_line_with_dot_operator_separators_gives_the_name():
    html = (f"<html><body><h1>Aldora ferry strike</h1><p>By Anna Ruel ⋅ Senior Reviewer ⋅ "
            f"Updated May 6, 2025</p><p>{NEWS}</p></body></html>")
    assert page_byline(parse_page(html), None, flatten_html(html), CLEAN) == "Anna Ruel"


def test_by_line_far_down_the_page_is_a_teaser_card_not_the_byline():
    menu = "".join(f"<li>Link {n}</li>" for n in range(250))
    html = f"<html><body><ul>{menu}</ul><p>{NEWS}</p><p>By Piet Olsen</p></body></html>"
    assert page_byline(parse_page(html), None, flatten_html(html), CLEAN) is None
