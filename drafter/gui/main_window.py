"""The drafting window: outline, the page written in directly, and the statistics form around one undo stack."""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QMainWindow, QPushButton, QSplitter, QTabWidget, QTreeView, QVBoxLayout, QWidget,
)

from drafter.core.rendering.render import RenderError, render
from drafter.core.report.document import DraftDocument
from drafter.core.report.model import place_name
from drafter.core.report.outline import Outline
from drafter.core.word.style import missing_fonts, with_font_substitutions
from drafter.gui import commands
from drafter.gui.about import show_about
from drafter.gui.bars import Bar
from drafter.gui.collect.actions import CollectActions
from drafter.gui.review.actions import ReviewActions
from drafter.gui.files import AUTOSAVE_TURN_S, FileActions
from drafter.gui.font_settings import save_substitutions, saved_substitutions
from drafter.gui.form.form import StatisticsForm
from drafter.gui.in_turns import InTurns
from drafter.gui.outline_model import OutlineModel
from drafter.gui.page.editing import EditingActions
from drafter.gui.page.page_actions import PageActions
from drafter.gui.page.page_layout import installed_families
from drafter.gui.page.page_view import CODE_ATOMS, PageView
from drafter.gui.page.printed_lines import FixedLine, TailLines, printed_lines
from drafter.gui.read_only import GuardedStack, ReadOnlyMode
from drafter.gui.side.side_tab_actions import SideTabActions

PREVIEW_DELAY_MS = 300
CHECKS_DELAY_MS = 700  # after the counts: checking a long report takes longer
AUTOSAVE_DELAY_MS = 3000
# Continuous typing keeps pushing the autosave back; after this long it is no longer pushed.
AUTOSAVE_MAX_WAIT_S = 10
MENU_ONLY = "menu-only"  # an action used once a year stays off the toolbar


