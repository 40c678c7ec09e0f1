"""How files are written and read, one behaviour per test: the temporary file, the backup, modes kept, Word's
lock file found, and the words of every failure (a full disk, no permission, a file Word holds open)."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from drafter.core.report import fileio
from drafter.core.report.fileio import FileWriteError, atomic_write, backup_path, owner_file, read_text, write_text


def test_text_is_read_as_utf8_without_its_byte_order_mark(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff二〇二四年".encode("utf-8"))
    assert read_text(path) == "二〇二四年"


def test_saving_over_a_file_keeps_the_old_one_as_its_backup(tmp_path):
    path = tmp_path / "报告.drafter"
    write_text(path, "旧")
    write_text(path, "新")
    assert backup_path(path) == tmp_path / "报告.drafter.bak"
    assert backup_path(path).read_text(encoding="utf-8") == "旧" and read_text(path) == "新"


def test_without_a_backup_asked_for_none_is_made(tmp_path):
    path = tmp_path / "a.docx"
    atomic_write(path, b"1")
    atomic_write(path, b"2", keep_backup=False)
    assert not backup_path(path).exists() and path.read_bytes() == b"2"


@pytest.mark.parametrize("lock_name", ["~$2024年度工作报告.docx", "~$024年度工作报告.docx", "~$24年度工作报告.docx"])
def test_words_lock_file_is_found_however_word_shortened_the_name(tmp_path, lock_name):
    (tmp_path / lock_name).write_bytes(b"")
    assert owner_file(tmp_path / "2024年度工作报告.docx") == tmp_path / lock_name


def test_no_lock_file_no_owner(tmp_path):
    (tmp_path / "~$4年度工作报告.docx").write_bytes(b"")  # three characters dropped is not Word's
    assert owner_file(tmp_path / "2024年度工作报告.docx") is None


def test_the_new_file_goes_through_a_hidden_temporary_beside_it(tmp_path, monkeypatch):
    moved = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda source, target: (moved.append(source), real_replace(source, target)))
    atomic_write(tmp_path / "a.docx", b"x")
    (source,) = [fileio.Path(name) for name in moved]
    assert source.parent == tmp_path and source.name.startswith(".a.docx.") and source.name.endswith(".tmp")
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path):
    with pytest.raises(FileWriteError, match="文件夹“.*missing”不存在"):
        atomic_write(tmp_path / "missing" / "a.docx", b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="modes are POSIX")
def test_saving_over_a_file_keeps_its_mode_and_a_new_file_follows_the_umask(tmp_path):
    old = tmp_path / "old.docx"
    old.write_bytes(b"0")
    old.chmod(0o640)
    atomic_write(old, b"1")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    mask = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.docx", b"1")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.docx").stat().st_mode) == 0o640


def _failing(code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "磁盘空间不足，请清理磁盘后重试"), (errno.EACCES, "没有写入权限"),
                                         (errno.EPERM, "没有写入权限"), (errno.EROFS, "磁盘只读"),
                                         (errno.EIO, os.strerror(errno.EIO))])
def test_a_temporary_that_cannot_be_made_names_the_folder_and_why(tmp_path, monkeypatch, code, words):
    monkeypatch.setattr(fileio.tempfile, "mkstemp", _failing(code))
    with pytest.raises(FileWriteError) as raised:
        atomic_write(tmp_path / "a.docx", b"x")
    assert str(raised.value) == f"无法在“{tmp_path}”中写入文件：{words}"


@pytest.mark.parametrize("error, words", [
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "这是一个文件夹，不是文件"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "找不到这个文件或文件夹"),
    (PermissionError(errno.EACCES, "Permission denied"), "没有读取权限"),
    (OSError(errno.EIO, os.strerror(errno.EIO)), os.strerror(errno.EIO)),  # words we have none for: as they are
])
def test_why_a_file_cannot_be_read_is_said_in_chinese(error, words):
    assert fileio.read_reason(error) == words


def test_a_file_open_elsewhere_on_windows_says_so():
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32
    assert fileio.read_reason(error) == "文件正被其他程序打开"


def test_an_error_without_words_is_shown_as_python_gives_it():
    assert fileio._reason(OSError("没有说明")) == "没有说明"


def test_permission_refused_on_posix_says_so_at_once(tmp_path, monkeypatch):
    calls = []

    def refuse(source, target):
        calls.append(target)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(fileio.os, "name", "posix")
    with pytest.raises(FileWriteError) as raised:
        atomic_write(tmp_path / "a.docx", b"x")
    assert str(raised.value) == f"无法写入“{tmp_path / 'a.docx'}”：没有写入权限"
    assert len(calls) == 1 and list(tmp_path.iterdir()) == []  # no retry, and the temporary removed


def _held_open(times: int):
    """os.replace refusing the way Windows does while Word holds the file, `times` times."""
    real_replace, left = os.replace, [times]

    def replace(source, target):
        if left[0]:
            left[0] -= 1
            error = PermissionError(errno.EACCES, "The process cannot access the file")
            error.winerror = 32
            raise error
        real_replace(source, target)
    return replace


def test_a_file_held_open_for_a_moment_is_written_on_a_later_try(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", _held_open(fileio._REPLACE_TRIES - 1))
    monkeypatch.setattr(fileio.time, "sleep", lambda seconds: None)
    atomic_write(tmp_path / "a.docx", b"x")
    assert (tmp_path / "a.docx").read_bytes() == b"x"


def test_a_file_held_open_throughout_is_named_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", _held_open(fileio._REPLACE_TRIES))
    monkeypatch.setattr(fileio.time, "sleep", lambda seconds: None)
    with pytest.raises(FileWriteError) as raised:
        atomic_write(tmp_path / "a.docx", b"x")
    assert str(raised.value) == (f"无法写入“{tmp_path / 'a.docx'}”：文件正被其他程序占用（可能在 Word 或 WPS 中打开），"
                                 "请关闭该文件后重试，或另存为其他文件名")
    assert list(tmp_path.iterdir()) == []
