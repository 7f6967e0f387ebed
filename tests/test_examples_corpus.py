"""The bundled sample corpus examples/ is what its answer key (examples/answers.json) says it is.

Other tests (clustering, syndication, digest, contradictions, web pages) rely on the
answer key, so a wrong key would make them test the wrong thing: every snippet it
quotes must occur in the article it names, every file must be accounted for, and the
corpus must keep the shape the project promised (formats, outlets, stories).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ANSWERS = json.loads((EXAMPLES / "answers.json").read_text(encoding="utf-8"))
ARTICLES = {a["key"]: a for a in ANSWERS["articles"]}
KEY_FILES = {"answers.json", "ANSWERS.md"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TAG = re.compile(r"<[^>]+>")
RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def plain(markup: str) -> str:
    """Page text as a reader sees it: tags dropped first, then entities decoded, so an
    escaped ``&lt;script&gt;`` in the article stays text."""
    return html.unescape(TAG.sub(" ", markup))


@cache
def source_text(key: str) -> str:
    """The article as its file carries it, as plain text so snippets read as prose."""
    entry = ARTICLES[key]
    raw = (EXAMPLES / entry["path"]).read_text(encoding="utf-8")
    if entry["format"] == "jsonl":
        records = [json.loads(line) for line in raw.splitlines() if line.strip()]
        (record,) = [r for r in records if r["id"] == entry["record_id"]]
        return record.get("text") or plain(record["html"])
    if entry["format"] == "rss":
        items = ET.fromstring(raw).iter("item")
        (item,) = [i for i in items if i.findtext("guid") == entry["record_id"]]
        return plain(item.findtext(RSS_CONTENT))
    return plain(raw) if entry["format"] == "html" else raw


def body(key: str) -> str:
    """The news text from the answer key's first body snippet to its last one."""
    text = source_text(key)
    start = text.index(ARTICLES[key]["body_starts"])
    end = text.index(ARTICLES[key]["body_ends"]) + len(ARTICLES[key]["body_ends"])
    return text[start:end]


def corpus_files() -> set[str]:
    return {p.name for p in EXAMPLES.iterdir() if p.is_file() and p.name not in KEY_FILES}


def test_every_corpus_file_is_in_the_answer_key_and_every_key_file_exists():
    assert corpus_files() == {a["path"] for a in ANSWERS["articles"]}


def test_corpus_has_enough_articles_outlets_and_stories():
    assert len(ARTICLES) >= 16
    outlets = {a["outlet"] for a in ARTICLES.values()}
    assert len(outlets) >= 5
    assert outlets <= set(ANSWERS["outlets"])
    per_story = Counter(a["story"] for a in ARTICLES.values())
    assert set(per_story) == set(ANSWERS["stories"]) and len(per_story) >= 3
    assert min(per_story.values()) >= 4


def test_outlets_are_invented_not_real_sites():
    assert all(o["domain"].endswith(".example") for o in ANSWERS["outlets"].values())


def test_formats_are_mostly_text_with_html_pages_one_jsonl_and_one_feed():
    suffixes = Counter(Path(name).suffix for name in corpus_files())
    assert suffixes[".txt"] > len(corpus_files()) / 2
    assert suffixes[".html"] >= 3
    assert suffixes[".jsonl"] == 1 and suffixes[".xml"] == 1
    per_format = Counter(a["format"] for a in ARTICLES.values())
    assert 2 <= per_format["jsonl"] <= 3
    assert per_format["rss"] >= 2


def test_each_story_spans_several_publication_days():
    for story, meta in ANSWERS["stories"].items():
        days = sorted({a["published"] for a in ARTICLES.values() if a["story"] == story})
        assert len(days) >= 2
        assert (days[0], days[-1]) == (meta["first_day"], meta["last_day"])


def test_two_stories_about_kenya_are_listed_as_separate():
    for first, second in ANSWERS["separate_stories_same_country"]:
        stories = ANSWERS["stories"]
        assert stories[first]["country"] == stories[second]["country"]
        assert first != second


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_article_body_snippets_and_clutter_occur_in_the_file(key):
    entry = ARTICLES[key]
    text = source_text(key)
    dropped = [d["text"] for d in entry["drops"]]
    for snippet in [entry["body_starts"], entry["body_ends"], *entry["keeps"], *dropped]:
        assert snippet in text, snippet
    for kept in entry["keeps"]:
        assert kept in body(key)


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_article_is_a_reasonable_length(key):
    assert 250 <= len(body(key).split()) <= 750


