"""A brief to hand on: one story's dossier as a single self-contained HTML or Markdown file.

An analyst forwards a brief to people who have no desk: so it loads nothing from
anywhere (styles inline, no scripts, no images), names the outlet, date and URL of
every source it cites, and prints on paper as cleanly as it reads on screen. It is
built from the same reads as the story page, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from dossier import __version__
from dossier.web.data import Desk
from dossier.web.deps import Filters
from dossier.web.pages import EVERYTHING, quotes_by_speaker, split_timeline
from dossier.web.render import nicedate
from dossier.web.schemas import (
    ArticleOut,
    ContradictionOut,
    DigestSentenceOut,
    EvidenceOut,
    QuoteOut,
    StanceOut,
    StoryOut,
    TimelineItemOut,
)

FORMATS = ("html", "md")


@dataclass
class Cited:
    """A fact of the brief with the numbers of the sources (in ``Brief.sources``) it rests on."""

    text: str
    refs: list[int]
    date: str | None = None
    extra: str = ""

    def cite(self, refs: list[int]) -> None:
        """Add sources: the same fact carried by another article cites it too."""
        self.refs = sorted(set(self.refs) | set(refs))


@dataclass
class SpeakerQuotes:
    name: str
    quotes: list[Cited]


@dataclass
class Brief:
    """Everything one brief shows, in reading order; every fact cites numbered sources."""

    story: StoryOut
    digest: list[Cited]
    key_events: list[Cited]
    speakers: list[SpeakerQuotes]
    stances: list[Cited]
    contradictions: list[tuple[str, list[Cited]]]
    sources: list[ArticleOut]
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def date_range(self) -> str:
        first, last = self.story.first_seen, self.story.last_seen
        if not first:
            return "undated"
        if not last or last[:10] == first[:10]:
            return nicedate(first[:10])
        return f"{nicedate(first[:10])} – {nicedate(last[:10])}"


class _SourceIndex:
    """Numbers the story's articles in publication order; a fact cites them by number."""

    def __init__(self, articles: list[ArticleOut]) -> None:
        self.articles = articles
        self.number = {a.id: i + 1 for i, a in enumerate(articles)}

    def refs(self, evidence: Iterable[EvidenceOut]) -> list[int]:
        return sorted({self.number[e.article_id] for e in evidence if e.article_id in self.number})


def _digest(sentences: list[DigestSentenceOut], index: _SourceIndex) -> list[Cited]:
    return [Cited(s.text, index.refs(s.evidence), s.date) for s in sentences]


def _events(items: list[TimelineItemOut], index: _SourceIndex) -> list[Cited]:
    return [Cited(t.label, index.refs(t.evidence), t.date,
                  "" if t.date_basis != "reported" else "date reported, not stated")
            for t in items]


def _speakers(quotes: list[QuoteOut], index: _SourceIndex) -> list[SpeakerQuotes]:
    """Each speaker's quotes, a quote carried by several articles (copies) listed once."""
    out = []
    for name, _, group in quotes_by_speaker(quotes):
        merged: dict[str, Cited] = {}
        for q in group:
            key = " ".join(q.content.casefold().split())
            cited = merged.setdefault(key, Cited(q.content, [], q.date, q.cue or "said"))
            cited.cite(index.refs([q.evidence]))
        out.append(SpeakerQuotes(name, list(merged.values())))
    return out


def _stances(stances: list[StanceOut], index: _SourceIndex) -> list[Cited]:
    """One line per (source, stance, target), citing every article that shows it."""
    verb = {1: "backs", -1: "opposes", 0: "both backs and opposes"}
    merged: dict[str, Cited] = {}
    for s in stances:
        text = f"{s.source} {verb.get(s.polarity, 'is mixed on')} {s.target}"
        cited = merged.setdefault(text, Cited(text, []))
        cited.cite(index.refs(s.evidence))
    return list(merged.values())


def _contradictions(rows: list[ContradictionOut],
                    index: _SourceIndex) -> list[tuple[str, list[Cited]]]:
    return [(f"{c.kind}: {c.fact}",
             [Cited(claim.value, index.refs(claim.evidence),
                    extra=f"{claim.independent_outlets} independent outlet"
                          f"{'' if claim.independent_outlets == 1 else 's'}")
              for claim in c.claims])
            for c in rows]


