"""drafter review: lists a reviewed file's changes (text or JSON), takes them all or drops them, and says why not."""

from __future__ import annotations

import json

import pytest

from drafter.cli import run
from drafter.core.rendering.render import render
from drafter.core.report.project import load_project
from drafter.core.review.exported import printed_text
from drafter.core.review.reviewed import read_reviewed
from review_edits import Reviewed
from test_cli import fill_all


@pytest.fixture
def sent(tmp_path):
    """A filled project exported by the command line, and the file coming back with one figure corrected and a
    sentence reworded with 修订 on."""
    project = tmp_path / "报告.drafter"
    assert run(["new", "--year", "2026", "-o", str(project)]) == 0
    fill_all(project)
    exported = tmp_path / "送审稿.docx"
    assert run(["export", str(project), "-o", str(exported)]) == 0
    report = load_project(project)
    block = next(b for b in render(report).blocks if b.kind == "paragraph" and any(r.field for r in b.runs))
    run_ = next(r for r in block.runs if r.field)
    edit = Reviewed(exported.read_bytes())
    edit.track_replace(run_.text, "13" + run_.text[2:], author="张书记")
    edit.comment(block.text[:8], "数字核实一下")
    reviewed = tmp_path / "修改稿.docx"
    reviewed.write_bytes(edit.save())
    return project, reviewed, run_.field


def test_review_lists_the_changes_and_writes_nothing(sent, capsys):
    project, reviewed, _name = sent
    before = project.read_bytes()
    assert run(["review", str(project), str(reviewed)]) == 0
    out = capsys.readouterr().out
    assert "数值\t第一部分第1段\t12次 → 13次\t张书记，2026-12-20" in out and "批注" in out and "共 2 处修改" in out
    assert project.read_bytes() == before


def test_review_json_gives_each_change_with_its_kind_place_and_author(sent, capsys):
    project, reviewed, name = sent
    assert run(["review", str(project), str(reviewed), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"changes", "conflicts", "notes"}
    figure = data["changes"][0]
    assert {key: figure[key] for key in ("kind", "place", "new", "author", "field")} == {
        "kind": "field", "place": "第一部分第1段", "new": "13次", "author": "张书记", "field": name}


def test_accept_all_saves_the_project_keeping_the_last_version(sent, capsys):
    project, reviewed, name = sent
    before = project.read_bytes()
    assert run(["review", str(project), str(reviewed), "--accept-all"]) == 0
    assert project.with_name(project.name + ".bak").read_bytes() == before
    report = load_project(project)
    assert report.fields[name].value == 13
    accepted = [p.after for p in read_reviewed(reviewed.read_bytes(), "x").paragraphs]
    assert [printed_text(block) for block in render(report).blocks] == accepted


def test_reject_all_leaves_the_project_as_it_was(sent, capsys):
    project, reviewed, _name = sent
    before = project.read_bytes()
    assert run(["review", str(project), str(reviewed), "--reject-all"]) == 0
    assert project.read_bytes() == before and "已放弃全部修改" in capsys.readouterr().out


def test_conflicts_are_listed_and_nothing_is_applied(sent, capsys):
    project, reviewed, name = sent
    report = load_project(project)
    assert run(["set", str(project), f"{name}=15"]) == 0  # the figure changed in the project since the export
    before = project.read_bytes()
    assert run(["review", str(project), str(reviewed), "--accept-all"]) == 1
    captured = capsys.readouterr()
    assert "冲突\t第一部分第1段" in captured.out and "没有收回任何修改" in captured.err
    assert project.read_bytes() == before and report.fields[name].value != 15


def test_a_file_that_is_no_word_file_is_bad_input(sent, tmp_path, capsys):
    project, _reviewed, _name = sent
    bad = tmp_path / "修改稿.txt"
    bad.write_text("不是 Word 文件", encoding="utf-8")
    assert run(["review", str(project), str(bad)]) == 2
    assert "修改稿.txt" in capsys.readouterr().err
