"""Last year's document → this year's project: structure, figures as fields, years rolled forward."""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field
from pathlib import Path

from drafter.core.labels import FieldMaker
from drafter.core.model import Meta, Paragraph, Report, Section, place_name
from drafter.core.numbers import heading_level, parse_value, split_heading_number
from drafter.core.sources import SourceParagraph, read_source
from drafter.core.yearroll import YearRoller, detect_report_year

CLUTTER = re.compile(
    r"(当前位置|下面是小编|小编为大家|供大家参考|猜你喜欢|相关推荐|热门推荐|热门文章|延伸阅读|版权所有|本文由|"
    r"来源[:：].*(网|站)|时间[:：]\s*\d{4}-\d{2}-\d{2}|范文大全|文秘网|点击下载|全文阅读|免费下载|上一篇|下一篇)"
)
DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
CLOSING_START = re.compile(r"^(\d{4}年[，,是]|下一步|新的一年|明年|今后|回顾|总之|总的来看|过去的一年|在看到成绩的同时)")
LEAD_MAX = 30
HEADING_MAX = 40


class ImportFailed(ValueError):
    """A readable file that holds no report we can use; the message names the file."""


@dataclass
class ImportResult:
    """The new project and what the user should check: dropped lines, year changes, notes."""

    report: Report
    dropped: list[str] = dc_field(default_factory=list)
    year_changes: list[str] = dc_field(default_factory=list)
    notes: list[str] = dc_field(default_factory=list)
    from_year: int = 0


def import_last_year(path: Path, year: int | None = None) -> ImportResult:
    """Read a .docx or .txt and turn it into a project for `year` (default: the year after its own)."""
    paragraphs = [p for p in read_source(path) if p.text]
    return build_project(paragraphs, year, Path(path).name)


def import_summary(result: ImportResult, source, output) -> list[str]:
    """What the user should know and check after an import, one line each."""
    report = result.report
    sections = sum(1 for _ in report.walk_sections())
    lines = [f"已把“{source}”（{result.from_year}年）导入为“{output}”（{report.meta.year}年）：",
             f"  {len(report.parts)} 个部分、{sections} 个标题，{len(report.fields)} 项统计数据"
             f"（去年数值已保留，其中 {sum(f.previous is None for f in report.fields.values())} 项原文被遮盖，需重新填写）"]
    if result.year_changes:
        lines.append(f"  年份顺延 {len(result.year_changes)} 处，请核对：")
        lines += [f"    {change}" for change in result.year_changes]
    if result.dropped:
        lines.append(f"  删除了 {len(result.dropped)} 行网页杂项：")
        lines += [f"    {text}" for text in result.dropped]
    lines += [f"  注意：{note}" for note in result.notes]
    return lines


def build_project(paragraphs: list[SourceParagraph], year: int | None, name: str) -> ImportResult:
    kept, dropped = _drop_clutter(paragraphs)
    if not kept:
        raise ImportFailed(f"“{name}”中没有找到正文")
    from_year = detect_report_year([p.text for p in kept]) or (year - 1 if year else None)
    if from_year is None:
        raise ImportFailed(f"“{name}”中没有找到报告年度（如“2023年”），请指定今年的年度（--year）")
    target = year or from_year + 1
    result = ImportResult(Report(meta=Meta(year=target), kind="年度工作报告"), dropped, from_year=from_year)
    _Builder(result, YearRoller(from_year, target), FieldMaker()).build(kept)
    return result


def _drop_clutter(paragraphs: list[SourceParagraph]) -> tuple[list[SourceParagraph], list[str]]:
    kept, dropped = [], []
    for paragraph in paragraphs:
        if CLUTTER.search(paragraph.text) and len(paragraph.text) < 80:
            dropped.append(paragraph.text)
        else:
            kept.append(paragraph)
    # A page copied from a website repeats the title above the text; keep one.
    if len(kept) > 1 and kept[0].text == kept[1].text:
        dropped.append(kept.pop(0).text)
    return kept, dropped


