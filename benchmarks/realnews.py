"""Real news in, nothing lost: the cleaner and metadata on articles nobody here wrote.

Feeds the real articles of ``../shared/eval`` the way users hand them over, through
the real ``dossier ingest`` (default) or through the same readers and ``clean_article``
in-process (``--fast``, clean stage only, for iteration), with trafilatura and jusText
beside it in the same run:

- giveme5w1h-clusters (247 articles, ~20 outlets): ``.txt`` with header lines, bare text
  (headline line, blank line, body) and JSONL;
- PolNeAR train (840 articles, 7 outlets): bare text as shipped, and ``.txt`` with header
  lines from ``metadata.tsv``;
- scrapinghub-aeb (181 pages) and wcxb-dev (793 article pages): HTML, and the page
  flattened to full-page text (``clean/flatten.py``) in a ``.txt`` — menus, footers and all.

Per source and feed it prints: the share of the gold body's long prose sentences
(≥ 15 words) kept; articles that lost more than 20% of them, or were refused; clutter
kept (words of flattened-page lines absent from the gold body but present in the output,
over all such words); body word F1 (wcxb's ``evaluate.py`` metric: bag of lower-cased
``\\w+`` tokens, per-page P/R/F1 averaged); title / byline / date / outlet accuracy where
gold exists. Then the worst articles with what was lost or kept.

Every source is split in two by a stable hash of the article id (``part_of``): rules are
chosen looking at the *tuning* half only; figures are reported on the *reporting* half.

Run: ``python benchmarks/realnews.py [--sources giveme,polnear,aeb,wcxb] [--limit N]
[--part reporting|tuning|both] [--fast] [--no-peers] [--worst 10]``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
SOURCES = ("giveme", "polnear", "aeb", "wcxb")
TOKEN = re.compile(r"\w+")
LONG_SENTENCE_WORDS = 15
GUTTED_SHARE = 0.8  # an article keeping less than this of its long sentences was gutted
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")

# Hand labels (ours): the display name of each outlet the dev sources come from, by the
# domain (giveme5w1h ``source_domain``) or PolNeAR ``publisher`` code. No article text.
OUTLET_NAMES = {
    "www.npr.org": "NPR", "www.nytimes.com": "The New York Times",
    "www.theguardian.com": "The Guardian", "www.bbc.com": "BBC", "www.bbc.co.uk": "BBC",
    "edition.cnn.com": "CNN", "www.cnn.com": "CNN", "www.dailymail.co.uk": "Daily Mail",
    "www.washingtonpost.com": "The Washington Post", "www.reuters.com": "Reuters",
    "www.foxnews.com": "Fox News", "www.usatoday.com": "USA Today",
    "www.latimes.com": "Los Angeles Times", "www.independent.co.uk": "The Independent",
    "www.telegraph.co.uk": "The Telegraph", "www.thesun.co.uk": "The Sun",
    "www.thehindu.com": "The Hindu", "www.chinadaily.com.cn": "China Daily",
    "www.aljazeera.com": "Al Jazeera", "www.wired.com": "Wired",
    "www.huffingtonpost.com": "HuffPost", "www.cbsnews.com": "CBS News",
    "www.nbcnews.com": "NBC News", "abcnews.go.com": "ABC News",
    "www.theatlantic.com": "The Atlantic", "www.bloomberg.com": "Bloomberg",
    "www.cnbc.com": "CNBC", "www.politico.com": "Politico",
    "www.wsj.com": "The Wall Street Journal",
    "www.businessinsider.com": "Business Insider", "www.express.co.uk": "Express",
    "www.mirror.co.uk": "Mirror", "www.dw.com": "DW", "www.euronews.com": "Euronews",
    "www.newsweek.com": "Newsweek", "time.com": "Time", "www.vox.com": "Vox",
    "breitbart": "Breitbart", "nyt": "The New York Times", "wapo": "The Washington Post",
    "politico": "Politico", "huff": "HuffPost", "foxnews": "Fox News", "cnn": "CNN",
    "wsj": "The Wall Street Journal", "reuters": "Reuters", "npr": "NPR",
}


@dataclass
class Item:
    """One article fed one way: the file a user would have, and what we know is right."""

    source: str
    feed: str
    key: str  # the dataset's own id
    filename: str
    payload: str  # the file's content
    gold_body: str
    page_text: str = ""  # flattened page (HTML sources): for clutter and peers
    html: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None


@dataclass
class Result:
    """What a system made of one item (None text: refused)."""

    text: str | None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    warnings: list[str] = field(default_factory=list)
    reason: str = ""
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, text) recorded


def part_of(key: str) -> str:
    """Stable split: "tuning" or "reporting" by the low bit of sha256(article id)."""
    return "tuning" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "reporting"


# ---------------------------------------------------------------- loading the sources


def giveme_items() -> Iterator[Item]:
    for path in sorted((EVAL / "giveme5w1h-clusters").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (record.get("text") or "").strip()
        title = (record.get("title") or "").strip()
        if not text:
            continue
        body = text[len(title):].lstrip() if title and text.startswith(title) else text
        date = record.get("date_publish") or None
        date = None if date in (None, "None") else date
        authors = record.get("authors") or []
        gold = dict(gold_body=body, title=title or None, date=date[:10] if date else None,
                    author=" and ".join(authors) if authors else None,
                    outlet=OUTLET_NAMES.get(record.get("source_domain") or ""))
        key = record["dId"]
        url = record.get("url") or ""
        header = f"title {title}\n" + (f"date {date[:10]}\n" if date else "") + f"url {url}\n\n"
        yield Item("giveme", "txt-header", key, f"{key}.txt", header + body, **gold)
        yield Item("giveme", "bare", key, f"{key}.txt", f"{title}\n\n{body}", **gold)
        line = {"id": key, "title": title, "text": body, "url": url}
        yield Item("giveme", "jsonl", key, f"{key}.jsonl", json.dumps(line) + "\n", **gold)


def polnear_items() -> Iterator[Item]:
    folder = EVAL / "polnear"
    meta: dict[str, dict[str, str]] = {}
    with (folder / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] == "train":
                meta[row["filename"]] = row
    for path in sorted((folder / "train" / "text").glob("*.txt")):
        row = meta.get(path.stem)
        if row is None:
            continue
        raw = path.read_text(encoding="utf-8")
        headline, _, body = raw.partition("\n")
        author = row["author"] if row["author"] not in ("None", "") else None
        gold = dict(gold_body=body.strip(), title=row["title"] or headline.strip(),
                    author=author, date=row["publication_date"] or None,
                    outlet=OUTLET_NAMES.get(row["publisher"]))
        yield Item("polnear", "bare", path.stem, path.name, raw, **gold)
        header = f"title {headline.strip()}\ndate {row['publication_date']}\n\n"
        yield Item("polnear", "txt-header", path.stem, path.name, header + body.strip(), **gold)


def decode_page(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best else raw.decode("utf-8", "replace")


def page_items(source: str, key: str, html: str, gold: dict) -> Iterator[Item]:
    from dossier.clean.flatten import flatten_html

    page_text = flatten_html(html)
    common = dict(page_text=page_text, html=html, **gold)
    yield Item(source, "html", key, f"{key}.html", html, **common)
    yield Item(source, "flattened", key, f"{key}.txt", page_text, **common)


def aeb_items() -> Iterator[Item]:
    folder = EVAL / "scrapinghub-aeb"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = decode_page(gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()))
        yield from page_items("aeb", key, html, {"gold_body": truth[key]["articleBody"]})


def wcxb_items() -> Iterator[Item]:
    folder = EVAL / "wcxb-dev"
    for path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        key = path.stem
        html_path = folder / "html" / f"{key}.html.gz"
        if not html_path.exists():
            continue
        html = decode_page(gzip.decompress(html_path.read_bytes()))
        gold = {"gold_body": truth.get("main_content") or "", "title": truth.get("title"),
                "author": truth.get("author") or None,
                "date": (truth.get("publish_date") or "")[:10] or None}
        yield from page_items("wcxb", key, html, gold)


LOADERS = {"giveme": giveme_items, "polnear": polnear_items, "aeb": aeb_items,
           "wcxb": wcxb_items}


# ---------------------------------------------------------------- running Dossier


def run_dossier(items: list[Item], fast: bool) -> dict[int, Result]:
    """Write each item as its file and ingest the folder; results by item index."""
    with tempfile.TemporaryDirectory(prefix="realnews-") as tmp:
        root = Path(tmp) / "in"
        paths: dict[str, int] = {}
        for index, item in enumerate(items):
            path = root / item.source / item.feed / f"{index:05d}-{item.filename}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(item.payload, encoding="utf-8")
            paths[str(path)] = index
        return ingest_fast(root, paths) if fast else ingest_real(root, paths, Path(tmp))


def ingest_fast(root: Path, paths: dict[str, int]) -> dict[int, Result]:
    """The readers and the cleaner, in-process: the clean stage of ``dossier ingest``."""
    from dossier.clean import clean_article
    from dossier.config import Settings
    from dossier.ingest import read_paths
    from dossier.models import RawArticle

    settings = Settings()

    results: dict[int, Result] = {}
    for raw in read_paths([root], settings.max_file_bytes):
        index = paths[raw.source_path]
        if not isinstance(raw, RawArticle):
            results[index] = Result(None, reason=raw.reason)
            continue
        try:
            article = clean_article(raw, settings)
        except ValueError as exc:
            results[index] = Result(None, reason=str(exc))
            continue
        results[index] = Result(article.text, article.title, article.byline,
                                article.published, article.outlet, article.warnings,
                                removed=[(b.reason, b.text) for b in article.removed])
    return results


def ingest_real(root: Path, paths: dict[str, int], tmp: Path) -> dict[int, Result]:
    """``dossier ingest`` as a user runs it (no extractors: they do not touch the text).

    One store per source and feed: the same article fed two ways has the same content
    hash, and a store keeps one copy of it.
    """
    results: dict[int, Result] = {}
    for folder in sorted(f for f in root.glob("*/*") if f.is_dir()):
        db = tmp / f"{folder.parent.name}-{folder.name}.db"
        command = [sys.executable, "-c", "from dossier.cli import main; main()", "ingest",
                   str(folder), "--db", str(db), "--extractors", ""]
        done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=REPO)
        if not db.exists():
            raise SystemExit(f"dossier ingest failed: {done.stderr[-2000:]}")
        results |= read_store(db, paths)
    return results


def read_store(db: Path, paths: dict[str, int]) -> dict[int, Result]:
    """Each stored article and each refused input, by item index."""
    conn = sqlite3.connect(db)
    results: dict[int, Result] = {}
    for row in conn.execute(
        "SELECT id, source_path, text, title, byline, published, outlet FROM articles"
    ):
        warnings = [w for (w,) in conn.execute(
            "SELECT warning FROM clean_warnings WHERE article_id = ?", (row[0],))]
        removed = list(conn.execute(
            "SELECT reason, text FROM removed_blocks WHERE article_id = ? ORDER BY seq",
            (row[0],)))
        results[paths[row[1]]] = Result(row[2], row[3], row[4], row[5], row[6], warnings,
                                        removed=removed)
    for source_path, reason in conn.execute("SELECT source_path, reason FROM ingest_errors"):
        if source_path in paths:
            results[paths[source_path]] = Result(None, reason=reason)
    conn.close()
    return results


# ---------------------------------------------------------------- peers


def trafilatura_html(html: str) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return Result(None, reason="trafilatura found nothing")
    return Result(doc.text or None, doc.title, doc.author, doc.date, doc.sitename)


def as_paragraphs_html(text: str) -> str:
    return "<html><body>" + "".join(
        f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip()
    ) + "</body></html>"


def trafilatura_text(text: str) -> Result:
    """trafilatura needs HTML: each line of the text becomes a <p>."""
    import trafilatura

    return Result(trafilatura.extract(as_paragraphs_html(text)) or None)


def justext_text(text: str) -> Result:
    import justext

    html = as_paragraphs_html(text)
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    kept = "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return Result(kept or None)


def peers_for(item: Item) -> dict[str, Result]:
    if item.feed == "html":
        return {"trafilatura": trafilatura_html(item.html)}
    text = item.page_text if item.feed == "flattened" else item.gold_body
    if item.feed not in ("flattened", "bare"):
        return {}
    peers = {"trafilatura": trafilatura_text(text), "jusText": justext_text(text)}
    if item.feed == "flattened":
        peers["no cleaning"] = Result(text)
    return peers


# ---------------------------------------------------------------- scoring


def words(text: str) -> list[str]:
    """Lower-cased \\w+ tokens of the NFC form (the cleaner's text is NFC: so is the gold's)."""
    return [t.lower() for t in TOKEN.findall(unicodedata.normalize("NFC", text or ""))]


def long_sentences(body: str) -> list[str]:
    """The gold body's sentences of at least 15 words, as lower-cased token strings."""
    found = []
    for sentence in SENTENCE_SPLIT.split(body):
        tokens = words(sentence)
        if len(tokens) >= LONG_SENTENCE_WORDS:
            found.append(" ".join(tokens))
    return found


