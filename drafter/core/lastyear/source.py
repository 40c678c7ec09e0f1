"""Reading last year's document: .docx (as Word and WPS write it) or .txt, safely, into plain paragraphs."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from pathlib import Path

from lxml import etree

from drafter.core.errors import UserFacingError
from drafter.core.lastyear.textfile import UnknownEncoding, decode_text
from drafter.core.lastyear.wordxml import W, BodyReader, Piece, read_notes, read_numbering, read_styles
from drafter.core.report import fileio

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # a zip member that unpacks to 200x its size is a bomb, not a report
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SourceError(UserFacingError, ValueError):
    """A file that cannot be imported; the message names it and says what to do, in Chinese."""


SourceParagraph = Piece


def read_source(path: Path) -> tuple[list[SourceParagraph], Counter]:
    """Last year's paragraphs (and tables) from a .txt or .docx, and what reading left out."""
    path = Path(path)
    if path.name.startswith("~$"):
        raise SourceError(f"“{path.name}”是 Word 打开文档时生成的临时锁定文件，不是文稿本身；请选择不带 ~$ 的原文件")
    raw = file_bytes(path)
    if not raw.strip():
        raise SourceError(f"“{path.name}”是空文件")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".text"):
        try:
            text = decode_text(raw, path.name)
        except UnknownEncoding as error:
            raise SourceError(str(error)) from None
        return text_pieces(text), Counter()
    if suffix in (".doc", ".wps") or raw.startswith(OLE2_MAGIC):
        raise SourceError(_ole_message(path, suffix))
    return read_docx(raw, path.name)


def file_bytes(path: Path) -> bytes:
    """A document's bytes, or SourceError naming it: missing, unreadable, or too big to be a report."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
    except FileNotFoundError:
        raise SourceError(f"找不到文件“{path}”") from None
    except OSError as error:
        raise SourceError(f"无法读取“{path}”：{fileio.read_reason(error)}") from None
    if raw is None:
        raise SourceError(f"“{path.name}”超过 100 MB，不像是一份工作报告")
    return raw


def text_pieces(text: str) -> list[SourceParagraph]:
    """A text file's lines as paragraphs; a run of lines of cells split by tabs (a table copied out of Word or Excel)
    as one table."""
    pieces: list[SourceParagraph] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip("\r\n").split("\t")]
        if len([cell for cell in cells if cell]) < 2:
            pieces.append(SourceParagraph(line.strip()))
        elif pieces and pieces[-1].rows is not None:
            pieces[-1].rows.append(cells)
        else:
            pieces.append(SourceParagraph("", rows=[cells]))
    return pieces


def _ole_message(path: Path, suffix: str) -> str:
    if suffix in (".doc", ".wps"):
        return (f"“{path.name}”是旧版 {suffix} 格式，无法直接导入。请在 Word 或 WPS 中打开它，"
                "“另存为”Word 文档（*.docx）后再导入")
    return (f"“{path.name}”是加密的或旧版（.doc/.wps）Word 文件，无法读取。请在 Word 或 WPS 中打开，"
            "取消密码保护，并“另存为”Word 文档（*.docx）后再导入")


def read_docx_bytes(raw: bytes, name: str) -> list[SourceParagraph]:
    return read_docx(raw, name)[0]


def read_docx(raw: bytes, name: str) -> tuple[list[SourceParagraph], Counter]:
    """The body's paragraphs and tables in order, and how many comments, revisions, boxes, images were left out."""
    head = raw[:512].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        raise SourceError(f"“{name}”实际是 RTF 文件（只是扩展名为 .docx）。请在 Word 中打开并另存为 Word 文档（*.docx）")
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"mime-version")) or b"<html" in head:
        raise SourceError(f"“{name}”实际是网页（HTML）文件。请在 Word 中打开并另存为 Word 文档（*.docx）")
    if not raw.startswith(b"PK"):
        raise SourceError(f"“{name}”不是 Word 文档（.docx），也不是文本文件（.txt）")
    parts = docx_members(raw, name, {f"word/{member}.xml": member == "document"
                                     for member in ("document", "styles", "numbering", "footnotes", "endnotes")})
    parts = {member.removeprefix("word/").removesuffix(".xml"): data for member, data in parts.items()}
    if not parts["document"]:
        raise SourceError(f"“{name}”的正文部分是空的，文件已损坏，无法读取")
    roots = {member: parse_xml(data, name) if data else None for member, data in parts.items()}
    body = roots["document"].find(f"{W}body")
    notes = read_notes(roots["footnotes"]) | read_notes(roots["endnotes"], "endnote")  # endnotes print as footnotes
    reader = BodyReader(read_styles(roots["styles"]), read_numbering(roots["numbering"]), notes)
    pieces = list(reader.pieces(body)) if body is not None else []
    return pieces, reader.left_out


def docx_members(raw: bytes, name: str, wanted: dict[str, bool]) -> dict[str, bytes | None]:
    """The zip members named (each required or not; None for one absent), read with the checks every .docx gets."""
    try:
        # ValueError, OSError: a central directory that lies; NotImplementedError: one asking for a zip version or a
        # compression zipfile cannot read
        archive = zipfile.ZipFile(io.BytesIO(raw))
        return {member: read_member(archive, member, name, required) for member, required in wanted.items()}
    except SourceError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise SourceError(f"“{name}”已损坏或不完整（可能没有下载或复制完），无法打开") from None


def read_member(archive: zipfile.ZipFile, member: str, name: str, required: bool = True) -> bytes | None:
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
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError, NotImplementedError, RuntimeError):
        # A damaged zip surfaces as any of these (bad CRC, bad deflate data, a seek before the start,
        # an unknown compression method, an encrypted member); each is the same thing to the user.
        raise SourceError(f"“{name}”已损坏或不完整，无法读取其正文") from None


def parse_xml(data: bytes, name: str):
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise SourceError(f"“{name}”含有 DTD/实体声明，正常的 Word 文档不会有，为安全起见已拒绝打开")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(f"“{name}”的内容已损坏（{error.msg}），无法读取") from None
