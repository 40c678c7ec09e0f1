"""An open project: its file, whether it changed on disk, its lock and its recovery copy."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.core.report import fileio
from drafter.core.report.model import Report
from drafter.core.report.project import dump_in_steps, parse_project, project_data, read_project, save_project


class ConflictError(RuntimeError):
    """The file changed on disk since it was opened; saving would overwrite someone's work."""


def _host() -> str:
    import socket  # only when a lock is written or read: not needed to start the window

    return socket.gethostname()


def lock_path(project: Path) -> Path:
    project = Path(project)
    return project.with_name(f".~lock.{project.name}#")


def _user() -> str:
    """The account's name, as the lock file records who has a project open."""
    import getpass  # only when a lock is written or read

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


@dataclass(frozen=True)
class Holder:
    """Who has a project open elsewhere, as their lock file says."""

    user: str
    host: str
    since: str
    pid: int

    @property
    def here(self) -> bool:
        """This account on this machine: another running copy of the program, whose window can be brought forward."""
        return self.host == _host() and self.user == _user()

    def __str__(self) -> str:
        return f"{self.user or '另一位用户'}（电脑 {self.host}，{self.since} 起）"


def project_holder(project: Path) -> Holder | None:
    """Who else has the project open (their lock file beside it), or None."""
    try:
        info = json.loads(fileio.read_text(lock_path(project)))
    except (OSError, ValueError):
        return None
    pid = info.get("pid", 0)
    if info.get("host") == _host() and (pid == os.getpid() or not _pid_alive(pid)):
        return None  # this very copy, or one that crashed and left its lock behind
    return Holder(str(info.get("user", "")), str(info.get("host", "?")), str(info.get("time", "")), int(pid or 0))


def fingerprint(path: Path) -> str | None:
    try:
        return digest(Path(path).read_bytes())
    except OSError:
        return None


def digest(data: bytes) -> str:
    import hashlib  # loads OpenSSL; a new report's window shows without it

    return hashlib.sha256(data).hexdigest()


class DraftDocument:
    """A Report with the file it came from; the GUI's only way to read and write projects."""

    def __init__(self, report: Report, path: Path | None = None, read_from: bytes | None = None):
        self.report = report
        self.path = Path(path) if path else None
        self._disk_fingerprint = digest(read_from) if read_from is not None else (
            fingerprint(self.path) if self.path else None)
        self._owns_lock = False

    @classmethod
    def open(cls, path: Path) -> DraftDocument:
        report, raw = read_project(path)  # one read: the same bytes give the report and the fingerprint
        return cls(report, path, raw)

    def changed_on_disk(self) -> bool:
        return self.path is not None and fingerprint(self.path) != self._disk_fingerprint

    def save(self, path: Path | None = None, force: bool = False) -> None:
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("没有文件名")
        if not force and target == self.path and self.changed_on_disk():
            raise ConflictError(f"“{target}”在打开后被其他程序修改过")
        written = save_project(self.report, target)
        if target != self.path:
            self.release_lock()
            self.path = target
        self._disk_fingerprint = digest(written)

    # A lock file tells a second copy of the app that this project is already open.

    def lock_holder(self) -> Holder | None:
        """Who else has this project open, or None."""
        return None if self.path is None else project_holder(self.path)

    def take_lock(self) -> None:
        """Mark the project as open here, unless another copy already has it open: a lock belongs to the copy
        that made it, so closing a second window never unlocks the first one's project."""
        if self.path is None or self.lock_holder() is not None:
            return
        info = {"pid": os.getpid(), "host": _host(), "user": _user(), "time": time.strftime("%Y-%m-%d %H:%M")}
        try:
            fileio.write_text(lock_path(self.path), json.dumps(info, ensure_ascii=False), keep_backup=False)
            self._owns_lock = True
        except OSError:
            self._owns_lock = False  # a read-only folder: the project still opens, unlocked

    def release_lock(self) -> None:
        if self._owns_lock and self.path is not None:
            try:
                lock_path(self.path).unlink()
            except OSError:
                pass
        self._owns_lock = False


# Recovery copies: the whole project with the path it belongs to and the process writing it,
# written a few seconds after an edit.

_RECOVERY_HEADER = b"# drafter-recovery: "


def write_recovery(report: Report, original: Path | None, recovery: Path) -> None:
    for _ in recovery_steps(report, original, recovery):
        pass


def recovery_steps(report: Report, original: Path | None, recovery: Path) -> Iterator[None]:
    """write_recovery a step at a time, for a caller that lets other work in between (the window while the user
    types: writing 250 pages takes 0.2 s). The report is copied now, so it may change meanwhile; each step writes a
    few of its items as text; the last step writes the file, whole, or raises OSError."""
    owner = {"path": str(original) if original else "", "pid": os.getpid(), "host": _host()}
    header = _RECOVERY_HEADER.decode("ascii") + json.dumps(owner, ensure_ascii=False) + "\n"
    return _write_in_steps(recovery, header, project_data(report))


def _write_in_steps(recovery: Path, header: str, data: dict) -> Iterator[None]:
    pieces = [header]
    for piece in dump_in_steps(data):
        pieces.append(piece)
        yield
    fileio.write_text(recovery, "".join(pieces), keep_backup=False)


def _recovery_owner(raw: bytes) -> dict:
    first, _, _ = raw.partition(b"\n")
    if not first.startswith(_RECOVERY_HEADER):
        return {}
    try:
        owner = json.loads(first[len(_RECOVERY_HEADER):].decode("utf-8"))
    except ValueError:
        return {}
    return owner if isinstance(owner, dict) else {}


def read_recovery(recovery: Path) -> tuple[Report, Path | None]:
    raw = Path(recovery).read_bytes()
    original = _recovery_owner(raw).get("path") or ""
    return parse_project(raw), (Path(original) if original else None)


def recovery_in_use(recovery: Path) -> bool:
    """True while the copy of the app that writes this recovery file is still running."""
    try:
        owner = _recovery_owner(Path(recovery).read_bytes()[:4096])
    except OSError:
        return False
    if owner.get("host") != _host():
        return False
    pid = owner.get("pid", 0)
    return pid == os.getpid() or _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)  # os.kill(pid, 0) would end the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    """Whether a Windows process still runs: a crashed copy's lock must not keep its project read-only for ever."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it runs, as someone else
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
