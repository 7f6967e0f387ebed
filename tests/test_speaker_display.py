"""Wherever a speaker is shown it is the resolved actor, never a bare pronoun.

Two articles written for these tests go through the configured extractors into a real
store; the quotes CLI, the export, the timeline and the desk's quote records are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier.cli.events  # noqa: F401 - registers its commands
import dossier.cli.quotes  # noqa: F401
from dossier.cli.app import app
from dossier.config import Settings
from dossier.extract import extract
from dossier.extract.speakers import display_name
from dossier.models import Article
from dossier.store.db import connect
from dossier.store.facts import save_facts
from dossier.store.quotes import export_quotes, list_quotes
from dossier.store.timeline import timeline

ARTICLES = {
    "dam": ("2024-04-02",
            "Governor Tomas Reyes opened the new dam at Velm on Monday.\n\n"
            "\"We will not stop at one dam. The valley needs three,\" he said."),
    "road": ("2024-04-03",
             "\"The coast road will close for a month of repairs,\" he said."),
}
runner = CliRunner()


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("speakers") / "d.db"
    conn = connect(path)
    settings = Settings()
    for article_id, (published, text) in ARTICLES.items():
        conn.execute("INSERT INTO articles (id, source_path, text, published) VALUES (?,?,?,?)",
                     (article_id, f"{article_id}.txt", text, published))
        article = Article(article_id, f"{article_id}.txt", text, published=published)
        save_facts(conn, article_id, extract(article, nlp(text), settings))
    conn.commit()
    conn.close()
    return path


def test_bare_pronouns_and_stand_ins_are_not_names():
    for surface in ("he", "She", "it", "they", "I", "unknown"):
        assert display_name(surface, None) is None, surface
    assert display_name("he", "Tomas Reyes") == "Tomas Reyes"
    assert display_name("the treasurer", None) == "the treasurer"


def test_quote_rows_name_the_resolved_actor_and_keep_the_pronoun_as_evidence(db):
    conn = connect(db)
    dam = [q for q in list_quotes(conn, article_id="dam") if "one dam" in q["content"]]
    road = list_quotes(conn, article_id="road")
    conn.close()
    assert dam and dam[0]["speaker_name"] == "Tomas Reyes"
    assert dam[0]["speaker"] == "he"  # the article's word, at its span
    text = ARTICLES["dam"][1]
    assert text[dam[0]["speaker_start"]:dam[0]["speaker_end"]] == "he"
    assert road and road[0]["speaker_name"] is None  # nobody is named: no name shown


def test_quotes_command_never_prints_a_pronoun_as_the_speaker(db):
    result = runner.invoke(app, ["quotes", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if line.startswith("2024")]
    assert any(h.split("  ")[1].startswith('Tomas Reyes ("he")') for h in heads), heads
    assert any("(speaker unknown)" in h for h in heads), heads
    assert not any(h.split("  ")[1].startswith("he") for h in heads), heads


def test_export_and_timeline_carry_the_resolved_name(db):
    conn = connect(db)
    exported = {r["content"]: r for r in export_quotes(conn)}
    rows = timeline(conn, with_statements=True,
                    statement_window=Settings().statement_date_window)
    said = [r for r in rows if r["kind"] == "statement"]
    conn.close()
    dam = next(r for c, r in exported.items() if "one dam" in c)
    assert dam["speaker"] == "Tomas Reyes" and dam["speaker_surface"] == "he"
    assert dam["speaker_span"] is not None
    by_content = {r["content"]: r["source_actor"] for r in said}
    assert any(v == "Tomas Reyes" for c, v in by_content.items() if "one dam" in c)
    assert all(v is None for c, v in by_content.items() if "coast road" in c)


def test_a_surname_the_ner_missed_resolves_to_the_one_person_carrying_it(nlp):
    from dossier.extract.actor_records import ArticleActor
    from dossier.extract.speakers import SpeakerResolver

    doc = nlp("Alder said the plant would stay open.")
    alder = ArticleActor(key="person:ben alder", name="Ben Alder", kind="person")
    ruth = ArticleActor(key="person:ruth alder", name="Ruth Alder", kind="person")
    assert SpeakerResolver(doc, [], [alder]).speaker_span(doc[0])[3] == "person:ben alder"
    # Two people share the surname: the speaker stays unresolved rather than guessed.
    assert SpeakerResolver(doc, [], [alder, ruth]).speaker_span(doc[0])[3] is None


def test_dossier_export_quotes_writes_the_records_the_api_shows(db):
    import json

    import dossier.cli.export  # noqa: F401 - registers the command
    from dossier.store.records import QuoteRecord
    from dossier.web.schemas import EvidenceOut, QuoteOut

    result = runner.invoke(app, ["export", "--what", "quotes", "--db", str(db)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and all(list(r) == list(QuoteRecord.model_fields) for r in rows)
    dam = next(r for r in rows if "one dam" in (r["content"] or ""))
    start, end = dam["content_span"]
    evidence = EvidenceOut(article_id="dam", start=start, end=end, text=dam["content"],
                           sentence=dam["content"], sentence_start=start, href="/articles/dam")
    shown = QuoteOut.of(QuoteRecord(**dam), evidence)
    assert (shown.speaker, shown.speaker_surface) == ("Tomas Reyes", "he")


def test_quotes_json_means_by_speaker_what_the_export_and_the_api_mean(db):
    import json

    result = runner.invoke(app, ["quotes", "--db", str(db), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    dam = next(r for r in rows if "one dam" in r["content"])
    assert (dam["speaker"], dam["speaker_surface"]) == ("Tomas Reyes", "he")
    road = next(r for r in rows if r["article_id"] == "road")
    assert road["speaker"] is None  # nobody is named: no name, in JSON too
