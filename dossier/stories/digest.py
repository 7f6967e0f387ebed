"""One merged, attributed text per story: what seed 000 tried to be, done properly.

Units (sentences, or a quotation with the sentence naming its speaker) from every
article of the story are grouped into paraphrase groups; each group names every
outlet that carries it. The most informative groups are picked under a word budget,
never one that an earlier pick (or two together) already says, never a truncated
one; then they are ordered by when what they report happened, then by when it was
reported. ``since`` keeps only what no article had reported before that time.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dossier.config import Settings
from dossier.extract.text import parse_day, strip_glue
from dossier.store import story_material as material
from dossier.store.stories import last_asked, mark_asked
from dossier.stories import hygiene
from dossier.stories.dedup import ParaphraseIndex, covered, overlap, term_frequency

# Units shorter than this are captions, datelines or fragments, not digest sentences.


@dataclass
class Group:
    """One thing said, by one or more articles (the same sentence or its paraphrases)."""

    units: list[material.Unit] = field(default_factory=list)
    score: float = 0.0
    # Reports of the same thing in other words, folded in at selection: they add their
    # outlets to the sentence but never its date or wording.
    restated: list[material.Unit] = field(default_factory=list)

    @property
    def lead(self) -> material.Unit:
        return self.units[0]


def stands_alone(mat: material.Material, unit: material.Unit, settings: Settings) -> bool:
    """Long enough (``Settings.digest_min_words``), and news on its own: no caption,
    credit, notice, headline or sentence hanging on an unresolved pronoun (``hygiene``;
    short ones, up to ``Settings.digest_fragment_words``, must name something). Kept on
    the material's per-unit memo (the digest and the corroboration view both ask; the
    desk keeps it across story versions: a stored article's units never change)."""
    key = ("stands_alone", unit.article_id, unit.seq, unit.start, unit.end, unit.speaker,
           settings.digest_min_words, settings.digest_fragment_words,
           settings.digest_headline_case_share, settings.digest_headline_max_words,
           settings.digest_headline_min_words, settings.digest_caption_max_words)
    verdict = mat.units_memo.get(key)
    if verdict is None:
        text = strip_glue(mat.text(unit))[0]
        verdict = mat.units_memo[key] = (
            len(text.split()) >= settings.digest_min_words
            and hygiene.stands_alone(text, mat.sources[unit.article_id].title, settings,
                                     unit.speaker, settings.digest_fragment_words))
    return verdict


def group_units(mat: material.Material, settings: Settings) -> list[Group]:
    """Paraphrase groups, in report order: each unit joins the first group it paraphrases.

    Only units that stand alone are grouped, so neither the digest nor the statements
    of the corroboration view ever count boilerplate (a transcript notice carried by
    two outlets is not a fact two outlets report). Grouped once per loaded story (the
    digest and the corroboration view both ask); each call gets its own ``Group``
    objects, since the digest folds restatements into them."""
    key = ("groups", settings.paraphrase_threshold, settings.paraphrase_min_terms,
           settings.digest_min_words, settings.digest_fragment_words)
    if key not in mat.memo:
        mat.memo[key] = [g.units for g in _group_units(mat, settings)]
    return [Group(list(units)) for units in mat.memo[key]]


class _Grouping:
    """A story's paraphrase grouping so far: the units seen in report order, the index of
    its groups' leads and the groups. Kept across story versions (the desk's
    ``ArticleMemo``): a story grows by new reports, which come last in report order, so
    its next version groups only them. Continuing is exact: the index finds the same
    first match whatever term order it was built with (``ParaphraseIndex``)."""

    def __init__(self, mat: material.Material, settings: Settings) -> None:
        self.index = ParaphraseIndex(settings.paraphrase_threshold,
                                     settings.paraphrase_min_terms,
                                     term_frequency(u.terms for u in mat.units))
        self.seen: list[tuple[str, int]] = []
        self.groups: list[list[material.Unit]] = []
        self.lock = threading.Lock()

    def continues(self, keys: list[tuple[str, int]]) -> bool:
        return len(keys) >= len(self.seen) and keys[: len(self.seen)] == self.seen

    def extend(self, mat: material.Material, units: list[material.Unit],
               settings: Settings) -> None:
        for unit in units:
            self.seen.append((unit.article_id, unit.seq))
            if not stands_alone(mat, unit, settings):
                continue
            found = self.index.first_match(unit.terms)
            if found is None:
                self.index.add(unit.terms)
                self.groups.append([unit])
                continue
            home = self.groups[found]
            if all(u.article_id != unit.article_id for u in home):
                home.append(unit)
            # A unit repeating a group of its own article (seed 000's glued copy) just drops.


