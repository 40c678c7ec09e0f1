"""Another copy of the program asks this one to show a project it has open: the request is answered by bringing
the window forward, and a request nobody answers gives up in time."""

from __future__ import annotations

import os
import threading

from drafter.gui import handoff


def _ask_in_background(pid: int, project) -> list[bool]:
    """ask_to_show waits for the answer; the answering copy's events run here meanwhile, as in another process."""
    answers: list[bool] = []
    threading.Thread(target=lambda: answers.append(handoff.ask_to_show(pid, project)), daemon=True).start()
    return answers


def test_a_request_brings_the_window_forward_and_is_answered(window, qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(window, "bring_forward", lambda: shown.append(True))
    window.show_requests = handoff.ShowRequests(window)
    answers = _ask_in_background(os.getpid(), tmp_path / "报告.drafter")
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert answers == [True] and shown == [True]


def test_a_request_nobody_answers_gives_up_and_leaves_nothing_behind(monkeypatch, tmp_path):
    monkeypatch.setattr(handoff, "ANSWER_WAIT_S", 0.2)
    assert handoff.ask_to_show(999_999, tmp_path / "报告.drafter") is False
    assert not (handoff.requests_dir() / "999999.show").exists()


def test_a_second_start_on_an_open_project_hands_it_to_the_first_and_opens_no_window(tmp_path):
    import subprocess
    import sys
    import time

    from drafter.cli import run
    from drafter.core.report.document import lock_path

    project = tmp_path / "报告.drafter"
    assert run(["new", "--year", "2026", "-o", str(project)]) == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), DRAFTER_CACHE=str(tmp_path / "cache"))
    first = subprocess.Popen([sys.executable, "-m", "drafter", str(project)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not lock_path(project).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        second = subprocess.run([sys.executable, "-m", "drafter", str(project)], env=env, capture_output=True,
                                timeout=60)
        assert second.returncode == 0 and first.poll() is None  # the second ended; the first still runs
        assert list((tmp_path / "data").rglob("*.show")) == []  # its request was answered
    finally:
        first.kill()
        first.wait()
