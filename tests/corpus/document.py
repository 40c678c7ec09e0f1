"""A corpus report as logical lines (title, headings, paragraphs, signature…) with the truth they carry."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import texts
from .markup import TruthFigure, strip

NUMBERS = "一二三四五六七八九十"


@dataclass
class Line:
    """One logical paragraph of last year's report and what an importer must make of it."""

    kind: str  # redhead docnumber title recipient body heading signature date copyto printed table footnote
    text: str
    level: int = 0
    number: str = ""  # the typed heading number (一、 （二） 3.), written or left to Word's numbering
    lead: int = 0  # characters of the bold lead sentence
    place: tuple = ()  # the section path the line belongs to; () is the opening, ("closing",) the closing
    figures: list[TruthFigure] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # a table's printed cells
    note: str = ""  # a footnote's text, attached to this body line


@dataclass
class Report:
    """The lines of one report and its frame."""

    year: int
    organisation: str
    lines: list[Line]
    title: str


def heading_number(level: int, index: int) -> str:
    return [f"{NUMBERS[index - 1]}、", f"（{NUMBERS[index - 1]}）", f"{index}.", f"（{index}）"][level - 1]


class Composer:
    """Picks report text for one corpus file from the pools, deterministically from a seed."""

    def __init__(self, seed: int, year: int, organisation: str | None = None):
        self.random = random.Random(seed)
        self.year = year
        self.organisation = organisation or self.random.choice(texts.ORGANISATIONS)
        self.paragraphs = self.random.sample(texts.PARAGRAPHS, len(texts.PARAGRAPHS))

    def fill(self, text: str) -> str:
        return text.format(year=self.year, next=self.year + 1, prev=self.year - 1, org=self.organisation)

    def line(self, kind: str, marked: str, place: tuple, **extra) -> Line:
        text, figures = strip(self.fill(marked))
        lead = text.index("。") + 1 if kind == "body" and extra.pop("with_lead", False) else 0
        return Line(kind, text, lead=lead, place=place, figures=figures, **extra)

    def next_paragraph(self) -> str:
        if not self.paragraphs:
            self.paragraphs = self.random.sample(texts.PARAGRAPHS, len(texts.PARAGRAPHS))
        return self.paragraphs.pop()

    def report(self, parts: int = 4, subs: tuple[int, int] = (2, 3), per_sub: int = 1, items: bool = False,
               plain_parts: tuple[int, ...] = (), headings: list[str] | None = None, leads: bool = True,
               closing: bool = True, item_bodies: bool = False, plan_last: bool = False,
               extra: tuple[str, ...] = ()) -> Report:
        """Title, opening, `parts` parts of sub-sections of paragraphs, closing, signature and date."""
        lines = [Line("title", self.fill("{org}{year}年度工作报告"))]
        lines.append(self.line("body", self.random.choice(texts.OPENINGS), ()))
        heading_pool = headings or self.random.sample(texts.PART_HEADINGS[:8], parts)
        self.paragraphs = list(extra) + self.paragraphs  # paragraphs this file must hold come first
        if plan_last:
            heading_pool = heading_pool[: parts - 1] + ["{next}年工作打算"]
        sub_pool = self.random.sample(texts.SUB_HEADINGS, len(texts.SUB_HEADINGS))
        for part in range(1, parts + 1):
            lines.append(self.line("heading", heading_pool[part - 1], (part,), level=1,
                                   number=heading_number(1, part)))
            if part in plain_parts:  # 问题 / 思路 parts: plain paragraphs, some opening with 下一步 or a year
                for marked in self.random.sample(texts.PLAIN, 2):
                    lines.append(self.line("body", marked, (part,)))
                continue
            if plan_last and part == parts:  # 打算 with sub-sections, each opening with 下一步
                for sub, heading in enumerate(texts.PLAN_SUBS, 1):
                    lines.append(self.line("heading", heading, (part, sub), level=2, number=heading_number(2, sub)))
                    lines.append(self.line("body", texts.PLAIN[1], (part, sub)))
                continue
            for sub in range(1, self.random.randint(*subs) + 1):
                place = (part, sub)
                sub_pool = sub_pool or self.random.sample(texts.SUB_HEADINGS, len(texts.SUB_HEADINGS))
                lines.append(self.line("heading", sub_pool.pop(), place, level=2, number=heading_number(2, sub)))
                for _ in range(per_sub):
                    lines.append(self.line("body", self.next_paragraph(), place, with_lead=leads))
                if items and sub == 1:
                    for item, marked in enumerate(self.random.sample(texts.ITEM_HEADINGS, 2), 1):
                        lines.append(self.line("heading", marked, place + (item,), level=3,
                                               number=heading_number(3, item)))
                        if item_bodies:
                            lines.append(self.line("body", self.next_paragraph(), place + (item,)))
        if closing:
            lines.append(self.line("body", self.random.choice(texts.CLOSINGS), ("closing",)))
        lines.append(Line("signature", self.organisation))
        lines.append(Line("date", f"{self.year + 1}年1月{self.random.randint(5, 28)}日"))
        return Report(self.year, self.organisation, lines, lines[0].text)
