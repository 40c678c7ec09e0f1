"""Word XML written by hand (word/docxml.py), read back with lxml, one rule per row: the page number's field as
Word writes it on each side, and the table's column widths within their bounds."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from drafter import paths
from drafter.core.word.docxml import NSDECL, W_NS, _content_shares, page_number_paragraph_xml
from drafter.core.word.style import load_style

W = f"{{{W_NS}}}"


def _page_number(side: str, **style_changes):
    style = dataclasses.replace(load_style(paths.official_style_file()), **style_changes)
    paragraph = etree.fromstring(f"<w:ftr {NSDECL}>{page_number_paragraph_xml(style, side)}</w:ftr>")[0]
    return style, paragraph


@pytest.mark.parametrize("side, placement", [
    ("right", [("ind", {"right": "280"}), ("jc", {"val": "right"})]),  # one 14-point character in from the edge
    ("left", [("ind", {"left": "280"}), ("jc", {"val": "left"})]),
    ("center", [("jc", {"val": "center"})]),
])
def test_the_page_number_stands_one_character_in_on_its_side(side, placement):
    style, paragraph = _page_number(side)
    properties = paragraph.find(f"{W}pPr")
    assert properties[0].tag == f"{W}pStyle" and properties[0].get(f"{W}val") == style.styles["page_number"].id
    assert [(child.tag.removeprefix(W), {key.removeprefix(W): value for key, value in child.attrib.items()})
            for child in properties[1:]] == placement


def test_the_page_number_is_a_page_field_between_dashes_in_the_footer_font():
    style, paragraph = _page_number("right", page_number_dash="－")
    runs = paragraph.findall(f"{W}r")
    inside = [(child.tag.removeprefix(W), child.text, child.get(f"{W}fldCharType"))
              for run in runs for child in run if child.tag != f"{W}rPr"]
    assert inside == [("t", "－ ", None), ("fldChar", None, "begin"), ("instrText", " PAGE ", None),
                      ("fldChar", None, "separate"), ("t", "1", None), ("fldChar", None, "end"), ("t", " －", None)]
    space = "{http://www.w3.org/XML/1998/namespace}space"
    assert [run[1].get(space) for run in runs] == ["preserve", None, "preserve", None, None, None, "preserve"]
    fonts = {run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for run in runs}
    sizes = {run.find(f"{W}rPr/{W}sz").get(f"{W}val") for run in runs}
    assert fonts == {style.styles["page_number"].font} and sizes == {"28"}  # 14 points in half-points


@pytest.mark.parametrize("rows, columns, across, shares", [
    ([["项目", "数量"]], 2, 28, [5.0, 5.0]),  # short cells: five characters at least
    ([["一二三四五六七八九十一二三四五", "1"]], 2, 28, [13.0, 5.0]),  # long cells: thirteen at most
    ([["开展学习", "12次"]], 2, 28, [5.5, 5.0]),  # four characters and a half for the margins
    ([["项目名称很长很长很长很长", "2024年", "2025年", "增减（%）"]], 4, 20, [6.0, 5.0, 5.0, 6.0]),
    ([["项目名称很长很长很长很长", "2024年"]], 2, 17, [12.0, 5.0]),  # the label column gives way first
    ([["项目名称很长很长很长很长", "2024年"]], 2, 18.5, [13.0, 5.0]),  # everything fits: nothing gives way
    ([["项目"], ["学习", "12次"]], 2, 28, [5.0, 5.0]),  # a short row has no cell in the second column
    ([["一二三四五六七八九十一二三四五"]], 1, 10, [13.0]),  # one column never gives way
])
def test_columns_are_as_wide_as_their_cells_within_bounds(rows, columns, across, shares):
    assert _content_shares(rows, columns, across) == shares
