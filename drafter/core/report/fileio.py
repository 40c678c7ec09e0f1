"""The only way files are written: atomic replace, a kept backup, clear errors, UTF-8 always."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

from drafter.core.errors import UserFacingError

# Windows refuses a replace with these while Word, antivirus or OneDrive holds the file.
_SHARING_WINERRORS = {5, 32, 33}
_REPLACE_TRIES = 5
_REPLACE_PAUSE = 0.2


class FileWriteError(UserFacingError, OSError):
    """A write that did not happen; the message says which file and what to do, in Chinese."""


def read_text(path: Path) -> str:
    """A text file as UTF-8 (a BOM is allowed), never the platform's default encoding."""
    return Path(path).read_text(encoding="utf-8-sig")


def backup_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".bak")


def owner_file(path: Path) -> Path | None:
    """Word's `~$` lock file next to a document it has open, if there is one."""
    path = Path(path)
    stem = path.name
    for candidate in {stem, stem[1:], stem[2:]}:
        lock = path.with_name("~$" + candidate)
        if candidate and lock.exists():
            return lock
    return None


def atomic_write(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write data so the target is either the old file or the new one, never half of either."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileWriteError(f"无法保存“{path}”：文件夹“{folder}”不存在")
    temp = _write_temp(folder, path.name, data)
    try:
        _give_mode(temp, path)
        if keep_backup and path.exists():
            _keep_backup(path)
        _replace_with_retry(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise


def _give_mode(temp: Path, path: Path) -> None:
    """The mode a file saved over keeps, or the one the user's umask gives a new file; never mkstemp's 0600."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        os.chmod(temp, mode)
    except OSError:  # a file system without modes (FAT, some shares): the default is all there is
        pass


def write_text(path: Path, text: str, keep_backup: bool = True) -> None:
    atomic_write(path, text.encode("utf-8"), keep_backup)


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileWriteError(f"无法在“{folder}”中写入文件：{_reason(error)}") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        _remove_quietly(temp)
        if isinstance(error, OSError):
            raise FileWriteError(f"无法写入“{folder / name}”：{_reason(error)}") from error
        raise
    return temp


def _keep_backup(path: Path) -> None:
    """Copy the current file aside; a backup that fails must never block the save itself."""
    try:
        # Not shutil.copy2: on Windows, Python 3.12's copy2 calls CopyFile2, which Wine 8 (where the Windows program
        # is checked) lacks and aborts the process on. The same copy, contents then times, in two steps.
        shutil.copyfile(path, backup_path(path))
        shutil.copystat(path, backup_path(path))
    except OSError:
        pass


def _replace_with_retry(temp: Path, path: Path) -> None:
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(temp, path)
            return
        except PermissionError as error:
            if getattr(error, "winerror", None) not in _SHARING_WINERRORS and os.name != "nt":
                raise FileWriteError(f"无法写入“{path}”：没有写入权限") from error
            if attempt == _REPLACE_TRIES - 1:
                raise FileWriteError(
                    f"无法写入“{path}”：文件正被其他程序占用（可能在 Word 或 WPS 中打开），"
                    "请关闭该文件后重试，或另存为其他文件名"
                ) from error
            time.sleep(_REPLACE_PAUSE)
        except OSError as error:
            raise FileWriteError(f"无法写入“{path}”：{_reason(error)}") from error


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


_READ_REASONS = {  # the system's English words for the reasons a file cannot be read, as a user should read them
    errno.ENOENT: "找不到这个文件或文件夹", errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
    errno.ENAMETOOLONG: "文件名或路径太长", errno.EBUSY: "文件正被其他程序占用",
}


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "磁盘空间不足，请清理磁盘后重试"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限"
    if error.errno == errno.EROFS:
        return "磁盘只读"
    return read_reason(error)


def read_reason(error: OSError) -> str:
    """Why a file could not be read (or written, for the reasons both share), in Chinese where we know the words."""
    if getattr(error, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION: open in Word, say
        return "文件正被其他程序打开"
    return _READ_REASONS.get(error.errno) or error.strerror or str(error)
