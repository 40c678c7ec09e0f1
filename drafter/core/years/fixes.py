"""One-click fixes for findings whose fix is certain: punctuation, heading numbers, last year's year, typed tokens,
a reviewer's comment marked done."""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.core.report.model import Paragraph, Report, Section
from drafter.core.text.fieldtext import from_display
from drafter.core.text.numbers import split_heading_number
from drafter.core.text.spans import TEMPLATE_CODE, map_outside
from drafter.core.text.yearroll import WRITTEN_YEAR, written_year
from drafter.core.years.checks import DOUBLED, FULL_WIDTH, HALF_WIDTH, Finding

_DOUBLE_KEEP_FIRST = re.compile(r"([，。；：、！？])\1+")


def full_width_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) next to Chinese become full width; doubled marks become one."""
    def convert(piece: str) -> str:
        while (converted := HALF_WIDTH.sub(lambda m: FULL_WIDTH[m.group(0)], piece)) != piece:
            piece = converted  # again: a mark after one just made full-width (学习,, → 学习，，) is next
        piece = _DOUBLE_KEEP_FIRST.sub(r"\1", piece)
        return DOUBLED.sub(lambda m: m.group(0)[-1] if m.group(0)[-1] in "。！？" else m.group(0)[0], piece)

    return map_outside(text, convert, TEMPLATE_CODE)


def roll_year(text: str, stale: int) -> str:
    """`2025年` → `{{ year }}年` (二〇二五年 → `{{ year_cn }}年`) where 2025 is last year, outside quotations and
    titles."""
    def roll(match: re.Match) -> str:
        year, chinese = written_year(match)
        return ("{{ year_cn }}" if chinese else "{{ year }}") if year == stale else match.group(0)

    return map_outside(text, lambda free: WRITTEN_YEAR.sub(roll, free))


# A fix the user asks for in the window, one finding at a time: never among what `drafter check --fix` applies.
ON_REQUEST = frozenset({"remark_done"})


def apply_fix(report: Report, finding: Finding) -> bool:
    """Apply a finding's fix in place; False when it has none or its place is gone."""
    node = _find(report, finding.node_id)
    if finding.fix == "punctuation":
        return _each_text(report, node, finding, full_width_punctuation)
    if finding.fix == "year_roll":
        return _each_text(report, node, finding, lambda text: roll_year(text, report.meta.year - 1))
    if finding.fix == "typed_token":  # 【本年度】 → {{ year }}, 【学习次数】 → {{ study_sessions }}, as the title box does
        return _each_text(report, node, finding, lambda text: from_display(text, report.fields))
    if finding.fix == "heading_number" and isinstance(node, Section):
        node.heading = split_heading_number(node.heading)[1]
        return True
    if finding.fix == "remark_done" and node is not None:  # a new list, so the undo step sees what changed
        node.remarks = [replace(remark, done=True) for remark in node.remarks]
        return True
    if finding.fix == "heading_punctuation" and isinstance(node, Section):
        node.heading = node.heading.rstrip().rstrip("。，；：、！？,.;:")
        return True
    return False


def _find(report: Report, node_id: str):
    if not node_id:
        return None
    for _, paragraph in report.paragraphs_with_place():
        if paragraph.id == node_id:
            return paragraph
    for _, section in report.walk_sections():
        if section.id == node_id:
            return section
    return None


def _each_text(report: Report, node, finding: Finding, change) -> bool:
    if isinstance(node, Paragraph):
        node.lead, node.body = change(node.lead), change(node.body)
    elif isinstance(node, Section):
        node.heading = change(node.heading)
    elif finding.where == "标题":
        report.meta.title = change(report.meta.title)
    elif finding.where == "落款":
        report.meta.organisation = change(report.meta.organisation)
    else:
        return False
    return True
