"""Story digest vs the outlets' own summaries: ROUGE on the giveme5w1h news clusters.

WCEP is not reachable here (eval README). Instead, for every gold story of
../shared/eval/giveme5w1h-clusters with at least two articles, the digest is built
from the articles' texts and scored against the outlets' own ``description``
fields of that story (never given to any system). Articles go through Dossier's
real ingest (all extractors), then each gold story is written to the store as a
story of its own so the digest is measured apart from clustering errors (those are
``cluster.py``'s job).

Systems, in the same harness, over the same candidate sentences (Dossier's stored
digest units of six words or more, so segmentation is shared) and the same word
budget (a sentence that would overflow it is skipped unless nothing is chosen yet,
Dossier's own rule; the output is then cut at the budget for scoring, as ROUGE's
length limit does, so no system gains or loses on length):

- Dossier: ``dossier.stories.digest.build`` (paraphrase groups, support across
  outlets, redundancy filter, no truncated sentences);
- lead: the first sentence of each article, then the second of each, ... (round
  robin over articles in publication order);
- TextRank (Mihalcea & Tarau 2004): PageRank (networkx) over a graph of sentences
  weighted by word overlap / (log|s1| + log|s2|), best-ranked first.

ROUGE-1/2/L F1 from ``rouge-score`` (Porter stemming; ROUGE-L is summary-level
``rougeLsum`` with one sentence per line), against the references taken together:
``max`` is the best-matching description (``RougeScorer.score_multi``), ``mean``
the average over descriptions. Budgets: the mean length in words of the story's
descriptions, and 100 words (``--words 0 100 250``; 0 means the descriptions' mean).

Then the digest's hygiene, by hand labels (``digest_labels.tsv``, ours): every sentence
of the 250-word digests of the gold stories in the *reporting* half of the set (split by
a hash of the gold story, as ``cluster.py`` does; the filters were developed on the other
half) is looked up by its first evidence span; the share labelled garbage (captions,
credits, notices, headlines, pronoun-hung fragments) and restatement (its main claim said
by an earlier sentence of the digest) is printed, with how many sentences had a label.
Last, the contradictions the corroboration view shows on every gold story, judged like
with like or not by our labels (``contradiction_labels.tsv``), per half.

    .venv/bin/python benchmarks/digest.py [--words 0 100] [--keep-db /tmp/digest.db]
    .venv/bin/python benchmarks/digest.py --db /tmp/digest.db   # reuse an ingested store
"""

from __future__ import annotations

import argparse
import math
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import giveme5w1h
from cluster import split_of
from giveme5w1h import Record

# WCEP test set, ROUGE F1 R1/R2/RL as published (eval README): context, not comparable.
WCEP_PUBLISHED = {"TextRank": (0.341, 0.131, 0.250), "Centroid": (0.341, 0.133, 0.251),
                  "best extractive (TSR)": (0.353, 0.137, 0.257),
                  "oracle": (0.558, 0.290, 0.400)}
# Same floor as the digest's MIN_WORDS: captions, datelines and fragments are not sentences.
MIN_WORDS = 6
WORD = re.compile(r"\w+")


@dataclass
class Sentence:
    article: int  # position of its article in the story (publication order)
    seq: int  # position in its article
    text: str


def fill(ranked: Sequence[str], budget: int) -> list[str]:
    """Take sentences in rank order while they fit the budget (the first always does)."""
    chosen: list[str] = []
    used = 0
    for text in ranked:
        size = len(text.split())
        if chosen and used + size > budget:
            continue
        chosen.append(text)
        used += size
    return chosen


def lead(sentences: Sequence[Sentence], budget: int) -> list[str]:
    """First sentence of every article, then every second one, and so on."""
    ranked = sorted(sentences, key=lambda s: (s.seq, s.article))
    return fill([s.text for s in ranked], budget)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _content(text: str) -> set[str]:
    """Content words of a sentence: TextRank links sentences on what they are about."""
    stop = _stop_words()
    return {w for w in WORD.findall(text.casefold()) if w not in stop}


