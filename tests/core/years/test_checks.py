"""Pre-flight checks: each with a case that finds it and one that must not; fixes; JSON; filters; the table."""

from __future__ import annotations

import json
from decimal import Decimal

import docx
import pytest

from drafter.cli import run
from drafter.core import actions
from drafter.core.years.checks import check_report
from drafter.core.years.fixes import apply_fix
from import_helpers import import_last_year
from drafter.core.rendering.render import render
from drafter.core.report.model import Field, Meta, Paragraph, Report, Section
from drafter.core.report.project import save_project


def report_with(body="正文。", heading="第一部分", year=2026, **fields) -> Report:
    report = Report(meta=Meta(title="{{ year }}年度工作报告", year=year, organisation="某局", date=f"{year + 1}-01-08"))
    report.fields = {name: field for name, field in fields.items()}
    report.parts = [Section(heading, [Paragraph(body=body)])]
    return report


def kinds(report) -> list[str]:
    return [finding.kind for finding in check_report(report)]


def test_filled_builtin_template_has_no_errors(filled_report):
    assert [f for f in check_report(filled_report) if f.severity == "error"] == []


def test_unfilled_field_is_an_error():
    report = report_with("开展{{ a }}。", a=Field("a", "学习次数", unit="次"))
    assert "unfilled" in kinds(report)
    report.fields["a"].value = Decimal(3)
    assert "unfilled" not in kinds(report)


@pytest.mark.parametrize(("value", "previous", "kind"), [(12, 12, "same_as_last_year"), (30, 12, "out_of_line"),
                                                         (3, 12, "out_of_line")])
def test_year_over_year_warnings(value, previous, kind):
    report = report_with("开展{{ a }}。", a=Field("a", "学习次数", unit="次", value=Decimal(value),
                                                  previous=Decimal(previous)))
    assert kind in kinds(report)
    report.fields["a"].value = Decimal(previous + 1)
    assert kind not in kinds(report)


def test_stale_year_is_found_and_rolled_but_history_and_quotes_stay():
    report = report_with("2025年，我们开展工作。")
    [finding] = [f for f in check_report(report) if f.kind == "stale_year"]
    assert finding.fix == "year_roll" and "2025" in finding.message
    assert apply_fix(report, finding)
    assert report.parts[0].paragraphs[0].body == "{{ year }}年，我们开展工作。"
    assert "stale_year" not in kinds(report_with("落实《2025年规划》和“2025年目标”，2020年以来成效明显。"))


def test_date_outside_the_report_year():
    report = report_with()
    report.meta.date = "2020-01-01"
    assert "date_year" in kinds(report)
    assert "date_year" not in kinds(report_with())


@pytest.mark.parametrize("mask", ["**", "＊", "××", "XX", "某某", "【待填】"])
def test_leftover_masks_are_errors(mask):
    assert "leftover_mask" in kinds(report_with(f"赴{mask}参观学习。"))


def test_no_mask_in_clean_text():
    assert "leftover_mask" not in kinds(report_with("开展学习，X光片检查。"))


def test_half_width_punctuation_between_chinese_and_its_fix():
    report = report_with("一是加强学习,二是改进作风;三是(试行)制度。")
    [finding] = [f for f in check_report(report) if f.kind == "half_width_punctuation"]
    apply_fix(report, finding)
    assert report.parts[0].paragraphs[0].body == "一是加强学习，二是改进作风；三是（试行）制度。"
    assert "half_width_punctuation" not in kinds(report_with("版本 1.2, 共 3 项。"))


def test_doubled_punctuation_mixed_quotes_and_long_sentences():
    assert "doubled_punctuation" in kinds(report_with("完成任务。。再接再厉，，"))
    assert "mixed_quotes" in kinds(report_with('开展"三会一课"活动。'))
    assert "long_sentence" in kinds(report_with("加强学习" * 40 + "。"))
    clean = kinds(report_with("开展“三会一课”活动。"))
    assert not {"doubled_punctuation", "mixed_quotes", "long_sentence"} & set(clean)


def test_a_finding_names_the_words_it_is_about_as_they_stand_first_in_the_text():
    excerpts = {f.kind: f.excerpt for f in check_report(report_with(
        "完成任务。。再接再厉,继续努力" + "加强学习" * 40 + "。开展\"三会一课\"，推进某某工作。"))}
    assert excerpts["doubled_punctuation"] == "。。" and excerpts["half_width_punctuation"] == ","
    assert excerpts["mixed_quotes"] == '"' and excerpts["leftover_mask"] == "某某"
    assert excerpts["long_sentence"] == "再接再厉,继续努力加"  # the long sentence's first ten characters


def test_a_token_typed_as_text_is_found_and_fixed_into_what_it_stands_for():
    report = report_with("【本年度】年，开展学习【学习次数】次，编印【典型案例】一册。")
    report.fields["sessions"] = Field("sessions", "学习次数", "integer", "次")
    found = [f for f in check_report(report) if f.kind == "typed_token"]
    assert [f.excerpt for f in found] == ["【本年度】", "【学习次数】"]  # 【典型案例】 names nothing: a real heading
    assert apply_fix(report, found[0])
    assert report.parts[0].paragraphs[0].body == "{{ year }}年，开展学习{{ sessions }}次，编印【典型案例】一册。"
    assert not [f for f in check_report(report) if f.kind == "typed_token"]


