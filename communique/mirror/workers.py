"""Share the export's rendering among processes, one per core.

Rendering is Python work (templates, the ORM), so threads would take turns; processes
forked from the exporter each render whole tasks and write their files, and send back
only what the crawl needs (addresses, cache tags, links).

A forked process must not use its parent's database connection: the parent closes its
connections before forking and each worker opens its own. That only works when the
parent's data is committed and on a database other processes can open, so inside a
transaction or on an in-memory SQLite database (the test suite's) the export stays in one
process.

A worker keeps hundreds of megabytes of what it read and rendered (listing.ItemCache), and
Python's automatic collections kept walking it: about a tenth of an export's time. What a
page leaves behind in reference cycles dies young, so a worker collects the young
generations after each task (`_run`) and everything only now and then.
"""

import collections
import contextlib
import functools
import gc
import multiprocessing
import queue

from django.db import connections

_renderer = None  # the worker process's own (set once forked)
_tasks_run = 0
# Tasks between a worker's full collections (see the docstring): what a task leaves in
# cycles is freed after it, but a kept object dropped later (a cache that starts again)
# is found only by a full collection.
FULL_COLLECTION_EVERY = 1000


def _start(renderer):
    global _renderer
    _renderer = renderer
    gc.disable()  # see the module's docstring
    gc.freeze()  # what the worker was forked with: never garbage, never walked


def _run(task):
    global _tasks_run
    try:
        return _renderer.run(task)
    finally:
        _tasks_run += 1
        gc.collect(2 if _tasks_run % FULL_COLLECTION_EVERY == 0 else 1)


def can_fork():
    """Whether forked workers would see the data this process sees (see the docstring)."""
    return not any(
        connection.in_atomic_block
        or (connection.vendor == "sqlite" and connection.is_in_memory_db())
        for connection in connections.all(initialized_only=True)
    )


class InProcess:
    """Tasks run one by one, in this process."""

    def __init__(self, renderer):
        self.renderer = renderer
        self.tasks = []

    @property
    def outstanding(self):
        return len(self.tasks)

    def submit(self, task):
        self.tasks.append(task)

    def next_result(self):
        return self.renderer.run(self.tasks.pop())

    def map(self, tasks):
        return map(self.renderer.run, tasks)


class Rounds:
    """A renderer kept from one export to the next (`Kept`). Each task comes as (export
    number, crawl number, what the recent exports made stale, task); before its first task
    of a later export the renderer forgets what the exports since its last task made stale
    (Renderer.forget), or everything if they are no longer on record, and before its first
    task of a crawl it counts every link as new again (Renderer.new_crawl)."""

    def __init__(self, renderer):
        self.renderer = renderer
        self.number = 0
        self.crawl = 0

    def run(self, message):
        number, crawl, recent, task = message
        if number != self.number:
            missed = [stale for export, stale in recent if export > self.number]
            if len(missed) == number - self.number and None not in missed:
                self.renderer.forget(set().union(*missed))
            else:
                self.renderer.forget(None)
            self.number = number
        if crawl != self.crawl:
            self.renderer.new_crawl()
            self.crawl = crawl
        return self.renderer.run(task)


class _Numbered:
    """Tasks sent to kept renderers as messages of one crawl of one export (see Rounds)."""

    def __init__(self, tasks, number, crawl, recent):
        self.tasks, self.header = tasks, (number, crawl, recent)

    @property
    def outstanding(self):
        return self.tasks.outstanding

    def submit(self, task):
        self.tasks.submit((*self.header, task))

    def next_result(self):
        return self.tasks.next_result()

    def map(self, tasks):
        return self.tasks.map([(*self.header, task) for task in tasks])


