"""The appliance after boot: a restored (warm) appliance's fresh entropy
and clock, and drives plugged into or out of a running appliance.

Daemon procedure numbers for this file: 650 to 679."""

from .types import *

PROC_RANGE = (650, 679)

APPLIANCE_CALLS = [
    Call("internal_reseed", RErr,
         [BufferIn("entropy"), Int64("seconds"), Int("nanoseconds")],
         proc=650, internal=True,
         shortdesc="fresh entropy and clock for a restored appliance",
         longdesc="""
A restored appliance starts with the random state and the clock it had
when it was saved.  This credits C<entropy> (random bytes from the host)
to the kernel's pool, reseeds its generator, and sets the clock to
C<seconds>.C<nanoseconds> since the epoch."""),

    Call("internal_rescan_disks", RErr, [Int("ndisks")],
         proc=651, internal=True,
         shortdesc="wait for plugged or unplugged disks",
         longdesc="""
Wait until the appliance sees exactly C<ndisks> disks, read the
partition tables of new ones, and forget cached device names."""),

    Call("internal_check_unused", RErr, [Device("device")],
         proc=652, internal=True,
         shortdesc="check a disk can be unplugged",
         longdesc="""
Fail if C<device> is in use (a filesystem on it is mounted, or LVM, MD
or a LUKS mapping holds it); otherwise flush its buffers."""),

    Call("remove_drive", RErr, [String("label")],
         shortdesc="remove a disk image",
         longdesc="""
This function is conceptually the opposite of C<guestfs_add_drive_opts>.
It removes the drive that was previously added with label C<label>.

Note that in order to remove drives, you have to add them with labels
(see the optional C<label> argument to C<guestfs_add_drive_opts>).  If
you didn't use a label, then they cannot be removed.

You can call this function before or after launching the handle.  If
called after launch, the drive is hot-unplugged from the running
appliance.  The disk must not be in use (eg. mounted) when you do this:
the call checks and fails if it is.""",
         tests=[Test("InitNone", TestLastFail([["remove_drive", "nosuchlabel"]]))]),
]
