"""The exports the “no change in output” test compares with: the built-in report and the imported sample,
their word/document.xml and word/styles.xml in canonical XML (C14N), so attribute order or namespace
declarations never count as a change. Run as a script to write them again after a change made on purpose:
python tests/golden_export.py"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent / "core"
GOLDEN = HERE / "golden"
MEMBERS = ("word/document.xml", "word/styles.xml")


def canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


def members(docx_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        return {name: canonical(package.read(name)) for name in MEMBERS}


def exports() -> dict[str, bytes]:
    """name → .docx bytes, made the way the app makes them."""
    sys.path.insert(0, str(HERE.parent))  # tests/, for conftest and the import helpers
    from filling import fill
    from conftest_paths import SAMPLE
    from import_helpers import import_last_year

    from drafter import paths
    from drafter.core.rendering.render import render
    from drafter.core.report.project import TEMPLATE_FILE, load_project
    from drafter.core.word.export import build_docx
    from drafter.core.word.style import load_style

    style = load_style(paths.official_style_file())
    annual = fill(load_project(paths.templates_dir() / "年度工作报告" / TEMPLATE_FILE))
    sample = import_last_year(SAMPLE).report
    return {"annual": build_docx(render(annual), style, "示例"), "sample": build_docx(render(sample), style, "示例")}


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, data in exports().items():
        for member, xml in members(data).items():
            (GOLDEN / f"{name}-{member.split('/')[-1]}").write_bytes(xml)
            print(GOLDEN / f"{name}-{member.split('/')[-1]}")
