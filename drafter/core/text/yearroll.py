"""Rolling a report's years forward: its own year and the next become {{ year }} and {{ next_year }}."""

from __future__ import annotations

import re
from collections import Counter

from drafter.core.text.numbers import chinese_year, chinese_year_value
from drafter.core.text.spans import map_outside

YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
_NUMERAL = "〇○零一二三四五六七八九"
_CHINESE = f"(?<![{_NUMERAL}])([{_NUMERAL}]{{4}})(?=\\s*年)"  # 二〇二三年
# A year written before 年 in figures (group 1) or in Chinese (group 2); in a title, a year in figures anywhere
WRITTEN_YEAR = re.compile(f"{YEAR_IN_TEXT.pattern}|{_CHINESE}")
_TITLE_YEAR = re.compile(f"(?<!\\d)(\\d{{4}})(?!\\d)|{_CHINESE}")


def written_year(match: re.Match) -> tuple[int, bool]:
    """A WRITTEN_YEAR (or title year) match's year, and whether it is written in Chinese."""
    return (int(match.group(1)), False) if match.group(1) else (chinese_year_value(match.group(2)), True)


def years_in(text: str) -> list[int]:
    """The years written in text before 年, in figures (2023年) or in Chinese (二〇二三年), in reading order."""
    return [year for year, _chinese in map(written_year, WRITTEN_YEAR.finditer(text)) if 1990 <= year <= 2100]


def title_years(title: str) -> list[int]:
    """The years a title names: in figures anywhere (2023政协…工作报告 has no 年 after it), or in Chinese before 年."""
    return [year for year, _chinese in map(written_year, _TITLE_YEAR.finditer(title)) if 1990 <= year <= 2100]


# A date standing alone under a speech's title, （2025年3月2日）: when the report was given, not what it is about
_DATE_LINE = re.compile(rf"^[（(]?\s*(?:\d{{4}}|[{_NUMERAL}]{{4}})\s*年\s*([\d一二三四五六七八九十]{{1,3}})\s*月"
                        rf"\s*[\d一二三四五六七八九十]{{1,3}}\s*日\s*[)）]?$")


def _first_half(month: str) -> bool:
    return int(month) <= 6 if month.isdigit() else month in ("一", "二", "三", "四", "五", "六")


def detect_report_year(texts: list[str]) -> int | None:
    """The year a report is about: the first “YYYY年” (or 二〇二三年) near its start, else the commonest year in it.
    A date line there is a report given in the first half of a year about the year before (and in the second, on
    its own year)."""
    for text in texts[:4]:
        years = years_in(text)
        date = _DATE_LINE.match(text.strip())
        if years and date:
            return years[0] - 1 if _first_half(date.group(1)) else years[0]
        if years:
            return years[0]
    counted = Counter(year for text in texts for year in years_in(text))
    return counted.most_common(1)[0][0] if counted else None


class YearRoller:
    """Replaces the report's year and the next one with references, listing each change."""

    def __init__(self, from_year: int, to_year: int | None = None):
        self.from_year = from_year
        self.to_year = to_year if to_year is not None else from_year + 1
        self.changes: list[str] = []

    def roll(self, text: str, place: str) -> str:
        # Quotations and document titles keep their years: “2020年…”, 《2021—2025年规划》.
        pattern = _TITLE_YEAR if place == "标题" else WRITTEN_YEAR
        return map_outside(text, lambda free: pattern.sub(lambda match: self._reference(match, place), free))

    def roll_as_text(self, text: str) -> str:
        """The same years moved on as plain text, for what prints as typed (attachment names)."""
        return WRITTEN_YEAR.sub(lambda match: self._moved(match) or match.group(0), text)

    def _moved(self, match: re.Match) -> str:
        """This year or the next moved on, written as it was (2024, 二〇二四); "" for any other year."""
        year, chinese = written_year(match)
        if year not in (self.from_year, self.from_year + 1):
            return ""
        moved = self.to_year + year - self.from_year
        return chinese_year(moved) if chinese else str(moved)

    def _reference(self, match: re.Match, place: str) -> str:
        moved = self._moved(match)
        if not moved:
            return match.group(0)
        self.changes.append(f"{place}：{match.group(0)}年 → {moved}年")
        year, chinese = written_year(match)
        # 二〇二三年 stays in Chinese: {{ year_cn }} prints 二〇二四
        return "{{ " + ("year" if year == self.from_year else "next_year") + ("_cn" if chinese else "") + " }}"
