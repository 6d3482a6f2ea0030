"""Share the export's rendering among processes, one per core.

Rendering is Python work (templates, the ORM), so threads would take turns; processes
forked from the exporter each render whole tasks and write their files, and send back
only what the crawl needs (addresses, cache tags, links).

A forked process must not use its parent's database connection: the parent closes its
connections before forking and each worker opens its own. That only works when the
parent's data is committed and on a database other processes can open, so inside a
transaction or on an in-memory SQLite database (the test suite's) the export stays in one
process.
"""

import contextlib
import multiprocessing
import queue

from django.db import connections

_renderer = None  # the worker process's own (set once forked)


def _start(renderer):
    global _renderer
    _renderer = renderer


def _run(task):
    return _renderer.run(task)


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


class Forked:
    """Tasks run in forked worker processes; results come back as they are done."""

    def __init__(self, pool):
        self.pool = pool
        self.results = queue.SimpleQueue()
        self.outstanding = 0

    def submit(self, task):
        self.outstanding += 1
        self.pool.apply_async(_run, (task,), callback=self.results.put,
                              error_callback=self.results.put)  # fmt: skip

    def next_result(self):
        result = self.results.get()
        self.outstanding -= 1
        if isinstance(result, BaseException):
            raise result
        return result

    def map(self, tasks):
        return self.pool.imap_unordered(_run, tasks)


@contextlib.contextmanager
def pool(renderer, processes):
    """Something to submit tasks to: `processes` forked workers when that is more than one
    (the caller asks can_fork() first), else this process."""
    if processes <= 1:
        yield InProcess(renderer)
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start, initargs=(renderer,)) as workers:
        yield Forked(workers)
