"""Tables in last year's report (lastyear.tables), one behaviour per test: which column names the rows, which holds
this year's figures and which last year's, where a unit comes from, and how the year columns roll."""

from __future__ import annotations

from decimal import Decimal

import pytest

from import_helpers import import_last_year


def _imported(tmp_path, table: str):
    path = tmp_path / "报告.txt"
    path.write_text(f"2023年工作总结\n一、主要工作\n情况如下。\n{table}\n二、2024年打算\n继续做好。\n", encoding="utf-8")
    result = import_last_year(path)
    [paragraph] = [p for p in result.report.parts[0].paragraphs if p.rows]
    return result, paragraph.rows, list(result.report.fields.values())


@pytest.mark.parametrize("header, this, last", [
    ("指标\t2022年\t2023年", 2, 1),  # oldest first
    ("指标\t2023年\t2022年", 1, 2),
])
def test_year_columns_roll_together_and_last_years_shows_the_fields_value(tmp_path, header, this, last):
    cells = ["粮食（吨）", "", ""]
    cells[this], cells[last] = "158436", "150000"
    result, rows, [field] = _imported(tmp_path, header + "\n" + "\t".join(cells))
    assert (field.label, field.previous) == ("粮食（吨）", Decimal(158436))
    assert rows[0][this] == "{{ year }}年" and rows[0][last] == "{{ previous_year }}年"
    assert rows[1][this] == "{{ " + field.name + " }}" and rows[1][last] == "{{ " + field.name + "|previous }}"
    assert sorted(change for change in result.year_changes if change.startswith("表格")) == [
        "表格表头：2022年 → 2023年", "表格表头：2023年 → 2024年"]


def test_a_column_two_years_back_is_text_and_keeps_its_year(tmp_path):
    _result, rows, fields = _imported(tmp_path, "指标\t2023年\t2021年\n粮食（吨）\t158436\t140000")
    assert [f.previous for f in fields] == [Decimal(158436)]
    assert rows[1][2] == "140000" and rows[0][2] == "2021年"  # not a field; 2021 is still 2021


def test_the_row_is_named_by_the_column_headed_as_a_name_not_the_serial_number(tmp_path):
    _result, _rows, fields = _imported(tmp_path, "序号\t指标\t单位\t数量\n1\t业务培训\t期\t12\n2\t古籍普查\t部\t146")
    assert [(f.label, f.previous) for f in fields] == [("业务培训（期）", 12), ("古籍普查（部）", 146)]


def test_without_a_named_column_the_first_that_is_not_numbers_names_the_rows(tmp_path):
    _result, _rows, fields = _imported(tmp_path, "序号\t事项\t单位\t数量\n1\t培训\t期\t12")
    assert [f.label for f in fields] == ["培训（期）"]
    _result, _rows, fields = _imported(tmp_path, "编号\t内容说明\t单位\t数量\n1\t培训\t期\t12")
    assert [f.label for f in fields] == ["培训（期）"]


def test_a_row_without_a_unit_keeps_its_figure_as_text_and_a_short_row_is_read_as_far_as_it_goes(tmp_path):
    _result, rows, fields = _imported(tmp_path, "项目\t单位\t数量\n培训\t\t12\n讲座\t场")
    assert fields == [] and rows[1] == ["培训", "", "12"] and rows[2] == ["讲座", "场"]


def test_a_row_without_a_name_is_named_as_table_data(tmp_path):
    _result, _rows, fields = _imported(tmp_path, "项目\t单位\t数量\n\t期\t12")
    assert [f.label for f in fields] == ["表格数据（期）"]


def test_a_measure_column_of_another_year_is_no_measure_of_this_one(tmp_path):
    _result, rows, fields = _imported(tmp_path, "产品\t2023年产量（吨）\t2022年产量（吨）\n粮食\t158436\t150000")
    assert [(f.label, f.previous) for f in fields] == [("粮食产量（吨）", Decimal(158436))]
    assert rows[1][2] == "150000"
