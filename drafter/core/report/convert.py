"""Plain data (what YAML gives) to a Report and back, checking the shape on the way in."""

from __future__ import annotations

import keyword
import sys
from contextlib import contextmanager
from decimal import Decimal

from drafter.core.report.model import (
    FIELD_TYPES, MAX_LEVEL, NOTATIONS, QUALIFIERS, Field, Meta, Paragraph, Past, Remark, Report, Section, Source,
)
from drafter.core.text.numbers import NumberError, check_bounds, parse_value, plain_digits

# Names the renderer provides itself; a field may not hide them.
RESERVED_NAMES = frozenset({"year", "next_year", "previous_year", "organisation", "recipient", "loop", "range"})


class ShapeError(ValueError):
    """Data that does not have a project's shape; the message says where, in Chinese. `near` is the
    innermost mapping or list the problem is in, so the loader can name its line."""

    near = None


@contextmanager
def _near(container):
    """Errors raised inside are marked as being in `container` unless a deeper one already is."""
    try:
        yield
    except ShapeError as error:
        if error.near is None and isinstance(container, (dict, list)):
            error.near = container
        raise


def report_from_data(data: dict) -> Report:
    with _near(data):
        return _report(data)


def _report(data: dict) -> Report:
    meta = data.get("meta", {})
    with _near(meta):
        parsed_meta = _meta(_mapping(meta, "meta"))
    report = Report(
        meta=parsed_meta,
        kind=_text(data.get("kind", ""), "kind"),
        description=_text(data.get("description", ""), "description"),
    )
    for index, item in enumerate(_sequence(data.get("fields", []), "fields"), 1):
        with _near(item):
            field = _field(_mapping(item, f"fields 第{index}项"), f"fields 第{index}项")
            if field.name in report.fields:
                raise ShapeError(f"字段名“{field.name}”重复定义（fields 第{index}项）")
        report.fields[field.name] = field
    report.opening = _paragraphs(data.get("opening", []), "opening")
    report.parts = _sections(data.get("parts", []), "parts", 1)
    report.closing = _paragraphs(data.get("closing", []), "closing")
    return report


def _meta(data: dict) -> Meta:
    year = data.get("year", Meta.year)
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2999:
        raise ShapeError(f"meta.year 应是四位年份，而不是“{year}”")
    return Meta(
        title=_text(data.get("title", Meta.title), "meta.title"),
        year=year,
        organisation=_text(data.get("organisation", ""), "meta.organisation"),
        date=_date(data.get("date", ""), "meta.date"),
        recipient=_text(data.get("recipient", ""), "meta.recipient"),
        sealed=_flag(data.get("sealed", False), "meta.sealed"),
        attachments=[_text(name, "meta.attachments") for name in _sequence(data.get("attachments", []),
                                                                           "meta.attachments")],
        project_id=_text(data.get("id", ""), "meta.id"),
    )


def _flag(raw, where: str) -> bool:
    if not isinstance(raw, bool):
        raise ShapeError(f"{where} 应是 true 或 false")
    return raw


def _field(data: dict, where: str) -> Field:
    name = _text(data.get("name", ""), f"{where}.name")
    if not name.isidentifier() or keyword.iskeyword(name) or name in RESERVED_NAMES:
        raise ShapeError(f"{where}：字段名“{name}”不可用，应由字母、数字、下划线组成且不以数字开头")
    where = f"字段“{name}”"
    kind = data.get("type", "integer")
    if kind not in FIELD_TYPES:
        raise ShapeError(f"{where}的类型“{kind}”不存在，可选：{'、'.join(FIELD_TYPES)}")
    qualifier = data.get("qualifier", "") or ""
    if qualifier not in QUALIFIERS:
        raise ShapeError(f"{where}的限定词“{qualifier}”不可用，可选：余、多、约")
    field = Field(
        name=name,
        label=_text(data.get("label", name), f"{where}的 label") or name,
        type=kind,
        unit=_text(data.get("unit", ""), f"{where}的 unit"),
        qualifier=qualifier,
        minimum=_bound(data.get("min"), where, "min"),
        maximum=_bound(data.get("max"), where, "max"),
        required=bool(data.get("required", True)),
        notation=_notation(data.get("notation", ""), where),
        department=_text(data.get("department", ""), f"{where}的 department"),
        source=_source(data.get("source"), where),
    )
    field.value = _value(data.get("value"), field, "value")
    if field.value is not None and field.type in ("integer", "decimal", "percent"):
        try:  # a value the form would refuse (a negative count) is refused here too; last year's are as written
            check_bounds(field.value, field.minimum, field.maximum)
        except NumberError as error:
            raise ShapeError(f"{where}的 value：{error}") from None
    field.previous = _value(data.get("previous"), field, "previous")
    field.previous_origin = _text(data.get("previous_from", ""), f"{where}的 previous_from")
    field.history = _history(data.get("history"), field)
    return field