class _Builder:
    def __init__(self, result: ImportResult, roller: YearRoller, maker: FieldMaker):
        self.result, self.roller, self.maker = result, roller, maker
        self.report = result.report
        self.stack: list[Section] = []
        self.in_closing = False

    def build(self, paragraphs: list[SourceParagraph]) -> None:
        paragraphs = self._take_title_and_recipient(paragraphs)
        paragraphs = self._take_signature_and_date(paragraphs)
        for paragraph in paragraphs:
            self._place(paragraph)
        self.report.fields = {field.name: field for field in self.maker.fields}
        self.result.year_changes = self.roller.changes
        if not self.report.parts:
            self.result.notes.append("没有找到一、二、三……编号的部分，全文作为开头导入")

    def _take_title_and_recipient(self, paragraphs):
        first = paragraphs[0]
        if len(first.text) <= HEADING_MAX and not heading_level(first.text) and not first.text.endswith("。"):
            # A title Word broke over two lines is one title; the renderer balances it again.
            title = first.text.replace("\n", "")
            self.report.meta.title = self.roller.roll(escape_template_syntax(title), "标题")
            paragraphs = paragraphs[1:]
        if paragraphs and paragraphs[0].text.endswith(("：", ":")) and len(paragraphs[0].text) <= 30:
            self.report.meta.recipient = paragraphs[0].text.rstrip("：:")
            paragraphs = paragraphs[1:]
        return paragraphs

    def _take_signature_and_date(self, paragraphs):
        if paragraphs and DATE_LINE.match(paragraphs[-1].text):
            year, month, day = (int(x) for x in DATE_LINE.match(paragraphs[-1].text).groups())
            rolled = year + (self.report.meta.year - self.result.from_year)
            try:
                self.report.meta.date = parse_value(f"{rolled}-{month}-{day}", "date")
                self.roller.changes.append(f"成文日期：{year}年 → {rolled}年")
            except ValueError:
                self.result.notes.append(f"成文日期“{paragraphs[-1].text}”顺延一年后无效，请重新填写")
            paragraphs = paragraphs[:-1]
            if paragraphs and len(paragraphs[-1].text) <= 30 and not paragraphs[-1].text.endswith("。"):
                self.report.meta.organisation = paragraphs[-1].text
                paragraphs = paragraphs[:-1]
        return paragraphs

    def _place(self, source: SourceParagraph) -> None:
        text = source.text
        typed_level, rest = split_heading_number(text)
        level = typed_level or (source.outline_level if source.outline_level <= 4 else 0)
        if not level and source.numbered and _heading_like(text):
            level = min(source.numbered, 4)  # Word's automatic 一、 numbering: the number is not in the text
        if level and not self.in_closing:
            self._heading(level, rest)
            return
        if self.report.parts and CLOSING_START.match(text):
            self.in_closing = True
        self._paragraph(source)

    def _heading(self, level: int, rest: str) -> None:
        """A heading from the text after its number; a heading run into its paragraph is split at 。."""
        rest = rest.strip()
        heading, body = rest, ""
        if "。" in rest and len(rest) > HEADING_MAX:  # a heading run into its paragraph
            end = rest.index("。") + 1
            heading, body = rest[:end].rstrip("。"), rest[end:].strip()
        level = min(level, len(self.stack) + 1)  # a （一） with no 一、 above it becomes a part
        section = Section(self.roller.roll(escape_template_syntax(heading), "标题"))
        del self.stack[level - 1:]
        siblings = self.stack[-1].children if self.stack else self.report.parts
        siblings.append(section)
        self.stack.append(section)
        if body:
            self._paragraph(SourceParagraph(body))

    def _paragraph(self, source: SourceParagraph) -> None:
        place = self._place_name()
        lead, body = split_lead(source, source.text, in_part=bool(self.stack) and not self.in_closing)
        paragraph = Paragraph(body=self._convert(body, place), lead=self._convert(lead, place) if lead else "")
        paragraph.origin = paragraph.source
        if self.in_closing:
            self.report.closing.append(paragraph)
        elif self.stack:
            self.stack[-1].paragraphs.append(paragraph)
        else:
            self.report.opening.append(paragraph)

    def _convert(self, text: str, place: str) -> str:
        escaped = escape_template_syntax(text)
        with_fields = self.maker.replace_figures(escaped)
        return self.roller.roll(with_fields, place)

    def _place_name(self) -> str:
        """Where the next paragraph goes, named as checks and the form name sections: 第二部分（一）."""
        if self.in_closing:
            return "结尾"
        if not self.stack:
            return "开头"
        path, siblings = [], self.report.parts
        for section in self.stack:
            path.append(next(i for i, s in enumerate(siblings, 1) if s is section))
            siblings = section.children
        return place_name(tuple(path))


def _heading_like(text: str) -> bool:
    return len(text) <= HEADING_MAX and not text.endswith(("。", "；", "：", ":"))


def split_lead(source: SourceParagraph, text: str, in_part: bool) -> tuple[str, str]:
    """The lead sentence: a bold start ending in 。, or (plain text) a short first sentence in a part."""
    if "。" not in text:
        return "", text
    end = text.index("。") + 1
    if end >= len(text):
        return "", text
    bold_lead = source.bold_prefix >= end - 1 and source.bold_prefix < len(text)
    plain_lead = in_part and source.bold_prefix == 0 and end <= LEAD_MAX
    if bold_lead or plain_lead:
        return text[:end], text[end:]
    return "", text


def escape_template_syntax(text: str) -> str:
    """Braces in a Word file are text, never template code: {{ becomes {{ '{' }}{{ '{' }}."""
    return re.sub(r"[{}]", lambda match: "{{ '" + match.group() + "' }}", text)