def _group_units(mat: material.Material, settings: Settings) -> list[Group]:
    """The grouping itself (``group_units`` keeps it on the material), continued from the
    story's previous version when that one's units come first in this one's order."""
    order = {aid: i for i, aid in enumerate(mat.sources)}
    units = sorted(mat.units, key=lambda u: (order[u.article_id], u.seq))
    keys = [(u.article_id, u.seq) for u in units]
    memo_key = ("paraphrase groups", mat.story_id, settings.paraphrase_threshold,
                settings.paraphrase_min_terms, settings.digest_min_words,
                settings.digest_fragment_words)
    state = mat.units_memo.get(memo_key)
    if state is None or not state.continues(keys):
        state = _Grouping(mat, settings)
    with state.lock:
        if not state.continues(keys):  # another version moved it on meanwhile
            state = _Grouping(mat, settings)
        state.extend(mat, units[len(state.seen):], settings)
        mat.units_memo[memo_key] = state
        return [Group(list(g)) for g in state.groups]


def independent(mat: material.Material, article_ids: list[str]) -> int:
    """How many independent reports: syndicated copies count once, with their original."""
    return len({mat.sources[a].original_id for a in article_ids})


def _score(mat: material.Material, group: Group, weights: Counter[str],
           settings: Settings) -> float:
    unit = next((u for u in group.units if not u.truncated), group.lead)
    terms = set(unit.terms)
    if not terms:
        return 0.0
    content = sum(weights[t] for t in terms) / math.sqrt(len(terms))
    support = math.log1p(independent(mat, [u.article_id for u in group.units]))
    position = min(u.seq for u in group.units)
    lead = settings.digest_lead_bonus * settings.digest_lead_decay ** position
    return content * (1.0 + support) * (1.0 + lead)


def _day_gap(mat: material.Material, a: material.Unit, b: material.Unit) -> int | None:
    days = [parse_day(mat.sources[u.article_id].day) for u in (a, b)]
    return abs((days[0] - days[1]).days) if days[0] and days[1] else None


def _restated_by(mat: material.Material, unit: material.Unit,
                 chosen: list[tuple[Group, material.Unit]],
                 settings: Settings) -> tuple[int, bool] | None:
    """Which pick ``unit`` says again, if any, and whether it says it closely enough to
    name its outlets on that pick: one or two picks together cover its words (a close
    restatement, folded), or it is another article's lead on the same development (the
    leads of reports a day apart tell the one event each is about: left out, not folded,
    since its wording may carry more than the pick says)."""
    if not chosen:
        return None
    if covered(unit.terms, [u.terms for _, u in chosen]) >= settings.paraphrase_threshold:
        min_terms = settings.paraphrase_min_terms
        best = max(range(len(chosen)),
                   key=lambda i: overlap(unit.terms, chosen[i][1].terms, min_terms))
        return best, (overlap(unit.terms, chosen[best][1].terms, min_terms)
                      >= settings.paraphrase_threshold)
    if unit.seq > settings.digest_lead_units:
        return None
    for i, (_, pick) in enumerate(chosen):
        gap = _day_gap(mat, unit, pick)
        if (pick.seq <= settings.digest_lead_units and gap is not None and gap <= 1
                and overlap(unit.terms, pick.terms, settings.paraphrase_min_terms)
                >= settings.digest_lead_restatement):
            return i, False
    return None


def _fold(group: Group, into: Group) -> None:
    """A close restatement's reports join the pick: one sentence, all its outlets."""
    have = {u.article_id for u in into.units + into.restated}
    into.restated.extend(u for u in group.units if u.article_id not in have)


def _fill(mat: material.Material, ranked: list[Group], budget: int,
          settings: Settings) -> tuple[list[tuple[Group, material.Unit]], int]:
    """Greedy picks in rank order that fit the budget and say something new.

    A unit longer than what is left is passed over, so a short budget gets the best
    sentences that fit, not the head of one long one; only when nothing fits at all is
    the top unit taken alone (a digest is never empty while there is material). A unit
    that restates a pick is folded into it (its outlets are named on the pick).
    """
    chosen: list[tuple[Group, material.Unit]] = []
    used = 0
    for group in ranked:
        unit = next(u for u in group.units if not u.truncated)
        home = _restated_by(mat, unit, chosen, settings)
        if home is not None:
            if home[1]:
                _fold(group, chosen[home[0]][0])
            continue
        size = len(mat.text(unit).split())
        if used + size > budget:
            continue
        chosen.append((group, unit))
        used += size
    if not chosen and ranked:
        unit = next(u for u in ranked[0].units if not u.truncated)
        chosen, used = [(ranked[0], unit)], len(mat.text(unit).split())
    return chosen, used


def _dated(mat: material.Material, unit: material.Unit) -> tuple[str | None, str | None]:
    """The day a unit reports and on what basis: its own sentence's date ("text"), else its
    article's publication day ("reported"), else nothing.

    Only the unit's own evidence counts: another outlet's paraphrase in the same group
    says something about *its* sentence ("visited Yeosu Port on Oct. 11"), and must never
    re-date this one.
    """
    if unit.event_day:
        return unit.event_day, "text"
    published = (mat.sources[unit.article_id].published or "")[:10]
    return (published, "reported") if published else (None, None)


