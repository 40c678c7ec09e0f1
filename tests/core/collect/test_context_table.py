"""The sentence a department reads beside each figure it is asked for (collect.context), and the workbook
component said missing in Chinese (collect.layout), one behaviour per test."""

from __future__ import annotations

import pytest

from drafter.core.collect.context import BLANK, LONGEST, OTHER_MISSING, context_sentences
from drafter.core.rendering.render import Block, Rendered, Run
from drafter.core.report.model import Field


def _sentences(blocks, **fields):
    return context_sentences(Rendered(blocks, [], {}, ""), fields)


def _field(kind="integer", unit="次", qualifier=""):
    return Field(name="x", label="学习次数", type=kind, unit=unit, qualifier=qualifier)


@pytest.mark.parametrize("field, blank", [
    (_field(), BLANK + "次"),
    (_field("percent", unit=""), BLANK + "%"),  # a rate's blank carries its % whatever its unit says
    (_field(qualifier="余"), BLANK + "余次"),  # 300余名: the qualifier after the blank, before the unit
    (_field(qualifier="约"), "约" + BLANK + "次"),  # 约300名: before it
])
def test_the_figure_asked_for_is_a_blank_with_its_qualifier_and_unit(field, blank):
    block = Block("paragraph", [Run("全年开展学习"), Run("12次", "field", "x"), Run("。")])
    assert _sentences([block], x=field) == {"x": f"全年开展学习{blank}。"}


def test_only_the_figures_own_sentence_is_read_and_other_missing_figures_are_crosses():
    block = Block("paragraph", [Run("上年做了很多。"), Run("全年开展"), Run("【待填：专题】", "missing", "y"),
                                Run("专题，学习"), Run("12次", "field", "x"), Run("；又补了一次。")],
                  lead=[Run("抓学习。")])
    assert _sentences([block], x=_field()) == {"x": f"全年开展{OTHER_MISSING}专题，学习{BLANK}次；"}


def test_a_footnote_prints_nothing_and_the_first_use_of_a_field_is_the_one_read():
    first = Block("paragraph", [Run("开展学习"), Run("注一", "note"), Run("12次", "field", "x"), Run("。")])
    second = Block("paragraph", [Run("再次学习"), Run("12次", "field", "x"), Run("。")])
    assert _sentences([first, second], x=_field()) == {"x": f"开展学习{BLANK}次。"}


def test_a_field_in_the_lead_is_read_there_and_a_field_not_asked_for_is_not():
    block = Block("paragraph", [Run("其余。")], lead=[Run("开展学习"), Run("12次", "field", "x"), Run("。")])
    assert _sentences([block], x=_field()) == {"x": f"开展学习{BLANK}次。"}
    assert _sentences([block]) == {}


def test_a_long_sentence_keeps_half_the_room_either_side_of_the_figure():
    half = LONGEST // 2
    before, after = "前" * (half + 5), "后" * (half + 5)
    block = Block("paragraph", [Run(before), Run("12次", "field", "x"), Run(after + "。")])
    sentence = _sentences([block], x=_field())["x"]
    assert sentence == "…" + "前" * half + BLANK + "次" + "后" * half + "…"
    exact = Block("paragraph", [Run("前" * half), Run("12次", "field", "x"), Run("后" * half)])
    assert _sentences([exact], x=_field())["x"] == "前" * half + BLANK + "次" + "后" * half  # nothing cut at the edge


def test_a_missing_excel_component_is_said_in_chinese_and_found_when_there(monkeypatch):
    import sys

    from drafter.core.collect import layout

    assert layout.openpyxl().__name__ == "openpyxl"
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as an installation without it: the import fails
    with pytest.raises(layout.MissingOpenpyxl) as refused:
        layout.openpyxl()
    assert str(refused.value) == ("本程序缺少读写 Excel 的组件 openpyxl，安装不完整；请重新安装本程序"
                                  "（用 pip 安装的，运行 pip install openpyxl）")  # what the user reads, word for word
    assert refused.value.__cause__ is None and refused.value.__suppress_context__  # no traceback chain to show
