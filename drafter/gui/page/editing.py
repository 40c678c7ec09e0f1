"""The window's outline and text actions: add, remove and move nodes; insert fields or make them from figures."""

from __future__ import annotations

from drafter import paths
from drafter.core.report.model import Paragraph, Section
from drafter.core.report.outline import Group
from drafter.core.text.pieces import field_source
from drafter.gui import commands, dialogs


class EditingActions:
    """Mixed into MainWindow; every change goes on the undo stack as a command."""

    # Outline commands

    def add_part(self) -> None:
        section = Section(self.tr("新的部分"), [Paragraph(lead="", body="")])
        self.undo_stack.push(commands.InsertNode(self, None, section, len(self.report.parts), self.tr("添加部分")))

    def add_subsection(self) -> None:
        parent = self._selected_section()
        if parent is None or self.outline.level(parent) >= 4:
            self.statusBar().showMessage(self.tr("请先选中一个标题（最多四级）"), 4000)
            return
        section = Section(self.tr("新的小节"), [Paragraph()])
        self.undo_stack.push(commands.InsertNode(self, parent, section, len(parent.children), self.tr("添加下级标题")))

    def add_paragraph(self) -> None:
        node = self.selected_node() or self.outline.opening
        if isinstance(node, Paragraph):
            container, index = self.outline.parent(node), self.outline.own_index(node) + 1
        else:
            container = node
            index = len(container.paragraphs)
        self.undo_stack.push(commands.InsertNode(self, container, Paragraph(), index, self.tr("添加段落")))

    def remove_selected(self) -> None:
        node = self.selected_node()
        if isinstance(node, (Section, Paragraph)):
            self.undo_stack.push(commands.RemoveNode(self, node))

    def move_selected(self, delta: int) -> None:
        node = self.selected_node()
        if isinstance(node, (Section, Paragraph)):
            self.undo_stack.push(commands.MoveNode(self, node, delta))

    def _selected_section(self):
        node = self.selected_node()
        while node is not None and not isinstance(node, (Section, Group)):
            node = self.outline.parent(node)
        return node if isinstance(node, Section) else None

    # Fields in the text

    def insert_field(self) -> None:
        """Ctrl+I: a field at the page's cursor, chosen from a list."""
        slot = self.page.current_slot()
        if slot is None or slot.kind == "fixed":
            self.statusBar().showMessage(self.tr("请先在页面上点到要插入的位置"), 4000)
            return
        from drafter.gui.form.field_picker import pick_field  # a dialog: loaded when first opened

        field = pick_field(self, self.report.fields)
        if field is not None:
            self.page.setFocus()
            self.page.insert_field(field.name)

    def field_from_selection(self) -> None:
        """Ctrl+Shift+I: the figure selected on the page becomes a field, named as the importer would name it."""
        around = self.page.selection_source()
        if around is None:
            self.statusBar().showMessage(self.tr("请先在页面上选中一个数字，如“12次”"), 4000)
            return
        before, selected, after = around
        paragraph = self.page.current_slot().node
        from drafter.core.text import figures  # with the lexicon it reads: loaded when first asked for, not at start

        try:
            figure = figures.parse_figure(selected, paths.lexicon())
        except figures.FigureError as error:
            dialogs.QMessageBox.information(self, self.tr("设为统计数据"), str(error))
            return
        taken = {field.label for field in self.report.fields.values()}
        label = self.ask_field_label(selected, figures.suggest_label(figure, before, after, paths.lexicon(), taken))
        if not label:
            return
        name = figures.new_field_name(set(self.report.fields))
        field = figures.field_from_figure(figure, name, label)
        whole = before + field_source(name) + after
        if len(before) >= len(paragraph.lead):
            attribute, text = "body", whole[len(paragraph.lead):]
        elif len(before) + len(selected) <= len(paragraph.lead):
            attribute, text = "lead", whole[: len(whole) - len(paragraph.body)]
        else:
            self.statusBar().showMessage(self.tr("选中的文字跨了段首句和正文，请只选数字"), 4000)
            return
        self.undo_stack.push(commands.AddField(self, field, paragraph, attribute, text))

    def rename_field(self, field) -> None:
        label = self.ask_new_label(field)
        if not label or label == field.label:
            return
        if any(other.label == label for other in self.report.fields.values() if other is not field):
            dialogs.QMessageBox.information(self, self.tr("修改名称"), self.tr("已有名为“%1”的统计数据").replace("%1", label))
            return
        self.undo_stack.push(commands.RenameField(self, field, label))
        self.form.show_field(field.name)  # the form was rebuilt: the renamed row stays where the user is looking

    def ask_new_label(self, field) -> str:
        label, ok = dialogs.QInputDialog.getText(self, self.tr("修改名称"), self.tr("新的名称："), text=field.label)
        return label.strip() if ok else ""

    def ask_field_label(self, selected: str, suggestion: str = "") -> str:
        label, ok = dialogs.QInputDialog.getText(self, self.tr("设为统计数据"),
                                         self.tr("“%1”是什么数据？（如：开展学习次数）").replace("%1", selected),
                                         text=suggestion)
        return label.strip() if ok else ""