def _when(mat: material.Material, group: Group, unit: material.Unit) -> tuple:
    """Sort key: the shown unit's own day (undated last), day first reported, position."""
    day, _ = _dated(mat, unit)
    reported = [p for p in (mat.sources[u.article_id].published for u in group.units) if p]
    first = min(reported) if reported else None
    return (day is None, day or "", first is None, first or "", group.lead.seq)


def _is_new(mat: material.Material, group: Group, since: str | None, seen: int | None) -> bool:
    """Nothing in the group was known before: published from ``since`` on or, when
    ``seen`` is given, stored after the article with rowid ``seen`` (``--since last``;
    rowids, unlike one-second timestamps, order an ingest and a request made in the
    same second)."""
    for unit in group.units:
        src = mat.sources[unit.article_id]
        if seen is not None:
            if src.ingest_seq <= seen:
                return False
        elif src.published is None or src.published[: len(since or "")] < (since or ""):
            return False
    return True


def build(mat: material.Material, settings: Settings, words: int | None = None,
          since: str | None = None, seen: int | None = None) -> dict[str, Any]:
    """The digest of a loaded story: header and attributed sentences in event order.

    ``since`` keeps what was published from that date on; ``seen`` (with ``since`` the
    time it was recorded) keeps what was stored after that article rowid.
    """
    budget = words or settings.digest_words
    groups = group_units(mat, settings)
    # Term weights: how many independent articles of the story use a term.
    weights: Counter[str] = Counter()
    originals = {s.original_id for s in mat.sources.values()}
    terms_of: dict[str, set[str]] = {}
    for u in mat.units:
        if u.article_id in originals:
            terms_of.setdefault(u.article_id, set()).update(u.terms)
    for terms in terms_of.values():
        weights.update(terms)
    for group in groups:
        group.score = _score(mat, group, weights, settings)
    usable = [g for g in groups if any(not u.truncated for u in g.units)]
    if since or seen is not None:
        usable = [g for g in usable if _is_new(mat, g, since, seen)]
    ranked = sorted(usable, key=lambda g: g.score, reverse=True)
    chosen, used = _fill(mat, ranked, budget, settings)
    chosen.sort(key=lambda gu: _when(mat, *gu))
    return {
        "story_id": mat.story_id,
        "title": mat.title,
        "header": _header(mat),
        "since": since,
        "words": used,
        "sentences": [_sentence(mat, g, u, since) for g, u in chosen],
    }


def _header(mat: material.Material) -> str:
    days = sorted(d for d in (s.day for s in mat.sources.values()) if d)
    if not days:
        return mat.title or ""
    span = days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
    return f"{span}: {mat.title}" if mat.title else span


def _sentence(mat: material.Material, group: Group, unit: material.Unit,
              since: str | None) -> dict[str, Any]:
    text, cut = strip_glue(mat.text(unit))
    reports = group.units + group.restated
    article_ids = list(dict.fromkeys(u.article_id for u in reports))
    outlets = list(dict.fromkeys(mat.sources[a].label for a in article_ids))
    reported = min(filter(None, (mat.sources[u.article_id].published for u in group.units)),
                   default=None)
    day, basis = _dated(mat, unit)
    return {
        "text": text,
        "outlets": outlets,
        "article_ids": article_ids,
        "spans": [{"article_id": u.article_id,
                   "start": u.start + (cut if u is unit else 0), "end": u.end}
                  for u in reports],
        "date": day,
        "date_basis": basis,
        "reported": reported,
        "independent_outlets": independent(mat, article_ids),
        "speaker": (unit.speaker if unit.speaker
                    and unit.speaker.casefold() not in text.casefold() else None),
        "is_new": bool(since),
    }


def render(digest: dict[str, Any]) -> str:
    """Plain text: the header, then each sentence followed by its outlets in brackets."""
    lines = [digest["header"], ""]
    for s in digest["sentences"]:
        who = f" (speaker: {s['speaker']})" if s.get("speaker") else ""
        lines.append(f"{s['text']}{who} [{'; '.join(s['outlets'])}]")
    return "\n".join(lines)


def digest(conn: sqlite3.Connection, story_id: str, settings: Settings,
           words: int | None = None, since: str | None = None,
           remember: bool = False,
           mat: material.Material | None = None) -> dict[str, Any] | None:
    """The digest of a stored story; ``since="last"`` means since it was last asked for
    (everything, the first time).

    ``remember`` records this request as the story's last-asked point (the CLI does;
    an export does not). ``mat``: the story's material, when the caller loaded it.
    """
    mat = mat or material.load(conn, story_id, settings.speech_date_window)
    if mat is None:
        return None
    seen = None
    if since == "last":
        asked = last_asked(conn, story_id)
        since, seen = asked if asked else (None, None)
    result = build(mat, settings, words, since, seen)
    if remember:
        mark_asked(conn, story_id)
    return result
