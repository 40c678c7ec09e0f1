"""The outline the builder makes of last year's paragraphs, one behaviour per row: which paragraph is a heading and of
what level (typed numbers, Word's own numbering, a heading style, 第一部分), a heading run into its paragraph, a
numbered sentence that is no heading, a lead sentence, and where the closing starts."""

from __future__ import annotations

import pytest

from drafter.core.lastyear import ImportFailed, SourceParagraph as P
from import_helpers import build_project

TITLE = P("2023年工作总结")


def outline(paragraphs: list[P], formatted: bool = False) -> list[str]:
    """The report as lines: 开头/结尾 paragraphs, and each heading by its depth (run-in marked 〔接〕) with its
    paragraphs under it (lead in 【】)."""
    report = build_project([TITLE, *paragraphs], None, "t", formatted=formatted).report
    lines = [f"开头 {_para(p)}" for p in report.opening]

    def walk(sections, depth):
        for section in sections:
            lines.append(f"{'  ' * (depth - 1)}{depth} {section.heading}{'〔接〕' if section.run_in else ''}")
            lines.extend(f"{'  ' * depth}· {_para(p)}" for p in section.paragraphs)
            walk(section.children, depth + 1)

    walk(report.parts, 1)
    lines += [f"结尾 {_para(p)}" for p in report.closing]
    return lines


def _para(paragraph) -> str:
    return (f"【{paragraph.lead}】" if paragraph.lead else "") + paragraph.body


@pytest.mark.parametrize("paragraphs, lines", [
    # typed numbers: 一、 a part, （一） under it, 1. a third level when short, a sentence when not
    ([P("一、组织建设"), P("（一）学习教育"), P("1.建立制度"), P("1.全年开展培训12次，培训干部300人。")],
     ["1 组织建设", "  2 学习教育", "    3 建立制度", "      · 1.全年开展培训{{ figure_01 }}，培训干部{{ figure_02 }}。"]),
    # a heading run into its paragraph is split at its 。
    ([P("一、组织建设"), P("（一）加强学习。全年开展学习12次。")],
     ["1 组织建设", "  2 加强学习〔接〕", "    · 全年开展学习{{ figure_01 }}。"]),
    # 第一部分 … when the report numbers its parts so: each a part, and 一、 under them a second level
    ([P("第一部分 工作回顾"), P("一、组织建设"), P("第二部分 工作打算"), P("一、继续做好")],
     ["1 工作回顾", "  2 组织建设", "1 工作打算", "  2 继续做好"]),
    # one 第一部分 alone is no part word: the paragraph stays as written
    ([P("一、组织建设"), P("第一部分内容如下。")], ["1 组织建设", "  · 第一部分内容如下。"]),
    # Word's own numbering: a heading by its number's level; the items of a list (…；) stay body text
    ([P("组织建设", numbered=1, number="一、"), P("检查电梯；", numbered=3, number="1."),
      P("检查锅炉；", numbered=3, number="2.")],
     ["1 组织建设", "  · 1.检查电梯；", "  · 2.检查锅炉；"]),
    # a heading style's outline level, for a heading-like paragraph only
    ([P("组织建设", outline_level=1), P("学习教育", outline_level=2), P("全年开展学习12次，效果良好。", outline_level=2)],
     ["1 组织建设", "  2 学习教育", "    · 全年开展学习{{ figure_01 }}，效果良好。"]),
    # a short first sentence in a part is its lead; a long one, or a listed point (一是), is not
    ([P("一、组织建设"), P("全面加强学习。全年开展学习12次。"), P("一是加强学习。全年开展学习8次。")],
     ["1 组织建设", "  · 【全面加强学习。】全年开展学习{{ figure_01 }}。", "  · 一是加强学习。全年开展学习{{ figure_02 }}。"]),
    # before the first part there is no lead: the opening is as written
    ([P("今年以来，我局认真履职。全年工作有序。"), P("一、组织建设")],
     ["开头 今年以来，我局认真履职。全年工作有序。", "1 组织建设"]),
    # after the last part, a paragraph turning to next year is the closing
    ([P("一、组织建设"), P("全年开展学习12次。"), P("新的一年，我们将继续努力。")],
     ["1 组织建设", "  · 全年开展学习{{ figure_01 }}。", "结尾 新的一年，我们将继续努力。"]),
])
def test_paragraphs_make_this_outline(paragraphs, lines):
    assert outline(paragraphs) == lines


def test_a_bold_start_is_the_lead_in_a_word_file_and_a_plain_short_sentence_is_not():
    paragraphs = [P("一、组织建设"), P("全面加强学习。全年开展学习12次。", bold_prefix=6), P("全面加强作风。全年整改问题5个。")]
    assert outline(paragraphs, formatted=True) == [
        "1 组织建设", "  · 【全面加强学习。】全年开展学习{{ figure_01 }}。", "  · 全面加强作风。全年整改问题{{ figure_02 }}。"]


