"""Incremental story clustering: each new article joins the best active story or starts one.

An article is a TF-IDF vector of its content lemmas plus its named entities (the
entities weigh more: two stories about one country share "Kenya" but not "Mwangaza
Dam"). It is compared only with stories active in a time window around its
publication date, against each story's centroid (the mean of its articles'
vectors), so adding a day of news costs time linear in the new articles. Document
frequencies are kept in the store and updated as articles arrive. A syndicated copy
joins its original's story without a vote.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.config import Settings
from dossier.extract.text import parse_day, words
from dossier.registry import CorpusStep, register_corpus_step
from dossier.store import story_index

ENTITY_PREFIX = "e:"
# A centroid keeps its heaviest terms only: bounded memory per story, bounded cost per compare.
CENTROID_TERMS = 400


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def plain_terms(text: str) -> Counter[str]:
    """Content words without a parse (benchmarks, or articles stored without features)."""
    stop = _stop_words()
    return Counter(w for w in words(text) if len(w) > 2 and w not in stop and not w.isdigit())


def title_terms(title: str | None, terms: Mapping[str, int]) -> list[str]:
    """Content words of the headline, as the body's lemmas where the body has them.

    The headline is not part of the parsed clean text, so its words are matched to
    the article's own lemmas ("strikes" → "strike") instead of parsing it again.
    """
    out = []
    for word in plain_terms(title or ""):
        for form in (word, word[:-1] if word.endswith("s") else "", word[:-2], word[:-3]):
            if form in terms:
                out.append(form)
                break
        else:
            out.append(word)
    return out


@dataclass
class Story:
    """A story as the clusterer holds it: centroid, size and date range."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    n: int = 0
    first_seen: date | None = None
    last_seen: date | None = None
    members: list[str] = field(default_factory=list)
    touched: bool = False

    def absorb(self, vector: Mapping[str, float], day: date | None, article_id: str) -> None:
        for term, weight in vector.items():
            self.centroid[term] = self.centroid.get(term, 0.0) + weight
        if len(self.centroid) > 2 * CENTROID_TERMS:
            keep = sorted(self.centroid.items(), key=lambda kv: kv[1], reverse=True)
            self.centroid = dict(keep[:CENTROID_TERMS])
        self.n += 1
        self.members.append(article_id)
        if day:
            self.first_seen = min(filter(None, (self.first_seen, day)))
            self.last_seen = max(filter(None, (self.last_seen, day)))
        self.touched = True

    def gap_days(self, day: date | None) -> float:
        """Days between ``day`` and the story's date range (0 inside it or when unknown)."""
        if day is None or self.first_seen is None or self.last_seen is None:
            return 0.0
        if day < self.first_seen:
            return float((self.first_seen - day).days)
        return float(max(0, (day - self.last_seen).days))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


class Clusterer:
    """Single-pass clustering over a stream, with document frequencies that grow with it."""

    def __init__(self, threshold: float, window_days: int, df: Counter[str] | None = None,
                 n_docs: int = 0, half_life_days: float = Settings.story_half_life_days,
                 entity_weight: float = Settings.story_entity_weight,
                 title_weight: float = Settings.story_title_weight) -> None:
        self.threshold = threshold
        self.entity_weight = entity_weight
        self.title_weight = title_weight
        self.window = window_days
        # Past the story's date range the match fades with each day of gap.
        self.half_life = half_life_days
        self.df: Counter[str] = df if df is not None else Counter()
        self.n_docs = n_docs
        self.stories: dict[str, Story] = {}

    def count(self, terms: Iterable[str]) -> None:
        """Add one document's distinct terms to the document frequencies."""
        self.df.update(set(terms))
        self.n_docs += 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def vector(self, terms: Mapping[str, int], entities: Mapping[str, int],
               title: Iterable[str] = ()) -> dict[str, float]:
        """Unit-length TF-IDF vector of terms, (heavier) entities and headline words."""
        vec: dict[str, float] = {}
        for bag, prefix, boost in ((terms, "", 1.0), (entities, ENTITY_PREFIX, self.entity_weight)):
            for term, count in bag.items():
                key = prefix + term
                vec[key] = boost * (1.0 + math.log(count)) * self.idf(key)
        for term in set(title):
            vec[term] = vec.get(term, 0.0) + self.title_weight * self.idf(term)
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def active(self, day: date | None) -> list[Story]:
        if day is None:
            return list(self.stories.values())
        return [s for s in self.stories.values()
                if s.last_seen is None or s.gap_days(day) <= self.window]

    def score(self, vector: Mapping[str, float], story: Story, day: date | None) -> float:
        decay = 0.5 ** (story.gap_days(day) / self.half_life)
        return cosine(vector, story.centroid) * decay

    def assign(self, article_id: str, vector: Mapping[str, float], day: date | None,
               story_id: str | None = None) -> tuple[Story, float | None]:
        """Put an article in the best active story, or a new one; returns (story, score).

        ``story_id`` forces the story (a syndicated copy follows its original).
        """
        best, best_score = None, 0.0
        if story_id is not None and story_id in self.stories:
            best, best_score = self.stories[story_id], 1.0
        else:
            for story in self.active(day):
                s = self.score(vector, story, day)
                if s > best_score:
                    best, best_score = story, s
        if best is None or best_score < self.threshold:
            best = self.stories.setdefault("s" + article_id[:15], Story("s" + article_id[:15]))
            best.absorb(vector, day, article_id)
            return best, None
        best.absorb(vector, day, article_id)
        return best, best_score


