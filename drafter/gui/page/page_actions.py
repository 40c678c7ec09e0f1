"""What the window does for the page: typing, Ctrl+B, Enter, joins and pastes as undoable commands."""

from __future__ import annotations

from drafter import paths
from drafter.core.report.model import Paragraph
from drafter.gui import commands, dialogs


class PageActions:
    """Mixed into MainWindow; each structural change is one undo step (a macro of its commands)."""

    def connect_page(self) -> None:
        page = self.page
        page.edited.connect(self.push_text_edit)
        page.lead_changed.connect(self.set_lead)
        page.split_requested.connect(self.split_paragraph)
        page.join_requested.connect(self.join_paragraphs)
        page.heading_enter.connect(self.first_paragraph_of)
        page.paste_requested.connect(self.paste_paragraphs)
        page.node_focused.connect(self.follow_page)
        page.field_activated.connect(self.show_field_in_form)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))

    def _macro(self, text: str, steps) -> None:
        self.undo_stack.beginMacro(text)
        try:
            for step in steps:
                self.undo_stack.push(step)
        finally:
            self.undo_stack.endMacro()

    def _set_text(self, paragraph: Paragraph, whole: str) -> list:
        """Commands that make lead + body read `whole`, the lead kept as long as it fits."""
        lead = paragraph.lead if whole.startswith(paragraph.lead) else whole
        body = whole[len(lead):]
        steps = []
        if lead != paragraph.lead:
            steps.append(commands.EditText(self, paragraph, "lead", lead))
        if body != paragraph.body:
            steps.append(commands.EditText(self, paragraph, "body", body))
        return steps

    def set_lead(self, paragraph: Paragraph, lead: str, body: str) -> None:
        self._macro(self.tr("设为段首句") if lead else self.tr("取消段首句"),
                    [commands.EditText(self, paragraph, "lead", lead), commands.EditText(self, paragraph, "body", body)])

    def split_paragraph(self, paragraph: Paragraph, before: str, after: str) -> None:
        container = self.outline.parent(paragraph)
        fresh = Paragraph(body=after)
        split_at = len(before)  # before: the whole text ahead of the caret, lead and all
        self._macro(self.tr("分段"), [commands.PlaceCaret(self, paragraph, split_at, on_redo=False),
                                    *self._set_text(paragraph, before),
                                    commands.InsertNode(self, container, fresh, self.outline.own_index(paragraph) + 1,
                                                        self.tr("分段")),
                                    commands.PlaceCaret(self, fresh, 0, on_redo=True)])

    def join_paragraphs(self, kept: Paragraph, joined: Paragraph) -> None:
        join_at = len(kept.lead + kept.body)
        self._macro(self.tr("合并段落"), [commands.PlaceCaret(self, kept, join_at, on_redo=False),
                                        commands.EditText(self, kept, "body", kept.body + joined.lead + joined.body),
                                        commands.RemoveNode(self, joined),
                                        commands.PlaceCaret(self, kept, join_at, on_redo=True)])

    def first_paragraph_of(self, section) -> None:
        fresh = Paragraph()
        self.undo_stack.push(commands.InsertNode(self, section, fresh, 0, self.tr("添加段落")))
        self.page.show_node(fresh)

    def paste_paragraphs(self, paragraph: Paragraph, before: str, after: str, lines: list[str]) -> None:
        """Pasted lines become paragraphs: the first ends this one, the last starts what followed the cursor.
        Figures in them are offered as new fields, made as import makes them, in the same undo step."""
        steps = []
        from drafter.core.lastyear.pasted import fields_in_pasted  # the importer's finder loads when text is pasted

        converted, fields = fields_in_pasted(lines, self.report.fields, paths.lexicon())
        if fields and self.ask_fields_from_paste(len(fields)):
            lines = converted
            steps.append(commands.AddFields(self, fields))
        if len(lines) == 1:
            steps += self._set_text(paragraph, before + lines[0] + after)
            self._macro(self.tr("粘贴"), steps)
            self.page.show_node(paragraph, len(before + lines[0]))
            return
        container = self.outline.parent(paragraph)
        index = self.outline.own_index(paragraph)
        middle = [Paragraph(body=line) for line in lines[1:-1]] + [Paragraph(body=lines[-1] + after)]
        steps += self._set_text(paragraph, before + lines[0])
        steps += [commands.InsertNode(self, container, node, index + offset, self.tr("粘贴"))
                  for offset, node in enumerate(middle, 1)]
        self._macro(self.tr("粘贴 %1 段").replace("%1", str(len(lines))), steps)
        self.page.show_node(middle[-1], len(lines[-1]))

    def ask_fields_from_paste(self, count: int) -> bool:
        answer = dialogs.QMessageBox.question(self, self.tr("粘贴"), self.tr(
            "粘贴的文字中有 %1 个数字，设为统计数据吗？（名称按上下文拟好，可在右侧修改）").replace("%1", str(count)),
            dialogs.QMessageBox.Yes | dialogs.QMessageBox.No, dialogs.QMessageBox.Yes)
        return answer == dialogs.QMessageBox.Yes

    def follow_page(self, node) -> None:
        """The outline follows the cursor (without moving the cursor back to the start of its paragraph)."""
        self._following_page = True
        try:
            self.select_node(node)
        finally:
            self._following_page = False
        self.show_compared(node)

    def show_field_in_form(self, name: str) -> None:
        if name in self.report.fields:
            self.side_tabs.setCurrentWidget(self.form)
            self.form.show_field(name).input.setFocus()
