"""Ingesting the bundled corpus examples/ gives what its answer key says, article by article.

This is the newcomer's first run (scripts/demo.sh ingests the same folder), so every
article must arrive, none may be refused, and each must carry the outlet, date and
title a reader of the page would give it. Extractors are switched off: this checks
reading and cleaning, which is what the key's metadata and kept/dropped text describe.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.pipeline import IngestReport, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ANSWERS = json.loads((EXAMPLES / "answers.json").read_text(encoding="utf-8"))
CAPTION_REASONS = {"photo-caption", "photo-credit"}
WORDS = re.compile(r"\w+")


def locator(entry: dict) -> str:
    """The locator the readers give a record inside a multi-article file."""
    if "position" not in entry:
        return ""
    return f"{'line' if entry['format'] == 'jsonl' else 'item'} {entry['position']}"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[IngestReport, dict[str, dict]]:
    """One ingest of examples/ for the whole module; articles keyed by answer-key key."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    report = ingest([EXAMPLES], Settings(db_path=db, extractors=()))
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {
        (Path(r["source_path"]).name, r["locator"]): dict(r)
        for r in conn.execute("SELECT * FROM articles")
    }
    conn.close()
    by_key = {a["key"]: rows.get((a["path"], locator(a))) for a in ANSWERS["articles"]}
    return report, by_key


def test_every_example_article_is_stored_and_nothing_is_refused(ingested):
    report, by_key = ingested
    assert [str(e) for e in report.errors] == []
    assert report.new == len(ANSWERS["articles"])
    assert [key for key, row in by_key.items() if row is None] == []
    assert sorted(Path(p).name for p in report.files_ignored) == ["ANSWERS.md", "answers.json"]


def test_every_article_gets_the_publication_date_of_the_key(ingested):
    _, by_key = ingested
    wrong = {
        a["key"]: by_key[a["key"]]["published"]
        for a in ANSWERS["articles"]
        if not (by_key[a["key"]]["published"] or "").startswith(a["published"])
    }
    assert wrong == {}


def test_every_article_gets_the_title_of_the_key(ingested):
    _, by_key = ingested
    wrong = {a["key"]: by_key[a["key"]]["title"] for a in ANSWERS["articles"]
             if by_key[a["key"]]["title"] != a["title"]}
    assert wrong == {}


def test_outlet_named_by_header_page_or_record_is_kept_as_written(ingested):
    _, by_key = ingested
    wrong = {
        a["key"]: by_key[a["key"]]["outlet"]
        for a in ANSWERS["articles"]
        if a["outlet_from"] in {"header", "html-meta", "jsonl"}
        and by_key[a["key"]]["outlet"] != a["outlet"]
    }
    assert wrong == {}


def test_outlet_named_only_by_footer_domain_or_feed_channel_is_the_outlets_name(ingested):
    _, by_key = ingested
    wrong = {
        a["key"]: by_key[a["key"]]["outlet"]
        for a in ANSWERS["articles"]
        if a["outlet_from"] in {"source-footer", "rss"}
        and by_key[a["key"]]["outlet"] != a["outlet"]
    }
    assert wrong == {}


def test_clean_text_keeps_the_whole_news_body_and_its_quotes(ingested):
    _, by_key = ingested
    missing = []
    for entry in ANSWERS["articles"]:
        text = by_key[entry["key"]]["text"]
        quotes = [q["text"] for q in ANSWERS["quotes"] if q["article"] == entry["key"]]
        for snippet in [entry["body_starts"], entry["body_ends"], *entry["keeps"], *quotes]:
            if snippet not in text:
                missing.append((entry["key"], snippet))
    assert missing == []


def test_escaped_script_in_article_text_survives_as_text(ingested):
    _, by_key = ingested
    (carrier,) = [a for a in ANSWERS["articles"] if any("<script>" in k for k in a["keeps"])]
    assert "<script>alert(1)</script>" in by_key[carrier["key"]]["text"]


def test_teasers_footers_reporter_lines_and_page_chrome_are_dropped(ingested):
    _, by_key = ingested
    left = [
        (a["key"], d["text"])
        for a in ANSWERS["articles"]
        for d in a["drops"]
        if d["reason"] not in CAPTION_REASONS and d["text"] in by_key[a["key"]]["text"]
    ]
    assert left == []


def test_photo_captions_and_credit_lines_are_dropped(ingested):
    _, by_key = ingested
    left = [
        (a["key"], d["text"])
        for a in ANSWERS["articles"]
        for d in a["drops"]
        if d["reason"] in CAPTION_REASONS and d["text"] in by_key[a["key"]]["text"]
    ]
    assert left == []


def test_syndicated_copies_keep_the_agency_text_word_for_word(ingested):
    """Dedup can only link copies if cleaning leaves the shared paragraphs identical."""
    _, by_key = ingested
    for group in ANSWERS["syndication"]:
        # The dateline paragraph differs in copies ("MOMBASA, Kenya (Meridian Wire) —").
        paragraphs = [normalized(p) for p in by_key[group["original"]]["text"].split("\n")[1:]]
        for key in group["copies"]:
            copy = normalized(by_key[key]["text"])
            assert [p for p in paragraphs if p not in copy] == [], key


def normalized(text: str) -> str:
    return " ".join(WORDS.findall(text))
