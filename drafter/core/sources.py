"""Reading last year's document: .docx (as Word and WPS write it) or .txt, safely, into plain paragraphs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.core.textfile import UnknownEncoding, decode_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # a zip member that unpacks to 200x its size is a bomb, not a report
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SourceError(ValueError):
    """A file that cannot be imported; the message names it and says what to do, in Chinese."""


@dataclass
class SourceParagraph:
    """One paragraph of last year's document: its text, how much of its start is bold, its outline level."""

    text: str
    bold_prefix: int = 0
    outline_level: int = 0  # from the paragraph's style; 0 when it has none
    numbered: int = 0  # Word auto-numbering level (1 for the top level), whose number is not in the text; 0: none


def read_source(path: Path) -> list[SourceParagraph]:
    path = Path(path)
    if path.name.startswith("~$"):
        raise SourceError(f"“{path.name}”是 Word 打开文档时生成的临时锁定文件，不是文稿本身；请选择不带 ~$ 的原文件")
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
    except FileNotFoundError:
        raise SourceError(f"找不到文件“{path}”") from None
    except OSError as error:
        raise SourceError(f"无法读取“{path}”：{error.strerror}") from None
    if raw is None:
        raise SourceError(f"“{path.name}”超过 100 MB，不像是一份工作报告")
    if not raw.strip():
        raise SourceError(f"“{path.name}”是空文件")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text"):
        try:
            text = decode_text(raw, path.name)
        except UnknownEncoding as error:
            raise SourceError(str(error)) from None
        return [SourceParagraph(line.strip()) for line in text.splitlines()]
    if suffix in (".doc", ".wps") or raw.startswith(OLE2_MAGIC):
        raise SourceError(_ole_message(path, suffix))
    return read_docx_bytes(raw, path.name)


def _ole_message(path: Path, suffix: str) -> str:
    if suffix in (".doc", ".wps"):
        return (f"“{path.name}”是旧版 {suffix} 格式，无法直接导入。请在 Word 或 WPS 中打开它，"
                "“另存为”Word 文档（*.docx）后再导入")
    return (f"“{path.name}”是加密的或旧版（.doc/.wps）Word 文件，无法读取。请在 Word 或 WPS 中打开，"
            "取消密码保护，并“另存为”Word 文档（*.docx）后再导入")


def read_docx_bytes(raw: bytes, name: str) -> list[SourceParagraph]:
    head = raw[:512].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        raise SourceError(f"“{name}”实际是 RTF 文件（只是扩展名为 .docx）。请在 Word 中打开并另存为 Word 文档（*.docx）")
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"mime-version")) or b"<html" in head:
        raise SourceError(f"“{name}”实际是网页（HTML）文件。请在 Word 中打开并另存为 Word 文档（*.docx）")
    if not raw.startswith(b"PK"):
        raise SourceError(f"“{name}”不是 Word 文档（.docx），也不是文本文件（.txt）")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        document_xml = _read_member(archive, "word/document.xml", name)
        styles_xml = _read_member(archive, "word/styles.xml", name, required=False)
    except zipfile.BadZipFile:
        raise SourceError(f"“{name}”已损坏或不完整（可能没有下载或复制完），无法打开") from None
    styles = _style_info(_parse_xml(styles_xml, name)) if styles_xml else {}
    return list(_paragraphs(_parse_xml(document_xml, name), styles))


def _read_member(archive: zipfile.ZipFile, member: str, name: str, required: bool = True) -> bytes | None:
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES or any(
            info.file_size > 10_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1) for info in infos):
        raise SourceError(f"“{name}”解压后异常巨大（可能是压缩炸弹），已拒绝打开")
    try:
        return archive.read(member)
    except KeyError:
        if required:
            raise SourceError(f"“{name}”不是 Word 文档：缺少正文部分（{member}）") from None
        return None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise SourceError(f"“{name}”已损坏或不完整，无法读取其正文") from None


def _parse_xml(data: bytes, name: str):
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise SourceError(f"“{name}”含有 DTD/实体声明，正常的 Word 文档不会有，为安全起见已拒绝打开")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(f"“{name}”的内容已损坏（{error.msg}），无法读取") from None


def _style_info(root) -> dict[str, tuple[int, bool]]:
    """styleId → (outline level 1-9 or 0, bold), following basedOn chains."""
    raw = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        based = style.find(f"{W}basedOn")
        raw[style_id] = (
            int(outline.get(f"{W}val")) + 1 if outline is not None and outline.get(f"{W}val", "").isdigit() else 0,
            _is_on(style.find(f"{W}rPr/{W}b")),
            based.get(f"{W}val") if based is not None else None,
        )
    resolved = {}
    for style_id in raw:
        level, bold, base, seen = *raw[style_id][:2], raw[style_id][2], {style_id}
        while base in raw and base not in seen and (not level or bold is None):
            seen.add(base)
            level = level or raw[base][0]
            bold = bold if bold is not None else raw[base][1]
            base = raw[base][2]
        resolved[style_id] = (level, bool(bold))
    return resolved


def _is_on(element) -> bool | None:
    if element is None:
        return None
    return element.get(f"{W}val", "true") not in ("0", "false", "off")


def _paragraphs(root, styles):
    body = root.find(f"{W}body")
    if body is None:
        return
    for element in body.iter(f"{W}p", f"{W}tbl"):
        if element.tag == f"{W}tbl":
            yield from _table_rows(element)
        elif not _inside_table(element):
            yield _paragraph(element, styles)


def _inside_table(paragraph) -> bool:
    return any(ancestor.tag == f"{W}tc" for ancestor in paragraph.iterancestors())


def _table_rows(table):
    """Tables are kept as text: one paragraph per row, cells separated by a tab."""
    for row in table.iter(f"{W}tr"):
        cells = ["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
        yield SourceParagraph("\t".join(cells).strip())


def _paragraph(paragraph, styles) -> SourceParagraph:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    level, style_bold = styles.get(style.get(f"{W}val") if style is not None else "", (0, False))
    outline = paragraph.find(f"{W}pPr/{W}outlineLvl")
    if outline is not None and outline.get(f"{W}val", "").isdigit():
        level = int(outline.get(f"{W}val")) + 1
    number_level = paragraph.find(f"{W}pPr/{W}numPr/{W}ilvl")
    has_number = paragraph.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    numbered = (int(number_level.get(f"{W}val", "0")) + 1 if number_level is not None else 1) if has_number else 0
    text, bold_prefix, still_bold = "", 0, True
    for run in paragraph.iter(f"{W}r"):
        piece = "".join(_run_text(run))
        if not piece:
            continue
        bold = _is_on(run.find(f"{W}rPr/{W}b"))
        bold = style_bold if bold is None else bold
        if still_bold and bold:
            bold_prefix += len(piece)
        elif piece.strip():
            still_bold = False
        text += piece
    stripped = text.strip()
    lead_space = len(text) - len(text.lstrip())
    return SourceParagraph(stripped, max(0, min(bold_prefix - lead_space, len(stripped))), level if level <= 9 else 0,
                           numbered)


def _run_text(run):
    for child in run:
        if child.tag == f"{W}t":
            yield child.text or ""
        elif child.tag == f"{W}tab":
            yield "\t"
        elif child.tag in (f"{W}br", f"{W}cr"):
            yield "\n"
