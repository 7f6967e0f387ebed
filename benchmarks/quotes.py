"""Attribution benchmark on PolNeAR: our quote extractor vs textacy's direct_quotations.

Reads ../shared/eval/polnear/<split> (brat: Source, Cue, Content char spans; one
annotation per article, the first by file name, as the eval README asks). Each
article is parsed ONCE with the project's pipeline and both extractors read that same
Doc. Prints P/R/F1 per span type, exact and overlap, and articles per second.

Exact: spans equal after trimming whitespace, quotation marks and edge punctuation
(PolNeAR includes the marks and sometimes the final period; neither tool should win
or lose on that). Overlap: a predicted span counts when it shares a character with
a gold span of the same type, and a gold span is found when any prediction overlaps it.
Discontinuous gold spans are taken from their first to their last character.

    python benchmarks/quotes.py [--split dev] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "eval" / "polnear"
TYPES = ("source", "cue", "content")
EDGE = " \t\n\"'“”‘’.,;:—–-"
# Published peer figures (eval/README): BBC citron on PARC3, not reproducible here.
CITRON = {("source", "exact"): 82.0, ("cue", "exact"): 82.3, ("content", "exact"): 59.3,
          ("content", "overlap"): 83.3}

Span = tuple[int, int]
TEXTACY_REFUSED: list[str] = []


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, list[Span]] = field(default_factory=dict)


def load(split: str, limit: int | None) -> list[Article]:
    folder = POLNEAR / split
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt"))[:limit]:
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        article = Article(text_path.stem, text_path.read_text(encoding="utf-8"),
                          {t: [] for t in TYPES})
        for line in annotations[0].read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, info, *_ = line.split("\t")
            label, _, offsets = info.partition(" ")
            if label.lower() not in TYPES:
                continue
            numbers = [int(x) for part in offsets.split(";") for x in part.split()]
            article.gold[label.lower()].append((min(numbers), max(numbers)))
        articles.append(article)
    return articles


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


@dataclass
class Score:
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, predicted: list[Span], gold: list[Span], exact: bool, text: str) -> None:
        if exact:
            p = {_trim(text, s) for s in predicted}
            g = {_trim(text, s) for s in gold}
            self.tp_pred += len(p & g)
            self.tp_gold += len(p & g)
            self.pred += len(p)
            self.gold += len(g)
            return
        self.pred += len(predicted)
        self.gold += len(gold)
        self.tp_pred += sum(any(a < d and c < b for c, d in gold) for a, b in predicted)
        self.tp_gold += sum(any(a < d and c < b for a, b in predicted) for c, d in gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def ours(doc, text: str) -> dict[str, list[Span]]:
    from dossier.config import Settings
    from dossier.extract.actors import extract_actors
    from dossier.extract.quotes import extract_quotes
    from dossier.models import Article as DossierArticle
    from dossier.registry import ArticleContext

    ctx = ArticleContext(DossierArticle(id="b", source_path="polnear", text=text), doc,
                         Settings())
    ctx.results["actors"] = extract_actors(ctx)
    found: dict[str, list[Span]] = {t: [] for t in TYPES}
    for q in extract_quotes(ctx):
        found["content"].append((q.content_start, q.content_end))
        if q.cue_start is not None:
            found["cue"].append((q.cue_start, q.cue_end))
        if q.speaker_start is not None:
            found["source"].append((q.speaker_start, q.speaker_end))
    return found


def textacy_peer(doc, text: str) -> dict[str, list[Span]]:
    from textacy.extract.triples import direct_quotations

    found: dict[str, list[Span]] = {t: [] for t in TYPES}
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy refuses a text with an odd number of quotation marks
        TEXTACY_REFUSED.append(text[:40])
        return found
    for triple in triples:
        for kind, tokens in (("source", triple.speaker), ("cue", triple.cue)):
            if tokens:
                found[kind].append((min(t.idx for t in tokens),
                                    max(t.idx + len(t) for t in tokens)))
        found["content"].append((triple.content.start_char, triple.content.end_char))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not (POLNEAR / args.split).is_dir():
        print(f"PolNeAR not found at {POLNEAR / args.split}", file=sys.stderr)
        return 2
    from dossier import nlp

    articles = load(args.split, args.limit)
    model = nlp.load()
    systems = {"ours": ours, "textacy": textacy_peer}
    scores = {(s, t, m): Score() for s in systems for t in TYPES for m in ("exact", "overlap")}
    warm = model("Warm-up: load lookup tables before timing, \"she said.\"")
    for system in systems.values():  # one-time loading (gazetteer, imports) is not per-article
        system(warm, warm.text)
    seconds = dict.fromkeys(systems, 0.0)
    parse_seconds = 0.0
    for article in articles:
        started = time.perf_counter()
        doc = model(article.text)
        parse_seconds += time.perf_counter() - started
        for name, system in systems.items():
            started = time.perf_counter()
            found = system(doc, article.text)
            seconds[name] += time.perf_counter() - started
            for t in TYPES:
                for m in ("exact", "overlap"):
                    scores[(name, t, m)].add(found[t], article.gold[t], m == "exact", article.text)

    n = len(articles)
    gold_counts = {t: sum(len(a.gold[t]) for a in articles) for t in TYPES}
    print(f"PolNeAR {args.split}: {n} articles, gold spans "
          + ", ".join(f"{t} {gold_counts[t]}" for t in TYPES) + "\n")
    print("| span | match | ours P | ours R | ours F1 | textacy P | textacy R | textacy F1 |"
          " citron F1 (PARC3, published) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for t in TYPES:
        for m in ("exact", "overlap"):
            row = [t, m]
            for name in systems:
                row += [f"{v:.1f}" for v in scores[(name, t, m)].prf()]
            row.append(f"{CITRON[(t, m)]:.1f}" if (t, m) in CITRON else "–")
            print("| " + " | ".join(row) + " |")
    print("\n| extractor | articles/s (extract only) | articles/s incl. shared parse |"
          " time vs textacy |")
    print("|---|---|---|---|")
    for name in systems:
        ratio = seconds[name] / seconds["textacy"] if seconds["textacy"] else 0.0
        print(f"| {name} | {n / seconds[name]:.1f} | {n / (seconds[name] + parse_seconds):.1f}"
              f" | {ratio:.1f}x |")
    print(f"| (spaCy parse alone) | – | {n / parse_seconds:.1f} | – |")
    print(f"\ntextacy refused {len(TEXTACY_REFUSED)} of {n} articles (odd number of quote"
          " marks); they count as no predictions for it.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
