"""The cleaner against the answer key of our own sample corpus (examples/answers.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.clean import clean_article
from dossier.config import Settings
from dossier.ingest import read_paths
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEY = json.loads((EXAMPLES / "answers.json").read_text(encoding="utf-8"))["articles"]
# Needs the corpus step: this article never spells its outlet, others do (stories/outlet_names.py).
OUTLET_FROM_CORPUS = {"C3"}


def raw_for(entry: dict) -> RawArticle:
    raws = [
        r for r in read_paths([EXAMPLES / entry["path"]], 20_000_000)
        if isinstance(r, RawArticle)
    ]
    if "position" in entry:
        raws = [r for r in raws if r.locator.split()[-1] == str(entry["position"])]
    assert len(raws) == 1
    return raws[0]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, object]:
    return {entry["key"]: clean_article(raw_for(entry), SETTINGS) for entry in KEY}


@pytest.mark.parametrize("entry", KEY, ids=[e["key"] for e in KEY])
def test_body_runs_from_the_keyed_start_to_the_keyed_end(cleaned, entry):
    text = cleaned[entry["key"]].text
    assert text.startswith(entry["body_starts"])
    assert text.endswith(entry["body_ends"])
    for kept in entry["keeps"]:
        assert (kept if isinstance(kept, str) else kept["text"]) in text


@pytest.mark.parametrize("entry", KEY, ids=[e["key"] for e in KEY])
def test_keyed_clutter_is_dropped_with_its_reason(cleaned, entry):
    article = cleaned[entry["key"]]
    for drop in entry["drops"]:
        snippet = drop if isinstance(drop, str) else drop["text"]
        assert snippet not in article.text
        if isinstance(drop, dict):
            assert drop["reason"] in [b.reason for b in article.removed if snippet in b.text]


@pytest.mark.parametrize("entry", KEY, ids=[e["key"] for e in KEY])
def test_metadata_matches_the_key(cleaned, entry):
    article = cleaned[entry["key"]]
    assert article.title == entry["title"]
    assert article.byline == entry["byline"]
    assert (article.published or "")[:10] == entry["published"]  # a stated time is kept
    assert article.published_source == entry["published_from"]
    if entry["key"] not in OUTLET_FROM_CORPUS:
        assert article.outlet == entry["outlet"]
    # The key writes the dateline as printed; we record the place ("MOMBASA" → "Mombasa").
    assert article.dateline.casefold() == entry["dateline"].casefold()
