"""Running commands in the guest, feature groups, debugging, and handle properties (library-side calls have no proc).

Daemon procedure numbers for this file: 460 to 499.

OPTGROUPS below is the table of libguestfs's optional groups ("feature
groups", see guestfs_available).  A group is available when at least one
call of the API table names it in its `optional=` field and the appliance
has what the group needs (programs on PATH, filesystems the kernel
supports), which the daemon checks at run time.  A group used by a call
but missing here is simply available whenever the daemon is."""

from .types import *

PROC_RANGE = (460, 499)


class Group:
    """programs: names the daemon looks for on its PATH; filesystems:
    types the kernel must support (built in or as a module)."""
    def __init__(self, name, programs=(), filesystems=()):
        self.name = name
        self.programs = list(programs)
        self.filesystems = list(filesystems)


# libguestfs 1.48's groups (guestfs_available_all_groups lists all of
# them, so programs asking about any of them get a real answer).  Groups
# implemented with system calls or with libraries linked into the daemon
# need nothing more.  The programs are the ones the daemon's
# implementations of the calls run: keep them in step.
OPTGROUPS = [
    Group("acl"),
    Group("augeas"),
    Group("blkdiscard"),
    Group("blkdiscardzeroes"),
    Group("btrfs", ["btrfs"], ["btrfs"]),
    Group("extlinux", ["extlinux"]),
    Group("f2fs", ["mkfs.f2fs"], ["f2fs"]),
    Group("fstrim"),                      # the FITRIM ioctl
    Group("gdisk", ["sgdisk"]),
    Group("grub", ["grub-install"]),
    Group("hivex"),
    Group("inotify"),
    Group("journal"),
    Group("ldm", ["ldmtool"]),
    Group("libtsk"),
    Group("libyara"),
    Group("linuxcaps"),
    Group("linuxfsuuid", ["mkswap"]),
    Group("linuxmodules", ["modprobe"]),
    Group("linuxxattrs"),
    Group("luks", ["cryptsetup"]),
    Group("lvm2", ["lvm"]),
    Group("mdadm", ["mdadm"]),
    Group("mknod"),
    Group("ntfs3g", ["ntfs-3g", "ntfs-3g.probe", "ntfsfix"]),
    Group("ntfsprogs", ["ntfsresize"]),
    Group("realpath"),
    Group("rsync", ["rsync"]),
    Group("scrub", ["scrub"]),
    Group("selinux"),
    Group("selinuxrelabel", ["setfiles"]),
    Group("sleuthkit", ["icat"]),
    Group("squashfs", ["mksquashfs"]),
    Group("syslinux", ["syslinux"]),
    Group("wipefs"),                      # libblkid
    Group("xfs", ["xfs_db", "xfs_growfs", "xfs_repair"], ["xfs"]),
    Group("xz"),                          # libarchive
    Group("zerofree", ["zerofree"]),
]

# Sequences that put a static busybox into the scratch filesystem as the
# guest's /bin/busybox and /bin/sh: the tests' guest operating system.
_BUSYBOX = [["mkdir", "/bin"], ["upload", "/bin/busybox", "/bin/busybox"],
            ["chmod", "0755", "/bin/busybox"], ["ln_s", "busybox", "/bin/sh"]]

_COMMAND_DOC = """
The C<$PATH> environment variable will contain at least F</usr/bin> and
F</bin>.  If you require a program from another location, you should
provide the full path in the first parameter.

Shared libraries and data files required by the program must be
available on filesystems which are mounted in the correct places.  It is
the caller's responsibility to ensure all filesystems that are needed
are mounted at the right locations.

For the duration of the command the appliance's F</dev> (with
F</dev/pts>), F</sys> and a fresh F</proc> are mounted on the guest's
F</dev>, F</sys> and F</proc>, where those are directories (symbolic
links there are left alone).  These mounts are private to the command:
they are never visible in the guest filesystem, not even while the
command runs, and they vanish when it exits.  Any process the command
leaves behind (for example C<daemon &>) is killed when the command
exits.  If networking is enabled (C<guestfs_set_network>), the guest's
F</etc/resolv.conf>, if it exists, is replaced during the command by the
appliance's.

Standard input is F</dev/null>.  Standard output is returned and may be
up to 128 MiB; a command printing more is killed and the call fails.
Standard error is collected (its first 64 KiB) for the error message."""

