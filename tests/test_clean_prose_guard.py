"""Prose is never deleted on weak evidence: the failure shapes seen on real scraped news.

Every fixture here is written by us, in the layouts scrapers produce: one line per
paragraph with no blank lines between them, media markers ("Photo", "Video") where a
picture stood, credit lines, and galleries after a short report.
"""

from __future__ import annotations

from dossier.clean import clean_article
from dossier.clean.text_clutter import remove_clutter
from dossier.config import Settings
from dossier.models import RawArticle

SETTINGS = Settings()  # the run's settings: the measured defaults
CLEAN = Settings().clean

LEAD = (
    "ALDORA — A harbour festival in the port city of Aldora was cut short on Sunday night "
    "when a crane collapsed onto the crowded quay, killing four people and injuring dozens."
)
PROSE = [
    LEAD,
    "Witnesses said the crane's arm swung loose in a gust of wind shortly after the fireworks "
    "began, and that stewards had tried to clear the quay minutes earlier.",
    "The port authority said it had opened an inquiry and that all cranes on the waterfront "
    "would stay locked until engineers had inspected every one of them.",
    "Mayor Ilse Varga, speaking outside the city hospital on Monday morning, said the city "
    "would hold a day of mourning and pay for the funerals of the victims.",
    "Union officials said they had warned the authority in March that the older cranes were "
    "unsafe in high winds and had asked for them to be taken out of service.",
]


def kept_all(text: str, paragraphs: list[str]) -> bool:
    return all(paragraph in text for paragraph in paragraphs)


def test_photo_and_video_marker_lines_take_no_prose_with_them():
    # One line per paragraph, no blank lines: the whole article is a single "paragraph".
    text = "\n".join(
        ["Crane collapse kills four at Aldora festival", PROSE[0], PROSE[1], "Photo",
         PROSE[2], PROSE[3], "Video", PROSE[4]]
    )
    cleaned = remove_clutter(text, CLEAN)
    assert kept_all(cleaned.text, PROSE)
    assert [(b.reason, b.text) for b in cleaned.removed if b.reason == "media-marker"] == [
        ("media-marker", "Photo"), ("media-marker", "Video")
    ]
    assert cleaned.warnings == []


def test_a_credit_line_below_prose_takes_only_a_caption_shaped_line():
    caption = "Rescue workers search the quay in Aldora on Monday."
    text = "\n".join([PROSE[0], PROSE[1], caption, "Photograph: Tomas Ried/Getty Images",
                      PROSE[2], PROSE[3]])
    cleaned = remove_clutter(text, CLEAN)
    assert kept_all(cleaned.text, PROSE[:4])
    assert "Photograph: Tomas Ried/Getty Images" not in cleaned.text
    credit = [b.text for b in cleaned.removed if b.reason == "photo-credit"]
    assert credit == ["Photograph: Tomas Ried/Getty Images"]


def test_a_lone_credit_after_the_lead_does_not_delete_the_lead():
    text = "\n".join([PROSE[0], PROSE[1], "Photograph: Getty Images", PROSE[2]])
    cleaned = remove_clutter(text, CLEAN)
    assert kept_all(cleaned.text, PROSE[:3])
    assert [b.reason for b in cleaned.removed] == ["photo-credit"]


def test_short_report_followed_by_a_long_gallery_is_cleaned_not_refused():
    gallery = []
    for n in range(1, 31):
        gallery.append(f"{n}/30")
        gallery.append(f"Mourners leave flowers on the quay in Aldora, picture {n}. "
                       "Photograph: Tomas Ried/AFP")
    text = "\n".join([PROSE[0], PROSE[1], PROSE[2], *gallery])
    article = clean_article(RawArticle("gallery.txt", text, False), SETTINGS)
    assert kept_all(article.text, PROSE[:3])
    assert "Photograph: Tomas Ried/AFP" not in article.text
    reasons = {b.reason for b in article.removed}
    assert {"media-marker", "photo-credit", "photo-caption"} <= reasons


