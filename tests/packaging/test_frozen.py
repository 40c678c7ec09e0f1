"""The PyInstaller bundle built with packaging/drafter.spec runs headless: a broken spec or a missing data file fails here."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_BUNDLE_MB = 260  # Linux bundle with Qt, ICU and libpython; the Windows one is smaller


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if importlib.util.find_spec("PyInstaller") is None:
        reason = "PyInstaller 未安装（pip install -e \".[test]\" 会安装它）"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("pyinstaller")
    completed = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"),
                                "--work", str(work / "build")], capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return work / "dist" / "drafter"


def frozen(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "PYTHONPATH")}
    return subprocess.run([str(bundle / "drafter-cli"), *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd, env=env, timeout=120)


def test_frozen_program_exports_the_builtin_report(bundle, tmp_path, capsys):
    assert "年度工作报告" in frozen(bundle, "templates", cwd=tmp_path).stdout
    assert frozen(bundle, "new", "--year", "2026", "-o", "r.drafter", cwd=tmp_path).returncode == 0
    export = frozen(bundle, "export", "r.drafter", "-o", "r.docx", "--allow-missing", cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    paragraphs = docx.Document(tmp_path / "r.docx").paragraphs
    assert paragraphs[0].style.style_id == "GwTitle" and "一、" in "".join(p.text for p in paragraphs)


def test_frozen_program_knows_its_version(bundle, tmp_path):
    from drafter import version

    # a frozen build carries no package metadata: asked for it, it called itself 开发版
    assert frozen(bundle, "--version", cwd=tmp_path).stdout.strip() == f"drafter {version()}"


def test_frozen_gui_entry_says_so_without_a_display(bundle, tmp_path):
    completed = subprocess.run([str(bundle / "drafter")], capture_output=True, text=True, encoding="utf-8",
                               env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")},
                               timeout=120)
    assert completed.returncode == 0 and "图形" in completed.stderr


def test_bundle_stays_lean(bundle, capsys):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1024 / 1024
    unused = [name for name in ("libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6WebEngineCore")
              if any(bundle.rglob(f"{name}*"))]
    with capsys.disabled():
        print(f"\n  frozen bundle: {size:.0f} MB in {bundle}")
    assert unused == [] and size < MAX_BUNDLE_MB


def test_frozen_program_imports_last_years_file_with_its_word_lists(bundle, tmp_path):
    """The importer's word lists (resources/lexicon.yaml) and jieba's dictionary travel in the bundle."""
    (tmp_path / "去年.txt").write_text("2025年度工作报告\n2025年，全年开展培训12次。\n一、主要工作\n5名青年干部参加征文活动。\n",
                                      encoding="utf-8")
    completed = frozen(bundle, "import", "去年.txt", "-o", "今年.drafter", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    listed = frozen(bundle, "fields", "今年.drafter", cwd=tmp_path).stdout
    assert "青年干部人数" in listed and "开展培训次数" in listed
