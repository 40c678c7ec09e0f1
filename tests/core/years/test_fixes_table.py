"""The certain fixes as tables of behaviour: punctuation, heading punctuation, where a fix lands."""

from __future__ import annotations

import pytest

from drafter import paths
from drafter.core.report.model import Meta, Paragraph, Report, Section
from drafter.core.text.figures import FigureError, parse_figure
from drafter.core.years.checks import Finding
from drafter.core.years.fixes import apply_fix, full_width_punctuation

PUNCTUATION = [
    ("全年学习,效果明显", "全年学习，效果明显"),
    ("全年学习,,效果明显", "全年学习，效果明显"),  # doubled after conversion: one kept
    ("好。。", "好。"),
    ("好，。", "好。"),  # a comma before a full stop: the stop stays
    ("好。，", "好。"),  # a comma after it: the stop stays
    ("学习；。", "学习。"),
    ("“学习,好”", "“学习，好”"),  # quotations are fixed too (only template code is left alone)
    ('学习,好{{ f|default(",") }}', '学习，好{{ f|default(",") }}'),
    ("会议(扩大)召开", "会议（扩大）召开"),
]


@pytest.mark.parametrize(("text", "fixed"), PUNCTUATION)
def test_full_width_punctuation(text, fixed):
    assert full_width_punctuation(text) == fixed


def _report():
    paragraph = Paragraph(lead="要点,一", body="正文,二")
    section = Section(" 加强学习。 ", [paragraph])
    return Report(meta=Meta(title="报告,标题", organisation="某局,办公室"), parts=[section]), section, paragraph


def test_each_fix_lands_where_its_finding_points():
    report, section, paragraph = _report()
    assert apply_fix(report, Finding("half_width_punctuation", "warning", "第一部分第1段", "", "punctuation",
                                     paragraph.id)) is True
    assert (paragraph.lead, paragraph.body) == ("要点，一", "正文，二")
    assert apply_fix(report, Finding("half_width_punctuation", "warning", "标题", "", "punctuation")) is True
    assert report.meta.title == "报告，标题"
    assert apply_fix(report, Finding("half_width_punctuation", "warning", "落款", "", "punctuation")) is True
    assert report.meta.organisation == "某局，办公室"
    assert apply_fix(report, Finding("half_width_punctuation", "warning", "别处", "", "punctuation")) is False
    assert apply_fix(report, Finding("heading_punctuation", "warning", "", "", "heading_punctuation",
                                     section.id)) is True
    assert section.heading == " 加强学习"  # the end's mark and spaces go; the start is left as it was
    assert apply_fix(report, Finding("heading_punctuation", "warning", "", "", "heading_punctuation",
                                     paragraph.id)) is False  # a paragraph has no heading
    assert apply_fix(report, Finding("unknown", "warning", "", "", "no_such_fix", section.id)) is False


def test_a_stale_year_is_rolled_in_a_heading():
    report, section, _paragraph = _report()
    report.meta.year = 2024
    section.heading = "2023年工作回顾"
    assert apply_fix(report, Finding("stale_year", "warning", "", "", "year_roll", section.id)) is True
    assert section.heading == "{{ year }}年工作回顾"


FIGURES = [
    ("2,316.5万元", ("integer", "元", "", "万,")),
    ("2316.5万元", ("integer", "元", "", "万")),
    ("97.6%", ("percent", "", "", "")),
    ("97.6％", ("percent", "", "", "％")),
    ("12.5次", ("decimal", "次", "", "plain")),
    ("十二次", ("integer", "次", "", "chinese")),
    ("三十余人", ("integer", "人", "余", "chinese")),
]


@pytest.mark.parametrize(("text", "shape"), FIGURES)
def test_a_selected_figure_keeps_its_notation(text, shape):
    figure = parse_figure(text, paths.lexicon())
    assert (figure.type, figure.unit, figure.qualifier, figure.notation) == shape


@pytest.mark.parametrize("text", ["abc", "十二点五次", "12"])
def test_what_is_not_a_figure_with_a_unit_says_so(text):
    with pytest.raises(FigureError, match=f"“{text}”不是一个带单位的数字"):
        parse_figure(text, paths.lexicon())
