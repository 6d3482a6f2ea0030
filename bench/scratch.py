"""Where a benchmark writes its files, and when they are removed.

On a file system without a journal (these machines' ext4: /sys/fs/ext4/*/journal_task
says <none>), the kernel does not reuse the inode of a file deleted in the last minute or
more (ext4's RECENTCY_MIN, 60 s, and 300 s while the inode's table block is unwritten)
and looks past each such inode, for every file it creates: right after a tree of 20,000
files is removed, making a folder and a page in it cost 0.92 ms of CPU against 0.23 ms
20 seconds later. A measurement run just after another one's output was removed paid for
that removal. So `make bench` (run.py) gives its measurements one scratch folder
(BENCH_SCRATCH) and removes it once they are all done; a script run on its own removes
its output when it ends, as before.
"""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

SCRATCH = "BENCH_SCRATCH"


@contextlib.contextmanager
def directory(prefix):
    """A new folder for one measurement's files: kept until the run's end under
    BENCH_SCRATCH if that is set, else removed when the block ends."""
    base = os.environ.get(SCRATCH)
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    try:
        yield path
    finally:
        if base is None:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def session():
    """Set BENCH_SCRATCH for the measurements run in the block; remove it after."""
    path = tempfile.mkdtemp(prefix="communique-bench-scratch-")
    os.environ[SCRATCH] = path
    try:
        yield Path(path)
    finally:
        del os.environ[SCRATCH]
        shutil.rmtree(path, ignore_errors=True)
