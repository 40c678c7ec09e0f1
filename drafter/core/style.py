"""The official layout as data: read a style YAML file into plain, checked values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from drafter.core import fileio

BLOCK_STYLES = ("title", "recipient", "body", "heading1", "heading2", "heading3", "heading4",
                "signature", "date", "appendix", "table", "page_number")
PAGE_KEYS = ("width", "height", "margin_top", "margin_bottom", "margin_left", "margin_right",
             "header", "footer", "line_pitch")


class StyleError(ValueError):
    """A style file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class TextStyle:
    """One named paragraph style of the exported document."""

    id: str
    name: str
    font: str
    size: float
    align: str = "both"
    first_line_chars: int = 0
    outline: int = 0
    bold: bool = False
    latin_font: str = ""  # empty: the layout's Latin font (Times New Roman)


@dataclass(frozen=True)
class Style:
    """Page, grid and text styles of one official layout."""

    name: str
    page: dict[str, int]
    latin_font: str
    char_width: int
    condense: int
    lead_bold: bool
    page_number_position: str
    page_number_dash: str
    styles: dict[str, TextStyle]

    def for_block(self, kind: str, level: int = 0) -> TextStyle:
        if kind == "heading":
            return self.styles[f"heading{level}"]
        if kind in ("paragraph", "blank"):
            return self.styles["body"]
        return self.styles[kind]

    def latin_for(self, text_style: TextStyle) -> str:
        return text_style.latin_font or self.latin_font


def load_style(path: Path) -> Style:
    """Read a style file; every missing or wrong key is reported by name."""
    try:
        data = yaml.safe_load(fileio.read_text(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StyleError(f"样式文件“{path}”无法读取：{error}") from None
    try:
        return _style_from_data(data)
    except (KeyError, TypeError, ValueError) as error:
        raise StyleError(f"样式文件“{path}”有误：{error}") from None


def _style_from_data(data: dict) -> Style:
    page = {key: int(data["page"][key]) for key in PAGE_KEYS}
    styles = {}
    for key in BLOCK_STYLES:
        entry = data["styles"][key]
        styles[key] = TextStyle(
            id=str(entry["id"]), name=str(entry["name"]), font=str(entry["font"]), size=float(entry["size"]),
            align=str(entry.get("align", "both")), first_line_chars=int(entry.get("first_line_chars", 0)),
            outline=int(entry.get("outline", 0)), bold=bool(entry.get("bold", False)),
            latin_font=str(entry.get("latin_font", "")),
        )
    number = data.get("page_number", {})
    return Style(
        name=str(data.get("name", "")), page=page, latin_font=str(data["latin_font"]),
        char_width=int(data["char_width"]), condense=int(data.get("condense", 0)),
        lead_bold=bool(data.get("lead_bold", True)),
        page_number_position=str(number.get("position", "outside")),
        page_number_dash=str(number.get("dash", "—")), styles=styles,
    )
