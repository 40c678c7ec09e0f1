"""Last year's document → this year's project: structure, figures as fields, years rolled forward."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field as dc_field, replace
from pathlib import Path

from drafter.core.errors import UserFacingError
from drafter.core.lastyear.finder import FieldMaker
from drafter.core.lastyear.frame import take_frame, year_from_dates
from drafter.core.lastyear.lines import (
    HEADING_MAX, drop_clutter, drop_contents, is_heading_like, mend_line_breaks, split_run_together,
)
from drafter.core.lastyear.source import SourceParagraph, read_source
from drafter.core.lastyear.tables import table_paragraph
from drafter.core.report.model import Meta, Paragraph, Report, Section, place_name
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import parse_value, split_heading_number
from drafter.core.text.spans import escape_template_syntax
from drafter.core.text.yearroll import YearRoller, detect_report_year, title_years

LEAD_MAX = 30
# 一是…。二是…。 / 首先…。: the first of a list of points, not a sentence that sums up its paragraph
LISTED_POINT = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|第[一二三四五六七八九十]+[，、,]?)")
# What the first paragraph of a closing says: the year ahead, not the year reported.
CLOSING_WORDS = re.compile(r"^(新的一年|明年|下一步|今后|展望|总之|总的来看|在新的一年|回顾|过去的一年|在看到成绩的同时)")
PART_WORD = re.compile(r"^第[一二三四五六七八九十]{1,3}部分")
FORMULA_END = re.compile(r"^(特此报告|以上报告|专此报告)[。，,]?(请审阅|请审议)?[。]?$")
STRICT_CLOSING_WORDS = re.compile(r"^(新的一年|在新的一年|展望)")
PLAN_HEADING = re.compile(r"下一步|明年|思路|打算|计划|安排|展望|\{\{ next_year(?:_cn)? \}\}")
MASK = re.compile(r"[*＊]")
HALF_WIDTH_SUB = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)")


class ImportFailed(UserFacingError, ValueError):
    """A readable file that holds no report we can use; the message names the file."""


@dataclass
class ImportResult:
    """The new project and what the user should check: dropped lines, year changes, notes."""

    report: Report
    dropped: list[str] = dc_field(default_factory=list)
    year_changes: list[str] = dc_field(default_factory=list)
    notes: list[str] = dc_field(default_factory=list)
    from_year: int = 0
    left_out: Counter = dc_field(default_factory=Counter)
    contents: list[str] = dc_field(default_factory=list)
    frame_lines: list[str] = dc_field(default_factory=list)
    title_year: int | None = None  # the title's own year, when it is the year after the one the text reports on


def import_last_year(path: Path, year: int | None = None, *, lexicon: Lexicon) -> ImportResult:
    """Read a .docx or .txt and turn it into a project for `year` (default: the year after its own)."""
    path = Path(path)
    pieces, left_out = read_source(path)
    result = build_project(pieces, year, path.name, lexicon, formatted=path.suffix.lower() not in (".txt", ".text"))
    result.left_out = left_out
    return result


def build_project(paragraphs: list[SourceParagraph], year: int | None, name: str, lexicon: Lexicon,
                  formatted: bool = False) -> ImportResult:
    kept, dropped = drop_clutter(paragraphs)
    kept, contents = drop_contents(kept)
    kept = mend_line_breaks(split_run_together(kept))  # blank paragraphs tell where paragraphs end; then they go
    frame, body = take_frame(kept)
    if not body and not frame.title:
        raise ImportFailed(f"“{name}”中没有找到正文")
    texts = [frame.title] + [p.text for p in body]
    title_year = _title_a_year_ahead(frame.title, texts[1:])
    from_year = ((title_year - 1 if title_year else detect_report_year(texts))
                 or year_from_dates([frame.title, *dropped, *texts], name) or (year - 1 if year else None))
    if from_year is None:
        raise ImportFailed(f"“{name}”中没有找到报告年度（如“2023年”），请指定今年的年度（--year）")
    target = year or from_year + 1
    result = ImportResult(Report(meta=Meta(year=target), kind="年度工作报告"), dropped, from_year=from_year,
                          contents=contents, frame_lines=frame.left_out, title_year=title_year)
    builder = _Builder(result, YearRoller(from_year, target), FieldMaker(lexicon), formatted)
    builder.frame(frame)
    builder.build(body)
    return result


def _title_a_year_ahead(title: str, body: list[str]) -> int | None:
    """The title's year when it is the year after the one the text reports on (2023年工作报告 over “2022年，…”, as
    reports given early the next year and web copies are titled); None when the two agree or either has none."""
    named, body_year = title_years(title), detect_report_year(body)
    return named[0] if named and body_year and named[0] == body_year + 1 else None


class _Builder:
    def __init__(self, result: ImportResult, roller: YearRoller, maker: FieldMaker, formatted: bool):
        self.result, self.roller, self.maker, self.formatted = result, roller, maker, formatted
        self.report = result.report
        self.stack: list[Section] = []
        self.written_levels: list[int] = []  # the level each section's number says, beside the stack
        self.list_items = 0  # the automatic-number level of the list whose items were just taken as body text
        self.part_words = False  # the document is divided into 第一部分, 第二部分…
        self.change_spans: dict[str, tuple[int, int]] = {}  # paragraph id → its year changes in roller.changes

    def _title_roller(self) -> YearRoller:
        """The text's years roll as the report's; a title a year ahead of its text carries the report's year, so the
        new title, its Word file's name and the workbooks' heading all name the year being reported on."""
        title_year = self.result.title_year
        return YearRoller(title_year, self.report.meta.year) if title_year else self.roller

    def frame(self, frame) -> None:
        meta = self.report.meta
        if frame.title:
            meta.title = self._title_roller().roll(self.maker.replace_figures(escape_template_syntax(frame.title)),
                                                   "标题")
            if self.result.title_year:
                self.result.notes.append(f"标题的年份（{self.result.title_year}年）比正文所报告的年度"
                                         f"（{self.result.title_year - 1}年）晚一年，新标题改用报告年度"
                                         f"（{meta.year}年），请核对")
        meta.attachments = [self.roller.roll_as_text(name) for name in frame.attachments]  # they print as typed
        for key, name in (("recipient", "主送机关"), ("organisation", "落款单位")):
            value = getattr(frame, key)
            if MASK.search(value):  # a website masked it; these print as typed, so the user types them again
                self.result.notes.append(f"{name}“{value}”在原文中被遮盖，已留空，请重新填写")
                value = ""
            setattr(meta, key, value)
        if frame.date:
            year, month, day = frame.date
            rolled = year + (meta.year - self.result.from_year)
            try:
                meta.date = parse_value(f"{rolled}-{month}-{day}", "date")
                self.roller.changes.append(f"成文日期：{year}年 → {rolled}年")
            except ValueError:
                self.result.notes.append(f"成文日期“{year}年{month}月{day}日”顺延一年后无效，请重新填写")

    def build(self, paragraphs: list[SourceParagraph]) -> None:
        # 第一部分 / 第二部分 above 一、: the parts are those, and every typed level goes one down.
        self.part_words = sum(bool(PART_WORD.match(p.text)) and is_heading_like(p.text) for p in paragraphs) >= 2
        for paragraph in paragraphs:
            self._place(paragraph)
        self._take_closing()
        self.report.fields = {field.name: field for field in self.maker.fields}
        self.result.year_changes = self.roller.changes
        if not self.report.parts:
            self.result.notes.append("没有找到一、二、三……编号的部分，全文作为开头导入")

    def _place(self, source: SourceParagraph) -> None:
        if source.rows is not None:
            self._add(table_paragraph(source.rows, self.maker, self.roller, self._place_name()))
            return
        level, rest = self._level(source)
        self.list_items = source.numbered if source.numbered and not level else 0
        if level:
            self._heading(level, rest, source)
        elif source.numbered and source.number:  # 1.检查电梯…； a list item keeps the number Word drew for it
            shift = len(source.number)
            self._paragraph(replace(source, text=source.number + source.text, numbered=0,
                                    bold_prefix=source.bold_prefix + shift if source.bold_prefix else 0),
                            source.number + source.text)
        else:
            self._paragraph(source, source.text)

    def _level(self, source: SourceParagraph) -> tuple[int, str]:
        """The heading level the number's form says (typed, or Word's list), else the style's; 0: body text."""
        text = HALF_WIDTH_SUB.sub(r"（\1）", source.text)
        part = PART_WORD.match(text) if self.part_words and is_heading_like(text) else None
        if part:
            return 1, text[part.end():].strip(" \u3000、：:")
        typed, rest = split_heading_number(text)
        if typed:
            if typed > 2 and not _item_is_heading(source, text, rest):
                return 0, text
            return min(typed + self.part_words, 4), rest
        # A numbered heading, or one run into its paragraph (1.标题。正文); not the items of a list (1.…；2.…；3.…。)
        if source.numbered and source.numbered != self.list_items and (is_heading_like(text) or "。" in text) \
                and not text.rstrip().endswith(("；", ";")):
            return min(source.numbered + self.part_words, 4), text
        if source.outline_level and source.outline_level <= 4 and is_heading_like(text):
            return source.outline_level, text
        return 0, text

    def _heading(self, level: int, rest: str, source: SourceParagraph) -> None:
        """A heading from the text after its number; a heading run into its paragraph is split at 。."""
        rest = rest.strip()
        heading, body = rest, ""
        if "。" in rest[:-1]:
            end = rest.index("。") + 1
            heading, body = rest[:end].rstrip("。"), rest[end:].strip()
        # Under what was written above it: a （一） with no 一、 above it becomes a part, a 1. under a 一、 with no
        # （一） a second level, and its 2. with it (the level a number says decides siblings, not depth).
        while self.written_levels and self.written_levels[-1] >= level:
            self.stack.pop()
            self.written_levels.pop()
        self.written_levels.append(level)
        section = Section("", run_in=bool(body))
        siblings = self.stack[-1].children if self.stack else self.report.parts
        siblings.append(section)
        self.stack.append(section)
        section.heading = self._convert(heading, self._place_name() + "标题")
        if body:
            self._paragraph(source, body, lead_allowed=False)

    def _paragraph(self, source: SourceParagraph, text: str, lead_allowed: bool = True) -> None:
        place, first_change = self._place_name(), len(self.roller.changes)
        lead, body = split_lead(source, text, bool(self.stack) and lead_allowed, self.formatted)
        paragraph = Paragraph(body=self._convert(body, place), lead=self._convert(lead, place) if lead else "",
                              notes=[self._convert(note, place) for note in source.notes])
        paragraph.origin = paragraph.source
        self.change_spans[paragraph.id] = (first_change, len(self.roller.changes))
        self._add(paragraph)

    def _add(self, paragraph: Paragraph) -> None:
        (self.stack[-1].paragraphs if self.stack else self.report.opening).append(paragraph)

    def _take_closing(self) -> None:
        """The closing follows the last part: trailing paragraphs of its last section, from one that turns to
        the year ahead. A section's first paragraph is its own text; a plan part (下一步打算) without sub-sections
        is all plan, and in one with sub-sections only a paragraph naming next year closes the report."""
        if not self.report.parts:
            return
        part = section = self.report.parts[-1]
        while section.children:
            section = section.children[-1]
        plan = bool(PLAN_HEADING.search(part.heading))
        paragraphs = section.paragraphs
        start = None
        if not (plan and section is part):
            start = next((index for index, paragraph in enumerate(paragraphs[1:], 1) if not paragraph.lead
                          and not paragraph.rows and _turns_to_next_year(paragraph.body, strict=plan)), None)
        if start is None and paragraphs and FORMULA_END.match(paragraphs[-1].body):
            start = len(paragraphs) - 1  # 特此报告。 alone closes a report
        if start is not None:
            self.report.closing = paragraphs[start:]
            del paragraphs[start:]
            self._renamed_to_closing(self.report.closing)

    def _renamed_to_closing(self, paragraphs: list[Paragraph]) -> None:
        """Year changes listed under the section a closing paragraph was first read into now say 结尾."""
        changes = self.roller.changes
        for paragraph in paragraphs:
            start, end = self.change_spans.get(paragraph.id, (0, 0))
            for index in range(start, end):
                changes[index] = "结尾" + changes[index][changes[index].index("："):]

    def _convert(self, text: str, place: str) -> str:
        self.maker.targets = bool(self.stack) and bool(PLAN_HEADING.search(self.stack[0].heading))
        escaped = escape_template_syntax(text)
        with_fields = self.maker.replace_figures(escaped)
        return self.roller.roll(with_fields, place)

    def _place_name(self) -> str:
        """Where the next paragraph goes, named as checks and the form name sections: 第二部分（一）."""
        if not self.stack:
            return "开头"
        path, siblings = [], self.report.parts
        for section in self.stack:
            path.append(next(i for i, s in enumerate(siblings, 1) if s is section))
            siblings = section.children
        return place_name(tuple(path))


