"""Augeas: editing configuration files in the guest through libaugeas.

Daemon procedure numbers for this file: 400 to 429."""

from .types import *

PROC_RANGE = (400, 429)

AUGEAS_CALLS = [
]
