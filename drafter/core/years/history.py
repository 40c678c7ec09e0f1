"""A field across the years: the values the project knows, the trend they make, and a turn worth explaining."""

from __future__ import annotations

from decimal import Decimal

from drafter.core.report.model import Field, Value
from drafter.core.years.compare import change

COUNTS = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
SHOWN_YEARS = 5  # the 同比变化 tab draws at most this many years


def value_in(field: Field, report_year: int, year: int) -> Value:
    """The field's value for any year: this year's, last year's (previous) or an earlier one from the history."""
    if year == report_year:
        return field.value
    if year == report_year - 1:
        return field.previous
    past = field.history.get(year)
    return past.value if past else None


def history_of(field: Field, report_year: int) -> dict[int, Value]:
    """Every earlier year the project knows a value for, oldest first: the history, then last year's."""
    past = {year: entry.value for year, entry in field.history.items() if entry.value is not None}
    if field.previous is not None:
        past[report_year - 1] = field.previous
    return dict(sorted(past.items()))


def series(field: Field, report_year: int) -> dict[int, Decimal]:
    """Every year with a number for this field, oldest first, this year's last when filled."""
    years = sorted({*field.history, report_year - 1, report_year})
    values = {year: value_in(field, report_year, year) for year in years}
    return {year: value for year, value in values.items() if isinstance(value, Decimal)}


def _steps(field: Field, report_year: int) -> list[int]:
    """The direction of each year's change (1 up, -1 down, 0 flat) over the unbroken run of years ending now."""
    known = series(field, report_year)
    if report_year not in known:
        return []
    steps, year = [], report_year
    while year - 1 in known:
        delta = known[year] - known[year - 1]
        steps.insert(0, (delta > 0) - (delta < 0))
        year -= 1
    return steps


def streak(field: Field, report_year: int) -> int:
    """How many years in a row the field has moved the way it moved this year (0 when flat or unknown)."""
    steps = _steps(field, report_year)
    if not steps or steps[-1] == 0:
        return 0
    count = 0
    for step in reversed(steps):
        if step != steps[-1]:
            break
        count += 1
    return count


def turns(field: Field, report_year: int) -> bool:
    """This year's change goes against the years before it, which all went one way: the writer should say why."""
    steps = _steps(field, report_year)
    if len(steps) < 2 or steps[-1] == 0 or steps[-2] != -steps[-1]:
        return False
    earlier = steps[:-1]
    return all(step == earlier[-1] for step in earlier)


def turn_description(field: Field, report_year: int) -> str:
    """此前连续两年增长，今年回落 — for a field that turns()."""
    steps = _steps(field, report_year)
    way = "增长" if steps[-2] > 0 else "下降"
    after = "回落" if steps[-2] > 0 else "回升"
    run = len(steps) - 1
    before = f"此前连续{COUNTS.get(run, str(run))}年{way}" if run > 1 else f"去年{way}"
    return f"{before}，今年{after}"


def trend_phrase(field: Field, report_year: int) -> str | None:
    """连续三年增长, 较前两年有所回落, 较上年有所回升 … or the plain 同比 phrase when only two years are known;
    None when this year's value or last year's is missing."""
    result = change(field)
    if result is None:
        return None
    steps = _steps(field, report_year)
    run = streak(field, report_year)
    rise = steps[-1] > 0 if steps else False
    if run >= 2:
        verb = ("提高" if rise else "下降") if field.type == "percent" else ("增长" if rise else "下降")
        return f"连续{COUNTS.get(run, str(run))}年{verb}"
    if len(steps) >= 2 and steps[-1] != 0:
        known = series(field, report_year)
        before = [known[report_year - 1], known[report_year - 2]]
        if not rise and known[report_year] < min(before):
            return "较前两年有所回落"
        if rise and known[report_year] > max(before):
            return "高于前两年"
        return "较上年有所回升" if rise else "较上年有所回落"
    return result.phrase
