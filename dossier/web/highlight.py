"""Cut an article's clean text into segments so every extracted item shows at its span.

Items overlap (a quote contains an actor mention and a date), so the text is cut at
every item boundary into flat segments, each knowing which items cover it; the
template wraps each segment in one element. Segments hold plain text: escaping is
left to Jinja's autoescape, so untrusted article text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.web.schemas import HighlightOut, RemovedBlockOut


@dataclass
class Segment:
    text: str
    start: int
    items: list[int] = field(default_factory=list)  # indexes into the highlight list
    kinds: list[str] = field(default_factory=list)
    focus: bool = False  # inside the span the reader came to see (?hl=start-end)
    anchors: list[int] = field(default_factory=list)  # items that begin here
    removed: list[RemovedBlockOut] = field(default_factory=list)  # clutter shown before it

    @property
    def css(self) -> str:
        classes = ["hl"] + [f"k-{k}" for k in sorted(set(self.kinds))]
        if self.focus:
            classes.append("focus")
        return " ".join(classes) if self.items or self.focus else ""


def segments(
    text: str,
    highlights: list[HighlightOut],
    focus: tuple[int, int] | None = None,
    removed: dict[int, list[RemovedBlockOut]] | None = None,
) -> list[Segment]:
    """Flat segments covering ``text`` exactly once, in order.

    ``removed`` maps offsets to the removed clutter drawn just before them (see
    ``dossier.web.clutter``); clutter at the very end gets an empty last segment.
    """
    n = len(text)
    removed = removed or {}
    spans = [(max(0, min(h.start, n)), max(0, min(h.end, n))) for h in highlights]
    cuts = {0, n, *(at for at in removed if 0 < at < n)}
    for a, b in spans:
        if a < b:
            cuts.update((a, b))
    if focus:
        fa, fb = max(0, min(focus[0], n)), max(0, min(focus[1], n))
        if fa < fb:
            cuts.update((fa, fb))
    else:
        fa = fb = -1
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        seg = Segment(text=text[a:b], start=a, focus=fa <= a and b <= fb,
                      removed=removed.get(a, []))
        for i, (ha, hb) in enumerate(spans):
            if ha <= a and b <= hb and ha < hb:
                seg.items.append(i)
                seg.kinds.append(highlights[i].kind)
                if ha == a:
                    seg.anchors.append(i)
        out.append(seg)
    if removed.get(n):
        out.append(Segment(text="", start=n, removed=removed[n]))
    return out
