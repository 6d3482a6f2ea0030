"""Benchmark settings: the development set-up with DEBUG off, as production runs templates."""

from .dev import *  # noqa: F403

DEBUG = False
