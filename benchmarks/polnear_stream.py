"""A dense news stream with story labels: two weeks of PolNeAR train, labelled by us.

PolNeAR (../shared/eval/polnear, Newell et al. 2018) is seven US outlets' election
coverage of 2015–2016 with no story labels. ``polnear_stories.tsv`` beside this file
gives them for every train article of two slices: 2016-07-15 .. 07-28 (44 articles, the
*tune* part, where dense-stream choices are made) and 2016-06-01 .. 06-14 (48 articles,
the *report* part, never tuned on). Our own labels (file stem, story, part only; the
texts are read from ../shared at run time). A dense stream is what giveme5w1h (247
articles over five years) is not: every article shares "Trump", "Clinton", "campaign",
and the stories must still come apart.
"""

from __future__ import annotations

import csv
from pathlib import Path

from giveme5w1h import Record

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "eval" / "polnear"
LABELS = Path(__file__).with_name("polnear_stories.tsv")


def labels(part: str) -> dict[str, str]:
    """File stem → story label of one part ("tune" or "report"), from our key."""
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, story, where = line.split("\t")
            if where == part:
                out[stem] = story
    return out


def load(part: str) -> list[Record]:
    """One labelled slice as benchmark records, in stream order (date, then file name)."""
    gold = labels(part)
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    records = []
    for stem, story in gold.items():
        row = meta[stem]
        text = (POLNEAR / "train" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        records.append(Record(key=stem, url=f"polnear:{stem}", title=row["title"], text=text,
                              published=row["publication_date"], outlet=row["publisher"],
                              description=None, event=story))
    return sorted(records, key=lambda r: (r.published, r.key))
