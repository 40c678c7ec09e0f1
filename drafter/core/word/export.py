"""Rendered → .docx in the official style: the body, footnotes and properties put into the style's cached
shell as zip members (no document model to build and serialise again), verified, written atomically."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from drafter import version
from drafter.core.report import fileio
from drafter.core.word.docxml import (W_NS, east_asian_hint, escape, footnotes_xml, printed_width, run_in_style_id,
                                 table_xml, text_xml)
from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import Block, Rendered, Run
from drafter.core.word.style import Style
from drafter.core.word.wordmeta import (CUSTOM_RELATION, CUSTOM_TYPE, EXPORT_PROPERTY, app_properties_xml,
                                       custom_properties_xml, fresh_document_id)

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
SHELL_VERSION = 1  # raise when shell.build_shell changes what it writes, so cached shells are made again
_DOC_ID = re.compile(rb'(docId w14:val=")[0-9A-Fa-f]+(")')


class ExportError(UserFacingError, OSError):
    """An export that did not happen; the target is untouched and the message says why, in Chinese."""


def export_docx(rendered: Rendered, style: Style, target: Path, author: str = "",
                cache_folder: Path | None = None, remarks: dict[str, list] | None = None) -> str:
    """Write the report to target; on any failure an existing target stays byte-identical. Returns the export's
    id, which the file carries as a custom property (drafter review reads it back)."""
    target = Path(target)
    if target.suffix.lower() != ".docx":
        raise ExportError(f"导出文件“{target}”的扩展名应为 .docx")
    lock = fileio.owner_file(target)
    if lock is not None:
        raise ExportError(f"“{target}”正在 Word 或 WPS 中打开（发现 {lock.name}），请先关闭它，或另存为其他文件名")
    export_id = fresh_document_id()
    data = build_docx(rendered, style, author, cache_folder, export_id, remarks)
    _verify(data, rendered)
    try:
        fileio.atomic_write(target, data, keep_backup=False)
    except fileio.FileWriteError as error:
        raise ExportError(str(error)) from None
    return export_id


def build_docx(rendered: Rendered, style: Style, author: str = "", cache_folder: Path | None = None,
               export_id: str = "", remarks: dict[str, list] | None = None) -> bytes:
    """The whole .docx as bytes: the style's shell with this report's body, footnotes and properties (with
    `export_id`, the custom property that names this export; with `remarks`, block source → the reviewers' comments
    to print as Word 批注 on it)."""
    members = dict(shell_members(style, cache_folder))
    notes: list[str] = []
    comments: list = []
    body = "".join(_commented(_paragraph_xml(block, style, notes), (remarks or {}).get(block.source, []), comments)
                   for block in rendered.blocks)
    if comments:
        _add_comments(members, comments)
    document = members["word/document.xml"]
    at = document.rindex(b"<w:sectPr")  # the body's content goes before its section properties
    members["word/document.xml"] = document[:at] + body.encode("utf-8") + document[at:]
    if notes:
        _add_footnotes(members, notes, style)
    members["docProps/core.xml"] = core_properties_xml(rendered.title, author)
    members["docProps/app.xml"] = app_properties_xml(version(), author)
    if export_id:
        _add_custom_properties(members, {EXPORT_PROPERTY: export_id})
    members["word/settings.xml"] = _DOC_ID.sub(rb"\g<1>" + fresh_document_id().encode() + rb"\g<2>",
                                               members["word/settings.xml"])
    return zip_members(members)


def zip_members(members: dict[str, bytes]) -> bytes:
    """A zip package (a .docx is one) holding these members, deflated, in this order."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return stream.getvalue()


def _add_footnotes(members: dict[str, bytes], notes: list[str], style: Style) -> None:
    """Last year's footnotes as Word footnotes, numbered 1, 2, … in the order they are referenced."""
    members["word/footnotes.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                     + footnotes_xml(notes, style)).encode("utf-8")
    relations = members["word/_rels/document.xml.rels"]
    relation = f'<Relationship Id="rIdNotes" Type="{FOOTNOTES_RELATION}" Target="footnotes.xml"/>'.encode()
    members["word/_rels/document.xml.rels"] = relations.replace(b"</Relationships>", relation + b"</Relationships>")
    override = f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>'.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")


COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _commented(paragraph: str, remarks: list, comments: list) -> str:
    """A paragraph's XML with each comment anchored over its whole text, as Word anchors a comment on a paragraph."""
    if not remarks or not paragraph.startswith("<w:p>"):
        return paragraph
    numbers = range(len(comments), len(comments) + len(remarks))
    comments.extend(remarks)
    head, _, tail = paragraph.partition("</w:pPr>")
    starts = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in numbers)
    ends = "".join(f'<w:commentRangeEnd w:id="{n}"/><w:r><w:commentReference w:id="{n}"/></w:r>' for n in numbers)
    return f"{head}</w:pPr>{starts}{tail[: -len('</w:p>')]}{ends}</w:p>"


