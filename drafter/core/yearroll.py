"""Rolling a report's years forward: its own year and the next become {{ year }} and {{ next_year }}."""

from __future__ import annotations

import re
from collections import Counter

from drafter.core.numbers import chinese_year
from drafter.core.spans import map_outside

YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
YEAR_ANYWHERE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NUMERAL = "〇○零一二三四五六七八九"  # ○ (a circle) and 零 stand for 〇 in many files
CHINESE_YEAR_IN_TEXT = re.compile(f"(?<![{_NUMERAL}])([{_NUMERAL}]{{4}})(?=\\s*年)")  # 二〇二三年
_NUMERAL_VALUES = str.maketrans({numeral: str(index) for index, numeral in enumerate("〇一二三四五六七八九")} |
                                {"○": "0", "零": "0"})


def chinese_year_value(numerals: str) -> int:
    return int(numerals.translate(_NUMERAL_VALUES))


def years_in(text: str) -> list[int]:
    """The years written in text before 年, in figures (2023年) or in Chinese (二〇二三年), in reading order."""
    found = [(match.start(), int(match.group(1))) for match in YEAR_IN_TEXT.finditer(text)]
    found += [(match.start(), chinese_year_value(match.group(1))) for match in CHINESE_YEAR_IN_TEXT.finditer(text)]
    return [year for _start, year in sorted(found) if 1990 <= year <= 2100]


def detect_report_year(texts: list[str]) -> int | None:
    """The year a report is about: the first “YYYY年” (or 二〇二三年) near its start, else the commonest year in it."""
    for text in texts[:4]:
        years = years_in(text)
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
        pattern = YEAR_ANYWHERE if place == "标题" else YEAR_IN_TEXT
        return map_outside(text, lambda free: self._roll_free(free, place, pattern))

    def roll_as_text(self, text: str) -> str:
        """The same years moved on as plain text, for what prints as typed (attachment names)."""
        shift = self.to_year - self.from_year
        text = YEAR_IN_TEXT.sub(lambda match: str(int(match.group(1)) + shift)
                                if int(match.group(1)) in (self.from_year, self.from_year + 1) else match.group(1), text)
        return CHINESE_YEAR_IN_TEXT.sub(
            lambda match: chinese_year(chinese_year_value(match.group(1)) + shift)
            if chinese_year_value(match.group(1)) in (self.from_year, self.from_year + 1) else match.group(1), text)

    def _roll_free(self, text: str, place: str, pattern: re.Pattern) -> str:
        def replace(match: re.Match) -> str:
            year = int(match.group(1))
            if year == self.from_year:
                self.changes.append(f"{place}：{year}年 → {self.to_year}年")
                return "{{ year }}"
            if year == self.from_year + 1:
                self.changes.append(f"{place}：{year}年 → {self.to_year + 1}年")
                return "{{ next_year }}"
            return match.group(0)

        def replace_chinese(match: re.Match) -> str:  # 二〇二三年 stays in Chinese: {{ year_cn }} prints 二〇二四
            year = chinese_year_value(match.group(1))
            if year in (self.from_year, self.from_year + 1):
                moved = self.to_year + (year - self.from_year)
                self.changes.append(f"{place}：{match.group(1)}年 → {chinese_year(moved)}年")
                return "{{ year_cn }}" if year == self.from_year else "{{ next_year_cn }}"
            return match.group(0)

        return CHINESE_YEAR_IN_TEXT.sub(replace_chinese, pattern.sub(replace, text))
