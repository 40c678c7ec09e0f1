"""Laying a corpus report's lines out as Word paragraphs in one flavour (numbering, runs, boxes, revisions)."""

from __future__ import annotations

from .document import Line, Report
from .wordml import WORD_NUMBERING, Writer


def lay_out(report: Report, writer: Writer) -> None:
    flavour = writer.flavour
    lines = list(report.lines)
    lists = _Lists(writer)
    body_seen = 0
    index = 0
    if flavour.redhead:
        writer.add(writer.paragraph(writer.runs(f"{report.organisation}文件"), centre=True))
        writer.add(writer.paragraph(writer.runs(f"示发〔{report.year + 1}〕3号"), centre=True))
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if line.kind == "title":
            _title(writer, line, report)
        elif line.kind == "heading":
            joined = following is not None and following.kind == "body" and (
                (line.level == 2 and (flavour.soft_break_heading or flavour.run_in))
                or (line.level == 3 and flavour.bold_items))
            _heading(writer, lists, line, following if joined else None)
            index += 2 if joined else 1
            continue
        elif line.kind == "body":
            body_seen += 1
            _body(writer, line, body_seen)
        elif line.kind == "table":
            writer.add(writer.table(line.rows))
        else:
            writer.add(writer.paragraph(writer.runs(line.text)))
        index += 1
    if flavour.record_table:
        writer.add(writer.table([["抄送：县委办公室，县政府办公室。", ""],
                                 [f"{report.organisation}办公室", f"{report.year + 1}年1月15日印发"]]))
    if flavour.redhead:
        writer.add(writer.paragraph(writer.runs("抄送：县委办公室，县人大常委会办公室，县政府办公室。")))
        writer.add(writer.paragraph(writer.runs(f"{report.organisation}办公室　　　　　　{report.year + 1}年1月15日印发")))


def _title(writer: Writer, line: Line, report: Report) -> None:
    flavour = writer.flavour
    if flavour.title_split and str(report.year) in line.text:
        cut = line.text.index(str(report.year))
        for piece in (line.text[:cut], line.text[cut:]):
            writer.add(writer.paragraph(writer.runs(piece), centre=True))
    else:
        style = "Title" if flavour.headings == "styles" else ""
        writer.add(writer.paragraph(writer.runs(line.text), style=style, centre=True))
    if flavour.toc:
        _toc(writer, report)
    if flavour.recipient:
        writer.add(writer.paragraph(writer.runs(flavour.recipient + "：")))


def _toc(writer: Writer, report: Report) -> None:
    entries = [writer.paragraph(writer.runs("目　录"), centre=True)]
    for page, line in enumerate((line for line in report.lines if line.kind == "heading" and line.level <= 2), 2):
        link = (f'<w:hyperlink w:anchor="_Toc{page}">{writer.runs(line.number + line.text)}<w:r><w:tab/></w:r>'
                f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF '
                f'_Toc{page} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'{writer.runs(str(page // 3 + 1))}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>')
        entries.append(writer.paragraph(link, style=f"TOC{line.level}"))
    writer.add('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
               f'</w:docPartObj></w:sdtPr><w:sdtContent>{"".join(entries)}</w:sdtContent></w:sdt>')


class _Lists:
    """The numbering a heading gets: one multi-level list (Word) or a new list per level and parent (WPS)."""

    def __init__(self, writer: Writer):
        self.writer = writer
        self.word = writer.new_list(WORD_NUMBERING) if writer.flavour.headings == "numbering" else 0
        self.wps_parts = writer.new_list([WORD_NUMBERING[0]]) if writer.flavour.headings == "wps" else 0
        self.wps_current = {}

    def numbering(self, level: int) -> tuple[int, int] | None:
        if self.word:
            return self.word, level - 1
        if not self.wps_parts:
            return None
        if level == 1:
            self.wps_current.clear()
            return self.wps_parts, 0
        for deeper in [key for key in self.wps_current if key > level]:
            del self.wps_current[deeper]
        if level not in self.wps_current:
            form = ("chineseCounting", "（%1）") if level == 2 else ("decimal", "%1." if level == 3 else "（%1）")
            self.wps_current[level] = self.writer.new_list([form], abstract=10 + level)
        return self.wps_current[level], 0


def _heading(writer: Writer, lists: _Lists, line: Line, first: Line | None) -> None:
    flavour = writer.flavour
    numbering = lists.numbering(line.level)
    text = line.text if numbering else line.number + line.text
    style = f"Heading{line.level}" if flavour.headings == "styles" and line.level <= 3 else ""
    bold = flavour.bold_headings and line.level == 1 and not style
    if first is None:
        writer.add(writer.paragraph(writer.runs(text, bold), style=style, numbering=numbering))
    elif line.level == 3 and flavour.bold_items:
        writer.add(writer.paragraph(writer.runs(text + "。", True) + writer.runs(first.text), numbering=numbering))
    elif flavour.run_in:
        writer.add(writer.paragraph(writer.runs(text + "。") + writer.runs(first.text), numbering=numbering))
    else:
        writer.add(writer.paragraph(writer.runs(text + "\n" + first.text), numbering=numbering))


def _body(writer: Writer, line: Line, count: int) -> None:
    flavour = writer.flavour
    text = _cut_like_a_pdf(line.text) if flavour.pdf_breaks else line.text
    lead = line.lead if flavour.bold_headings else 0
    content = writer.runs(flavour.indent) + writer.runs(text[:lead], True) + writer.runs(text[lead:])
    if line.note:
        content += writer.footnote(line.note)
    if flavour.tracked and count == 2:  # a deleted clause with a figure, an insertion and a comment
        start, end = writer.comment("此处数字请再核实")
        content = (start + writer.tracked("del", "原计划开展调研15次，") + content + end
                   + writer.tracked("ins", "各项工作按期完成。"))
        line.text += "各项工作按期完成。"
    if flavour.tracked and count == 4:  # moved here from the top of the document
        writer.body.insert(2, writer.paragraph(writer.tracked("moveFrom", line.text)))
        content = writer.tracked("moveTo", line.text)
    if flavour.textbox and count == 3:
        writer.add(writer.paragraph(writer.textbox(writer.paragraph(content))))
        return
    writer.add(writer.paragraph(content))


def _cut_like_a_pdf(text: str, width: int = 27) -> str:
    """Line breaks every `width` characters, as text copied out of a PDF keeps them."""
    return "\n".join(text[start:start + width] for start in range(0, len(text), width))