MISC_CALLS = [
    # ---- running commands in the guest ----------------------------------
    Call("command", RString, [StringList("arguments")], proc=460,
         progress=True,
         shortdesc="run a command from the guest filesystem",
         longdesc="""
This call runs a command from the guest filesystem.  The filesystem must
be mounted, and must contain a compatible operating system (ie.
something Linux, with the same or compatible processor architecture).

The single parameter is an argv-style list of arguments.  The first
element is the name of the program to run.  Subsequent elements are
parameters.  The list must be non-empty (ie. must contain a program
name).  Note that the command runs directly, and is I<not> invoked via
the shell (see C<guestfs_sh>).

The return value is anything printed to I<stdout> by the command.

If the command returns a non-zero exit status, then this function
returns an error message.  The error message string is the content of
I<stderr> from the command (or, if that is empty, the exit status).
""" + _COMMAND_DOC,
         tests=[
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["command", "/bin/busybox echo hello world"]],
                 "hello world\n")),
             # The command sees the guest's files, not the appliance's.
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["write", "/marker", "from the guest"],
                             ["command", "/bin/busybox cat /marker"]],
                 "from the guest")),
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["mkdir", "/etc"], ["touch", "/etc/guestonly"],
                             ["command", "/bin/busybox ls /etc"]],
                 "guestonly\n")),
             Test("InitScratchFS", TestLastFail(
                 _BUSYBOX + [["command", "/bin/busybox false"]])),
             Test("InitScratchFS", TestLastFail(
                 _BUSYBOX + [["command", "/bin/nosuchprogram"]])),
             Test("InitScratchFS", TestLastFail([["command", ""]])),
             # No root filesystem mounted.
             Test("InitEmpty", TestLastFail(
                 [["command", "/bin/busybox true"]])),
         ]),

    Call("command_lines", RStringList, [StringList("arguments")], proc=461,
         progress=True,
         shortdesc="run a command, returning lines",
         longdesc="""
This is the same as C<guestfs_command>, but splits the result into a
list of lines.  A final newline does not start an empty line.

See also: C<guestfs_sh_lines>""",
         tests=[
             Test("InitScratchFS", TestResultList(
                 _BUSYBOX + [["command_lines", "/bin/busybox seq 3"]],
                 ["1", "2", "3"])),
             Test("InitScratchFS", TestResultList(
                 _BUSYBOX + [["command_lines", "/bin/busybox true"]], [])),
             Test("InitScratchFS", TestLastFail(
                 _BUSYBOX + [["command_lines", "/bin/busybox false"]])),
         ]),

    Call("sh", RString, [String("command")], proc=462, progress=True,
         shortdesc="run a command via the shell",
         longdesc="""
This call runs a command from the guest filesystem via the guest's
F</bin/sh>.

This is like C<guestfs_command>, but passes the command to:

 /bin/sh -c "command"

Depending on the guest's shell, this usually results in wildcards being
expanded, shell expressions being interpolated and so on.

All the provisos about C<guestfs_command> apply to this call.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["sh", "echo $((6 * 7))"]], "42\n")),
             Test("InitScratchFS", TestLastFail(
                 _BUSYBOX + [["sh", "echo out; echo err >&2; exit 3"]])),
             # /proc, /dev and /sys are there during the command ...
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["mkdir", "/proc"], ["mkdir", "/dev"],
                             ["mkdir", "/sys"],
                             ["sh", "test -r /proc/self/status && echo x >/dev/null "
                                    "&& test -d /sys/block && test -d /dev/pts && echo ok"]],
                 "ok\n")),
             # ... and gone afterwards.
             Test("InitScratchFS", TestResultList(
                 _BUSYBOX + [["mkdir", "/proc"], ["mkdir", "/dev"],
                             ["sh", "ls /proc >/dev/null"], ["ls", "/proc"]], [])),
             # A guest symlink is never followed to mount over its target.
             Test("InitScratchFS", TestResultString(
                 _BUSYBOX + [["mkdir", "/target"], ["ln_s", "/target", "/dev"],
                             ["sh", "ls /target"]], "")),
             # Processes left behind are killed when the command exits.
             Test("InitScratchFS", TestResultFalse(
                 _BUSYBOX + [["sh", "(sleep 2; echo late >/late) >/dev/null 2>&1 &"],
                             ["sleep", "4"], ["exists", "/late"]])),
         ]),

    Call("sh_lines", RStringList, [String("command")], proc=463,
         progress=True,
         shortdesc="run a command via the shell returning lines",
         longdesc="""
This is the same as C<guestfs_sh>, but splits the result into a list of
lines.

See also: C<guestfs_command_lines>""",
         tests=[
             Test("InitScratchFS", TestResultList(
                 _BUSYBOX + [["sh_lines", "echo a; echo; echo b"]],
                 ["a", "", "b"])),
             Test("InitScratchFS", TestResultList(
                 _BUSYBOX + [["sh_lines", "printf 'x\\r\\ny'"]], ["x\r", "y"])),
         ]),

    # ---- debugging and the appliance ------------------------------------
    Call("dmesg", RString, [], proc=464,
         shortdesc="return kernel messages",
         longdesc="""
This returns the kernel messages (L<dmesg(1)> output) from the guest
kernel.  This is sometimes useful for extended debugging of problems.

Another way to get the same information is to enable verbose messages
with C<guestfs_set_verbose> or by setting the environment variable
C<LIBGUESTFS_DEBUG=1> before running the program.""",
         tests=[Test("InitNone", TestResult(
             [["dmesg"]], 'strstr (ret, "Linux version") != NULL'))]),

    Call("sleep", RErr, [Int("secs")], proc=465,
         shortdesc="sleep for some seconds",
         longdesc="""
Sleep for C<secs> seconds.  C<secs> must not be negative.""",
         tests=[Test("InitNone", TestRun([["sleep", "1"]])),
                Test("InitNone", TestLastFail([["sleep", "-1"]]))]),

    Call("echo_daemon", RString, [StringList("words")], proc=466,
         shortdesc="echo arguments back to the client",
         longdesc="""
This command concatenates the list of C<words> passed with single spaces
between them and returns the resulting string.

You can use this command to test the connection through to the daemon.

See also C<guestfs_ping_daemon>.""",
         tests=[Test("InitNone", TestResultString(
             [["echo_daemon", "This is a test"]], "This is a test")),
                Test("InitNone", TestResultString([["echo_daemon", ""]], ""))]),

    Call("debug", RString, [String("subcmd"), StringList("extraargs")],
         proc=467, not_in_docs=True,
         shortdesc="debugging and internals",
         longdesc="""
The C<guestfs_debug> command exposes some internals of C<guestfsd> (the
guestfs daemon) that runs inside the hypervisor.

C<debug help 0> lists the subcommands: C<env> (the daemon's
environment), C<fds> (its open file descriptors), C<ls> and C<ll>
(list directories of the appliance, not of the guest), C<print>
(echo the arguments), C<segv> (the daemon dies of a segmentation
fault, as in libguestfs) and C<panic> (the appliance's kernel panics),
both for testing how a program copes with a dead appliance, and
C<help>.  Unlike libguestfs, there is no subcommand that runs arbitrary
programs.""",
         tests=[Test("InitNone", TestResult(
             [["debug", "help", ""]], 'strstr (ret, "fds") != NULL')),
                Test("InitNone", TestResult(
             [["debug", "env", ""]], 'strstr (ret, "PATH=") != NULL')),
                Test("InitNone", TestResult(
             [["debug", "ls", "/"]], 'strstr (ret, "sysroot") != NULL')),
                Test("InitNone", TestLastFail([["debug", "sh", "true"]]))]),

    Call("utsname", RStruct("utsname"), [], proc=468,
         shortdesc="appliance kernel version",
         longdesc="""
This returns the kernel version of the appliance, where this is
available.  This information is only useful for debugging.  Nothing in
the returned structure is defined by the API.""",
         tests=[Test("InitNone", TestResult(
             [["utsname"]],
             'strcmp (ret->uts_sysname, "Linux") == 0 && ret->uts_release[0] != 0'))]),

    # ---- feature groups -------------------------------------------------
    Call("internal_feature_available", RInt, [String("group")], proc=469,
         internal=True,
         shortdesc="test availability of some parts of the API",
         longdesc="""
This is the internal call which implements C<guestfs_available> and
C<guestfs_feature_available>.  It returns 0 if the group is available,
1 if it is not, and 2 if the group name is unknown."""),

    Call("available_all_groups", RStringList, [], proc=470,
         shortdesc="return a list of all optional groups",
         longdesc="""
This command returns a list of all optional groups that this daemon
knows about.  Note this returns both supported and unsupported groups.
To find out which ones the daemon can actually support you have to call
C<guestfs_available> / C<guestfs_feature_available> on each member of
the returned list.

See also C<guestfs_available>, C<guestfs_feature_available> and
L<guestfs(3)/AVAILABILITY>.""",
         tests=[Test("InitNone", TestResult(
             [["available_all_groups"]],
             'has_string (ret, "lvm2") && has_string (ret, "xfs") && '
             'has_string (ret, "zerofree")'))]),

    Call("available", RErr, [StringList("groups")],
         shortdesc="test availability of some parts of the API",
         longdesc="""
This command is used to check the availability of some groups of
functionality in the appliance, which not all builds of the libguestfs
appliance will be able to provide.

The libguestfs groups, and the functions that those groups correspond
to, are listed in L<guestfs(3)/AVAILABILITY>.  You can also fetch this
list at runtime by calling C<guestfs_available_all_groups>.

The argument C<groups> is a list of group names, eg:
C<["inotify", "augeas"]> would check for the availability of the Linux
inotify functions and Augeas (configuration file editing) functions.

The command returns no error if I<all> requested groups are available.

It fails with an error if one or more of the requested groups is
unavailable in the appliance.

If an unknown group name is included in the list of groups then an
error is always returned.

I<Notes:>

=over 4

=item *

C<guestfs_feature_available> is the same as this call, but with a
slightly simpler to use API: that call returns a boolean true/false
instead of throwing an error.

=item *

You must call C<guestfs_launch> before calling this function.

The reason is because we don't know what groups are supported by the
appliance/daemon until it is running and can be queried.

=item *

If a group of functions is available, this does not necessarily mean
that they will work.  You still have to check for errors when calling
individual API functions even if they are available.

=item *

In guestkit a group is available when this build implements its calls
and the appliance has the programs and kernel support they need (for
example the C<lvm> program for C<lvm2>, the C<xfs> filesystem and
F<xfsprogs> for C<xfs>).  The answer is cached in the handle until the
next launch.

=back

See also C<guestfs_filesystem_available>.""",
         tests=[Test("InitNone", TestRun([["available", ""]])),
                Test("InitNone", TestLastFail([["available", "nosuchgroup"]])),
                Test("InitNone", TestLastFail([["available", "journal"]]))]),

    Call("feature_available", RBool, [StringList("groups")],
         shortdesc="test availability of some parts of the API",
         longdesc="""
This is the same as C<guestfs_available>, but unlike that call it
returns a simple true/false boolean result, instead of throwing an
exception if a feature is not found.  For other documentation see
C<guestfs_available>.""",
         tests=[Test("InitNone", TestResultTrue([["feature_available", ""]])),
                Test("InitNone", TestResultFalse([["feature_available", "journal"]])),
                Test("InitNone", TestLastFail([["feature_available", "nosuchgroup"]]))]),

    # ---- handle properties ----------------------------------------------
    Call("set_program", RErr, [String("program")], fish_alias=["program"],
         shortdesc="set the program name",
         longdesc="""
Set the program name.  This is an informative string which the main
program may optionally set in the handle.

When the handle is created, the program name in the handle is set to
the basename from C<argv[0]>.  The program name can never be C<NULL>.""",
         tests=[Test("InitNone", TestResultString(
             [["set_program", "testprog"], ["get_program"]], "testprog"))]),

    Call("get_program", RConstString, [],
         shortdesc="get the program name",
         longdesc="Get the program name.  See C<guestfs_set_program>.",
         tests=[Test("InitNone", TestRun([["get_program"]]))]),

    Call("set_identifier", RErr, [String("identifier")],
         fish_alias=["identifier"],
         shortdesc="set the handle identifier",
         longdesc="""
This is an informative string which the caller may optionally set in
the handle.  It is printed in various places, allowing the current
handle to be identified in debugging output.

One important place is when tracing is enabled.  If the identifier
string is not an empty string, then trace messages change from this:

 libguestfs: trace: get_tmpdir
 libguestfs: trace: get_tmpdir = "/tmp"

to this:

 libguestfs: trace: ID: get_tmpdir
 libguestfs: trace: ID: get_tmpdir = "/tmp"

where C<ID> is the identifier string set by this call.

The identifier must only contain alphanumeric ASCII characters,
underscore and minus sign.  The default is the empty string.

See also C<guestfs_set_program>, C<guestfs_set_trace>,
C<guestfs_get_identifier>.""",
         tests=[Test("InitNone", TestResultString(
             [["set_identifier", "test-ID_1"], ["get_identifier"]], "test-ID_1")),
                Test("InitNone", TestLastFail([["set_identifier", "a:b"]]))]),

    Call("get_identifier", RConstString, [],
         shortdesc="get the handle identifier",
         longdesc="Get the handle identifier.  See C<guestfs_set_identifier>.",
         tests=[Test("InitNone", TestResultString(
             [["set_identifier", ""], ["get_identifier"]], ""))]),

    Call("set_hv", RErr, [String("hv")], fish_alias=["hv"], config_only=True,
         shortdesc="set the hypervisor binary",
         longdesc="""
Set the hypervisor binary that we will use.  The hypervisor depends on
the backend, but is usually the location of the qemu/KVM hypervisor.

The default is F<qemu-system-x86_64> (searched in C<$PATH>).

You can also override this by setting the C<LIBGUESTFS_HV> environment
variable.

Note that you should call this function as early as possible after
creating the handle.""",
         tests=[Test("InitNone", TestLastFail([["set_hv", "/bin/false"]]))]),

    Call("get_hv", RString, [],
         shortdesc="get the hypervisor binary",
         longdesc="""
Return the current hypervisor binary.

This is always non-NULL.  If it wasn't set already, then this will
return the default qemu binary name.""",
         tests=[Test("InitNone", TestResult([["get_hv"]], 'strstr (ret, "qemu") != NULL'))]),

    Call("set_qemu", RErr, [OptString("hv")], fish_alias=["qemu"],
         config_only=True, deprecated_by="set_hv",
         shortdesc="set the hypervisor binary (usually qemu)",
         longdesc="""
Set the hypervisor binary (usually qemu) that we will use.

Setting C<hv> to C<NULL> restores the default qemu binary.

This is the same as C<guestfs_set_hv>, except that C<NULL> is allowed.""",
         tests=[Test("InitNone", TestLastFail([["set_qemu", ""]]))]),

    Call("get_qemu", RConstString, [], deprecated_by="get_hv",
         shortdesc="get the hypervisor binary (usually qemu)",
         longdesc="""
Return the current hypervisor binary (usually qemu).

This is always non-NULL.  If it wasn't set already, then this will
return the default qemu binary name.""",
         tests=[Test("InitNone", TestResult([["get_qemu"]], 'strstr (ret, "qemu") != NULL'))]),

    Call("get_sockdir", RString, [],
         shortdesc="get the temporary directory for sockets and PID files",
         longdesc="""
Get the directory used by the handle to store temporary socket and PID
files.

This is different from C<guestfs_get_tmpdir>, as we need shorter paths
for sockets (due to the limited buffers of filenames for UNIX sockets),
and C<guestfs_get_tmpdir> may be too long for them.

The environment variable C<XDG_RUNTIME_DIR> controls the default value:
If C<XDG_RUNTIME_DIR> is set, then that is the default.  Else F</tmp> is
the default.

(guestkit itself talks to the appliance over socket pairs and needs no
socket files.)""",
         tests=[Test("InitNone", TestResult([["get_sockdir"]], 'ret[0] == \'/\''))]),

    Call("set_network", RErr, [Bool("network")], fish_alias=["network"],
         config_only=True,
         shortdesc="set enable network flag",
         longdesc="""
If C<network> is true, then the network is enabled in the libguestfs
appliance.  The default is false.

This affects whether commands are able to access the network (see
L<guestfs(3)/RUNNING COMMANDS>).

The appliance gets a virtio network card on qemu's user-mode network,
configured statically (address 169.254.2.15/16, gateway 169.254.2.2,
DNS server 169.254.2.3), so no DHCP client is needed.

You must call this before calling C<guestfs_launch>, otherwise it has no
effect.""",
         tests=[Test("InitNone", TestLastFail([["set_network", "true"]]))]),

    Call("get_network", RBool, [],
         shortdesc="get enable network flag",
         longdesc="This returns the enable network flag.",
         tests=[Test("InitNone", TestResultFalse([["get_network"]]))]),

    Call("get_backend_setting", RString, [String("name")],
         shortdesc="get a single per-backend settings string",
         longdesc="""
Find a backend setting string which is either C<"name"> or begins with
C<"name=">.  If C<"name">, this returns the string C<"1">.  If
C<"name=">, this returns the part after the equals sign (which may be an
empty string).

If no such setting is found, this function throws an error.  The errno
(see C<guestfs_last_errno>) will be C<ESRCH> in this case.

See L<guestfs(3)/BACKEND>, L<guestfs(3)/BACKEND SETTINGS>.""",
         tests=[Test("InitNone", TestLastFail(
             [["get_backend_setting", "nosuchsetting"]]))]),

    Call("set_backend_setting", RErr, [String("name"), String("val")],
         config_only=True,
         shortdesc="set a single per-backend settings string",
         longdesc="""
Append C<"name=value"> to the backend settings string list.  However if
a string already exists matching C<"name"> or beginning with C<"name=">,
then that setting is replaced.

See L<guestfs(3)/BACKEND>, L<guestfs(3)/BACKEND SETTINGS>.""",
         tests=[Test("InitNone", TestLastFail(
             [["set_backend_setting", "foo", "bar"]]))]),

    Call("clear_backend_setting", RInt, [String("name")], config_only=True,
         shortdesc="remove a single per-backend settings string",
         longdesc="""
If there is a backend setting string matching C<"name"> or beginning
with C<"name=">, then that string is removed from the backend settings.

This call returns the number of strings which were removed (which may
be 0, 1 or greater than 1).

See L<guestfs(3)/BACKEND>, L<guestfs(3)/BACKEND SETTINGS>.""",
         tests=[Test("InitNone", TestLastFail(
             [["clear_backend_setting", "foo"]]))]),

    Call("set_recovery_proc", RErr, [Bool("recoveryproc")],
         fish_alias=["recovery-proc"], config_only=True,
         shortdesc="enable or disable the recovery process",
         longdesc="""
If this is called with the parameter C<false> then C<guestfs_launch>
does not arrange for the hypervisor to be killed when the process that
launched it goes away.  The purpose of that protection (the "recovery
process" in libguestfs; here the kernel's parent-death signal) is to
stop runaway hypervisor processes in the case where the main program
aborts abruptly.

This only has any effect if called before C<guestfs_launch>, and the
default is true.

About the only time when you would want to disable this is if the main
process will fork itself into the background ("daemonize" itself), or
launch the handle from a thread that exits before the handle is closed.
In these cases the hypervisor would be killed, which is not very
helpful.""",
         tests=[Test("InitNone", TestLastFail([["set_recovery_proc", "false"]]))]),

    Call("get_recovery_proc", RBool, [],
         shortdesc="get recovery process enabled flag",
         longdesc="Return the recovery process enabled flag.",
         tests=[Test("InitNone", TestResultTrue([["get_recovery_proc"]]))]),

    Call("set_direct", RErr, [Bool("direct")], fish_alias=["direct"],
         config_only=True, deprecated_by="internal_get_console_socket",
         shortdesc="enable or disable direct appliance mode",
         longdesc="""
If the direct appliance mode flag is enabled, then stdin and stdout are
passed directly through to the appliance once it is launched.

One consequence of this is that log messages aren't caught by the
library, but go straight to stdout.

You probably don't want to use this unless you know what you are doing.

The default is disabled.""",
         tests=[Test("InitNone", TestLastFail([["set_direct", "true"]]))]),

    Call("get_direct", RBool, [], deprecated_by="internal_get_console_socket",
         shortdesc="get direct appliance mode flag",
         longdesc="Return the direct appliance mode flag.",
         tests=[Test("InitNone", TestResultFalse([["get_direct"]]))]),

    Call("set_attach_method", RErr, [String("backend")],
         fish_alias=["attach-method"], config_only=True,
         deprecated_by="set_backend",
         shortdesc="set the backend",
         longdesc="""
Set the method that libguestfs uses to connect to the backend guestfsd
daemon.  This is the same as C<guestfs_set_backend>.

See L<guestfs(3)/BACKEND>.""",
         tests=[Test("InitNone", TestLastFail([["set_attach_method", "direct"]]))]),

    Call("get_attach_method", RString, [], deprecated_by="get_backend",
         shortdesc="get the backend",
         longdesc="""
Return the current backend.  This is the same as C<guestfs_get_backend>.

See C<guestfs_set_backend> and L<guestfs(3)/BACKEND>.""",
         tests=[Test("InitNone", TestRun([["get_attach_method"]]))]),

    Call("config", RErr, [String("hvparam"), OptString("hvvalue")],
         config_only=True,
         shortdesc="add hypervisor parameters",
         longdesc="""
This can be used to add arbitrary hypervisor parameters of the form
I<-param value>.  Actually it's not quite arbitrary - we prevent you
from setting some parameters which would interfere with parameters that
we use.

The first character of C<hvparam> string must be a C<-> (dash).

C<hvvalue> can be NULL.""",
         tests=[Test("InitNone", TestLastFail([["config", "-name", "foo"]]))]),

    Call("parse_environment", RErr, [],
         shortdesc="parse the environment and set handle flags accordingly",
         longdesc="""
Parse the program's environment and set flags in the handle accordingly.
For example if C<LIBGUESTFS_DEBUG=1> then the 'verbose' flag is set in
the handle.

I<Most programs do not need to call this>.  It is done implicitly when
you call C<guestfs_create>.

See L<guestfs(3)/ENVIRONMENT VARIABLES> for a list of environment
variables that can affect libguestfs handles.  See also
L<guestfs(3)/guestfs_create_flags>, and C<guestfs_parse_environment_list>.""",
         tests=[Test("InitNone", TestRun([["parse_environment"]]))]),

    Call("parse_environment_list", RErr, [StringList("environment")],
         shortdesc="parse the environment and set handle flags accordingly",
         longdesc="""
Parse the list of strings in the argument C<environment> and set flags
in the handle accordingly.  For example if C<LIBGUESTFS_DEBUG=1> is a
string in the list, then the 'verbose' flag is set in the handle.

This is the same as C<guestfs_parse_environment> except that it parses
an explicit list of strings instead of the program's environment.""",
         tests=[Test("InitNone", TestResultTrue(
             [["parse_environment_list", "LIBGUESTFS_TRACE=0 LIBGUESTFS_DEBUG=1"],
              ["get_verbose"]])),
                Test("InitNone", TestResultFalse(
             [["parse_environment_list", "LIBGUESTFS_DEBUG=0"], ["get_verbose"]]))]),

    Call("c_pointer", RInt64, [], fish_output="hex",
         shortdesc="return the C pointer to the guestfs_h handle",
         longdesc="""
In non-C language bindings, this allows you to retrieve the underlying C
pointer to the handle (ie. C<guestfs_h *>).  The purpose of this is to
allow other libraries to interwork with libguestfs.""",
         tests=[Test("InitNone", TestResult([["c_pointer"]], "ret == (int64_t) (intptr_t) g"))]),

    Call("max_disks", RInt, [],
         shortdesc="maximum number of disks that may be added",
         longdesc="""
Return the maximum number of disks that may be added to a handle (eg. by
C<guestfs_add_drive_opts> and similar calls).

This function was added in libguestfs 1.19.7.  In previous versions of
libguestfs the limit was 25.

See L<guestfs(3)/MAXIMUM NUMBER OF DISKS> for additional information on
this topic.""",
         tests=[Test("InitNone", TestResultInt([["max_disks"]], 255))]),

    # ---- disk images on the host ----------------------------------------
    Call("disk_create", RErr,
         [String("filename"), String("format"), Int64("size")],
         [OString("backingfile"), OString("backingformat"),
          OString("preallocation"), OString("compat"), OInt("clustersize")],
         shortdesc="create a blank disk image",
         longdesc="""
Create a blank disk image called F<filename> (a host file) with format
C<format> (usually C<raw> or C<qcow2>).  The size is C<size> bytes.

If used with the optional C<backingfile> parameter, then a snapshot is
created on top of the backing file.  In this case, C<size> must be
passed as C<-1>.  The size of the snapshot is the same as the size of
the backing file, which is discovered automatically.  You are
encouraged to also pass C<backingformat> to describe the format of
C<backingfile>.

If F<filename> refers to a block device, then the device is formatted.
The C<size> is ignored since block devices have an intrinsic size.

The other optional parameters are:

=over 4

=item C<preallocation>

If format is C<raw>, then this can be either C<off> (or C<sparse>) or
C<full> to create a sparse or fully allocated file respectively.  The
default is C<off>.

If format is C<qcow2>, then this can be C<off> (or C<sparse>),
C<metadata> or C<full>.  Preallocating metadata can be faster when doing
lots of writes, but uses more space.  The default is C<off>.

=item C<compat>

C<qcow2> only: Pass the string C<1.1> to use the advanced qcow2 format
supported by qemu E<ge> 1.1.

=item C<clustersize>

C<qcow2> only: Change the qcow2 cluster size.  The default is 65536
(bytes) and this setting may be any power of two between 512 and
2097152.

=back

Note that this call does not add the new disk to the handle.  You may
need to call C<guestfs_add_drive_opts> separately.""",
         tests=[
             Test("InitNone", TestResultString(
                 [["disk_create", "dc-raw.img", "raw", "1048576"],
                  ["disk_format", "dc-raw.img"]], "raw")),
             Test("InitNone", TestResult(
                 [["disk_create", "dc-raw2.img", "raw", "1536", "preallocation:full"],
                  ["disk_virtual_size", "dc-raw2.img"]], "ret == 1536")),
             Test("InitNone", TestResult(
                 [["disk_create", "dc.qcow2", "qcow2", "10485760",
                   "clustersize:4096", "compat:1.1", "preallocation:metadata"],
                  ["disk_virtual_size", "dc.qcow2"]], "ret == 10485760")),
             Test("InitNone", TestResultTrue(
                 [["disk_create", "dc-base.qcow2", "qcow2", "1048576"],
                  ["disk_create", "dc-overlay.qcow2", "qcow2", "-1",
                   "backingfile:dc-base.qcow2", "backingformat:qcow2"],
                  ["disk_has_backing_file", "dc-overlay.qcow2"]])),
             # The backing format is detected when not given.
             Test("InitNone", TestResult(
                 [["disk_create", "dc-base2.img", "raw", "2097152"],
                  ["disk_create", "dc-overlay2.qcow2", "qcow2", "-1",
                   "backingfile:dc-base2.img"],
                  ["disk_virtual_size", "dc-overlay2.qcow2"]], "ret == 2097152")),
             Test("InitNone", TestLastFail(
                 [["disk_create", "dc-bad.img", "vmdk", "1048576"]])),
             Test("InitNone", TestLastFail(
                 [["disk_create", "dc-bad.img", "raw", "0"]])),
             Test("InitNone", TestLastFail(
                 [["disk_create", "dc-bad.img", "raw", "1048576", "compat:1.1"]])),
             Test("InitNone", TestLastFail(
                 [["disk_create", "dc-bad.qcow2", "qcow2", "1048576",
                   "clustersize:1000"]])),
             Test("InitNone", TestLastFail(
                 [["disk_create", "dc-bad.qcow2", "qcow2", "1048576",
                   "backingfile:dc-base.qcow2"]])),
             Test("InitNone", TestLastFail(
                 [["disk_create", "nosuchdir/dc.img", "raw", "1048576"]])),
         ]),

    Call("disk_format", RString, [String("filename")],
         shortdesc="detect the disk format of a disk image",
         longdesc="""
Detect and return the format of the disk image called F<filename>.
F<filename> can also be a host device, etc.  If the format of the image
could not be detected, then C<"unknown"> is returned.

Note that detecting the disk format can be insecure under some
circumstances.  See L<guestfs(3)/CVE-2010-3851>.

See also: L<guestfs(3)/DISK IMAGE FORMATS>""",
         tests=[Test("InitNone", TestResultString(
             [["disk_create", "df.qcow2", "qcow2", "512"],
              ["disk_format", "df.qcow2"]], "qcow2")),
                Test("InitNone", TestResultString(
             [["disk_format", "/dev/null"]], "raw")),
                Test("InitNone", TestLastFail([["disk_format", "nosuchfile.img"]]))]),

    Call("disk_virtual_size", RInt64, [String("filename")],
         shortdesc="return virtual size of a disk",
         longdesc="""
Detect and return the virtual size in bytes of the disk image called
F<filename>.

Note that detecting disk features can be insecure under some
circumstances.  See L<guestfs(3)/CVE-2010-3851>.""",
         tests=[Test("InitNone", TestResult(
             [["disk_create", "dvs.img", "raw", "1024"],
              ["disk_virtual_size", "dvs.img"]], "ret == 1024")),
                Test("InitNone", TestLastFail([["disk_virtual_size", "nosuchfile.img"]]))]),

    Call("disk_has_backing_file", RBool, [String("filename")],
         shortdesc="return whether disk has a backing file",
         longdesc="""
Detect and return whether the disk image F<filename> has a backing file.

Note that detecting disk features can be insecure under some
circumstances.  See L<guestfs(3)/CVE-2010-3851>.""",
         tests=[Test("InitNone", TestResultFalse(
             [["disk_create", "dhbf.qcow2", "qcow2", "1048576"],
              ["disk_has_backing_file", "dhbf.qcow2"]])),
                Test("InitNone", TestLastFail([["disk_has_backing_file", "nosuchfile.img"]]))]),

    # ---- copying trees between the host and the guest -------------------
    Call("copy_in", RErr, [String("localpath"), Pathname("remotedir")],
         not_in_fish=True, progress=True, cancellable=True,
         shortdesc="copy local files or directories into an image",
         longdesc="""
C<guestfs_copy_in> copies local files or directories recursively into
the disk image, placing them in the directory called C<remotedir>
(which must exist).

Wildcards cannot be used.

The host's L<tar(1)> packs F<localpath> and the stream goes through
C<guestfs_tar_in>, so symbolic links are copied as links and file names
may contain any character.  In guestfish, C<copy-in> accepts several
local paths before the remote directory.""",
         tests=[
             Test("InitScratchFS", TestResult(
                 [["disk_create", "ci-file.img", "raw", "4096"],
                  ["mkdir", "/copy_in"],
                  ["copy_in", "ci-file.img", "/copy_in"],
                  ["filesize", "/copy_in/ci-file.img"]], "ret == 4096")),
             # Round trip of a directory: out to the host, back in elsewhere.
             Test("InitScratchFS", TestResultString(
                 [["mkdir_p", "/copy_in2/tree/sub"],
                  ["write", "/copy_in2/tree/sub/f", "round trip"],
                  ["copy_out", "/copy_in2/tree", "."],
                  ["mkdir", "/copy_in2/dst"],
                  ["copy_in", "tree", "/copy_in2/dst"],
                  ["cat", "/copy_in2/dst/tree/sub/f"]], "round trip")),
             Test("InitScratchFS", TestLastFail(
                 [["copy_in", "nosuchfile", "/"]])),
             Test("InitScratchFS", TestLastFail(
                 [["disk_create", "ci-file2.img", "raw", "512"],
                  ["copy_in", "ci-file2.img", "/nosuchdir"]])),
         ]),

    Call("copy_out", RErr, [Pathname("remotepath"), String("localdir")],
         not_in_fish=True, progress=True, cancellable=True,
         shortdesc="copy remote files or directories out of an image",
         longdesc="""
C<guestfs_copy_out> copies remote files or directories recursively out
of the disk image, placing them on the host disk in a local directory
called C<localdir> (which must exist).

To download to the current directory, use C<.> as in:

 C<guestfs_copy_out> /home .

Wildcards cannot be used.

A file is copied with C<guestfs_download>; a directory goes through
C<guestfs_tar_out> into the host's L<tar(1)>.  In guestfish,
C<copy-out> accepts several remote paths before the local directory.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 [["write", "/copy_out", "12345"],
                  ["copy_out", "/copy_out", "."],
                  ["mkdir", "/copy_out_back"],
                  ["copy_in", "copy_out", "/copy_out_back"],
                  ["cat", "/copy_out_back/copy_out"]], "12345")),
             Test("InitScratchFS", TestLastFail(
                 [["copy_out", "/nosuchfile", "."]])),
             Test("InitScratchFS", TestLastFail(
                 [["write", "/copy_out2", "x"],
                  ["copy_out", "/copy_out2", "nosuchdir"]])),
         ]),
]
