"""One export at a time into a mirror: a cron job's `--changed`, a `--watch` and a full export
started by hand would otherwise write the same files and manifest at once."""

import contextlib
import fcntl
from pathlib import Path

NAME = ".communique-mirror.lock"


class MirrorBusy(Exception):
    pass


@contextlib.contextmanager
def exclusive(directory):
    """Hold the mirror's lock while the block runs; MirrorBusy if another process holds it.

    An advisory lock (flock) on a file in the mirror: the system releases it when its
    holder ends, however it ends, so a killed export leaves no stale lock behind."""
    path = Path(directory) / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"Another export is writing {directory}: try again when it ends."
            raise MirrorBusy(message) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