class Kept:
    """Renderers that stay from one export to the next, for a process that exports again
    and again (`export_static --watch`): forked once (or this process's own), they keep
    compiled templates, translation catalogues and the listing items they built, where a
    new pool starts cold each time (a worker's first pages cost ~0.6 s of warming up, and
    reading the items a page shows most of what rendering it costs). Each worker has its
    lane (`lane_of`, as `lanes` gives), so that it keeps the items of its languages, and
    waiting tasks are joined as `merge` joins them (see Lanes)."""

    RECENT = 20  # exports whose stale statements the messages carry

    def __init__(self, renderer, processes, lane_of=None, merge=None):
        self.number = 0
        self.crawls = 0
        self.recent = ()
        self.rounds = Rounds(renderer)
        self._pools = []
        self.lane_of = lane_of or (lambda task: 0)
        self.merge = merge
        if processes > 1:
            connections.close_all()
            context = multiprocessing.get_context("fork")
            self._pools = [context.Pool(1, initializer=_start, initargs=(self.rounds,))
                           for _lane in range(processes)]  # fmt: skip

    def begin(self, stale):
        """Start an export whose changes made the listing items of the statements with
        page ids `stale` stale (None: everything the renderers read)."""
        self.number += 1
        self.recent = (*self.recent[1 - self.RECENT :], (self.number, stale))

    def tasks(self):
        """Something to submit a crawl's tasks to (as `lanes` gives)."""
        if self._pools:
            merge = self._merge_messages if self.merge else None
            tasks = Lanes(self._pools, lambda message: self.lane_of(message[-1]), merge)
        else:
            tasks = InProcess(self.rounds)
        self.crawls += 1
        return _Numbered(tasks, self.number, self.crawls, self.recent)

    def _merge_messages(self, first, second):
        """Two messages of one crawl of one export joined, if `merge` joins their tasks."""
        if first[:2] != second[:2] or first[2] is not second[2]:
            return None
        task = self.merge(first[-1], second[-1])
        return None if task is None else (*first[:-1], task)

    def close(self):
        for pool in self._pools:
            pool.terminate()
            pool.join()
        self._pools = []


class Lanes:
    """Tasks run in forked worker processes, one per lane, a task in the lane `lane_of(task)`
    names (lanes.py: a language's pages go to the worker that has read its listings); a
    lane with nothing of its own waiting takes the newest task another lane has waiting.
    Tasks wait here until a result is asked for, so that a lane takes another's only once
    all the tasks submitted since are in their lanes; each lane has at most DEPTH tasks at
    its worker, so that the rest can still be taken.

    `merge(first, second)`, if given, joins two waiting tasks of a lane into one (or says
    None): a crawl submits the few new links of each result as a task, and each task costs
    the parent a round trip through the pool (~0.8 ms of its CPU, on a core the workers
    need), so tasks that wait are joined when a worker takes them."""

    DEPTH = 2

    def __init__(self, pools, lane_of, merge=None):
        self.pools, self.lane_of, self.merge = pools, lane_of, merge
        self.waiting = [collections.deque() for _pool in pools]
        self.running = [0] * len(pools)
        self.results = queue.SimpleQueue()
        self.outstanding = 0

    def submit(self, task):
        self.outstanding += 1
        self.waiting[self.lane_of(task) % len(self.pools)].append(task)

    def dispatch(self):
        """Hand waiting tasks to the lanes that have room: their own first."""
        for lane, pool in enumerate(self.pools):
            while self.running[lane] < self.DEPTH:
                own = self.waiting[lane]
                source = own or max(self.waiting, key=len)
                if not source:
                    break
                task, joined = self._take(source, from_left=source is own)
                self.running[lane] += 1
                done = functools.partial(self._done, lane, joined)
                pool.apply_async(_run, (task,), callback=done, error_callback=done)

    def _take(self, source, from_left):
        """The next task of `source` (its oldest, or its newest for another lane), joined
        with those after it while `merge` allows; and how many tasks it holds."""
        pop, peek = (source.popleft, 0) if from_left else (source.pop, -1)
        task, joined = pop(), 1
        while self.merge and source:
            merged = self.merge(task, source[peek]) if from_left else self.merge(source[peek], task)
            if merged is None:
                break
            pop()
            task, joined = merged, joined + 1
        return task, joined

    def _done(self, lane, joined, result):  # on the pool's result thread
        self.results.put((lane, joined, result))

    def next_result(self):
        self.dispatch()
        lane, joined, result = self.results.get()
        self.running[lane] -= 1
        self.outstanding -= joined
        self.dispatch()
        if isinstance(result, BaseException):
            raise result
        return result

    def map(self, tasks):
        """The results of `tasks`, as they are done (none other may be outstanding)."""
        assert not self.outstanding, "map() while other tasks are outstanding"
        for task in tasks:
            self.submit(task)
        while self.outstanding:
            yield self.next_result()


@contextlib.contextmanager
def lanes(renderer, processes, lane_of, merge=None):
    """Something to submit tasks to: `processes` forked workers, one per lane (Lanes, which
    joins waiting tasks that `merge` joins), when that is more than one (the caller asks
    can_fork() first), else this process."""
    if processes <= 1:
        yield InProcess(renderer)
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with contextlib.ExitStack() as stack:
        pools = [stack.enter_context(context.Pool(1, initializer=_start, initargs=(renderer,)))
                 for _lane in range(processes)]  # fmt: skip
        yield Lanes(pools, lane_of, merge)