def build_brief(desk: Desk, story_id: str) -> Brief | None:
    """The brief of one story from the desk's reads, or None when there is no such story."""
    story = desk.story(story_id)
    if story is None:
        return None
    f = Filters(limit=EVERYTHING, story=story_id)
    # Sources numbered in publication order, undated last: [1] is the first report.
    articles = sorted(desk.articles(f).items,
                      key=lambda a: (a.published is None, a.published or "", a.id))
    index = _SourceIndex(articles)
    digest = desk.digest(story_id)
    return Brief(
        story=story,
        digest=_digest(digest.sentences if digest else [], index),
        key_events=_events(split_timeline(desk.timeline(f).items, desk.settings.timeline_shown)
                           ["timeline_main"], index),
        speakers=_speakers(desk.quote_list(f), index),
        stances=_stances(desk.stance_list(f), index),
        contradictions=_contradictions(desk.contradictions(story_id) or [], index),
        sources=index.articles,
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    folder = Path(str(resources.files("dossier.web") / "templates"))
    # autoescape: article text is untrusted, and the brief travels beyond the desk.
    env = Environment(loader=FileSystemLoader(folder), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(nicedate=nicedate)
    return env


MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|"})


def _md(value: object) -> str:
    """Article text inside Markdown: one line, characters that would start markup escaped."""
    return " ".join(str(value or "").split()).translate(MARKDOWN_SPECIAL)


def _cite(refs: list[int]) -> str:
    return "".join(f"[{r}]" for r in refs)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _markdown(brief: Brief) -> str:
    """The same sections as the HTML brief; sources as numbered references at the end."""
    story = brief.story
    outlets = f": {_md(', '.join(story.outlets))}" if story.outlets else ""
    out = [f"# {_md(story.title or '(untitled story)')}", "",
           f"*Story brief · {brief.date_range} · {_plural(story.n_articles, 'article')} from "
           f"{_plural(len(story.outlets), 'outlet')}{outlets}*", "", "## What happened", ""]
    for s in brief.digest:
        when = f"**{nicedate(s.date)}.** " if s.date else ""
        out += [f"{when}{_md(s.text)} {_cite(s.refs)}".rstrip(), ""]
    if not brief.digest:
        out += ["*No digest for this story.*", ""]
    out += ["## Key events", ""]
    for i, e in enumerate(brief.key_events, 1):
        extra = f" ({e.extra})" if e.extra else ""
        when = nicedate(e.date) if e.date else "undated"
        out.append(f"{i}. **{when}** {_md(e.text)} {_cite(e.refs)}{extra}")
    out += ([""] if brief.key_events else ["*No dated events.*", ""]) + ["## Who said what", ""]
    for sp in brief.speakers:
        out += [f"### {_md(sp.name)}", ""]
        for q in sp.quotes:
            when = f", {nicedate(q.date)}" if q.date else ""
            out += [f"> “{_md(q.text)}” {_cite(q.refs)} — {q.extra}{when}", ""]
    if not brief.speakers:
        out += ["*No quotes.*", ""]
    out += ["## Stances", ""]
    out += [f"- {_md(s.text)} {_cite(s.refs)}" for s in brief.stances] or ["*No stances.*"]
    out += ["", "## Where reports disagree", ""]
    for fact, claims in brief.contradictions:
        out += [f"### {_md(fact)}", ""]
        out += [f"- {_md(c.text)} {_cite(c.refs)} ({c.extra})" for c in claims] + [""]
    if not brief.contradictions:
        out += ["*The reports do not contradict each other on any fact Dossier compares.*", ""]
    out += ["## Sources", ""]
    for i, a in enumerate(brief.sources, 1):
        when = nicedate(a.published) if a.published else "undated"
        link = f" <{a.url}>" if a.url and " " not in a.url and ">" not in a.url else ""
        out.append(f"{i}. **{_md(a.outlet or 'outlet unknown')}**, {when}: "
                   f"{_md(a.title or a.source_path or a.id)}{link}")
    out += ["", "---", "", f"Built by Dossier {__version__} on {brief.generated} from "
            f"{_plural(len(brief.sources), 'article')}; every fact cites the numbered sources "
            "it rests on.", ""]
    return "\n".join(out)


def render_brief(brief: Brief, fmt: str = "html") -> str:
    """The brief as one file's text: ``html`` (self-contained, print-ready) or ``md``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown brief format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "md":
        return _markdown(brief)
    return _environment().get_template("brief.html").render(brief=brief, version=__version__)
