"""Incremental story clustering: each new article joins the best active story or starts one.

An article is a TF-IDF vector of its content lemmas plus its named entities (the
entities weigh more: two stories about one country share "Kenya" but not "Mwangaza
Dam") and its headline words. It is compared only with stories active in a time
window around its publication date, against each story's centroid, so adding a day
of news costs time linear in the new articles.

Weights are applied at compare time: an article's profile and a story's centroid
(the sum of its members' profiles) keep term frequencies only, and both are weighed
with the document frequencies of the store *now*. A story built from the first
articles of a stream, when every word looked rare, is not stuck with those weights;
and on a dense stream ("Trump", "Clinton", "campaign" in every article) the words
everyone shares fade as the stream grows, so the stories it holds come apart. A
syndicated copy joins its original's story without a vote.

A story gone quiet for longer than the window is dormant, not closed: news comes back to
a story months or years later (a trial, an anniversary, a new launch), and the new piece
names what the old ones did. Each story keeps its most distinctive terms in the store
(``story_keys``); an article looks up the dormant stories sharing its own distinctive
terms (an indexed read per term, never a scan of the store) and reopens one only on a
strong match (``Settings.story_reopen_threshold``), without the time fading.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.config import Settings
from dossier.extract.text import parse_day, words
from dossier.registry import CorpusStep, register_corpus_step
from dossier.store import story_index

ENTITY_PREFIX = "e:"
# Years an undated article names ("the 2016 vote"): it cannot be older than the latest one.
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


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


# A (first, last) range of days an undated article may be from.
Span = tuple[date, date]


def undated_range(text: str, years_after: int) -> Span | None:
    """Where an undated article can sit in time: from 1 January of the latest year it
    names to the end of ``years_after`` years later (news names the recent past: an
    article whose latest year is 2016 is not a report in a 2023 trial story); None when
    it names no year."""
    years = [int(y) for y in YEAR.findall(text)]
    if not years:
        return None
    return date(max(years), 1, 1), date(max(years) + years_after, 12, 31)


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

    def absorb(self, vector: Mapping[str, float], day: date | None, article_id: str,
               max_terms: int, weight: Callable[[str], float] | None = None) -> None:
        """Add a member's profile; past 2 × ``max_terms`` keep the ``max_terms`` heaviest
        terms (by ``weight``, the current idf, so frequent common words are what goes):
        bounded memory per story, bounded cost per comparison."""
        for term, tf in vector.items():
            self.centroid[term] = self.centroid.get(term, 0.0) + tf
        if len(self.centroid) > 2 * max_terms:
            keep = sorted(self.centroid.items(), reverse=True,
                          key=lambda kv: kv[1] * (weight(kv[0]) if weight else 1.0))
            self.centroid = dict(keep[:max_terms])
        self.n += 1
        self.members.append(article_id)
        if day:
            self.first_seen = min(filter(None, (self.first_seen, day)))
            self.last_seen = max(filter(None, (self.last_seen, day)))
        self.touched = True

    def gap_days(self, day: date | Span | None) -> float:
        """Days between ``day`` (or a (first, last) range of possible days) and the
        story's date range; 0 inside it or when either is unknown."""
        if day is None or self.first_seen is None or self.last_seen is None:
            return 0.0
        lo, hi = day if isinstance(day, tuple) else (day, day)
        if hi < self.first_seen:
            return float((self.first_seen - hi).days)
        return float(max(0, (lo - self.last_seen).days))


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

    def __init__(self, settings: Settings, df: Counter[str] | None = None,
                 n_docs: int = 0) -> None:
        """Every weight and bound comes from the caller's ``settings`` (``story_*``)."""
        self.threshold = settings.story_threshold
        self.reopen_threshold = settings.story_reopen_threshold
        self.centroid_terms = settings.story_centroid_terms
        self.entity_weight = settings.story_entity_weight
        self.title_weight = settings.story_title_weight
        self.window = settings.story_window_days
        # Past the story's date range the match fades with each day of gap.
        self.half_life = settings.story_half_life_days
        self.df: Counter[str] = df if df is not None else Counter()
        self.n_docs = n_docs
        self.stories: dict[str, Story] = {}
        # story id → (members, n_docs) it was weighed at, its weighed unit centroid
        self._weighed: dict[str, tuple[tuple[int, int], dict[str, float]]] = {}

    def count(self, terms: Iterable[str]) -> None:
        """Add one document's distinct terms to the document frequencies."""
        self.df.update(set(terms))
        self.n_docs += 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def vector(self, terms: Mapping[str, int], entities: Mapping[str, int],
               title: Iterable[str] = ()) -> dict[str, float]:
        """Unit-length profile of terms, (heavier) entities and headline words: log term
        frequencies, no idf yet (``weigh`` applies the current one)."""
        vec: dict[str, float] = {}
        for bag, prefix, boost in ((terms, "", 1.0), (entities, ENTITY_PREFIX, self.entity_weight)):
            for term, count in bag.items():
                vec[prefix + term] = boost * (1.0 + math.log(count))
        for term in set(title):
            vec[term] = vec.get(term, 0.0) + self.title_weight
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def weigh(self, profile: Mapping[str, float]) -> dict[str, float]:
        """A profile or centroid under the current idf, unit length."""
        vec = {t: w * self.idf(t) for t, w in profile.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def keys(self, profile: Mapping[str, float], n: int) -> list[str]:
        """The ``n`` heaviest terms of a profile or centroid under the current idf: what
        sets it apart (a dormant story is found by them)."""
        return sorted(profile, key=lambda t: (-profile[t] * self.idf(t), t))[:n]

    def _centroid(self, story: Story) -> dict[str, float]:
        stamp = (story.n, self.n_docs)
        cached = self._weighed.get(story.id)
        if cached is None or cached[0] != stamp:
            cached = (stamp, self.weigh(story.centroid))
            self._weighed[story.id] = cached
        return cached[1]

    def active(self, day: date | Span | None) -> list[Story]:
        if day is None:
            return list(self.stories.values())
        return [s for s in self.stories.values()
                if s.last_seen is None or s.gap_days(day) <= self.window]

    def score(self, vector: Mapping[str, float], story: Story, day: date | Span | None,
              weighed: Mapping[str, float] | None = None) -> float:
        decay = 0.5 ** (story.gap_days(day) / self.half_life)
        article = weighed if weighed is not None else self.weigh(vector)
        return cosine(article, self._centroid(story)) * decay

    def assign(self, article_id: str, vector: Mapping[str, float], day: date | Span | None,
               story_id: str | None = None,
               dormant: Iterable[Story] = ()) -> tuple[Story, float | None]:
        """Put an article in the best active story, or a new one; returns (story, score).

        ``day`` is the publication day, or for an undated article the range of days it
        may be from (``undated_range``). ``story_id`` forces the story (a syndicated
        copy follows its original). ``dormant`` are stories past the window found by
        shared keys: one is reopened when its plain cosine reaches the reopen threshold.
        """
        best, best_score = None, 0.0
        if story_id is not None and story_id in self.stories:
            best, best_score = self.stories[story_id], 1.0
        else:
            weighed = self.weigh(vector)
            active = self.active(day)
            for story in active:
                s = self.score(vector, story, day, weighed)
                if s > best_score and s >= self.threshold:
                    best, best_score = story, s
            seen = {s.id for s in active}
            for story in dormant:
                if story.id in seen:
                    continue
                s = cosine(weighed, self._centroid(story))
                if s > best_score and s >= self.reopen_threshold:
                    best, best_score = story, s
            if best is not None:
                self.stories.setdefault(best.id, best)
        own_day = day if isinstance(day, date) else None
        if best is None:
            best = self.stories.setdefault("s" + article_id[:15], Story("s" + article_id[:15]))
            best.absorb(vector, own_day, article_id, self.centroid_terms, self.idf)
            return best, None
        best.absorb(vector, own_day, article_id, self.centroid_terms, self.idf)
        return best, best_score


# --- the corpus step: the clusterer over the store ---------------------------------------


def _features(conn: sqlite3.Connection, ids: Sequence[str], years_after: int) -> list[dict]:
    rows = story_index.cluster_inputs(conn, ids)
    out = []
    for row in rows:
        terms = json.loads(row["terms"]) if row["terms"] else dict(plain_terms(row["text"]))
        entities = json.loads(row["entities"]) if row["entities"] else {}
        day = parse_day(row["published"])
        out.append({"id": row["id"], "terms": terms, "entities": entities,
                    "title": title_terms(row["title"], terms), "headline": row["title"],
                    "day": day, "published": row["published"] or "",
                    "when": day or undated_range(row["text"] or "", years_after),
                    "original": row["original_id"]})
    return out


def _load(conn: sqlite3.Connection, settings: Settings, days: list[date]) -> Clusterer:
    # Every clustered article is in exactly one story and was counted into the frequencies.
    n_docs = story_index.clustered_count(conn)
    clusterer = Clusterer(settings, n_docs=n_docs)
    lo = (min(days) - timedelta(days=settings.story_window_days)).isoformat() if days else None
    for row in story_index.stories_seen_since(conn, lo):
        story = _story(row)
        clusterer.stories[story.id] = story
    return clusterer


def _story(row: sqlite3.Row) -> Story:
    return Story(row["id"], json.loads(row["centroid"]), row["n_articles"],
                 parse_day(row["first_seen"]), parse_day(row["last_seen"]))


def _dormant(conn: sqlite3.Connection, clusterer: Clusterer, vector: Mapping[str, float],
             settings: Settings) -> list[Story]:
    """Stored stories sharing the article's distinctive terms (``story_reopen_shared`` of
    its ``story_key_terms`` heaviest), at most ``story_reopen_candidates``: the in-memory
    copy where the batch holds one."""
    keys = clusterer.keys(vector, settings.story_key_terms)
    rows = story_index.stories_by_keys(conn, keys, settings.story_reopen_shared,
                                       settings.story_reopen_candidates)
    return [clusterer.stories.get(row["id"]) or _story(row) for row in rows]


def _keys(item: dict) -> set[str]:
    return set(item["terms"]) | set(item["title"]) | {ENTITY_PREFIX + e for e in item["entities"]}


def _title(conn: sqlite3.Connection, story: Story, clusterer: Clusterer,
           settings: Settings) -> tuple[str, str]:
    """(article id, headline) of the story's latest key development: the most recent
    member typical of the story (its match with the centroid at least
    ``story_headline_share`` of the best member's), so a strike story is named by "...
    suspend strike" once that is the news, not by its first report, nor by a stray."""
    scored = []
    for item in _features(conn, story.members, settings.story_undated_years):
        if item["headline"]:
            vector = clusterer.vector(item["terms"], item["entities"], item["title"])
            scored.append((clusterer.score(vector, story, None), item))
    if not scored:
        return "", ""
    top = max(score for score, _ in scored)
    key = [(item["published"], score, item["id"]) for score, item in scored
           if score >= settings.story_headline_share * top]
    _, _, chosen = max(key)
    return chosen, next(i["headline"] for _, i in scored if i["id"] == chosen)


def assign_stories(conn: sqlite3.Connection, new_ids: Sequence[str], settings: Settings) -> None:
    """Cluster the newly stored articles into stories (corpus step, after dedup)."""
    if not new_ids:
        return
    items = _features(conn, new_ids, settings.story_undated_years)
    days = [i["day"] for i in items if i["day"]]
    clusterer = _load(conn, settings, days)
    home = story_index.stories_of(conn, new_ids)
    fresh = [i for i in items if i["id"] not in home]
    # The batch is counted before any article is compared: one idf for the whole batch,
    # the store's frequencies now, which weigh the articles and every centroid alike.
    clusterer.df = story_index.term_dfs(conn, {k for i in fresh for k in _keys(i)}
                                        | {t for s in clusterer.stories.values()
                                           for t in s.centroid})
    for item in fresh:
        clusterer.count(_keys(item))
    for item in fresh:
        forced = None
        if item["original"]:
            forced = story_index.stories_of(conn, [item["original"]]).get(item["original"])
            if forced and forced not in clusterer.stories:
                _load_one(conn, clusterer, forced)
        vector = clusterer.vector(item["terms"], item["entities"], item["title"])
        dormant = [] if forced else _dormant(conn, clusterer, vector, settings)
        story, score = clusterer.assign(item["id"], vector, item["when"], forced, dormant)
        story_index.add_member(conn, story.id, item["id"],
                               None if score is None else round(score, 4))
    story_index.count_terms(conn, [k for i in items if i["id"] not in home for k in _keys(i)])
    for story in clusterer.stories.values():
        if story.touched:
            _save(conn, story, clusterer, settings)


def _load_one(conn: sqlite3.Connection, clusterer: Clusterer, story_id: str) -> None:
    row = story_index.story_row(conn, story_id)
    if row:
        clusterer.stories[story_id] = _story(row)


def _save(conn: sqlite3.Connection, story: Story, clusterer: Clusterer,
          settings: Settings) -> None:
    story.members = story_index.members(conn, story.id)
    first_seen, last_seen, n_articles = story_index.day_range(conn, story.id)
    title_id, title = _title(conn, story, clusterer, settings)
    story_index.save_story(conn, story.id, title or None, title_id or None, first_seen,
                           last_seen, n_articles,
                           json.dumps({t: round(w, 5) for t, w in story.centroid.items()}))
    story_index.save_keys(conn, story.id, clusterer.keys(story.centroid, settings.story_key_terms))


register_corpus_step(CorpusStep(name="stories", run=assign_stories, order=20))
