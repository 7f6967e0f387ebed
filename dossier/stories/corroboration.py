"""Corroboration and contradiction within a story, counted over independent outlets.

Corroboration: each key statement (a paraphrase group of the digest) and each event
kind with the number of independent reports (a syndicated copy counts once, with its
original). Contradiction: claims that disagree across independent reports, side by
side with their evidence — different numbers for the same count ("two people were
killed" / "three people dead"), different days for the same act, different actors
for the same act, and a denial ("the whole of the army was not involved") against a
stance another report gives the same kind of actor ("the military command ... has
decided to subscribe to the declaration").
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from dossier.config import Settings
from dossier.extract.text import is_actor_name, name_key, parse_day, words
from dossier.lexicon.numbers import COUNT_LIGHT_VERBS
from dossier.lexicon.plover import INVOLVEMENT_VERBS
from dossier.store import story_material as material
from dossier.store.db import has_table
from dossier.store.story_facts import events_of, stance_cues_of
from dossier.stories.dedup import ParaphraseIndex, term_frequency
from dossier.stories.digest import group_units, independent

# A number about casualties is one fact whatever verb carries it (killed / left dead / died).
CASUALTY_KINDS = {
    "deaths": {"kill", "dead", "die", "death", "toll", "drown"},
    "injuries": {"injure", "wound", "hurt"},
    "missing": {"missing"},
}
# Kinds of actor a denial and a stance must share to contradict each other.
ACTOR_FAMILIES = {
    "military": {"army", "military", "armed", "forces", "soldiers", "troops", "command",
                 "commander", "guard", "junta", "chief"},
    "police": {"police", "officers", "commander", "constabulary"},
    "government": {"government", "ministry", "minister", "cabinet", "administration"},
}
# Acts done once by someone (a detention, an attack): two reports naming different
# doers disagree. Statements (REQUEST, ACCUSE ...) may come from many actors at once.
PHYSICAL_ACTS = {"ASSAULT", "COERCE", "SANCTION", "AID", "RETREAT"}


def _evidence(mat: material.Material, unit: material.Unit) -> dict[str, Any]:
    src = mat.sources[unit.article_id]
    return {"article_id": unit.article_id, "start": unit.start, "end": unit.end,
            "text": mat.text(unit), "outlet": src.label, "published": src.published}


def statements(mat: material.Material, settings: Settings, limit: int = 20) -> list[dict]:
    """Key statements, most independently reported first."""
    groups = [g for g in group_units(mat, settings)
              if any(not u.truncated for u in g.units)]
    out = []
    for g in groups:
        ids = list(dict.fromkeys(u.article_id for u in g.units))
        out.append({"text": mat.text(g.lead), "independent_outlets": independent(mat, ids),
                    "outlets": list(dict.fromkeys(mat.sources[a].label for a in ids)),
                    "article_ids": ids, "evidence": [_evidence(mat, u) for u in g.units]})
    out.sort(key=lambda s: (-s["independent_outlets"], -len(s["article_ids"])))
    return out[:limit]


def events(conn: sqlite3.Connection, mat: material.Material) -> list[dict]:
    """Event kinds (type, source, target) with their independent report counts."""
    if not has_table(conn, "events"):
        return []
    grouped: dict[tuple, list[sqlite3.Row]] = defaultdict(list)
    for row in events_of(conn, mat.story_id):
        key = (row["type"], (row["source_actor"] or "").casefold(),
               (row["target_actor"] or "").casefold())
        grouped[key].append(row)
    out = []
    for (etype, _, _), rows in grouped.items():
        ids = list(dict.fromkeys(r["article_id"] for r in rows))
        out.append({"type": etype, "source": rows[0]["source_actor"],
                    "target": rows[0]["target_actor"], "independent_outlets": independent(mat, ids),
                    "dates": sorted({r["date"] for r in rows if r["date"]}),
                    "evidence": [{"article_id": r["article_id"], "start": r["start"],
                                  "end": r["end"], "outlet": mat.sources[r["article_id"]].label}
                                 for r in rows]})
    out.sort(key=lambda e: -e["independent_outlets"])
    return out


def _claims(mat: material.Material, by_value: dict[Any, list[material.Unit]]) -> list[dict]:
    return [{"value": value, "independent_outlets": independent(mat, [u.article_id for u in us]),
             "evidence": [_evidence(mat, u) for u in us]}
            for value, us in sorted(by_value.items(), key=lambda kv: str(kv[0]))]


def _independent_values(mat: material.Material, by_value: dict[Any, list[material.Unit]]) -> bool:
    """At least two values, and not all from one original (a copy cannot contradict itself)."""
    if len(by_value) < 2:
        return False
    origins = {mat.sources[u.article_id].original_id for us in by_value.values() for u in us}
    return len(origins) > 1


def _casualty_kind(unit: material.Unit, verb: str) -> str | None:
    """What a count counts: the verb that governs it says (killed → deaths); else, under a
    verb that says nothing of it (``COUNT_LIGHT_VERBS``: "left three people dead"), the
    sentence's one casualty kind. A sentence naming dead *and* wounded with a neutral verb
    ("left 100 people in hospital and two dead") gives no kind: it is not compared."""
    for kind, members in CASUALTY_KINDS.items():
        if verb in members:
            return kind
    if verb not in COUNT_LIGHT_VERBS:
        return None
    kinds = [kind for kind, members in CASUALTY_KINDS.items() if members & set(unit.terms)]
    return kinds[0] if len(kinds) == 1 else AMBIGUOUS if kinds else None


AMBIGUOUS = "ambiguous"
# A year named in a sentence: one earlier than the report's own is another event's.
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def _about_this_event(mat: material.Material, unit: material.Unit) -> bool:
    """A count may be compared only when its sentence reports this story's event: not one
    dated (by its words or its year) well before the report ("the 2015 Paris attacks,
    which killed 130"), which is another event given as background."""
    src = mat.sources[unit.article_id]
    published = parse_day(src.day)
    if published is None:
        return True
    happened = parse_day(unit.event_day)
    if happened is not None and (published - happened).days > 2:
        return False
    years = [int(y) for y in YEAR.findall(mat.text(unit))]
    return not any(y < published.year for y in years)


def _close_in_time(mat: material.Material, by_value: dict[Any, list[material.Unit]]) -> dict:
    """Keep values reported within a day of a different value: a toll revised over a
    week is an update; two tolls on the same days disagree."""
    def days(units: list[material.Unit]) -> set[date]:
        return {d for u in units if (d := parse_day(mat.sources[u.article_id].day))}

    kept = {}
    for value, units in by_value.items():
        mine = days(units)
        others = set().union(*(days(us) for v, us in by_value.items() if v != value))
        if any(abs((a - b).days) <= 1 for a in mine for b in others):
            kept[value] = units
    return kept


def _close_values(by_value: dict[float, list[material.Unit]],
                  ratio: float) -> list[dict[float, list[material.Unit]]]:
    """The values split into runs whose neighbours differ by at most ``ratio`` times.

    Two tolls of one event told the same day differ by a few ("two killed" / "three
    dead", 50 / 59); a count far from every other is of something else (the two dead of
    a bombing beside the 30 of an air strike a week before, a hospital's 2 trapped beside
    50 injured): it is no claim against them, and each run is its own disagreement."""
    runs: list[dict[float, list[material.Unit]]] = []
    previous = None
    for value in sorted(by_value):
        if previous is None or value > previous * ratio or previous <= 0:
            runs.append({})
        runs[-1][value] = by_value[value]
        previous = value
    return runs


def number_conflicts(mat: material.Material, ratio: float = 3.0) -> list[dict]:
    """Different counts of the same casualty kind reported within a day of each other,
    values at most ``ratio`` (``Settings.contradiction_count_ratio``) apart."""
    facts: dict[tuple[str, str], dict[float, list[material.Unit]]] = defaultdict(
        lambda: defaultdict(list))
    for unit in mat.units:
        if unit.truncated:
            continue
        if not _about_this_event(mat, unit):
            continue
        for value, noun, verb in unit.numbers:
            kind = _casualty_kind(unit, verb)
            # Only a casualty count is one running figure of the story's event: other
            # numbers sharing a noun and a verb ("won 15 games" / "won 50 games", "10 metres
            # from the bottom" / "40 metres deep") are different facts, not one disagreement.
            if kind is None or kind == AMBIGUOUS:
                continue
            key = (noun, kind)
            if unit not in facts[key][value]:
                facts[key][value].append(unit)
    out = []
    for (noun, what), by_value in facts.items():
        for run in _close_values(by_value, ratio):
            run = _close_in_time(mat, run)
            if _independent_values(mat, run):
                out.append({"kind": "number", "fact": f"{noun} ({what})",
                            "claims": _claims(mat, run)})
    return out


def date_conflicts(mat: material.Material, settings: Settings) -> list[dict]:
    """The same past act (a paraphrase) dated to different days by different reports.

    Each report's day is the act's own (``Unit.act_day``): the day a speaker spoke
    ("On Thursday he tweeted ...") dates a statement, and a statement's day against
    another report's act day is no disagreement.
    """
    facts: dict[int, dict[str, list[material.Unit]]] = {}
    dated = [u for u in mat.units if u.act_day and not u.truncated]
    index = ParaphraseIndex(settings.paraphrase_threshold, settings.paraphrase_min_terms,
                            term_frequency(u.terms for u in dated))
    for unit in dated:
        index.add(unit.terms)
    for i, a in enumerate(dated):
        for j in index.matches(a.terms):  # the pairs whose overlap reaches the threshold
            if j <= i:
                continue
            b = dated[j]
            src_a, src_b = mat.sources[a.article_id], mat.sources[b.article_id]
            if src_a.original_id == src_b.original_id or a.act_day == b.act_day:
                continue
            past = min(filter(None, (src_a.day, src_b.day)), default=None)
            if past is None or max(a.act_day, b.act_day) > past:
                continue  # plans are re-dated as they move; only past acts can disagree
            fact = facts.setdefault(id(a), {})
            for unit in (a, b):
                if unit not in fact.setdefault(unit.act_day, []):
                    fact[unit.act_day].append(unit)
    return [{"kind": "date", "fact": mat.text(next(iter(f.values()))[0])[:120],
             "claims": _claims(mat, f)} for f in facts.values()]


def actor_conflicts(conn: sqlite3.Connection, mat: material.Material) -> list[dict]:
    """The same act on the same target on the same day credited to different actors (from
    events). Without a day two such events are no one act: many actors restrict one
    target ("Iran blocked Telegram" / "Telegram was banned from the App Store by Apple")
    and nobody disagrees."""
    if not has_table(conn, "events"):
        return []
    acts: dict[tuple[str, str, str], dict[str, list[sqlite3.Row]]] = defaultdict(
        lambda: defaultdict(list))
    by_article: dict[str, list[material.Unit]] = defaultdict(list)
    for unit in mat.units:
        by_article[unit.article_id].append(unit)
    for row in events_of(conn, mat.story_id, with_both_actors=True):
        unit = _unit_at(by_article, row["article_id"], row["start"])
        if unit is not None and not _about_this_event(mat, unit):
            continue  # "in 1997, when the Indians were beaten by the Marlins"
        if (row["type"] in PHYSICAL_ACTS and row["date"] and is_actor_name(row["source_actor"])
                and is_actor_name(row["target_actor"])):
            key = (row["type"], row["target_actor"].casefold(), row["date"][:10])
            acts[key][row["source_actor"]].append(row)
    out = []
    for (etype, target, _day), by_source in acts.items():
        origins = {mat.sources[r["article_id"]].original_id
                   for rows in by_source.values() for r in rows}
        by_source = _one_actor_one_name(mat, by_source)
        # "soldiers", "elite troops", "his presidential guard": one side, told differently.
        sides = {_family(source) or name_key(source) for source in by_source}
        if len(sides) < 2 or len(origins) < 2:
            continue
        claims = [{"value": source,
                   "independent_outlets": independent(mat, [r["article_id"] for r in rows]),
                   "evidence": [{"article_id": r["article_id"], "start": r["start"],
                                 "end": r["end"], "outlet": mat.sources[r["article_id"]].label,
                                 "text": mat.sources[r["article_id"]].text[r["start"]:r["end"]]}
                                for r in rows]}
                  for source, rows in by_source.items()]
        out.append({"kind": "actor", "fact": f"{etype} against {target}", "claims": claims})
    return out


def _unit_at(units: dict[str, list[material.Unit]], article_id: str,
             start: int) -> material.Unit | None:
    """The unit (of ``units``, by article) holding a character offset of an article."""
    return next((u for u in units.get(article_id, ()) if u.start <= start < u.end), None)


def _one_actor_one_name(mat: material.Material,
                        by_source: dict[str, list[sqlite3.Row]]) -> dict[str, list[sqlite3.Row]]:
    """Fold the names of one actor: a description with no proper name ("the group")
    is the named side its own evidence names ("The group that seized power, calling
    itself the Defense and Security Forces"), and a bare description naming none is
    no side at all. Two names of one actor never disagree."""
    named = [s for s in by_source if any(t[:1].isupper() for t in s.split())]
    out: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for source, rows in by_source.items():
        if source in named:
            out[source].extend(rows)
            continue
        evidence = " ".join(name_key(mat.sources[r["article_id"]].text[r["start"]:r["end"]])
                            for r in rows)
        home = next((n for n in named if name_key(n) and name_key(n) in evidence), None)
        if home is not None:
            out[home].extend(rows)
    return dict(out)


def _doer_sides(acts: list[tuple[material.Unit, list]]) -> dict[str, str]:
    """Doer phrase → side: the organisation it names; else the organisation whose doers
    share its head noun ("revenue officers" → the authority that "officers of the Zambia
    Revenue Authority" names); else its actor family (troops, soldiers → military)."""
    org_of_head = {a[3]: a[4] for _, a in acts if a[4]}
    return {a[2]: a[4] or org_of_head.get(a[3]) or _family(a[2]) or a[3] for _, a in acts}


def doer_conflicts(mat: material.Material) -> list[dict]:
    """The same act on the same people credited to different doers by independent reports
    ("held by Zambian police" / "stopped by officers of the Zambia Revenue Authority, not by
    the police"), read from the units' act frames. An act whose patient is a pronoun
    ("they were stopped by ...") joins the most reported patient of that act."""
    by_act: dict[str, list[tuple[material.Unit, list]]] = defaultdict(list)
    for unit in mat.units:
        if not unit.truncated and _about_this_event(mat, unit):
            for act in unit.acts:
                if is_actor_name(act[2]):
                    by_act[act[0]].append((unit, act))
    out = []
    for act_name, acts in by_act.items():
        patients = Counter(a[1] for _, a in acts if a[1])
        usual = patients.most_common(1)[0][0] if patients else None
        groups: dict[str | None, list[tuple[material.Unit, list]]] = defaultdict(list)
        for unit, act in acts:
            groups[act[1] or usual].append((unit, act))
        for patient, members in groups.items():
            if patient is None:
                continue  # no one named as done to: "the gunman killed himself" and
                # "they are shot dead by police" are two acts, not one told twice
            sides = _doer_sides(members)
            claimed: dict[str, list[material.Unit]] = defaultdict(list)
            wordings: dict[str, list[list]] = defaultdict(list)
            for unit, act in members:
                side = sides[act[2]]
                if not act[5] and unit not in claimed[side]:
                    claimed[side].append(unit)
                    wordings[side].append(act)
            if len(claimed) < 2 or not _independent_values(mat, claimed):
                continue
            # Each side shown by the wording that names its organisation, else its first.
            shown = {side: next((a[2] for a in acts_ if a[4] == side), acts_[0][2])
                     for side, acts_ in wordings.items()}
            claims = _claims(mat, {shown[side]: units for side, units in claimed.items()})
            out.append({"kind": "actor", "fact": f"who did it: {act_name} {patient or ''}".strip(),
                        "claims": claims})
    return out


def _family(text: str) -> str | None:
    tokens = set(words(text))
    for family, members in ACTOR_FAMILIES.items():
        if tokens & members:
            return family
    return None


def denial_conflicts(conn: sqlite3.Connection, mat: material.Material) -> list[dict]:
    """"X was not involved" in one statement, X's kind backing someone in another."""
    cues = stance_cues_of(conn, mat.story_id, supporting=True)
    out = []
    for unit in mat.units:
        for subject, verb in unit.negated:
            family = _family(subject)
            if family is None or verb not in INVOLVEMENT_VERBS:
                continue
            # Two speakers may disagree inside one article, so the same report counts.
            backing = [c for c in cues if _family(c["source"]) == family]
            if not backing:
                continue
            # The backing most about the same thing first (shared words with the denial).
            denial = set(words(mat.text(unit)))
            backing.sort(key=lambda c: -len(denial & set(words(
                mat.sources[c["article_id"]].text[c["start"]:c["end"]]))))
            # Evidence: the reports of that same backing (same side backed), not every
            # cue whose source happens to be of the family ("troops ... supporting").
            backed = name_key(backing[0]["target"])
            backing = [c for c in backing if name_key(c["target"]) == backed]
            out.append({
                "kind": "denial", "fact": f"{subject} — {verb}",
                "claims": [
                    {"value": f"{subject}: not {verb}d", "independent_outlets": 1,
                     "evidence": [_evidence(mat, unit)]},
                    {"value": f"{backing[0]['source']} backs {backing[0]['target']}",
                     "independent_outlets": independent(mat, [c["article_id"] for c in backing]),
                     "evidence": [{"article_id": c["article_id"], "start": c["start"],
                                   "end": c["end"], "outlet": mat.sources[c["article_id"]].label,
                                   "text": mat.sources[c["article_id"]].text[c["start"]:c["end"]]}
                                  for c in backing]},
                ]})
    return out


def corroboration(conn: sqlite3.Connection, story_id: str, settings: Settings,
                  mat: material.Material | None = None) -> dict[str, Any] | None:
    """``{statements, events, contradictions}`` for one story (``mat``: its material,
    when the caller loaded it)."""
    mat = mat or material.load(conn, story_id, settings.speech_date_window)
    if mat is None:
        return None
    contradictions = (number_conflicts(mat, settings.contradiction_count_ratio)
                      + date_conflicts(mat, settings)
                      + actor_conflicts(conn, mat) + doer_conflicts(mat)
                      + denial_conflicts(conn, mat))
    return {"story_id": story_id, "statements": statements(mat, settings),
            "events": events(conn, mat), "contradictions": contradictions}
