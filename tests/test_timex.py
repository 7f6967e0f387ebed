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


def test_a_quarter_ended_on_a_day_is_that_quarter_and_six_months_ended_a_length(nlp):
    doc = nlp("Profit fell in the fourth quarter ended Sept. 30. For the six months ended "
              "Sept. 30, sales rose.")
    found = {t.text: (t.type, t.value) for t in timexes(doc, "2023-11-02")}
    assert found["the fourth quarter"] == ("DATE", "2023-Q4")
    assert found["the six months"] == ("DURATION", "P6M")


def test_an_ordinal_day_or_month_counts_a_period_and_measures_none(nlp):
    found = values(nlp, "It is the second day of the strike. It was the third consecutive "
                        "month of gains in the second quarter.")
    assert found["the second day"] == ("DATE", FRIDAY)
    assert "the third consecutive month" not in found
    assert found["the second quarter"] == ("DATE", "2023-Q2")


def test_a_plan_in_the_past_perfect_lies_behind_the_report(nlp):
    # A Monday report: the offer "had been due to expire" on the Friday just gone.
    found = values(nlp, "The offer had been due to expire Friday evening.", "2023-07-31")
    assert found["Friday evening"] == ("TIME", "2023-07-28TEV")


def test_a_day_an_adjective_governs_is_the_nearest_such_day(nlp):
    found = values(nlp, "The board declared a dividend, payable Jan. 2, and created a new "
                        "office, effective Feb. 1.", "2023-11-02")
    assert found["Jan. 2"] == ("DATE", "2024-01-02")
    assert found["Feb. 1"] == ("DATE", "2024-02-01")


def test_a_later_day_in_a_reduced_past_relative_is_last_years(nlp):
    found = values(nlp, "The index closed within 70 points of its record high set on Aug. 6.",
                   "2024-02-06")
    assert found["Aug. 6"] == ("DATE", "2023-08-06")


def test_a_clock_time_with_its_day_is_one_time(nlp):
    found = values(nlp, "The offer was extended until 5 p.m. EST Nov. 9. Talks broke off at "
                        "noon Thursday.", "2023-11-02")
    assert found["5 p.m. EST Nov. 9"] == ("TIME", "2023-11-09T17:00-05:00")
    assert found["noon Thursday"] == ("TIME", "2023-11-02T12:00")


def test_each_july_is_a_set_and_a_weekday_with_its_date_one_day(nlp):
    found = values(nlp, "Marchers parade each July. Funds lost $14 million on Friday Oct. 13 "
                        "alone.", "2023-10-27")
    assert found["each July"] == ("SET", "XXXX-07")
    assert found["Friday Oct. 13"] == ("DATE", "2023-10-13")


def test_a_range_of_two_years_is_two_years_and_the_near_term_lies_ahead(nlp):
    found = values(nlp, "He sold shares between 1985 and 1987. Margins will stay thin in the "
                        "near term.")
    assert found["1985"] == ("DATE", "1985") and found["1987"] == ("DATE", "1987")
    assert found["the near term"] == ("DATE", "FUTURE_REF")


def test_the_end_of_this_month_in_a_future_clause_is_this_months():
    assert read("the end of November", date(1989, 11, 2), "future").value == "1989-11"
    assert read("October", date(1989, 11, 2), "future").value == "1990-10"


def test_earlier_this_month_keeps_its_earlier_and_only_six_months_drops_only(nlp):
    found = values(nlp, "Earlier this month, the bank sold the unit. He had been manager for "
                        "only six months.")
    assert found["Earlier this month"] == ("DATE", "2023-07")
    assert found["six months"] == ("DURATION", "P6M")


