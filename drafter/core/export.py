"""Rendered → .docx in the official style, built in memory, verified, then written atomically."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
from lxml import etree
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart

from drafter import version
from drafter.core.errors import UserFacingError
from drafter.core import fileio
from drafter.core.docxml import (
    NSDECL, doc_defaults_xml, fonts_xml, footnotes_xml, page_number_paragraph_xml, paragraph_style_xml,
    section_properties_xml, table_xml, text_xml,
)
from drafter.core.render import Block, Rendered, Run
from drafter.core.style import BLOCK_STYLES, Style
from drafter.core.wordmeta import app_properties_xml, font_table_xml, set_document_ids

_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_UNUSED_PART_TYPES = ("stylesWithEffects", "customXml", "webSettings")
# Word needs these built-in styles; the default template's other 160 (blue headings among them) go.
_KEPT_BUILT_IN_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


class ExportError(UserFacingError, OSError):
    """An export that did not happen; the target is untouched and the message says why, in Chinese."""


def export_docx(rendered: Rendered, style: Style, target: Path, author: str = "") -> None:
    """Write the report to target; on any failure an existing target stays byte-identical."""
    target = Path(target)
    if target.suffix.lower() != ".docx":
        raise ExportError(f"导出文件“{target}”的扩展名应为 .docx")
    lock = fileio.owner_file(target)
    if lock is not None:
        raise ExportError(f"“{target}”正在 Word 或 WPS 中打开（发现 {lock.name}），请先关闭它，或另存为其他文件名")
    data = build_docx(rendered, style, author)
    _verify(data, rendered)
    try:
        fileio.atomic_write(target, data, keep_backup=False)
    except fileio.FileWriteError as error:
        raise ExportError(str(error)) from None


def build_docx(rendered: Rendered, style: Style, author: str = "") -> bytes:
    """The whole .docx as bytes: the style's shell document with this report's body put in."""
    document = docx.Document(io.BytesIO(_shell(style)))
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    notes: list[str] = []
    for paragraph in _body_paragraphs(rendered.blocks, style, notes):
        section.addprevious(paragraph)
    if notes:
        _add_footnotes(document, notes, style)
    _set_properties(document, rendered.title, author)
    set_document_ids(document.settings.element)
    _package_part(document, "extended-properties")._blob = app_properties_xml(version(), author)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


_last_shell: tuple[Style, bytes] | None = None


def _shell(style: Style) -> bytes:
    """An empty document with the style's page, styles and footers. Only the last style's is kept:
    a style is one object for as long as its fonts stay chosen, and a new choice makes the old one garbage."""
    global _last_shell
    if _last_shell is None or _last_shell[0] != style:
        _last_shell = (style, _build_shell(style))
    return _last_shell[1]


def _build_shell(style: Style) -> bytes:
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


def _package_part(document, kind: str):
    return next(rel.target_part for rel in document.part.package.rels.values() if rel.reltype.endswith("/" + kind))


def _drop_unused_parts(document) -> None:
    """python-docx's default template carries a thumbnail of another document, sample custom XML
    and a 430 KB stylesWithEffects part; none belongs in a report."""
    for rels, unwanted in ((document.part.rels, _UNUSED_PART_TYPES), (document.part.package.rels, ("thumbnail",))):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in unwanted:
                rels.pop(rid)


def _verify(data: bytes, rendered: Rendered) -> None:
    """Re-open what was built: a file Word would refuse must never replace a good one."""
    try:
        reopened = docx.Document(io.BytesIO(data))
        count = len(reopened.paragraphs)
    except Exception as error:  # any failure to re-read means the build is broken
        raise ExportError(f"生成的文档无法重新打开，已放弃写入（{error}）") from None
    expected = sum(block.kind != "table" for block in rendered.blocks)
    if count != expected:
        raise ExportError(f"生成的文档段落数（{count}）与报告（{expected}）不符，已放弃写入")


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


def _set_up_settings(document) -> None:
    settings = document.settings.element
    language = settings.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    # Odd pages carry the number on the right, even pages on the left. python-docx puts the element
    # where the schema wants it (after defaultTabStop); Word rejects settings in the wrong order.
    document.settings.odd_and_even_pages_header_footer = True
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")


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


def _add_footnotes(document, notes: list[str], style: Style) -> None:
    """Last year's footnotes as Word footnotes, numbered 1, 2, … in the order they are referenced."""
    element = parse_xml(footnotes_xml(notes, style))
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, etree.tostring(element, encoding="UTF-8", xml_declaration=True, standalone=True),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _set_properties(document, title: str, author: str) -> None:
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.comments = ""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _body_paragraphs(blocks: list[Block], style: Style, notes: list[str]):
    """Every block as a w:p element, parsed in one pass for speed on long reports; footnotes go to notes."""
    pieces = [f"<w:body {NSDECL}>"]
    for block in blocks:
        pieces.append(_paragraph_xml(block, style, notes))
    pieces.append("</w:body>")
    return list(parse_xml("".join(pieces)))


