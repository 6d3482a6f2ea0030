"""The export's worker processes: tasks are shared among them and their answers come back."""

import os

import pytest

from communique.mirror import workers


class EchoRenderer:
    """Answers a task with the process that ran it; fails on request."""

    def run(self, task):
        if task == "fail":
            raise ValueError("this task fails")
        return task, os.getpid()


def test_forked_workers_share_the_tasks_and_return_every_answer():
    with workers.pool(EchoRenderer(), 2) as tasks:
        assert isinstance(tasks, workers.Forked)
        for number in range(40):
            tasks.submit(number)
        answers = []
        while tasks.outstanding:
            answers.append(tasks.next_result())
        mapped = list(tasks.map(range(40, 44)))
    assert sorted(task for task, _pid in answers) == list(range(40))
    assert sorted(task for task, _pid in mapped) == [40, 41, 42, 43]
    assert os.getpid() not in {pid for _task, pid in answers + mapped}


def test_a_failing_task_raises_its_error_in_the_exporter():
    with workers.pool(EchoRenderer(), 2) as tasks:
        tasks.submit("fail")
        with pytest.raises(ValueError, match="this task fails"):
            tasks.next_result()


@pytest.mark.django_db
def test_inside_a_transaction_the_export_stays_in_this_process():
    """Workers would not see uncommitted data (or an in-memory database)."""
    assert not workers.can_fork()


def test_one_process_runs_the_tasks_here():
    with workers.pool(EchoRenderer(), 1) as tasks:
        assert isinstance(tasks, workers.InProcess)
        tasks.submit(1)
        assert tasks.next_result() == (1, os.getpid())
        assert list(tasks.map([2])) == [(2, os.getpid())]