def test_a_weekday_in_the_plural_recurs(nlp):
    found = values(nlp, "Two flights will leave on Tuesday nights. The market is shut on Sundays.")
    assert found["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert found["Sundays"] == ("SET", "XXXX-WXX-7")


def test_a_quarter_of_the_market_is_a_share_not_three_months(nlp):
    text = "The funds hold more than a quarter of the market. Sales rose in a quarter."
    found = [(t.start, t.type, t.value) for t in timexes(nlp(text), FRIDAY)]
    assert found == [(text.rindex("a quarter"), "DURATION", "P1Q")]


def test_the_morning_is_on_the_day_the_text_is_on(nlp):
    found = values(nlp, "Shares fell on Wednesday. Dealers placed heavy orders in the morning.")
    assert found["the morning"] == ("TIME", "2023-07-26TMO")


def test_a_non_finite_verb_takes_the_tense_of_the_verb_it_hangs_on(nlp):
    # A Friday report: the boy fell in "while harvesting on Sunday", five days back.
    found = values(nlp, "The boy fell into a well while harvesting vegetables on Sunday.",
                   "2016-11-11")
    assert found["Sunday"] == ("DATE", "2016-11-06")


def test_a_season_later_in_the_year_in_a_past_clause_is_last_years(nlp):
    found = values(nlp, "He began thinking about retirement during the summer.", "2018-01-01")
    assert found["the summer"] == ("DATE", "2017-SU")


def test_names_with_time_words_are_no_time_expressions(nlp):
    found = values(nlp, "He won Coach of the Year. The team lost its quarterback in Week 7. "
                        "A gunman stormed a late-night premiere. He told the Neue Osnabruecker "
                        "Zeitung daily that he was sorry.")
    assert not {"the Year", "Week 7", "late-night", "daily"} & set(found)


def test_no_extent_ends_on_a_dangling_or(nlp):
    found = values(nlp, "You may, in a year or two, save a few more lives. Tesla will be in "
                        "deep space for a billion years or so.")
    assert found and not [text for text in found if text.endswith((" or", " and"))]


def test_later_that_year_is_the_year_the_text_last_wrote(nlp):
    found = values(nlp, "Prince played the halftime show in 2007. Rival singers mocked him "
                        "later that year. There was no hologram on Sunday.", "2018-02-05")
    assert found["later that year"] == ("DATE", "2007")
    assert found["Sunday"] == ("DATE", "2018-02-04")


def test_that_year_of_a_text_that_named_none_is_unresolved_not_a_length():
    assert read("that year", date(2018, 2, 5)) == Normalized("DATE", None)


def test_a_temperature_in_the_70s_and_a_2015_16_season_are_no_days():
    assert read("70s", date(2018, 1, 2), "future") is None
    assert read("2015/16", date(2018, 1, 2)) is None


def test_since_january_1st_is_this_years_start(nlp):
    found = values(nlp, "They've had thousands of shootings since January 1st.", "2016-09-29")
    assert found["January 1st"] == ("DATE", "2016-01-01")


def test_that_month_is_the_month_the_text_last_wrote(nlp):
    found = values(nlp, "McConnell spoke in June 2012. That month, he introduced a bill.",
                   "2016-09-16")
    assert found["That month"] == ("DATE", "2012-06")


def test_names_that_hold_today_or_now_and_a_subject_run_into_are_cut(nlp):
    found = values(nlp, "He told USA TODAY's video series so. Games stream on PlayStation Now "
                        "for free. Last week Stumpf gave an interview.", "2016-09-20")
    assert "TODAY" not in found and "Now" not in found
    assert found["Last week"] == ("DATE", "2016-W37")


def test_a_half_century_is_fifty_years():
    assert read("a half-century", date(2016, 9, 16)).value == "P50Y"
    assert read("election-night", date(2016, 9, 16)) is None


def test_between_two_days_is_two_days_and_a_film_title_no_time(nlp):
    found = values(nlp, 'It plans a launch between Feb. 7 and Feb. 14. No need for a DeLorean '
                        'like in "Back To The Future."', "2016-02-06")
    assert found["Feb. 7"] == ("DATE", "2016-02-07") and found["Feb. 14"] == ("DATE", "2016-02-14")
    assert "The Future" not in found


def test_light_years_and_his_year_are_no_time(nlp):
    found = values(nlp, "The galaxy is 3.8 billion light years away. This is just not going to "
                        "be his year.")
    assert "years" not in found and "his year" not in found
