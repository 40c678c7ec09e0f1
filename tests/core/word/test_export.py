"""The exported .docx read back with python-docx: every row of official-style.md a file can show."""

from __future__ import annotations

import os
import re
import stat

import docx
import pytest
from docx.oxml.ns import qn

from drafter.core import actions
from drafter.core.rendering.render import render
from drafter.core.word.export import ExportError, export_docx

W_FONT_ATTRIBUTES = ("ascii", "hAnsi", "eastAsia")
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, annual_template, style, fill):
    report = fill(annual_template)
    path = tmp_path_factory.mktemp("export") / "2026年度工作报告.docx"
    actions.export_project(report, style, path)
    return docx.Document(path)


def style_element(document, style_id):
    element = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    assert element is not None, f"style {style_id} missing"
    return element


def attribute(element, path, name):
    found = element.find(path)
    return None if found is None else found.get(qn(f"w:{name}"))


def test_page_is_a4_with_official_margins(exported):
    section = exported.sections[0]._sectPr
    assert attribute(section, qn("w:pgSz"), "w") == "11906" and attribute(section, qn("w:pgSz"), "h") == "16838"
    margins = {key: attribute(section, qn("w:pgMar"), key) for key in ("top", "bottom", "left", "right")}
    assert margins == {"top": "2098", "bottom": "1984", "left": "1588", "right": "1474"}


def test_grid_is_22_lines_of_579_twips(exported):
    grid = exported.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:charSpace")) is None


@pytest.mark.parametrize(
    ("style_id", "font", "size", "outline", "bold"),
    [
        ("GwTitle", "方正小标宋简体", 44, None, False),
        ("GwBody", "仿宋_GB2312", 32, None, False),
        ("GwHeading1", "黑体", 32, "0", False),
        ("GwHeading2", "楷体_GB2312", 32, "1", False),
        ("GwHeading3", "仿宋_GB2312", 32, "2", True),
        ("GwHeading4", "仿宋_GB2312", 32, "3", False),
        ("GwSignature", "仿宋_GB2312", 32, None, False),
        ("GwDate", "仿宋_GB2312", 32, None, False),
        ("GwPageNumber", "宋体", 28, None, False),
    ],
)
def test_each_style_has_its_font_size_and_outline_level(exported, style_id, font, size, outline, bold):
    element = style_element(exported, style_id)
    fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == font
    latin = "宋体" if style_id == "GwPageNumber" else "Times New Roman"
    assert fonts.get(qn("w:ascii")) == latin and fonts.get(qn("w:hAnsi")) == latin
    assert attribute(element, f"{qn('w:rPr')}/{qn('w:sz')}", "val") == str(size)
    assert attribute(element, f"{qn('w:pPr')}/{qn('w:outlineLvl')}", "val") == outline
    bold_value = attribute(element, f"{qn('w:rPr')}/{qn('w:b')}", "val")
    assert (bold_value is None) == bold


def test_no_theme_font_attribute_anywhere(exported):
    for fonts in exported.styles.element.iter(qn("w:rFonts")):
        assert not [name for name in THEME_ATTRIBUTES if fonts.get(qn(f"w:{name}"))]


def test_language_is_chinese_and_theme_language_fixed(exported):
    for lang in exported.styles.element.iter(qn("w:lang")):
        assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert attribute(exported.settings.element, qn("w:themeFontLang"), "eastAsia") == "zh-CN"


@pytest.mark.parametrize("style_id", ["GwBody", "GwHeading1", "GwHeading2", "GwTitle", "GwSignature"])
def test_text_styles_sit_on_the_grid_with_exact_pitch(exported, style_id):
    spacing = style_element(exported, style_id).find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    values = {key: spacing.get(qn(f"w:{key}")) for key in ("line", "lineRule", "before", "after")}
    assert values == {"line": "579", "lineRule": "exact", "before": "0", "after": "0"}


def test_body_is_justified_indented_two_chars_and_condensed(exported):
    body = style_element(exported, "GwBody")
    indent = body.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert indent.get(qn("w:firstLineChars")) == "200" and indent.get(qn("w:firstLine")) == "640"
    assert attribute(body, f"{qn('w:pPr')}/{qn('w:jc')}", "val") == "both"
    assert attribute(body, f"{qn('w:rPr')}/{qn('w:spacing')}", "val") == "-5"


