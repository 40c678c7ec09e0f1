"""The command line: every sub-command, its exit codes and its Chinese messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
import pytest

from drafter import entry
from drafter.cli import build_parser, run
from drafter.core.report.project import load_project


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "报告.drafter"
    assert run(["new", "--year", "2026", "-o", str(path)]) == 0
    return path


def fill_all(path):
    rows = json.loads(_output(["fields", str(path), "--json"]))
    assignments = [f"{row['name']}={'九十五' if row['type'] == 'percent' else '１２'}" for row in rows]
    assignments += ["organisation=示例市机关事务管理局", "date=2027年1月8日"]
    assert run(["set", str(path), *assignments]) == 0


def _output(argv):
    completed = subprocess.run([sys.executable, "-m", "drafter", *argv], capture_output=True, text=True,
                               encoding="utf-8")
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_templates_lists_both_kinds(capsys):
    assert run(["templates"]) == 0
    names = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert "年度工作报告" in names and "个人述职报告" in names


def test_new_from_each_template(tmp_path):
    for kind in ("年度工作报告", "个人述职报告"):
        path = tmp_path / f"{kind}.drafter"
        assert run(["new", "--template", kind, "--year", "2025", "-o", str(path)]) == 0
        report = load_project(path)
        assert report.meta.year == 2025 and report.kind == kind
        assert all(field.value is None for field in report.fields.values())


def test_new_refuses_unknown_template_and_existing_file(tmp_path, project, capsys):
    assert run(["new", "--template", "不存在", "-o", str(tmp_path / "a.drafter")]) == 2
    assert "年度工作报告" in capsys.readouterr().err
    assert run(["new", "-o", str(project)]) == 2
    assert "已存在" in capsys.readouterr().err


def test_fields_json_has_exactly_the_promised_keys(project):
    rows = json.loads(_output(["fields", str(project), "--json"]))
    assert len(rows) == 36
    assert all(set(row) == {"name", "label", "type", "unit", "qualifier", "value", "previous", "used_in",
                                   "department", "source", "history"}
               for row in rows)
    first = rows[0]
    assert first["value"] is None and first["used_in"] == ["第一部分第1段"]
    assert first["department"] == "" and first["source"] is None and first["history"] == {}


def test_set_parses_like_the_form_and_saves(project, capsys):
    assert run(["set", str(project), "center_group_sessions=十二", "study_participants=1，200"]) == 0
    report = load_project(project)
    assert report.fields["center_group_sessions"].value == 12
    assert report.fields["study_participants"].value == 1200
    assert "1200余名" in capsys.readouterr().out


def test_a_figure_last_year_wrote_in_yi_is_set_in_yi_as_the_form_takes_it(tmp_path, capsys):
    text = tmp_path / "去年.txt"
    text.write_text("2024年工作报告\n一、主要工作\n全县地区生产总值186亿元，增速5.1%。\n二、下步打算\n继续努力。\n",
                    encoding="utf-8")
    project = tmp_path / "p.drafter"
    assert run(["import", str(text), "-o", str(project)]) == 0
    capsys.readouterr()
    assert run(["fields", str(project)]) == 0
    assert "（未填）亿元  去年 186亿元" in capsys.readouterr().out
    assert run(["set", str(project), "地区生产总值金额=195.3"]) == 0
    assert "= 195.3亿元" in capsys.readouterr().out
    assert load_project(project).fields["figure_01"].value == 19_530_000_000
    assert run(["set", str(project), "地区生产总值金额=19530万"]) == 0  # with its magnitude, as written
    assert load_project(project).fields["figure_01"].value == 195_300_000


def test_a_year_on_the_command_line_is_read_as_the_form_reads_it(tmp_path, capsys):
    assert run(["new", "--year", "二〇二五", "-o", str(tmp_path / "a.drafter")]) == 0
    assert load_project(tmp_path / "a.drafter").meta.year == 2025
    with pytest.raises(SystemExit) as stopped:
        run(["new", "--year", "明年", "-o", str(tmp_path / "b.drafter")])
    assert stopped.value.code == 2 and "参数 --year：“明年”不是四位年份，如 2024" in capsys.readouterr().err
    help_text = build_parser().format_help()
    assert "选项：" in help_text and "选项:" not in help_text and "子命令：" in help_text


def test_new_counts_what_is_to_fill_as_export_will(tmp_path, capsys):
    path = tmp_path / "n.drafter"
    assert run(["new", "--year", "2026", "-o", str(path)]) == 0
    said = capsys.readouterr().out
    assert run(["export", str(path), "-o", str(tmp_path / "n.docx"), "--allow-missing"]) == 0
    marked = capsys.readouterr().out
    assert "36 项统计数据和落款单位、成文日期待填（共 38 处）" in said and "38 处未填写已标出" in marked


def test_set_takes_a_field_by_its_label_and_the_title_with_its_placeholders(project, capsys):
    assert run(["set", str(project), "集中轮训党员人数=1,200", "title=【单位名称】【本年度】年度工作报告"]) == 0
    report = load_project(project)
    assert report.fields["study_participants"].value == 1200
    assert report.meta.title == "{{ organisation }}{{ year }}年度工作报告"  # as the window's 标题 box stores it
    assert "标题（title）= 【待填：落款单位】2026年度工作报告" in capsys.readouterr().out  # shown as the page prints it


def test_a_title_typed_as_it_prints_keeps_its_year_and_unit_following_their_boxes(project):
    assert run(["set", str(project), "organisation=某某局", "title=某某局2026年度工作报告"]) == 0
    assert load_project(project).meta.title == "{{ organisation }}{{ year }}年度工作报告"


@pytest.mark.parametrize(
    ("assignment", "message"),
    [("center_group_sessions=-1", "负"), ("nothing=1", "没有名为“nothing”"), ("novalue", "名称=值"),
     ("completion_rate=120", "最大值"), ("date=明天", "日期"), ("year=3000", "“3000”不是四位年份")],
)
def test_set_rejects_bad_values_and_writes_nothing(project, capsys, assignment, message):
    before = project.read_bytes()
    assert run(["set", str(project), assignment]) == 2
    assert message in capsys.readouterr().err
    assert project.read_bytes() == before


def test_export_refuses_while_fields_are_unfilled(project, tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert run(["export", str(project), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "38 项未填写" in err and "center_group_sessions" in err
    assert not out.exists()


def test_export_allow_missing_marks_the_gaps(project, tmp_path):
    out = tmp_path / "out.docx"
    assert run(["export", str(project), "-o", str(out), "--allow-missing"]) == 0
    assert "【待填：中心组集体学习次数】" in "".join(p.text for p in docx.Document(out).paragraphs)


def test_export_of_a_filled_project(project, tmp_path):
    fill_all(project)
    out = tmp_path / "2026年度工作报告.docx"
    assert run(["export", str(project), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "召开中心组集体学习会12次" in text and "办结率达到95%" in text


def test_bad_project_is_exit_2_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "坏.drafter"
    bad.write_text("format: 1\nkind: a\nkind: b\n", encoding="utf-8")
    assert run(["fields", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "坏.drafter" in err and "第3行" in err and "Traceback" not in err


def test_usage_errors_are_exit_2_in_chinese(capsys):
    with pytest.raises(SystemExit) as caught:
        run(["export"])
    assert caught.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err


def test_help_is_chinese():
    out = _output(["--help"])
    assert "用法：" in out and "子命令" in out and "导出 Word 文件" in out


def _help_bytes(code_page: str) -> subprocess.CompletedProcess:
    """`drafter --help` piped, as a console whose code page is `code_page` pipes it (Python writes a pipe in it)."""
    env = dict(os.environ, PYTHONIOENCODING=code_page)
    return subprocess.run([sys.executable, "-m", "drafter", "--help"], capture_output=True, env=env, timeout=60)


def test_help_columns_line_up_as_a_terminal_shows_chinese():
    from drafter.cli_help import columns

    lines = _output(["--help"]).splitlines()
    commands = [line for line in lines if line.startswith("    ") and line.split()[0] in entry.COMMAND_NAMES]
    assert sorted(line.split()[0] for line in commands) == sorted(entry.COMMAND_NAMES)
    assert all(len(line.split(maxsplit=1)) == 2 for line in commands), "a sub-command's help is not beside it"
    heading = next(line for line in lines if line.startswith("  子命令"))
    starts = {columns(line[:len(line) - len(line.split(maxsplit=1)[1])]) for line in commands + [heading]}
    assert len(starts) == 1, f"help starts at columns {starts}"
    assert max(columns(line) for line in lines) <= 80


def test_help_piped_on_an_english_code_page_is_utf8_not_a_crash():
    completed = _help_bytes("cp1252")  # an English Windows: no Chinese in its code page
    assert completed.returncode == 0, completed.stderr.decode("utf-8", "replace")
    assert "用法：" in completed.stdout.decode("utf-8")


def test_help_piped_on_a_chinese_code_page_stays_in_it():
    completed = _help_bytes("gbk")  # a Chinese Windows' cp936: what its other programs read
    assert completed.returncode == 0 and "用法：" in completed.stdout.decode("gbk")


def test_a_mistyped_sub_command_names_the_closest_and_opens_no_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # a window could open: it must not
    completed = subprocess.run([sys.executable, "-m", "drafter", "exprot", "x.drafter"], capture_output=True,
                               text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=60)
    assert completed.returncode == 2
    assert "“exprot”既不是子命令，也不是已有的项目文件" in completed.stderr and "drafter export" in completed.stderr


def test_a_first_argument_like_nothing_known_points_to_help(capsys):
    assert entry.run(["报告草稿"]) == 2
    assert "子命令见 drafter --help" in capsys.readouterr().err


def test_bare_drafter_without_a_display_says_so_and_exits_zero():
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    completed = subprocess.run([sys.executable, "-m", "drafter"], capture_output=True, text=True, encoding="utf-8",
                               env=env, timeout=60)
    assert completed.returncode == 0
    assert "图形" in completed.stderr and "drafter --help" in completed.stderr


def test_export_with_font_substitution(project, tmp_path):
    from docx.oxml.ns import qn

    out = tmp_path / "f.docx"
    assert run(["export", str(project), "-o", str(out), "--allow-missing", "--font", "仿宋_GB2312=仿宋",
                "--font", "方正小标宋简体=宋体"]) == 0
    styles = docx.Document(out).styles
    fonts = {name: styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia"))
             for name in ("公文正文", "公文标题", "一级标题")}
    assert fonts == {"公文正文": "仿宋", "公文标题": "宋体", "一级标题": "黑体"}
    assert run(["export", str(project), "-o", str(out), "--font", "仿宋"]) == 2


def test_a_font_the_layout_does_not_use_is_named_in_a_warning(project, tmp_path, capsys):
    out = tmp_path / "w.docx"
    assert run(["export", str(project), "-o", str(out), "--allow-missing", "--font", "微软雅黑=宋体",
                "--font", "仿宋_GB2312=仿宋"]) == 0
    err = capsys.readouterr().err
    assert "没有用到“微软雅黑”" in err and "仿宋_GB2312=" not in err


def test_user_templates_folder_adds_a_kind(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "我的模板" / "季度工作总结"
    folder.mkdir(parents=True)
    (folder / "project.drafter").write_text("format: 1\nkind: 季度工作总结\ndescription: 本单位自定义\n", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_TEMPLATES", str(tmp_path / "我的模板"))
    assert run(["templates"]) == 0
    assert "季度工作总结\t本单位自定义" in capsys.readouterr().out
    assert run(["new", "--template", "季度工作总结", "-o", str(tmp_path / "q.drafter")]) == 0


def test_fields_text_shows_last_year_and_the_change(project, capsys):
    from decimal import Decimal

    from drafter.core.report.project import save_project

    report = load_project(project)
    report.fields["seminars"].previous = Decimal(8)
    report.fields["seminars"].value = Decimal(9)
    save_project(report, project)
    assert run(["fields", str(project)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("seminars"))
    assert "去年 8" in line and "增长12.5%" in line


def test_fields_text_shows_values_as_the_report_prints_them(project, capsys):
    from decimal import Decimal

    from drafter.core.report.project import save_project
    report = load_project(project)
    field = report.fields["seminars"]
    field.previous, field.value, field.notation, field.unit = Decimal(21600), Decimal(23000), "万", "人次"
    save_project(report, project)
    assert run(["fields", str(project)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("seminars"))
    assert "\t2.3万人次  去年 2.16万人次" in line  # not 23000 and 21600


def test_label_renames_a_field_and_refuses_duplicates(project, capsys):
    assert run(["label", str(project), "seminars=专题研讨会次数"]) == 0
    assert load_project(project).fields["seminars"].label == "专题研讨会次数"
    assert "专题研讨次数 → 专题研讨会次数" in capsys.readouterr().out
    before = project.read_bytes()
    assert run(["label", str(project), "lectures=专题研讨会次数"]) == 2
    assert "已有名为" in capsys.readouterr().err and project.read_bytes() == before


def test_the_entry_knows_every_sub_command_so_none_opens_the_window_instead():
    from drafter import cli, entry
    assert entry.COMMAND_NAMES == set(cli.COMMANDS)
    assert not entry.wants_window(["export", "x.drafter"]) and not entry.wants_window(["--help"])
    assert entry.wants_window([]) and entry.wants_window(["报告.drafter"])


def test_a_sub_command_runs_with_the_collector_on(capsys):
    import gc

    from drafter import entry
    gc.disable()  # as drafter/__main__ leaves it while starting
    try:
        assert entry.run(["templates"]) == 0
        assert gc.isenabled()  # a long import or export must not grow without collecting
    finally:
        gc.enable()


def test_version_is_the_packages_own():
    from importlib import metadata

    from drafter import version
    assert _output(["--version"]).strip() == f"drafter {version()}"
    # pyproject.toml takes its version from drafter/__init__.py, so what pip installed says the same
    assert metadata.version("drafter") == version()


def test_export_mentions_leftover_masks_as_the_window_does(project, tmp_path, capsys):
    fill_all(project)
    report = load_project(project)
    report.opening[0].body += "赴**参观学习。"
    from drafter.core.report.project import save_project

    save_project(report, project)
    assert run(["export", str(project), "-o", str(tmp_path / "m.docx")]) == 0
    assert "残留的遮盖符" in capsys.readouterr().err


def test_set_takes_the_sealed_layout_and_the_attachments(tmp_path, capsys):
    from drafter.core.report.project import load_project

    path = tmp_path / "p.drafter"
    assert run(["new", "--year", "2026", "-o", str(path)]) == 0
    assert run(["set", str(path), "sealed=是", "attachments=考核细则；名单|统计表"]) == 0
    meta = load_project(path).meta
    assert meta.sealed is True and meta.attachments == ["考核细则", "名单", "统计表"]
    assert run(["set", str(path), "sealed=也许"]) == 2 and "是 或 否" in capsys.readouterr().err
