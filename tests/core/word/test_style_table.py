"""Reading a style file (word/style.py), one rule per row: what each optional key means when it is left out, the
font facts beside it, the errors' words naming the file, and font substitutions from the window or the command line."""

from __future__ import annotations

import pytest
import yaml

from drafter import paths
from drafter.core.word.style import (StyleError, load_style, parse_substitution, used_fonts,
                                     with_font_substitutions)

OPTIONAL = ("name", "condense", "lead_bold", "page_number")
OPTIONAL_IN_EACH = ("align", "first_line_chars", "outline", "bold", "latin_font")


def _style_file(folder, data: dict, fonts: str | None = None):
    path = folder / "style.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    if fonts is not None:
        (folder / "fonts.yaml").write_text(fonts, encoding="utf-8")
    return path


def _official() -> dict:
    return yaml.safe_load(paths.official_style_file().read_text(encoding="utf-8"))


def test_each_optional_key_left_out_has_its_plain_meaning(tmp_path):
    data = _official()
    for key in OPTIONAL:
        del data[key]
    for entry in data["styles"].values():
        for key in OPTIONAL_IN_EACH:
            entry.pop(key, None)
    style = load_style(_style_file(tmp_path, data))
    assert (style.name, style.condense, style.lead_bold) == ("", 0, True)
    assert (style.page_number_position, style.page_number_dash) == ("outside", "—")
    body = style.styles["body"]
    assert (body.align, body.first_line_chars, body.outline, body.bold, body.latin_font) == ("both", 0, 0, False, "")
    assert style.font_facts == {}  # no fonts.yaml beside it: fonts are exported by name only


def test_the_page_number_keys_are_read_each_on_its_own(tmp_path):
    data = _official()
    data["page_number"] = {"position": "center"}
    style = load_style(_style_file(tmp_path, data))
    assert (style.page_number_position, style.page_number_dash) == ("center", "—")
    data["page_number"] = {"dash": "-"}
    assert load_style(_style_file(tmp_path, data)).page_number_position == "outside"


def test_font_facts_are_read_as_text_and_an_empty_file_names_none(tmp_path):
    style = load_style(_style_file(tmp_path, _official(), fonts="黑体: {charset: 86, alt: SimHei}\n"))
    assert style.font_facts == {"黑体": {"charset": "86", "alt": "SimHei"}}
    assert load_style(_style_file(tmp_path, _official(), fonts="")).font_facts == {}


def test_a_broken_file_is_named_with_what_it_is(tmp_path):
    path = tmp_path / "style.yaml"
    path.write_text("page: [unclosed\n", encoding="utf-8")
    with pytest.raises(StyleError, match=f"^样式文件“{path}”无法读取："):
        load_style(path)
    fonts = _style_file(tmp_path, _official(), fonts="黑体: [unclosed\n").with_name("fonts.yaml")
    with pytest.raises(StyleError, match=f"^字体资料“{fonts}”无法读取："):
        load_style(tmp_path / "style.yaml")


@pytest.mark.parametrize("fonts", ["黑体: SimHei\n", "- 黑体\n"])
def test_font_facts_of_another_shape_are_named_with_their_file(tmp_path, fonts):
    path = _style_file(tmp_path, _official(), fonts=fonts).with_name("fonts.yaml")
    with pytest.raises(StyleError) as raised:
        load_style(tmp_path / "style.yaml")
    assert str(raised.value) == f"字体资料“{path}”有误：每种字体下应是“键: 值”的列表，如 黑体: {{alt: SimHei}}"


def test_a_missing_key_is_named(tmp_path):
    data = _official()
    del data["latin_font"]
    path = _style_file(tmp_path, data)
    with pytest.raises(StyleError) as raised:
        load_style(path)
    assert str(raised.value) == f"样式文件“{path}”有误：'latin_font'"


def test_an_unreadable_file_is_named(tmp_path):
    path = tmp_path / "style.yaml"
    path.write_bytes("name: 样式\n".encode("gbk"))
    with pytest.raises(StyleError, match=f"^样式文件“{path}”无法读取："):
        load_style(path)


def test_a_substitution_replaces_east_asian_and_latin_fonts_alike():
    style = load_style(paths.official_style_file())
    changed = with_font_substitutions(style, {"仿宋_GB2312": " 仿宋 ", "宋体": "SimSun"})
    assert changed.styles["body"].font == "仿宋"
    assert (changed.styles["page_number"].font, changed.styles["page_number"].latin_font) == ("SimSun", "SimSun")
    assert changed.styles["heading1"] == style.styles["heading1"]  # 黑体 not asked for


@pytest.mark.parametrize("substitutions", [{}, {"仿宋_GB2312": ""}, {"仿宋_GB2312": "  "},
                                           {"仿宋_GB2312": "仿宋_GB2312"}, {"仿宋_GB2312": None}])
def test_a_substitution_of_nothing_or_of_itself_leaves_the_style_as_it_is(substitutions):
    style = load_style(paths.official_style_file())
    assert with_font_substitutions(style, substitutions) is style
    assert "仿宋_GB2312" in used_fonts(style)


@pytest.mark.parametrize("text, pair", [("仿宋_GB2312=仿宋", ("仿宋_GB2312", "仿宋")),
                                        (" 黑体 = SimHei ", ("黑体", "SimHei")), ("a=b=c", ("a", "b=c"))])
def test_a_substitution_from_the_command_line(text, pair):
    assert parse_substitution(text) == pair


@pytest.mark.parametrize("text", ["仿宋", "=仿宋", "仿宋_GB2312=", " = "])
def test_a_substitution_without_both_names_says_how_to_write_it(text):
    with pytest.raises(StyleError) as raised:
        parse_substitution(text)
    assert str(raised.value) == f"字体替换“{text}”应写成 原字体=新字体，例如 仿宋_GB2312=仿宋"