@pytest.mark.parametrize("paragraphs, lines", [
    # 特此报告。 alone after the last part closes the report
    ([P("一、组织建设"), P("全年开展学习12次。"), P("特此报告。")],
     ["1 组织建设", "  · 全年开展学习{{ figure_01 }}。", "结尾 特此报告。"]),
    # a plan part of paragraphs is all plan: it stays a part, no closing taken out of it
    ([P("一、组织建设"), P("全年开展学习12次。"), P("二、2024年工作打算"), P("继续做好2024年的工作。"), P("加强学习。")],
     ["1 组织建设", "  · 全年开展学习{{ figure_01 }}。", "1 {{ next_year }}年工作打算", "  · 继续做好{{ next_year }}年的工作。",
      "  · 加强学习。"]),
    # in a plan part of sub-sections, only a paragraph naming next year closes the report
    ([P("一、组织建设"), P("二、2024年工作打算"), P("（一）加强学习"), P("做好学习。"), P("2024年，我们将继续努力。")],
     ["1 组织建设", "1 {{ next_year }}年工作打算", "  2 加强学习", "    · 做好学习。", "结尾 {{ next_year }}年，我们将继续努力。"]),
])
def test_where_the_closing_starts(paragraphs, lines):
    assert outline(paragraphs) == lines


def test_a_list_item_keeps_its_number_and_its_bold_start_counts_the_number():
    paragraphs = [P("组织建设", numbered=1, number="一、"), P("检查电梯。做好维保，共检查12台；", numbered=3, number="1.", bold_prefix=4),
                  P("检查锅炉；", numbered=3, number="2.")]
    assert outline(paragraphs, formatted=True) == [
        "1 组织建设", "  · 【1.检查电梯。】做好维保，共检查{{ figure_01 }}；", "  · 2.检查锅炉；"]


def test_a_year_changed_in_the_closing_is_listed_under_the_closing():
    result = build_project([TITLE, P("一、组织建设"), P("全年开展学习12次。"), P("新的一年，我们将在2023年基础上继续努力。")],
                           None, "t")
    assert result.year_changes == ["标题：2023年 → 2024年", "结尾：2023年 → 2024年"]


def test_a_year_given_is_the_report_s_and_the_one_before_is_last_year_s():
    result = build_project([P("工作总结"), P("一、组织建设"), P("全年开展学习12次。")], 2024, "t.txt")
    assert (result.from_year, result.report.meta.year, result.report.kind) == (2023, 2024, "年度工作报告")


def test_nothing_to_import_is_refused_naming_the_file_and_a_title_alone_is_not():
    with pytest.raises(ImportFailed, match="^“去年.txt”中没有找到正文$"):
        build_project([], None, "去年.txt")
    assert build_project([P("2023年工作总结")], None, "去年.txt").report.parts == []


FIRST_25 = "建立健全学习制度和考核办法以及配套的激励与约束机制"  # a first sentence of 25 characters, no comma
FIRST_26 = "建立健全学习制度和考核办法以及配套的激励与约束的机制"


@pytest.mark.parametrize("paragraphs, lines", [
    # 1. and a sentence with a comma, full or half width, is a numbered sentence
    ([P("一、组织建设"), P("（一）学习"), P("1.全年开展培训12次，培训干部300人。"), P("2.全年开展培训5次,培训干部80人。")],
     ["1 组织建设", "  2 学习", "    · 1.全年开展培训{{ figure_01 }}，培训干部{{ figure_02 }}。",
      "    · 2.全年开展培训{{ figure_03 }},培训干部{{ figure_04 }}。"]),
    # a short first sentence without a comma is a heading run into its paragraph: up to 25 characters
    ([P("一、组织建设"), P("（一）学习"), P(f"1.{FIRST_25}。全年开展学习12次。"), P(f"2.{FIRST_26}。全年开展学习8次。")],
     ["1 组织建设", "  2 学习", f"    3 {FIRST_25}〔接〕", "      · 全年开展学习{{ figure_01 }}。",
      f"      · 【2.{FIRST_26}。】全年开展学习" + "{{ figure_02 }}。"]),
    # items ending in ； or ; are a list, not headings
    ([P("一、组织建设"), P("（一）学习"), P("1.检查电梯；"), P("2.检查锅炉;")],
     ["1 组织建设", "  2 学习", "    · 1.检查电梯；", "    · 2.检查锅炉;"]),
    # half-width brackets are a （一）; a colon after 第一部分 goes
    ([P("一、组织建设"), P("(一)学习教育")], ["1 组织建设", "  2 学习教育"]),
    ([P("第一部分：工作回顾"), P("第二部分：工作打算")], ["1 工作回顾", "1 工作打算"]),
    # Word's numbering on a heading run into its paragraph
    ([P("组织建设", numbered=1, number="一、"), P("加强学习。全年开展学习12次。", numbered=2, number="（一）")],
     ["1 组织建设", "  2 加强学习〔接〕", "    · 全年开展学习{{ figure_01 }}。"]),
    # heading styles go four levels deep; a fifth is body text
    ([P("组织建设", outline_level=1), P("学习", outline_level=4), P("制度", outline_level=5)],
     ["1 组织建设", "  2 学习", "    · 制度"]),
    # under part words every level moves down one, and four is the deepest
    ([P("第一部分 回顾"), P("一、组织建设"), P("（一）学习"), P("1.制度"), P("（1）细则"), P("第二部分 打算")],
     ["1 回顾", "  2 组织建设", "    3 学习", "      4 制度", "      4 细则", "1 打算"]),
])
def test_which_paragraph_is_a_heading_and_how_deep(paragraphs, lines):
    assert outline(paragraphs) == lines


def test_a_bold_first_sentence_is_a_heading_even_with_a_comma():
    paragraphs = [P("一、组织建设"), P("（一）学习"), P("1.全年开展培训，培训干部。全年开展学习12次。", bold_prefix=15)]
    assert outline(paragraphs, formatted=True) == [
        "1 组织建设", "  2 学习", "    3 全年开展培训，培训干部〔接〕", "      · 全年开展学习{{ figure_01 }}。"]