def textrank(sentences: Sequence[Sentence], budget: int) -> list[str]:
    """PageRank over the sentence-overlap graph of the original TextRank paper."""
    import networkx as nx

    bags = [_content(s.text) for s in sentences]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(sentences)))
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            shared = len(bags[i] & bags[j])
            if shared and len(bags[i]) > 1 and len(bags[j]) > 1:
                graph.add_edge(i, j, weight=shared / (math.log(len(bags[i]))
                                                      + math.log(len(bags[j]))))
    rank = nx.pagerank(graph, weight="weight") if graph.number_of_edges() else {}
    order = sorted(range(len(sentences)), key=lambda i: (-rank.get(i, 0.0), i))
    return fill([sentences[i].text for i in order], budget)


def dossier_digest(conn: sqlite3.Connection, story_id: str, budget: int, settings) -> list[str]:
    from dossier.store import story_material as material
    from dossier.stories.digest import build

    mat = material.load(conn, story_id, settings.speech_date_window)
    return [s["text"] for s in build(mat, settings, words=budget)["sentences"]]


# ------------------------------------------------------------------ the store


def ingest_all(records: list[Record], folder: Path, settings) -> float:
    from dossier.pipeline import ingest

    path = giveme5w1h.write_jsonl(records, folder / "all.jsonl")
    start = time.perf_counter()
    ingest([path], settings)
    return time.perf_counter() - start


def gold_stories(conn: sqlite3.Connection, records: list[Record]) -> dict[str, list[Record]]:
    """Write each gold story with >= 2 stored articles as a story; story id → its records."""
    ids = giveme5w1h.stored_ids(conn, records)
    events: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if ids[r.key]:
            events[r.event].append(r)
    out = {}
    for n, (_event, members) in enumerate(sorted(events.items())):
        article_ids = list(dict.fromkeys(ids[r.key] for r in members))
        if len(article_ids) < 2:
            continue
        story_id = f"gold{n:03d}"
        conn.execute("INSERT INTO stories(id, title, n_articles, centroid) VALUES (?,?,?,'{}')",
                     (story_id, members[0].title, len(article_ids)))
        conn.executemany("INSERT INTO story_articles(story_id, article_id) VALUES (?,?)",
                         [(story_id, a) for a in article_ids])
        out[story_id] = members
    conn.commit()
    return out


def candidates(conn: sqlite3.Connection, story_id: str) -> list[Sentence]:
    """The story's digest units of MIN_WORDS or more, articles in publication order."""
    rows = conn.execute(
        "SELECT a.id, a.text, u.seq, u.start, u.end FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id"
        " JOIN story_sentences u ON u.article_id = a.id WHERE s.story_id = ?"
        " ORDER BY a.published, a.id, u.seq", (story_id,)).fetchall()
    order: dict[str, int] = {}
    out = []
    for aid, text, seq, start, end in rows:
        unit = text[start:end].strip()
        if len(unit.split()) >= MIN_WORDS:
            out.append(Sentence(order.setdefault(aid, len(order)), seq, unit))
    return out


# ------------------------------------------------------------------ scoring


def truncate(summary: list[str], budget: int) -> list[str]:
    """Cut the summary at ``budget`` words, as ROUGE's length limit (-l) does, so no
    system scores on length: the rank-order fill lets a long first sentence overflow."""
    out, left = [], budget
    for sentence in summary:
        tokens = sentence.split()
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


def score(scorer, summary: list[str], refs: list[str]) -> dict[str, tuple[float, float]]:
    """{metric: (F1 against the best reference, mean F1 over references)}."""
    prediction = "\n".join(summary)
    per_ref = [scorer.score(ref, prediction) for ref in refs]
    return {m: (max(s[m].fmeasure for s in per_ref),
                sum(s[m].fmeasure for s in per_ref) / len(per_ref))
            for m in METRICS}


METRICS = ("rouge1", "rouge2", "rougeLsum")
REF_BUDGET = 0  # budget = mean word count of the story's descriptions


