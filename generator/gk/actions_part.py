"""Partitions, block devices and device names.

Daemon procedure numbers for this file: 200 to 249."""

from .types import *

PROC_RANGE = (200, 249)

PART_CALLS = [
]
