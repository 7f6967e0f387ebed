"""A line of scraped text as the clutter rules see it: shared by the line and page rules."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.clean import patterns as p


@dataclass
class Line:
    """One non-blank line (or half of one) of the input, where it sits, and its verdict."""

    start: int  # char offset in the original text
    text: str  # stripped
    para: int  # paragraph index: lines separated by a blank line are in different ones
    label: str | None = None  # the removal reason, None while kept

    @property
    def words(self) -> int:
        return len(p.WORD.findall(self.text))
