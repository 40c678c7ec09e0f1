"""Outline operations, editor tokens, figure recognition and year-over-year change, without Qt."""

from decimal import Decimal

import pytest

from drafter.core.report.document import ConflictError, DraftDocument, read_recovery, write_recovery
from drafter.core.report.model import Field, Paragraph, Section
from drafter.core.report.outline import Outline
from drafter.core.text import fieldtext, figures
from drafter.core.years.compare import change, short_change
from import_helpers import LEXICON


def test_outline_numbers_follow_positions(filled_report):
    outline = Outline(filled_report)
    third = filled_report.parts[2]
    assert outline.number(third) == "三、"
    assert outline.move(third, -2)
    assert outline.number(third) == "一、"
    assert not outline.move(third, -1)


def test_a_heading_s_title_shows_years_as_the_page_prints_them(filled_report):
    filled_report.meta.year = 2025
    first, last = filled_report.parts[0], filled_report.parts[-1]
    first.heading, last.heading = "{{ year }}年工作开展情况", "{{ next_year }}年工作打算"
    outline = Outline(filled_report)
    assert (outline.title(first), outline.number(last) + "2026年工作打算") == ("一、2025年工作开展情况", outline.title(last))


def test_subsections_number_per_level(filled_report):
    outline = Outline(filled_report)
    part = filled_report.parts[0]
    outline.insert_section(part, 0, Section("小节甲"))
    outline.insert_section(part, 1, Section("小节乙"))
    deep = part.children[1]
    outline.insert_section(deep, 0, Section("三级"))
    assert [outline.number(s) for s in part.children] == ["（一）", "（二）"]
    assert outline.number(deep.children[0]) == "1." and outline.level(deep.children[0]) == 3


def test_remove_returns_where_it_was(filled_report):
    outline = Outline(filled_report)
    paragraph = filled_report.parts[1].paragraphs[1]
    parent, index = outline.remove(paragraph)
    assert parent is filled_report.parts[1] and index == 1
    outline.insert_paragraph(parent, index, paragraph)
    assert filled_report.parts[1].paragraphs[1] is paragraph


def test_opening_and_closing_cannot_be_removed(filled_report):
    outline = Outline(filled_report)
    with pytest.raises(ValueError):
        outline.remove(outline.opening)


FIELDS = {"sessions": Field("sessions", "学习次数", unit="次")}


def test_tokens_round_trip():
    source = "{{ year }}年开展学习{{ sessions }}，{{ unknown }}。"
    display = fieldtext.to_display(source, FIELDS)
    assert display == "【本年度】年开展学习【学习次数】，【unknown】。"
    assert fieldtext.from_display(display, FIELDS) == "{{ year }}年开展学习{{ sessions }}，{{ unknown }}。"


def test_brackets_that_name_no_field_stay_text():
    assert fieldtext.from_display("【待填】与【学习次数】", FIELDS) == "【待填】与{{ sessions }}"


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "qualifier"),
    [("12次", 12, "integer", "次", ""), ("300余名", 300, "integer", "名", ""),
     ("20多个", 20, "integer", "个", "多"), ("1.2万人次", 12000, "integer", "人次", ""),
     ("35.6%", Decimal("35.6"), "percent", "", ""), ("约300人", 300, "integer", "人", "约"),
     ("1200万元", 12000000, "integer", "元", "")],
)
def test_figures_are_recognised(text, value, kind, unit, qualifier):
    figure = figures.parse_figure(text, LEXICON)
    expected_qualifier = "余" if "余" in text else qualifier
    assert (figure.value, figure.type, figure.unit, figure.qualifier) == (value, kind, unit, expected_qualifier)


def test_not_a_figure_is_explained():
    with pytest.raises(figures.FigureError, match="带单位的数字"):
        figures.parse_figure("二十大", LEXICON)


def test_a_fall_and_its_percentage_carry_the_same_minus_sign():
    field = Field("a", "次数", unit="次", value=Decimal(10), previous=Decimal(12))
    assert short_change(field) == "−2（−16.7%）"  # was −2（-16.7%）: two different minus signs side by side


