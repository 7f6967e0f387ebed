"""Full-page rules: trim menus, link lists and footers around a flattened page's article."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.clean.text_clutter import Line


def label_page_boilerplate(lines: list[Line]) -> None:
    """Placeholder until measured: see benchmarks/clean.py."""
    return None