def word_f1(gold: str, got: str) -> tuple[float, float, float]:
    """wcxb evaluate.py: bag of lower-cased \\w+ tokens; P, R, F1 of one page."""
    g, o = Counter(words(gold)), Counter(words(got))
    overlap = sum((g & o).values())
    if not g and not o:
        return 1.0, 1.0, 1.0
    precision = overlap / sum(o.values()) if o else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def clutter_lines(item: Item) -> list[str]:
    """Flattened-page lines (≥ 3 words) whose words are not in the gold body."""
    gold = " " + " ".join(words(item.gold_body)) + " "
    out = []
    for line in item.page_text.splitlines():
        tokens = words(line)
        if len(tokens) >= 3 and f" {' '.join(tokens)} " not in gold:
            out.append(" ".join(tokens))
    return out


def norm(value: str | None) -> str:
    return " ".join(t for t in words(value or "") if t not in ("by", "and"))


def title_ok(gold: str | None, got: str | None) -> bool:
    return bool(got) and norm(gold) == norm(got)


def author_ok(gold: str | None, got: str | None) -> bool:
    return bool(got) and sorted(norm(gold).split()) == sorted(norm(got).split())


def date_ok(gold: str | None, got: str | None) -> bool:
    return bool(got) and (got or "")[:10] == (gold or "")[:10]


