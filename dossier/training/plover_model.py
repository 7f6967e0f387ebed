"""A sentence-level PLOVER event-type classifier: TF-IDF word n-grams + logistic regression.

Trained on NGEC's synthetic stories (../shared/eval/ngec-synthetic, LLM-written,
training use only: never scored on). benchmarks/events.py trains it in the harness
(≈30 s) and scores rules, learned and rules-else-learned on PLOVER's gold-standard
records. The rules won on macro F1, so the extractor ships without it and no
artifact is packaged; this module stays so the comparison can be rerun.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from dossier.lexicon.plover import normalize_type

REPO = Path(__file__).resolve().parents[2]
NGEC = REPO.parent / "shared" / "eval" / "ngec-synthetic"


def training_rows(folder: Path = NGEC) -> list[tuple[str, str]]:
    """(text, PLOVER type) pairs: each story's first two sentences and each headline."""
    rows: list[tuple[str, str]] = []
    archive = zipfile.ZipFile(folder / "gpt_synthetic_events.csv.zip")
    with archive.open(archive.namelist()[0]) as raw:
        for record in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
            label = normalize_type(record.get("label") or "")
            if label:
                lead = " ".join(record["text"].split(". ")[:2])
                rows.append((lead, label))
    with (folder / "synthetic_headlines.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            label = normalize_type(record.get("event") or "")
            if label:
                title = record["title"].replace("{country_1}", "Country").replace(
                    "{country_2}", "Neighbour").replace("{city}", "the city")
                rows.append((title, label))
    return rows


def train(rows: list[tuple[str, str]]) -> Pipeline:
    """Small and fast (a few seconds on two cores); class weights balance the 16 types."""
    model = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                  max_features=20_000, stop_words="english")),
        ("lr", LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced")),
    ])
    texts, labels = zip(*rows, strict=True)
    model.fit(list(texts), list(labels))
    return model
