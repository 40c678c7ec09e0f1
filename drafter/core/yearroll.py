"""Rolling a report's years forward: its own year and the next become {{ year }} and {{ next_year }}."""

from __future__ import annotations

import re
from collections import Counter

from drafter.core.spans import map_outside

YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
YEAR_ANYWHERE = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def detect_report_year(texts: list[str]) -> int | None:
    """The year a report is about: the first “YYYY年” near its start, else the commonest year in it."""
    for text in texts[:4]:
        match = YEAR_IN_TEXT.search(text)
        if match and 1990 <= int(match.group(1)) <= 2100:
            return int(match.group(1))
    years = Counter(int(y) for text in texts for y in YEAR_IN_TEXT.findall(text) if 1990 <= int(y) <= 2100)
    return years.most_common(1)[0][0] if years else None


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
        return YEAR_IN_TEXT.sub(lambda match: str(int(match.group(1)) + shift)
                                if int(match.group(1)) in (self.from_year, self.from_year + 1) else match.group(1), text)

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

        return pattern.sub(replace, text)