def test_title_is_centred_and_not_bold(exported):
    title = exported.paragraphs[0]
    assert title.style.style_id == "GwTitle"
    assert attribute(style_element(exported, "GwTitle"), f"{qn('w:pPr')}/{qn('w:jc')}", "val") == "center"
    assert exported.paragraphs[1].text == ""  # one empty line after the title


def test_headings_keep_with_next_and_widow_control_is_off(exported):
    assert style_element(exported, "GwHeading1").find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    defaults = exported.styles.element.find(qn("w:docDefaults"))
    assert attribute(defaults, f".//{qn('w:widowControl')}", "val") == "0"


@pytest.mark.parametrize("style_id", ["GwTitle", "GwHeading1", "GwHeading2", "GwHeading3"])
def test_enter_after_a_title_or_heading_starts_body_text_and_a_heading_is_not_split(exported, style_id):
    element = style_element(exported, style_id)
    assert attribute(element, qn("w:next"), "val") == "GwBody"
    assert style_id == "GwTitle" or element.find(f"{qn('w:pPr')}/{qn('w:keepLines')}") is not None


def test_the_settings_claim_no_proofing_and_open_at_100_percent(exported):
    settings = exported.settings.element
    assert settings.find(qn("w:proofState")) is None  # the blank document's “checked, all clean”
    zoom = settings.find(qn("w:zoom"))
    assert zoom.get(qn("w:percent")) == "100" and zoom.get(qn("w:val")) is None


def test_heading_numbers_are_literal_text(exported):
    headings = [p.text for p in exported.paragraphs if p.style.style_id == "GwHeading1"]
    assert [text[:2] for text in headings] == ["一、", "二、", "三、", "四、"]
    assert not any(p._p.find(f".//{qn('w:numPr')}") is not None for p in exported.paragraphs)
    assert not headings[0].endswith(("。", "，", "；"))


def test_lead_sentences_are_bold_runs_of_their_paragraph(exported):
    paragraph = next(p for p in exported.paragraphs if p.text.startswith("健全学习制度"))
    assert paragraph.runs[0].bold and paragraph.runs[0].text.endswith("。")
    assert not paragraph.runs[1].bold


def test_runs_of_chinese_text_tell_word_so_and_figures_keep_the_latin_font(exported):
    # Without w:hint="eastAsia" Word sets “ ” — … · in the Latin font (Times New Roman), narrow
    runs = [run for paragraph in exported.paragraphs for run in paragraph.runs if run.text]
    hints = {run.text: run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") for run in runs}
    hints = {text: None if fonts is None else fonts.get(qn("w:hint")) for text, fonts in hints.items()}
    assert any("“" in text for text in hints)
    assert all(hint == ("eastAsia" if not text.isascii() else None) for text, hint in hints.items())


def left_indents(paragraphs) -> list[int]:
    return [int(p._p.find(f".//{qn('w:ind')}").get(qn("w:left"))) for p in paragraphs]


def test_signature_and_date_are_placed_by_their_start(exported, style):
    signature, date = exported.paragraphs[-2], exported.paragraphs[-1]
    assert (signature.style.style_id, date.style.style_id) == ("GwSignature", "GwDate")
    assert date.text == "2027年1月8日"
    # Both start from the left, so no renderer's digit width can move them: the 12-character signature ends
    # 2 characters from the right edge, the date starts 2 characters right of the signature's start.
    text_width = 11906 - 1588 - 1474
    advance = style.char_width + style.condense
    assert left_indents([signature, date]) == [text_width - 14 * advance, text_width - 12 * advance]
    assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "left" for p in (signature, date))
    assert exported.paragraphs[-3].text == ""