# --- the corpus step: the clusterer over the store ---------------------------------------


def _features(conn: sqlite3.Connection, ids: Sequence[str]) -> list[dict]:
    rows = story_index.cluster_inputs(conn, ids)
    out = []
    for row in rows:
        terms = json.loads(row["terms"]) if row["terms"] else dict(plain_terms(row["text"]))
        entities = json.loads(row["entities"]) if row["entities"] else {}
        out.append({"id": row["id"], "terms": terms, "entities": entities,
                    "title": title_terms(row["title"], terms), "headline": row["title"],
                    "day": parse_day(row["published"]), "original": row["original_id"]})
    return out


def _load(conn: sqlite3.Connection, settings: Settings, days: list[date]) -> Clusterer:
    # Every clustered article is in exactly one story and was counted into the frequencies.
    n_docs = story_index.clustered_count(conn)
    clusterer = Clusterer(settings.story_threshold, settings.story_window_days, n_docs=n_docs,
                          half_life_days=settings.story_half_life_days,
                          entity_weight=settings.story_entity_weight,
                          title_weight=settings.story_title_weight)
    lo = (min(days) - timedelta(days=settings.story_window_days)).isoformat() if days else None
    for row in story_index.stories_seen_since(conn, lo):
        story = Story(row["id"], json.loads(row["centroid"]), row["n_articles"],
                      parse_day(row["first_seen"]), parse_day(row["last_seen"]))
        clusterer.stories[story.id] = story
    return clusterer


def _keys(item: dict) -> set[str]:
    return set(item["terms"]) | set(item["title"]) | {ENTITY_PREFIX + e for e in item["entities"]}


def _title(conn: sqlite3.Connection, story: Story, clusterer: Clusterer) -> tuple[str, str]:
    """(article id, headline) of the member closest to the centroid: the most typical."""
    best = (-1.0, "", "")
    for item in _features(conn, story.members):
        vector = clusterer.vector(item["terms"], item["entities"], item["title"])
        score = cosine(vector, story.centroid)
        if item["headline"] and score > best[0]:
            best = (score, item["id"], item["headline"])
    return best[1], best[2]


def assign_stories(conn: sqlite3.Connection, new_ids: Sequence[str], settings: Settings) -> None:
    """Cluster the newly stored articles into stories (corpus step, after dedup)."""
    if not new_ids:
        return
    items = _features(conn, new_ids)
    days = [i["day"] for i in items if i["day"]]
    clusterer = _load(conn, settings, days)
    clusterer.df = story_index.term_dfs(conn, (k for i in items for k in _keys(i)))
    home = story_index.stories_of(conn, new_ids)
    for item in items:
        if item["id"] in home:
            continue
        clusterer.count(_keys(item))
        forced = None
        if item["original"]:
            forced = story_index.stories_of(conn, [item["original"]]).get(item["original"])
            if forced and forced not in clusterer.stories:
                _load_one(conn, clusterer, forced)
        vector = clusterer.vector(item["terms"], item["entities"], item["title"])
        story, score = clusterer.assign(item["id"], vector, item["day"], forced)
        story_index.add_member(conn, story.id, item["id"],
                               None if score is None else round(score, 4))
    story_index.count_terms(conn, [k for i in items if i["id"] not in home for k in _keys(i)])
    for story in clusterer.stories.values():
        if story.touched:
            _save(conn, story, clusterer)


def _load_one(conn: sqlite3.Connection, clusterer: Clusterer, story_id: str) -> None:
    row = story_index.story_row(conn, story_id)
    if row:
        clusterer.stories[story_id] = Story(
            row["id"], json.loads(row["centroid"]), row["n_articles"],
            parse_day(row["first_seen"]), parse_day(row["last_seen"]))


def _save(conn: sqlite3.Connection, story: Story, clusterer: Clusterer) -> None:
    story.members = story_index.members(conn, story.id)
    first_seen, last_seen, n_articles = story_index.day_range(conn, story.id)
    title_id, title = _title(conn, story, clusterer)
    story_index.save_story(conn, story.id, title or None, title_id or None, first_seen,
                           last_seen, n_articles,
                           json.dumps({t: round(w, 5) for t, w in story.centroid.items()}))


register_corpus_step(CorpusStep(name="stories", run=assign_stories, order=20))
