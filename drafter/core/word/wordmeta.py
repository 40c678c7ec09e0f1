"""What Word itself keeps beside the text: the font table, the application properties, the document id and
compatibility mode, written as this app (not as the template python-docx ships, made by Word 2010 for Mac)."""

from __future__ import annotations

import re
import secrets

from drafter.core.word.docxml import W_NS, escape
from drafter.core.word.style import Style, used_fonts

APPLICATION = "公文报告起草助手（drafter）"
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no 兼容模式 in the title bar


def font_table_xml(style: Style) -> bytes:
    """Every font the styles use, each with what Word and WPS need to substitute its family where it is missing."""
    entries = []
    for name in used_fonts(style):
        facts = style.font_facts.get(name, {})
        inner = ""
        if facts.get("alt"):
            inner += f'<w:altName w:val="{_attr(facts["alt"])}"/>'
        if facts.get("panose"):
            inner += f'<w:panose1 w:val="{_attr(facts["panose"])}"/>'
        inner += f'<w:charset w:val="{_attr(facts.get("charset", "86"))}"/>'
        inner += f'<w:family w:val="{_attr(facts.get("family", "auto"))}"/>'
        inner += f'<w:pitch w:val="{_attr(facts.get("pitch", "default"))}"/>'
        entries.append(f'<w:font w:name="{_attr(name)}">{inner}</w:font>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>').encode("utf-8")


def app_properties_xml(version: str, company: str) -> bytes:
    """docProps/app.xml naming this app; no page or word counts, which only a layout engine knows."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{escape(APPLICATION)}</Application>"
            f"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{escape(company)}</Company>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            f"<AppVersion>{app_version(version)}</AppVersion></Properties>").encode("utf-8")


def app_version(version: str) -> str:
    """The XX.YYYY form the schema asks for: 0.1.0 → 00.0100; a development copy is 00.0000."""
    parts = [int(part) for part in re.findall(r"\d+", version)[:3]] + [0, 0, 0]
    return f"{parts[0] % 100:02d}.{parts[1] % 100:02d}{parts[2] % 100:02d}"


def fresh_document_id() -> str:
    """A document id for one export (Word uses it to tell copies apart): a positive 32-bit hex number."""
    return f"{secrets.randbelow(0x7FFFFFFE) + 1:08X}"


def set_compatibility_mode(settings) -> None:
    """Word 2013's own mode, so Word 2013 and later do not open the report in 兼容模式."""
    for element in settings.iter(f"{{{W_NS}}}compatSetting"):
        if element.get(f"{{{W_NS}}}name") == "compatibilityMode":
            element.set(f"{{{W_NS}}}val", COMPATIBILITY_MODE)


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
EXPORT_PROPERTY = "drafter.export"  # which export a file is: a reviewed copy names it back (drafter review)


def custom_properties_xml(properties: dict[str, str]) -> bytes:
    """docProps/custom.xml: 文件 → 属性 → 自定义 in Word, kept by Word, WPS and LibreOffice when they save."""
    entries = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{index}" name="{_attr(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for index, (name, value) in enumerate(properties.items(), 2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{entries}</Properties>'
            ).encode("utf-8")
