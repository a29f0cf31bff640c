"""Calls implemented in the host library (no daemon round trip): drives,
launch and shutdown, handle properties.  Each is `guestfs_impl_<name>` in
lib/."""

from .types import *

HANDLE_CALLS = [
    Call("add_drive", RErr, [String("filename")],
         [OBool("readonly"), OString("format"), OString("iface"),
          OString("name"), OString("label"), OString("protocol"),
          OStringList("server"), OString("username"), OString("secret"),
          OString("cachemode"), OString("discard"), OBool("copyonread"),
          OInt("blocksize")],
         once_had_no_optargs=True, fish_alias=["add", "add-drive-opts"],
         shortdesc="add an image to examine or modify",
         longdesc="""
This function adds a disk image called F<filename> to the handle.
F<filename> may be a regular host file or a host device.

When this function is called before C<guestfs_launch> (the usual case)
then the first time you call this function, the disk appears in the API
as F</dev/sda>, the second time as F</dev/sdb>, and so on.

Called on a launched handle, the drive is hot-plugged into the running
appliance and becomes the next F</dev/sdX> (and F</dev/disk/guestfs/LABEL>
when it has a C<label>): see L<guestfs(3)/HOT-PLUGGING>.  Only virtio-scsi
drives can be hot-plugged.

The optional arguments are:

=over 4

=item C<readonly>

If true then the image is treated as read-only.  Writes are still
allowed, but they are stored in a temporary qcow2 overlay which is
discarded at the end.  The disk that you add is not modified.

=item C<format>

This forces the image format.  If you omit this (or use
C<guestfs_add_drive> or C<guestfs_add_drive_ro>) then the format is
automatically detected.  Possible formats include C<raw> and C<qcow2>.

Automatic detection of the format opens you up to a potential security
hole when dealing with untrusted raw-format images.  Specifying the format
closes this security hole.

=item C<iface>

C<virtio-scsi> (the default, also C<scsi>) or C<virtio-blk> (also
C<virtio>): how the drive is attached to the appliance.  Either way the
API calls it F</dev/sdX>; drives added with C<virtio-blk> must come after
all the others, since the appliance lists them last.  C<ide> is not
supported.

=item C<name>

Accepted for compatibility (it was used by inspection of old guests).

=item C<label>

Give the disk a label which is exposed to the daemon.  The drive can
then be referred to as F</dev/disk/guestfs/I<label>>.  A label is 1 to
20 ASCII letters.

=item C<protocol>

Only C<file> (the default) is supported.

=item C<server>, C<username>, C<secret>

For network protocols, which are not supported; giving them is an error.

=item C<cachemode>

C<writeback> (the default) or C<unsafe>.  C<unsafe> skips flushes to the
host, which is faster but loses data if the host crashes.

=item C<discard>

C<disable> (the default), C<enable> or C<besteffort>: whether discard
(trim) requests from the guest are passed to the image, so that it
shrinks when files are deleted (with C<guestfs_fstrim> or the C<discard>
mount option).

With C<enable>, C<guestfs_launch> fails (errno C<ENOTSUP>) if discard
cannot work: the format is not C<raw> or C<qcow2>, or the drive is
read-only (then C<add_drive> already fails).  With C<besteffort> discard
is enabled where possible and silently left off elsewhere.

=item C<copyonread>

If true, data read from the image is also written to the top layer
(qemu's C<copy-on-read>): with a read-only drive, blocks read once come
from the local overlay afterwards, which helps slow or remote backing
files.  The default is false.

=item C<blocksize>

The logical and physical block size of the disk as seen by the
appliance: 512 (the default) or 4096.

=back""",
         see_also=["add_drive_ro", "launch"]),

    Call("add_domain", RInt, [String("dom")],
         [OString("libvirturi"), OBool("readonly"), OString("iface"),
          OBool("live"), OBool("allowuuid"), OString("readonlydisk"),
          OString("cachemode"), OString("discard"), OBool("copyonread")],
         fish_alias=["domain"],
         shortdesc="add the disk(s) from a named libvirt domain",
         longdesc="""
This function adds the disk(s) attached to the named libvirt domain
C<dom>.  It connects to libvirt, looks the domain up, reads its XML
description and calls C<guestfs_add_drive_opts> for each disk that has
a local source (C<E<lt>source file=...E<gt>> or
C<E<lt>source dev=...E<gt>>), with the format given by the disk's
C<E<lt>driver type=...E<gt>> (none given: the format is detected).
Disks without a source (an empty CD-ROM drive) are skipped; a network
or volume disk is an error.

The number of disks added is returned.  The call is atomic: if it
fails, no disk is added.

Unless C<readonly> is true, the domain must be shut off: writing to
the disks of a running virtual machine can corrupt them, so the call
fails for a running domain.

The optional parameters are:

=over 4

=item C<libvirturi>

The libvirt connection URI (see L<https://libvirt.org/uri.html>), for
example C<test:///path/to/domains.xml> for libvirt's test driver.  If
not set, libvirt's default connection is used.

=item C<readonly>

Add every disk read-only (see C<guestfs_add_drive_opts>).

=item C<live>

Accepted for compatibility; ignored (as in libguestfs E<ge> 1.48).

=item C<allowuuid>

If true, C<dom> may also be the domain's UUID: it is tried as a UUID
first, then as a name.

=item C<readonlydisk>

What to do with disks marked C<E<lt>readonly/E<gt>> in the XML:
C<error> (fail unless C<readonly> is true), C<read> (add them
read-only), C<write> (the default: add them as the other disks) or
C<ignore> (skip them).

=item C<iface>, C<cachemode>, C<discard>, C<copyonread>

Passed through to C<guestfs_add_drive_opts> for every disk.

=back""",
         see_also=["add_drive_opts"]),

    Call("add_libvirt_dom", RInt, [Pointer("void *", "dom")],
         [OBool("readonly"), OString("iface"), OBool("live"),
          OString("readonlydisk"), OString("cachemode"), OString("discard"),
          OBool("copyonread")],
         not_in_fish=True, c_only=True,
         shortdesc="add the disk(s) from a libvirt domain",
         longdesc="""
This function adds the disk(s) attached to the libvirt domain C<dom>,
a C<virDomainPtr> that the caller obtained from libvirt (C<dom> is
declared C<void *> so that this header does not need libvirt's).  The
domain's connection, and the domain, stay the caller's: this call
neither closes nor frees them.

It is the same as C<guestfs_add_domain>, without the lookup: the disks
and their formats come from the domain's XML, a running domain is
refused unless C<readonly> is true, and the number of disks added is
returned, all or none.  The optional parameters are those of
C<guestfs_add_domain> of the same names.

This call is only available from C.""",
         see_also=["add_domain", "add_drive_opts"]),

    Call("set_libvirt_supported_credentials", RErr, [StringList("creds")],
         shortdesc="set libvirt credentials supported by calling program",
         longdesc="""
Say which kinds of credential the program can supply when libvirt asks
for them while C<guestfs_add_domain> (or a tool's B<-d>) connects.
Each string is one of C<username>, C<authname>, C<language>,
C<cnonce>, C<passphrase>, C<echoprompt>, C<noechoprompt>, C<realm> or
C<external>.

Once set, libvirt's questions are not asked on the terminal: each time
libvirt needs credentials, an C<GUESTFS_EVENT_LIBVIRT_AUTH> event is
raised (its buffer holds the connection URI).  The event callback calls
C<guestfs_get_libvirt_requested_credentials> for the list of what is
asked, C<guestfs_get_libvirt_requested_credential_prompt> (and
C<_challenge>, C<_defresult>) for the details of each, and
C<guestfs_set_libvirt_requested_credential> for each answer.  A
credential left unanswered makes the connection fail.

An empty list goes back to libvirt's default (asking on the terminal).""",
         see_also=["get_libvirt_requested_credentials",
                   "set_libvirt_requested_credential"]),

    Call("get_libvirt_requested_credentials", RStringList, [],
         shortdesc="get list of credentials requested by libvirt",
         longdesc="""
In a C<GUESTFS_EVENT_LIBVIRT_AUTH> callback, the kinds of the
credentials libvirt asks for, in its order (the names of
C<guestfs_set_libvirt_supported_credentials>).  The index of each is
the index for the other credential calls.  Outside such a callback
this is an error.""",
         see_also=["set_libvirt_supported_credentials"]),

    Call("get_libvirt_requested_credential_prompt", RString, [Int("index")],
         shortdesc="prompt of i'th requested credential",
         longdesc="""
In a C<GUESTFS_EVENT_LIBVIRT_AUTH> callback, the prompt libvirt gives
for credential C<index> (counting from 0), or an empty string.""",
         see_also=["get_libvirt_requested_credentials"]),

    Call("get_libvirt_requested_credential_challenge", RString, [Int("index")],
         shortdesc="challenge of i'th requested credential",
         longdesc="""
In a C<GUESTFS_EVENT_LIBVIRT_AUTH> callback, the challenge libvirt
gives for credential C<index> (counting from 0), or an empty string.""",
         see_also=["get_libvirt_requested_credentials"]),

    Call("get_libvirt_requested_credential_defresult", RString, [Int("index")],
         shortdesc="default result of i'th requested credential",
         longdesc="""
In a C<GUESTFS_EVENT_LIBVIRT_AUTH> callback, the default answer libvirt
suggests for credential C<index> (counting from 0), or an empty
string.""",
         see_also=["get_libvirt_requested_credentials"]),

    Call("set_libvirt_requested_credential", RErr, [Int("index"), BufferIn("cred")],
         shortdesc="pass requested credential back to libvirt",
         longdesc="""
In a C<GUESTFS_EVENT_LIBVIRT_AUTH> callback, answer credential
C<index> (counting from 0) with C<cred>, which may contain any bytes.
Answering the same credential again replaces the answer.""",
         see_also=["get_libvirt_requested_credentials"]),

    Call("add_drive_ro", RErr, [String("filename")], fish_alias=["add-ro"],
         shortdesc="add a drive in snapshot mode (read-only)",
         longdesc="""
This function is the equivalent of calling C<guestfs_add_drive_opts>
with the optional parameter C<GUESTFS_ADD_DRIVE_OPTS_READONLY> set to 1,
so the disk is added read-only, with the format being detected
automatically.""",
         tests=[Test("InitNone", TestLastFail([["add_drive_ro", "/no/such/image"]]))]),

    Call("add_drive_scratch", RErr, [Int64("size")],
         [OString("name"), OString("label"), OInt("blocksize")],
         fish_alias=["scratch"],
         shortdesc="add a temporary scratch drive",
         longdesc="""
This command adds a temporary scratch drive to the handle.  The C<size>
parameter is the virtual size (in bytes).  The scratch drive is blank
initially (all reads return zeroes until you start writing to it).  The
drive is deleted when the handle is closed.

The optional arguments C<name>, C<label> and C<blocksize> are passed
through to C<guestfs_add_drive_opts>."""),

    Call("launch", RErr, [], fish_alias=["run"],
         shortdesc="launch the backend",
         longdesc="""
You should call this after configuring the handle (eg. adding drives)
but before performing any actions.

It starts the appliance (a small virtual machine) and waits for the
daemon inside it.  An already-built appliance is reused from the cache;
the first launch after a host update rebuilds it.  Where the cache holds
a saved state of the booted appliance, it is restored instead of booted,
which takes a fraction of a second (see L<guestfs(3)/WARM LAUNCHES>)."""),

    Call("shutdown", RErr, [],
         shortdesc="shutdown the backend",
         longdesc="""
This is the opposite of C<guestfs_launch>.  It performs an orderly
shutdown of the backend process(es).  If the autosync flag is set (the
default) then the disk image is synchronized.

If the subprocess exits with an error then this function will return an
error, which should I<not> be ignored (it may indicate that the disk
image could not be written out properly).

It is safe to call this multiple times.  Extra calls are ignored.

This call does I<not> close or free up the handle.  You still need to
call C<guestfs_close> afterwards."""),

    Call("get_state", RInt, [],
         shortdesc="get the current state",
         longdesc="""
This returns the current state as an opaque integer.  This is only
useful for printing debug and internal error messages.  0 is CONFIG,
1 is LAUNCHING, 2 is READY.""",
         tests=[Test("InitNone", TestResultInt([["get_state"]], 2))]),

    Call("is_config", RBool, [],
         shortdesc="is in configuration state",
         longdesc="""
This returns true iff this handle is being configured (in the C<CONFIG>
state).""",
         tests=[Test("InitNone", TestResultFalse([["is_config"]]))]),

    Call("is_launching", RBool, [],
         shortdesc="is launching subprocess",
         longdesc="""
This returns true iff this handle is launching the subprocess (in the
C<LAUNCHING> state).""",
         tests=[Test("InitNone", TestResultFalse([["is_launching"]]))]),

    Call("is_ready", RBool, [],
         shortdesc="is ready to accept commands",
         longdesc="""
This returns true iff this handle is ready to accept commands (in the
C<READY> state).""",
         tests=[Test("InitNone", TestResultTrue([["is_ready"]]))]),

    Call("is_busy", RBool, [],
         shortdesc="is busy processing a command",
         longdesc="""
This always returns false.  This function is deprecated with no
replacement.  Do not use this function.""",
         tests=[Test("InitNone", TestResultFalse([["is_busy"]]))]),

    Call("set_trace", RErr, [Bool("trace")], fish_alias=["trace"],
         shortdesc="enable or disable command traces",
         longdesc="""
If the command trace flag is set to 1, then libguestfs calls, parameters
and return values are traced.

Trace messages are normally sent to C<stderr>, unless you register a
callback to send them somewhere else (see C<guestfs_set_event_callback>).
The environment variable C<LIBGUESTFS_TRACE=1> sets it too."""),

    Call("get_trace", RBool, [],
         shortdesc="get command trace enabled flag",
         longdesc="Return the command trace flag."),

    Call("set_verbose", RErr, [Bool("verbose")], fish_alias=["verbose"],
         shortdesc="set verbose mode",
         longdesc="""
If C<verbose> is true, this turns on verbose messages, including the
appliance's console output.  The environment variable
C<LIBGUESTFS_DEBUG=1> sets it too.""",
         tests=[Test("InitNone", TestResultTrue([["set_verbose", "true"], ["get_verbose"]])),
                Test("InitNone", TestResultFalse([["set_verbose", "false"], ["get_verbose"]]))]),

    Call("get_verbose", RBool, [],
         shortdesc="get verbose mode",
         longdesc="This returns the verbose messages flag.",
         tests=[Test("InitNone", TestResultFalse([["get_verbose"]]))]),

    Call("set_memsize", RErr, [Int("memsize")], fish_alias=["memsize"],
         config_only=True,
         shortdesc="set memory allocated to the hypervisor",
         longdesc="""
This sets the memory size in megabytes allocated to the appliance.  This
only has any effect if called before C<guestfs_launch>.

You can also change this by setting the environment variable
C<LIBGUESTFS_MEMSIZE> before the handle is created.  The minimum is 320 (the appliance does not boot in less)."""),

    Call("get_memsize", RInt, [],
         shortdesc="get memory allocated to the hypervisor",
         longdesc="""
This gets the memory size in megabytes allocated to the appliance."""),

    Call("set_smp", RErr, [Int("smp")], fish_alias=["smp"], config_only=True,
         shortdesc="set number of virtual CPUs in appliance",
         longdesc="""
Change the number of virtual CPUs assigned to the appliance.  The default
is C<1>.  Increasing this may improve performance, though often it has no
effect.  This function must be called before C<guestfs_launch>.""",
         tests=[Test("InitNone", TestLastFail([["set_smp", "2"]]))]),

    Call("get_smp", RInt, [],
         shortdesc="get number of virtual CPUs in appliance",
         longdesc="This returns the number of virtual CPUs assigned to the appliance.",
         tests=[Test("InitNone", TestResultInt([["get_smp"]], 1))]),

    Call("set_path", RErr, [OptString("searchpath")], fish_alias=["path"],
         config_only=True,
         shortdesc="set the search path",
         longdesc="""
Set the path that libguestfs searches for the appliance's inputs (kernel
selection script, init and daemon).  The default is the installed
location, or C<LIBGUESTFS_PATH> if set.  Setting C<searchpath> to
C<NULL> restores the default path.""",
         tests=[Test("InitNone", TestLastFail([["set_path", "/nonexistent"]]))]),

    Call("get_path", RConstString, [],
         shortdesc="get the search path",
         longdesc="Return the current search path.",
         tests=[Test("InitNone", TestResult([["get_path"]], "ret != NULL && ret[0] == '/'"))]),

    Call("set_append", RErr, [OptString("append")], fish_alias=["append"],
         config_only=True,
         shortdesc="add options to kernel command line",
         longdesc="""
This function is used to add additional options to the appliance kernel
command line.  The default is C<NULL> unless overridden by setting the
C<LIBGUESTFS_APPEND> environment variable.  Setting C<append> to C<NULL>
means I<no> additional options are passed."""),

    Call("get_append", RConstOptString, [],
         shortdesc="get the additional kernel options",
         longdesc="""
Return the additional kernel options which are added to the appliance
kernel command line.  If C<NULL> then no options are added."""),

    Call("set_autosync", RErr, [Bool("autosync")], fish_alias=["autosync"],
         shortdesc="set autosync mode",
         longdesc="""
If C<autosync> is true, this enables autosync.  The library will make a
best effort attempt to make filesystems consistent and synchronized when
the handle is closed (also if the program exits without closing
handles).  This is enabled by default."""),

    Call("get_autosync", RBool, [],
         shortdesc="get autosync mode",
         longdesc="Get the autosync flag."),

    Call("set_tmpdir", RErr, [OptString("tmpdir")], config_only=True,
         fish_alias=["tmpdir"],
         shortdesc="set the temporary directory",
         longdesc="""
Set the directory used by the handle to store temporary files (overlays
for read-only drives, sockets).  The default is C<LIBGUESTFS_TMPDIR>,
C<TMPDIR> or F</tmp>.""",
         tests=[Test("InitNone", TestLastFail([["set_tmpdir", "/tmp"]]))]),

    Call("get_tmpdir", RString, [],
         shortdesc="get the temporary directory",
         longdesc="Get the directory used by the handle to store temporary files."),

    Call("set_cachedir", RErr, [OptString("cachedir")], config_only=True,
         fish_alias=["cachedir"],
         shortdesc="set the appliance cache directory",
         longdesc="""
Set the directory used by the handle to store the appliance cache.  The
default is C<LIBGUESTFS_CACHEDIR>, else C<$XDG_CACHE_HOME/guestkit>,
else F</var/tmp>.""",
         tests=[Test("InitNone", TestLastFail([["set_cachedir", "/tmp"]]))]),

    Call("get_cachedir", RString, [],
         shortdesc="get the appliance cache directory",
         longdesc="Get the directory used by the handle to store the appliance cache.",
         tests=[Test("InitNone", TestResult([["get_cachedir"]], "ret[0] == '/'"))]),

    Call("set_backend", RErr, [String("backend")], fish_alias=["backend"],
         config_only=True,
         shortdesc="set the backend",
         longdesc="""
Set the method that libguestfs uses to connect to the backend guestfsd
daemon.  Only C<direct> (run qemu directly) is implemented; C<libvirt>
and C<libvirt:URI> are accepted and mean C<direct>.  The default is
C<LIBGUESTFS_BACKEND> or C<direct>."""),

    Call("get_backend", RString, [],
         shortdesc="get the backend",
         longdesc="Return the current backend."),

    Call("set_backend_settings", RErr, [StringList("settings")],
         config_only=True,
         shortdesc="replace per-backend settings strings",
         longdesc="""
Set a list of zero or more settings which are passed through to the
current backend.  Each setting is a string which is interpreted in a
backend-specific way, or ignored if not understood by the backend.

The default value is an empty list, unless the environment variable
C<LIBGUESTFS_BACKEND_SETTINGS> was set when the handle was created.
This environment variable contains a colon-separated list of settings.

The direct backend understands C<force_tcg> (never use KVM),
C<force_kvm> (use KVM, fail if it does not work) and C<no_snapshot>
(always boot the appliance, never restore a saved one: see
L<guestfs(3)/WARM LAUNCHES>).  C<no_transfer_disk> streams every
uploaded file over the serial channel instead of plugging large ones in
as a disk (see L<guestfs(3)/Large uploads>).

When the library runs as root, qemu drops to an unprivileged user once
it has started: C<nobody> unless C<runas=USER> names another (a user
name, or a numeric uid, which needs no account; through this call,
C<runas=UID:GID> too).  C<runas=> (empty) or C<no_runas> keeps qemu
running as root.  C<no_sandbox> runs qemu without its seccomp filter
(C<-sandbox>), for a qemu built without one.  See
L<guestfs(3)/SECURITY>."""),

    Call("get_backend_settings", RStringList, [],
         shortdesc="get per-backend settings",
         longdesc="Return the current backend settings."),

    Call("set_pgroup", RErr, [Bool("pgroup")], fish_alias=["pgroup"],
         config_only=True,
         shortdesc="set process group flag",
         longdesc="""
If C<pgroup> is true, child processes are placed into their own process
group.

The practical upshot of this is that signals like C<SIGINT> (from users
pressing C<^C>) won't be received by the child process.

The default for this flag is false, because usually you want C<^C> to
kill the subprocess.  Guestfish sets this flag to true when used
interactively, so that C<^C> can cancel long-running commands gracefully
(see C<guestfs_user_cancel>).""",
         tests=[Test("InitNone", TestLastFail([["set_pgroup", "true"]]))]),

    Call("get_pgroup", RBool, [],
         shortdesc="get process group flag",
         longdesc="This returns the process group flag.",
         tests=[Test("InitNone", TestResultFalse([["get_pgroup"]]))]),

    Call("get_pid", RInt, [], fish_alias=["pid"],
         shortdesc="get PID of hypervisor",
         longdesc="""
Return the process ID of the hypervisor.  If there is no hypervisor
running, then this will return an error.

This is an internal call used for debugging and testing."""),

    Call("version", RStruct("version"), [],
         shortdesc="get the library version number",
         longdesc="""
Return the libguestfs version number that the program is linked against.
C<major>, C<minor> and C<release> follow libguestfs's numbering for the
API level this library provides; C<extra> names this implementation."""),
]
