"""Text as the editor shows it: {{ name }} references become 【label】 tokens and back again."""

from __future__ import annotations

import re

from drafter.core.report.model import NOTE_MARK, Field, Meta
from drafter.core.text.numbers import chinese_year
from drafter.core.text.yearroll import YearRoller

# What the built-in names look like to a user who never sees template syntax.
BUILT_IN_LABELS = {"year": "本年度", "next_year": "下一年度", "previous_year": "上一年度", "organisation": "单位名称",
                   # the years written in Chinese (二〇二四), as last year's text wrote them
                   "year_cn": "本年度（汉字）", "next_year_cn": "下一年度（汉字）", "previous_year_cn": "上一年度（汉字）"}
TOKEN_OPEN, TOKEN_CLOSE = "【", "】"
_REFERENCE = re.compile(r"\{\{\s*([A-Za-z_\u4e00-\u9fff][\w]*)\s*\}\}")
TOKEN_PATTERN = re.compile(f"{TOKEN_OPEN}([^{TOKEN_OPEN}{TOKEN_CLOSE}\n]+){TOKEN_CLOSE}")
NOTE_TOKEN = f"{TOKEN_OPEN}脚注{TOKEN_CLOSE}"  # where a footnote is referenced, as the editor shows it


def built_in_values(meta: Meta) -> dict[str, object]:
    """What the built-in names stand for in this report: the years, and the unit's name once it is filled in (the
    renderer, the page's atoms and the outline's rows all show them so)."""
    values: dict[str, object] = {"year": meta.year, "next_year": meta.year + 1, "previous_year": meta.year - 1,
                                 "year_cn": chinese_year(meta.year), "next_year_cn": chinese_year(meta.year + 1),
                                 "previous_year_cn": chinese_year(meta.year - 1)}
    if meta.organisation.strip():
        values["organisation"] = meta.organisation
    return values


def labels_by_name(fields: dict[str, Field]) -> dict[str, str]:
    labels = dict(BUILT_IN_LABELS)
    labels.update({name: field.label for name, field in fields.items()})
    return labels


def token(label: str) -> str:
    return f"{TOKEN_OPEN}{label}{TOKEN_CLOSE}"


def to_display(source: str, fields: dict[str, Field], labels: dict[str, str] | None = None,
               values: dict[str, object] | None = None) -> str:
    """{{ study_sessions }} → 【学习次数】; unknown names keep their name so nothing is lost; names in `values` are
    shown as that text instead ({{ year }} → 2026 in a preview). Pass labels (labels_by_name) when converting many
    texts: building them is per field."""
    labels = labels if labels is not None else labels_by_name(fields)
    values = values or {}

    def shown(match: re.Match) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else token(labels.get(name, name))

    return _REFERENCE.sub(shown, source).replace(NOTE_MARK, NOTE_TOKEN)


def from_display(text: str, fields: dict[str, Field]) -> str:
    """【学习次数】 → {{ study_sessions }}; a bracketed text that names no field stays as typed."""
    names = {}
    for name, label in labels_by_name(fields).items():
        names.setdefault(label, name)
        names.setdefault(name, name)

    def replace(match: re.Match) -> str:
        if match.group(0) == NOTE_TOKEN and "脚注" not in names:
            return NOTE_MARK
        inner = match.group(1)
        # An ASCII name is a reference even to a field not (yet) defined, so it is never lost.
        name = names.get(inner) or (inner if inner.isascii() and inner.isidentifier() else None)
        return "{{ " + name + " }}" if name else match.group(0)

    return TOKEN_PATTERN.sub(replace, text)


# The unit's name in a title before 落款单位 is filled in, as the page and the export mark it
UNIT_TO_FILL = f"{TOKEN_OPEN}待填：落款单位{TOKEN_CLOSE}"


def title_to_display(meta: Meta, fields: dict[str, Field]) -> str:
    """The title as it prints (年份 as the year, the unit's name once filled in, else 【待填：落款单位】 as on the
    page), for the 标题 box: a clerk saw 【下一年度】 there and could not tell what it was or how to change it."""
    values = built_in_values(meta)
    values.setdefault("organisation", UNIT_TO_FILL)
    return to_display(meta.title, fields, values=values)


def title_from_display(text: str, meta: Meta, fields: dict[str, Field]) -> str:
    """The title box's text back to the title's source: the report's year and the next stay references (so the title
    follows the 年度 box and next year's roll), and so does the unit's name; 【…】 tokens as anywhere else."""
    text = text.replace(UNIT_TO_FILL, "{{ organisation }}")
    source = YearRoller(meta.year, meta.year).roll(from_display(text, fields), "标题")
    name = meta.organisation.strip()
    return source.replace(name, "{{ organisation }}") if name else source


def quoted(text: str) -> str:
    """“text” for a message, quotation marks inside it turned to the inner pair: “‘六个新’工作名称”, not
    “““六个新”工作名称” (a label keeps the quotes of the sentence it was taken from)."""
    inner = re.sub(r'"([^"]*)"', r"‘\1’", text.replace("“", "‘").replace("”", "’"))
    return f"“{inner}”"


def referenced_names(source: str) -> list[str]:
    return [match.group(1) for match in _REFERENCE.finditer(source)]
