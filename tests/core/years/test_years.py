"""Several years: import older reports beside the newest, roll a project forward, trends and the 近三年 table."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import docx
import pytest

from drafter.cli import run
from drafter.core.lastyear import ImportFailed
from drafter.core.rendering.render import render
from drafter.core.report import project as project_module
from drafter.core.report.model import Field, Meta, Paragraph, Past, Report
from drafter.core.report.project import ProjectError, dump_project, load_project, parse_project
from drafter.core.years.checks import check_report
from drafter.core.years.history import history_of, trend_phrase, turns
from drafter.core.years.rollforward import roll_forward
from import_helpers import LEXICON
from drafter.core.lastyear import import_years
from years_texts import FIGURES, report_text, write_year

LABELS = {"sessions": "组织学习中心组集体学习次数", "members": "覆盖党员人数", "visits": "走访基层单位家数",
          "issues": "帮助解决实际问题个数", "rate": "群众满意率", "classes": "举办业务培训班期数"}


def _by_label(report):
    return {field.label: field for field in report.fields.values()}


@pytest.fixture
def three_years(tmp_path):
    """The 2024 project from the 2022 and 2023 texts (given newest first), this year's figures filled in."""
    outcome = import_years([write_year(tmp_path, 2023), write_year(tmp_path, 2022)], lexicon=LEXICON)
    report = outcome.newest.report
    fields = _by_label(report)
    for key, label in LABELS.items():
        fields[label].value = Decimal(str(FIGURES[2024][key]))
    return report, outcome


def test_each_field_has_its_three_years(three_years):
    report, outcome = three_years
    assert report.meta.year == 2024 and outcome.matched == {"2022年度工作报告.txt": 6}
    fields = _by_label(report)
    for key, label in LABELS.items():
        field = fields[label]
        expected = {year: Decimal(str(FIGURES[year][key])) for year in (2022, 2023)}
        assert history_of(field, 2024) == expected, label
        assert field.value == Decimal(str(FIGURES[2024][key]))
    assert fields["覆盖党员人数"].history[2022].origin == "2022年度工作报告.txt"
    assert fields["覆盖党员人数"].previous_origin == "2023年度工作报告.txt"


def test_a_figure_the_newest_year_dropped_is_listed(three_years):
    _report, outcome = three_years
    assert outcome.unmatched == ["2022年（2022年度工作报告.txt）第一部分的“开展谈心谈话人次”52人次：最新文稿中没有对应的数字"]


def test_a_figure_counted_in_another_unit_is_not_lined_up(tmp_path):
    older = tmp_path / "2022年度工作报告.txt"
    older.write_text(report_text(2022, FIGURES[2022], classes_unit="个"), encoding="utf-8")
    outcome = import_years([older, write_year(tmp_path, 2023)], lexicon=LEXICON)
    assert "2022年（2022年度工作报告.txt）第三部分的“举办业务培训班个数”4个：最新文稿中同名数字的单位是“期”，不是“个”，未对应" \
        in outcome.unmatched
    assert _by_label(outcome.newest.report)["举办业务培训班期数"].history == {}


def test_a_figure_written_twice_in_one_year_and_once_in_the_other_is_listed(tmp_path):
    text = report_text(2022, FIGURES[2022]).replace(
        "干部队伍素质不断提高。", "干部队伍素质不断提高。此外，举办业务培训班2期。")
    older = tmp_path / "2022年度工作报告.txt"
    older.write_text(text, encoding="utf-8")
    outcome = import_years([older, write_year(tmp_path, 2023)], lexicon=LEXICON)
    assert any("该年出现2次、最新文稿中出现1次，无法一一对应" in line for line in outcome.unmatched), outcome.unmatched
    assert _by_label(outcome.newest.report)["举办业务培训班期数"].history == {}


def test_two_files_of_one_year_are_refused(tmp_path):
    first = write_year(tmp_path, 2023)
    second = tmp_path / "副本.txt"
    second.write_bytes(first.read_bytes())
    with pytest.raises(ImportFailed, match="都是2023年的报告"):
        import_years([first, second], lexicon=LEXICON)


def test_trend_and_turn(three_years):
    report, _outcome = three_years
    fields = _by_label(report)
    assert trend_phrase(fields["覆盖党员人数"], 2024) == "连续两年增长"
    assert trend_phrase(fields["走访基层单位家数"], 2024) == "较上年有所回落"
    assert turns(fields["走访基层单位家数"], 2024) and turns(fields["举办业务培训班期数"], 2024)
    assert not turns(fields["覆盖党员人数"], 2024)
    turning = [f for f in check_report(report) if f.kind == "trend_turns"]
    assert {f.where for f in turning} == {"统计数据“走访基层单位家数”", "统计数据“举办业务培训班期数”"}
    assert all(f.severity == "info" for f in turning)
    assert "此前增长" not in turning[0].message and "去年增长，今年回落" in turning[0].message


def test_templates_reach_back_two_years_and_say_the_trend():
    field = Field("visits", "走访家数", unit="家", value=Decimal(38), previous=Decimal(41),
                  history={2022: Past(Decimal(36))})
    report = Report(meta=Meta(year=2024), fields={"visits": field})
    report.opening = [Paragraph(body="走访{{ visits }}，前年{{ visits|previous(2) }}，{{ visits|trend }}；"
                                     "{{ visits|previous(3) }}")]
    text = render(report).blocks[2].text
    assert text == "走访38家，前年36家，较上年有所回落；【待填：走访家数的2021年数值】"


