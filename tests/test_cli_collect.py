"""drafter assign and drafter collect: the whole round from the command line, with its exit codes."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest

from drafter.cli import run
from drafter.core.report.project import load_project
from collect_helpers import answer


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "报告.drafter"
    assert run(["new", "--year", "2026", "-o", str(path)]) == 0
    return path


@pytest.fixture
def workbooks(project, tmp_path, capsys):
    assert run(["assign", str(project), "第二部分=组织科", "center_group_sessions=宣传科"]) == 0
    assert "第二部分的 8 项统计数据由组织科填报" in capsys.readouterr().out
    folder = tmp_path / "征集表"
    folder.mkdir()
    assert run(["collect", "export", str(project), "-o", str(folder), "--deadline", "2026年12月20日"]) == 0
    out = capsys.readouterr().out
    assert "组织科，8 项" in out and "宣传科，1 项" in out and "起草部门，27 项" in out
    return {path.stem.split("-", 1)[1]: path for path in folder.glob("*.xlsx")}


def test_export_gives_the_project_an_id_and_keeps_it(project, workbooks):
    report = load_project(project)
    assert len(report.meta.project_id) == 32 and report.fields["party_meetings"].department == "组织科"
    assert set(workbooks) == {"组织科", "宣传科", "起草部门"}


def test_import_lists_the_changes_applies_them_and_fields_json_shows_the_source(project, workbooks, capsys):
    answer(workbooks["组织科"], {"党建专题会议次数": "十二", "意见建议办结率": "96.5%"})
    assert run(["collect", "import", str(project), str(workbooks["组织科"]), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "党建专题会议次数\t（空） → 12次\t组织科" in out and "意见建议办结率\t（空） → 96.5%" in out
    assert "试运行" in out and load_project(project).fields["party_meetings"].value is None
    assert run(["collect", "import", str(project), str(workbooks["组织科"])]) == 0
    assert "已导入：修改 2 项" in capsys.readouterr().out
    completed = subprocess.run([sys.executable, "-m", "drafter", "fields", str(project), "--json"],
                               capture_output=True, text=True, encoding="utf-8", check=True)
    row = next(row for row in json.loads(completed.stdout) if row["name"] == "party_meetings")
    assert row["value"] == 12 and row["department"] == "组织科"
    assert row["source"]["department"] == "组织科" and row["source"]["file"] == workbooks["组织科"].name
    taken = datetime.datetime.fromisoformat(row["source"]["taken"])
    assert abs(datetime.datetime.now() - taken) < datetime.timedelta(minutes=5)


def test_one_bad_cell_is_left_out_and_listed_while_the_good_values_come_in(project, workbooks, capsys):
    answer(workbooks["组织科"], {"党建专题会议次数": "abc", "走访企业家数": 14, "意见建议办结率": "96.5%"})
    assert run(["collect", "import", str(project), str(workbooks["组织科"])]) == 1  # 1: a problem is listed
    captured = capsys.readouterr()
    assert "已导入：修改 2 项" in captured.out
    assert "未导入：“" in captured.err and "“党建专题会议次数”" in captured.err and "改正后再导入" in captured.err
    fields = load_project(project).fields
    assert fields["enterprise_visits"].value == 14 and fields["party_meetings"].value is None


def test_a_conflict_exits_1_until_a_flag_chooses(project, workbooks, capsys):
    assert run(["set", str(project), "party_meetings=10"]) == 0
    answer(workbooks["组织科"], {"党建专题会议次数": 12})
    before = project.read_bytes()
    assert run(["collect", "import", str(project), str(workbooks["组织科"])]) == 1
    err = capsys.readouterr().err
    assert "“党建专题会议次数”项目中已是 10次" in err and "--keep-project" in err
    assert project.read_bytes() == before
    assert run(["collect", "import", str(project), str(workbooks["组织科"]), "--keep-project"]) == 0
    assert load_project(project).fields["party_meetings"].value == 10
    assert run(["collect", "import", str(project), str(workbooks["组织科"]), "--take-workbook"]) == 0
    assert load_project(project).fields["party_meetings"].value == 12


def test_assign_refuses_an_unknown_name_and_writes_nothing(project, capsys):
    before = project.read_bytes()
    assert run(["assign", str(project), "no_such_field=组织科"]) == 2
    assert "没有名为“no_such_field”的字段或部分" in capsys.readouterr().err
    assert project.read_bytes() == before


def test_export_makes_the_folder_it_is_given(project, tmp_path):
    assert run(["assign", str(project), "第二部分=组织科"]) == 0
    folder = tmp_path / "征集表" / "第一轮"  # neither is there yet
    assert run(["collect", "export", str(project), "-o", str(folder), "--deadline", "2026-12-20"]) == 0
    assert {path.stem.split("-", 1)[1] for path in folder.glob("*.xlsx")} == {"组织科", "起草部门"}


def test_export_into_a_folder_that_cannot_be_made_says_so(project, tmp_path, capsys):
    (tmp_path / "文件").write_text("", encoding="utf-8")
    assert run(["collect", "export", str(project), "-o", str(tmp_path / "文件" / "征集表")]) == 2
    assert "无法建立文件夹" in capsys.readouterr().err