def test_heading_with_its_own_number_or_end_punctuation():
    report = report_with(heading="一、加强学习。")
    found = {f.kind: f for f in check_report(report)}
    assert {"manual_number", "heading_punctuation"} <= set(found)
    apply_fix(report, found["manual_number"])
    apply_fix(report, found["heading_punctuation"])
    assert report.parts[0].heading == "加强学习"
    assert not {"manual_number", "heading_punctuation"} & set(kinds(report))


def test_paragraph_starting_with_a_manual_number_is_mixed_numbering():
    assert "mixed_numbering" in kinds(report_with("2、加强学习。"))
    assert "mixed_numbering" not in kinds(report_with("一是加强学习。"))


def test_unchanged_paragraph_and_part():
    report = report_with("原样的段落。")
    report.parts[0].paragraphs[0].origin = "原样的段落。"
    assert {"unchanged_paragraph", "unchanged_part"} <= set(kinds(report))
    report.parts[0].paragraphs[0].body = "改写过的段落。"
    assert not {"unchanged_paragraph", "unchanged_part"} & set(kinds(report))


def test_a_part_of_sub_sections_all_unchanged_is_an_unchanged_part():
    report = report_with("")
    report.parts[0].paragraphs = []
    report.parts[0].children = [Section(heading=f"第{n}项", paragraphs=[Paragraph(body=f"原样{n}。", origin=f"原样{n}。")])
                                for n in "一二"]
    assert [f.where for f in check_report(report) if f.kind == "unchanged_part"] == ["第一部分"]
    report.parts[0].children[1].paragraphs[0].body = "改写过的。"
    assert "unchanged_part" not in kinds(report)


def test_sample_as_last_years_draft(request):
    from conftest_paths import SAMPLE

    report = import_last_year(SAMPLE).report
    findings = check_report(report)
    assert sum(f.kind == "half_width_punctuation" for f in findings) >= 13
    unfilled = {f.node_id for f in findings if f.kind == "unfilled"}
    assert set(report.fields) <= unfilled
    # The names the website masked (**清廉馆, “***”体系) are text fields to fill, so no mask is left in the text.
    assert not [f for f in findings if f.kind == "leftover_mask"]
    names = [name for name, field in report.fields.items() if field.type == "text"]
    assert names and set(names) <= unfilled


def test_check_json_and_exit_codes(tmp_path, capsys, filled_report):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    assert run(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    filled_report.fields["seminars"].value = None
    filled_report.opening[0].body += "共**人参加,效果好。"
    save_project(filled_report, path)
    assert run(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert all(set(f) == {"kind", "severity", "where", "message", "fix"} for f in findings)
    assert {f["kind"] for f in findings} >= {"unfilled", "leftover_mask", "half_width_punctuation"}
    assert findings[0]["severity"] == "error"


def test_check_fix_saves_the_certain_fixes(tmp_path, capsys, filled_report):
    filled_report.opening[0].body += "一是学习,二是实践。"
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    assert run(["check", str(path), "--fix"]) == 0
    assert "一是学习，二是实践。" in path.read_text(encoding="utf-8")


def test_growth_and_previous_filters():
    report = report_with("走访{{ a }}，上年{{ a|previous }}，{{ a|growth }}。",
                         a=Field("a", "走访次数", unit="次", value=Decimal(9), previous=Decimal(8)))
    paragraph = next(b for b in render(report).blocks if b.kind == "paragraph")
    assert paragraph.text == "走访9次，上年8次，增长12.5%。"


def test_comparison_table_appendix(tmp_path, filled_report, style):
    for field in filled_report.fields.values():
        field.previous = field.value - 1 if field.type == "integer" else Decimal("90")
    path = tmp_path / "t.docx"
    actions.export_project(filled_report, style, path, comparison_table=True)
    document = docx.Document(path)
    [table] = document.tables
    assert [cell.text for cell in table.rows[0].cells] == ["项目", "上年", "本年", "同比变化"]
    assert len(table.rows) == 37
    assert table.rows[1].cells[0].text == "中心组集体学习次数" and table.rows[1].cells[3].text.startswith("增长")
    # GB/T 9704: 附件 on line 1 of its own page, a blank line, the title on line 3; 附件说明 after the body.
    assert [p.text for p in document.paragraphs[-4:-1]] == ["附件", "", "主要数据对比表"]
    assert "附件：主要数据对比表" in [p.text for p in document.paragraphs]


def test_the_checks_in_steps_find_what_check_report_finds_in_its_order(monkeypatch):
    from drafter.core.years import checks
    from conftest_paths import SAMPLE

    report = import_last_year(SAMPLE).report
    monkeypatch.setattr(checks, "TEXTS_PER_STEP", 7)
    steps = list(checks.check_steps(report))
    texts = sum(1 for _ in checks._texts(report))
    assert len(steps) == 3 + texts // 7 + 1  # fields, masks, the texts seven at a time, the rest
    assert checks.sort_findings([f for step in steps for f in step]) == check_report(report)
    assert len(check_report(report)) > 20  # the sample has plenty to find, so the order is tested
