"""The desk on a laptop and a phone, by mouse and by keyboard, checked by axe-core in chromium.

Every page at 1366×768 and 390×844 must have no serious or critical axe-core violation and
nothing wider than the screen; a keyboard user reaches every fact and highlight, opens its
evidence with Enter, lands inside the drawer and goes back with Escape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from browser_server import CHROMIUM, chromium_page, running_desk

from dossier.config import Settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Debian chromium at {CHROMIUM}"),
]

LAPTOP = (1366, 768)
PHONE = (390, 844)
FOCUSABLE = ("a[href], button, input, select, textarea, summary, [tabindex='0']")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Iterator[str]:
    from dossier.pipeline import ingest

    db = tmp_path_factory.mktemp("a11y") / "desk.db"
    settings = replace(Settings(), db_path=db)
    ingest([examples_dir], settings)
    with running_desk(settings) as url:
        yield url


@pytest.fixture(scope="module")
def pages(desk: str) -> list[str]:
    """One of every kind of page, picked from what the sample corpus built."""
    import json
    from urllib.request import urlopen

    def get(path: str) -> dict:
        with urlopen(desk + path) as r:  # noqa: S310 - our own loopback server
            return json.load(r)

    stories = get("/api/stories?limit=500")["items"]
    biggest = max(stories, key=lambda s: s["n_articles"])
    article = get("/api/articles?limit=1")["items"][0]["id"]
    actor = get("/api/actors?limit=1")["items"][0]["id"]
    return ["/", f"/stories/{biggest['id']}", "/articles", f"/articles/{article}", "/actors",
            f"/actors/{actor}", "/search?q=port", "/ingest", finished_job(desk), "/errors",
            "/api-reference"]


def finished_job(desk: str) -> str:
    """The page of a job with a new article, a duplicate and a refused binary, once done."""
    import time

    import httpx

    text = (" date 2025-03-10 \ntitle Pilots join the port strike\n\nPORT ELMA — Harbour "
            "pilots joined the strike on Monday, their association said.\n")
    files = [("files", ("pilots.txt", text.encode())), ("files", ("again.txt", text.encode())),
             ("files", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))]
    job = httpx.post(desk + "/api/ingest", files=files).json()
    for _ in range(1200):
        if httpx.get(f"{desk}/api/ingest/jobs/{job['id']}").json()["status"] == "done":
            return f"/ingest/jobs/{job['id']}"
        time.sleep(0.1)
    raise AssertionError("the ingest job did not finish")


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — e.g. {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_every_page_passes_axe_and_fits_the_screen(desk: str, pages: list[str], size) -> None:
    width, height = size
    failures = {}
    with chromium_page(width=width, height=height) as page:
        for path in pages:
            page.goto(desk + path)
            found = serious_violations(page)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                found.append(f"page is {wide} px wide on a {width} px screen")
            if found:
                failures[path] = found
    assert not failures, failures


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_refused_pasted_date_passes_axe_and_points_at_the_field(desk: str, size) -> None:
    with chromium_page(*size) as page:
        page.goto(desk + "/ingest")
        page.fill("#text", "Harbour pilots joined the strike on Monday, their association said.")
        page.fill("#date", "next tuesday-ish")
        page.click("#ingest-submit")
        page.locator("#ingest-message").wait_for()
        assert "is not a date" in page.locator("#ingest-message").inner_text()
        assert page.locator("#date").get_attribute("aria-invalid") == "true"
        assert "Harbour pilots" in page.locator("#text").input_value()
        assert serious_violations(page) == []


def story_path(pages: list[str]) -> str:
    return next(p for p in pages if p.startswith("/stories/"))


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(desk: str, pages) -> None:
    with chromium_page(*LAPTOP) as page:
        page.goto(desk + story_path(pages))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "content"


def test_keyboard_opens_a_fact_lands_in_the_drawer_and_escape_returns(desk: str, pages) -> None:
    with chromium_page(*LAPTOP) as page:
        page.goto(desk + story_path(pages))
        first = page.locator("#digest .fact").first
        first.focus()
        page.keyboard.press("ArrowDown")  # the next digest sentence, within one tab stop
        second = page.locator("#digest .fact").nth(1)
        assert second.evaluate("e => e === document.activeElement")
        page.keyboard.press("Enter")
        drawer = page.locator("#evidence-panel")
        assert "open" in (drawer.get_attribute("class") or "")
        assert page.evaluate("document.getElementById('evidence-panel')"
                             ".contains(document.activeElement)")
        assert drawer.get_attribute("role") == "dialog"
        page.keyboard.press("Escape")
        assert "open" not in (drawer.get_attribute("class") or "")
        assert second.evaluate("e => e === document.activeElement")


def test_a_story_page_is_a_few_dozen_tab_stops_yet_every_fact_is_reachable(
        desk: str, pages) -> None:
    with chromium_page(*LAPTOP) as page:
        page.goto(desk + story_path(pages))
        stops = page.evaluate(f"""Array.from(document.querySelectorAll("{FOCUSABLE}"))
            .filter(e => e.offsetParent !== null).length""")
        facts = page.locator(".fact").count()
        assert facts > stops / 2, "most facts are reached with the arrow keys"
        assert stops <= 120, f"{stops} tab stops"
        # every visible fact of the timeline is reached from the first with ArrowDown
        items = page.locator("#timeline ol:not(details ol) > li.fact")
        items.first.focus()
        for i in range(1, items.count()):
            page.keyboard.press("ArrowDown")
            assert items.nth(i).evaluate("e => e === document.activeElement"), i


def test_article_highlights_are_reachable_and_open_by_keyboard(desk: str, pages) -> None:
    article = next(p for p in pages if p.startswith("/articles/"))
    with chromium_page(*LAPTOP) as page:
        page.goto(desk + article)
        highlights = page.locator("#article-text .hl[data-items]")
        assert highlights.count() > 1
        assert highlights.first.get_attribute("tabindex") == "0"
        highlights.first.focus()
        page.keyboard.press("ArrowRight")
        assert highlights.nth(1).evaluate("e => e === document.activeElement")
        page.keyboard.press("Enter")
        assert page.locator("#evidence-body .ev-item").count() >= 1


def test_drawer_is_a_full_screen_sheet_on_a_phone_and_beside_the_content_on_a_laptop(
        desk: str, pages) -> None:
    with chromium_page(*PHONE) as page:
        page.goto(desk + story_path(pages))
        page.locator("#digest .fact").first.click()
        page.wait_for_timeout(300)  # the slide-in transition
        box = page.locator("#evidence-panel").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0] + 0.5
        assert box["width"] >= PHONE[0] - 1
    with chromium_page(*LAPTOP) as page:
        page.goto(desk + story_path(pages))
        page.locator("#digest .fact").first.click()
        page.wait_for_timeout(300)  # the slide-in transition
        drawer = page.locator("#evidence-panel").bounding_box()
        right_column = page.locator("#map").bounding_box()
        assert drawer and right_column
        assert right_column["x"] + right_column["width"] <= drawer["x"] + 1, \
            "the open drawer must not cover the map, graph and stances"
