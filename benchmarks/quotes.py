"""Attribution benchmark on PolNeAR: our quote extractor vs textacy's direct_quotations.

Reads ../shared/eval/polnear/<split> (brat: Source, Cue, Content char spans joined
into attributions by ``E`` lines; one annotation per article, the first by file name,
as the eval README asks). Each article is parsed ONCE with the project's pipeline and
both extractors read that same Doc. Prints P/R/F1 per span type, exact and overlap,
"content with its source", the annotators' own agreement as the ceiling, and articles
per second.

Report the dev split (84 articles). The train split (840) is for error analysis and
choosing rules only: a figure on it is a figure on what the rules were chosen on.

Exact: spans equal after trimming whitespace, quotation marks and edge punctuation
(PolNeAR includes the marks and sometimes the final period; neither tool should win
or lose on that). Overlap: a predicted span counts when it shares a character with
a gold span of the same type, and a gold span is found when any prediction overlaps it.
Discontinuous gold spans are taken from their first to their last character.
Content with its source: an attribution counts when its content overlaps (exact:
equals) a gold attribution's content and its source overlaps (equals) that same
attribution's source — or neither has a source (PolNeAR's "Attribution-no-source").

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
# PolNeAR's README: token-wise Krippendorff's alpha between its annotators. No system
# scored against one annotator can be expected to agree with it better than they agree.
ANNOTATOR_ALPHA = 75.4

Span = tuple[int, int]
TEXTACY_REFUSED: list[str] = []


@dataclass(frozen=True)
class Attribution:
    """One attribution's spans (None where the annotation or the extractor has none)."""

    content: Span | None
    source: Span | None = None
    cue: Span | None = None


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attribution] = field(default_factory=list)


def load(split: str, limit: int | None) -> list[Article]:
    folder = POLNEAR / split
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt"))[:limit]:
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(text_path.stem, text, _attributions(annotations[0])))
    return articles


def _attributions(path: Path) -> list[Attribution]:
    """Every ``E`` (attribution) line of a brat file, with its spans' first-to-last chars."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            numbers = [int(x) for part in offsets.split(";") for x in part.split()]
            if label.lower() in TYPES and numbers:
                spans[fields[0]] = (label.lower(), (min(numbers), max(numbers)))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1].split()[1:])
    found = []
    for args in events:
        parts = {}
        for arg in args:
            role, _, ref = arg.partition(":")
            if ref in spans and role.lower() in TYPES:
                parts[role.lower()] = spans[ref][1]
        if parts.get("content") or parts.get("source") or parts.get("cue"):
            found.append(Attribution(parts.get("content"), parts.get("source"), parts.get("cue")))
    return found


def spans_of(attributions: list[Attribution], kind: str) -> list[Span]:
    return [getattr(a, kind) for a in attributions if getattr(a, kind) is not None]


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

    def add_pairs(self, predicted: list[Attribution], gold: list[Attribution], exact: bool,
                  text: str) -> None:
        """Content with its source: both spans must match the same gold attribution."""
        def same(a: Span | None, b: Span | None) -> bool:
            if a is None or b is None:
                return a is b
            if exact:
                return _trim(text, a) == _trim(text, b)
            return a[0] < b[1] and b[0] < a[1]

        def match(p: Attribution, g: Attribution) -> bool:
            return (p.content is not None and g.content is not None
                    and same(p.content, g.content) and same(p.source, g.source))

        gold = [g for g in gold if g.content is not None]
        predicted = [p for p in predicted if p.content is not None]
        self.pred += len(predicted)
        self.gold += len(gold)
        self.tp_pred += sum(any(match(p, g) for g in gold) for p in predicted)
        self.tp_gold += sum(any(match(p, g) for p in predicted) for g in gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def ours(doc, text: str, attitudes: bool = False) -> list[Attribution]:
    from dossier.config import Settings
    from dossier.extract.actors import extract_actors
    from dossier.extract.quotes import extract_quotes
    from dossier.models import Article as DossierArticle
    from dossier.registry import ArticleContext

    ctx = ArticleContext(DossierArticle(id="b", source_path="polnear", text=text), doc,
                         Settings(quote_attitudes=attitudes))
    ctx.results["actors"] = extract_actors(ctx)
    return [
        Attribution(
            (q.content_start, q.content_end),
            None if q.speaker_start is None else (q.speaker_start, q.speaker_end),
            None if q.cue_start is None else (q.cue_start, q.cue_end),
        )
        for q in extract_quotes(ctx)
    ]


def ours_with_attitudes(doc, text: str) -> list[Attribution]:
    """``Settings.quote_attitudes`` on: stances and intentions counted as PolNeAR does."""
    return ours(doc, text, attitudes=True)


def textacy_peer(doc, text: str) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy refuses a text with an odd number of quotation marks
        TEXTACY_REFUSED.append(text[:40])
        return []

    def extent(tokens) -> Span | None:  # noqa: ANN001 - a list of spaCy Tokens
        if not tokens:
            return None
        return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)

    return [Attribution((t.content.start_char, t.content.end_char), extent(t.speaker),
                        extent(t.cue)) for t in triples]


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
    systems = {"ours": ours, "ours+attitudes": ours_with_attitudes, "textacy": textacy_peer}
    kinds = (*TYPES, "content+source")
    scores = {(s, t, m): Score() for s in systems for t in kinds for m in ("exact", "overlap")}
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
            for m in ("exact", "overlap"):
                for t in TYPES:
                    scores[(name, t, m)].add(spans_of(found, t), spans_of(article.gold, t),
                                             m == "exact", article.text)
                scores[(name, "content+source", m)].add_pairs(found, article.gold, m == "exact",
                                                              article.text)

    n = len(articles)
    gold_counts = {t: sum(len(spans_of(a.gold, t)) for a in articles) for t in TYPES}
    print(f"PolNeAR {args.split}: {n} articles, {sum(len(a.gold) for a in articles)}"
          " attributions, gold spans " + ", ".join(f"{t} {gold_counts[t]}" for t in TYPES))
    if args.split == "train":
        print("TRAIN split: rules were chosen on it; these figures are for error analysis,"
              " not a score.")
    print(f"Ceiling: PolNeAR's annotators agree at token-wise Krippendorff's alpha"
          f" {ANNOTATOR_ALPHA}% (its README).\n")
    print("| span | match | " + " | ".join(f"{name} {m}" for name in systems
                                           for m in ("P", "R", "F1"))
          + " | citron F1 (PARC3, published) |")
    print("|---|---|" + "---|" * (3 * len(systems) + 1))
    for t in kinds:
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
