"""The desk in a real browser: Debian's chromium driven by Playwright against a live server.

The sample corpus (examples/) is ingested once through the real pipeline; the tests
then click through the pages as an analyst would.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from browser_server import CHROMIUM, chromium_page, running_desk

from dossier.config import Settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,  # serves the desk and drives chromium
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Debian chromium at {CHROMIUM}"),
]

HOSTILE = "<script>alert(1)</script>"
UPLOAD = (
    " date 2025-03-09 \n"
    "title Ferry crews join the port strike\n"
    "source Harbor Ledger\n\n"
    "PORT ELMA — Ferry crews joined the dockworkers' strike on Sunday, the union said.\n\n"
    "\"We stand with the dockworkers,\" ferry union secretary Tomas Reyes told reporters.\n"
)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Iterator[str]:
    from dossier.pipeline import ingest

    if not any(examples_dir.glob("*")):
        pytest.skip("examples/ (the sample corpus) is empty")
    db = tmp_path_factory.mktemp("browser") / "desk.db"
    settings = replace(Settings(), db_path=db)
    ingest([examples_dir], settings)
    with running_desk(settings) as url:
        yield url


@pytest.fixture(scope="module")
def page(desk: str):
    with chromium_page() as p:
        dialogs: list[str] = []
        p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        p.dialogs = dialogs  # type: ignore[attr-defined]
        yield p


def test_clicking_an_event_shows_its_evidence_highlighted(desk: str, page) -> None:
    page.goto(desk + "/")
    story_links = page.locator("#stories a.row-title")
    assert story_links.count() > 0, "the sample corpus should make at least one story"
    # open the first story that has a dated event on its timeline
    for i in range(story_links.count()):
        page.goto(desk + "/")
        page.locator("#stories a.row-title").nth(i).click()
        if page.locator("#timeline li.k-event").count():
            break
    event = page.locator("#timeline li.k-event").first
    event.click()
    panel = page.locator("#evidence-panel")
    panel.wait_for(state="visible")
    assert "open" in (panel.get_attribute("class") or "")
    marked = panel.locator(".ev-sentence mark").first
    assert marked.inner_text().strip(), "the event's evidence span is highlighted"
    sentence = panel.locator(".ev-sentence").first.inner_text()
    assert marked.inner_text().strip() in sentence

    # follow the evidence to the article, scrolled to the same span, highlighted
    panel.locator("a.ev-link").first.click()
    page.wait_for_url(re.compile(r"/articles/[^?]+\?hl=\d+-\d+"))
    focus = page.locator("#article-text .hl.focus").first
    focus.wait_for(state="visible")
    assert focus.inner_text().strip()
    assert focus.is_visible()


def test_clicking_a_highlight_on_the_article_page_explains_it(desk: str, page) -> None:
    page.goto(desk + "/articles")
    page.locator("#results a.row-title").first.click()
    highlight = page.locator("#article-text .hl[data-items]:not([data-items=''])").first
    highlight.click()
    panel = page.locator("#evidence-panel.open")
    panel.wait_for(state="visible")
    assert panel.locator(".ev-kind").first.inner_text().strip()


def test_uploaded_file_is_ingested_and_listed(desk: str, page, tmp_path: Path) -> None:
    upload = tmp_path / "ferry-strike.txt"
    upload.write_text(UPLOAD, encoding="utf-8")
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    page.goto(desk + "/ingest")
    page.set_input_files("#files", [str(upload), str(broken)])
    page.click("#ingest-submit")
    page.wait_for_url(re.compile(r"/ingest/jobs/\w+"))
    page.locator("#job-status.done").wait_for(timeout=120_000)
    assert "Ferry crews join the port strike" in page.locator("#job-inputs li.new").inner_text()
    assert "empty input" in page.locator("#job-inputs li", has_text="empty.txt").inner_text()
    page.locator("#job-inputs li.new a").first.click()
    assert "Ferry crews joined" in page.locator("#article-text").inner_text()


def test_job_page_shows_progress_and_every_files_outcome_as_it_lands(
        desk: str, page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier import pipeline

    real_ingest, gate = pipeline.ingest, threading.Event()

    def photo_waits(paths, settings, progress=None):
        if Path(paths[0]).name == "photo.png":
            assert gate.wait(60)
        return real_ingest(paths, settings, progress)

    monkeypatch.setattr(pipeline, "ingest", photo_waits)  # the server runs in this process
    text = UPLOAD.replace("Ferry crews", "Tug crews").replace("ferry union", "tug union")
    first, copy, photo = tmp_path / "tugs.txt", tmp_path / "tugs-again.txt", tmp_path / "photo.png"
    first.write_text(text, encoding="utf-8")
    copy.write_text(text.replace("Harbor Ledger", "Quay Times"), encoding="utf-8")
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    page.goto(desk + "/ingest")
    page.set_input_files("#files", [str(first), str(copy), str(photo)])
    page.click("#ingest-submit")
    try:
        page.locator("#job-count", has_text="2 of 3 done").wait_for(timeout=120_000)
        assert page.locator("#job-progress").evaluate("e => [e.value, e.max]") == [2, 3]
        rows = page.locator("#job-inputs > li")
        assert "New article" in rows.nth(0).inner_text()
        assert "Duplicate" in rows.nth(1).inner_text() and "already stored as" in \
            rows.nth(1).inner_text()
        assert rows.nth(1).locator("a").get_attribute("href") == \
            rows.nth(0).locator("a").get_attribute("href"), "the copy links to the stored one"
        assert rows.nth(2).get_attribute("data-state") == "working"
    finally:
        gate.set()
    page.locator("#job-status.done").wait_for(timeout=120_000)
    refused = page.locator("#job-inputs > li").nth(2)
    assert "Refused" in refused.inner_text() and "binary content" in refused.inner_text()
    assert page.locator("#job-progress").evaluate("e => [e.value, e.max]") == [3, 3]


def test_script_in_an_article_renders_as_text(desk: str, page) -> None:
    page.goto(desk + "/search?q=" + "alert")
    hits = page.locator("#results a.row-title")
    assert hits.count() > 0, "the sample corpus has an article quoting <script>alert(1)</script>"
    hits.first.click()
    text = page.locator("#article-text").inner_text()
    assert HOSTILE in text, "the tag is shown as the article's text"
    assert page.locator("#article-text script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_pasted_script_renders_as_text(desk: str, page) -> None:
    page.goto(desk + "/ingest")
    page.fill("#title", "Pasted <b>markup</b> test")
    page.fill("#text", "The council said the note read " + HOSTILE + " and nothing else.\n")
    page.click("#ingest-submit")
    page.locator("#job-status.done").wait_for(timeout=120_000)
    page.locator("#job-inputs li.new a").first.click()
    assert HOSTILE in page.locator("#article-text").inner_text()
    assert "Pasted <b>markup</b> test" in page.locator("h1").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_swagger_ui_renders_the_schema_offline(desk: str, page) -> None:
    page.goto(desk + "/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() == 1


def test_removed_clutter_is_dimmed_in_the_text_and_can_be_hidden(desk: str, page) -> None:
    items = page.request.get(desk + "/api/articles?limit=500").json()["items"]
    with_clutter = next(a["id"] for a in items
                        if page.request.get(f"{desk}/api/articles/{a['id']}").json()["removed"])
    page.goto(f"{desk}/articles/{with_clutter}")
    clutter = page.locator("#article-text .clutter")
    assert clutter.count() > 0
    # dimmed beside the article's own text, yet still readable (WCAG AA: no opacity fade)
    dimmed = clutter.first.evaluate("e => getComputedStyle(e).color")
    prose = page.locator("#article-text").evaluate("e => getComputedStyle(e).color")
    assert dimmed != prose
    assert float(clutter.first.evaluate("e => getComputedStyle(e).opacity")) == 1
    page.locator("#show-clutter").uncheck()
    assert not clutter.first.is_visible()


def test_clicking_a_place_on_the_map_shows_its_evidence(desk: str, page) -> None:
    stories = page.request.get(desk + "/api/stories?limit=500").json()["items"]
    biggest = max(stories, key=lambda s: s["n_articles"])  # uploads by other tests are small
    page.goto(f"{desk}/stories/{biggest['id']}")
    target = page.locator("#map svg [data-fact-ref]").first
    assert target.count(), "the story's map shows its places"
    target.dispatch_event("click")
    panel = page.locator("#evidence-panel.open")
    panel.wait_for(state="visible")
    assert panel.locator(".ev-kind").first.inner_text().strip().lower() == "place"
    assert panel.locator(".ev-sentence mark").first.inner_text().strip()