class MainWindow(FileActions, EditingActions, CollectActions, ReviewActions, PageActions, SideTabActions, ReadOnlyMode,
                 QMainWindow):
    def __init__(self, document: DraftDocument, style, settings: QSettings, recovery_dir, template_folders):
        super().__init__()
        self.base_style, self.settings, self.recovery_dir = style, settings, recovery_dir
        self.style = with_font_substitutions(style, saved_substitutions(settings))
        self.template_folders = template_folders
        self.undo_stack = GuardedStack(self)
        self.undo_stack.refused.connect(self.refuse_edit)
        self.preview_timer = _single_shot(self, PREVIEW_DELAY_MS, self.refresh_preview)
        self.checks_timer = _single_shot(self, CHECKS_DELAY_MS, self.check_in_background)
        self.autosave_timer = _single_shot(self, AUTOSAVE_DELAY_MS, self.autosave)
        self._autosaving = InTurns(self, AUTOSAVE_TURN_S, self._autosaved, (OSError,))  # the recovery copy
        self.last_rendered = None
        self.render_is_current = False  # whether last_rendered is the report as it is (no template error since)
        self.autosave_pending_since = None
        self._build_widgets()
        self._build_actions()
        self.undo_stack.indexChanged.connect(self._on_edit)
        # Bound methods, not lambdas: Qt drops them with the window, so nothing fires into a deleted one.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.set_document(document)
        self.restoreGeometry(settings.value("window/geometry", b""))
        self.splitter.restoreState(settings.value("window/splitter", b""))
        self.page.setFocus()  # typing starts on the page, not on whatever button comes first

    # Layout

    def _build_widgets(self) -> None:
        self.tree = QTreeView()
        # a viewport made here, as the form's: the first ask for the one Qt makes (to repaint the rows) had PySide
        # type it by building every widget class's enums before the first paint (39 M instructions, a fortieth)
        self.tree.setViewport(QWidget())
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.InternalMove)
        self.tree.setDefaultDropAction(Qt.MoveAction)
        self.page = PageView()
        self._following_page = False
        self.connect_page()
        self.form = StatisticsForm()
        self.form.value_entered.connect(self.push_field_value)
        self.form.invalid_entered.connect(self.push_invalid_entry)
        self.form.meta.meta_entered.connect(self.push_meta_edit)
        self.form.rename_requested.connect(self.rename_field)
        self.form.department_requested.connect(self.assign_department)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.form, self.tr("统计数据"))
        self._add_side_tabs()
        self.splitter = splitter = QSplitter()
        for widget, title in ((self.tree, self.tr("提纲")), (self.page, self.tr("正文（直接在页面上修改）"))):
            splitter.addWidget(_titled(widget, title))
        splitter.addWidget(self.side_tabs)
        splitter.setSizes([220, 700, 500])  # the page at its printed line length; the rest to the form
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice = Bar(self.tr("不再提示"), "#fef3c7")  # the official fonts missing here
        self.notice.button.clicked.connect(self.dismiss_font_notice)
        self.read_only_bar = Bar(self.tr("另存为…"), "#fee2e2")  # the project is someone else's (read_only)
        self.read_only_bar.button.clicked.connect(self.save_as)
        layout.addWidget(self.read_only_bar)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.chars_label, self.filled_label, self.autosave_label = QLabel(), QLabel(), QLabel()
        self.open_export_button = QPushButton(self.tr("打开导出的文件"))
        self.open_export_button.setFlat(True)
        self.open_export_button.hide()
        self.open_export_button.clicked.connect(self.open_last_export)
        self.last_export = None
        for label in (self.open_export_button, self.chars_label, self.filled_label, self.autosave_label):
            self.statusBar().addPermanentWidget(label)
        self.resize(1420, 860)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("新建(&N)…"), self.new_from_template, QKeySequence.New)
        self._action(file_menu, self.tr("打开(&O)…"), self.open_dialog, QKeySequence.Open)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self._action(file_menu, self.tr("保存(&S)"), self.save, QKeySequence.Save)
        self._action(file_menu, self.tr("另存为(&A)…"), self.save_as, QKeySequence("Ctrl+Shift+S"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("导入去年文稿(&I)…"), self.import_dialog)
        self._action(file_menu, self.tr("新建下一年度(&Y)"), self.new_next_year).setData(MENU_ONLY)
        self.export_action = self._action(file_menu, self.tr("导出 Word(&E)…"), self.export_dialog, QKeySequence("Ctrl+E"))
        collect_menu = file_menu.addMenu(self.tr("数据征集(&D)"))
        self._action(collect_menu, self.tr("导出征集表…"), self.collect_export_dialog)
        self._action(collect_menu, self.tr("导入征集表…"), self.collect_import_dialog)
        self._action(file_menu, self.tr("收回修改稿(&R)…"), self.review_dialog).setData(MENU_ONLY)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&X)"), self.close, QKeySequence.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcut(QKeySequence("Ctrl+Y"))
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        inserts = [self._action(edit_menu, self.tr("插入统计数据(&I)…"), self.insert_field, QKeySequence("Ctrl+I")),
                   self._action(edit_menu, self.tr("把所选数字设为统计数据(&F)"), self.field_from_selection,
                                QKeySequence("Ctrl+Shift+I"))]
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("检查报告(&K)"), self.show_checks, QKeySequence("F7"))
        outline_menu = self.menuBar().addMenu(self.tr("提纲(&O)"))
        self._action(outline_menu, self.tr("添加部分"), self.add_part)
        self._action(outline_menu, self.tr("添加下级标题"), self.add_subsection)
        self._action(outline_menu, self.tr("添加段落"), self.add_paragraph, QKeySequence("Ctrl+Return"))
        self._action(outline_menu, self.tr("删除"), self.remove_selected, QKeySequence("Ctrl+Delete"))
        self._action(outline_menu, self.tr("上移"), lambda: self.move_selected(-1), QKeySequence("Alt+Up"))
        self._action(outline_menu, self.tr("下移"), lambda: self.move_selected(1), QKeySequence("Alt+Down"))
        self.editing_actions = inserts + outline_menu.actions()  # greyed while the project is read-only
        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        self._action(settings_menu, self.tr("公文字体(&F)…"), self.choose_fonts)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("使用说明(&G)"), self.show_guide, QKeySequence.HelpContents)
        self._action(help_menu, self.tr("关于(&A)…"), lambda: show_about(self))
        toolbar = self.addToolBar(self.tr("常用"))
        toolbar.setObjectName("main-toolbar")
        for menu in (file_menu, outline_menu):
            for action in menu.actions():
                if (action.text() and not action.isSeparator() and action.menu() is None and "退出" not in action.text()
                        and action.data() != MENU_ONLY):
                    toolbar.addAction(action)
        before = toolbar.actions()[5] if len(toolbar.actions()) > 5 else None
        toolbar.insertActions(before, [_UndoButton(self.undo_stack, True, self.tr("撤销"), self),
                                       _UndoButton(self.undo_stack, False, self.tr("重做"), self)])

    def show_guide(self) -> None:
        from drafter.gui.guide import show_guide

        self.guide = show_guide(self)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # The document

    @property
    def report(self):
        return self.document.report

    def set_document(self, document: DraftDocument) -> None:
        self.stop_background_checks()  # a run over the document being replaced
        self.document = document
        self._show_report()
        self.undo_stack.clear()
        self.form.invalid.clear()
        self.fields_changed(gradual=True)  # a long report shows its first pages at once, the rest follows
        self.show_node(None)
        self.update_title()

    def _show_report(self) -> None:
        """The outline over the document's report, with the edits it hands to the undo stack."""
        document = self.document
        self.outline = Outline(document.report)
        self.outline_model = OutlineModel(self.outline, self)
        self.outline_model.on_drop_move = lambda node, delta: self.undo_stack.push(commands.MoveNode(self, node, delta))
        self.outline_model.on_drop_relocate = lambda node, parent, index: self.undo_stack.push(
            commands.RelocateNode(self, node, parent, index))
        self.outline_model.on_rename = lambda node, text: self.push_text_edit(node, "heading", text)
        self.tree.setModel(self.outline_model)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def _current_changed(self, current, _previous) -> None:
        self.show_node(current.internalPointer() if current.isValid() else None)

    def push_field_value(self, field, value) -> None:
        self.undo_stack.push(commands.SetField(self, field, value))

    def push_invalid_entry(self, field, text: str, reason: str) -> None:
        self.undo_stack.push(commands.SetField(self, field, None, (text, reason)))

    def show_node(self, node) -> None:
        """The outline's selection: the page's cursor goes there (unless the cursor is what moved it)."""
        self.show_compared(node)
        if node is not None and not self._following_page:
            self.page.show_node(node)

    def select_node(self, node) -> None:
        index = self.outline_model.index_of(node)
        already = self.tree.currentIndex() == index
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        if already:  # no change of selection to react to, but the page's cursor still goes there
            self.show_node(node)

    def select_node_id(self, node_id: str) -> None:
        node = self.outline.find(node_id)
        if node is not None:
            self.select_node(node)

    def selected_node(self):
        return self.outline_model.node(self.tree.currentIndex())

    # Called by the undo commands after they change the Report

    def text_changed_by_command(self, node) -> None:
        self.page.refresh_node(node)
        if node is self._compared_node:
            self.show_compared(node)  # 对照去年 shows the words as they are now

    def structure_changed(self, node) -> None:
        self.tree.expandAll()
        self.page.sync_report(*self._fixed_lines())  # only the blocks that differ are laid out again
        if node is not None:
            self.select_node(node)

    def field_changed(self, field) -> None:
        self.form.refresh()
        self.page.redraw_atoms(field.name if field is not None else None)
        self.show_chart()

    def meta_changed(self) -> None:
        self.form.meta.show_meta(self.report.meta, self.report.fields)
        self.page.redraw_atoms(CODE_ATOMS)  # {{ year }} and the like show the new year or name
        self.tree.viewport().update()  # so do the outline's rows

    def push_meta_edit(self, key: str, value) -> None:
        if getattr(self.report.meta, key) != value:
            self.undo_stack.push(commands.SetMeta(self, key, value))

    def fields_changed(self, gradual: bool = False) -> None:
        self.outline_model.forget_labels()
        self.refresh_preview(rebuild_page=True, gradual=gradual)
        self.form.rebuild(self.report.fields, self.last_rendered.used_in if self.last_rendered else {},
                          self.part_titles())
        self.apply_read_only()  # the form's rows are new
        self.meta_changed()

    def part_titles(self) -> dict[str, str]:
        """第二部分 → 二、提升服务质效: how the form names its groups."""
        return {place_name((index,)): self.outline.title(part) for index, part in enumerate(self.report.parts, 1)}

    def push_text_edit(self, node, attribute: str, text: str) -> None:
        if getattr(node, attribute) != text:
            self.undo_stack.push(commands.EditText(self, node, attribute, text))

    def _on_edit(self) -> None:
        self.stop_background_checks()
        self.checks_timer.stop()  # the render after this pause starts it again: checks never see an older render
        self.preview_timer.start()
        now = time.monotonic()
        if self.autosave_pending_since is None:
            self.autosave_pending_since = now
        if now - self.autosave_pending_since < AUTOSAVE_MAX_WAIT_S or not self.autosave_timer.isActive():
            self.autosave_timer.start()
        self.update_title()

    # Preview and status

    def show_page(self, gradual: bool = False) -> None:
        """Lay the page out from the report (a new project, a change of structure, fields added or renamed)."""
        self.page.show_report(self.outline, self.report.fields, self.style, *self._fixed_lines(), gradual=gradual)

    def _fixed_lines(self) -> tuple[FixedLine, TailLines]:
        """The title and the lines after the body as they print; edited in the form's 报告信息, not on the page."""
        return printed_lines(self.last_rendered)

    def refresh_preview(self, rebuild_page: bool = False, gradual: bool = False) -> None:
        """After a pause in typing: render for the counts, checks and the page's title and signature lines."""
        try:
            self.last_rendered = render(self.report)
            self.render_is_current = True
        except RenderError as error:
            self.render_is_current = False  # the page keeps its last title lines; the checks will say what is wrong
            self.statusBar().showMessage(str(error), 8000)
            self.checks_timer.start()
            if rebuild_page:
                self.show_page(gradual)
            return
        if rebuild_page or self._fixed_lines() != self.page.fixed_lines:
            self.show_page(gradual)
        self.form.retitle(self.part_titles())  # a renamed part renames its group in the form
        self.checks_timer.start()  # checks follow a little later: a pause in typing redraws the page first
        text = "".join(block.text for block in self.last_rendered.blocks)
        self.chars_label.setText(self.tr("字数 %1").replace("%1", str(len("".join(text.split())))))
        filled = sum(1 for field in self.report.fields.values() if field.filled)
        self.filled_label.setText(self.tr("已填 %1/%2").replace("%1", str(filled))
                                  .replace("%2", str(len(self.report.fields))))
        self.show_margin_notes()

    # Fonts

    def choose_fonts(self) -> None:
        from drafter.gui.font_dialog import FontDialog

        dialog = FontDialog(self, self.base_style, saved_substitutions(self.settings))
        if dialog.exec():
            self.set_font_substitutions(dialog.substitutions())

    def set_font_substitutions(self, substitutions: dict[str, str]) -> None:
        save_substitutions(self.settings, substitutions)
        self.style = with_font_substitutions(self.base_style, substitutions)
        self.refresh_preview()
        self.refresh_font_notice()  # fonts chosen in their place may well be installed

    def missing_fonts(self) -> list[str]:
        return missing_fonts(self.style, installed_families())

    def refresh_font_notice(self) -> None:
        """Say once which of the chosen fonts this computer lacks; dismissed, it stays away for that list."""
        missing = self.missing_fonts()
        if not missing or self.settings.value("notice/fonts-dismissed", "") == ",".join(missing):
            self.notice.hide()
            return
        self.notice.label.setText(self.tr(
            "本机未安装公文字体：%1。导出的文件仍使用这些字体名，在装有这些字体的电脑上显示正确；"
            "在本机，Word 会用相近字体代替显示。也可在“设置 → 公文字体”中改用本机字体。").replace("%1", "、".join(missing)))
        self.notice.show()

    def dismiss_font_notice(self) -> None:
        self.settings.setValue("notice/fonts-dismissed", ",".join(self.missing_fonts()))
        self.notice.hide()


class _UndoButton(QAction):
    """The toolbar's 撤销 or 重做. The menu's actions name the step (撤销“编辑文字”); on the toolbar that
    made the buttons change width with every edit, so these keep a short text and name the step in a tooltip."""

    def __init__(self, stack: QUndoStack, undo: bool, text: str, parent):
        super().__init__(text, parent)
        self.setEnabled(False)
        self.triggered.connect(stack.undo if undo else stack.redo)
        (stack.canUndoChanged if undo else stack.canRedoChanged).connect(self.setEnabled)
        (stack.undoTextChanged if undo else stack.redoTextChanged).connect(self.setToolTip)


def _titled(widget: QWidget, title: str) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(2, 2, 2, 2)
    heading = QLabel(f"<b>{title}</b>")
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    return box


def _single_shot(parent, delay: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay)
    timer.timeout.connect(slot)
    return timer
