"""Where the statistics form's parts are and what the reader sees: a part's rows are built when it comes into view
or a field in it is gone to; a part not built yet takes the height its rows will; the view stays on what the
reader looks at while parts around it take their real heights."""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QFormLayout, QGroupBox

from drafter.core.report.model import Field


@dataclass
class Group:
    """One part's box in the form and its fields; its rows exist once built."""

    name: str  # 第二部分, or 其他
    box: QGroupBox
    layout: QFormLayout
    fields: list[Field] = dc_field(default_factory=list)
    built: bool = False


class GroupScrolling:
    """Mixed into StatisticsForm, which keeps `_groups` (name → Group) and `scroll` and builds a group's rows in
    `_build`; it calls `_start_scrolling` once its scroll area exists."""

    def _start_scrolling(self) -> None:
        self._per_row = 0.0  # the height a row takes, for the groups not built yet
        self._relayout = False  # the built groups' layouts to be redone before the next look (shown, resized)
        self._forget_place()
        self._look = QTimer(self)  # after a scroll or a resize: build the groups that came into view
        self._look.setSingleShot(True)
        self._look.setInterval(0)
        self._look.timeout.connect(self._build_in_view)
        # the groups near the view, one turn later: the window (or a scroll) is painted first with what is in view
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(lambda: self._build_in_view(ahead=True))
        self.scroll.verticalScrollBar().valueChanged.connect(self._look_soon)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._look_soon)

    def _forget_place(self) -> None:
        self._pinned = None  # the row of the field gone to, kept in view while groups are built
        self._anchor: tuple[Group, int] | None = None  # else the group at the top of the view and its offset
        self._left_at = -1  # where the view was when we last placed it

    def _place(self) -> tuple[str, int] | None:
        """The part at the top of the view and how far above the view's top it starts."""
        value = self.scroll.verticalScrollBar().value()
        top = self._group_at(value)
        return (top.name, top.box.y() - value) if top is not None and value > 0 else None

    def _return_to(self, place: tuple[str, int] | None) -> None:
        """After a rebuild (a field renamed, say) the same part comes back to the top of the view."""
        if place is None or place[0] not in self._groups:
            return
        group = self._groups[place[0]]
        self._build(group)
        self._anchor, self._left_at = (group, place[1]), self.scroll.verticalScrollBar().value()
        self._look_soon()

    def _first_built(self) -> Group | None:
        return next((group for group in self._groups.values() if group.built), None)

    def _calibrate(self, per_row: float) -> None:
        """A group not built yet takes the height its rows will, so the scroll bar is the right length at once and
        scrolling builds what comes into view; the height per row is taken again from the groups as laid out."""
        if per_row <= 0 or abs(per_row - self._per_row) <= 0.1 * self._per_row:
            return
        self._per_row = per_row
        for group in self._groups.values():
            if not group.built:
                group.box.setMinimumHeight(round(len(group.fields) * per_row))

    def showEvent(self, event):
        super().showEvent(event)
        self._look_soon(relayout=True)  # shown at last: the groups take their real sizes to measure

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._look_soon(relayout=True)  # wider or narrower, labels wrap differently

    def _look_soon(self, *_position, relayout: bool = False) -> None:
        # Groups laid out while the form was hidden keep the heights their wrapped labels had at its old width
        # until their layout is redone; the look redoes it first.
        self._relayout = self._relayout or relayout
        self._look.start()  # not connected straight to start(): the scroll bar's value would become its interval

    def _build_in_view(self, ahead: bool = False) -> None:
        """Build the groups the scroll area shows, and a turn later (ahead) those within a screen of it, so the
        next scroll finds them built. While groups take their real heights what the reader looks at stays where it
        is: the field gone to, or else the group at the top of the view (until the reader, or anyone else, scrolls:
        then what is at the top then)."""
        bar = self.scroll.verticalScrollBar()
        if self._relayout and self.scroll.widget() is not None:
            self._relayout = False
            for group in self._groups.values():
                if group.built:
                    group.layout.invalidate()
            self._settle()
        if bar.value() != self._left_at:  # scrolled since we last placed the view
            self._pinned = None
            seen = self._seen_group(bar.value())
            self._anchor = (seen, seen.box.y() - bar.value()) if seen is not None else None
        laid_out = [group for group in self._groups.values() if group.built and group.box.height() > 0]
        rows = sum(len(group.fields) for group in laid_out)
        if rows:
            self._calibrate(sum(group.box.height() for group in laid_out) / rows)
        viewport = self.scroll.viewport().height()
        for group in self._unbuilt_within(bar.value(), viewport if ahead else 0):
            self._build(group)
        self._settle()
        if self._pinned is not None:
            self.scroll.ensureWidgetVisible(self._pinned.input)
        elif self._anchor is not None:
            group, offset = self._anchor
            bar.setValue(group.box.y() - offset)
        self._left_at = bar.value()
        if not ahead and self._unbuilt_within(bar.value(), viewport):
            self._ahead.start()

    def _unbuilt_within(self, y: int, margin: int) -> list[Group]:
        """The groups not built yet that reach into the view from height y, or within `margin` above it or
        twice that below it."""
        top, bottom = y - margin, y + self.scroll.viewport().height() + 2 * margin
        return [group for group in self._groups.values()
                if not group.built and group.box.geometry().bottom() >= top and group.box.geometry().top() <= bottom]

    def _seen_group(self, y: int) -> Group | None:
        """What the reader is looking at from this height: the first built group starting in the view (a group
        reaching above the view, or one still to be built, may change height and would move what is under it)."""
        bottom = y + self.scroll.viewport().height()
        start = self._group_at(y)
        groups = list(self._groups.values())
        for group in groups[groups.index(start):] if start is not None else []:
            if group.box.y() > bottom:
                break
            if group.built and group.box.y() >= y:
                return group
        return start

    def _group_at(self, y: int) -> Group | None:
        """The group shown at this height of the form (the first one reaching below it)."""
        return next((group for group in self._groups.values() if group.box.geometry().bottom() >= y), None)

    def _settle(self) -> None:
        """Lay the form out now, so the groups' places are their real ones before scrolling to one."""
        content = self.scroll.widget()
        if content is not None:
            # the groups' own layouts first (a group just built takes its height), then the form's, then the scroll
            # area sizes its content: now, not in a later turn of the event loop
            for _ in range(2):
                QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
                content.layout().activate()

    def show_field(self, name: str):
        """Scroll to a field's box, its group built; it stays in view while the groups around it are built."""
        row = self.row(name)
        self._pinned = row
        self._settle()
        self.scroll.ensureWidgetVisible(row.input)
        self._left_at = self.scroll.verticalScrollBar().value()
        self._look_soon()
        return row
