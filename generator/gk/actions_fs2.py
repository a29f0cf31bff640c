"""Filesystem creation, labels and UUIDs, checking, resizing, swap, and the ext/xfs/btrfs/ntfs specific tools.

Daemon procedure numbers for this file: 250 to 329."""

from .types import *

PROC_RANGE = (250, 329)

FS2_CALLS = [
]
