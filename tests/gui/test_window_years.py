"""Several years in the window: import of several files, 新建下一年度, and the trend in 同比变化."""

from __future__ import annotations

from decimal import Decimal

from years_texts import FIGURES, write_year


def _import_three_years(window, tmp_path, monkeypatch):
    files = [str(write_year(tmp_path, 2022)), str(write_year(tmp_path, 2023))]
    summaries = []
    monkeypatch.setattr(window, "ask_import_paths", lambda: files)
    monkeypatch.setattr(window, "show_import_summary", summaries.append)
    assert window.import_dialog()
    return summaries[-1]


def _field(window, label):
    return next(field for field in window.report.fields.values() if field.label == label)


def test_importing_two_years_gives_each_field_its_history(window, tmp_path, monkeypatch):
    summary = _import_three_years(window, tmp_path, monkeypatch)
    assert window.report.meta.year == 2024
    assert any("“2022年度工作报告.txt”对应上 6 项" in line for line in summary)
    assert _field(window, "走访基层单位家数").history[2022].value == Decimal(36)


def test_the_chart_draws_the_years_and_marks_a_turn(window, tmp_path, monkeypatch):
    _import_three_years(window, tmp_path, monkeypatch)
    field = _field(window, "走访基层单位家数")
    window.push_field_value(field, Decimal(FIGURES[2024]["visits"]))
    row = next(row for row in window.chart.rows if row.label == "走访基层单位家数")
    assert row.points == [(2022, 36.0), (2023, 41.0), (2024, 38.0)]
    assert row.turning == "去年增长，今年回落" and "走访基层单位家数：去年增长，今年回落" in window.chart.toolTip()
    window.push_field_value(_field(window, "覆盖党员人数"), Decimal(320))
    steady = next(row for row in window.chart.rows if row.label == "覆盖党员人数")
    assert steady.turning == "" and len(steady.points) == 3
    window.undo_stack.undo()
    assert all(row.label != "覆盖党员人数" for row in window.chart.rows)


def test_new_next_year_rolls_the_project_on(window, tmp_path, monkeypatch):
    _import_three_years(window, tmp_path, monkeypatch)
    field = _field(window, "覆盖党员人数")
    window.push_field_value(field, Decimal(320))
    monkeypatch.setattr(window, "maybe_save", lambda: True)
    shown = []
    monkeypatch.setattr(window, "show_roll_summary", shown.append)  # titled 已新建下一年度, not 导入完成
    assert window.new_next_year()
    rolled = _field(window, "覆盖党员人数")
    assert window.report.meta.year == 2025 and rolled.value is None and rolled.previous == Decimal(320)
    assert {year: past.value for year, past in rolled.history.items()} == {2022: 280, 2023: 300}
    assert "已新建2025年度的报告（尚未保存）：" == shown[-1][0]
    assert window.document.path is None and window.form.rows[rolled.name].input.text() == ""