def evaluate(conn: sqlite3.Connection, stories: dict[str, list[Record]], budgets: list[int],
             settings) -> list[str]:
    """Markdown rows: every system at every budget, over the stories with a description."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    systems: dict[str, Callable[[str, list[Sentence], int], list[str]]] = {
        "Dossier digest": lambda sid, _c, b: dossier_digest(conn, sid, b, settings),
        "lead (round robin)": lambda _sid, c, b: lead(c, b),
        "TextRank (networkx, in harness)": lambda _sid, c, b: textrank(c, b),
    }
    lines = []
    for fixed in budgets:
        scores: dict[str, list[dict]] = defaultdict(list)
        words: dict[str, list[int]] = defaultdict(list)
        seconds: dict[str, float] = defaultdict(float)
        for story_id, members in stories.items():
            refs = list(dict.fromkeys(r.description for r in members if r.description))
            if not refs:
                continue
            budget = fixed or round(sum(len(r.split()) for r in refs) / len(refs))
            sentences = candidates(conn, story_id)
            for name, system in systems.items():
                start = time.perf_counter()
                summary = system(story_id, sentences, budget)
                seconds[name] += time.perf_counter() - start
                words[name].append(sum(len(x.split()) for x in summary))
                scores[name].append(score(scorer, truncate(summary, budget), refs))
        label = f"{fixed} words" if fixed else "refs' mean length"
        for name, rows in scores.items():
            cells = [f"{sum(r[m][pick] for r in rows) / len(rows):.3f}"
                     for pick in (0, 1) for m in METRICS]
            lines.append(f"| {label} | {name} | {len(rows)} "
                         f"| {sum(words[name]) / len(rows):.0f} | " + " | ".join(cells)
                         + f" | {1000 * seconds[name] / len(rows):.1f} |")
    return lines


LABELS = Path(__file__).with_name("digest_labels.tsv")
LABEL_BUDGET = 250


def labels() -> dict[tuple[str, int], tuple[bool, bool]]:
    """(article id, start) → (garbage, restatement), from our hand labels."""
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("story\t") or not line:
            continue
        _story, article_id, start, garbage, restatement = line.split("\t")
        out[(article_id, int(start))] = (garbage == "yes", restatement == "yes")
    return out


def label_half(event: str) -> str:
    """"A" (hygiene rules are tuned on its labels) or "B" (reported, never tuned on): the
    labelled stories split by another byte of the same stable hash as ``split_of``."""
    import hashlib

    return "AB"[hashlib.sha1(event.encode()).digest()[1] % 2]


def hygiene(conn: sqlite3.Connection, stories: dict[str, list[Record]], settings) -> list[str]:
    """Garbage and restatement shares of the reporting half's digests, by hand labels,
    for the labels' tuning half A, their reporting half B and both."""
    from dossier.store import story_material as material
    from dossier.stories.digest import build

    key = labels()
    counts = {h: [0, 0, 0, 0] for h in ("A", "B")}  # shown, found, garbage, restated
    for story_id, members in stories.items():
        if split_of(members[0].event) != "report":
            continue
        row = counts[label_half(members[0].event)]
        digest = build(material.load(conn, story_id, settings.speech_date_window), settings,
                       words=LABEL_BUDGET)
        for sentence in digest["sentences"]:
            row[0] += 1
            span = sentence["spans"][0]
            label = key.get((span["article_id"], span["start"]))
            if label is None:
                continue
            row[1] += 1
            row[2] += label[0]
            row[3] += label[1]
    counts["A+B"] = [a + b for a, b in zip(counts["A"], counts["B"], strict=True)]
    names = {"A": "labels' half A (rules tuned here)",
             "B": "labels' half B (held out)", "A+B": "both"}
    lines = []
    for half, (shown, found, garbage, restated) in counts.items():
        if not found:
            lines.append(f"| {LABEL_BUDGET} words, {names[half]} | {shown} | 0 | - | - |")
            continue
        lines.append(f"| {LABEL_BUDGET} words, {names[half]} | {shown} | {found} "
                     f"| {garbage} ({100 * garbage / found:.1f}%) | {restated} "
                     f"({100 * restated / found:.1f}%) |")
    return lines


CONTRADICTION_LABELS = Path(__file__).with_name("contradiction_labels.tsv")


