"""Build the one-folder bundle with PyInstaller: python packaging/build.py [--dist DIR] [--work DIR].

Writes packaging/version_info.txt from the package version first (Windows reads it for the file properties).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_version() -> str:
    text = (ROOT / "drafter" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def write_version_info(version: str) -> Path:
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    as_tuple = ", ".join(map(str, numbers))
    strings = {"CompanyName": "drafter", "FileDescription": "公文报告起草助手", "FileVersion": version,
               "InternalName": "drafter", "OriginalFilename": "drafter.exe", "ProductName": "公文报告起草助手",
               "ProductVersion": version, "LegalCopyright": "MIT License"}
    entries = ",\n          ".join(f"StringStruct('{key}', '{value}')" for key, value in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({as_tuple}), prodvers=({as_tuple}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
    target = ROOT / "packaging" / "version_info.txt"
    target.write_text(text, encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the drafter bundle with PyInstaller")
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    parser.add_argument("--work", default=str(ROOT / "build"))
    args = parser.parse_args()
    write_version_info(package_version())
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", args.dist, "--workpath", args.work, str(ROOT / "packaging" / "drafter.spec")]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
