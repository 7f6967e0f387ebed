"""The code keeps its shape: extractor chains are checked when built, and SQL stays in store/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dossier import registry
from dossier.config import Settings
from dossier.extract import ExtractorFailed, extract, extractors_for
from dossier.extract.facts import ArticleFacts
from dossier.models import Article

PACKAGE = Path(__file__).resolve().parents[1] / "dossier"
SQL_CALL = re.compile(r"\.(?:execute|executemany|executescript)\(")
# Modules outside store/ that still run SQL (issue 9 moved them all into store/). A module
# that is not listed here and runs SQL fails the test; a listed one that stopped does too.
STILL_RUNNING_SQL: set[str] = set()
# Module-level numbers outside dossier/config.py (and the lexicon's data). Every tuned number
# lives in ``Settings``; what stays a module constant is a format, an I/O size, a protocol
# value or a drawing size, named here with the reason. A new module-level number fails the
# test until it is either moved into Settings or listed here; a listed one that went away
# fails it too, so the list stays the truth.
NOT_SETTINGS = {
    "cli/app.py:EXIT_REFUSED": "exit status, part of the command's interface",
    "cli/app.py:EXIT_USAGE": "exit status",
    "cli/app.py:EXIT_FAILED": "exit status",
    "cli/ingest.py:TOP_OUTLETS": "lines of the ingest summary printed",
    "ingest/__init__.py:SNIFF_BYTES": "bytes read to sniff a format",
    "ingest/gzipped.py:READ_CHUNK": "I/O chunk size",
    "ingest/jsonl.py:READ_CHUNK": "I/O chunk size",
    "ingest/source.py:HASH_CHUNK": "I/O chunk size",
    "ingest/source.py:MAX_REASON_CHARS": "length of an error message",
    "ingest/text.py:MAX_HEADER_LINES": "format: the header block of our .txt convention",
    "store/desk.py:CHUNK": "SQLite parameters per query",
    "store/formats.py:PARQUET_ROW_GROUP": "file format row-group size",
    "stories/dedup.py:MINHASH_SEED": "format: stored signatures depend on it",
    "web/api.py:MAX_SPANS": "request size bound",
    "web/clutter.py:BLOCK_GAP": "text layout: one line break",
    "web/data/facts.py:EVERY": "'no limit' sentinel",
    "web/data/stories.py:EVERY": "'no limit' sentinel",
    "web/deps.py:MAX_LIMIT": "request size bound",
    "web/deps.py:MAX_OFFSET": "request size bound",
    "web/evidence.py:MAX_SENTENCE_CHARS": "display length",
    "web/fetch.py:MAX_REDIRECTS": "protocol bound",
    "web/fetch.py:READ_TIMEOUT": "protocol bound under Settings.fetch_seconds",
    "web/geo.py:MARGIN": "drawing",
    "web/geo.py:MIN_SPAN": "drawing",
    "web/geo.py:MAX_LABELS": "drawing",
    "web/geo.py:CORE_MENTION_SHARE": "drawing: how far the map zooms out",
    "web/geo.py:MAP_PIXELS": "drawing",
    "web/graph.py:MAX_NODES": "drawing",
    "web/graph.py:EDGE": "drawing",
    "web/graph.py:SOLO": "drawing",
    "web/graph.py:NODE_GAP": "drawing",
    "web/ingest_routes.py:MAX_FILES": "request size bound",
    "web/ingest_routes.py:CHUNK": "I/O chunk size",
    "web/ingest_routes.py:FORM_OVERHEAD": "request size bound",
    "web/jobs.py:MAX_JOBS_KEPT": "memory bound of the job list",
    "web/pages.py:EVERYTHING": "'no limit' sentinel",
    "web/pages.py:MATRIX_SIDE": "drawing",
    "web/render.py:OUTLET_COLORS": "drawing: colours in the stylesheet",
}


def test_an_extractor_placed_before_what_it_requires_is_refused_with_the_missing_name() -> None:
    with pytest.raises(ValueError, match="'quotes' needs 'actors'"):
        extractors_for(("quotes", "actors"))


def test_an_extractor_returning_a_record_it_does_not_assign_fails_naming_the_type(
        nlp, monkeypatch) -> None:
    from dossier.extract.timex import Timex

    def returns_strings(ctx: registry.ArticleContext) -> list:
        return ["Tuesday"]

    monkeypatch.setitem(registry.EXTRACTORS, "sloppy", registry.Extractor(
        name="sloppy", run=returns_strings, assigns=(Timex,)))
    text = "Police detained two drivers on Tuesday."
    article = Article(id="a", source_path="a.txt", text=text, published="2024-03-20")
    with pytest.raises(ExtractorFailed) as failed:
        extract(article, nlp(text), Settings(extractors=("sloppy",)))
    assert failed.value.name == "sloppy"
    assert "returned str records; it assigns Timex" in str(failed.value.__cause__)


def test_an_extractor_that_does_not_say_what_it_assigns_is_refused(monkeypatch) -> None:
    monkeypatch.setitem(registry.EXTRACTORS, "silent", registry.Extractor(
        name="silent", run=lambda ctx: [], assigns=()))
    with pytest.raises(ValueError, match="'silent' does not say what it assigns"):
        extractors_for(("actors", "silent"))


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

# Module-level collections of lower-case words outside dossier/lexicon/: what stays is not
# vocabulary (spaCy dependency labels, HTML tags, our own kind and format names), or is
# another helper's this round. A new word list outside the lexicon fails the test.
NOT_LEXICON = {
    "clean/flatten.py:INVISIBLE_TAGS": "HTML tags",
    "extract/event_actors.py:MODIFIER_DEPS": "spaCy dependency labels",
    "extract/event_clauses.py:OBJECT_DEPS": "spaCy dependency labels",
    "extract/coref.py:COLLECTIVE_KINDS": "our actor kinds",
    "extract/speakers.py:_CIVIL_KINDS": "our actor kinds",
    "extract/speakers.py:_ORGANISATION_KINDS": "our actor kinds",
    "stories/corroboration.py:ACTOR_FAMILIES": "our actor kinds",
    "stories/corroboration.py:CASUALTY_KINDS": "our casualty kinds",
    "ingest/__init__.py:READERS": "input format names",
    "store/formats.py:WRITERS": "output format names",
    "web/jobs.py:FINISHED": "job states",
    "cli/__init__.py:COMMAND_MODULES": "our command and module names",
}
WORD = re.compile(r"^[a-z][a-z'’ .-]*$")


def _word_lists(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        value = node.value
        if isinstance(value, ast.Call) and value.args and getattr(value.func, "id", "") in (
                "frozenset", "set", "tuple"):
            value = value.args[0]
        items = (value.elts if isinstance(value, ast.Set | ast.Tuple | ast.List)
                 else [k for k in value.keys if k is not None] if isinstance(value, ast.Dict)
                 else [])
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        if len(items) >= 3 and isinstance(target, ast.Name) and all(
                isinstance(i, ast.Constant) and isinstance(i.value, str) and WORD.match(i.value)
                for i in items):
            names.append(target.id)
    return names


def test_word_lists_live_in_the_lexicon() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "lexicon"
        for name in _word_lists(path)
    }
    assert found - NOT_LEXICON.keys() == set(), "a word list: put it in dossier/lexicon/"
    assert NOT_LEXICON.keys() - found == set(), "gone from the code: drop it from the list"


def _is_number(node: ast.expr) -> bool:
    """A numeric literal, or arithmetic of them (``20 * 1024``, ``-8``, ``1 << 16``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _is_number(node.operand)
    if isinstance(node, ast.BinOp):
        return _is_number(node.left) and _is_number(node.right)
    return False


def _module_numbers(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and _is_number(node.value):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif (isinstance(node, ast.AnnAssign) and node.value is not None
              and _is_number(node.value) and isinstance(node.target, ast.Name)):
            names.append(node.target.id)
    return names


def test_tuned_numbers_live_in_settings_not_in_module_constants() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("config.py", "lexicon")
        for name in _module_numbers(path)
    }
    assert found - NOT_SETTINGS.keys() == set(), "a module-level number: put it in Settings"
    assert NOT_SETTINGS.keys() - found == set(), "gone from the code: drop it from the list"


def test_the_cleaner_reads_its_bounds_from_the_settings_it_is_given() -> None:
    # A caption-sized line at the default bound is removed; with a lower bound it is prose.
    from dataclasses import replace

    from dossier.clean.text_clutter import remove_clutter

    share = "Share this article on Facebook and Twitter with your friends today please"
    text = (f"The council met on Monday and agreed the new budget for the coming year.\n\n"
            f"{share}\n\nThe mayor said the vote had been close but fair to every district.")
    default = Settings().clean
    assert [b.reason for b in remove_clutter(text, default).removed] == ["share"]
    strict = replace(default, max_words_share=5)
    assert share in remove_clutter(text, strict).text


def test_the_export_and_the_api_read_one_record_per_fact() -> None:
    from dossier.store.records import EVENT_COLUMNS, EventFields, EventRecord
    from dossier.web.schemas import EventOut

    assert set(EVENT_COLUMNS) == set(EventRecord.model_fields)  # every field is exported
    shared = set(EventFields.model_fields)
    assert shared <= set(EventOut.model_fields) and shared <= set(EventRecord.model_fields)


@pytest.mark.parametrize("fact", ["place", "actor", "story", "digest sentence"])
def test_the_api_and_the_export_share_each_facts_fields(fact: str) -> None:
    from dossier.store import records
    from dossier.web import schemas

    shared, api, export = {
        "place": (records.PlaceFields, schemas.PlaceOut, records.PlaceRecord),
        "actor": (records.ActorFields, schemas.ActorOut, records.ActorRecord),
        "story": (records.StoryFields, schemas.StoryOut, records.StoryRecord),
        "digest sentence": (records.DigestFields, schemas.DigestSentenceOut,
                            records.DigestItemRecord),
    }[fact]
    assert issubclass(api, shared) and issubclass(export, shared)
    # A field both carry is the shared one: same type, same meaning (its description).
    # The one exception: the API's ids are strings (they are path segments), the actor
    # export's id the store's integer.
    apart = {"id"} if fact == "actor" else set()
    for name in set(api.model_fields) & set(export.model_fields) - apart:
        assert name in shared.model_fields, name
    columns = getattr(export, "columns", ()) or tuple(export.model_fields)
    assert sorted(columns) == sorted(export.model_fields)  # every field is exported
