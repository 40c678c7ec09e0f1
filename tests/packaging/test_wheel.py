"""`pip install .` must carry resources/ and templates/ inside the wheel, where paths.py looks for them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_templates_styles_and_icons(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                                str(ROOT)], capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    [wheel] = tmp_path.glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("drafter/templates/年度工作报告/project.drafter", "drafter/templates/个人述职报告/project.drafter",
                     "drafter/resources/styles/official.yaml", "drafter/resources/icons/drafter.png",
                     "drafter/core/render.py", "drafter/gui/app.py"):
        assert expected in names, expected
    assert not any(name.startswith("tests/") for name in names)
