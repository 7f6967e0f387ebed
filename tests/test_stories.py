"""Stories on the sample corpus examples/: clustering, syndicated copies, digest,
contradictions, stances, --since and the stories export, checked against the answer
key examples/answers.json.

The corpus is ingested once for the module, in three batches, the way news arrives:
everything up to 2025-03-07, then the 2025-03-08 agency feed, then one article we
write here about something else. Between the first two batches every story's digest
is asked for, so ``--since last`` has a last time to start from.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier.cli.export  # noqa: F401 - registers `dossier export`
import dossier.cli.stories  # noqa: F401 - registers `dossier digest`
from dossier.cli.app import app
from dossier.config import Settings
from dossier.extract.text import is_truncated, name_key, quotes_balanced
from dossier.pipeline import ingest
from dossier.store import connect
from dossier.store import stories as store
from dossier.stories import views

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEY = json.loads((EXAMPLES / "answers.json").read_text(encoding="utf-8"))
LATE_FEED = "2025-03-08_meridian-wire_feed.jsonl"
WORD = re.compile(r"[a-z]+")
STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "that", "said", "was",
        "were", "has", "had", "have", "be", "been", "by", "for", "with", "from", "its", "it",
        "is", "are", "as", "his", "her", "their", "who", "which", "would", "will", "after"}
# Two digest sentences sharing this much of their content words say the same thing.
SAME_THING = 0.7
# An unrelated story, written for this test, that arrives last.
FERRY = (" date 2025-03-09 \nsource Velland Post\n\n"
         "GLENMOOR, Velland — The harbour authority of Glenmoor said on Sunday that the "
         "ferry to Ashford Bay would resume sailing next week after storm repairs to the "
         "quay.\n\n\"We expect forty crossings in the first week,\" harbour master Ines "
         "Calder told reporters.\n\nThe route carried 1,200 passengers a day before the "
         "storm closed it in January.\n")
STORY_TABLES = ("stories", "story_articles", "article_copies", "story_term_df",
                "story_sentences", "stance_cues", "article_minhash")


def locator(entry: dict) -> str:
    if "position" not in entry:
        return ""
    return f"{'line' if entry['format'] == 'jsonl' else 'item'} {entry['position']}"


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in STORY_TABLES}


@dataclass
class Corpus:
    db: Path
    conn: sqlite3.Connection
    ids: dict[str, str]  # answer-key key → article id
    story_after_first: dict[str, str]  # article id → story id after the first batch
    stories_before_ferry: dict[str, tuple]
    ferry_id: str
    second_batch: set[str]
    stories_before_reingest: dict[str, list[tuple]]
    reingest_new: int

    def key_of(self, article_id: str) -> str | None:
        return next((k for k, v in self.ids.items() if v == article_id), None)

    def story(self, letter: str) -> str:
        first = next(a["key"] for a in KEY["articles"] if a["story"] == letter)
        return self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                 (self.ids[first],)).fetchone()[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    tmp = tmp_path_factory.mktemp("stories")
    db = tmp / "stories.db"
    settings = Settings(db_path=db)
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".xml"})
    ingest(files, settings)
    conn = connect(db)
    story_after_first = dict(conn.execute("SELECT article_id, story_id FROM story_articles"))
    # The digest is asked for once every story exists, and the feed follows at once.
    for story_id in set(story_after_first.values()):
        views.story_digest(conn, story_id, Settings(), remember=True)
    before = set(story_after_first)
    ingest([EXAMPLES / LATE_FEED], settings)
    second_batch = {r[0] for r in conn.execute("SELECT id FROM articles")} - before
    stories_before_ferry = {r[0]: tuple(r) for r in conn.execute("SELECT * FROM stories")}
    ferry = tmp / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    ingest([ferry], settings)
    ferry_id = conn.execute("SELECT id FROM articles WHERE source_path = ?",
                            (str(ferry),)).fetchone()[0]
    rows = {(Path(r["source_path"]).name, r["locator"] or ""): r["id"]
            for r in conn.execute("SELECT id, source_path, locator FROM articles")}
    ids = {a["key"]: rows[(a["path"], locator(a))] for a in KEY["articles"]}
    stories_before_reingest = snapshot(conn)
    again = ingest([EXAMPLES], settings)
    return Corpus(db, conn, ids, story_after_first, stories_before_ferry, ferry_id,
                  second_batch, stories_before_reingest, again.new)


def content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if w not in STOP and len(w) > 2}


def digests(corpus: Corpus, **kwargs) -> dict[str, dict]:
    return {letter: views.story_digest(corpus.conn, corpus.story(letter), Settings(), **kwargs)
            for letter in KEY["stories"]}


# --- clustering ---------------------------------------------------------------------------


def test_articles_cluster_into_the_stories_of_the_key(corpus: Corpus) -> None:
    found: dict[str, set[str]] = {}
    for key, article_id in corpus.ids.items():
        story_id = corpus.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                       (article_id,)).fetchone()[0]
        found.setdefault(story_id, set()).add(key)
    expected = {}
    for article in KEY["articles"]:
        expected.setdefault(article["story"], set()).add(article["key"])
    assert sorted(map(sorted, found.values())) == sorted(map(sorted, expected.values()))


def test_two_stories_about_the_same_country_stay_apart(corpus: Corpus) -> None:
    for first, second in KEY["separate_stories_same_country"]:
        assert corpus.story(first) != corpus.story(second)


def test_a_story_is_titled_by_its_latest_key_development(corpus: Corpus) -> None:
    # The strike story's last report is the suspension: that is the news now, not the
    # clash three copies of one agency report made the most typical article.
    latest = max((a for a in KEY["articles"] if a["story"] == "A"),
                 key=lambda a: a["published"])
    assert store.get_story(corpus.conn, corpus.story("A"))["title"] == latest["title"]


def test_story_title_and_days_are_derived_from_its_articles(corpus: Corpus) -> None:
    for letter, expected in KEY["stories"].items():
        story = store.get_story(corpus.conn, corpus.story(letter))
        titles = {a["title"] for a in KEY["articles"] if a["story"] == letter}
        assert story["title"] in titles
        assert (story["first_seen"], story["last_seen"]) == (expected["first_day"],
                                                             expected["last_day"])


def test_a_story_keeps_its_id_when_a_later_day_adds_articles(corpus: Corpus) -> None:
    late = {a["key"] for a in KEY["articles"] if a["path"] == LATE_FEED}
    assert {corpus.key_of(a) for a in corpus.second_batch} == late
    for letter in KEY["stories"]:
        earlier = {corpus.story_after_first[corpus.ids[a["key"]]]
                   for a in KEY["articles"] if a["story"] == letter and a["key"] not in late}
        assert earlier == {corpus.story(letter)}


def test_a_new_unrelated_article_starts_a_story_and_touches_no_other(corpus: Corpus) -> None:
    home = store.stories_of_article(corpus.conn, corpus.ferry_id)
    assert len(home) == 1 and home[0] not in corpus.stories_before_ferry
    after = {r[0]: tuple(r) for r in corpus.conn.execute("SELECT * FROM stories")}
    assert {k: after[k] for k in corpus.stories_before_ferry} == corpus.stories_before_ferry


def test_ingesting_the_same_input_again_changes_nothing(corpus: Corpus) -> None:
    assert corpus.reingest_new == 0
    assert snapshot(corpus.conn) == corpus.stories_before_reingest


# --- syndicated copies --------------------------------------------------------------------


def test_syndicated_copies_are_linked_to_their_original(corpus: Corpus) -> None:
    links = {c["article_id"]: c["original_id"] for c in store.copies(corpus.conn)}
    expected = {corpus.ids[copy]: corpus.ids[s["original"]]
                for s in KEY["syndication"] for copy in s["copies"]}
    assert links == expected


def test_a_copy_arriving_in_a_later_batch_is_linked_to_its_stored_original(tmp_path) -> None:
    """The original's signature is read back from the store when its copies arrive."""
    settings = Settings(db_path=tmp_path / "later.db")
    by_key = {a["key"]: a for a in KEY["articles"]}
    for syndication in KEY["syndication"]:
        ingest([EXAMPLES / by_key[syndication["original"]]["path"]], settings)
        ingest([EXAMPLES / by_key[c]["path"] for c in syndication["copies"]], settings)
    conn = connect(settings.db_path)
    assert conn.execute("SELECT source_path, reason FROM ingest_errors").fetchall() == []
    paths = dict(conn.execute("SELECT id, source_path FROM articles"))
    linked = {(Path(paths[c["article_id"]]).name, Path(paths[c["original_id"]]).name)
              for c in store.copies(conn)}
    assert linked == {(by_key[c]["path"], by_key[s["original"]]["path"])
                      for s in KEY["syndication"] for c in s["copies"]}


