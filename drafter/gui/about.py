"""The About box, the log file and what happens on an unexpected error."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from shiboken6 import isValid

from drafter import paths, version
from drafter.gui import dialogs

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("drafter")


def data_dir() -> Path:
    """Per-machine data (autosaves, logs): %LOCALAPPDATA%\\drafter\\drafter on Windows, never roamed."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation))


def log_file() -> Path:
    return data_dir() / "logs" / "drafter.log"


def set_up_logging() -> Path:
    """A rotating UTF-8 log in the user's data folder (never next to the program)."""
    from logging.handlers import RotatingFileHandler  # 5 ms to import (sockets, pickling): once the window shows

    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError:
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_error_handler(window_getter) -> None:
    """An unexpected exception is logged, the draft autosaved, and the user told where the log is."""
    def handle(kind, value, trace):
        if not log.handlers:  # an error before the window was on screen and the log opened
            set_up_logging()
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, trace)))
        window = window_getter()
        if window is not None and not isValid(window):
            window = None  # the error came after the window was closed and deleted
        saved = False
        if window is not None:
            try:
                window.autosave(force=True)
                saved = True
            except Exception:  # the error handler itself must never raise
                log.exception("autosave after an error failed")
        dialogs.QMessageBox.critical(
            window, "程序出错",
            f"程序遇到了意外错误：{value}\n\n"
            + ("当前草稿已自动保存，下次启动时可以恢复。\n" if saved else "")
            + f"错误详情已记录在：\n{log_file()}\n请把这个文件发给技术支持。")

    sys.excepthook = handle


def show_about(parent) -> None:
    settings = QSettings()
    dialogs.QMessageBox.about(
        parent, "关于公文报告起草助手",
        f"<h3>公文报告起草助手 {version()}</h3>"
        "<p>按党政机关公文格式（GB/T 9704-2012）起草年度工作报告并导出 Word 文件。完全离线工作。</p>"
        "<p>许可：MIT 许可证（可自由使用、复制和修改）</p>"
        f"<p>设置保存在：{settings.fileName()}<br>"
        f"自动保存的草稿：{data_dir() / 'recovery'}<br>"
        f"日志：{log_file()}<br>"
        f"自定义模板可放在：{paths.user_templates_dir()}</p>")