def _add_comments(members: dict[str, bytes], remarks: list) -> None:
    items = "".join(
        f'<w:comment w:id="{number}" w:author="{escape(remark.author or "审阅人")}"'
        + (f' w:date="{escape(remark.date)}"' if remark.date else "")
        + f'><w:p><w:r><w:t xml:space="preserve">{text_xml(remark.text)}</w:t></w:r></w:p></w:comment>'
        for number, remark in enumerate(remarks))
    members["word/comments.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                    f'<w:comments xmlns:w="{W_NS}">{items}</w:comments>').encode("utf-8")
    relations = members["word/_rels/document.xml.rels"]
    relation = f'<Relationship Id="rIdComments" Type="{COMMENTS_RELATION}" Target="comments.xml"/>'.encode()
    members["word/_rels/document.xml.rels"] = relations.replace(b"</Relationships>", relation + b"</Relationships>")
    override = f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/>'.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")


def _add_custom_properties(members: dict[str, bytes], properties: dict[str, str]) -> None:
    members["docProps/custom.xml"] = custom_properties_xml(properties)
    relation = f'<Relationship Id="rIdCustom" Type="{CUSTOM_RELATION}" Target="docProps/custom.xml"/>'.encode()
    members["_rels/.rels"] = members["_rels/.rels"].replace(b"</Relationships>", relation + b"</Relationships>")
    override = f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_TYPE}"/>'.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")


def core_properties_xml(title: str, author: str) -> bytes:
    """docProps/core.xml: title and author from the report, created and modified now, revision 1."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            "</cp:coreProperties>").encode("utf-8")


def _verify(data: bytes, rendered: Rendered) -> None:
    """Read back what was built: every part well-formed XML and the body holding one paragraph per block, so a
    file Word would refuse never replaces a good one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = {name: etree.fromstring(package.read(name)) for name in package.namelist()
                     if name.endswith((".xml", ".rels"))}
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as error:
        raise ExportError(f"生成的文档无法重新打开，已放弃写入（{error}）") from None
    body = parts["word/document.xml"].find(f"{{{W_NS}}}body")
    count = 0 if body is None else len(body.findall(f"{{{W_NS}}}p"))
    expected = sum(block.kind != "table" for block in rendered.blocks)
    if count != expected:
        raise ExportError(f"生成的文档段落数（{count}）与报告（{expected}）不符，已放弃写入")


_last_shell: tuple[Style, dict[str, bytes]] | None = None


def shell_members(style: Style, cache_folder: Path | None = None) -> dict[str, bytes]:
    """The style's empty document as zip member name → bytes. Kept for the last style in this process
    (a style is one object while its fonts stay chosen) and, given a cache folder, on disk between runs,
    so a command that exports once skips loading python-docx and its template."""
    global _last_shell
    if _last_shell is None or _last_shell[0] != style:
        _last_shell = (style, _unzip(_cached_shell(style, cache_folder)))
    return _last_shell[1]


def _cached_shell(style: Style, cache_folder: Path | None) -> bytes:
    if cache_folder is None:
        from drafter.core.word.shell import build_shell  # python-docx loads only when a shell has to be made

        return build_shell(style)
    return _shell_from_cache(style, Path(cache_folder)) or _make_and_keep(style, Path(cache_folder))


def _shell_path(style: Style, cache_folder: Path) -> Path:
    key = hashlib.sha256(repr((SHELL_VERSION, version(), style)).encode("utf-8")).hexdigest()[:24]
    return cache_folder / f"shell-{key}.docx"


def _shell_from_cache(style: Style, cache_folder: Path) -> bytes | None:
    try:
        data = _shell_path(style, cache_folder).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            damaged = package.testzip()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
    return None if damaged else data


def _make_and_keep(style: Style, cache_folder: Path) -> bytes:
    from drafter.core.word.shell import build_shell

    data = build_shell(style)
    try:
        cache_folder.mkdir(parents=True, exist_ok=True)
        fileio.atomic_write(_shell_path(style, cache_folder), data, keep_backup=False)
    except (OSError, fileio.FileWriteError):  # a cache that cannot be written only costs time
        pass
    return data


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


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
        before_start, before_name = block.indent
        start = 2 * style.char_width + printed_width(before_start, style)  # the body's 2-character indent first
        hanging = printed_width(before_name, style)
        ppr += f'<w:ind w:left="{round(start + hanging)}" w:hanging="{round(hanging)}"/>'

    runs = []
    if block.kind == "run_in":  # （一）标题。正文: the heading's number and words in its own character style
        heading = style.for_block("heading", block.level)
        ppr += f'<w:outlineLvl w:val="{heading.outline - 1}"/>'  # last in w:pPr: the navigation pane shows it
        runs += [_run_xml(run, bold=False, character_style=run_in_style_id(heading))
                 for run in [Run(block.number), *block.lead]]
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


def _run_xml(run: Run, bold: bool, character_style: str = "") -> str:
    """With the hint its text needs (see docxml.east_asian_hint)."""
    properties = f'<w:rStyle w:val="{character_style}"/>' if character_style else ""
    properties += east_asian_hint(run.text) + ("<w:b/><w:bCs/>" if bold else "")
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
