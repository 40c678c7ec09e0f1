"""The official layout as data: read a style YAML file into plain, checked values."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.core.errors import UserFacingError

BLOCK_STYLES = ("title", "recipient", "body", "heading1", "heading2", "heading3", "heading4",
                "signature", "date", "appendix", "attachment_note", "table", "page_number")
PAGE_KEYS = ("width", "height", "margin_top", "margin_bottom", "margin_left", "margin_right",
             "header", "footer", "line_pitch")




class StyleError(UserFacingError, ValueError):
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
    # Per font: alt (the family Windows ships), charset, family, pitch, panose; from fonts.yaml beside the style.
    font_facts: dict[str, dict[str, str]] = field(default_factory=dict)

    def for_block(self, kind: str, level: int = 0) -> TextStyle:
        if kind == "heading":
            return self.styles[f"heading{level}"]
        if kind in ("paragraph", "blank", "run_in"):
            return self.styles["body"]
        return self.styles[kind]

    def latin_for(self, text_style: TextStyle) -> str:
        return text_style.latin_font or self.latin_font


def load_style(path: Path, cache: Path | None = None) -> Style:
    """Read a style file; every missing or wrong key is reported by name. With a cache folder, the file and its
    font facts are kept parsed there (a start of the window then needs no YAML parser)."""
    data = _read_yaml(path, cache, "样式文件")
    facts = _font_facts(Path(path).parent / FONT_FACTS_FILE, cache)  # its errors name the file they are in
    try:
        return replace(_style_from_data(data), font_facts=facts)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StyleError(f"样式文件“{path}”有误：{error}") from None


FONT_FACTS_FILE = "fonts.yaml"


def _font_facts(path: Path, cache: Path | None = None) -> dict[str, dict[str, str]]:
    """What Word needs to substitute each font; a style folder without the file exports fonts by name only."""
    if not path.exists():
        return {}
    data = _read_yaml(path, cache, "字体资料") or {}
    try:
        return {str(name): {str(k): str(v) for k, v in facts.items()} for name, facts in data.items()}
    except AttributeError:  # a font's facts, or the file, not a mapping (黑体: SimHei)
        raise StyleError(f"字体资料“{path}”有误：每种字体下应是“键: 值”的列表，如 黑体: {{alt: SimHei}}") from None


def _read_yaml(path: Path, cache: Path | None, what: str):
    """A YAML file's data, or StyleError naming it as `what`."""
    from drafter.core.report.parsed_cache import parsed

    def parse(raw: bytes):
        import yaml  # for the first file parsed: those kept parsed need none

        try:
            return yaml.load(raw.decode("utf-8-sig"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as error:
            raise StyleError(f"{what}“{path}”无法读取：{error}") from None

    try:
        return parsed(path, parse, cache)
    except (OSError, UnicodeDecodeError) as error:
        raise StyleError(f"{what}“{path}”无法读取：{error}") from None


def used_fonts(style: Style) -> list[str]:
    """Every font the exported styles name, East Asian and Latin, once each."""
    names = [text_style.font for text_style in style.styles.values()]
    names += [style.latin_for(text_style) for text_style in style.styles.values()]
    return list(dict.fromkeys(names))


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


# Fonts Windows ships, for offices without the GB2312 and Founder fonts installed.
WINDOWS_SUBSTITUTES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}


def font_names(style: Style) -> list[str]:
    """Every East Asian font the style names, in style order, once each."""
    return list(dict.fromkeys(text_style.font for text_style in style.styles.values()))


def missing_fonts(style: Style, installed: Collection[str]) -> list[str]:
    """The style's fonts that are not among the installed font families (the GUI asks Qt which are)."""
    return [font for font in font_names(style) if font not in installed]


def with_font_substitutions(style: Style, substitutions: dict[str, str]) -> Style:
    """The same layout with some fonts replaced, e.g. {"仿宋_GB2312": "仿宋"}; unknown names are ignored."""
    wanted = {old: new.strip() for old, new in substitutions.items() if new and new.strip() and new.strip() != old}
    if not wanted:
        return style
    styles = {key: replace(text_style, font=wanted.get(text_style.font, text_style.font),
                           latin_font=wanted.get(text_style.latin_font, text_style.latin_font))
              for key, text_style in style.styles.items()}
    return replace(style, styles=styles)


def parse_substitution(text: str) -> tuple[str, str]:
    """OLD=NEW from the command line."""
    old, sep, new = text.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise StyleError(f"字体替换“{text}”应写成 原字体=新字体，例如 仿宋_GB2312=仿宋")
    return old.strip(), new.strip()
