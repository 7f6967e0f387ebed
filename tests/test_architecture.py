"""The code keeps its shape: extractor chains are checked when built, and SQL stays in store/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.extract import extract, extractors_for
from dossier.extract.facts import ArticleFacts
from dossier.models import Article

PACKAGE = Path(__file__).resolve().parents[1] / "dossier"
SQL_CALL = re.compile(r"\.(?:execute|executemany|executescript)\(")
# Modules outside store/ that still run SQL (issue 9 moved them all into store/). A module
# that is not listed here and runs SQL fails the test; a listed one that stopped does too.
STILL_RUNNING_SQL: set[str] = set()


def test_an_extractor_placed_before_what_it_requires_is_refused_with_the_missing_name() -> None:
    with pytest.raises(ValueError, match="'quotes' needs 'actors'"):
        extractors_for(("quotes", "actors"))


def test_the_chain_runs_in_configured_order_and_returns_each_extractors_records(nlp) -> None:
    text = "LUSAKA, Zambia — Police detained two drivers on Tuesday, the minister said."
    article = Article(id="a", source_path="a.txt", text=text, published="2024-03-20")
    facts = extract(article, nlp(text), Settings(extractors=("actors", "timex", "places")))
    assert list(facts) == ["actors", "timex", "places"]
    assert [t.text for t in facts["timex"]] == ["Tuesday"]
    assert "Lusaka" in {p.name for p in facts["places"]}


def test_only_the_store_runs_sql() -> None:
    running = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.relative_to(PACKAGE).parts[:1]
        and SQL_CALL.search(path.read_text(encoding="utf-8"))
    }
    assert running == STILL_RUNNING_SQL


def test_every_fact_of_an_article_carries_evidence_inside_its_text(nlp) -> None:
    text = ("NIAMEY, Niger — Soldiers detained President Mohamed Bazoum on Wednesday, the "
            "army said.\n\n\"We will not give up,\" Bazoum told reporters in Niamey.\n\n"
            "The African Union condemned the coup and demanded his release on Thursday.")
    article = Article(id="ev", source_path="ev.txt", text=text, published="2023-07-28")
    facts = ArticleFacts.of(article.id, extract(article, nlp(text), Settings()))
    kinds = {kind for kind, _ in facts.evidence()}
    assert {"mention", "actor", "quote", "timex", "place", "event", "story unit"} <= kinds
    for kind, evidence in facts.evidence():
        assert evidence.article_id == "ev"
        assert 0 <= evidence.start < evidence.end <= len(text), (kind, evidence)
        assert text[evidence.start : evidence.end].strip(), (kind, evidence)