@dataclass
class Score:
    """One item scored for one system."""

    refused: bool
    long_total: int
    long_kept: int
    clutter_total: int
    clutter_kept: int
    f1: float
    title: bool | None
    author: bool | None
    date: bool | None
    outlet: bool | None
    lost: list[str]
    kept_clutter: list[str]
    lost_reasons: Counter = field(default_factory=Counter)  # recorded reason of each lost one


def score(item: Item, result: Result) -> Score:
    text = result.text or ""
    flat = " " + " ".join(words(text)) + " "
    sentences = long_sentences(item.gold_body)
    lost = [s for s in sentences if f" {s} " not in flat]
    clutter = clutter_lines(item) if item.page_text and item.feed == "flattened" else []
    kept_clutter = [line for line in clutter if f" {line} " in flat]
    metadata = item.feed != "flattened" and item.source != "aeb"
    return Score(
        refused=result.text is None,
        long_total=len(sentences), long_kept=len(sentences) - len(lost),
        clutter_total=sum(len(c.split()) for c in clutter),
        clutter_kept=sum(len(c.split()) for c in kept_clutter),
        f1=word_f1(item.gold_body, text)[2],
        title=title_ok(item.title, result.title) if metadata and item.title else None,
        author=author_ok(item.author, result.byline) if metadata and item.author else None,
        date=date_ok(item.date, result.published) if metadata and item.date else None,
        outlet=(norm(item.outlet) == norm(result.outlet)) if metadata and item.outlet else None,
        lost=lost, kept_clutter=kept_clutter,
        lost_reasons=Counter(recorded_reason(s, result) for s in lost) if text else Counter(),
    )


