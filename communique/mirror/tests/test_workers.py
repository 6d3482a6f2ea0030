"""The export's worker processes: tasks are shared among them and their answers come back."""

import gc
import os
import weakref

import pytest

from communique.mirror import workers


class EchoRenderer:
    """Answers a task with the process that ran it; fails on request."""

    def run(self, task):
        if task == "fail":
            raise ValueError("this task fails")
        return task, os.getpid()


def by_parity(task):
    return task if isinstance(task, int) else 0


def test_forked_lanes_run_every_task_and_return_every_answer():
    with workers.lanes(EchoRenderer(), 2, by_parity) as tasks:
        assert isinstance(tasks, workers.Lanes)
        for number in range(40):
            tasks.submit(number)
        answers = []
        while tasks.outstanding:
            answers.append(tasks.next_result())
        mapped = list(tasks.map(range(40, 44)))
    assert sorted(task for task, _pid in answers) == list(range(40))
    assert sorted(task for task, _pid in mapped) == [40, 41, 42, 43]
    pids = {pid for _task, pid in answers + mapped}
    assert len(pids) == 2 and os.getpid() not in pids


def test_a_failing_task_raises_its_error_in_the_exporter():
    with workers.lanes(EchoRenderer(), 2, by_parity) as tasks:
        tasks.submit("fail")
        with pytest.raises(ValueError, match="this task fails"):
            tasks.next_result()


class Node:
    pass


class CycleRenderer:
    """Leaves a reference cycle behind at each task; answers whether the previous task's is
    gone, and whether Python's automatic collection is on."""

    def __init__(self):
        self.last = None

    def run(self, task):
        previous_gone = self.last is None or self.last() is None
        node = Node()
        node.itself = node
        self.last = weakref.ref(node)
        return previous_gone, gc.isenabled()


def test_a_worker_frees_what_each_task_left_in_cycles_without_automatic_collections():
    enabled = gc.isenabled()
    with workers.lanes(CycleRenderer(), 2, lambda task: 0) as tasks:
        answers = list(tasks.map(range(8)))
    assert [gone for gone, _enabled in answers] == [True] * 8
    assert not any(enabled for _gone, enabled in answers)
    assert gc.isenabled() == enabled  # the exporter's own process is left as it was


class HeldPool:
    """A lane's worker that holds the tasks it is given until told to finish one."""

    def __init__(self):
        self.held = []

    def apply_async(self, function, args, callback, error_callback):
        self.held.append((args[0], callback))

    def finish(self):
        task, callback = self.held.pop(0)
        callback(task)


