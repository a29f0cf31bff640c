"""More calls on files and directories: searching, partial reads and writes, links, special files, extended attributes, timestamps, streaming formats.

Daemon procedure numbers for this file: 100 to 199."""

from .types import *

PROC_RANGE = (100, 199)

FILES2_CALLS = [
]
