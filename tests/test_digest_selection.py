"""What a short digest picks: sentences that fit, and the news from the top of articles."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

from dossier.config import Settings
from dossier.store.story_material import Unit
from dossier.stories import digest


def _material(texts: dict[tuple[str, int], str]) -> SimpleNamespace:
    units = [Unit(aid, seq, 0, 0, False, False, texts[(aid, seq)].lower().split())
             for aid, seq in texts]
    sources = {aid: SimpleNamespace(original_id=aid, day=None) for aid, _ in texts}
    lookup = {(u.article_id, u.seq): texts[(u.article_id, u.seq)] for u in units}
    return SimpleNamespace(units=units, sources=sources,
                           text=lambda u: lookup[(u.article_id, u.seq)])


def test_a_short_budget_takes_a_sentence_that_fits_over_a_long_one_cut_short() -> None:
    long = " ".join(f"word{i}" for i in range(40)) + "."
    mat = _material({("a", 0): long, ("a", 1): "The dam burst on Thursday, killing nine."})
    ranked = [digest.Group([u]) for u in mat.units]  # the long one ranks first
    chosen, used = digest._fill(mat, ranked, budget=20,
                                 settings=Settings(paraphrase_threshold=0.6))
    assert [u.seq for _, u in chosen] == [1] and used <= 20


def test_when_nothing_fits_the_best_unit_is_still_given() -> None:
    long = " ".join(f"word{i}" for i in range(40)) + "."
    mat = _material({("a", 0): long})
    chosen, _ = digest._fill(mat, [digest.Group(list(mat.units))], budget=10,
                             settings=Settings(paraphrase_threshold=0.6))
    assert len(chosen) == 1


def test_the_opening_sentence_outranks_the_same_words_further_down() -> None:
    text = "Floods cut the coastal road near the port town today."
    mat = _material({("a", 0): text, ("b", 7): text.replace("today", "again")})
    weights = Counter(t for u in mat.units for t in set(u.terms))
    first, later = (digest._score(mat, digest.Group([u]), weights, Settings()) for u in mat.units)
    assert first > later


def test_another_reports_lead_on_the_same_development_is_left_out() -> None:
    mat = _material({
        ("a", 0): "Floods cut the coastal road near the port town on Monday.",
        ("b", 0): "Rising water closed the coastal road to the port town, police said.",
        ("b", 5): "Schools in the district will stay shut until Friday.",
    })
    mat.sources["a"].day, mat.sources["b"].day = "2025-03-03", "2025-03-04"
    ranked = [digest.Group([u]) for u in mat.units]
    chosen, _ = digest._fill(mat, ranked, budget=100, settings=Settings())
    assert [(u.article_id, u.seq) for _, u in chosen] == [("a", 0), ("b", 5)]


def test_a_close_restatement_names_its_outlet_on_the_sentence_it_restates() -> None:
    text = "Floods cut the coastal road near the port town on Monday."
    mat = _material({("a", 0): text, ("b", 3): "On Monday floods cut the coastal road near "
                                                "the port town."})
    ranked = [digest.Group([u]) for u in mat.units]
    chosen, _ = digest._fill(mat, ranked, budget=100, settings=Settings())
    assert len(chosen) == 1 and [u.article_id for u in chosen[0][0].restated] == ["b"]
