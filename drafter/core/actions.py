"""What the CLI and the GUI both do to a project: pick a template, fill fields, list them, export."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import Missing, Rendered, render
from drafter.core.report.model import Report
from drafter.core.report.project import TEMPLATE_FILE, ProjectError, list_templates, load_template, new_from_template
from drafter.core.text.fieldtext import quoted, title_from_display, title_to_display
from drafter.core.text.numbers import NumberError, check_bounds, format_number, parse_entry, parse_value, parse_year, plain_digits
from drafter.core.word.style import Style
from drafter.core.years.history import history_of

if TYPE_CHECKING:
    import datetime

META_KEYS = {"title": "标题", "year": "年度", "organisation": "落款单位", "date": "成文日期", "recipient": "主送机关",
             "sealed": "加盖印章", "attachments": "附件"}
YES, NO = ("是", "yes", "true", "1", "加盖"), ("否", "no", "false", "0", "不加盖", "")


class AssignmentError(UserFacingError, ValueError):
    """A NAME=VALUE that cannot be applied; the message names the field and the reason."""


class MissingFieldsError(ValueError):
    """Export refused because figures are still unfilled."""

    def __init__(self, missing: list[Missing]):
        self.missing = missing
        super().__init__(f"还有 {len(missing)} 项未填写")


@dataclass
class TemplateInfo:
    """A report template offered to start from: its name, what it is for, where it lies."""

    name: str
    description: str
    path: Path


def default_report_year(today: datetime.date | None = None) -> int:
    """Reports are written in December or early in the new year about the year just ending."""
    year, month = (today.year, today.month) if today else time.localtime()[:2]  # no datetime import for a start
    return year - 1 if month <= 3 else year


def available_templates(folders: list[Path]) -> list[TemplateInfo]:
    """Built-in and user templates; a user template of the same name comes first and wins."""
    found: dict[str, TemplateInfo] = {}
    for folder in folders:
        for name, description in list_templates(folder):
            found.setdefault(name, TemplateInfo(name, description, Path(folder) / name / TEMPLATE_FILE))
    return list(found.values())


def new_project(kind: str, year: int, folders: list[Path], cache: Path | None = None) -> Report:
    """A new project from the first folder that has this kind; only that one template file is read (its data kept
    parsed in the cache folder, when one is given)."""
    for folder in folders:
        path = Path(folder) / kind / TEMPLATE_FILE
        if path.is_file():
            return new_from_template(load_template(path, cache), year)
    names = "、".join(info.name for info in available_templates(folders)) or "（无）"
    raise ProjectError(f"没有名为“{kind}”的报告模板，可选：{names}")


def apply_assignment(report: Report, assignment: str) -> str:
    """Apply one NAME=VALUE (a field or a meta key); returns a one-line description of the change."""
    name, sep, raw = assignment.partition("=")
    name = name.strip()
    if not sep or not name:
        raise AssignmentError(f"“{assignment}”应写成 名称=值，例如 center_group_sessions=12 或 中心组集体学习次数=12")
    if name in META_KEYS and name not in report.fields:
        return _apply_meta(report, name, raw.strip())
    # by its name or by its label as drafter fields and the form show it (labels are kept unique)
    field = report.fields.get(name) or next((f for f in report.fields.values() if f.label == name), None)
    if field is None:
        raise AssignmentError(f"没有名为“{name}”的字段，可用 drafter fields 查看全部字段")
    name = field.name
    if raw.strip() == "":
        field.value = None
        return f"{field.label}（{name}）已清空"
    try:
        value = parse_entry(raw, field.type, field.notation)
        if field.type in ("integer", "decimal", "percent"):
            check_bounds(value, field.minimum, field.maximum)
    except NumberError as error:
        raise AssignmentError(f"字段{quoted(field.label)}（{name}）：{error}") from None
    field.value = value
    return f"{field.label}（{name}）= {format_number(value, field.type, field.unit, field.qualifier, field.notation)}"


def apply_label(report: Report, assignment: str) -> str:
    """Rename one field from NAME=新名称; labels stay unique so the editor's 【label】 tokens stay unambiguous."""
    name, sep, label = assignment.partition("=")
    name, label = name.strip(), label.strip()
    if not sep or not name or not label:
        raise AssignmentError(f"“{assignment}”应写成 字段名=新名称，例如 figure_01=开展学习次数")
    field = report.fields.get(name)
    if field is None:
        raise AssignmentError(f"没有名为“{name}”的字段，可用 drafter fields 查看全部字段")
    if any(other.label == label for other in report.fields.values() if other is not field):
        raise AssignmentError(f"已有名为{quoted(label)}的字段，请换一个名称")
    old, field.label = field.label, label
    return f"{name}：{old} → {label}"