@pytest.mark.parametrize("key", sorted(ARTICLES))
def test_article_opens_with_the_dateline_the_key_gives(key):
    assert body(key).startswith(ARTICLES[key]["dateline"])


@pytest.mark.parametrize("section", ["quotes", "events", "stances", "relative_dates"])
def test_every_annotated_snippet_occurs_in_its_article(section):
    field = {"relative_dates": "phrase", "quotes": "text"}.get(section, "snippet")
    missing = [
        (row["article"], row[field])
        for row in ANSWERS[section]
        if row[field] not in source_text(row["article"])
    ]
    assert not missing


def test_quote_features_the_extractors_must_handle_are_all_present():
    quotes = ANSWERS["quotes"]
    assert {"direct", "partial", "indirect", "multi_paragraph"} <= {q["kind"] for q in quotes}
    assert {"straight", "curly"} <= {q["marks"] for q in quotes}
    assert any(q["speaker_by"] == "pronoun" for q in quotes)
    channels = {q["channel"] for q in quotes if q["channel"]}
    assert {"X", "statement", "press conference", "state television"} <= channels


def test_multi_paragraph_quote_leaves_its_first_paragraph_open():
    for row in (q for q in ANSWERS["quotes"] if q["kind"] == "multi_paragraph"):
        text = source_text(row["article"])
        second = text.index(row["text"])
        first_para = text[: second - 1].rstrip("\n").rsplit("\n", 1)[-1]
        assert first_para.count('"') % 2 == 1, first_para
        assert text[second - 1] == '"'


def test_events_cover_the_plover_types_and_modes_promised():
    events = ANSWERS["events"]
    types = {e["plover"] for e in events} | {t for e in events for t in e["also_acceptable"]}
    assert {
        "PROTEST", "ASSAULT", "COERCE", "REQUEST", "ACCUSE", "THREATEN",
        "SANCTION", "CONSULT", "AGREE", "AID", "RETREAT", "CONCEDE",
    } <= types
    assert {"asserted", "negated", "future", "reported_in_quote"} <= {e["mode"] for e in events}


def test_relative_dates_name_the_weekday_they_resolve_to():
    """A "Monday" answer that is not a Monday would make every timex test wrong."""
    for row in ANSWERS["relative_dates"]:
        published = dt.date.fromisoformat(ARTICLES[row["article"]]["published"])
        named = [d for d in WEEKDAYS if d in row["phrase"].lower()]
        if not named:
            continue
        value = dt.date.fromisoformat(row["value"])
        assert WEEKDAYS[value.weekday()] == named[0], row
        assert abs((value - published).days) <= 6, row


def test_syndicated_copies_carry_the_original_text_under_other_headlines():
    for group in ANSWERS["syndication"]:
        original = ARTICLES[group["original"]]
        paragraphs = [p.strip() for p in body(group["original"]).split("\n\n")[1:]]
        for key in group["copies"]:
            copy = ARTICLES[key]
            assert copy["syndicated_copy_of"] == group["original"]
            assert copy["title"] != original["title"]
            assert copy["outlet"] != original["outlet"]
            copy_text = " ".join(body(key).split())
            assert all(" ".join(p.split()) in copy_text for p in paragraphs)
    copies = {k for k, a in ARTICLES.items() if a["syndicated_copy_of"]}
    assert copies == {k for g in ANSWERS["syndication"] for k in g["copies"]}


def test_contradicting_claims_differ_and_each_occurs_in_its_articles():
    kinds = set()
    for row in ANSWERS["contradictions"]:
        kinds.add(row["kind"])
        values = [c["value"] for c in row["claims"]]
        assert len(set(map(str, values))) == len(values)
        outlets = {ARTICLES[k]["outlet"] for c in row["claims"] for k in c["articles"]}
        assert len(outlets) >= 2
        for claim in row["claims"]:
            assert any(claim["snippet"] in source_text(k) for k in claim["articles"]), claim
    assert {"number", "date", "actor"} <= kinds


