"""The HTML path: trafilatura's body and metadata, what it dropped, and odd pages."""

from __future__ import annotations

import pytest

from dossier.clean import clean_article
from dossier.clean.flatten import flatten_html
from dossier.config import Settings
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults

PARAGRAPHS = [
    "Ferry workers in the port city of Aldora walked off the job on Monday, halting crossings "
    "to the islands for the first time in a decade.",
    "The strike committee said in a statement that talks with the ministry had collapsed after "
    "officials refused to discuss the new rota that would lengthen night shifts.",
    "Transport Minister Ilse Varga told reporters the government would not be held hostage by "
    "the union and promised emergency crossings for medical cases.",
    "Island councils warned that food deliveries would run short within a week if the dispute "
    "dragged on, and asked both sides to return to the table.",
]
PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Aldora ferry workers strike over rota | Vesmark Herald</title>
<meta property="og:site_name" content="Vesmark Herald">
<meta property="og:url" content="https://www.vesmarkherald.example/news/ferry-strike">
<meta name="author" content="Anna Ruel">
<meta property="article:published_time" content="2024-03-04T08:15:00Z">
<script>window.dataLayer = [];</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li></ul></nav>
<main><article>
<h1>Aldora ferry workers strike over rota</h1>
{paragraphs}
</article></main>
<footer><p>About us</p><p>Contact</p><p>&copy; 2024 Vesmark Herald. All rights reserved.</p>
</footer></body></html>"""


def page(paragraphs: list[str] = PARAGRAPHS) -> str:
    return PAGE.replace("{paragraphs}", "\n".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.fixture(scope="module")
def article():
    return clean_article(RawArticle("herald/strike.html", page(), True), SETTINGS)


def test_article_body_keeps_every_paragraph_and_drops_navigation(article):
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for menu in ("Log in", "About us", "All rights reserved", "dataLayer"):
        assert menu not in article.text


def test_page_metadata_is_read_from_the_markup(article):
    assert article.title == "Aldora ferry workers strike over rota"
    assert article.outlet == "Vesmark Herald"
    assert article.byline == "Anna Ruel"
    assert article.published == "2024-03-04"
    assert article.published_source == "html-meta"
    assert article.url == "https://www.vesmarkherald.example/news/ferry-strike"
    assert article.language == "en"


def test_what_trafilatura_dropped_is_kept_as_removed_blocks(article):
    dropped = "\n".join(b.text for b in article.removed)
    assert {b.reason for b in article.removed} == {"page-boilerplate", "title"}
    assert "Log in" in dropped and "About us" in dropped
    flat = flatten_html(page())
    for block in article.removed:
        assert flat[block.position : block.position + len(block.text)] == block.text


def test_headline_inside_the_article_element_leaves_the_body(article):
    assert article.text.startswith(PARAGRAPHS[0])
    assert "\n\n" in article.text  # one paragraph per block, as in plain text


def test_reporter_credit_and_syndication_note_inside_the_article_are_removed():
    extra = [
        "(Reporting by Anna Ruel in Aldora; editing by Piet Olsen)",
        "This story was provided by Meridian Wire.",
    ]
    raw = RawArticle("herald/x.html", page([*PARAGRAPHS, *extra]), True)
    article = clean_article(raw, SETTINGS)
    assert article.text.endswith(PARAGRAPHS[-1])
    reasons = {b.text: b.reason for b in article.removed}
    assert reasons[extra[0]] == "reporter-line" and reasons[extra[1]] == "source-footer"
    assert article.outlet == "Vesmark Herald"  # the site publishes it; the note names the agency


def test_truncated_html_still_gives_its_text():
    cut = page()[: page().index(PARAGRAPHS[2][:40]) + 20]  # ends mid-paragraph, no closing tags
    article = clean_article(RawArticle("herald/cut.html", cut, True), SETTINGS)
    assert PARAGRAPHS[0] in article.text and PARAGRAPHS[1] in article.text


def test_page_without_a_stated_date_gets_no_date_even_with_a_copyright_year():
    undated = page().replace(
        '<meta property="article:published_time" content="2024-03-04T08:15:00Z">', ""
    )
    article = clean_article(RawArticle("herald/undated.html", undated, True), SETTINGS)
    assert article.published is None and article.published_source is None


def test_reader_fields_win_over_the_page():
    raw = RawArticle(
        "feed.jsonl", page(), True, title="Stated title", outlet="www.reuters.com",
        published="2024-03-05", url="https://example.org/a",
    )
    article = clean_article(raw, SETTINGS)
    assert (article.title, article.outlet) == ("Stated title", "Reuters")
    assert (article.published, article.published_source) == ("2024-03-05", "jsonl")


@pytest.mark.parametrize(
    "html",
    ["<html><body></body></html>", "<html><head><title>x</title></head><body> </body></html>",
     "<html><body><script>var a = 1;</script></body></html>"],
)
def test_page_without_article_text_is_refused(html):
    with pytest.raises(ValueError):
        clean_article(RawArticle("empty.html", html, True), SETTINGS)


def test_flattened_page_puts_each_block_on_its_own_paragraph():
    flat = flatten_html("<div>One<br>Two</div><p>Three</p><script>x()</script>")
    assert flat == "One\nTwo\n\nThree"
