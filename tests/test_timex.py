"""Temporal expressions: TIMEX3 values anchored on the publication date and the clause's tense."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.config import Settings
from dossier.extract.timex import Timex, extract_timexes
from dossier.extract.timex_rules import Normalized, normalize, resolve_weekday

FRIDAY = "2023-07-28"
SETTINGS = Settings()


def timexes(doc, published: str | None, dateline: str | None = None) -> list[Timex]:
    return extract_timexes(doc, published, dateline, settings=SETTINGS)


def read(text: str, anchor: date, tense: str = "past") -> Normalized | None:
    return normalize(text, anchor, tense, settings=SETTINGS)


def values(nlp, text: str, published: str | None = FRIDAY) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in timexes(nlp(text), published)}


def test_wednesday_resolves_against_friday_publication(nlp):
    found = values(nlp, "Bazoum was confined on Wednesday by members of his guard.")
    assert found["Wednesday"] == ("DATE", "2023-07-26")


def test_thursday_in_past_tense_is_the_day_before_publication(nlp):
    found = values(nlp, "The European Union on Thursday demanded his release.")
    assert found["Thursday"] == ("DATE", "2023-07-27")


def test_will_meet_on_monday_is_the_next_monday(nlp):
    found = values(nlp, "The ministers will meet on Monday in Abuja.")
    assert found["Monday"] == ("DATE", "2023-07-31")


def test_past_monday_across_a_week_boundary(nlp):
    # A Tuesday paper: last-week Friday in the past tense, next-week Friday in the future.
    past = values(nlp, "Troops left the city on Friday.", "2023-08-01")
    future = values(nlp, "Troops will leave the city on Friday.", "2023-08-01")
    assert past["Friday"][1] == "2023-07-28"
    assert future["Friday"][1] == "2023-08-04"


def test_same_weekday_as_publication_is_that_day_in_past_tense():
    assert resolve_weekday(4, date(2023, 7, 28), "past") == date(2023, 7, 28)
    assert resolve_weekday(4, date(2023, 7, 28), "past", "last") == date(2023, 7, 21)


def test_this_week_and_last_week_are_iso_weeks(nlp):
    found = values(nlp, "The army said this week it was ready. Talks failed last week.")
    assert found["this week"] == ("DATE", "2023-W30")
    assert found["last week"] == ("DATE", "2023-W29")


def test_clock_time_takes_its_zone_and_the_local_offset_follows(nlp):
    found = {t.text: t for t in timexes(
        nlp("The plane landed at 6.30 a.m. (1.30 a.m. ET) at the airport."), FRIDAY)}
    eastern = found["1.30 a.m. ET"]
    assert (eastern.type, eastern.zone, eastern.value) == ("TIME", "ET", "2023-07-28T01:30-04:00")
    assert found["6.30 a.m."].utc_offset == "+01:00"


def test_since_1960_is_a_year_with_its_signal(nlp):
    timex = next(t for t in timexes(
        nlp("The country has had four coups since 1960."), FRIDAY) if t.value == "1960")
    assert (timex.type, timex.signal, timex.mod) == ("DATE", "since", "ON_OR_AFTER")


def test_until_further_notice_is_an_open_future(nlp):
    found = values(nlp, "Party activity is suspended until further notice.")
    assert found["until further notice"] == ("DATE", "FUTURE_REF")


def test_durations_and_sets(nlp):
    found = values(nlp, "The talks lasted for three days. Patrols run every Monday.")
    assert found["three days"] == ("DURATION", "P3D")
    assert found["every Monday"] == ("SET", "XXXX-WXX-1")


def test_hours_later_anchors_on_the_story_not_the_publication(nlp):
    found = values(nlp, "He was detained on Wednesday. Hours later, the army closed the borders.")
    assert found["Hours later"][1] == "2023-07-26"


def test_relative_dates_stay_unresolved_without_a_publication_date(nlp):
    found = values(nlp, "The army said on Thursday it would not resist. He was elected in 2021.",
                   published=None)
    assert found["Thursday"] == ("DATE", None)
    assert found["2021"] == ("DATE", "2021")


def test_ages_are_not_dates(nlp):
    assert "63-year-old" not in values(nlp, "The 63-year-old is one of few elected leaders.")


@pytest.mark.parametrize(("text", "tense", "expected"), [
    ("three days ago", "past", "2023-07-25"),
    ("July 27", "past", "2023-07-27"),
    ("December 3", "past", "2022-12-03"),
    ("next month", "future", "2023-08"),
    ("yesterday morning", "past", "2023-07-27TMO"),
])
def test_rule_table(text, tense, expected):
    assert read(text, date(2023, 7, 28), tense).value == expected


def test_tuesday_in_seoul_is_the_day_after_a_monday_new_york_stamp(nlp):
    # A US outlet's Monday report on a launch "early on Tuesday" over Japan, Asia time.
    doc = nlp("North Korea fired a missile over Japan early on Tuesday, officials said.")
    by_day = {t.text: t.value for t in timexes(doc, "2017-08-28", "SEOUL, South Korea")}
    assert by_day["Tuesday"] == "2017-08-29"
    exact = {t.text: t.value
             for t in timexes(doc, "2017-08-28T20:15:00-04:00", "Seoul")}
    assert exact["Tuesday"] == "2017-08-29"


def test_without_a_dateline_ahead_of_the_outlet_a_past_tuesday_stays_last_week(nlp):
    doc = nlp("North Korea fired a missile over Japan early on Tuesday, officials said.")
    assert {t.text: t.value for t in timexes(doc, "2017-08-28")}["Tuesday"] == \
        "2017-08-22"
    assert {t.text: t.value for t in timexes(
        doc, "2017-08-28", "LONDON")}["Tuesday"] == "2017-08-22"


def test_a_year_earlier_in_an_earnings_report_is_that_quarter_a_year_before(nlp):
    doc = nlp("Net income rose in the third quarter. A year earlier, the company lost money.")
    values = {t.text: t.value for t in timexes(doc, "2023-11-02")}
    assert values["the third quarter"] == "2023-Q3"
    assert values["A year earlier"] == "2022-Q3"


def test_a_written_date_decides_which_saturday():
    assert read("Saturday, April 25", date(1998, 4, 24), "past").value == "1998-04-25"
    assert read("Friday Oct. 13", date(1989, 10, 27), "past").value == "1989-10-13"


def test_a_day_a_few_weeks_ahead_in_a_past_clause_is_this_years():
    assert read("Dec. 7", date(1989, 10, 27), "past").value == "1989-12-07"
    assert read("Aug. 30", date(1989, 1, 10), "past").value == "1988-08-30"


def test_parts_of_days_weekends_and_spoken_years():
    anchor = date(2023, 7, 28)  # a Friday
    assert read("last night", anchor).value == "2023-07-27TNI"
    assert read("Thursday evening", anchor, "past") == \
        read("Thursday evening", anchor, "past")  # deterministic
    assert read("Thursday evening", anchor, "past").value == "2023-07-27TEV"
    assert read("the weekend", anchor, "past").value == "2023-W29-WE"
    assert read("nineteen ninety-six", anchor).value == "1996"
    assert read("the late 1970s", anchor).value == "197"
    assert read("the full year", anchor).value == "2023"


def test_a_range_and_a_fiscal_period_are_read_as_their_parts(nlp):
    doc = nlp("Profit for the year ended March 31 rose. Talks ran from Aug. 26 to Oct. 20.")
    found = {t.text: (t.type, t.value) for t in timexes(doc, "2023-07-28")}
    assert found["March 31"] == ("DATE", "2023-03-31")
    assert found["Aug. 26"][1] == "2023-08-26" and found["Oct. 20"][1] == "2023-10-20"
    assert "Aug. 26 to Oct. 20" not in found
