"""Converting a .docx with LibreOffice and reading line boxes back with poppler's pdftotext."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Line:
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def require_tools() -> tuple[str, str]:
    """soffice and pdftotext, or a skip locally (CI installs them, so there a lack is a failure)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    reason = "LibreOffice (soffice) 或 poppler (pdftotext) 未安装：apt-get install libreoffice-writer-nogui poppler-utils"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def convert(source: Path, workdir: Path, target: str, extension: str) -> Path:
    """Convert with LibreOffice (its own profile folder, so runs never share state)."""
    soffice, _ = require_tools()
    profile = (workdir / "lo-profile").as_uri()
    outdir = workdir / f"out-{extension}"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", str(outdir),
         str(source)],
        check=True, capture_output=True, timeout=300,
    )
    result = outdir / (source.stem + "." + extension)
    assert result.exists(), f"LibreOffice did not write {result.name}"
    return result


def docx_to_pdf(docx: Path, workdir: Path) -> Path:
    return convert(docx, workdir, "pdf", "pdf")


def read_lines(pdf: Path) -> tuple[list[Line], int]:
    """Every text line of the PDF with its box, and the page count."""
    _, pdftotext = require_tools()
    html = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                          timeout=120).stdout
    root = ET.fromstring(html)
    lines, pages = [], root.iter(f"{XHTML}page")
    count = 0
    for number, page in enumerate(pages, 1):
        count = number
        for line in page.iter(f"{XHTML}line"):
            words = [word.text or "" for word in line.iter(f"{XHTML}word")]
            box = [float(line.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(Line(number, *box, text="".join(words)))
    return lines, count
