"""Writing corpus lines as a .docx package the way Word and WPS write them (raw WordprocessingML)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .document import Line, Report

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
WORD_NUMBERING = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]


@dataclass
class Flavour:
    """How a corpus file is written: which of the ways offices write Word files it uses."""

    headings: str = "typed"  # typed | styles | numbering | wps
    bold_headings: bool = True
    per_char: bool = False  # WPS: one run per character
    indent: str = ""  # typed spaces at the start of body paragraphs (　　)
    soft_break_heading: bool = False  # a heading and its first sentence in one paragraph, split by a line break
    pdf_breaks: bool = False  # body paragraphs cut mid-sentence by line breaks (pasted from a PDF)
    run_in: bool = False  # （一）标题。正文 in one paragraph
    textbox: bool = False  # one body paragraph inside a text box (drawing + VML fallback)
    tracked: bool = False  # insertions, deletions, a move and a comment
    toc: bool = False
    redhead: bool = False  # 发文机关标志, 文号 above, 版记 below
    title_split: bool = False  # the title typed over two paragraphs
    recipient: str = ""
    record_table: bool = False  # 版记 (抄送, 印发) laid out as a table after the date
    bold_items: bool = False  # 1.标题。 in bold, run into the item's first paragraph


class Writer:
    """Collects body XML, numbering, footnotes and comments for one package."""

    def __init__(self, flavour: Flavour):
        self.flavour = flavour
        self.body: list[str] = []
        self.footnotes: list[str] = []
        self.comments: list[str] = []
        self.numbering: list[tuple[int, list[tuple[str, str]]]] = []  # (abstract id, levels); numId = index + 1
        self.revision = 100

    # -- runs and paragraphs --------------------------------------------------------------------
    def runs(self, text: str, bold: bool = False) -> str:
        if not text:
            return ""
        properties = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
        pieces = list(text) if self.flavour.per_char else text.split("\n")
        if self.flavour.per_char:
            return "".join("<w:r>" + properties + ("<w:br/>" if char == "\n" else self._t(char)) + "</w:r>"
                           for char in pieces)
        return "<w:r>" + properties + "<w:br/>".join(self._t(piece) for piece in pieces) + "</w:r>"

    @staticmethod
    def _t(text: str) -> str:
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'

    def paragraph(self, content: str, style: str = "", numbering: tuple[int, int] | None = None,
                  centre: bool = False) -> str:
        properties = f'<w:pStyle w:val="{style}"/>' if style else ""
        if numbering:
            properties += f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
        if centre:
            properties += '<w:jc w:val="center"/>'
        return f"<w:p>{'<w:pPr>' + properties + '</w:pPr>' if properties else ''}{content}</w:p>"

    def add(self, xml: str) -> None:
        self.body.append(xml)

    # -- special content ------------------------------------------------------------------------
    def footnote(self, text: str) -> str:
        number = len(self.footnotes) + 1
        self.footnotes.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                              f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                              f'{self.runs(" " + text)}</w:p></w:footnote>')
        return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>')

    def comment(self, text: str) -> tuple[str, str]:
        number = len(self.comments)
        self.comments.append(f'<w:comment w:id="{number}" w:author="审核人" w:date="2024-01-05T09:00:00Z">'
                             f"<w:p>{self.runs(text)}</w:p></w:comment>")
        return (f'<w:commentRangeStart w:id="{number}"/>',
                f'<w:commentRangeEnd w:id="{number}"/><w:r><w:commentReference w:id="{number}"/></w:r>')

    def tracked(self, tag: str, text: str) -> str:
        self.revision += 1
        if tag == "del":
            return (f'<w:del w:id="{self.revision}" w:author="起草人" w:date="2024-01-04T10:00:00Z">'
                    f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')
        return (f'<w:{tag} w:id="{self.revision}" w:author="起草人" w:date="2024-01-04T10:00:00Z">'
                f"{self.runs(text)}</w:{tag}>")

    def textbox(self, paragraph_xml: str) -> str:
        """A text box as Word 2010+ writes it: the drawing, and a VML copy for older readers."""
        inner = f"<w:txbxContent>{paragraph_xml}</w:txbxContent>"
        return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
                'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
                '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                '<wp:extent cx="5400000" cy="1400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                '<wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
                '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
                '<a:ext cx="5400000" cy="1400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                f'</wps:spPr><wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
                '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                '<v:shape id="文本框 1" style="width:425pt;height:110pt" type="#_x0000_t202">'
                f"<v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")

    def table(self, rows: list[list[str]]) -> str:
        cells = "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>"
                                           f"{self.paragraph(self.runs(cell), centre=True)}</w:tc>" for cell in row)
                        + "</w:tr>" for row in rows)
        grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
        return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                f"<w:tblGrid>{grid}</w:tblGrid>{cells}</w:tbl>")

    def new_list(self, levels: list[tuple[str, str]], abstract: int | None = None) -> int:
        """A w:num over an abstract list (a new abstract when none is given); returns the numId."""
        self.numbering.append((abstract if abstract is not None else len(self.numbering), levels))
        return len(self.numbering)

    # -- the package ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        parts = {"word/document.xml": f'<w:document {NS}><w:body>{"".join(self.body)}'
                                      f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
                 "word/styles.xml": STYLES}
        relations = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'relationships/styles" Target="styles.xml"/>']
        types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.styles+xml"/>']
        for part, kind, xml in self._extra_parts():
            parts[f"word/{part}.xml"] = xml
            relations.append(f'<Relationship Id="rId{len(relations) + 1}" Type="http://schemas.openxmlformats.org/'
                             f'officeDocument/2006/relationships/{part}" Target="{part}.xml"/>')
            types.append(f'<Override PartName="/word/{part}.xml" ContentType="application/vnd.openxmlformats-'
                         f'officedocument.wordprocessingml.{kind}+xml"/>')
        parts["word/_rels/document.xml.rels"] = RELS.format("".join(relations))
        parts["[Content_Types].xml"] = TYPES.format("".join(types))
        parts["_rels/.rels"] = ROOT_RELS
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, xml in parts.items():
                archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)

    def _extra_parts(self):
        if self.numbering:
            yield "numbering", "numbering", self._numbering_xml()
        if self.footnotes:
            separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                          '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                          '</w:r></w:p></w:footnote>')
            yield "footnotes", "footnotes", f'<w:footnotes {NS}>{separators}{"".join(self.footnotes)}</w:footnotes>'
        if self.comments:
            yield "comments", "comments", f'<w:comments {NS}>{"".join(self.comments)}</w:comments>'

    def _numbering_xml(self) -> str:
        abstracts, nums, seen = [], [], set()
        for index, (abstract, levels) in enumerate(self.numbering, 1):
            if abstract not in seen:
                seen.add(abstract)
                lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                               f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                               f'<w:pPr><w:ind w:left="{420 * (i + 1)}" w:hanging="420"/></w:pPr></w:lvl>'
                               for i, (fmt, text) in enumerate(levels))
                abstracts.append(f'<w:abstractNum w:abstractNumId="{abstract}">{lvls}</w:abstractNum>')
            nums.append(f'<w:num w:numId="{index}"><w:abstractNumId w:val="{abstract}"/>'
                        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
        return f'<w:numbering {NS}>{"".join(abstracts)}{"".join(nums)}</w:numbering>'


def _style(style_id: str, name: str, outline: int | None = None, bold: bool = False, based: str = "Normal") -> str:
    outline_xml = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ""
    bold_xml = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{based}"/>{outline_xml}{bold_xml}</w:style>')


STYLES = (f'<w:styles {NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          "</w:style>" + _style("Heading1", "heading 1", 0, True) + _style("Heading2", "heading 2", 1, True)
          + _style("Heading3", "heading 3", 2, True) + _style("Title", "Title", None, True)
          + _style("TOC1", "toc 1") + _style("TOC2", "toc 2", based="TOC1") + _style("FootnoteText", "footnote text")
          + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>')
ROOT_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/></Relationships>')
TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>{}</Types>')


def write(report: Report, flavour: Flavour, path: Path) -> None:
    """The report's lines written into a .docx at path, in the given flavour."""
    from .layout import lay_out

    writer = Writer(flavour)
    lay_out(report, writer)
    writer.save(path)


__all__ = ["Flavour", "Line", "Writer", "write"]
