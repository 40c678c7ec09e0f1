"""The report as plain data: metadata, the outline tree and the statistic fields."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field as dc_field
from decimal import Decimal
from typing import Iterator

from drafter.core.text.numbers import heading_number

FIELD_TYPES = ("integer", "decimal", "percent", "text", "date")
QUALIFIERS = ("", "余", "多", "约")
MAX_LEVEL = 4
NOTE_MARK = "\ue010"  # where a paragraph's next footnote is referenced
# "万," is 2,316.5万; "余万" is 230余万 (the qualifier before the magnitude); fullwidth is １２６ and ９７.６％,
# "fullwidth," is １，２６０; "％" is 97.6％ (only the sign full-width); "bare%" a rate printed without its sign (a
# table's cell under a header or beside a unit cell that says %).
NOTATIONS = ("", "plain", "grouped", "万", "亿", "万,", "亿,", "余万", "余亿", "chinese", "chinese_bare",
             "fullwidth", "fullwidth,", "％", "bare%")  # chinese_bare: 万余人, 百分之百 (a round magnitude without its 一)

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    """A session-unique id for outline nodes; ids are not stored in project files."""
    return f"{prefix}{next(_ids)}"


Value = Decimal | str | None


@dataclass
class Source:
    """Where a field's value came from: the department that answered, its workbook and when it was taken in."""

    department: str
    file: str
    taken: str  # local time, ISO to the second: 2024-12-18T09:30:00


@dataclass
class Past:
    """A value of an earlier year and where it came from: an imported file, a collection workbook, or typed."""

    value: Value
    origin: str = ""


@dataclass
class Field:
    """One statistic of the report: what it is, how it prints, this year's and last year's value."""

    name: str
    label: str
    type: str = "integer"
    unit: str = ""
    qualifier: str = ""
    value: Value = None
    previous: Value = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    required: bool = True
    notation: str = ""  # how the number prints: "" GB/T 15835 (1.2万), plain, grouped (1,260), 万, 亿, chinese
    department: str = ""  # 填报部门 asked for this figure in a data collection; empty: the drafting office
    source: Source | None = None  # who gave the current value, when it came from a collection workbook
    # Years before last year's (last year's value is `previous`), newest knowledge of each; see core/history.py.
    history: dict[int, Past] = dc_field(default_factory=dict)
    previous_origin: str = ""  # where `previous` came from, once the project knows more than one file or year

    @property
    def filled(self) -> bool:
        return self.value is not None and self.value != ""


@dataclass
class Remark:
    """A reviewer's comment (批注) kept with the text it was made on, until the user marks it done; never printed."""

    text: str
    author: str = ""
    date: str = ""  # as Word records it: 2024-12-20T09:30:00Z
    done: bool = False


@dataclass
class Paragraph:
    """A body paragraph: an optional bold lead sentence and a body that may reference fields."""

    body: str = ""
    lead: str = ""
    origin: str = ""  # lead + body as imported from last year's draft; empty when written this year
    notes: list[str] = dc_field(default_factory=list)  # footnotes, each printed where NOTE_MARK stands in the text
    rows: list[list[str]] = dc_field(default_factory=list)  # a table instead of text: cells, header row first
    remarks: list[Remark] = dc_field(default_factory=list)
    id: str = dc_field(default_factory=lambda: new_id("p"))

    @property
    def source(self) -> str:
        return self.lead + self.body


@dataclass
class Section:
    """A numbered heading with its paragraphs and sub-sections (level 1 is a part 一、)."""

    heading: str
    paragraphs: list[Paragraph] = dc_field(default_factory=list)
    children: list[Section] = dc_field(default_factory=list)
    run_in: bool = False  # the heading prints at the start of its first paragraph, ending with 。
    remarks: list[Remark] = dc_field(default_factory=list)
    id: str = dc_field(default_factory=lambda: new_id("s"))


@dataclass
class Meta:
    """What the report is and who signs it; title may use {{ year }} like any text."""

    title: str = "{{ year }}年度工作报告"
    year: int = 2023
    organisation: str = ""
    date: str = ""  # 成文日期 as YYYY-MM-DD; empty until the user sets it
    recipient: str = ""  # 主送机关, optional
    sealed: bool = False  # 加盖印章: the date 4 characters from the right, the signature centred above it
    attachments: list[str] = dc_field(default_factory=list)  # 附件名称, listed in the 附件说明 after the body
    project_id: str = ""  # given at the first data collection, so returned workbooks can be matched to it


@dataclass
class Report:
    """A whole report; a template is a report whose fields have no values."""

    meta: Meta = dc_field(default_factory=Meta)
    fields: dict[str, Field] = dc_field(default_factory=dict)
    opening: list[Paragraph] = dc_field(default_factory=list)
    parts: list[Section] = dc_field(default_factory=list)
    closing: list[Paragraph] = dc_field(default_factory=list)
    kind: str = ""
    description: str = ""

    def walk_sections(self) -> Iterator[tuple[tuple[int, ...], Section]]:
        """Every section depth-first with its position path, e.g. (1, 2) is 一、（二）."""
        yield from _walk(self.parts, ())

    def nodes(self) -> list[Paragraph | Section]:
        """Every paragraph and every section: what a reviewer's comment can be made on."""
        return [paragraph for _place, paragraph in self.paragraphs_with_place()] + [
            section for _path, section in self.walk_sections()]

    def paragraphs_with_place(self) -> Iterator[tuple[str, Paragraph]]:
        """Every paragraph in reading order with a human-readable place name."""
        for index, para in enumerate(self.opening, 1):
            yield f"开头第{index}段", para
        for path, section in self.walk_sections():
            for index, para in enumerate(section.paragraphs, 1):
                yield f"{place_name(path)}第{index}段", para
        for index, para in enumerate(self.closing, 1):
            yield f"结尾第{index}段", para


def _walk(sections: list[Section], prefix: tuple[int, ...]):
    for index, section in enumerate(sections, 1):
        path = prefix + (index,)
        yield path, section
        yield from _walk(section.children, path)


def place_name(path: tuple[int, ...]) -> str:
    """A section's place as a user reads it: (2, 1) → 第二部分（一）."""
    head = f"第{heading_number(1, path[0]).rstrip('、')}部分"
    return head + "".join(heading_number(level, n).rstrip("、.") for level, n in enumerate(path[1:], 2))