def test_two_reports_of_one_agency_are_not_copies(corpus: Corpus) -> None:
    links = {c["article_id"]: c["original_id"] for c in store.copies(corpus.conn)}
    for first, second in KEY["not_syndicated_same_agency"]:
        a, b = corpus.ids[first], corpus.ids[second]
        assert links.get(a) != b and links.get(b) != a


def test_a_copy_and_its_original_count_as_one_independent_report(corpus: Corpus) -> None:
    for syndication in KEY["syndication"]:
        group = {corpus.ids[k] for k in [syndication["original"], *syndication["copies"]]}
        story = corpus.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                    (next(iter(group)),)).fetchone()[0]
        statements = views.story_corroboration(corpus.conn, story, Settings())["statements"]
        only_copies = [s for s in statements
                       if len(s["article_ids"]) > 1 and set(s["article_ids"]) <= group]
        assert only_copies, "the agency report's sentences should be found in its copies"
        assert {s["independent_outlets"] for s in only_copies} == {1}
        wider = [s for s in statements if set(s["article_ids"]) & group
                 and set(s["article_ids"]) - group]
        for s in wider:
            others = {a for a in s["article_ids"] if a not in group}
            assert s["independent_outlets"] == len(others) + 1


# --- digest -------------------------------------------------------------------------------