def _history(raw, field: Field) -> dict[int, Past]:
    """{2022: 12} or, with where it came from, {2022: [12, 2022年度工作报告.docx]}."""
    history = {}
    for year, entry in _mapping(raw, f"字段“{field.name}”的 history").items():
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2999:
            raise ShapeError(f"字段“{field.name}”的 history 中“{year}”不是四位年份")
        value, origin = (entry + [""])[:2] if isinstance(entry, list) else (entry, "")
        history[year] = Past(_value(value, field, f"history {year}"), _text(origin, f"字段“{field.name}”的 history"))
    return dict(sorted(history.items()))


def _source(raw, where: str) -> Source | None:
    if raw is None:
        return None
    raw = _mapping(raw, f"{where}的 source")
    return Source(*(_text(raw.get(key, ""), f"{where}的 source.{key}") for key in ("department", "file", "taken")))


def _notation(raw, where: str) -> str:
    notation = "" if raw is None else str(raw)
    if notation not in NOTATIONS:
        raise ShapeError(f"{where}的写法“{notation}”不可用，可选：{'、'.join(n for n in NOTATIONS if n)}")
    return notation


def _value(raw, field: Field, key: str):
    if raw is None or raw == "":
        return None
    if _is_date(raw):
        raw = raw.isoformat()[:10]
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ShapeError(f"字段“{field.name}”的 {key} 应是一个值，而不是列表或键值对")
    try:
        return parse_value(str(raw), field.type)
    except NumberError as error:
        raise ShapeError(f"字段“{field.name}”的 {key}：{error}") from None


def _bound(raw, where: str, key: str) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ShapeError(f"{where}的 {key} 应是数字")
    return Decimal(str(raw))


def _paragraphs(raw, where: str) -> list[Paragraph]:
    paragraphs = []
    for index, item in enumerate(_sequence(raw, where), 1):
        with _near(item if isinstance(item, dict) else raw):
            paragraphs.append(_paragraph(item, f"{where} 第{index}段"))
    return paragraphs


def _paragraph(item, place: str) -> Paragraph:
    if isinstance(item, str):
        return Paragraph(body=item)
    item = _mapping(item, place)
    notes = [_text(note, f"{place} 脚注") for note in _sequence(item.get("notes", []), f"{place} notes")]
    rows = [[_text(cell, f"{place} 表格") for cell in _sequence(row, f"{place} 表格")]
            for row in _sequence(item.get("rows", []), f"{place} rows")]
    return Paragraph(body=_text(item.get("body", ""), place), lead=_text(item.get("lead", ""), place),
                     origin=_text(item.get("origin", ""), place), notes=notes, rows=rows,
                     remarks=_remarks(item.get("remarks"), place))


def _remarks(raw, place: str) -> list[Remark]:
    remarks = []
    for item in _sequence(raw, f"{place} remarks"):
        item = _mapping(item, f"{place} 批注")
        remarks.append(Remark(*(_text(item.get(key, ""), f"{place} 批注的 {key}") for key in ("text", "author", "date")),
                              done=bool(item.get("done", False))))
    return remarks


def _remarks_data(remarks: list[Remark]) -> list[dict]:
    return [{"text": r.text, "author": r.author, "date": r.date, **({"done": True} if r.done else {})} for r in remarks]


def _sections(raw, where: str, level: int) -> list[Section]:
    if level > MAX_LEVEL and raw:
        raise ShapeError(f"{where}：标题最多{MAX_LEVEL}级")
    sections = []
    for index, item in enumerate(_sequence(raw, where), 1):
        with _near(item if isinstance(item, dict) else raw):
            sections.append(_section(item, f"{where} 第{index}项", level))
    return sections


