"""Long work done a little in each turn of the event loop, so keys and painting come in between."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer


class InTurns:
    """Runs a generator's steps for `slice_s` seconds a turn until it ends, then calls `done(None)`; an exception of
    the kinds in `errors` ends the run with `done(error)`. Starting again drops a run in progress."""

    def __init__(self, parent: QObject, slice_s: float, done: Callable[[Exception | None], None],
                 errors: tuple[type[Exception], ...] = ()):
        self.slice_s, self._done, self._errors = slice_s, done, errors
        self._steps: Iterator | None = None
        self._turn = QTimer(parent)
        self._turn.setInterval(0)
        self._turn.timeout.connect(lambda: self._run(time.perf_counter() + self.slice_s))

    @property
    def running(self) -> bool:
        return self._steps is not None

    def start(self, steps: Iterator) -> None:
        self._steps = steps
        self._turn.start()

    def stop(self) -> None:
        """Drop the run: what it would have done is no longer wanted."""
        self._steps = None
        self._turn.stop()

    def finish(self) -> None:
        """The rest of the run now."""
        self._run(None)

    def _run(self, until: float | None) -> None:
        if self._steps is None:
            self._turn.stop()
            return
        try:
            for _ in self._steps:
                if until is not None and time.perf_counter() > until:
                    return  # more in the next turn
        except self._errors as error:
            self.stop()
            self._done(error)
            return
        self.stop()
        self._done(None)
