"""Starting the GUI: the application object, first run and crash recovery."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from drafter import paths, version
from drafter.core import actions
from drafter.core.report.document import DraftDocument, project_holder, read_recovery, recovery_in_use
from drafter.core.report.model import Report
from drafter.core.report.project import PROJECT_SUFFIX, ProjectError
from drafter.core.word.style import load_style
from drafter.gui.about import data_dir, install_error_handler, log, set_up_logging
from drafter.gui.files import recent_projects
from drafter.gui.handoff import ShowRequests, handed_over
from drafter.gui.main_window import MainWindow

APP_NAME = "drafter"
DEFAULT_KIND = "年度工作报告"


def has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # No application display name: Qt would append it to every dialog's title, and a narrow dialog's own name was
    # cut short (设为统计数据…报告起草助手). The main window names the program in its own title.
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "drafter.png")))
    if not app.property("drafter-translated"):
        _install_qt_translation(app)
        app.setProperty("drafter-translated", True)
    return app


def _install_qt_translation(app: QApplication) -> None:
    """Qt's standard buttons (保存, 不保存, 取消) and dialogs in Simplified Chinese."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if translator.load(QLocale(QLocale.Chinese, QLocale.China), "qtbase", "_", folder):
        app.installTranslator(translator)
    corrections = QTranslator(app)  # what qtbase_zh_CN lacks or says oddly; installed last, so asked first
    if corrections.load(str(paths.resources_dir() / "i18n" / "qt_corrections_zh_CN.qm")):
        app.installTranslator(corrections)


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def template_folders() -> list[Path]:
    return [paths.user_templates_dir(), paths.templates_dir()]


def make_window(project: str | None = None, settings: QSettings | None = None) -> MainWindow:
    """The main window with a project, a recovered draft, or (first run) a new annual report."""
    settings = settings or QSettings()
    project = project or last_project(settings)
    style = load_style(paths.official_style_file(), paths.cache_dir())  # kept parsed: no YAML parser to start
    # With a project to open, the window starts empty: laying out the built-in report first only to replace it
    # costs a fifth of a second.
    first = DraftDocument(Report()) if project else new_annual_report()
    window = MainWindow(first, style, settings, recovery_dir(), template_folders())
    if not offer_recovery(window) and project and not window.open_path(Path(project)):
        window.replace_document(new_annual_report())  # the file could not be opened (said so): start a new one
    window.refresh_font_notice()
    return window


def last_project(settings: QSettings) -> str | None:
    """The project worked on last, reopened when the program starts with none named: the newest recent one, if it is
    still there and no other running copy has it open (a second start gets a new report, not a shared one)."""
    recent = recent_projects(settings)[:1]
    if recent and Path(recent[0]).is_file() and project_holder(Path(recent[0])) is None:
        return recent[0]
    return None


def new_annual_report() -> DraftDocument:
    return DraftDocument(actions.new_project(DEFAULT_KIND, actions.default_report_year(), template_folders(),
                                             paths.cache_dir()))


def offer_recovery(window: MainWindow) -> bool:
    """After a crash, offer the newest recovery copy; True when one was restored."""
    folder = Path(window.recovery_dir)
    _remove_all(folder.glob(".*.tmp") if folder.is_dir() else [])  # cut off by a kill in mid-write
    # Another running copy of the app owns its recovery files; only a crashed one's are offered.
    copies = sorted((c for c in folder.glob(f"*{PROJECT_SUFFIX}") if not recovery_in_use(c)),
                    key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    for copy in copies:
        try:
            report, original = read_recovery(copy)
        except (OSError, ProjectError, ValueError):
            continue
        if not window.ask_restore(copy, original):
            _remove_all(copies)
            return False
        document = DraftDocument(report, original)
        window.replace_document(document)
        document.take_lock()
        window.undo_stack.resetClean()  # the restored draft is not saved yet
        window.update_title()
        _remove_all(copies)
        window.autosave()
        return True
    return False


def _remove_all(files) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            pass


def run_app(project: str | None) -> int:
    if not has_display():
        print("没有图形显示环境，无法打开窗口。命令行用法见 drafter --help。", file=sys.stderr)
        return 0
    app = application()
    if project and handed_over(Path(project)):
        return 0  # this person's other window has it open and has come forward
    windows = []
    install_error_handler(lambda: windows[0] if windows else None)
    window = make_window(project)
    windows.append(window)
    window.show()
    app.processEvents()  # the window on screen, painted, before what can wait
    finish_starting()
    window.show_requests = ShowRequests(window)
    load_in_background()
    return app.exec()


def load_in_background() -> None:
    """What the first Ctrl+Shift+I or import would otherwise wait seconds for (jieba's dictionary), loaded while the
    user starts reading; a label asked for meanwhile waits only for the rest of it (jieba holds a lock)."""
    import threading

    from drafter.core.lastyear.naming.wording import load_word_list

    threading.Thread(target=load_word_list, name="word-list", daemon=True).start()


def finish_starting() -> None:
    """What the first paint need not wait for: the log file (an error before it opens the log itself) and the
    collector, off while starting (see __main__)."""
    log_path = set_up_logging()
    log.info("start %s, log at %s", version(), log_path)
    gc.enable()
