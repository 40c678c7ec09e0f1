"""Last year's paragraphs made whole (lastyear.lines), one behaviour per row: clutter and contents out, run-together
text split at its headings, line breaks split or joined."""

from __future__ import annotations

import pytest

from drafter.core.lastyear.lines import (
    HEADING_MAX, WRAPPED_LINE_MIN, drop_clutter, drop_contents, is_heading_like, mend_line_breaks,
    split_run_together,
)
from drafter.core.lastyear.wordxml import Piece

SENTENCE = "全年开展学习十二次，覆盖全体党员干部，"  # 19 characters, cut at a comma


@pytest.mark.parametrize("text, like", [
    ("一、加强学习", True), ("字" * HEADING_MAX, True), ("字" * (HEADING_MAX + 1), False),
    ("开展学习。", False), ("开展学习；", False), ("如下：", False), ("如下:", False), ("开展学习，", False),
    ("开展学习;", False), ("开展学习,", False),
])
def test_what_looks_like_a_heading(text, like):
    assert is_heading_like(text) is like


def test_website_clutter_and_a_repeated_title_go_and_are_listed():
    pieces = [Piece("年度工作报告"), Piece("当前位置：首页 > 工作总结"), Piece(""), Piece("年度工作报告"),
              Piece("正文第一段。"), Piece("分享到：微信" * 20)]  # clutter as long as a paragraph is text
    kept, dropped = drop_clutter(pieces)
    assert [p.text for p in kept] == ["年度工作报告", "", "正文第一段。", "分享到：微信" * 20]
    assert dropped == ["当前位置：首页 > 工作总结", "年度工作报告"]


def test_a_repeated_first_line_that_is_a_sentence_stays():
    kept, dropped = drop_clutter([Piece("开展学习。"), Piece("开展学习。")])
    assert len(kept) == 2 and dropped == []


def test_a_typed_table_of_contents_goes_and_the_body_stays():
    pieces = [Piece("目 录"), Piece("一、加强学习\t1"), Piece("二、优化服务……3"), Piece("一、加强学习"), Piece("正文。"),
              Piece("三、其他\t5"), Piece("结尾。"), Piece("落款")]
    kept, contents = drop_contents(pieces)
    assert contents == ["目 录", "一、加强学习 1", "二、优化服务……3"]
    assert [p.text for p in kept] == ["一、加强学习", "正文。", "三、其他\t5", "结尾。", "落款"]  # late: body text


def test_run_together_text_splits_before_each_heading_number_and_a_sub_head_after_a_part_heading():
    flat = "开头一段话写得很长很长很长很长很长。一、加强学习（一）理论学习。学习十二次，覆盖党员三百人次，效果很好。(二)实践。二、优化服务。完成。"
    assert [p.text for p in split_run_together([Piece(flat)])] == [
        "开头一段话写得很长很长很长很长很长。", "一、加强学习", "（一）理论学习。学习十二次，覆盖党员三百人次，效果很好。",
        "(二)实践。", "二、优化服务。完成。"]
    short = Piece("开头。一、加强学习。")  # under 60 characters: left as it is
    assert split_run_together([short]) == [short]


def test_line_breaks_join_a_cut_sentence_and_split_after_an_end_or_a_heading():
    text = "一、加强学习\n全年开展学习，\n覆盖全体党员。\n二是抓好服务\n2023年12月28日"
    assert [p.text for p in mend_line_breaks([Piece("标题"), Piece(text)])] == [
        "标题", "一、加强学习", "全年开展学习，覆盖全体党员。", "二是抓好服务", "2023年12月28日"]


def test_paragraphs_cut_mid_sentence_are_joined_only_where_the_cut_is_plain():
    long_cut = "字" * HEADING_MAX + "，"
    joined = mend_line_breaks([Piece("标题"), Piece(long_cut), Piece("接着写完。")])
    assert [p.text for p in joined] == ["标题", long_cut + "接着写完。"]
    short_cut = "字" * (HEADING_MAX - 2) + "，"  # a short line ending in a comma may be a heading's
    assert len(mend_line_breaks([Piece("标题"), Piece(short_cut), Piece("接着。")])) == 3
    after_blank = mend_line_breaks([Piece("标题"), Piece(long_cut), Piece(""), Piece("另起一段。")])
    assert len(after_blank) == 3


def test_in_a_file_of_blank_separated_paragraphs_a_wrapped_line_joins_the_next():
    wrapped = "字" * WRAPPED_LINE_MIN
    pieces = [Piece("标题"), Piece(""), Piece(wrapped), Piece("接着写完。"), Piece(""), Piece("字" * (WRAPPED_LINE_MIN - 1)),
              Piece("另起。"), Piece(""), Piece(wrapped), Piece("二、加强服务")]
    assert [p.text for p in mend_line_breaks(pieces)] == [
        "标题", wrapped + "接着写完。", "字" * (WRAPPED_LINE_MIN - 1), "另起。", wrapped, "二、加强服务"]


def test_a_table_and_a_numbered_paragraph_are_never_joined():
    long_cut = "字" * HEADING_MAX + "，"
    table = Piece("", rows=[["项目", "数量"]])
    assert len(mend_line_breaks([Piece("标题"), Piece(long_cut), table])) == 3
    assert len(mend_line_breaks([Piece("标题"), Piece(long_cut), Piece("接着。", numbered=1)])) == 3
    assert len(mend_line_breaks([Piece("标题"), Piece(long_cut, outline_level=1), Piece("接着。")])) == 3


def test_a_bold_start_and_footnotes_stay_with_their_lines():
    piece = Piece("抓学习。\n开展十二次。", bold_prefix=10, notes=["注一"])
    first, second = mend_line_breaks([Piece("标题"), piece])[1:]
    assert (first.bold_prefix, first.notes, second.bold_prefix, second.notes) == (4, [], 0, ["注一"])