def test_a_task_goes_to_its_lane_and_an_idle_lane_takes_the_newest_waiting():
    pools = [HeldPool(), HeldPool()]
    lanes = workers.Lanes(pools, lambda task: task // 100)  # 0-99: lane 0, 100-199: lane 1
    for task in [1, 2, 3, 4, 5, 101]:
        lanes.submit(task)
    assert not pools[0].held and not pools[1].held  # not before a result is asked for
    lanes.dispatch()
    # Each lane holds at most DEPTH tasks, its own first; lane 1 then takes lane 0's newest.
    assert [task for task, _ in pools[0].held] == [1, 2]
    assert [task for task, _ in pools[1].held] == [101, 5]
    assert list(lanes.waiting[0]) == [3, 4] and lanes.outstanding == 6
    for task in [102, 103]:
        lanes.submit(task)
    pools[0].finish()
    assert lanes.next_result() == 1
    assert [task for task, _ in pools[0].held] == [2, 3]  # its own next
    pools[1].finish()
    assert lanes.next_result() == 101
    assert [task for task, _ in pools[1].held] == [5, 102] and list(lanes.waiting[1]) == [103]
    pools[1].finish()
    assert lanes.next_result() == 5
    pools[1].finish()
    assert lanes.next_result() == 102
    assert [task for task, _ in pools[1].held] == [103, 4]  # its own done: it takes lane 0's
    assert lanes.outstanding == 4 and not any(lanes.waiting)


def joined_lists(first, second):
    """Lists of up to four numbers joined; anything else not."""
    if isinstance(first, list) and isinstance(second, list) and len(first + second) <= 4:
        return first + second
    return None


def test_waiting_tasks_are_joined_as_a_lane_takes_them_and_each_counts_as_done():
    pools = [HeldPool(), HeldPool()]
    lanes = workers.Lanes(pools, lambda task: task[0] // 100, merge=joined_lists)
    for task in [[1], [2, 3], [4], [5, 6], [7], [8], [101], [102]]:
        lanes.submit(task)
    lanes.dispatch()
    # Its own oldest first, joined while the joined task holds four at most.
    assert [task for task, _ in pools[0].held] == [[1, 2, 3, 4], [5, 6, 7, 8]]
    assert [task for task, _ in pools[1].held] == [[101, 102]]
    assert lanes.outstanding == 8 and not any(lanes.waiting)
    for task in [[9], [10], [11], [12], [13]]:
        lanes.submit(task)
    pools[1].finish()
    assert lanes.next_result() == [101, 102] and lanes.outstanding == 11
    # An idle lane takes the other's newest, joined with those before it, in their order.
    assert [task for task, _ in pools[1].held] == [[10, 11, 12, 13], [9]]
    pools[0].finish()
    assert lanes.next_result() == [1, 2, 3, 4] and lanes.outstanding == 8  # three tasks done
    assert [task for task, _ in pools[0].held] == [[5, 6, 7, 8]] and not any(lanes.waiting)


def test_forked_lanes_join_tasks_and_answer_each_path_once():
    with workers.lanes(EchoRenderer(), 2, lambda task: task[0], joined_lists) as tasks:
        for number in range(40):
            tasks.submit([number])
        answers = []
        while tasks.outstanding:
            answers.append(tasks.next_result())
    assert sorted(number for task, _pid in answers for number in task) == list(range(40))
    assert len(answers) < 40  # tasks were joined


@pytest.mark.django_db
def test_inside_a_transaction_the_export_stays_in_this_process():
    """Workers would not see uncommitted data (or an in-memory database)."""
    assert not workers.can_fork()


def test_one_process_runs_the_tasks_here():
    with workers.lanes(EchoRenderer(), 1, by_parity) as tasks:
        assert isinstance(tasks, workers.InProcess)
        tasks.submit(1)
        assert tasks.next_result() == (1, os.getpid())
        assert list(tasks.map([2])) == [(2, os.getpid())]


class ForgetfulRenderer(EchoRenderer):
    """Notes what it was told to forget, and in which process."""

    def __init__(self):
        self.forgotten = []
        self.crawls = 0

    def forget(self, page_ids):
        self.forgotten.append(page_ids)

    def new_crawl(self):
        self.crawls += 1

    def run(self, task):
        return task, os.getpid(), list(self.forgotten)


def test_kept_renderers_forget_what_each_export_made_stale_before_its_first_task():
    kept = workers.Kept(ForgetfulRenderer(), 1)
    kept.begin({1, 2})
    tasks = kept.tasks()
    tasks.submit("a")
    tasks.submit("b")
    assert [tasks.next_result()[2] for _ in range(2)] == [[{1, 2}], [{1, 2}]]
    kept.begin({3})
    kept.begin(set())  # an export this renderer took no task of
    assert list(kept.tasks().map(["c"]))[0][2] == [{1, 2}, {3}]
    kept.begin(None)  # a category renamed: everything
    assert list(kept.tasks().map(["d"]))[0][2][-1] is None


def test_a_kept_renderer_starts_each_crawl_anew_once():
    renderer = ForgetfulRenderer()
    kept = workers.Kept(renderer, 1)
    kept.begin(set())
    tasks = kept.tasks()
    list(tasks.map(["a", "b"]))
    assert renderer.crawls == 1
    list(kept.tasks().map(["c"]))  # a second crawl of the same export (pages below)
    kept.begin(set())
    list(kept.tasks().map(["d", "e"]))
    assert renderer.crawls == 3


def test_a_kept_renderer_that_missed_more_exports_than_are_on_record_forgets_everything():
    kept = workers.Kept(ForgetfulRenderer(), 1)
    for number in range(workers.Kept.RECENT + 1):
        kept.begin({number})
    assert list(kept.tasks().map(["a"]))[0][2] == [None]


def test_kept_workers_are_the_same_processes_from_one_export_to_the_next():
    kept = workers.Kept(ForgetfulRenderer(), 2, by_parity)
    try:
        pids = set()
        for number in range(3):
            kept.begin({number})
            tasks = kept.tasks()
            assert isinstance(tasks.tasks, workers.Lanes)
            pids |= {pid for _task, pid, _forgotten in tasks.map(range(20))}
        assert len(pids) == 2 and os.getpid() not in pids
    finally:
        kept.close()