def _section(item, place: str, level: int) -> Section:
    item = _mapping(item, place)
    return Section(
        heading=_text(item.get("heading", ""), f"{place}.heading"),
        paragraphs=_paragraphs(item.get("paragraphs", []), f"{place}.paragraphs"),
        children=_sections(item.get("sections", []), f"{place}.sections", level + 1),
        run_in=bool(item.get("run_in", False)),
        remarks=_remarks(item.get("remarks"), place),
    )


def _mapping(raw, where: str) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ShapeError(f"{where} 应是键值对")
    return raw


def _sequence(raw, where: str) -> list:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ShapeError(f"{where} 应是列表")
    return raw


def _text(raw, where: str) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ShapeError(f"{where} 应是文字")
    return str(raw)


def _date(raw, where: str) -> str:
    if raw in (None, ""):
        return ""
    if _is_date(raw):
        return raw.isoformat()[:10]
    try:
        return parse_value(str(raw), "date")
    except NumberError as error:
        raise ShapeError(f"{where}：{error}") from None


def report_to_data(report: Report) -> dict:
    """A Report as plain data in the project file's order: what it is, then fields, then text."""
    data = {"kind": report.kind, "description": report.description, "meta": _meta_data(report.meta)}
    data["fields"] = [_field_data(field) for field in report.fields.values()]
    data["opening"] = [_paragraph_data(p) for p in report.opening]
    data["parts"] = [_section_data(s) for s in report.parts]
    data["closing"] = [_paragraph_data(p) for p in report.closing]
    return data


def _meta_data(meta: Meta) -> dict:
    data = {"title": meta.title, "year": meta.year, "organisation": meta.organisation, "date": meta.date}
    if meta.recipient:
        data["recipient"] = meta.recipient
    if meta.sealed:
        data["sealed"] = True
    if meta.attachments:
        data["attachments"] = list(meta.attachments)
    if meta.project_id:
        data["id"] = meta.project_id
    return data


def _field_data(field: Field) -> dict:
    data = {"name": field.name, "label": field.label, "type": field.type}
    for key in ("unit", "qualifier", "notation", "department"):
        if getattr(field, key):
            data[key] = getattr(field, key)
    data["value"] = _plain(field.value)
    if field.previous is not None:
        data["previous"] = _plain(field.previous)
    if field.previous_origin:
        data["previous_from"] = field.previous_origin
    if field.history:
        data["history"] = {year: [_plain(past.value), past.origin] if past.origin else _plain(past.value)
                           for year, past in sorted(field.history.items())}
    if field.minimum is not None:
        data["min"] = _plain(field.minimum)
    if field.maximum is not None:
        data["max"] = _plain(field.maximum)
    if not field.required:
        data["required"] = False
    if field.source is not None:
        data["source"] = {"department": field.source.department, "file": field.source.file,
                          "taken": field.source.taken}
    return data


def _plain(value):
    """Decimals as YAML numbers a person can read: 12, 35.6."""
    if isinstance(value, Decimal):
        digits = plain_digits(value)
        return int(digits) if "." not in digits else digits
    return value


def _paragraph_data(paragraph: Paragraph):
    if not paragraph.lead and not paragraph.origin and not paragraph.notes and not paragraph.rows and not paragraph.remarks:
        return paragraph.body
    data = {"lead": paragraph.lead, "body": paragraph.body} if paragraph.lead else {"body": paragraph.body}
    if paragraph.origin:
        data["origin"] = paragraph.origin
    if paragraph.notes:
        data["notes"] = list(paragraph.notes)
    if paragraph.rows:
        data["rows"] = [list(row) for row in paragraph.rows]
    if paragraph.remarks:
        data["remarks"] = _remarks_data(paragraph.remarks)
    return data


def _section_data(section: Section) -> dict:
    data = {"heading": section.heading, "paragraphs": [_paragraph_data(p) for p in section.paragraphs]}
    if section.run_in:
        data["run_in"] = True
    if section.remarks:
        data["remarks"] = _remarks_data(section.remarks)
    if section.children:
        data["sections"] = [_section_data(s) for s in section.children]
    return data


def _is_date(raw) -> bool:
    """A date PyYAML made of an unquoted 2024-01-08. To make one it imports datetime: while that is not loaded (a
    report read from a kept JSON copy), nothing is a date, and the ~10 ms import is not paid to say so."""
    datetime = sys.modules.get("datetime")
    return datetime is not None and isinstance(raw, datetime.date)  # a datetime.datetime is a date too
