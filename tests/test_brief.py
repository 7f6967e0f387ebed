"""A brief to hand on: `dossier brief` and the desk's "Download brief", on examples and seeds.

The analyst forwards the file to someone without the desk: it must hold the headline,
the dates, the digest with its sources, key events, who said what, and a numbered
source list with outlets, URLs and dates — and load nothing from anywhere.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from browser_server import CHROMIUM, chromium_page
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import dossier.cli.brief  # noqa: F401 - registers its command
import dossier.cli.stories  # noqa: F401 - a second command, so `brief` is a subcommand
from dossier.cli.app import app
from dossier.config import Settings
from dossier.pipeline import ingest
from dossier.store import connect
from dossier.store import stories as stories_store
from dossier.web import create_app
from dossier.web.brief_routes import brief_filename

runner = CliRunner()
CITATION = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("brief") / "examples.db"
    ingest([examples_dir], Settings(db_path=db))
    return db


def strike_story(db: Path) -> dict:
    """The sample corpus's Mombasa strike story (answer key story A), found by its content."""
    conn = connect(db)
    try:
        for story in stories_store.list_stories(conn):
            if "Mombasa" in (story["title"] or "") or "dockworkers" in (story["title"] or ""):
                return story
    finally:
        conn.close()
    raise AssertionError("the sample corpus should make a Mombasa strike story")


def brief(db: Path, story_id: str, *args: str) -> str:
    result = runner.invoke(app, ["brief", story_id, "--db", str(db), *args],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def article_rows(db: Path, ids: list[str]) -> list[sqlite3.Row]:
    conn = connect(db)
    try:
        marks = ",".join("?" * len(ids))
        return conn.execute(f"SELECT id, outlet, url, published, title FROM articles"
                            f" WHERE id IN ({marks})", ids).fetchall()
    finally:
        conn.close()


def test_markdown_brief_holds_headline_dates_digest_events_quotes_and_sources(
        examples_db: Path) -> None:
    story = strike_story(examples_db)
    text = brief(examples_db, story["id"])
    assert text.startswith(f"# {story['title']}")
    assert "3 Mar 2025 – 8 Mar 2025" in text
    for heading in ("## What happened", "## Key events", "## Who said what", "## Sources"):
        assert heading in text
    sources = text.split("## Sources", 1)[1]
    # every article of the story is listed once, with its outlet and its URL when it has one
    rows = article_rows(examples_db, story["article_ids"])
    for row in rows:
        assert f"**{row['outlet']}**" in sources
        if row["url"]:
            assert f"<{row['url']}>" in sources
    numbered = re.findall(r"^(\d+)\. ", sources, flags=re.M)
    assert numbered == [str(i) for i in range(1, len(rows) + 1)]
    # the first source is the earliest report
    assert sources.split("\n1. ", 1)[1].split("\n")[0].count("3 Mar 2025") == 1
    # every digest sentence cites sources, and only sources that exist
    digest = text.split("## What happened", 1)[1].split("## Key events", 1)[0]
    paragraphs = [p for p in digest.strip().split("\n\n") if p]
    assert paragraphs and all(CITATION.search(p) for p in paragraphs)
    cited = {int(n) for n in CITATION.findall(text.split("## Sources", 1)[0])}
    assert cited and max(cited) <= len(rows)
    # the union leader the answer key quotes is among the speakers
    assert "### Peter Otieno" in text


def test_a_quote_carried_by_syndicated_copies_is_listed_once_citing_each(
        examples_db: Path) -> None:
    text = brief(examples_db, strike_story(examples_db)["id"])
    quotes = [line for line in text.splitlines() if line.startswith("> ")]
    contents = [q.split("” [", 1)[0] for q in quotes]
    assert len(contents) == len(set(zip(contents, [q.split("— ")[-1] for q in quotes],
                                        strict=True)))
    assert any(len(CITATION.findall(q)) > 1 for q in quotes), \
        "the clash story's quotes appear in syndicated copies: one line citing several"


def test_html_brief_is_self_contained_and_escapes_article_text(
        examples_db: Path, tmp_path: Path) -> None:
    story = strike_story(examples_db)
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", story["id"], "--db", str(examples_db), "-o", str(out)],
                           catch_exceptions=False)
    assert result.exit_code == 0 and "html brief" in result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img|iframe|object)\b", html)
    assert "@media print" in html
    assert f"<h1>{story['title']}</h1>" in html


def test_unknown_story_and_format_are_refused_with_a_message(examples_db: Path) -> None:
    result = runner.invoke(app, ["brief", "nosuchstory", "--db", str(examples_db)])
    assert result.exit_code == 2 and "no story" in result.output
    result = runner.invoke(app, ["brief", "s", "--db", str(examples_db), "--format", "pdf"])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_desk_serves_the_brief_as_a_download_linked_from_the_story_page(
        examples_db: Path) -> None:
    story = strike_story(examples_db)
    client = TestClient(create_app(replace(Settings(), db_path=examples_db)),
                        base_url="http://localhost")
    page = client.get(f"/stories/{story['id']}")
    assert f'href="/stories/{story["id"]}/brief?format=html"' in page.text
    response = client.get(f"/stories/{story['id']}/brief", params={"format": "md"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.md"')
    assert response.text.startswith(f"# {story['title']}")
    assert client.get("/stories/nosuchstory/brief").status_code == 404
    assert client.get(f"/stories/{story['id']}/brief", params={"format": "exe"}).status_code \
        == 422


def test_brief_file_name_is_the_headline_made_safe() -> None:
    assert brief_filename('Strike: "over"?/../', "s123456789abcdef", "html") \
        == "brief-strike-over-s123456789ab.html"
    assert brief_filename(None, "s1", "md") == "brief-s1.md"


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Debian chromium at {CHROMIUM}")
def test_html_brief_opens_in_chromium_without_any_request_and_prints(
        examples_db: Path, tmp_path: Path) -> None:
    story = strike_story(examples_db)
    out = tmp_path / "brief.html"
    brief(examples_db, story["id"], "-o", str(out))
    requested: list[str] = []
    with chromium_page(width=390, height=844) as page:
        page.on("request", lambda r: requested.append(r.url))
        page.goto(out.as_uri())
        assert page.locator("h1").inner_text() == story["title"]
        assert page.locator("#sources li").count() == len(story["article_ids"])
        # a citation jumps to its numbered source
        first = page.locator("#digest sup.refs a").first
        target = first.get_attribute("href")
        assert target and page.locator(target).count() == 1
        # readable on a phone: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")
        assert pdf[:4] == b"%PDF" and len(pdf) > 5000
    assert requested == [out.as_uri()], "the brief must load nothing but itself"


def test_seed_story_brief_names_its_outlet_and_quotes(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    ingest([seeds_dir / "000_f9444bceebfe331f.txt", seeds_dir / "004_b9dabca082e516ec.txt"],
           Settings(db_path=db))
    conn = connect(db)
    try:
        (story,) = stories_store.list_stories(conn)
    finally:
        conn.close()
    text = brief(db, story["id"])
    assert "NBC News" in text.split("## Sources", 1)[1]
    assert len(re.findall(r"^\d+\. ", text.split("## Sources", 1)[1], flags=re.M)) == 2
    assert "## Who said what" in text and "> “" in text
