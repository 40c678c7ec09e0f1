"""Every QUndoCommand, undone and redone through the window's stack: the whole report (as its project file
would hold it) is as before after undo and as after after redo. A command whose undo did nothing fails here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.report.convert import report_to_data
from drafter.core.report.model import Field, Paragraph
from drafter.core.years.checks import Finding
from drafter.core.years.fixes import apply_fix
from drafter.gui import commands


def make_edit_text(window):
    return commands.EditText(window, window.report.parts[0].paragraphs[0], "body", "改写后的正文。")


def make_insert(window):
    part = window.report.parts[1]
    return commands.InsertNode(window, part, Paragraph(body="新的一段。"), len(part.paragraphs), "添加段落")


def make_remove(window):
    return commands.RemoveNode(window, window.report.parts[2].paragraphs[0])


def make_move(window):
    return commands.MoveNode(window, window.report.parts[2], -1)


def make_relocate(window):
    return commands.RelocateNode(window, window.report.parts[0].paragraphs[0], window.report.parts[3], 0)


def make_set_field(window):
    return commands.SetField(window, window.report.fields["seminars"], Decimal(7))


def make_set_meta(window):
    return commands.SetMeta(window, "organisation", "某某单位")


def make_rename(window):
    return commands.RenameField(window, window.report.fields["seminars"], "专题研讨会次数")


def make_add_field(window):
    paragraph = window.report.opening[0]
    field = Field(name="figure_1", label="走访群众人数", unit="名", value=Decimal(300))
    return commands.AddField(window, field, paragraph, "body", paragraph.body + "走访{{ figure_1 }}群众。")


def make_apply_fix(window):
    paragraph = window.report.parts[0].paragraphs[0]
    paragraph.body = "全年学习,效果明显。"
    finding = Finding("half_width_punctuation", "warning", "某处", "半角", fix="punctuation", node_id=paragraph.id)
    return commands.ApplyFix(window, finding, lambda: apply_fix(window.report, finding))


MAKERS = [make_edit_text, make_insert, make_remove, make_move, make_relocate, make_set_field, make_set_meta,
          make_rename, make_add_field, make_apply_fix]


@pytest.mark.parametrize("maker", MAKERS, ids=[maker.__name__.removeprefix("make_") for maker in MAKERS])
def test_undo_restores_and_redo_repeats_the_change(window, maker):
    if maker is make_apply_fix:  # the fix is applied while the command is made: its text is changed first
        paragraph = window.report.parts[0].paragraphs[0]
        window.push_text_edit(paragraph, "body", "全年学习,效果明显。")
    before = report_to_data(window.report)
    window.undo_stack.push(maker(window))
    after = report_to_data(window.report)
    assert after != before, "the command changed nothing"
    window.undo_stack.undo()
    assert report_to_data(window.report) == before
    window.undo_stack.redo()
    assert report_to_data(window.report) == after
