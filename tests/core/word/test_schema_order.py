"""Word refuses a file whose property elements are out of the schema's order; LibreOffice does not care.
This checks the order of every pPr, rPr, sectPr, tblPr and style we write against ECMA-376's sequences."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from drafter.core import actions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQUENCES = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
            "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
            "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
            "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
               "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
               "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
              "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
              "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"],
    "styles": ["docDefaults", "latentStyles", "style"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
}


@pytest.fixture(scope="module")
def parts(tmp_path_factory, annual_template, style, fill):
    report = fill(annual_template)
    report.meta.recipient = "市委"
    for field in report.fields.values():
        field.previous = field.value
    path = tmp_path_factory.mktemp("order") / "r.docx"
    actions.export_project(report, style, path, comparison_table=True)
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml")}


def local(element) -> str:
    return etree.QName(element).localname


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"])
def test_children_follow_the_schema_sequence(parts, part):
    checked = 0
    for element in parts[part].iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(W):
            continue
        sequence = SEQUENCES.get(local(element))
        if sequence is None:
            continue
        names = [local(child) for child in element if isinstance(child.tag, str)]
        unknown = [name for name in names if name not in sequence]
        assert not unknown, f"{part}: unexpected {unknown} in {local(element)}"
        positions = [sequence.index(name) for name in names]
        assert positions == sorted(positions), f"{part}: {local(element)} children out of order: {names}"
        checked += 1
    assert checked > 5