def test_digest_says_nothing_twice(corpus: Corpus) -> None:
    for letter, dig in digests(corpus, words=1000).items():
        texts = [s["text"] for s in dig["sentences"]]
        assert len(texts) == len(set(texts)), letter
        for a, b in combinations(texts, 2):
            wa, wb = content_words(a), content_words(b)
            assert len(wa & wb) / len(wa | wb) < SAME_THING, (letter, a, b)


def test_every_digest_sentence_names_its_outlets_and_points_at_its_text(corpus: Corpus) -> None:
    outlet = dict(corpus.conn.execute("SELECT id, outlet FROM articles"))
    text = dict(corpus.conn.execute("SELECT id, text FROM articles"))
    for dig in digests(corpus, words=1000).values():
        assert dig["sentences"]
        for s in dig["sentences"]:
            assert s["article_ids"] and s["outlets"]
            assert s["outlets"] == list(dict.fromkeys(outlet[a] for a in s["article_ids"]))
            assert {sp["article_id"] for sp in s["spans"]} == set(s["article_ids"])
            lead = s["spans"][0]
            shown = text[lead["article_id"]][lead["start"] : lead["end"]]
            assert shown[1:] == s["text"][1:] and shown[:1].casefold() == s["text"][:1].casefold()
            for span in s["spans"]:
                assert 0 <= span["start"] < span["end"] <= len(text[span["article_id"]])


def test_digest_never_uses_a_truncated_sentence(corpus: Corpus) -> None:
    for dig in digests(corpus, words=1000).values():
        assert [s["text"] for s in dig["sentences"] if is_truncated(s["text"])] == []


def test_quotes_in_the_digest_are_whole_and_keep_their_speaker(corpus: Corpus) -> None:
    checked = 0
    for dig in digests(corpus, words=1000).values():
        for s in dig["sentences"]:
            assert quotes_balanced(s["text"]), s["text"]
            for quote in KEY["quotes"]:
                if quote["kind"] != "indirect" and quote["text"] in s["text"]:
                    said_by = (s["text"] + " " + (s["speaker"] or "")).casefold()
                    surname = quote["speaker"].split()[-1].casefold()
                    pronoun = quote["speaker_by"] == "pronoun"
                    assert surname in said_by or (pronoun and s["speaker"]), (quote, s)
                    checked += 1
    assert checked, "no key quote reached a digest"


def test_digest_reads_in_the_order_events_happened(corpus: Corpus) -> None:
    # A planned act ("will walk off the job from Tuesday") is dated by its announcement.
    dated = [e for e in KEY["events"] if e["date"] and e["mode"] != "future"]
    for letter, dig in digests(corpus, words=1000).items():
        days = []
        for s in dig["sentences"]:
            hits = [e["date"] for e in dated if e["snippet"] in s["text"]
                    and corpus.ids[e["article"]] in s["article_ids"]]
            if hits:
                days.append(min(hits))
        assert len(days) >= 2, letter
        assert days == sorted(days), (letter, days)


@pytest.mark.parametrize("budget", [60, 150])
def test_digest_keeps_to_its_word_budget(corpus: Corpus, budget: int) -> None:
    full = digests(corpus, words=1000)
    for letter, dig in digests(corpus, words=budget).items():
        assert sum(len(s["text"].split()) for s in dig["sentences"]) <= budget, letter
        assert 0 < len(dig["sentences"]) < len(full[letter]["sentences"])


def test_digest_since_a_date_shows_only_what_was_reported_from_then(corpus: Corpus) -> None:
    published = dict(corpus.conn.execute("SELECT id, published FROM articles"))
    for letter, dig in digests(corpus, since="2025-03-08").items():
        assert dig["sentences"], letter
        for s in dig["sentences"]:
            assert all(published[a] >= "2025-03-08" for a in s["article_ids"]), s
    assert all(not d["sentences"] for d in digests(corpus, since="2025-03-09").values())


