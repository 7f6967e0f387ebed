"""Article-body extraction on scrapinghub-aeb: Dossier's HTML and plain-text paths beside peers.

Reads ../shared/eval/scrapinghub-aeb (181 pages, gold ``articleBody``) and scores
every system with the upstream metric (evaluate.py of
scrapinghub/article-extraction-benchmark, reimplemented here): ``\\w+`` tokens,
4-token shingles as multisets, per-page TP/FP/FN normalized to sum 1, precision and
recall averaged over pages, F1 = harmonic mean of the two averages; "exact" is the
share of pages whose ``\\w+`` token sequence equals the gold's (upstream "accuracy").

Rows:
- Dossier HTML path: ``clean_article`` on the raw page (trafilatura + our metadata).
- trafilatura: plain ``trafilatura.extract`` defaults, same harness.
- Flattened page, no cleaning: ``flatten_html`` output as is (the "html-text" baseline).
- Dossier plain-text path: ``remove_clutter(page=True)`` on that flattened text.
- jusText on the flattened text (each line a <p>), when installed.
- html-text (the tool behind the published 0.665), when installed.

Run: ``python benchmarks/clean.py [--limit N] [--part all|tuning|reporting]``; prints a
markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "scrapinghub-aeb"
TOKEN = re.compile(r"\w+")
SHINGLE = 4

# Published F1 on the same benchmark (eval/README.md).
PUBLISHED = {
    "trafilatura": "0.958 (2.0.0)",
    "html-text (no cleaning)": "0.665",
    "jusText (on flattened text)": "0.804 (on HTML)",
}


def shingles(text: str) -> Counter:
    """Multiset of 4-token shingles, as upstream's ``_ngrams`` (one short shingle if < 4)."""
    tokens = TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
        if tokens[i : i + SHINGLE]
    )


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Upstream ``string_shingle_matching``: counts normalized so long pages weigh no more."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    """Upstream ``metrics_from_tp_fp_fns``: averages over pages that have any prediction/gold."""
    precision = statistics.mean(precision_score(*r) for r in rows if r[0] + r[1] > 0)
    recall = statistics.mean(recall_score(*r) for r in rows if r[0] + r[2] > 0)
    f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}


def part_of(key: str) -> str:
    """The realnews.py split: "tuning" or "reporting" by the low bit of sha256(page key)."""
    return "tuning" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "reporting"


def load_pages(limit: int | None, part: str = "all") -> list[tuple[str, str, str, str]]:
    """(key, url, html, gold body) for each page, sorted by key."""
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    keys = [key for key in sorted(gold) if part == "all" or part_of(key) == part]
    for key in keys[:limit]:
        raw = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, gold[key].get("url", ""), decode(raw), gold[key]["articleBody"]))
    return pages


def decode(raw: bytes) -> str:
    """Pages as a reader would hand them over: charset detected, not assumed."""
    from charset_normalizer import from_bytes

    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best else raw.decode("utf-8", "replace")


def dossier_html(html: str, url: str) -> str:
    from dossier.clean import clean_article
    from dossier.config import Settings
    from dossier.models import RawArticle

    try:
        return clean_article(RawArticle("bench.html", html, True, url=url), Settings()).text
    except ValueError:
        return ""


def trafilatura_defaults(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def justext_on_text(text: str) -> str:
    """jusText expects HTML: each flattened line becomes a <p>, then its English stoplist."""
    import justext

    html = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    if not html:
        return ""
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def score(name: str, gold: list[str], outputs: list[str], seconds: float) -> dict:
    """Upstream metrics plus exact match and throughput for one system's outputs."""
    pairs = list(zip(gold, outputs, strict=True))
    exact = statistics.mean(TOKEN.findall(g) == TOKEN.findall(o) for g, o in pairs)
    return {"name": name, **metrics([tp_fp_fn(g, o) for g, o in pairs]), "exact": exact,
            "docs_per_s": len(outputs) / seconds, "published": PUBLISHED.get(name, "")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (by key)")
    parser.add_argument("--part", choices=("all", "tuning", "reporting"), default="all",
                        help="the tuning/reporting half of benchmarks/realnews.py")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"needs {DATA} (the shared eval data beside the repository)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from dossier.clean.flatten import flatten_html
    from dossier.clean.language import detect_language
    from dossier.clean.text_clutter import remove_clutter
    from dossier.config import Settings

    limits = Settings().clean

    pages = load_pages(args.limit, args.part)
    gold = [body for *_, body in pages]
    detect_language("warm up the language model before timing anything", limits)
    dossier_html(pages[0][2], pages[0][1])  # warm imports and caches for every timed row

    flat: dict[str, str] = {}  # the current page flattened, shared by the plain-text rows

    def flatten_current(html: str, url: str) -> str:
        flat["text"] = flatten_html(html)
        return flat["text"]

    systems: dict[str, Callable[[str, str], str]] = {
        "Dossier HTML path": dossier_html,
        "trafilatura": trafilatura_defaults,
        "Flattened page, no cleaning": flatten_current,
        "Dossier plain-text path (on flattened)":
            lambda html, url: remove_clutter(flat["text"], limits, page=True).text,
    }
    try:
        import justext  # noqa: F401
    except ImportError:
        pass
    else:
        systems["jusText (on flattened text)"] = lambda html, url: justext_on_text(flat["text"])
    try:
        import html_text
    except ImportError:
        pass
    else:
        systems["html-text (no cleaning)"] = lambda html, url: html_text.extract_text(html)

    # Interleaved page by page, so load from other processes hits every system alike.
    outputs: dict[str, list[str]] = {name: [] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for _, url, html, _ in pages:
        for name, system in systems.items():
            start = time.perf_counter()
            outputs[name].append(system(html, url))
            seconds[name] += time.perf_counter() - start
    results = [score(name, gold, outputs[name], seconds[name]) for name in systems]
    flat_rate = results[2]["docs_per_s"]

    base = next(r for r in results if r["name"] == "trafilatura")["docs_per_s"]
    print(f"scrapinghub-aeb, {len(pages)} pages ({args.part}); shingle metric of upstream "
          "evaluate.py\n")
    print("| system | precision | recall | F1 | exact | docs/s | speed vs trafilatura "
          "| published F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['name']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
              f"| {r['exact']:.3f} | {r['docs_per_s']:.0f} | {r['docs_per_s'] / base:.2f}× "
              f"| {r['published']} |")
    print("\nplain-text rows read the flattened page (flatten_html: lxml, block elements → "
          "blank lines, <br> → newline); their docs/s excludes flattening "
          f"({flat_rate:.0f} pages/s).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