def test_the_three_year_table_in_the_export(three_years, tmp_path, style):
    report, _outcome = three_years
    report.meta.organisation, report.meta.date = "示例区档案局", "2025-01-10"
    rendered = render(report, comparison_table=True)
    table = rendered.blocks[-1].rows
    assert table[0] == ["项目", "2022年", "2023年", "2024年", "同比变化"]
    assert table[1] == ["组织学习中心组集体学习次数", "10次", "12次", "14次", "增长16.7%"]
    assert "近三年主要数据对比表" in [block.text for block in rendered.blocks]
    from drafter.core.word.export import export_docx

    target = tmp_path / "2024.docx"
    export_docx(rendered, style, target)
    cells = [cell.text for cell in docx.Document(target).tables[-1].rows[0].cells]
    assert cells == ["项目", "2022年", "2023年", "2024年", "同比变化"]


def test_roll_forward_moves_every_year_on_and_keeps_the_rest(three_years):
    report, _outcome = three_years
    fields = _by_label(report)
    fields["覆盖党员人数"].department = "组织科"
    rolled, changes = roll_forward(report)
    assert rolled.meta.year == 2025 and report.meta.year == 2024  # the original is untouched
    again = _by_label(rolled)
    for key, label in LABELS.items():
        field = again[label]
        assert field.value is None
        assert history_of(field, 2025) == {year: Decimal(str(FIGURES[year][key])) for year in (2022, 2023, 2024)}
    assert again["覆盖党员人数"].previous_origin == "填写" and again["覆盖党员人数"].department == "组织科"
    assert again["覆盖党员人数"].history[2023].origin == "2023年度工作报告.txt"
    assert [f.label for f in rolled.fields.values()] == [f.label for f in report.fields.values()]
    assert render(rolled).title == "示例区档案局2025年度工作报告"
    kinds = {finding.kind for finding in check_report(rolled)}
    assert {"unfilled", "unchanged_paragraph"} <= kinds  # the checks still know last year's words
    assert parse_project(dump_project(rolled).encode("utf-8")).fields == rolled.fields  # kept in the file


def test_roll_rolls_literal_years_in_the_text():
    report = Report(meta=Meta(year=2024), opening=[Paragraph(body="2024年成绩显著，2025年再接再厉，2019年以来持续向好。")])
    rolled, changes = roll_forward(report)
    assert render(rolled).blocks[2].text == "2025年成绩显著，2026年再接再厉，2019年以来持续向好。"
    assert len(changes) == 2


def test_cli_import_of_several_years_roll_and_fields_json(tmp_path, capsys):
    project = tmp_path / "2024.drafter"
    assert run(["import", str(write_year(tmp_path, 2022)), str(write_year(tmp_path, 2023)), "-o", str(project)]) == 0
    out = capsys.readouterr().out
    assert "“2022年度工作报告.txt”对应上 6 项" in out and "开展谈心谈话人次" in out
    completed = subprocess.run([sys.executable, "-m", "drafter", "fields", str(project), "--json"],
                               capture_output=True, text=True, encoding="utf-8", check=True)
    row = next(row for row in json.loads(completed.stdout) if row["label"] == "覆盖党员人数")
    assert row["history"] == {"2022": 280, "2023": 300}
    assert run(["set", str(project), f"{row['name']}=320"]) == 0
    following = tmp_path / "2025.drafter"
    assert run(["roll", str(project), "-o", str(following)]) == 0
    assert "2025年度" in capsys.readouterr().out
    field = load_project(following).fields[row["name"]]
    assert history_of(field, 2025) == {2022: 280, 2023: 300, 2024: 320} and field.value is None
    assert run(["roll", str(project), "-o", str(following)]) == 2  # never overwrites


def test_a_report_naming_no_year_imports_with_the_year_given(tmp_path, capsys):
    draft = tmp_path / "无年份.txt"
    draft.write_text("机关党委工作报告\n\n一、加强学习\n全年开展学习12次。\n", encoding="utf-8")
    project = tmp_path / "r.drafter"
    assert run(["import", str(draft), "-o", str(project)]) == 2  # without --year it asks for one
    assert "--year" in capsys.readouterr().err
    assert run(["import", str(draft), "--year", "2024", "-o", str(project)]) == 0  # and with it, it is taken
    assert load_project(project).meta.year == 2024


def test_history_needs_format_2_and_an_older_reader_refuses_it_in_its_own_words(three_years, monkeypatch):
    report, _outcome = three_years
    text = dump_project(report)
    assert text.startswith("format: 2") and "history: {2022: [" in text
    monkeypatch.setattr(project_module, "FORMAT", 1)
    with pytest.raises(ProjectError, match="由较新版本的起草助手保存（格式 2）"):
        parse_project(text.encode("utf-8"))


def test_a_format_1_file_opens_with_an_empty_history(tmp_path):
    old = ("format: 1\nmeta: {title: 报告, year: 2024}\nfields:\n- {name: visits, label: 走访家数, type: integer, "
           "unit: 家, value: 38, previous: 41}\nopening: ['走访{{ visits }}。']\n")
    report = parse_project(old.encode("utf-8"))
    assert report.fields["visits"].history == {} and history_of(report.fields["visits"], 2024) == {2023: 41}
