"""The empty document every export fills: page, styles, settings, font table and footers for one style,
made with python-docx from its template, slimmed of what no report needs (export.py caches it)."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart

from drafter.core.word.docxml import (
    NSDECL, doc_defaults_xml, page_number_paragraph_xml, paragraph_style_xml, run_in_style_xml, section_properties_xml,
)
from drafter.core.word.style import BLOCK_STYLES, Style
from drafter.core.word.wordmeta import font_table_xml, set_compatibility_mode

_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
RUN_IN_HEADINGS = ("heading2", "heading3", "heading4")  # （一）, 1., （1） may run into their paragraph
_UNUSED_PART_TYPES = ("stylesWithEffects", "customXml", "webSettings")
# Word needs these built-in styles; the default template's other 160 (blue headings among them) go.
_KEPT_BUILT_IN_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def build_shell(style: Style) -> bytes:
    """An empty document with the style's page, styles, settings, font table and footers."""
    document = docx.Document()
    _drop_unused_parts(document)
    _set_up_styles(document, style)
    _set_up_settings(document)
    odd_rid, even_rid = _add_footers(document, style)
    _document_part(document, "fontTable")._blob = font_table_xml(style)
    body = document.element.body
    for child in list(body):
        body.remove(child)
    body.append(parse_xml(section_properties_xml(style, odd_rid, even_rid)))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _document_part(document, kind: str):
    return next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/" + kind))


def _drop_unused_parts(document) -> None:
    """python-docx's default template carries a thumbnail of another document, sample custom XML
    and a 430 KB stylesWithEffects part; none belongs in a report."""
    for rels, unwanted in ((document.part.rels, _UNUSED_PART_TYPES), (document.part.package.rels, ("thumbnail",))):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in unwanted:
                rels.pop(rid)



def _set_up_styles(document, style: Style) -> None:
    styles = document.styles.element
    old_defaults = styles.find(qn("w:docDefaults"))
    styles.replace(old_defaults, parse_xml(doc_defaults_xml(style)))
    for element in styles.findall(qn("w:style")):
        if element.get(qn("w:styleId")) not in _KEPT_BUILT_IN_STYLES:
            styles.remove(element)
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for key in BLOCK_STYLES:
        styles.append(parse_xml(paragraph_style_xml(key, style.styles[key], style)))
    for key in RUN_IN_HEADINGS:
        styles.append(parse_xml(run_in_style_xml(style.styles[key], style)))


def _set_up_settings(document) -> None:
    settings = document.settings.element
    language = settings.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    # Odd pages carry the number on the right, even pages on the left. python-docx puts the element
    # where the schema wants it (after defaultTabStop); Word rejects settings in the wrong order.
    document.settings.odd_and_even_pages_header_footer = True
    set_compatibility_mode(settings)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
        zoom.attrib.pop(qn("w:val"), None)  # the blank document's bestFit would win over the 100%
    # The blank document says its spelling and grammar were checked and found clean: not of our text.
    for proof_state in settings.findall(qn("w:proofState")):
        settings.remove(proof_state)


def _add_footers(document, style: Style) -> tuple[str, str]:
    """Two footer parts (odd and even pages); returns their relationship ids. Built from our own XML
    rather than python-docx's default footer file, which a frozen bundle cannot reach by relative path."""
    rids = []
    sides = ("center", "center") if style.page_number_position == "center" else ("right", "left")
    for index, side in enumerate(sides, 1):
        element = parse_xml(f"<w:ftr {NSDECL}>{page_number_paragraph_xml(style, side)}</w:ftr>")
        part = FooterPart(PackURI(f"/word/footer{index}.xml"), CT.WML_FOOTER, element, document.part.package)
        rids.append(document.part.relate_to(part, RT.FOOTER))
    return rids[0], rids[1]
