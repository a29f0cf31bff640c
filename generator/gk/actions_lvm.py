"""LVM, LUKS and MD RAID.

Daemon procedure numbers for this file: 330 to 399."""

from .types import *

PROC_RANGE = (330, 399)

LVM_CALLS = [
]
