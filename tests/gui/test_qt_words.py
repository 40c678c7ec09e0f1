"""Qt's own dialogs speak Chinese: its file dialog, message box buttons and calendar, where qtbase_zh_CN falls short."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from drafter import paths

CORRECTIONS = paths.resources_dir() / "i18n" / "qt_corrections_zh_CN"


@pytest.fixture
def translated(window):
    """The application as the program sets it up (pytest-qt made it; the program's set-up adds the translations)."""
    from drafter.gui import app

    app.application()
    return window


def test_qt_s_file_dialog_labels_are_chinese(translated, qtbot):
    dialog = QFileDialog(translated, "打开项目")
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)  # the dialog Qt draws itself (Linux)
    qtbot.addWidget(dialog)
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    assert labels == ["文件名称(&N)：", "文件类型(&T)：", "查找范围(&L)："]  # were &Look in: and Files of &type:


def test_the_file_dialog_s_columns_say_daxiao_and_wenjianjia(translated):
    from PySide6.QtCore import QCoreApplication, QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"  # was 体积
    assert QFileIconProvider().type(QFileInfo(str(paths.resources_dir()))) == "文件夹"  # was Folder


def test_the_save_prompt_says_bu_baocun_not_diuqi(translated, qtbot):
    window = translated
    box = QMessageBox(QMessageBox.Question, "保存修改", "报告有未保存的修改，是否保存？",
                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, window)
    qtbot.addWidget(box)
    assert [box.button(kind).text() for kind in (QMessageBox.Save, QMessageBox.Discard, QMessageBox.Cancel)] == [
        "保存", "不保存", "取消"]


# PySide6's own lrelease, beside the interpreter running the tests (a venv need not be on PATH)
LRELEASE = shutil.which("pyside6-lrelease", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]))


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease（PySide6 自带）找不到")
def test_the_compiled_corrections_are_those_of_their_source(tmp_path):
    built = tmp_path / "built.qm"
    subprocess.run([LRELEASE, "-silent", str(CORRECTIONS.with_suffix(".ts")), "-qm", str(built)], check=True,
                   timeout=60)
    assert built.read_bytes() == CORRECTIONS.with_suffix(".qm").read_bytes()
