"""Keep a mirror current as the network publishes: `export_static DIR --watch`.

A long-running process asks, every few seconds, whether anything readers see changed since
the mirror's last export (core/changes.py records the time of every change: one query by
key) and if so runs `--changed` (a full export first if the directory has none). It sits
beside the web server as a service, not in the publishing path: a slow or failing export
never holds up an editor, a change made while an export runs is picked up by the next, and
one process's start-up (Django, templates, catalogues) is paid once, not per publication.
"""

import threading
import time
import traceback
from datetime import datetime

from django.db import close_old_connections, connection
from wagtail.models import Site

from communique.core.changes import last_change

from .lock import MirrorBusy
from .manifest import Manifest


def exported_at(directory):
    """When the mirror in `directory` was last exported (ISO 8601), or None."""
    with Manifest(directory) as manifest:
        return (manifest.exists() or None) and manifest.exported_at()


def pending(directory):
    """Whether readers' content changed since the mirror in `directory` was exported, or
    there is no mirror there yet."""
    exported = exported_at(directory)
    if not exported:
        return True
    changed = last_change()
    return changed is not None and changed >= datetime.fromisoformat(exported)


def watch(exporter, interval, report, stop=None, rounds=None):
    """Export what changed into `exporter`'s directory whenever content changes, looking
    every `interval` seconds, until `stop` (an Event) is set, or after `rounds` looks.

    `report(outcome, seconds)` follows each export: its Result, or the exception that
    ended it (the export is tried again at the next look; MirrorBusy: another export, such
    as a full one started by hand, was writing the directory)."""
    stop = stop or threading.Event()
    looked = 0
    while not stop.is_set() and (rounds is None or looked < rounds):
        looked += 1
        if not connection.in_atomic_block:  # a caller's transaction (a test's) is not ours
            close_old_connections()  # long-lived: drop a connection the server has closed
        if pending(exporter.directory):
            # Another process may have changed the site: its root paths are cached here.
            Site.clear_site_root_paths_cache()
            started = time.perf_counter()
            try:
                export = exporter.changed if exported_at(exporter.directory) else exporter.full
                outcome = export()
            except MirrorBusy as busy:
                outcome = busy
            except Exception as error:  # noqa: BLE001 - reported; the service carries on
                outcome = error
                traceback.print_exc()
            report(outcome, time.perf_counter() - started)
        if rounds is None or looked < rounds:
            stop.wait(interval)
