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


def ink_rows(pdf: Path, page: int, dpi: int = 300) -> tuple[int, int, bytes]:
    """The page rasterised by poppler as 8-bit grey: (width, height, pixels), for measuring where ink lies."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        require_tools()
        pytest.skip("pdftoppm (poppler-utils) 未安装")
    data = subprocess.run([pdftoppm, "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", str(pdf)],
                          check=True, capture_output=True, timeout=120).stdout
    header, width_height, _maximum, pixels = data.split(b"\n", 3)
    assert header == b"P5"
    width, height = (int(value) for value in width_height.split())
    return width, height, pixels


def first_ink_cluster_rows(pdf: Path, page: int, from_y_pt: float, dpi: int = 300) -> tuple[float, float]:
    """Top and bottom (points) of the leftmost inked shape below from_y_pt: the page number's first dash."""
    width, height, pixels = ink_rows(pdf, page, dpi)
    start = int(from_y_pt / 72 * dpi) + 2
    columns = sorted({x for y in range(start, height) for x in range(width) if pixels[y * width + x] < 128})
    cluster = [columns[0]]
    for x in columns[1:]:
        if x - cluster[-1] > 3:
            break
        cluster.append(x)
    rows = [y for y in range(start, height) if any(pixels[y * width + x] < 128 for x in range(cluster[0], cluster[-1] + 1))]
    return rows[0] / dpi * 72, rows[-1] / dpi * 72
