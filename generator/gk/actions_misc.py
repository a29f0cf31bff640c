"""Running commands in the guest, feature groups, debugging, and handle properties (library-side calls have no proc).

Daemon procedure numbers for this file: 460 to 499."""

from .types import *

PROC_RANGE = (460, 499)

MISC_CALLS = [
]
