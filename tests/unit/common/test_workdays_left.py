"""Working days left on a deadline, as the case screens show them (剩余/已逾期N个工作日)."""
import datetime as dt

from services.common.workdays import workdays_left

D = dt.date


def test_a_weekend_and_the_national_day_holiday_do_not_count_but_make_up_days_do():
    # 2024: Sat 28 Sep off, Sun 29 Sep a make-up working day (调休), 1-7 Oct National Day,
    # Tue 8 Oct back at work.
    assert workdays_left(D(2024, 10, 8), D(2024, 9, 27)) == 3     # 29 Sep, 30 Sep, 8 Oct
    assert workdays_left(D(2024, 10, 8), D(2024, 9, 30)) == 1
    assert workdays_left(D(2024, 10, 8), D(2024, 10, 7)) == 1
    assert workdays_left(D(2024, 10, 8), D(2024, 10, 8)) == 0     # the due day


def test_a_passed_deadline_counts_the_working_days_since():
    # Due Friday 27 Sep 2024: the weekend's Saturday is off, Sunday a make-up working day.
    assert workdays_left(D(2024, 9, 27), D(2024, 9, 28)) == 0
    assert workdays_left(D(2024, 9, 27), D(2024, 9, 29)) == -1
    assert workdays_left(D(2024, 9, 27), D(2024, 10, 7)) == -2    # the holiday adds none
    assert workdays_left(D(2024, 9, 27), D(2024, 10, 8)) == -3


def test_an_ordinary_weekend():
    # Due Monday 13 Jan 2025, seen on Friday 10 Jan: only the Monday is left.
    assert workdays_left(D(2025, 1, 13), D(2025, 1, 10)) == 1
    assert workdays_left(D(2025, 1, 10), D(2025, 1, 13)) == -1