def test_change_phrases():
    field = Field("a", "次数", unit="次", value=Decimal(9), previous=Decimal(8))
    assert change(field).phrase == "增长12.5%" and short_change(field) == "+1（+12.5%）"
    field.value = Decimal(8)
    assert change(field).phrase == "与上年持平"
    field.previous = Decimal(0)
    assert change(field).phrase == "增加8次"
    rate = Field("r", "率", type="percent", value=Decimal("90"), previous=Decimal("95.5"))
    assert change(rate).phrase == "下降5.5个百分点"
    assert short_change(rate) == "−5.5个百分点"  # a rate's change in points, as its phrase says (was −5.5, no unit)


def test_document_refuses_to_overwrite_a_file_changed_on_disk(tmp_path, filled_report):
    path = tmp_path / "p.drafter"
    document = DraftDocument(filled_report)
    document.save(path)
    path.write_bytes(path.read_bytes() + b"\n# edited elsewhere\n")
    with pytest.raises(ConflictError):
        document.save()
    document.save(force=True)
    assert b"edited elsewhere" not in path.read_bytes()


def test_recovery_copy_keeps_the_original_path(tmp_path, filled_report):
    recovery = tmp_path / "r.drafter"
    write_recovery(filled_report, tmp_path / "原稿.drafter", recovery)
    report, original = read_recovery(recovery)
    assert original == tmp_path / "原稿.drafter" and report.meta.organisation == filled_report.meta.organisation
    assert isinstance(report.opening[0], Paragraph)


def test_relocate_keeps_levels_within_four(filled_report):
    outline = Outline(filled_report)
    first, second = filled_report.parts[0], filled_report.parts[1]
    deep = Section("三级", children=[Section("四级")])
    outline.insert_section(first, 0, Section("二级", children=[deep]))
    assert not outline.can_hold(first.children[0].children[0].children[0], second)  # would be level 5
    assert outline.can_hold(first, second)
    old_parent, old_index = outline.relocate(second, first, 0)
    assert old_parent is None and old_index == 1 and outline.number(second) == "（一）"


def test_missing_fonts_follow_substitutions(style):
    from drafter.core.word.style import missing_fonts, with_font_substitutions

    assert missing_fonts(style, {"黑体", "宋体"}) == ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312"]
    replaced = with_font_substitutions(style, {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"})
    assert missing_fonts(replaced, {"黑体", "宋体", "仿宋", "楷体"}) == []


def test_the_title_box_reads_as_the_title_prints_and_back():
    from drafter.core.report.model import Meta
    from drafter.core.text.fieldtext import title_from_display, title_to_display

    meta = Meta(title="政协{{ organisation }}{{ next_year }}年工作报告", year=2023, organisation="某某县委员会")
    assert title_to_display(meta, {}) == "政协某某县委员会2024年工作报告"  # was 政协【单位名称】【下一年度】年工作报告
    assert title_from_display("政协某某县委员会2023年工作报告", meta, {}) == "政协{{ organisation }}{{ year }}年工作报告"
    assert title_from_display("政协某某县委员会2024年工作报告", meta, {}) == meta.title
    unnamed = Meta(title="{{ organisation }}{{ year }}年度工作报告", year=2026)  # 落款单位 not yet filled in
    assert title_to_display(unnamed, {}) == "【待填：落款单位】2026年度工作报告"  # as the page prints it
    assert title_from_display("【待填：落款单位】2026年度工作总结", unnamed, {}) == "{{ organisation }}{{ year }}年度工作总结"


def test_a_label_s_own_quotes_nest_in_every_message_that_quotes_it():
    from drafter.core.rendering.render import render
    from drafter.core.report.model import Meta, Report
    from drafter.core.text.fieldtext import quoted
    from drafter.core.years.checks import check_report

    assert quoted("“六个新”工作名称") == quoted('"六个新"工作名称') == "“‘六个新’工作名称”"
    field = Field("a", "“六个新”建设次数", unit="次", value=Decimal(3), previous=Decimal(3))
    report = Report(meta=Meta(year=2024), fields={"a": field}, parts=[Section("工作", [Paragraph("开展{{ a }}。")])])
    messages = [finding.message for finding in check_report(report, render(report))]
    assert any(message.startswith("“‘六个新’建设次数”与去年相同") for message in messages), messages
