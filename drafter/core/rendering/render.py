"""A Report rendered through sandboxed Jinja2 into Rendered: flat typed blocks with fields formatted."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field as dc_field

from drafter.core.rendering.context_keys import FIELDS_KEY
from drafter.core.rendering.sandbox import RenderError, TemplateRunner
from drafter.core.report.model import NOTE_MARK, Field, Paragraph, Report, Section, place_name
from drafter.core.text.fieldtext import built_in_values
from drafter.core.text.numbers import display_width, format_date, format_number, heading_number
from drafter.core.years.compare import change
from drafter.core.years.history import value_in

FIELD_START, FIELD_END = "\ue000", "\ue001"
_FIELD_MARK = re.compile(f"{FIELD_START}([^{FIELD_END}]*){FIELD_END}")
_FIELD_OR_NOTE = re.compile(f"{_FIELD_MARK.pattern}|{NOTE_MARK}")
MISSING_TEMPLATE = "【待填：{label}】"
META_MARK = "@"  # before a meta item's name in a marker: no field name can start with it
ORGANISATION_LABEL = "落款单位"  # as the form's 报告信息 names it


@dataclass(frozen=True)
class Run:
    """A stretch of text; kind is text, field (a filled figure), missing (an unfilled one) or note (a footnote,
    whose text is the note's; it prints as a reference mark where it stands)."""

    text: str
    kind: str = "text"
    field: str = ""


@dataclass
class Block:
    """One printed paragraph: title, recipient, heading, paragraph, blank, signature or date."""

    kind: str
    runs: list[Run] = dc_field(default_factory=list)
    lead: list[Run] = dc_field(default_factory=list)
    level: int = 0
    number: str = ""
    source: str = ""
    rows: list[list[str]] = dc_field(default_factory=list)  # a table block's cells, header row first
    # Where a signature or date line sits, in body characters: ("right", n) ends it n characters from the
    # right edge; ("start", n) starts it n characters left of the right edge.
    placement: tuple[str, float] | None = None
    # Kept on the page of the next block (signature and date never stand alone on a page); with
    # keep_last_lines, the paragraph's last two lines travel with it rather than one.
    keep_next: bool = False
    keep_last_lines: bool = False
    # An 附件说明 line: (what stands between the 2-character indent and where the line starts, what stands between
    # the line's start and the name) — ("", "附件：1.") then ("附件：", "2."): the exporter measures them as printed,
    # so a wrapped name lines up under its first character (GB/T 9704 7.3.4).
    indent: tuple[str, str] | None = None

    @property
    def text(self) -> str:
        return self.number + "".join(run.text for run in self.lead + self.runs if run.kind != "note")

    @property
    def notes(self) -> list[str]:
        return [run.text for run in self.runs if run.kind == "note"]


@dataclass
class Missing:
    """An unfilled field or meta item and where it is used."""

    name: str
    label: str
    places: list[str]


@dataclass
class Rendered:
    """The report as the exporter and the preview both see it."""

    blocks: list[Block]
    missing: list[Missing]
    used_in: dict[str, list[str]]
    title: str


class _FieldToken:
    """What a template sees for a field: prints as a marker that becomes a field run later."""

    __slots__ = ("name", "_usage")

    def __init__(self, name: str, usage: _Usage):
        self.name = name
        self._usage = usage

    def __str__(self) -> str:
        self._usage.note(self.name)
        return f"{FIELD_START}{self.name}{FIELD_END}"

    __html__ = __str__


class _UnfilledMeta(_FieldToken):
    """An unfilled meta item (the unit's name): prints as a marker that becomes a 【待填】 run, like an unfilled
    field, where it used to print nothing (a title of 2026年度工作报告 gave no sign of the missing name); to a
    template's test it is as empty as before."""

    __slots__ = ()

    def __str__(self) -> str:
        self._usage.note(self.name)
        return f"{FIELD_START}{META_MARK}{self.name}{FIELD_END}"

    __html__ = __str__

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0


class _Usage:
    """Which fields each place printed, collected while rendering."""

    def __init__(self):
        self.place = ""
        self.by_field: dict[str, list[str]] = {}

    def note(self, name: str) -> None:
        places = self.by_field.setdefault(name, [])
        if self.place not in places:
            places.append(self.place)


def render(report: Report, comparison_table: bool = False) -> Rendered:
    """Render every text of the report; raises RenderError naming the place on a template error.
    With comparison_table, an appendix 主要数据对比表 (近三年… when earlier years are known) follows the date."""
    attachments = list(report.meta.attachments) + ([comparison_title(report)] if comparison_table else [])
    rendered = _Renderer(report, attachments).run()
    if comparison_table:
        number = len(attachments) if len(attachments) > 1 else None
        rendered.blocks += comparison_blocks(report, number)
    return rendered


COMPARISON_TITLE = "主要数据对比表"
THREE_YEAR_TITLE = "近三年主要数据对比表"


def comparison_title(report: Report) -> str:
    return THREE_YEAR_TITLE if len(comparison_years(report)) > 2 else COMPARISON_TITLE


def comparison_years(report: Report) -> list[int]:
    """The years the appendix compares: last year and this, and the year before when any figure has it."""
    year = report.meta.year
    earlier = any(value_in(field, year, year - 2) is not None for field in _compared(report))
    return [year - 2, year - 1, year] if earlier else [year - 1, year]


def _compared(report: Report) -> list[Field]:
    year = report.meta.year
    return [field for field in report.fields.values() if field.type not in ("text", "date")
            and any(value_in(field, year, y) is not None for y in (year - 2, year - 1, year))]


def comparison_blocks(report: Report, number: int | None = None) -> list[Block]:
    """附件 (附件2 when there are several) / a blank line / the title on line 3 / the table, one column a year."""
    years = comparison_years(report)
    columns = ["上年", "本年"] if len(years) == 2 else [f"{year}年" for year in years]
    rows = [["项目", *columns, "同比变化"]]
    for field in _compared(report):
        shown = [format_number(v, field.type, field.unit, field.qualifier, field.notation) if v is not None else "—"
                 for v in (value_in(field, report.meta.year, year) for year in years)]
        result = change(field)
        rows.append([field.label, *shown, result.phrase if result else "—"])
    label = f"附件{number}" if number else "附件"
    return [Block("appendix", [Run(label)]), Block("blank"), Block("title", [Run(comparison_title(report))]), Block("blank"),
            Block("table", rows=rows)]


class _Renderer:
    def __init__(self, report: Report, attachments: list[str] | None = None):
        self.report = report
        self.attachments = attachments or []
        self.usage = _Usage()
        self.runner = TemplateRunner()
        meta = report.meta
        self.context = {name: _FieldToken(name, self.usage) for name in report.fields}
        self.context.update(organisation=_UnfilledMeta("organisation", self.usage), recipient=meta.recipient)
        self.context.update(built_in_values(meta))  # the years, and the unit's name once filled in
        self.context[FIELDS_KEY] = report.fields
        self.blocks: list[Block] = []
        self.notes: list[list[Run]] = []  # the footnotes of the paragraph being rendered, in order

    def run(self) -> Rendered:
        title = self._runs(self.report.meta.title, "标题")
        self.blocks.append(Block("title", balance_title(title)))
        self.blocks.append(Block("blank"))
        self._recipient()
        self._paragraphs(self.report.opening, "开头")
        self._sections(self.report.parts, ())
        self._paragraphs(self.report.closing, "结尾")
        self._keep_end_of_body_with_signature()
        self._attachment_note()
        self._signature()
        missing = self._missing()
        # the file's name and its properties: without a 【待填】 mark, which says nothing there
        title_text = "".join(run.text for run in title if run.kind != "missing").replace("\n", "")
        return Rendered(self.blocks, missing, self.usage.by_field, title_text)

    def _recipient(self) -> None:
        recipient = self.report.meta.recipient.strip()
        if recipient:
            text = recipient if recipient.endswith(("：", ":")) else recipient + "："
            self.blocks.append(Block("recipient", [Run(text.replace(":", "："))]))

    def _paragraphs(self, paragraphs: list[Paragraph], place: str) -> None:
        for index, para in enumerate(paragraphs, 1):
            where = f"{place}第{index}段"
            if para.rows:
                rows = [["".join(run.text for run in self._runs(cell, where)) for cell in row] for row in para.rows]
                self.blocks.append(Block("table", rows=rows, source=para.id))
                continue
            self.notes = [self._runs(note, f"{where}脚注") for note in para.notes]
            lead = self._runs(para.lead, where) if para.lead else []
            self.blocks.append(Block("paragraph", self._runs(para.body, where), lead, source=para.id))
            self.notes = []

    def _sections(self, sections: list[Section], prefix: tuple[int, ...]) -> None:
        for index, section in enumerate(sections, 1):
            path = prefix + (index,)
            level = len(path)
            where = f"{place_name(path)}标题"
            number = heading_number(level, index)
            runs = self._runs(section.heading, where)
            self.blocks.append(Block("heading", runs, level=level, number=number, source=section.id))
            self._paragraphs(section.paragraphs, place_name(path))
            if section.run_in and len(self.blocks) > 1 and self.blocks[-1].kind == "paragraph" and section.paragraphs:
                self._run_in(section)
            self._sections(section.children, path)

    def _keep_end_of_body_with_signature(self) -> None:
        """The body's last text paragraph keeps its last lines with the signature that follows."""
        last = next((block for block in reversed(self.blocks) if block.kind != "blank"), None)
        if last is not None and last.kind in ("paragraph", "run_in", "heading", "recipient"):
            last.keep_next = last.keep_last_lines = True

    def _run_in(self, section: Section) -> None:
        """（一）标题。正文: the heading becomes the lead of its first paragraph, as last year's text ran it in."""
        heading_index = next(i for i in range(len(self.blocks) - 1, -1, -1) if self.blocks[i].source == section.id)
        heading, first = self.blocks[heading_index], self.blocks[heading_index + 1]
        if first.kind != "paragraph" or first.lead:
            return
        first.kind, first.level, first.number = "run_in", heading.level, heading.number
        first.lead = [*heading.runs, Run("。")]
        first.source = heading.source
        del self.blocks[heading_index]

    def _attachment_note(self) -> None:
        """GB/T 9704 7.3.4: a blank line, then 附件：name (or 附件：1.name / 2.name), names aligned on their first
        character when they wrap; nothing printed when there is no attachment."""
        names = [name.strip() for name in self.attachments if name.strip()]
        if not names:
            return
        self.blocks.append(Block("blank", keep_next=True))
        if len(names) == 1:
            self.blocks.append(Block("attachment_note", [Run(f"附件：{names[0]}")], keep_next=True,
                                     indent=("", "附件：")))
            return
        for index, name in enumerate(names, 1):
            number = f"{index}."
            indent = ("", f"附件：{number}") if index == 1 else ("附件：", number)  # 2. under 1.
            self.blocks.append(Block("attachment_note", [Run(f"{indent[1]}{name}")], keep_next=True, indent=indent))

    def _signature(self) -> None:
        meta = self.report.meta
        self.blocks.append(Block("blank", keep_next=True))
        organisation = ([Run(meta.organisation)] if meta.organisation.strip()
                        else [_missing_run("organisation", ORGANISATION_LABEL)])
        self.blocks.append(Block("signature", organisation, keep_next=True))
        date = [Run(format_date(meta.date))] if meta.date else [_missing_run("date", "成文日期")]
        self.blocks.append(Block("date", date))
        self.blocks[-2].placement, self.blocks[-1].placement = signature_placement(
            self.blocks[-2].text, self.blocks[-1].text, meta.sealed)

    def _runs(self, source: str, where: str) -> list[Run]:
        self.usage.place = where
        output = self.runner.render(source, where, self.context)
        return self._split(output, where)

    def _split(self, output: str, where: str) -> list[Run]:
        runs, position = [], 0
        for match in _FIELD_OR_NOTE.finditer(output):
            if match.start() > position:
                runs.append(Run(output[position : match.start()]))
            if match.group() == NOTE_MARK:
                if self.notes:  # a mark with no note left (typed by hand) prints nothing
                    runs.append(Run("".join(run.text for run in self.notes.pop(0)), "note"))
            elif match.group(1).startswith(META_MARK):
                runs.append(_missing_run(match.group(1)[1:], ORGANISATION_LABEL))
            else:
                runs.append(self._field_run(self.report.fields[match.group(1)]))
            position = match.end()
        if position < len(output):
            runs.append(Run(output[position:]))
        return runs

    def _field_run(self, field: Field) -> Run:
        if not field.filled:
            return _missing_run(field.name, field.label)
        text = format_number(field.value, field.type, field.unit, field.qualifier, field.notation)
        return Run(text, "field", field.name)

    def _missing(self) -> list[Missing]:
        missing = []
        for name, field in self.report.fields.items():
            places = self.usage.by_field.get(name, [])
            if not field.filled and (field.required or places):
                missing.append(Missing(name, field.label, places))
        meta = self.report.meta
        if not meta.organisation.strip():
            used = self.usage.by_field.get("organisation", [])  # the title, an opening that names the unit
            missing.append(Missing("organisation", ORGANISATION_LABEL, [*used, "落款"]))
        if not meta.date:
            missing.append(Missing("date", "成文日期", ["成文日期"]))
        return missing


def signature_placement(signature: str, date: str, sealed: bool = False) -> tuple[tuple[str, float], tuple[str, float]]:
    """("start", n): the line starts n characters left of the right edge; ("right", n): it ends n from it.

    GB/T 9704 7.3.5.2, unsealed: the signature 2 characters from the right, the date starting 2 characters
    right of the signature's start, both placed by their start, so digit widths never move them; a date longer
    than that is placed to end 2 from the right and pushes the signature left, still placed by its start: LibreOffice
    puts space between Chinese and digits that Word does not, and a date placed by its end then started 14 pt right
    of the signature's start instead of 32 (it ends a little further right there, well inside the margin).
    7.3.5.1, sealed: the date ends 4 characters from the right, the signature centred on it.
    Widths are Word's: Chinese 1, digits ½, no extra space between them (the date style turns it off)."""
    signature_width, date_width = display_width(signature), display_width(date)
    if sealed:  # a signature too long to centre stays 2 characters from the right
        return ("start", max(4 + date_width / 2 + signature_width / 2, 2 + signature_width)), ("right", 4.0)
    if signature_width - date_width >= 2:
        return ("start", 2 + signature_width), ("start", signature_width)
    return ("start", 2 + date_width + 2), ("start", 2 + date_width)


TITLE_LINE_CHARS = 20  # a 22 pt title line holds 20 characters (GB/T 9704: 2号小标宋)
_YEAR_BREAK = re.compile(r"(?<=\D)(?=\d{4}年)")
# Where a unit's name ends inside a title: 中共示例市直属机关工作委员会 | 2026年度工作报告, 政协机关党组 | 理论学习….
_NAME_END = re.compile(r"委员会|党工委|党组|党委|机关|政府|办公室|中心组|总支|支部|管理局|局|院|厅|中心|公司")


def balance_title(runs: list[Run]) -> list[Run]:
    """A title too long for one line breaks between words into two balanced lines (GB/T 9704 7.3.1: words
    kept whole, lines in a trapezoid): before its year if that works, else where the unit's name ends, else
    at the word boundary (jieba) that balances the lines best."""
    if len(runs) != 1 or runs[0].kind != "text" or "\n" in runs[0].text:
        return runs
    text = runs[0].text
    if display_width(text) <= TITLE_LINE_CHARS:
        return runs
    sources = (lambda: [m.start() for m in _YEAR_BREAK.finditer(text)],
               lambda: [] if text.startswith("关于") else [m.end() for m in _NAME_END.finditer(text)],
               lambda: _word_boundaries(text))  # jieba only when nothing cheaper fits
    for source in sources:
        candidates = source()
        fitting = [at for at in candidates if 0 < at < len(text) and display_width(text[:at]) <= TITLE_LINE_CHARS
                   and display_width(text[at:]) <= TITLE_LINE_CHARS]
        if fitting:
            at = min(fitting, key=lambda cut: abs(display_width(text[:cut]) - display_width(text[cut:])))
            return [Run(f"{text[:at]}\n{text[at:]}")]
    return runs


@lru_cache(maxsize=64)
def _word_boundaries(text: str) -> list[int]:
    """Positions between words; jieba's dictionary loads on the first title that needs it."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    positions, at = [], 0
    for word in jieba.lcut(text):
        at += len(word)
        positions.append(at)
    return positions


def _missing_run(name: str, label: str) -> Run:
    return Run(MISSING_TEMPLATE.format(label=label), "missing", name)


__all__ = ["Block", "Missing", "RenderError", "Rendered", "Run", "render"]