def split_attachment_names(text: str) -> list[str]:
    """附件 names as typed on one line, in the form or on the command line: separated by ；, ; or |."""
    return [name.strip() for name in re.split(r"[；;|]", text) if name.strip()]


def _apply_meta(report: Report, key: str, raw: str) -> str:
    meta = report.meta
    try:
        if key == "year":
            meta.year = parse_year(raw)
        elif key == "date":
            meta.date = parse_value(raw, "date") if raw else ""
        elif key == "sealed":
            if raw.strip().lower() not in YES + NO:
                raise NumberError(f"“{raw}”应为 是 或 否")
            meta.sealed = raw.strip().lower() in YES
        elif key == "attachments":  # several names separated by ；or |
            meta.attachments = split_attachment_names(raw)
        elif key == "title":  # read as the window's 标题 box reads it: the year and the unit follow their boxes
            meta.title = title_from_display(raw, meta, report.fields)
        else:
            setattr(meta, key, raw)
    except NumberError as error:
        raise AssignmentError(f"{META_KEYS[key]}（{key}）：{error}") from None
    shown = title_to_display(meta, report.fields) if key == "title" else getattr(meta, key)
    return f"{META_KEYS[key]}（{key}）= {shown}"


def field_rows(report: Report, rendered: Rendered) -> list[dict]:
    """One plain dict per field, the keys `drafter fields --json` promises."""
    rows = []
    for field in report.fields.values():
        rows.append({
            "name": field.name, "label": field.label, "type": field.type, "unit": field.unit,
            "qualifier": field.qualifier, "value": _plain(field.value), "previous": _plain(field.previous),
            "used_in": rendered.used_in.get(field.name, []), "department": field.department,
            "history": {str(year): _plain(value) for year, value in history_of(field, report.meta.year).items()},
            "source": None if field.source is None else {
                "department": field.source.department, "file": field.source.file, "taken": field.source.taken},
        })
    return rows


def _plain(value):
    if value is None or isinstance(value, str):
        return value
    digits = plain_digits(value)
    return int(digits) if "." not in digits else float(digits)


def open_remarks(report: Report) -> dict[str, list]:
    """The reviewers' comments not yet marked done, by the paragraph or heading they were made on."""
    return {node.id: [r for r in node.remarks if not r.done] for node in report.nodes()
            if any(not r.done for r in node.remarks)}


def export_project(report: Report, style: Style, target: Path, allow_missing: bool = False,
                   comparison_table: bool = False, cache_folder: Path | None = None,
                   with_remarks: bool = False) -> Rendered:
    """Render and write the .docx; refuses while fields are unfilled unless allow_missing. With a cache
    folder, the style's empty document is made once and kept there."""
    from drafter.core.review.exported import keep_export
    from drafter.core.word.export import export_docx  # python-docx loads only for commands that write Word files

    rendered = render(report, comparison_table)
    if rendered.missing and not allow_missing:
        raise MissingFieldsError(rendered.missing)
    remarks = open_remarks(report) if with_remarks else None
    export_id = export_docx(rendered, style, target, author=report.meta.organisation, cache_folder=cache_folder,
                            remarks=remarks)
    keep_export(cache_folder, export_id, rendered)  # a reviewed copy is compared with what was sent up
    return rendered
