"""What Word keeps beside the text (word/wordmeta.py), read back as XML: the font table with its defaults, the
application and custom properties, the version's XX.YYYY form, the document id's range, the compatibility mode."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from drafter import paths
from drafter.core.word import wordmeta
from drafter.core.word.docxml import W_NS
from drafter.core.word.style import load_style, used_fonts

W = f"{{{W_NS}}}"
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def _parsed(data: bytes):
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    return etree.fromstring(data)


def _fonts(font_facts: dict) -> dict[str, list[tuple[str, str]]]:
    style = dataclasses.replace(load_style(paths.official_style_file()), font_facts=font_facts)
    table = _parsed(wordmeta.font_table_xml(style))
    assert table.tag == f"{W}fonts"
    assert [font.get(f"{W}name") for font in table] == used_fonts(style)
    return {font.get(f"{W}name"): [(child.tag.removeprefix(W), child.get(f"{W}val")) for child in font]
            for font in table}


def test_a_font_with_its_facts_names_each_in_the_schemas_order():
    facts = {"黑体": {"alt": 'Sim"Hei', "panose": "02010609060101010101", "charset": "86", "family": "modern",
                    "pitch": "fixed"}}
    assert _fonts(facts)["黑体"] == [("altName", 'Sim"Hei'), ("panose1", "02010609060101010101"), ("charset", "86"),
                                   ("family", "modern"), ("pitch", "fixed")]


def test_a_font_without_facts_gets_word_s_defaults_and_no_alternative():
    assert _fonts({})["宋体"] == [("charset", "86"), ("family", "auto"), ("pitch", "default")]
    assert _fonts({"宋体": {"alt": "", "panose": ""}})["宋体"] == [("charset", "86"), ("family", "auto"),
                                                                  ("pitch", "default")]


def test_the_application_properties_name_this_app_and_its_version():
    properties = _parsed(wordmeta.app_properties_xml("1.2.3", "示例局 & 办公室"))
    values = {child.tag.removeprefix(EXTENDED): child.text for child in properties}
    assert values == {"Template": "Normal.dotm", "TotalTime": "0", "Application": "公文报告起草助手（drafter）",
                      "DocSecurity": "0", "ScaleCrop": "false", "Company": "示例局 & 办公室",
                      "LinksUpToDate": "false", "SharedDoc": "false", "HyperlinksChanged": "false",
                      "AppVersion": "01.0203"}
    assert properties.nsmap["vt"] == VT.strip("{}")


@pytest.mark.parametrize("version, form", [("0.1.0", "00.0100"), ("1.2.3", "01.0203"), ("12.34.56", "12.3456"),
                                           ("2", "02.0000"), ("0.1.0.dev3+g1234", "00.0100"), ("dev", "00.0000"),
                                           ("123.105.199", "23.0599")])
def test_the_version_in_the_form_the_schema_asks(version, form):
    assert wordmeta.app_version(version) == form


def test_a_document_id_is_a_positive_32_bit_number_at_both_ends(monkeypatch):
    monkeypatch.setattr(wordmeta.secrets, "randbelow", lambda limit: 0)
    assert wordmeta.fresh_document_id() == "00000001"
    monkeypatch.setattr(wordmeta.secrets, "randbelow", lambda limit: limit - 1)
    assert wordmeta.fresh_document_id() == "7FFFFFFE"


def test_two_exports_get_different_ids():
    assert len({wordmeta.fresh_document_id() for _ in range(20)}) > 1


def test_the_compatibility_mode_is_word_2013s_and_other_settings_stay():
    settings = etree.fromstring(
        f'<w:settings xmlns:w="{W_NS}"><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:val="1"/>'
        "</w:compat></w:settings>")
    wordmeta.set_compatibility_mode(settings)
    assert [element.get(f"{W}val") for element in settings.iter(f"{W}compatSetting")] == ["15", "1"]


def test_custom_properties_are_numbered_from_two_as_word_numbers_them():
    properties = _parsed(wordmeta.custom_properties_xml({"drafter.export": "a<b", 'x"y': "2"}))
    assert [(p.tag, p.get("fmtid"), p.get("pid"), p.get("name"), p[0].tag, p[0].text) for p in properties] == [
        (f"{CUSTOM}property", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "2", "drafter.export", f"{VT}lpwstr", "a<b"),
        (f"{CUSTOM}property", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "3", 'x"y', f"{VT}lpwstr", "2")]