def _paragraph_xml(block: Block, style: Style, notes: list[str]) -> str:
    if block.kind == "table":
        return table_xml(block.rows, style)
    text_style = style.for_block(block.kind, block.level)
    ppr = f'<w:pStyle w:val="{text_style.id}"/>'
    if block.keep_next:
        ppr += "<w:keepNext/>"
    if block.kind == "appendix":
        ppr += "<w:pageBreakBefore/>"
    if block.keep_last_lines:  # widow control here only: elsewhere it would break the 22-line grid
        ppr += '<w:widowControl/>'

    if block.placement is not None:
        ppr += _placement_xml(block.placement, style)
    if block.indent is not None:  # w:ind comes after spacing and before jc in the schema
        left, hanging = (round(chars * style.char_width) for chars in block.indent)
        ppr += f'<w:ind w:left="{left}" w:hanging="{hanging}"/>'

    runs = []
    if block.kind == "run_in":  # （一）标题。正文: the heading's number and words in the heading's font
        heading = style.for_block("heading", block.level)
        fonts = fonts_xml(heading.font, style.latin_for(heading))
        runs += [_run_xml(run, bold=heading.bold, fonts=fonts) for run in [Run(block.number), *block.lead]]
    else:
        if block.number:
            runs.append(_run_xml(Run(block.number), bold=False))
        runs.extend(_run_xml(run, bold=style.lead_bold) for run in block.lead)
    for run in block.runs:
        if run.kind == "note":
            notes.append(run.text)
            runs.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference w:id="{len(notes)}"/></w:r>')
        else:
            runs.append(_run_xml(run, bold=False))
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def _run_xml(run: Run, bold: bool, fonts: str = "") -> str:
    properties = fonts + ("<w:b/><w:bCs/>" if bold else "")
    if run.kind == "missing":
        properties += '<w:highlight w:val="yellow"/>'
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    # A line break inside a paragraph (a balanced two-line title) is w:br, not a new paragraph.
    lines = [f'<w:t xml:space="preserve">{text_xml(line)}</w:t>' for line in run.text.split("\n")]
    return f"<w:r>{rpr}{'<w:br/>'.join(lines)}</w:r>"


def _placement_xml(placement: tuple[str, float], style: Style) -> str:
    """A signature or date line's indent, overriding the style's (and, placed by its start, its alignment)."""
    side, chars = placement
    first_line = 'w:firstLine="0" w:firstLineChars="0"'
    if side == "right":
        return f'<w:ind w:right="{round(chars * style.char_width)}" {first_line}/>'
    advance = style.char_width + style.condense  # a body character as set: 16 pt less the 0.25 pt condensing
    text_width = style.page["width"] - style.page["margin_left"] - style.page["margin_right"]
    left = text_width - round(chars * advance)
    return f'<w:ind w:left="{left}" {first_line}/><w:jc w:val="left"/>'  # w:ind before w:jc, as the schema wants