def test_same_surname_people_both_appear_in_full_in_shared_articles():
    for pair in ANSWERS["same_surname"]:
        first, second = pair["people"]
        assert first["name"].split()[-1] == second["name"].split()[-1] == pair["surname"]
        shared = set(first["articles"]) & set(second["articles"])
        assert shared
        for key in shared:
            assert first["name"] in source_text(key) and second["name"] in source_text(key)


HTML_KEYS = sorted(k for k, a in ARTICLES.items() if a["format"] == "html")


@pytest.mark.parametrize("key", HTML_KEYS)
def test_html_page_is_a_full_page_with_article_metadata(key):
    page = (EXAMPLES / ARTICLES[key]["path"]).read_text(encoding="utf-8")
    og_title = re.search(r'<meta property="og:title" content="([^"]+)"', page)
    published = re.search(r'<meta property="article:published_time" content="([^"]+)"', page)
    assert og_title and html.unescape(og_title.group(1)) == ARTICLES[key]["title"]
    assert published and published.group(1).startswith(ARTICLES[key]["published"])
    assert '<meta name="author"' in page
    for part in ("<nav", "<header", "<footer", "cookie"):
        assert part in page.lower(), part


def test_script_tag_in_article_text_is_escaped_content_not_markup():
    pages = [(EXAMPLES / ARTICLES[k]["path"]).read_text(encoding="utf-8") for k in HTML_KEYS]
    carrying = [p for p in pages if "&lt;script&gt;alert(1)&lt;/script&gt;" in p]
    assert len(carrying) == 1
    assert "<script>alert(1)</script>" not in carrying[0]


@pytest.mark.parametrize("key", sorted(k for k, a in ARTICLES.items() if a["format"] == "txt"))
def test_text_file_header_lines_agree_with_the_key(key):
    entry = ARTICLES[key]
    head = (EXAMPLES / entry["path"]).read_text(encoding="utf-8").split("\n\n", 1)[0]
    headers = dict(
        line.strip().split(" ", 1) for line in head.splitlines()
        if line.strip().split(" ", 1)[0] in {"date", "title", "source"}
    )
    if entry["published_from"] == "header":
        assert headers["date"].strip() == entry["published"]
    else:
        assert "date" not in headers
    if "title" in headers:
        assert headers["title"] == entry["title"]
    if entry["outlet_from"] == "header":
        assert headers["source"] == entry["outlet"]
    else:
        assert ANSWERS["outlets"][entry["outlet"]]["domain"] in source_text(key).lower()


def test_jsonl_records_carry_the_reader_fields_and_match_the_key():
    (path,) = {a["path"] for a in ARTICLES.values() if a["format"] == "jsonl"}
    records = [json.loads(x) for x in (EXAMPLES / path).read_text(encoding="utf-8").splitlines()]
    by_id = {a["record_id"]: a for a in ARTICLES.values() if a["format"] == "jsonl"}
    assert {r["id"] for r in records} == set(by_id)
    assert any("html" in r for r in records) and any("text" in r for r in records)
    for position, record in enumerate(records, start=1):
        entry = by_id[record["id"]]
        assert {"id", "url", "title", "published", "outlet"} <= set(record)
        assert (record["title"], record["outlet"]) == (entry["title"], entry["outlet"])
        assert record["published"].startswith(entry["published"])
        assert entry["position"] == position


def test_feed_items_carry_dates_and_full_text_matching_the_key():
    (path,) = {a["path"] for a in ARTICLES.values() if a["format"] == "rss"}
    items = list(ET.parse(EXAMPLES / path).getroot().iter("item"))
    by_guid = {a["record_id"]: a for a in ARTICLES.values() if a["format"] == "rss"}
    in_key_order = sorted(by_guid, key=lambda guid: by_guid[guid]["position"])
    assert [i.findtext("guid") for i in items] == in_key_order
    for item in items:
        entry = by_guid[item.findtext("guid")]
        published = dt.datetime.strptime(item.findtext("pubDate"), "%a, %d %b %Y %H:%M:%S %z")
        assert published.date().isoformat() == entry["published"]
        assert item.findtext("title") == entry["title"]