def test_digest_since_last_shows_only_what_arrived_after_it_was_asked(corpus: Corpus) -> None:
    for letter in KEY["stories"]:
        story = corpus.story(letter)
        new = views.story_digest(corpus.conn, story, Settings(), since="last", remember=True)
        assert new["sentences"], letter
        assert all(set(s["article_ids"]) <= corpus.second_batch for s in new["sentences"])
        again = views.story_digest(corpus.conn, story, Settings(), since="last")
        assert again["sentences"] == []


def test_digest_command_prints_header_and_outlets(corpus: Corpus) -> None:
    story = corpus.story("A")
    result = CliRunner().invoke(app, ["digest", story[:8], "--db", str(corpus.db),
                                      "--words", "80"])
    assert result.exit_code == 0, result.output
    header, blank, *lines = result.output.splitlines()
    assert header.startswith(KEY["stories"]["A"]["first_day"]) and blank == ""
    assert lines and all(re.search(r"\[[^\]]+\]$", line) for line in lines)


# --- corroboration, contradictions, stances ----------------------------------------------


def _matches(claim: dict, expected: dict, ids: dict[str, str]) -> bool:
    articles = {ids[k] for k in expected["articles"]}
    return any(ev["article_id"] in articles and expected["snippet"] in ev["text"]
               for ev in claim["evidence"])


def _same_value(found: object, expected: object) -> bool:
    if isinstance(expected, str) and not re.match(r"\d{4}-", expected):
        return name_key(expected) in name_key(str(found))
    return found == expected


@pytest.mark.parametrize("index", range(len(KEY["contradictions"])))
def test_contradictions_of_the_key_are_flagged_side_by_side(corpus: Corpus, index: int) -> None:
    expected = KEY["contradictions"][index]
    found = views.story_corroboration(corpus.conn, corpus.story(expected["story"]), Settings())
    kind = {"number": "number", "date": "date", "actor": "actor"}[expected["kind"]]
    for flagged in (c for c in found["contradictions"] if c["kind"] == kind):
        sides = [next((c for c in flagged["claims"] if _matches(c, e, corpus.ids)), None)
                 for e in expected["claims"]]
        if all(sides) and len({id(s) for s in sides}) == len(sides):
            for side, claim in zip(sides, expected["claims"], strict=True):
                assert _same_value(side["value"], claim["value"]), (side["value"], claim)
            return
    pytest.fail(f"not flagged: {expected['fact']}: {json.dumps(found['contradictions'])[:800]}")


def test_stance_cells_carry_evidence_that_points_at_the_text(corpus: Corpus) -> None:
    text = dict(corpus.conn.execute("SELECT id, text FROM articles"))
    for letter in KEY["stories"]:
        cells = views.story_stances(corpus.conn, corpus.story(letter), Settings())["cells"]
        assert cells, letter
        for cell in cells:
            assert cell["polarity"] in (-1, 0, 1) and cell["evidence"]
            for ev in cell["evidence"]:
                assert text[ev["article_id"]][ev["start"] : ev["end"]].strip() == ev["text"]


def _stance_found(corpus: Corpus, stance: dict) -> dict | None:
    article = corpus.ids[stance["article"]]
    cells = views.story_stances(corpus.conn, corpus.story(stance["story"]), Settings())["cells"]
    for cell in cells:
        source = name_key(cell["source"])
        said = any(ev["article_id"] == article and stance["snippet"] in ev["text"]
                   for ev in cell["evidence"])
        if said and (name_key(stance["source"]) in source or source in name_key(stance["source"])):
            return cell
    return None


def test_stances_of_the_key_have_the_key_polarity(corpus: Corpus) -> None:
    found = {i: _stance_found(corpus, s) for i, s in enumerate(KEY["stances"])}
    wrong = {KEY["stances"][i]["snippet"]: cell["polarity"] for i, cell in found.items()
             if cell and cell["polarity"] != (1 if KEY["stances"][i]["polarity"] == "support"
                                              else -1)}
    assert wrong == {}
    # The key's stances are the plain ones a reader sees; most must be in the matrix.
    assert sum(1 for cell in found.values() if cell) >= len(KEY["stances"]) / 2


# --- export -------------------------------------------------------------------------------


def test_stories_export_has_the_documented_fields(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "stories.jsonl"
    result = CliRunner().invoke(app, ["export", "--what", "stories", "--format", "jsonl",
                                      "--db", str(corpus.db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n_stories = corpus.conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert len(rows) == n_stories
    for row in rows:
        assert set(row) == {"id", "title", "first_seen", "last_seen", "article_ids",
                            "outlets", "digest"}
        assert row["digest"]
        for item in row["digest"]:
            assert set(item) == {"text", "outlets", "article_ids", "spans"}
            assert set(item["article_ids"]) <= set(row["article_ids"])
    exported = {a for row in rows for a in row["article_ids"]}
    assert set(corpus.ids.values()) | {corpus.ferry_id} == exported