def test_page_numbers_odd_right_even_left_as_word_writes_them(exported):
    settings = exported.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    section = exported.sections[0]
    odd, even = section.footer._element, section.even_page_footer._element
    for footer, side, indent in ((odd, "right", "right"), (even, "left", "left")):
        paragraph = footer.find(qn("w:p"))
        assert attribute(paragraph, f"{qn('w:pPr')}/{qn('w:jc')}", "val") == side
        assert attribute(paragraph, f"{qn('w:pPr')}/{qn('w:ind')}", indent) == "280"
        kinds = [child.get(qn("w:fldCharType")) for child in paragraph.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert [t.text for t in paragraph.iter(qn("w:instrText"))] == [" PAGE "]
        texts = "".join(t.text for t in paragraph.iter(qn("w:t")))
        assert texts == "— 1 —"
        for fonts in paragraph.iter(qn("w:rFonts")):
            assert fonts.get(qn("w:eastAsia")) == "宋体"


def test_footer_is_about_25mm_from_the_edge(exported):
    footer = int(attribute(exported.sections[0]._sectPr, qn("w:pgMar"), "footer"))
    # 23 to 26 mm; the exact figure (the dash's top 7 mm below the text block) is measured on a render.
    assert 1304 <= footer <= 1474


def test_missing_fields_are_highlighted_when_allowed(tmp_path, annual_template, style):
    path = tmp_path / "gaps.docx"
    actions.export_project(annual_template, style, path, allow_missing=True)
    document = docx.Document(path)
    marked = [run for p in document.paragraphs for run in p.runs if run.text.startswith("【待填：")]
    assert len(marked) >= 36
    assert all(run._r.find(f".//{qn('w:highlight')}") is not None for run in marked)


def test_export_refuses_unfilled_fields(tmp_path, annual_template, style):
    with pytest.raises(actions.MissingFieldsError) as caught:
        actions.export_project(annual_template, style, tmp_path / "x.docx")
    assert len(caught.value.missing) == 38  # 36 figures, signature and date
    assert not (tmp_path / "x.docx").exists()


def test_word_owner_file_blocks_the_export(tmp_path, filled_report, style):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$报告.docx").write_bytes(b"owner")
    with pytest.raises(ExportError, match="Word"):
        export_docx(render(filled_report), style, target)
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("failing", ["build", "replace"])
def test_failed_export_leaves_existing_file_identical(tmp_path, filled_report, style, monkeypatch, failing):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"previous export")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.core.word.export.build_docx" if failing == "build" else "os.replace", crash)
    with pytest.raises(OSError):
        export_docx(render(filled_report), style, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_control_characters_in_text_do_not_break_the_file(tmp_path, filled_report, style):
    filled_report.opening[0].body += "\x0b\x01结束。"
    path = tmp_path / "c.docx"
    actions.export_project(filled_report, style, path)
    assert docx.Document(path).paragraphs[2].text.endswith("结束。")


def test_core_properties_carry_title_and_author(exported):
    assert exported.core_properties.title == "中共示例市机关工作委员会2026年度工作报告"
    assert exported.core_properties.author == "中共示例市机关工作委员会"


def test_a_date_longer_than_the_signature_keeps_two_chars_and_pushes_the_signature_left(tmp_path, filled_report,
                                                                                         style):
    filled_report.meta.organisation = "某局"
    path = tmp_path / "short.docx"
    actions.export_project(filled_report, style, path)
    # The date (6 wide) ends 2 from the right, placed by its start (8 from the right) as the signature is by its own
    # (10 from the right): LibreOffice's space between Chinese and digits cannot move it off the 2-character offset.
    text_width, advance = 11906 - 1588 - 1474, style.char_width + style.condense
    signature, date = docx.Document(path).paragraphs[-2:]
    assert left_indents([signature, date]) == [text_width - 10 * advance, text_width - 8 * advance]


def package_member(path, member: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read(member).decode("utf-8")


def test_font_table_declares_each_official_font_with_what_windows_substitutes(tmp_path, filled_report, style):
    path = tmp_path / "fonts.docx"
    actions.export_project(filled_report, style, path)
    fonts = package_member(path, "word/fontTable.xml")
    names = re.findall(r'<w:font w:name="([^"]+)">', fonts)
    assert set(names) == {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "Times New Roman"}
    for name, alternative in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        entry = re.search(f'<w:font w:name="{name}">(.*?)</w:font>', fonts).group(1)
        assert f'<w:altName w:val="{alternative}"/>' in entry and '<w:charset w:val="86"/>' in entry
        assert re.search(r'<w:panose1 w:val="[0-9A-F]{20}"/>', entry)
    assert "Cambria" not in fonts and "ＭＳ 明朝" not in fonts


def test_word_metadata_names_this_app_and_each_export_is_its_own_document(tmp_path, filled_report, style):
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    actions.export_project(filled_report, style, first)
    actions.export_project(filled_report, style, second)
    app = package_member(first, "docProps/app.xml")
    assert "drafter" in app and "Microsoft" not in app and "<Pages>" not in app
    assert "<Company>中共示例市机关工作委员会</Company>" in app and re.search(r"<AppVersion>\d\d\.\d{4}</AppVersion>", app)
    settings = [package_member(path, "word/settings.xml") for path in (first, second)]
    ids = [re.search(r'docId w14:val="([0-9A-F]{8})"', text).group(1) for text in settings]
    assert ids[0] != ids[1]
    assert all('w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in text
               for text in settings)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_an_export_gets_the_mode_the_umask_gives_a_new_file(tmp_path, filled_report, style):
    old = os.umask(0o022)
    try:
        path = tmp_path / "mode.docx"
        actions.export_project(filled_report, style, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_the_empty_document_is_made_once_and_kept_in_the_cache_folder(tmp_path, filled_report, style):
    from drafter.core.word import export

    export._last_shell = None  # as a new process starts
    cache = tmp_path / "cache"
    actions.export_project(filled_report, style, tmp_path / "1.docx", cache_folder=cache)
    [shell] = cache.glob("shell-*.docx")
    made = shell.stat().st_mtime_ns
    export._last_shell = None
    actions.export_project(filled_report, style, tmp_path / "2.docx", cache_folder=cache)
    assert shell.stat().st_mtime_ns == made  # read, not made again
    shell.write_bytes(b"broken")  # a damaged cache is made again, never used
    export._last_shell = None
    actions.export_project(filled_report, style, tmp_path / "3.docx", cache_folder=cache)
    bodies = [package_member(tmp_path / f"{n}.docx", "word/document.xml") for n in (1, 2, 3)]
    assert bodies[0] == bodies[1] == bodies[2] and shell.read_bytes().startswith(b"PK")


def test_a_run_in_heading_is_in_its_own_character_style_and_outlined(tmp_path, style):
    from drafter.core.report.model import Meta, Paragraph, Report, Section

    run_in = Section("加强学习", [Paragraph("全年开展学习。")], run_in=True)
    report = Report(meta=Meta(year=2024, organisation="示例局", date="2025-01-08"),
                    parts=[Section("一、工作", [], [run_in])], closing=[Paragraph("结尾。")])
    path = tmp_path / "run-in.docx"
    actions.export_project(report, style, path)
    document = docx.Document(path)
    paragraph = next(p for p in document.paragraphs if p.text.startswith("（一）加强学习。"))
    assert attribute(paragraph._p, f"{qn('w:pPr')}/{qn('w:outlineLvl')}", "val") == "1"  # Word's level 2
    heading_runs = [run for run in paragraph.runs if run.text in ("（一）", "加强学习。")]
    assert heading_runs and all(attribute(run._r, f"{qn('w:rPr')}/{qn('w:rStyle')}", "val") == "GwHeading2RunIn"
                                for run in heading_runs)
    character_style = style_element(document, "GwHeading2RunIn")
    assert attribute(character_style, f".//{qn('w:rFonts')}", "eastAsia") == "楷体_GB2312"


def test_attachment_names_line_up_on_their_first_character_as_printed(tmp_path, annual_template, style, fill):
    report = fill(annual_template)
    report.meta.attachments = ["2025年度机关党建工作主要数据统计表", "2025年度各支部考核结果汇总表（含明细及说明）"]
    path = tmp_path / "attachments.docx"
    actions.export_project(report, style, path)
    notes = [p for p in docx.Document(path).paragraphs if p.style.style_id == "GwAttachmentNote"]
    indents = [(int(attribute(p._p, f"{qn('w:pPr')}/{qn('w:ind')}", "left")),
                int(attribute(p._p, f"{qn('w:pPr')}/{qn('w:ind')}", "hanging"))) for p in notes]
    (left1, hanging1), (left2, hanging2) = indents
    advance = style.char_width + style.condense  # a condensed body character; 1. is ¾ of one in Times New Roman
    assert left1 == left2 == 2 * style.char_width + 3 * advance + round(0.75 * style.char_width + 2 * style.condense)
    assert left2 - hanging2 == 2 * style.char_width + 3 * advance  # 2. starts under 1.


def test_the_comparison_tables_label_column_holds_its_longest_label_on_one_line(tmp_path, annual_template, style, fill):
    from drafter.core.text.numbers import display_width

    path = tmp_path / "compared.docx"
    actions.export_project(fill(annual_template), style, path, comparison_table=True)
    table = docx.Document(path).tables[-1]
    widths = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    longest = max(display_width(row.cells[0].text) for row in table.rows)
    character = style.styles["table"].size * 20  # twips
    assert widths[0] >= (longest + 1.5) * character  # 参与志愿服务党员人次 wrapped at 34% of the line
    assert all(width >= 5 * character for width in widths[1:])
