"""`pip install .` makes a complete program: every module, template and resource in the wheel, importable from a
fresh environment outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Imports every module the wheel holds, in a process that must not see the checkout, and says where each came from.
IMPORT_ALL = """
import importlib, json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed[name] = f"{type(error).__name__}: {error}"
import drafter, drafter.paths as paths
print(json.dumps({"failed": failed, "package": drafter.__file__, "templates": str(paths.templates_dir())}))
"""


# What a build leaves in a checkout: setuptools copies build/lib into a new wheel even when a package is no longer
# in its list, which hid a missing package from this test.
LEFT_BY_BUILDS = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                        ".hypothesis", "out")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from the checkout's sources alone, as a fresh clone builds it."""
    source = tmp_path_factory.mktemp("source") / "drafter"
    shutil.copytree(ROOT, source, ignore=LEFT_BY_BUILDS)
    folder = tmp_path_factory.mktemp("wheel")
    completed = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(source)],
                               capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    [built] = folder.glob("drafter-*.whl")
    return built


def wheel_names(wheel: Path) -> set[str]:
    return set(zipfile.ZipFile(wheel).namelist())


def source_files(folder: Path, prefix: str) -> set[str]:
    """The files a checkout's folder holds, named as the wheel names them (no byte code)."""
    return {prefix + path.relative_to(folder).as_posix() for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}


def test_wheel_holds_every_module_of_the_checkout(wheel):
    missing = source_files(ROOT / "drafter", "drafter/") - wheel_names(wheel)
    assert missing == set(), f"modules left out of the wheel: {sorted(missing)}"


def test_wheel_holds_every_template_and_resource(wheel):
    expected = source_files(ROOT / "templates", "drafter/templates/") | source_files(ROOT / "resources",
                                                                                      "drafter/resources/")
    missing = expected - wheel_names(wheel)
    assert missing == set(), f"data files left out of the wheel: {sorted(missing)}"
    assert not any(name.startswith("tests/") for name in wheel_names(wheel))


def module_names(wheel: Path) -> list[str]:
    names = [name[:-3].replace("/", ".") for name in wheel_names(wheel)
             if name.startswith("drafter/") and name.endswith(".py")]
    return sorted(name.removesuffix(".__init__") for name in names)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the checkout with the wheel installed; its dependencies are this interpreter's (a .pth
    names their folder: its .pth files, an editable drafter among them, are not read from there)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    completed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                                str(wheel)], capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    own_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, encoding="utf-8", check=True).stdout.strip()
    Path(own_site, "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return python


def run_outside(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(python), "-I", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          env=env, timeout=300)


def test_every_module_imports_from_the_installed_wheel(wheel, installed, tmp_path):
    completed = run_outside(installed, "-c", IMPORT_ALL, *module_names(wheel), cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr[-3000:]
    result = json.loads(completed.stdout)
    assert result["failed"] == {}
    venv = installed.parent.parent
    assert Path(result["package"]).is_relative_to(venv), f"drafter came from {result['package']}, not the venv"
    assert Path(result["templates"]).is_relative_to(venv)


def test_installed_program_makes_and_exports_a_report(installed, tmp_path):
    command = ["-m", "drafter"]
    assert run_outside(installed, *command, "new", "--year", "2026", "-o", "r.drafter", cwd=tmp_path).returncode == 0
    export = run_outside(installed, *command, "export", "r.drafter", "-o", "r.docx", "--allow-missing", cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "r.docx").stat().st_size > 5000
