"""Project files: round trip, backups, atomic saves and every kind of bad file."""

from decimal import Decimal

import pytest

from drafter.core.report import fileio
from drafter.core.report.model import Paragraph
from drafter.core.report.project import ProjectError, dump_project, load_project, parse_project, save_project


def test_round_trip_keeps_text_fields_and_outline(tmp_path, filled_report):
    filled_report.opening.append(Paragraph(body="符号 • ✓ € 𠮷 与 “引号” 保持原样。", lead="首句。"))
    path = tmp_path / "报告.drafter"
    save_project(filled_report, path)
    loaded = load_project(path)
    assert dump_project(loaded) == dump_project(filled_report)
    assert loaded.opening[-1].body == "符号 • ✓ € 𠮷 与 “引号” 保持原样。"


def test_file_is_readable_utf8_with_chinese_as_chinese(tmp_path, filled_report):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("format: 1\n")
    assert "机关党委" in text and "\\u" not in text


def test_saving_keeps_the_previous_version_as_backup(tmp_path, filled_report):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    first = path.read_bytes()
    filled_report.meta.organisation = "另一个单位"
    save_project(filled_report, path)
    assert fileio.backup_path(path).read_bytes() == first
    assert load_project(path).meta.organisation == "另一个单位"


@pytest.mark.parametrize("failing_step", ["write", "fsync", "replace"])
def test_crash_during_save_leaves_old_file_intact_and_no_temp(tmp_path, filled_report, monkeypatch, failing_step):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    before = path.read_bytes()
    filled_report.meta.organisation = "改过的单位"

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    target = {"write": "os.fdopen", "fsync": "os.fsync", "replace": "os.replace"}[failing_step]
    monkeypatch.setattr(target, crash)
    with pytest.raises(fileio.FileWriteError, match="磁盘空间不足|无法"):
        save_project(filled_report, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failing_backup_does_not_block_the_save(tmp_path, filled_report, monkeypatch):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    monkeypatch.setattr("shutil.copy2", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "denied")))
    filled_report.meta.organisation = "新单位"
    save_project(filled_report, path)
    assert load_project(path).meta.organisation == "新单位"


BAD_FILES = [
    (b"format: 1\nkind: a\nkind: b\n", "第3行.*重复"),
    (b"format: 1\nmeta: !!python/object/apply:os.system ['echo hi']\n", "不允许的标签"),
    (b"format: 1\nmeta: [unclosed\n", "第\\d+行"),
    (b"format: 99\n", "较新版本"),
    (b"kind: x\n", "缺少 format"),
    (b"- a\n- b\n", "最外层"),
    (b"", "空"),
    ("format: 1\nkind: 年度工作报告\n".encode("gbk"), "UTF-8"),
    (b"format: 1\nfields:\n- {name: a}\n- {name: b, type: money}\n", "第4行附近.*类型“money”"),
    (b"format: 1\nfields:\n- {name: 1a}\n", "字段名“1a”不可用"),
    (b"format: 1\nfields:\n- {name: a}\n- {name: a}\n", "重复定义"),
    (b"format: 1\nfields:\n- {name: a, min: 0, value: -5}\n", "第3行附近.*负数"),
    (b"format: 1\nmeta:\n  title: x\n  year: 99\n", "第3行附近.*四位年份"),
    (b"format: 1\nparts:\n- heading: a\n  paragraphs:\n  - body: x\n    lead: [1]\n", "第5行附近.*应是文字"),
    (b"format: 1\nparts: {heading: x}\n", "parts 应是列表"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_FILES)
def test_bad_project_files_get_a_specific_message(raw, message):
    with pytest.raises(ProjectError, match=message):
        parse_project(raw)


def test_alias_bomb_is_refused_quickly():
    lines = ["format: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    with pytest.raises(ProjectError, match="过大"):
        parse_project("\n".join(lines).encode())


def test_load_error_names_the_file(tmp_path):
    path = tmp_path / "坏文件.drafter"
    path.write_bytes(b"format: 1\nkind: a\nkind: b\n")
    with pytest.raises(ProjectError, match="坏文件.drafter.*第3行"):
        load_project(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ProjectError, match="找不到.*nothing.drafter"):
        load_project(tmp_path / "nothing.drafter")


def test_values_typed_by_hand_are_parsed_like_the_form(tmp_path):
    report = parse_project("format: 1\nfields:\n- {name: a, value: 十二}\n- {name: b, type: percent, value: 35.6}\n"
                           .encode())
    assert report.fields["a"].value == Decimal(12)
    assert report.fields["b"].value == Decimal("35.6")



def test_only_reports_using_format_2_are_written_as_format_2(tmp_path, filled_report):
    """An earlier version opens format 1 and refuses format 2 in its own words, instead of dropping on save
    the footnotes, tables and notations it does not know."""
    from drafter.core.report.model import Paragraph
    from drafter.core.report.project import load_project, save_project

    plain = tmp_path / "plain.drafter"
    save_project(filled_report, plain)
    assert plain.read_text(encoding="utf-8").startswith("format: 1\n")
    filled_report.parts[0].paragraphs.append(Paragraph(rows=[["项目", "2026年"], ["培训", "12"]]))
    filled_report.fields["seminars"].notation = "grouped"
    richer = tmp_path / "richer.drafter"
    save_project(filled_report, richer)
    assert richer.read_text(encoding="utf-8").startswith("format: 2\n")
    again = load_project(richer)
    assert again.parts[0].paragraphs[-1].rows == [["项目", "2026年"], ["培训", "12"]]
    assert again.fields["seminars"].notation == "grouped"