def recorded_reason(sentence: str, result: Result) -> str:
    """The reason recorded with the removed block that holds a lost sentence.

    "not recorded" means the sentence is neither in the text nor in any removed block:
    lost without a trace, what the cleaner must never do. On HTML pages a sentence the
    extractor never took from the markup (hidden, or split across elements) shows so too.
    """
    blocks = [(reason, " ".join(words(text))) for reason, text in result.removed]
    for width in (1, 2, 3):  # a caption and its credit are two blocks of one sentence
        for i in range(len(blocks) - width + 1):
            window = blocks[i : i + width]
            if f" {sentence} " in " " + " ".join(text for _, text in window) + " ":
                return "+".join(dict.fromkeys(reason for reason, _ in window))
    return "not recorded"


def share(values: list[bool | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{statistics.mean(known):.1%} ({len(known)})" if known else ""


def table_row(name: str, scores: list[Score]) -> str:
    long_total = sum(s.long_total for s in scores)
    kept = sum(s.long_kept for s in scores) / long_total if long_total else 1.0
    gutted = sum(1 for s in scores if s.long_total and s.long_kept < GUTTED_SHARE * s.long_total
                 and not s.refused)
    refused = sum(s.refused for s in scores)
    clutter_total = sum(s.clutter_total for s in scores)
    clutter = f"{sum(s.clutter_kept for s in scores) / clutter_total:.3f}" if clutter_total else ""
    f1 = statistics.mean(s.f1 for s in scores)
    return (f"| {name} | {len(scores)} | {kept:.4f} | {gutted} | {refused} | {clutter} | "
            f"{f1:.3f} | {share([s.title for s in scores])} | {share([s.author for s in scores])}"
            f" | {share([s.date for s in scores])} | {share([s.outlet for s in scores])} |")


HEADER = ("| system | articles | long sentences kept | lost >20% | refused | clutter kept | "
          "word F1 | title | author | date | outlet |\n" + "|---" * 11 + "|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=",".join(SOURCES),
                        help=f"comma-separated, of {', '.join(SOURCES)}")
    parser.add_argument("--feeds", default="", help="only these feeds (e.g. bare,flattened)")
    parser.add_argument("--limit", type=int, help="first N articles of each source")
    parser.add_argument("--part", choices=("reporting", "tuning", "both"), default="both")
    parser.add_argument("--fast", action="store_true",
                        help="clean stage only, in-process (iteration; report the real ingest)")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--show-metadata", action="store_true",
                        help="list every wrong title/author/date (tuning-half error analysis)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"needs {EVAL} (the shared eval data beside the repository)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    feeds = {f for f in args.feeds.split(",") if f}
    items: list[Item] = []
    for source in args.sources.split(","):
        keys: list[str] = []
        for item in LOADERS[source]():
            if feeds and item.feed not in feeds:
                continue
            if args.part != "both" and part_of(item.key) != args.part:
                continue
            if item.key not in keys:
                if args.limit and len(keys) >= args.limit:
                    break
                keys.append(item.key)
            items.append(item)
    started = time.perf_counter()
    ours = run_dossier(items, args.fast)
    ours_seconds = time.perf_counter() - started
    peer_scores: dict[tuple[str, str, str, str], list[Score]] = {}
    our_scores: dict[tuple[str, str, str], list[tuple[Score, Item, Result]]] = {}
    duplicates = 0
    for index, item in enumerate(items):
        result = ours.get(index)
        if result is None:  # same content as an earlier file of its feed: stored once
            duplicates += 1
            continue
        group = (item.source, item.feed, part_of(item.key))
        our_scores.setdefault(group, []).append((score(item, result), item, result))
        if not args.no_peers:
            for name, peer in peers_for(item).items():
                peer_scores.setdefault((*group, name), []).append(score(item, peer))
    mode = "clean stage in-process (--fast)" if args.fast else "real `dossier ingest`"
    print(f"Dossier via {mode}: {len(items)} files in {ours_seconds:.0f} s; {duplicates} "
          "not scored (the same content as an earlier file of the same feed, stored once)\n")
    for group in sorted(our_scores):
        source, feed, part = group
        print(f"### {source} / {feed} / {part} half\n\n{HEADER}")
        print(table_row("Dossier", [s for s, _, _ in our_scores[group]]))
        for key in sorted(k for k in peer_scores if k[:3] == group):
            print(table_row(key[3], peer_scores[key]))
        reasons = sum((s.lost_reasons for s, _, _ in our_scores[group]), Counter())
        if reasons:
            print("\nDossier's lost long sentences by the reason recorded with them: " + ", ".join(
                f"{reason} {count}" for reason, count in reasons.most_common()))
        print()
    print_worst(our_scores, args.worst)
    if args.show_metadata:
        print_metadata_errors(our_scores)
    return 0


def print_metadata_errors(our_scores: dict) -> None:
    """Every wrong title, author and date, gold beside ours."""
    print("\n### metadata errors\n")
    for group in sorted(our_scores):
        for s, item, result in our_scores[group]:
            for field_name, ok, gold, got in (
                ("title", s.title, item.title, result.title),
                ("author", s.author, item.author, result.byline),
                ("date", s.date, item.date, result.published),
            ):
                if ok is False:
                    print(f"- {'/'.join(group)} {item.key[:16]} {field_name}: gold {gold!r} "
                          f"got {got!r}")


def print_worst(our_scores: dict, count: int) -> None:
    """The articles that lost the biggest share of their long sentences (refused first)."""
    rows = [row for group in our_scores.values() for row in group]

    def badness(row: tuple[Score, Item, Result]) -> tuple[float, int]:
        s = row[0]
        lost_share = 1.0 if s.refused else (1 - s.long_kept / s.long_total if s.long_total else 0)
        return (-lost_share, -len(s.kept_clutter))

    print(f"### {count} worst articles (share of long sentences lost, then clutter kept)\n")
    for s, item, result in sorted(rows, key=badness)[:count]:
        what = f"refused: {result.reason}" if s.refused else (
            f"lost {s.long_total - s.long_kept}/{s.long_total} long sentences")
        print(f"- {item.source}/{item.feed}/{part_of(item.key)} {item.key[:16]}: {what}; "
              f"clutter kept {len(s.kept_clutter)} lines")
        for sentence in s.lost[:2]:
            print(f"    lost: {sentence[:140]}")
        for line in s.kept_clutter[:2]:
            print(f"    kept clutter: {line[:140]}")
        for warning in result.warnings[:1]:
            print(f"    warning: {warning[:140]}")


if __name__ == "__main__":
    raise SystemExit(main())
