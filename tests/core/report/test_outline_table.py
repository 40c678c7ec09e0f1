"""The outline's tree and its changes (report/outline.py), one rule per row: levels and numbers at each depth, the
four-level limit at its edge, where a node may go and the words for where it may not."""

from __future__ import annotations

import pytest

from drafter.core.report.model import Field, Meta, Paragraph, Report, Section
from drafter.core.report.outline import Group, Outline, _depth


def _chain(depth: int) -> Section:
    """A part with one section under each level down to `depth` levels in all."""
    top = section = Section("第1级")
    for level in range(2, depth + 1):
        child = Section(f"第{level}级")
        section.children.append(child)
        section = child
    return top


@pytest.fixture
def tree():
    deep = _chain(4)
    report = Report(meta=Meta(year=2025), fields={"n": Field("n", "学习次数", value=None)},
                    opening=[Paragraph("开头段")], parts=[deep, Section("{{ year }}年工作", [Paragraph("段落")])],
                    closing=[Paragraph("结尾段")])
    return Outline(report), report


def test_the_roots_are_the_opening_the_parts_and_the_closing(tree):
    outline, report = tree
    roots = outline.children(None)
    assert [type(node) for node in roots] == [Group, Section, Section, Group]
    assert (roots[0].title, roots[-1].title) == ("开头", "结尾")
    assert (roots[0].paragraphs, roots[-1].paragraphs) == (report.opening, report.closing)
    assert outline.parent(report.opening[0]) is roots[0]
    assert outline.parent(report.parts[0].children[0]) is report.parts[0]
    assert outline.parent(report.parts[0]) is None


def test_levels_and_numbers_at_every_depth(tree):
    outline, report = tree
    sections = [report.parts[0]]
    while sections[-1].children:
        sections.append(sections[-1].children[0])
    assert [outline.level(section) for section in sections] == [1, 2, 3, 4]
    assert [outline.number(section) for section in sections] == ["一、", "（一）", "1.", "（1）"]
    assert outline.number(report.parts[1]) == "二、"
    for other in (report.opening[0], outline.opening):  # no section: no level, no number
        assert (outline.level(other), outline.number(other)) == (0, "")


def test_a_title_prints_its_year_and_its_number(tree):
    outline, report = tree
    assert outline.title(report.parts[1]) == "二、2025年工作"
    assert outline.title(report.parts[0]) == "一、第1级"


def test_a_section_goes_down_to_the_fourth_level_and_no_deeper(tree):
    outline, report = tree
    third = report.parts[0].children[0].children[0]
    outline.insert_section(third, 1, Section("又一个第4级"))
    assert outline.level(third.children[1]) == 4
    with pytest.raises(ValueError, match="^标题最多4级$"):
        outline.insert_section(third.children[1], 0, Section("第5级"))
    outline.insert_section(None, 2, Section("三"))
    assert outline.number(report.parts[2]) == "三、" and outline.parent(report.parts[2]) is None


def test_a_move_goes_as_far_as_the_last_place_and_no_further(tree):
    outline, report = tree
    first, second = report.parts
    assert outline.move(first, 1) is True and report.parts == [second, first]
    assert outline.move(first, 1) is False and outline.move(second, -1) is False
    assert report.parts == [second, first]


@pytest.mark.parametrize("where, what, holds", [
    ("part", "paragraph", True), ("opening", "paragraph", True), ("root", "paragraph", False),
    ("root", "other", True), ("opening", "other", False), ("paragraph", "other", False),
    ("third", "other", True),  # 3 levels + a section of one = 4
    ("fourth", "other", False),
    ("root", "deep", True),  # a chain of four at the root is four levels
    ("other", "deep", False),  # under a part it would be five
    ("second", "part", False), ("part", "part", False),  # never into itself
])
def test_where_a_node_may_go(tree, where, what, holds):
    outline, report = tree
    deep = report.parts[0]
    places = {"root": None, "part": deep, "second": deep.children[0], "third": deep.children[0].children[0],
              "fourth": deep.children[0].children[0].children[0], "opening": outline.opening,
              "paragraph": report.opening[0], "other": report.parts[1]}
    nodes = {"paragraph": report.parts[1].paragraphs[0], "other": report.parts[1], "deep": _chain(4), "part": deep}
    assert outline.can_hold(places[where], nodes[what]) is holds


def test_a_relocation_says_where_the_node_was_and_refuses_in_words(tree):
    outline, report = tree
    paragraph = report.parts[1].paragraphs[0]
    assert outline.relocate(paragraph, outline.opening, 99) == (report.parts[1], 0)
    assert report.opening == [report.opening[0], paragraph] and outline.parent(paragraph) is outline.opening
    first = report.parts[0]
    second = first.children[0]
    assert outline.relocate(second, None, 0) == (first, 0)
    assert report.parts[0] is second and outline.level(second) == 1
    with pytest.raises(ValueError, match="^不能移到这里$"):
        outline.relocate(report.parts[1], report.opening[0], 0)


def test_the_opening_and_closing_stay_and_a_stranger_is_named(tree):
    outline, _ = tree
    with pytest.raises(ValueError, match="^开头和结尾不能移动或删除$"):
        outline.remove(outline.opening)
    with pytest.raises(ValueError, match="^节点不在提纲中$"):
        outline.row(Section("不在提纲里"))


@pytest.mark.parametrize("depth", [1, 2, 4])
def test_a_chain_is_as_deep_as_its_levels(depth):
    assert _depth(_chain(depth)) == depth
