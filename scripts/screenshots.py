"""Screenshots of the desk (home, story, evidence, article, actor, an ingest job; story on a
phone) into docs/.

Ingests the sample corpus (examples/) into a fresh store unless --db names one, serves
it on a free 127.0.0.1 port and photographs each page with Debian's headless chromium.

    python scripts/screenshots.py [--db demo.db] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the browser helpers the tests use

from browser_server import chromium_page, running_desk  # noqa: E402

from dossier.config import Settings  # noqa: E402

WIDTH, MAX_HEIGHT = 1360, 1700
PHONE = (390, 844)


def pick_story(page, base: str) -> str | None:
    """The story with the most articles (the richest page)."""
    page.goto(base + "/api/stories?limit=500")
    stories = page.evaluate("() => JSON.parse(document.body.innerText).items")
    if not stories:
        return None
    return max(stories, key=lambda s: (s["n_articles"], len(s["outlets"])))["id"]


def shoot(base: str, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with chromium_page(width=WIDTH, height=900) as page:
        def save(name: str, full: bool = True) -> None:
            """The page from the top, down to MAX_HEIGHT px (a README picture, not an archive)."""
            path = out / f"{name}.png"
            height = page.evaluate("() => document.documentElement.scrollHeight") if full else 900
            clip = {"x": 0, "y": 0, "width": WIDTH, "height": min(height, MAX_HEIGHT)}
            page.screenshot(path=str(path), full_page=full, clip=clip)
            shots.append(path)

        page.goto(base + "/")
        save("home")
        story = pick_story(page, base)
        if story:
            page.goto(f"{base}/stories/{story}")
            save("story")
            event = page.locator("#timeline li.k-event").first
            if event.count():  # the evidence drawer, opened from a timeline event
                event.scroll_into_view_if_needed()
                event.click()
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / "story-evidence.png"))
                shots.append(out / "story-evidence.png")
        page.goto(base + "/api/actors?limit=1")
        actors = page.evaluate("() => JSON.parse(document.body.innerText).items")
        if actors:
            page.goto(f"{base}/actors/{actors[0]['id']}")
            save("actor")
        page.goto(base + "/api/events?limit=1")
        events = page.evaluate("() => JSON.parse(document.body.innerText).items")
        target = events[0]["evidence"]["href"] if events else None
        if target is None:
            page.goto(base + "/api/articles?limit=1")
            items = page.evaluate("() => JSON.parse(document.body.innerText).items")
            target = f"/articles/{items[0]['id']}" if items else None
        if target:
            page.goto(base + target)
            page.wait_for_timeout(200)
            page.evaluate("() => window.scrollTo(0, 0)")  # the heading and legend in view too
            save("article", full=False)
        shots.append(ingest_job(page, base, out))
    if story:  # the same story on a 390 px phone, and its evidence as a full-screen sheet
        with chromium_page(width=PHONE[0], height=PHONE[1]) as phone:
            phone.goto(f"{base}/stories/{story}")
            phone.screenshot(path=str(out / "phone-story.png"))
            phone.locator("#digest .fact").first.click()
            phone.wait_for_timeout(300)
            phone.screenshot(path=str(out / "phone-evidence.png"))
            shots += [out / "phone-story.png", out / "phone-evidence.png"]
    return shots


JOB_TEXT = (" date 2025-03-10 \ntitle Harbour pilots join the port strike\nsource Quay Times\n\n"
            "PORT ELMA — Harbour pilots joined the dockworkers' strike on Monday, their "
            "association said, leaving four ships waiting outside the breakwater.\n")


def ingest_job(page, base: str, out: Path) -> Path:
    """An ingest job that shows each outcome: a new article, a copy of a stored one, and a
    photo dropped by mistake (refused as binary); the texts are ours, the copy is one of
    the sample corpus's own files."""
    with tempfile.TemporaryDirectory() as tmp:
        new, photo = Path(tmp) / "pilots.txt", Path(tmp) / "photo.png"
        new.write_text(JOB_TEXT, encoding="utf-8")
        photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
        copy = sorted((REPO / "examples").glob("*.txt"))[0]
        page.goto(base + "/ingest")
        page.set_input_files("#files", [str(new), str(copy), str(photo)])
        page.click("#ingest-submit")
        page.locator("#job-status.done").wait_for(timeout=120_000)
    path = out / "ingest-job.png"
    page.screenshot(path=str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: ingest examples/)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from dossier.pipeline import ingest

            db = Path(tmp) / "examples.db"
            ingest([REPO / "examples"], replace(Settings(), db_path=db))
        with running_desk(replace(Settings(), db_path=db)) as base:
            for path in shoot(base, args.out):
                print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
