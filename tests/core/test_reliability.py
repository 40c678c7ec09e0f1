"""Faults injected into saving and exporting, unsafe names, and a bounded load loop without leaks or lost edits."""

from __future__ import annotations

import copy
import gc
import os
import tracemalloc

import pytest

from drafter.cli import run
from drafter.core.rendering.render import render
from drafter.core.report import fileio
from drafter.core.report.document import read_recovery, write_recovery
from drafter.core.report.names import path_warning, safe_file_name
from drafter.core.report.project import save_project
from drafter.core.word.export import ExportError, export_docx


def sharing_violation(code: int) -> PermissionError:
    """What Windows raises when Word, antivirus or OneDrive holds the target open."""
    error = PermissionError(13, "The process cannot access the file")
    error.winerror = code
    return error


@pytest.mark.parametrize("code", [5, 32, 33])
def test_replace_refused_is_retried_then_explained(tmp_path, filled_report, monkeypatch, code):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    before = path.read_bytes()
    attempts = []
    monkeypatch.setattr(fileio, "_REPLACE_PAUSE", 0)

    def refuse(*args):
        attempts.append(args)
        raise sharing_violation(code)

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(fileio.FileWriteError, match="占用.*Word"):
        save_project(filled_report, path)
    monkeypatch.undo()
    assert len(attempts) == fileio._REPLACE_TRIES
    assert path.read_bytes() == before and not list(tmp_path.glob(".*.tmp"))


def test_a_short_hold_is_waited_out(tmp_path, filled_report, monkeypatch):
    path = tmp_path / "p.drafter"
    real_replace = os.replace
    refusals = iter([sharing_violation(32), sharing_violation(32)])
    monkeypatch.setattr(fileio, "_REPLACE_PAUSE", 0)

    def flaky(source, target):
        error = next(refusals, None)
        if error:
            raise error
        real_replace(source, target)

    monkeypatch.setattr("os.replace", flaky)
    save_project(filled_report, path)
    assert path.exists()


@pytest.mark.parametrize("step", ["render", "build", "verify", "temp", "fsync", "replace"])
def test_export_crash_at_every_step_leaves_the_old_file(tmp_path, filled_report, style, monkeypatch, step):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"last good export")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    where = {"render": "drafter.core.actions.render", "build": "drafter.core.word.export.build_docx",
             "verify": "drafter.core.word.export._verify", "temp": "os.fdopen", "fsync": "os.fsync",
             "replace": "os.replace"}[step]
    monkeypatch.setattr(where, crash)
    from drafter.core import actions

    with pytest.raises(OSError):
        actions.export_project(filled_report, style, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"last good export"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_disk_full_message_is_clear(tmp_path, filled_report, style, monkeypatch):
    monkeypatch.setattr("os.fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_docx(render(filled_report), style, tmp_path / "x.docx")


@pytest.mark.parametrize(("title", "name"), [("市局:2026年度工作报告?", "市局_2026年度工作报告_"),
                                             ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("报告...", "报告"),
                                             ("  ", "工作报告"), ("a/b\\c", "a_b_c")])
def test_titles_become_windows_file_names(title, name):
    assert safe_file_name(title) == name


def test_long_paths_are_warned(tmp_path, filled_report, capsys):
    deep = tmp_path / ("很长的文件夹名" * 10) / ("更长的文件夹名" * 10) / ("第三层文件夹" * 10)
    deep.mkdir(parents=True)
    project = tmp_path / "p.drafter"
    save_project(filled_report, project)
    target = deep / ("报告" * 20 + ".docx")
    assert path_warning(target) is not None and path_warning(tmp_path / "a.docx") is None
    assert run(["export", str(project), "-o", str(target)]) == 0
    assert "Word 无法打开" in capsys.readouterr().err


def test_bad_backup_folder_never_blocks_a_save(tmp_path, filled_report):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    fileio.backup_path(path).mkdir()  # a folder where the backup file should go: the copy fails
    filled_report.meta.organisation = "照样保存"
    save_project(filled_report, path)
    assert "照样保存" in path.read_text(encoding="utf-8")


def test_load_loop_on_300_pages_keeps_memory_bounded_and_every_edit(tmp_path, annual_template, style, fill):
    report = fill(annual_template)
    report.parts = [copy.deepcopy(part) for _ in range(110) for part in report.parts]  # about 300 pages
    recovery, target = tmp_path / "r.drafter", tmp_path / "r.docx"
    tracemalloc.start()
    sizes = []
    for round_number in range(12):
        report.parts[round_number].paragraphs[0].body = f"第{round_number}轮修改。"
        write_recovery(report, None, recovery)
        export_docx(render(report), style, target)
        gc.collect()
        sizes.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    growth_mb = (sizes[-1] - sizes[3]) / 1024 / 1024
    assert growth_mb < 8, f"memory grew {growth_mb:.1f} MB over 8 rounds"
    restored, _ = read_recovery(recovery)
    assert [restored.parts[n].paragraphs[0].body for n in range(12)] == [f"第{n}轮修改。" for n in range(12)]


@pytest.mark.skipif(os.name != "nt", reason="a real sharing violation needs Windows")
def test_real_windows_file_held_open_gets_the_close_it_message(tmp_path, filled_report, monkeypatch):
    path = tmp_path / "p.drafter"
    save_project(filled_report, path)
    monkeypatch.setattr(fileio, "_REPLACE_PAUSE", 0)
    with open(path, "rb"):  # Python opens without FILE_SHARE_DELETE, as Word holds a document
        with pytest.raises(fileio.FileWriteError, match="占用"):
            save_project(filled_report, path)