def test_rules_that_would_remove_most_prose_keep_it_with_a_warning():
    # Each news paragraph sits above a credit in a two-line paragraph: caption-shaped
    # on its own, but taking them all would leave nothing of the report.
    short = [
        "Four people died when a crane fell onto the quay in Aldora on Sunday night.",
        "The port authority said on Monday that it had opened an inquiry into the collapse.",
        "Mayor Ilse Varga said the city would hold a day of mourning for the victims.",
    ]
    text = "\n\n".join(f"{line}\nAFP – Getty Images" for line in short)
    article = clean_article(RawArticle("credits.txt", text, False), SETTINGS)
    assert kept_all(article.text, short)
    assert "Getty Images" not in article.text
    assert len(article.warnings) == 1 and "would have removed" in article.warnings[0]


def test_every_removed_character_is_recorded_with_its_reason():
    text = "\n".join([PROSE[0], "Photo", PROSE[1], "Photograph: Getty Images", PROSE[2],
                      "Advertisement", PROSE[3]])
    cleaned = remove_clutter(text, CLEAN)
    for block in cleaned.removed:
        assert text[block.position : block.position + len(block.text)] == block.text
        assert block.reason
    kept_words = len(cleaned.text.split())
    removed_words = sum(len(b.text.split()) for b in cleaned.removed)
    assert kept_words + removed_words == len(text.split())


def test_long_paragraph_ending_in_an_ellipsis_after_a_teaser_heading_is_prose():
    trailing = (
        "The mayor said the inquiry would look at the cranes, the stewards, the wind warnings "
        "issued that afternoon, the decision to go ahead with the fireworks and the response "
        "of the emergency services, and then she paused and said she could not go on..."
    )
    text = "\n\n".join([PROSE[0], "Related", "Crane safety rules under review", trailing])
    cleaned = remove_clutter(text, CLEAN)
    assert trailing in cleaned.text
    assert "Crane safety rules under review" not in cleaned.text


def test_bare_outlet_name_after_a_clause_is_not_a_credit():
    line = (
        "Shares in the crane maker fell 4% in early trading on Monday, the most in a year, "
        "traders said, citing Reuters"
    )
    cleaned = remove_clutter("\n\n".join([PROSE[0], line, PROSE[1]]), CLEAN)
    assert line in cleaned.text and cleaned.removed == []


PAGE = (
    "<!doctype html><html><head><title>Crane collapse kills four</title></head><body>"
    "<article><h1>Crane collapse kills four at Aldora festival</h1>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in PROSE)
    + "</article></body></html>"
)


def test_html_missing_only_its_last_angle_bracket_is_cleaned_with_a_warning(tmp_path):
    from dossier.ingest import read_paths

    path = tmp_path / "cut.html"
    path.write_text(PAGE[:-1], encoding="utf-8")  # ends "</html"
    [raw] = list(read_paths([path], 1_000_000))
    assert isinstance(raw, RawArticle)
    article = clean_article(raw, SETTINGS)
    assert kept_all(article.text, PROSE[1:])
    assert any("cut closing tag" in warning for warning in article.warnings)


def test_html_cut_inside_the_article_is_still_refused(tmp_path):
    from dossier.ingest import read_paths

    path = tmp_path / "half.html"
    path.write_text(PAGE[: PAGE.index("<p>", PAGE.index(PROSE[2])) + 2], encoding="utf-8")
    [error] = list(read_paths([path], 1_000_000))
    assert not isinstance(error, RawArticle)
    assert "truncated HTML" in error.reason


def test_news_sentence_about_people_signing_up_is_not_a_subscribe_line():
    line = ("The company added that players who sign up for the trial will get an early look "
            "at the new features.")
    cleaned = remove_clutter("\n\n".join([PROSE[0], line, PROSE[1]]), CLEAN)
    assert line in cleaned.text and cleaned.removed == []


def test_page_saved_past_its_footer_without_closing_tags_is_cleaned(tmp_path):
    from dossier.ingest import read_paths

    path = tmp_path / "saved.html"
    path.write_text(PAGE.replace("</body></html>", "<footer>About us</footer>"),
                    encoding="utf-8")
    [raw] = list(read_paths([path], 1_000_000))
    article = clean_article(raw, SETTINGS)
    assert kept_all(article.text, PROSE[1:])
    assert any("never closed" in warning for warning in article.warnings)