def _item_is_heading(source: SourceParagraph, text: str, rest: str) -> bool:
    """1. 标题 or 1. 标题。正文 is a third-level heading; 1. 全年开展培训12次，培训干部300人。 is a numbered sentence.
    A bold start up to the first 。 says heading; without formatting, a short first sentence with no comma does."""
    if "。" not in rest[:-1]:
        return len(rest) <= HEADING_MAX and not rest.endswith(("。", "；", ";"))
    first = rest[: rest.index("。")]
    bold_heading = source.bold_prefix >= len(text) - len(rest) + len(first)
    return bold_heading or (len(first) <= 25 and "，" not in first and "," not in first)


def _turns_to_next_year(body: str, strict: bool = False) -> bool:
    if body.startswith(("{{ next_year }}年", "{{ next_year_cn }}年")):
        return True
    return bool((STRICT_CLOSING_WORDS if strict else CLOSING_WORDS).match(body))


def split_lead(source: SourceParagraph, text: str, in_part: bool, formatted: bool = False) -> tuple[str, str]:
    """The lead sentence: a bold start ending in 。, or (plain text only) a short first sentence in a part."""
    if "。" not in text:
        return "", text
    end = text.index("。") + 1
    if end >= len(text):
        return "", text
    bold_lead = source.bold_prefix >= end - 1 and source.bold_prefix < len(text)
    plain_lead = (not formatted and in_part and source.bold_prefix == 0 and end <= LEAD_MAX
                  and not LISTED_POINT.match(text))
    if bold_lead or plain_lead:
        return text[:end], text[end:]
    return "", text
