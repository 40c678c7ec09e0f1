"""The 检查, 同比变化 and 对照去年 tabs of the window: made when first shown or used, kept up to date after."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea

from drafter.core.rendering.render import RenderError
from drafter.gui import commands
from drafter.gui.in_turns import InTurns
from drafter.gui.side.side_tabs import LazyTab

CHECK_TURN_S = 0.008  # checks run this long in a turn of the event loop, then let keys and painting in


class SideTabActions:
    """Mixin for MainWindow: the checks panel, the chart of changes and last year's paragraph beside this year's.
    None of them is on screen when the window opens, so none is made (or its code imported) before it shows."""

    def _add_side_tabs(self) -> None:
        self._checks_tab = LazyTab(self.side_tabs, self.tr("检查"), self._make_checks)
        self._chart_tab = LazyTab(self.side_tabs, self.tr("同比变化"), self._make_chart)
        self._compare_tab = LazyTab(self.side_tabs, self.tr("对照去年"), self._make_compare)
        self._compared_node = None
        self._checking = InTurns(self, CHECK_TURN_S, self._checked, (RenderError,))  # checks after a pause
        self._found = []  # what its steps found so far

    @property
    def checks(self):
        return self._checks_tab.get()

    @property
    def chart(self):
        return self._chart_tab.get()

    @property
    def compare(self):
        return self._compare_tab.get()

    def _make_checks(self):
        from drafter.gui.side.checks_panel import ChecksPanel

        panel = ChecksPanel()
        panel.jump_requested.connect(self.jump_to_finding)
        panel.fix_requested.connect(self.fix_findings)
        panel.refresh_button.clicked.connect(self.refresh_checks)
        # Shown at once and filled in turns of the event loop (a 250-page report takes ~0.1 s to check); F7 and
        # 重新检查 fill it at once anyway
        panel.summary.setText(self.tr("正在检查…"))
        QTimer.singleShot(0, self, self.check_in_background)  # not after the window is gone
        return panel, panel

    def _make_chart(self):
        from drafter.gui.side.change_chart import ChangeChart

        chart = ChangeChart()
        chart.show_fields(self.report.fields, self.report.meta.year)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart)
        return chart, scroll

    def _make_compare(self):
        from drafter.gui.side.compare_view import CompareView

        view = CompareView()
        view.show_paragraph(self._compared_node, self.report.fields)
        return view, view

    def show_chart(self) -> None:
        if self._chart_tab.widget is not None:
            self.chart.show_fields(self.report.fields, self.report.meta.year)

    def show_compared(self, node) -> None:
        """The paragraph 对照去年 shows (the outline's selection or where the cursor is)."""
        self._compared_node = node
        if self._compare_tab.widget is not None:
            self.compare.show_paragraph(node, self.report.fields)

    # Checks

    def refresh_checks(self) -> None:
        """Check the whole report now (检查报告, 重新检查, after a fix)."""
        self.stop_background_checks()
        self._show_all_findings(self.checks)
        self.show_chart()

    def check_in_background(self) -> None:
        """After a pause in typing: check a few texts each turn of the event loop, so a key pressed meanwhile is
        not kept waiting (a 250-page report takes ~80 ms to check); the list changes once all are checked. Nobody
        sees the checks before their tab is first chosen: until then there is nothing to do."""
        from drafter.core.years.checks import check_steps  # first needed well after the window shows

        self.show_chart()
        if self._checks_tab.widget is None:
            return
        rendered = self.last_rendered if self.render_is_current else None  # None: render, and meet the error
        self._found = []  # each step's findings go here; _checked lists them once the run ends
        self._checking.start(self._found.extend(step) for step in check_steps(self.report, rendered))

    def stop_background_checks(self) -> None:
        """The report changed (or is being checked at once): a run over the old text would list old findings."""
        self._checking.stop()

    def _checked(self, error: Exception | None) -> None:
        from drafter.core.years.checks import sort_findings

        if error is not None:
            self.checks.show_error(self.tr("无法检查：%1").replace("%1", str(error)))
        else:
            self._show_findings(self.checks, sort_findings(self._found))

    def _show_all_findings(self, panel) -> None:
        from drafter.core.years.checks import check_report  # first needed well after the window shows

        try:
            findings = check_report(self.report)  # rendered afresh: asked for now, maybe before the pause's render
        except RenderError as error:
            panel.show_error(self.tr("无法检查：%1").replace("%1", str(error)))
            return
        self._show_findings(panel, findings)

    def _show_findings(self, panel, findings) -> None:
        panel.show_findings([self._entry_finding(f) for f in findings] + self.font_findings())

    def _entry_finding(self, finding):
        """An unfilled field whose box holds what cannot be read is not “还未填写”: say what is wrong with it."""
        entry = self.form.invalid.get(finding.node_id) if finding.kind == "unfilled" else None
        if entry is None:
            return finding
        label = self.report.fields[finding.node_id].label
        message = self.tr("“%1”填写有误：%2").replace("%1", label).replace("%2", entry[1])
        return replace(finding, kind="invalid_entry", fix=None, message=message)

    def show_checks(self) -> None:
        self.refresh_checks()
        self.side_tabs.setCurrentWidget(self.checks)

    def font_findings(self) -> list:
        from drafter.core.years.checks import INFO, Finding

        return [Finding("missing_font", INFO, self.tr("字体"),
                        self.tr("本机没有“%1”，预览和本机 Word 会用相近字体代替；可在“设置 → 公文字体”中替换")
                        .replace("%1", font)) for font in self.missing_fonts()]

    def jump_to_finding(self, finding) -> None:
        meta_box = {"organisation": self.form.meta.organisation, "date": self.form.meta.date}.get(finding.node_id)
        if meta_box is not None and finding.node_id not in self.report.fields:
            self.side_tabs.setCurrentWidget(self.form)
            meta_box.setFocus()
            return
        if finding.node_id in self.report.fields:
            self.show_field_in_form(finding.node_id)
            return
        node = self.outline.find(finding.node_id) if finding.node_id else None
        if node is not None:
            self.select_node(node)
            self.page.select_words(node, finding.excerpt)  # the comma, the year, the mask itself

    def fix_findings(self, findings) -> None:
        """Apply each finding's fix; several are one undo step."""
        from drafter.core.years.fixes import apply_fix

        if len(findings) > 1:
            self.undo_stack.beginMacro(self.tr("自动修正 %1 处").replace("%1", str(len(findings))))
        for finding in findings:
            self.undo_stack.push(commands.ApplyFix(self, finding, lambda f=finding: apply_fix(self.report, f)))
        if len(findings) > 1:
            self.undo_stack.endMacro()
        self.refresh_checks()
