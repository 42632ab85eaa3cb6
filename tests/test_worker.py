"""The task thread recipe: a task's QObjects end their lives in the GUI thread."""
import shiboken6
from PySide6.QtCore import QThread

from app.worker import TaskWorker, start_worker


def test_a_finished_task_leaves_its_worker_to_the_gui_thread(qtbot):
    # Deleted at the thread's end, in the thread, the worker's ~QObject waited
    # for the GIL while holding a Qt mutex the GUI thread (holding the GIL)
    # waited for: a window test hung so. Now nothing is deleted there; the
    # owner drops both objects in the GUI thread.
    worker = TaskWorker(lambda state: 42, "answer", run_id=7)
    results, ended = [], []
    worker.done.connect(lambda run_id, result: results.append((run_id, result)))
    thread = start_worker(worker, lambda: ended.append(True))
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    assert thread.wait(10_000) and results == [(7, 42)]
    assert shiboken6.isValid(worker) and shiboken6.isValid(thread)
    assert worker.thread() == QThread.currentThread()