def contradiction_labels() -> dict[tuple[str, str, str, str], bool]:
    """(gold story, kind, fact, sorted values) → like with like?, from our hand labels."""
    out = {}
    for line in CONTRADICTION_LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("story\t") or not line:
            continue
        story, kind, fact, values, like = line.split("\t")
        out[(story, kind, fact, values)] = like == "yes"
    return out


def contradictions(conn: sqlite3.Connection, stories: dict[str, list[Record]],
                   settings) -> list[str]:
    """The contradictions shown on each half's gold stories, by our like/unlike labels
    (the like-with-like rules were written from reading both halves: no held-out part)."""
    from dossier.stories.corroboration import corroboration

    key = contradiction_labels()
    counts = {half: [0, 0, 0] for half in ("tune", "report")}  # shown, like, unlike
    unlabelled = []
    for story_id, members in stories.items():
        event = members[0].event
        row = counts[split_of(event)]
        for found in corroboration(conn, story_id, settings)["contradictions"]:
            values = " / ".join(sorted(str(claim["value"]) for claim in found["claims"]))
            label = key.get((event, found["kind"], found["fact"], values))
            row[0] += 1
            if label is None:
                unlabelled.append(f"{event}\t{found['kind']}\t{found['fact']}\t{values}")
            else:
                row[1 if label else 2] += 1
    lines = [f"| {half} half | {shown} | {like} | {unlike} | {shown - like - unlike} |"
             for half, (shown, like, unlike) in counts.items()]
    return lines + [f"unlabelled: {u}" for u in unlabelled]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="*", default=[REF_BUDGET, 100],
                        help="word budgets; 0 = mean length of the story's descriptions")
    parser.add_argument("--keep-db", type=Path, default=None,
                        help="build the store here and keep it (to read the digests)")
    parser.add_argument("--db", type=Path, default=None,
                        help="reuse a store already ingested by --keep-db (no ingest)")
    args = parser.parse_args()
    if not giveme5w1h.CLUSTERS.is_dir():
        sys.exit(f"needs {giveme5w1h.CLUSTERS} (../shared beside the repository)")

    from dossier import nlp
    from dossier.config import Settings

    records = giveme5w1h.load()
    nlp.load()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or args.keep_db or Path(tmp) / "digest.db"
        settings = Settings(db_path=db)
        ingest_seconds = 0.0 if args.db else ingest_all(records, Path(tmp), settings)
        conn = sqlite3.connect(settings.db_path)
        conn.row_factory = sqlite3.Row
        conn.execute("DELETE FROM story_articles WHERE story_id LIKE 'gold%'")
        conn.execute("DELETE FROM stories WHERE id LIKE 'gold%'")
        stories = gold_stories(conn, records)
        lines = evaluate(conn, stories, args.words, settings)
        clean_lines = hygiene(conn, stories, settings)
        conflict_lines = contradictions(conn, stories, settings)
        conn.close()

    print(f"{len(stories)} gold stories with >= 2 stored articles (those with a "
          f"description are scored); ingest of {len(records)} articles took "
          f"{ingest_seconds:.0f} s. 'words' is the length before the cut at the budget.\n")
    print("| budget | system | stories | words | R1 max | R2 max | RL max | R1 mean | R2 mean "
          "| RL mean | ms/story |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(lines))
    print("\nDigest hygiene by our hand labels (benchmarks/digest_labels.tsv); no peer labels "
          "exist for these digests:\n")
    print("| digests | sentences shown | with a label | garbage | restatements |")
    print("|---|---:|---:|---:|---:|")
    print("\n".join(clean_lines))
    print("\nContradictions shown on the gold stories, by our labels "
          "(benchmarks/contradiction_labels.tsv):\n")
    print("| gold stories | shown | like with like | unlike | unlabelled |")
    print("|---|---:|---:|---:|---:|")
    print("\n".join(conflict_lines))
    print("\nWCEP test set, published (different data and references; context only):\n")
    print("| system | R1 | R2 | RL |")
    print("|---|---:|---:|---:|")
    for name, (r1, r2, rl) in WCEP_PUBLISHED.items():
        print(f"| {name} | {r1:.3f} | {r2:.3f} | {rl:.3f} |")


if __name__ == "__main__":
    main()
