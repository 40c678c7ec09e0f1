"""Next year's project from this year's: values move into the history, the text's years move on one year."""

from __future__ import annotations

import copy

from drafter.core.report.model import Field, Past, Report
from drafter.core.text.numbers import parse_value
from drafter.core.text.yearroll import YearRoller

TYPED = "填写"  # the origin of a value a person typed into the form


def roll_forward(report: Report) -> tuple[Report, list[str]]:
    """A copy for the next year: this year's values become last year's, last year's join the history, and every
    literal year in the text rolls on as import rolls it. Labels, departments, notations and the text stay;
    each paragraph remembers this year's words, so the check for unchanged text works as after an import.
    Returns the new report and the list of year changes."""
    new = copy.deepcopy(report)
    year = report.meta.year
    for field in new.fields.values():
        _roll_field(field, year)
    roller = YearRoller(year, year + 1)
    _roll_texts(new, roller)
    new.meta.year = year + 1
    new.meta.project_id = ""  # a collection of next year's figures is a new one
    if new.meta.date:
        new.meta.date = _next_year_date(new.meta.date)
        roller.changes.append(f"成文日期：{report.meta.date} → {new.meta.date}（请按实际日期修改）")
    return new, roller.changes


def _roll_field(field: Field, year: int) -> None:
    if field.previous is not None:
        field.history[year - 1] = Past(field.previous, field.previous_origin)
    field.history = dict(sorted(field.history.items()))
    field.previous, field.previous_origin = field.value, value_origin(field) if field.value is not None else ""
    field.value, field.source = None, None


def value_origin(field: Field) -> str:
    """Where this year's value came from, in words kept with it once it is history."""
    if field.source is None:
        return TYPED
    return f"{field.source.department}（{field.source.file}）"


def _roll_texts(report: Report, roller: YearRoller) -> None:
    meta = report.meta
    meta.title = roller.roll(meta.title, "标题")
    meta.attachments = [roller.roll_as_text(name) for name in meta.attachments]
    for place, paragraph in report.paragraphs_with_place():
        paragraph.lead = roller.roll(paragraph.lead, place)
        paragraph.body = roller.roll(paragraph.body, place)
        paragraph.notes = [roller.roll(note, place) for note in paragraph.notes]
        paragraph.rows = [[roller.roll(cell, place) for cell in row] for row in paragraph.rows]
        paragraph.origin = paragraph.source
    for _path, section in report.walk_sections():
        section.heading = roller.roll(section.heading, "小标题")


def _next_year_date(iso: str) -> str:
    year, month, day = iso.split("-")
    try:
        return parse_value(f"{int(year) + 1}-{month}-{day}", "date")
    except ValueError:  # 29 February
        return parse_value(f"{int(year) + 1}-{month}-28", "date")
