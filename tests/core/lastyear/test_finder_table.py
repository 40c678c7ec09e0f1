"""The finder's fields, one behaviour per row, field by field exactly: a figure in Chinese numerals or in words of per
cent, a range's lower end, what is no figure, a table cell's number in each of its forms, and a name the website hid."""

from __future__ import annotations

import pytest

from drafter import paths
from drafter.core.lastyear.finder import FieldMaker

LEXICON = paths.lexicon()


def fields_of(sentence: str) -> tuple[str, list[tuple]]:
    maker = FieldMaker(LEXICON)
    text = maker.replace_figures(sentence)
    return text, [(f.label, str(f.previous), f.unit, f.type, f.notation, f.qualifier) for f in maker.fields]


@pytest.mark.parametrize("sentence, text, fields", [
    # Chinese numerals: a count prints in words again; 万余 and 千余 print bare (万余人, not 一万余人)
    ("培训十二次。", "培训{{ figure_01 }}。", [("培训次数", "12", "次", "integer", "chinese", "")]),
    ("参与群众万余人。", "参与群众{{ figure_01 }}。", [("参与群众人数", "10000", "人", "integer", "chinese_bare", "余")]),
    ("惠及千家万户，千余名群众参与。", "惠及千家万户，{{ figure_01 }}群众参与。",
     [("群众人数", "1000", "名", "integer", "chinese_bare", "余")]),
    # per cent in words, whole and with a decimal point
    ("百分之十五的村完成改造。", "{{ figure_01 }}的村完成改造。", [("村完成改造比例", "15", "", "percent", "chinese", "")]),
    ("覆盖率达到百分之九十二点五。", "覆盖率达到{{ figure_01 }}。", [("覆盖率", "92.5", "", "percent", "chinese", "")]),
    # a range: the lower end prints bare, named after the upper's measure; decimals stay decimals
    ("新建3至5座公厕。", "新建{{ figure_01 }}至{{ figure_02 }}公厕。",
     [("公厕座数（下限）", "3", "", "integer", "plain", ""), ("公厕座数", "5", "座", "integer", "plain", "")]),
    ("修建1.5～2.5公里步道。", "修建{{ figure_01 }}～{{ figure_02 }}步道。",
     [("步道里程（下限）", "1.5", "", "decimal", "plain", ""), ("步道里程", "2.5", "公里", "decimal", "plain", "")]),
    ("全年15%～30%的增幅。", "全年{{ figure_01 }}～{{ figure_02 }}的增幅。",  # both ends with their unit
     [("增幅（下限）", "15", "", "percent", "", ""), ("增幅", "30", "", "percent", "", "")]),
    # no figure: a phase (二期), an ordinal (第3次), an article (一批), a slogan (八项规定); 两期 and 提前3天 are counts
    ("医院二期工程，建成两期。", "医院二期工程，建成{{ figure_01 }}。", [("建成期数", "2", "期", "integer", "chinese", "")]),
    ("召开第3次会议，提前3天通知。", "召开第3次会议，提前{{ figure_01 }}通知。",
     [("提前通知天数", "3", "天", "integer", "plain", "")]),
    ("开展一批活动，落实八项规定。", "开展一批活动，落实八项规定。", []),
])
def test_a_sentence_gives_these_fields_exactly(sentence, text, fields):
    assert fields_of(sentence) == (text, fields)


@pytest.mark.parametrize("cell, unit, label, field", [
    ("1,260", "人次", "培训人次", ("1260", "人次", "integer", "grouped", "")),
    ("1，260", "人次", "培训人次", ("1260", "人次", "integer", "grouped", "")),  # a full-width comma groups too
    ("1 260", "人", "人数", ("1260", "人", "integer", "plain", "")),
    ("约300", "人", "参与人数", ("300", "人", "integer", "plain", "约")),
    ("300多", "户", "户数", ("300", "户", "integer", "plain", "多")),
    ("3万余", "人", "参与人数", ("30000", "人", "integer", "万", "余")),
    ("12.5万", "人次", "接待人次", ("125000.0", "人次", "integer", "万", "")),
    ("1,200万", "元", "投入金额", ("12000000", "元", "integer", "万,", "")),
    ("2.35", "亿元", "投入", ("2.35", "亿元", "decimal", "plain", "")),
    ("-3.2", "", "增速（%）", ("-3.2", "", "percent", "bare%", "")),  # a rate's column: its sign kept, no %
    ("5.5", "", "占比（％）", ("5.5", "", "percent", "bare%", "")),
])
def test_a_table_cell_holding_a_number_is_a_field(cell, unit, label, field):
    maker = FieldMaker(LEXICON)
    assert maker.cell_field(cell, unit, label) == "{{ figure_01 }}"
    made = maker.fields[0]
    assert (made.label, (str(made.previous), made.unit, made.type, made.notation, made.qualifier)) == (label, field)


@pytest.mark.parametrize("cell", ["12a", "1,2,3", "合计", "", "12.5.3"])
def test_a_cell_that_is_no_number_is_no_field(cell):
    maker = FieldMaker(LEXICON)
    assert maker.cell_field(cell, "个", "数量") is None and maker.fields == []


@pytest.mark.parametrize("sentence, text, names", [
    ("**市政协开展学习。", "{{ name_01 }}市政协开展学习。", [("name_01", "市名")]),  # a place word after it
    ("“**数字政协”建设。", "“{{ name_01 }}数字政协”建设。", [("name_01", "数字政协名称")]),  # the quotation names it
    ("“六个新**”行动。", "“六个新{{ name_01 }}”行动。", [("name_01", "“六个新…”名称")]),
    ("打造“**”体系构架。", "打造“{{ name_01 }}”体系构架。", [("name_01", "体系构架名称")]),  # what follows names it
    ("《**规划》印发。", "《{{ name_01 }}规划》印发。", [("name_01", "规划名称")]),
    ("推进**紧密型医共体建设。", "推进{{ name_01 }}紧密型医共体建设。", [("name_01", "紧密型医共体建设名称")]),
    ("**市政协和**市委。", "{{ name_01 }}市政协和{{ name_01 }}市委。", [("name_01", "市名")]),  # one name hidden twice
    ("**、**共同参加。", "{{ name_01 }}、{{ name_02 }}共同参加。", [("name_01", "名称"), ("name_02", "名称（2）")]),
])
def test_a_hidden_name_is_a_text_field_to_write_again(sentence, text, names):
    maker = FieldMaker(LEXICON)
    assert maker.replace_figures(sentence) == text
    assert [(f.name, f.label) for f in maker.fields] == names
    assert all(f.type == "text" and f.required for f in maker.fields)
