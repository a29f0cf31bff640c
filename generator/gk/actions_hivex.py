"""hivex: reading and editing Windows registry hive files.

Daemon procedure numbers for this file: 430 to 459."""

from .types import *

PROC_RANGE = (430, 459)

HIVEX_CALLS = [
]
