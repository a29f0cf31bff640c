"""Inspection: finding the operating systems on the disks and what they
are (type, distro, version, architecture, hostname, mountpoints,
Windows registry facts, installed applications, icon).

Everything runs in the daemon: inspect_os mounts each filesystem
read-only on a private directory (never on the guest's /sysroot mounts),
classifies it, reads what it needs and keeps the results; the other
calls answer from what inspect_os kept, except inspect_list_applications2
and inspect_get_icon, which mount the root's filesystems privately again
to read the package databases and icon files.

The tests build small phony guests on the scratch filesystem
(/dev/sdb1, or /dev/sda1 when the disk itself matters) with files from tests/data (made by
tests/data/make-inspect-files.py: a phony ELF /bin/ls, Windows registry
hives, a PE cmd.exe, an RPM database, a PNG logo), which the harness
makes available as data/NAME.  Other disks may hold leftovers of
earlier tests, so root lists are checked with has_string.

Daemon procedure numbers for this file: 500 to 549."""

from .types import *

PROC_RANGE = (500, 549)

SEE = "\n\nPlease read L<guestfs(3)/INSPECTION> for more details."
ROOT = "/dev/sdb1"

DEBIAN_OS_RELEASE = """PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
ID=debian
"""

DPKG_STATUS = """Package: bash
Status: install ok installed
Priority: required
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell
 Bash is an sh-compatible command language interpreter.
 .
 It is intended to conform to the IEEE POSIX standard.
Homepage: http://tiswww.case.edu/php/chet/bash/bashtop.html

Package: removed-pkg
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1
Description: not installed any more

Package: libc6
Status: install ok installed
Architecture: amd64
Source: glibc (2.36-9)
Version: 2.36-9+deb12u4
Description: GNU C Library: Shared libraries

Package: tzdata
Status: install ok installed
Architecture: all
Version: 1:2024a-0+deb12u1
Description: time zone and daylight-saving time data

"""


def _debian(*extra):
    """A phony Debian 12 root on the scratch filesystem, unmounted, then
    extra commands."""
    return [["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
            ["mkdir_p", "/var/lib/dpkg"],
            ["write", "/etc/os-release", DEBIAN_OS_RELEASE],
            ["write", "/etc/debian_version", "12.5\n"],
            ["write", "/etc/hostname", "# comment\n\ndebhost\n"],
            ["write", "/etc/fstab",
             "# /etc/fstab\n/dev/sdb1  /  ext2  defaults  0  1\n"
             "/dev/sdb2 none swap sw 0 0\nproc /proc proc defaults 0 0\n"],
            ["upload", "data/inspect-elf-x86_64", "/bin/ls"],
            ["write", "/var/lib/dpkg/status", DPKG_STATUS],
            ["umount_all"]] + list(extra)


def _fedora(*extra):
    """A phony Fedora 39 root (os-release, redhat-release, /usr/bin/dnf,
    aarch64 binaries through the merged /usr, an RPM database)."""
    return [["mkdir_p", "/etc"], ["mkdir_p", "/usr/bin"],
            ["mkdir_p", "/var/lib/rpm"],
            ["ln_s", "usr/bin", "/bin"],
            ["write", "/etc/os-release",
             'NAME="Fedora Linux"\nVERSION_ID=39\nID=fedora\n'
             'PRETTY_NAME="Fedora Linux 39 (Server Edition)"\n'],
            ["write", "/etc/redhat-release", "Fedora release 39 (Thirty Nine)\n"],
            ["write", "/etc/hosts", "127.0.0.1 localhost\n"],
            ["mkdir_p", "/etc/sysconfig"],
            ["write", "/etc/sysconfig/network", 'NETWORKING=yes\nHOSTNAME="fedhost.example.com"\n'],
            ["upload", "data/inspect-elf-aarch64", "/usr/bin/bash"],
            ["touch", "/usr/bin/dnf"],
            ["upload", "data/inspect-rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite"],
            ["umount_all"]] + list(extra)


def _windows(*extra):
    """A phony Windows root: system root with odd case, hives, cmd.exe."""
    return [["mkdir_p", "/WINDOWS/System32/config"],
            ["upload", "data/inspect-cmd.exe", "/WINDOWS/System32/cmd.exe"],
            ["upload", "data/inspect-software.hive", "/WINDOWS/System32/config/SOFTWARE"],
            ["upload", "data/inspect-system.hive", "/WINDOWS/System32/config/SYSTEM"],
            ["umount_all"]] + list(extra)


def _windows_mp_test():
    return Test("InitScratchFS", TestResult(
        _windows(["inspect_os"], ["inspect_get_mountpoints", ROOT]),
        'hash_has (ret, "/", "/dev/sdb1") && ret[2] == NULL'))


def _root_call(name, ret, proc, shortdesc, longdesc, tests, **kw):
    return Call(name, ret, [Mountable("root")], proc=proc,
                shortdesc=shortdesc, longdesc=longdesc + SEE, tests=tests, **kw)


def _string_test(seq, call, expected):
    return Test("InitScratchFS", TestResultString(
        seq + [["inspect_os"], [call, ROOT]], expected))


INSPECT_CALLS = [
    Call("inspect_os", RStringList, [], proc=500,
         shortdesc="inspect disk and return list of operating systems found",
         longdesc="""
This function uses other libguestfs functions and certain heuristics to
inspect the disk(s) (usually disks belonging to a virtual machine),
looking for operating systems.

The list returned is empty if no operating systems were found.

If one operating system was found, then this returns a list with a
single element, which is the name of the root filesystem of this
operating system.  It is also possible for this function to return a
list containing more than one element, indicating a dual-boot or
multi-boot virtual machine, with each element being the root filesystem
of one of the operating systems.

You can pass the root string(s) returned to other
C<guestfs_inspect_get_*> functions in order to query further
information about each operating system, such as the name and version.

Each filesystem is mounted read-only on a private directory inside the
appliance while it is examined, and unmounted again.  Unlike
libguestfs, filesystems you have mounted yourself are left alone (it is
still best to call this with nothing mounted), and no Augeas handle is
closed: configuration files are parsed by the daemon itself, with
bounded sizes, every path resolved inside the guest's filesystem.

This function cannot decrypt encrypted disks.  The caller must do that
first (supplying the necessary keys) if the disk is encrypted.""" + SEE +
         "\n\nSee also C<guestfs_list_filesystems>.",
         tests=[
             Test("InitScratchFS", TestResult(
                 _debian(["inspect_os"]), 'has_string (ret, "/dev/sdb1")')),
             # The filesystem may stay mounted (read-write) meanwhile.
             Test("InitScratchFS", TestResult(
                 _debian(["mount", ROOT, "/"], ["inspect_os"]),
                 'has_string (ret, "/dev/sdb1")')),
             # Nothing that looks like an operating system: not a root.
             Test("InitScratchFS", TestResult(
                 [["mkdir", "/etc"], ["write", "/etc/hosts", ""],
                  ["umount_all"], ["inspect_os"]],
                 '!has_string (ret, "/dev/sdb1")')),
             Test("InitEmpty", TestResult(
                 [["mount", ROOT, "/"], ["rm_rf", "/etc"], ["rm_rf", "/bin"],
                  ["umount_all"], ["inspect_os"]], "ret[0] == NULL")),
         ]),

    Call("inspect_get_roots", RStringList, [], proc=501,
         shortdesc="return list of operating systems found by last inspection",
         longdesc="""
This function is a convenient way to get the list of root devices, as
returned from a previous call to C<guestfs_inspect_os>, but without
redoing the whole inspection process.

This returns an empty list if either no root devices were found or the
caller has not called C<guestfs_inspect_os>.""" + SEE,
         tests=[
             Test("InitScratchFS", TestResult(
                 _debian(["inspect_os"], ["inspect_get_roots"]),
                 'has_string (ret, "/dev/sdb1")')),
         ]),

    _root_call("inspect_get_type", RString, 502,
               "get type of inspected operating system", """
This returns the type of the inspected operating system.  Currently
defined types are:

=over 4

=item "linux"

Any Linux-based operating system.

=item "windows"

Any Microsoft Windows operating system.

=item "freebsd"

FreeBSD.

=item "netbsd"

NetBSD.

=item "openbsd"

OpenBSD.

=item "hurd"

GNU/Hurd.

=item "dos"

MS-DOS, FreeDOS and others.

=item "minix"

MINIX.

=item "unknown"

The operating system type could not be determined.

=back

Future versions of libguestfs may return other strings here.  The
caller should be prepared to handle any string.""",
               [_string_test(_debian(), "inspect_get_type", "linux"),
                _string_test(_windows(), "inspect_get_type", "windows"),
                # A root that inspect_os did not return is an error.
                Test("InitScratchFS", TestLastFail(
                    _debian(["inspect_os"], ["inspect_get_type", "/dev/sdc"])))]),

    _root_call("inspect_get_distro", RString, 503,
               "get distro of inspected operating system", """
This returns the distro (distribution) of the inspected operating
system.

Currently defined distros are:

=over 4

=item "alpinelinux"

Alpine Linux.

=item "altlinux"

ALT Linux.

=item "archlinux"

Arch Linux.

=item "buildroot"

Buildroot-derived distro, but not one we specifically recognize.

=item "centos"

CentOS.

=item "cirros"

Cirros.

=item "coreos"

CoreOS.

=item "debian"

Debian.

=item "fedora"

Fedora.

=item "freebsd"

FreeBSD.

=item "freedos"

FreeDOS.

=item "frugalware"

Frugalware.

=item "gentoo"

Gentoo.

=item "kalilinux"

Kali Linux.

=item "kylin"

Kylin.

=item "linuxmint"

Linux Mint.

=item "mageia"

Mageia.

=item "mandriva"

Mandriva.

=item "meego"

MeeGo.

=item "msdos"

Microsoft DOS.

=item "neokylin"

NeoKylin.

=item "netbsd"

NetBSD.

=item "openbsd"

OpenBSD.

=item "openmandriva"

OpenMandriva Lx.

=item "opensuse"

OpenSUSE.

=item "oraclelinux"

Oracle Linux.

=item "pardus"

Pardus.

=item "pldlinux"

PLD Linux.

=item "redhat-based"

Some Red Hat-derived distro.

=item "rhel"

Red Hat Enterprise Linux.

=item "rocky"

Rocky Linux.

=item "scientificlinux"

Scientific Linux.

=item "slackware"

Slackware.

=item "sles"

SuSE Linux Enterprise Server or Desktop.

=item "suse-based"

Some openSuSE-derived distro.

=item "ttylinux"

ttylinux.

=item "ubuntu"

Ubuntu.

=item "unknown"

The distro could not be determined.

=item "voidlinux"

Void Linux.

=item "windows"

Windows does not have distributions.  This string is returned if the
OS type is Windows.

=back

Future versions of libguestfs may return other strings here.  The
caller should be prepared to handle any string.""",
               [_string_test(_debian(), "inspect_get_distro", "debian"),
                _string_test(_fedora(), "inspect_get_distro", "fedora"),
                _string_test(_windows(), "inspect_get_distro", "windows"),
                # lsb-release (Ubuntu) when there is no os-release.
                _string_test([["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
                              ["write", "/etc/hosts", ""],
                              ["write", "/etc/lsb-release",
                               'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\n'
                               'DISTRIB_DESCRIPTION="Ubuntu 22.04.3 LTS"\n'],
                              ["write", "/etc/debian_version", "bookworm/sid\n"],
                              ["umount_all"]],
                             "inspect_get_distro", "ubuntu"),
                # CentOS release file, checked before redhat-release.
                _string_test([["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
                              ["write", "/etc/fstab", ""],
                              ["write", "/etc/centos-release",
                               "CentOS Linux release 7.9.2009 (Core)\n"],
                              ["write", "/etc/redhat-release",
                               "CentOS Linux release 7.9.2009 (Core)\n"],
                              ["umount_all"]],
                             "inspect_get_distro", "centos"),
                # An empty arch-release.
                _string_test([["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
                              ["write", "/etc/fstab", ""],
                              ["write", "/etc/arch-release", ""],
                              ["umount_all"]],
                             "inspect_get_distro", "archlinux"),
                _string_test([["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
                              ["write", "/etc/fstab", ""],
                              ["write", "/etc/alpine-release", "3.19.1\n"],
                              ["umount_all"]],
                             "inspect_get_distro", "alpinelinux")]),

    _root_call("inspect_get_product_name", RString, 504,
               "get product name of inspected operating system", """
This returns the product name of the inspected operating system.  The
product name is generally some freeform string which can be displayed
to the user, but should not be parsed by programs.

If the product name could not be determined, then the string C<unknown>
is returned.""",
               [_string_test(_fedora(), "inspect_get_product_name",
                             "Fedora Linux 39 (Server Edition)"),
                # Debian's os-release has no minor version: the version
                # file wins, as in libguestfs.
                _string_test(_debian(), "inspect_get_product_name", "12.5"),
                _string_test(_windows(), "inspect_get_product_name",
                             "Windows Server 2022 Standard")]),

    _root_call("inspect_get_product_variant", RString, 505,
               "get product variant of inspected operating system", """
This returns the product variant of the inspected operating system.

For Windows guests, this returns the contents of the Registry key
C<HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion>
C<InstallationType> which is usually a string such as C<Client> or
C<Server> (other values are possible).  This can be used to distinguish
consumer and enterprise versions of Windows that have the same version
number (for example, Windows 7 and Windows 2008 Server are both version
6.1, but the former is C<Client> and the latter is C<Server>).

For enterprise Linux guests, in future we intend this to return the
product variant such as C<Desktop>, C<Server> and so on.  But this is
not implemented at present.

If the product variant could not be determined, then the string
C<unknown> is returned.

See also C<guestfs_inspect_get_product_name>,
C<guestfs_inspect_get_major_version>.""",
               [_string_test(_windows(), "inspect_get_product_variant", "Server"),
                _string_test(_debian(), "inspect_get_product_variant", "unknown")]),

    _root_call("inspect_get_major_version", RInt, 506,
               "get major version of inspected operating system", """
This returns the major version number of the inspected operating
system.

Windows uses a consistent versioning scheme which is I<not> reflected
in the popular public names used by the operating system.  Notably the
operating system known as "Windows 7" is really version 6.1 (ie. major
= 6, minor = 1).  You can find out the real versions corresponding to
releases of Windows by consulting Wikipedia or MSDN.

If the version could not be determined, then C<0> is returned.""",
               [Test("InitScratchFS", TestResultInt(
                   _debian(["inspect_os"], ["inspect_get_major_version", ROOT]), 12)),
                Test("InitScratchFS", TestResultInt(
                    _windows(["inspect_os"], ["inspect_get_major_version", ROOT]), 10)),
                Test("InitScratchFS", TestResultInt(
                    _fedora(["inspect_os"], ["inspect_get_major_version", ROOT]), 39))]),

    _root_call("inspect_get_minor_version", RInt, 507,
               "get minor version of inspected operating system", """
This returns the minor version number of the inspected operating
system.

If the version could not be determined, then C<0> is returned.

See also C<guestfs_inspect_get_major_version>.""",
               [Test("InitScratchFS", TestResultInt(
                   _debian(["inspect_os"], ["inspect_get_minor_version", ROOT]), 5)),
                Test("InitScratchFS", TestResultInt(
                    _windows(["inspect_os"], ["inspect_get_minor_version", ROOT]), 0))]),

    _root_call("inspect_get_arch", RString, 508,
               "get architecture of inspected operating system", """
This returns the architecture of the inspected operating system.  The
possible return values are listed under C<guestfs_file_architecture>.

For Linux and other Unix guests this comes from the ELF header of the
first of F</bin/bash>, F</bin/ls>, F</bin/echo>, F</bin/rm> and
F</bin/sh> that exists (symbolic links followed inside the guest), for
Windows from the PE header of F<cmd.exe> in the system root.  The
headers are parsed directly, without running any program on guest data.

If the architecture could not be determined, then the string C<unknown>
is returned.""",
               [_string_test(_debian(), "inspect_get_arch", "x86_64"),
                _string_test(_fedora(), "inspect_get_arch", "aarch64"),
                _string_test(_windows(), "inspect_get_arch", "x86_64")]),

    _root_call("inspect_get_hostname", RString, 509,
               "get hostname of the operating system", """
This function returns the hostname of the operating system as found by
inspection of the guest's configuration files.

If the hostname could not be determined, then the string C<unknown> is
returned.""",
               [_string_test(_debian(), "inspect_get_hostname", "debhost"),
                _string_test(_fedora(), "inspect_get_hostname", "fedhost.example.com"),
                _string_test(_windows(), "inspect_get_hostname", "WIN-PHONY")]),

    _root_call("inspect_get_package_format", RString, 510,
               "get package format used by the operating system", """
This function and C<guestfs_inspect_get_package_management> return the
package format and package management tool used by the inspected
operating system.  For example for Fedora these functions would return
C<rpm> (package format), and C<yum> or C<dnf> (package management).

This returns the string C<unknown> if we could not determine the
package format I<or> if the operating system does not have a real
packaging system (eg. Windows).

Possible strings include: C<rpm>, C<deb>, C<ebuild>, C<pisi>,
C<pacman>, C<pkgsrc>, C<apk>, C<xbps>.  Future versions of libguestfs
may return other strings.""",
               [_string_test(_debian(), "inspect_get_package_format", "deb"),
                _string_test(_fedora(), "inspect_get_package_format", "rpm"),
                _string_test(_windows(), "inspect_get_package_format", "unknown")]),

    _root_call("inspect_get_package_management", RString, 511,
               "get package management tool used by the operating system", """
C<guestfs_inspect_get_package_format> and this function return the
package format and package management tool used by the inspected
operating system.  For example for Fedora these functions would return
C<rpm> (package format), and C<yum> or C<dnf> (package management).

This returns the string C<unknown> if we could not determine the
package management tool I<or> if the operating system does not have a
real packaging system (eg. Windows).

Possible strings include: C<yum>, C<dnf>, C<up2date>, C<apt> (for all
Debian derivatives), C<portage>, C<pisi>, C<pacman>, C<urpmi>,
C<zypper>, C<apk>, C<xbps>.  Future versions of libguestfs may return
other strings.""",
               [_string_test(_debian(), "inspect_get_package_management", "apt"),
                _string_test(_fedora(), "inspect_get_package_management", "dnf")]),

    _root_call("inspect_get_mountpoints", RHashtable, 512,
               "get mountpoints of inspected operating system", """
This returns a hash of where we think the filesystems associated with
this operating system should be mounted.  Callers should note that this
is at best an educated guess made by reading configuration files such
as F</etc/fstab>.  I<In particular note> that this may return
filesystems which are non-existent or not mountable and callers should
be prepared to handle or ignore failures if they try to mount them.

Each element in the returned hashtable has a key which is the path of
the mountpoint (eg. F</boot>) and a value which is the filesystem that
would be mounted there (eg. F</dev/sda1>).

Non-mounted devices such as swap devices are I<not> returned in this
list.

Devices in F</etc/fstab> are resolved to the appliance's devices:
C<UUID=>, C<LABEL=>, C<PARTUUID=>, C<PARTLABEL=>, the
F</dev/disk/by-uuid>, F<by-label>, F<by-partuuid>, F<by-partlabel> and
F<by-id> links, F</dev/mapper> names of logical volumes and the guest's
own disk names (F</dev/vda2>, F</dev/xvdb1>...).  Entries naming a
device that cannot be found are left out.

For operating systems like Windows which still use drive letters, this
call will only return an entry for the first drive "mounted on" F</>.
For information about the mapping of drive letters to partitions, see
C<guestfs_inspect_get_drive_mappings>.

See also C<guestfs_inspect_get_filesystems>.""",
               [Test("InitScratchFS", TestResult(
                   _debian(["inspect_os"], ["inspect_get_mountpoints", ROOT]),
                   'hash_has (ret, "/", "/dev/sdb1") && ret[2] == NULL')),
                # UUID= and LABEL= resolved; an unknown UUID left out.
                Test("InitBasicFS", TestResult(
                    [["umount_all"],
                     ["set_e2uuid", "/dev/sda1", "8c3f1a2e-4b5d-4e6f-9a0b-1c2d3e4f5a6b"],
                     ["set_e2label", "/dev/sda1", "gk-root"],
                     ["mount", "/dev/sda1", "/"],
                     ["mkdir", "/etc"], ["mkdir", "/bin"], ["mkdir", "/boot"],
                     ["write", "/etc/fstab",
                      "UUID=8c3f1a2e-4b5d-4e6f-9a0b-1c2d3e4f5a6b / ext2 defaults 0 1\n"
                      "LABEL=gk-root /srv ext2 defaults 0 2\n"
                      "UUID=00000000-1111-2222-3333-444444444444 /boot ext4 defaults 0 2\n"],
                     ["umount_all"], ["inspect_os"], ["inspect_get_mountpoints", "/dev/sda1"]],
                    'hash_has (ret, "/", "/dev/sda1") && '
                    'hash_has (ret, "/srv", "/dev/sda1") && ret[4] == NULL')),
                _windows_mp_test()]),

    _root_call("inspect_get_filesystems", RStringList, 513,
               "get filesystems associated with inspected operating system", """
This returns a list of all the filesystems that we think are associated
with this operating system.  This includes the root filesystem, other
ordinary filesystems, and non-mounted devices like swap partitions.

In the case of a multi-boot virtual machine, it is possible for a
filesystem to be shared between operating systems.

See also C<guestfs_inspect_get_mountpoints>.""",
               [Test("InitScratchFS", TestResultList(
                   _debian(["inspect_os"], ["inspect_get_filesystems", ROOT]),
                   ["/dev/sdb2", "/dev/sdb1"])),
                Test("InitScratchFS", TestResultList(
                    _windows(["inspect_os"], ["inspect_get_filesystems", ROOT]),
                    ["/dev/sdb1"]))]),

    _root_call("inspect_get_format", RString, 514,
               "get format of inspected operating system", """
Before libguestfs 1.38, there was some unreliable support for detecting
installer CDs.  This API would return:

=over 4

=item C<installed>

This is an installed operating system.

=item C<installer>

The disk image being inspected is not an installed operating system,
but a I<bootable> install disk, live CD, or similar.

=item C<unknown>

The format of this disk image is not known.

=back

In libguestfs E<ge> 1.38, this only returns C<installed>.  Use libosinfo
directly to detect installer CDs.

I<This function is deprecated.>  There is no replacement.""",
               [_string_test(_debian(), "inspect_get_format", "installed")]),

    _root_call("inspect_get_osinfo", RString, 515,
               "get a possible osinfo short ID corresponding to this operating system", """
This function returns a possible short ID for libosinfo corresponding
to the guest.

I<Note:> The returned ID is only a guess by libguestfs, and nothing
ensures that it actually exists in osinfo-db.

If no ID could not be determined, then the string C<unknown> is
returned.""",
               [_string_test(_debian(), "inspect_get_osinfo", "debian12"),
                _string_test(_fedora(), "inspect_get_osinfo", "fedora39"),
                _string_test(_windows(), "inspect_get_osinfo", "win2k22")]),

    _root_call("inspect_get_build_id", RString, 516,
               "get the system build ID", """
This returns the build ID of the system, or the string C<unknown> if
the system does not have a build ID.

For Windows, this gets the build number.  Although it is returned as a
string, it is (so far) always a number.  See
L<https://en.wikipedia.org/wiki/List_of_Microsoft_Windows_versions>
for some possible values.

For Linux, this returns the C<BUILD_ID> string from F</etc/os-release>,
although this is not often used.""",
               [_string_test(_windows(), "inspect_get_build_id", "20348"),
                _string_test(_debian(), "inspect_get_build_id", "unknown")]),

    _root_call("inspect_get_windows_systemroot", RString, 517,
               "get Windows systemroot of inspected operating system", """
This returns the Windows systemroot of the inspected guest.  The
systemroot is a directory path such as F</WINDOWS>.

This call assumes that the guest is Windows and that the systemroot
could be determined by inspection.  If this is not the case then an
error is returned.""",
               [_string_test(_windows(), "inspect_get_windows_systemroot", "/WINDOWS"),
                Test("InitScratchFS", TestLastFail(
                    _debian(["inspect_os"], ["inspect_get_windows_systemroot", ROOT])))]),

    _root_call("inspect_get_windows_software_hive", RString, 518,
               "get the path of the Windows software hive", """
This returns the path to the hive (binary Windows Registry file)
corresponding to HKLM\\SOFTWARE.

This call assumes that the guest is Windows and that the guest has a
software hive file with the right name.  If this is not the case then
an error is returned.  This call does not check that the hive is a
valid Windows Registry hive.

You can use C<guestfs_hivex_open> to read or write to the hive.""",
               [_string_test(_windows(), "inspect_get_windows_software_hive",
                             "/WINDOWS/System32/config/SOFTWARE")]),

    _root_call("inspect_get_windows_system_hive", RString, 519,
               "get the path of the Windows system hive", """
This returns the path to the hive (binary Windows Registry file)
corresponding to HKLM\\SYSTEM.

This call assumes that the guest is Windows and that the guest has a
system hive file with the right name.  If this is not the case then an
error is returned.  This call does not check that the hive is a valid
Windows Registry hive.

You can use C<guestfs_hivex_open> to read or write to the hive.""",
               [_string_test(_windows(), "inspect_get_windows_system_hive",
                             "/WINDOWS/System32/config/SYSTEM")]),

    _root_call("inspect_get_windows_current_control_set", RString, 520,
               "get Windows CurrentControlSet of inspected operating system", """
This returns the Windows CurrentControlSet of the inspected guest.  The
CurrentControlSet is a registry key name such as C<ControlSet001>.

This call assumes that the guest is Windows and that the Registry could
be examined by inspection.  If this is not the case then an error is
returned.""",
               [_string_test(_windows(), "inspect_get_windows_current_control_set",
                             "ControlSet001")]),

    _root_call("inspect_get_windows_group_policy", RBool, 521,
               "return if Windows guest has Group Policy Objects", """
This returns true if at least one GPO (Group Policy Object) was found
in the Windows guest: the SOFTWARE hive has a C<{GUID}> key under
C<Microsoft\\Windows\\CurrentVersion\\Group Policy\\History>.

This call assumes that the guest is Windows and that the Registry could
be examined by inspection.  If this is not the case then an error is
returned.""",
               [Test("InitScratchFS", TestResultTrue(
                   _windows(["inspect_os"], ["inspect_get_windows_group_policy", ROOT]))),
                Test("InitScratchFS", TestLastFail(
                    _debian(["inspect_os"], ["inspect_get_windows_group_policy", ROOT])))]),

    _root_call("inspect_get_drive_mappings", RHashtable, 522,
               "get drive letter mappings", """
This call is useful for Windows which uses a primitive system of
assigning drive letters (like F<C:\\>) to partitions.  This inspection
API examines the Windows Registry to find out how disks/partitions are
mapped to drive letters, and returns a hash table as in the example
below:

 C      =>     /dev/vda2
 E      =>     /dev/vdb1
 F      =>     /dev/vdc1

Note that keys are drive letters.  For Windows, the key is case
insensitive and just contains the drive letter, without the customary
colon separator character.

In future we may support other operating systems that also used drive
letters, but the keys for those might not be case insensitive and might
be longer than 1 character.  For example in OS-9, hard drives were
named C<h0>, C<h1> etc.

For Windows guests, currently only hard drive mappings are returned.
Removable disks (eg. DVD-ROMs) are ignored.  A mapping is found from
the C<HKLM\\SYSTEM\\MountedDevices> values: the MBR disk signature and
partition offset, or the GPT partition GUID.

For guests that do not use drive mappings, or if the drive mappings
could not be determined, this returns an empty hash table.

See also C<guestfs_inspect_get_mountpoints>,
C<guestfs_inspect_get_filesystems>.""",
               [  # The SYSTEM hive maps C: to the MBR disk signature
                  # "GKGK" and offset 1 MiB (where Windows starts its
                  # partition): /dev/sda1 once the signature is written.
                  Test("InitEmpty", TestResult(
                      [["part_init", "/dev/sda", "mbr"],
                       ["part_add", "/dev/sda", "p", "2048", "-2048"],
                       ["mkfs", "ext2", "/dev/sda1"],
                       ["mount", "/dev/sda1", "/"]] +
                      _windows(["pwrite_device", "/dev/sda", "GKGK", "440"],
                               ["inspect_os"],
                               ["inspect_get_drive_mappings", "/dev/sda1"]),
                      'hash_has (ret, "C", "/dev/sda1") && ret[2] == NULL')),
                  Test("InitScratchFS", TestResult(
                      _debian(["inspect_os"], ["inspect_get_drive_mappings", ROOT]),
                      "ret[0] == NULL"))]),

    _root_call("inspect_list_applications2", RStructList("application2"), 523,
               "get list of applications installed in the operating system", """
Return the list of applications installed in the operating system.

I<Note:> In libguestfs this call needs the guest's filesystems mounted
(see C<guestfs_inspect_get_mountpoints>) before it is called.  Here it
mounts the root's filesystems itself, read-only on a private directory,
so it works whether or not you have mounted them, and leaves your own
mounts alone.

This function returns information about installed applications, where
the package format is known: dpkg (F</var/lib/dpkg/status>), RPM (the
Berkeley DB and sqlite databases, read with the appliance's C<rpm>),
apk (F</lib/apk/db/installed>), pacman (F</var/lib/pacman/local>) and
the Windows registry's C<Uninstall> keys (32 and 64 bit).  If the
package format is not known, it returns an empty list.  The list is
sorted by C<app2_name>.

Each application has the following fields.  Strings which are unknown
are returned as the empty string; C<app2_epoch> is C<0> if it is not
known.

=over 4

=item C<app2_name>

The name of the application.  For Linux guests, this is the package
name.  For Windows guests, the name of the C<Uninstall> key.

=item C<app2_display_name>

The display name of the application, sometimes localized to the install
language of the guest operating system.  (Windows only.)

=item C<app2_epoch>

For package managers which use epochs, this contains the epoch of the
package (an integer).

=item C<app2_version>

The version string of the application or package.

=item C<app2_release>

The release string of the application or package, for package managers
that use this.

=item C<app2_arch>

The architecture string of the application or package, for package
managers that use this.

=item C<app2_install_path>

The installation path of the application (on operating systems such as
Windows which use installation paths).

=item C<app2_trans_path>

The install path translated into a libguestfs path.  Not set at
present.

=item C<app2_publisher>

The name of the publisher of the application, for package managers
that use this.

=item C<app2_url>

The URL (eg. upstream URL) of the application.

=item C<app2_source_package>

For packaging systems which support this, the name of the source
package.

=item C<app2_summary>

A short (usually one line) description of the application or package.

=item C<app2_description>

A longer description of the application or package.

=item C<app2_spare1>, C<app2_spare2>, C<app2_spare3>, C<app2_spare4>

These fields are reserved for future use.

=back""",
               [Test("InitScratchFS", TestResult(
                   _debian(["inspect_os"], ["inspect_list_applications2", ROOT]),
                   'ret->len == 3 && '
                   '!strcmp (ret->val[0].app2_name, "bash") && '
                   '!strcmp (ret->val[0].app2_version, "5.2.15") && '
                   '!strcmp (ret->val[0].app2_release, "2+b2") && '
                   '!strcmp (ret->val[0].app2_arch, "amd64") && '
                   '!strcmp (ret->val[0].app2_summary, "GNU Bourne Again SHell") && '
                   'strstr (ret->val[0].app2_description, "interpreter.\\n.\\nIt is") && '
                   '!strcmp (ret->val[1].app2_name, "libc6") && '
                   '!strcmp (ret->val[1].app2_source_package, "glibc") && '
                   '!strcmp (ret->val[2].app2_name, "tzdata") && '
                   'ret->val[2].app2_epoch == 1 && '
                   '!strcmp (ret->val[2].app2_version, "2024a")')),
                Test("InitScratchFS", TestResult(
                    _fedora(["inspect_os"], ["inspect_list_applications2", ROOT]),
                    'ret->len == 3 && '
                    '!strcmp (ret->val[0].app2_name, "bash") && '
                    '!strcmp (ret->val[0].app2_version, "5.2.26") && '
                    '!strcmp (ret->val[0].app2_release, "1.fc39") && '
                    '!strcmp (ret->val[0].app2_arch, "aarch64") && '
                    '!strcmp (ret->val[0].app2_url, "https://www.gnu.org/software/bash") && '
                    '!strcmp (ret->val[1].app2_name, "kernel") && '
                    '!strcmp (ret->val[2].app2_name, "shadow-utils") && '
                    'ret->val[2].app2_epoch == 2')),
                Test("InitScratchFS", TestResult(
                    _windows(["inspect_os"], ["inspect_list_applications2", ROOT]),
                    'ret->len == 2 && '
                    '!strcmp (ret->val[0].app2_name, "7-Zip") && '
                    '!strcmp (ret->val[0].app2_display_name, "7-Zip 23.01 (x64)") && '
                    '!strcmp (ret->val[0].app2_version, "23.01") && '
                    '!strcmp (ret->val[0].app2_publisher, "Igor Pavlov") && '
                    '!strcmp (ret->val[1].app2_name, "{90160000-008C-0000-0000-0000000FF1CE}") && '
                    '!strcmp (ret->val[1].app2_install_path, "C:\\\\Program Files (x86)\\\\Phony")')),
                # Alpine's apk database, and pacman's.
                Test("InitScratchFS", TestResult(
                    [["mkdir_p", "/etc"], ["mkdir_p", "/bin"], ["mkdir_p", "/lib/apk/db"],
                     ["write", "/etc/fstab", ""],
                     ["write", "/etc/alpine-release", "3.19.1\n"],
                     ["write", "/lib/apk/db/installed",
                      "C:Q1abc=\nP:musl\nV:1.2.4_git20230717-r4\nA:x86_64\n"
                      "T:the musl c library\nU:https://musl.libc.org/\n\n"
                      "P:busybox\nV:1.36.1-r15\nA:x86_64\nT:Size optimized toolbox\n\n"],
                     ["umount_all"], ["inspect_os"],
                     ["inspect_list_applications2", ROOT]],
                    'ret->len == 2 && !strcmp (ret->val[0].app2_name, "busybox") && '
                    '!strcmp (ret->val[1].app2_version, "1.2.4_git20230717") && '
                    '!strcmp (ret->val[1].app2_release, "4") && '
                    '!strcmp (ret->val[1].app2_url, "https://musl.libc.org/")')),
                Test("InitScratchFS", TestResult(
                    [["mkdir_p", "/etc"], ["mkdir_p", "/bin"],
                     ["mkdir_p", "/var/lib/pacman/local/pacman-6.0.2-9"],
                     ["mkdir_p", "/var/lib/pacman/local/zstd-1:1.5.5-1"],
                     ["write", "/etc/fstab", ""], ["write", "/etc/arch-release", ""],
                     ["write", "/var/lib/pacman/local/ALPM_DB_VERSION", "9\n"],
                     ["write", "/var/lib/pacman/local/pacman-6.0.2-9/desc",
                      "%NAME%\npacman\n\n%VERSION%\n6.0.2-9\n\n%DESC%\n"
                      "A library-based package manager\n\n%URL%\n"
                      "https://www.archlinux.org/pacman/\n\n%ARCH%\nx86_64\n\n"],
                     ["write", "/var/lib/pacman/local/zstd-1:1.5.5-1/desc",
                      "%NAME%\nzstd\n\n%VERSION%\n1:1.5.5-1\n\n%ARCH%\nx86_64\n\n"],
                     ["umount_all"], ["inspect_os"],
                     ["inspect_list_applications2", ROOT]],
                    'ret->len == 2 && !strcmp (ret->val[0].app2_name, "pacman") && '
                    '!strcmp (ret->val[0].app2_description, "A library-based package manager") && '
                    '!strcmp (ret->val[1].app2_name, "zstd") && ret->val[1].app2_epoch == 1 && '
                    '!strcmp (ret->val[1].app2_release, "1")')),
                Test("InitScratchFS", TestLastFail(
                    [["umount_all"], ["inspect_list_applications2", "/dev/sdc"]]))]),

    _root_call("inspect_list_applications", RStructList("application"), 524,
               "get list of applications installed in the operating system", """
Return the list of applications installed in the operating system.

I<This function is deprecated.>  Use
C<guestfs_inspect_list_applications2> instead, which returns the same
list with the architecture of each application (C<app2_arch>) added;
this call returns the fields of the old C<application> structure:
C<app_name>, C<app_display_name>, C<app_epoch>, C<app_version>,
C<app_release>, C<app_install_path>, C<app_trans_path>,
C<app_publisher>, C<app_url>, C<app_source_package>, C<app_summary>
and C<app_description>.""",
               [Test("InitScratchFS", TestResult(
                   _debian(["inspect_os"], ["inspect_list_applications", ROOT]),
                   'ret->len == 3 && !strcmp (ret->val[2].app_name, "tzdata") && '
                   'ret->val[2].app_epoch == 1'))],
               deprecated_by="inspect_list_applications2"),

    _root_call("inspect_is_live", RBool, 525,
               "get live flag for install disk", """
This is deprecated and always returns C<false>.""",
               [Test("InitScratchFS", TestResultFalse(
                   _debian(["inspect_os"], ["inspect_is_live", ROOT])))]),

    _root_call("inspect_is_netinst", RBool, 526,
               "get netinst (network installer) flag for install disk", """
This is deprecated and always returns C<false>.""",
               [Test("InitScratchFS", TestResultFalse(
                   _debian(["inspect_os"], ["inspect_is_netinst", ROOT])))]),

    _root_call("inspect_is_multipart", RBool, 527,
               "get multipart flag for install disk", """
This is deprecated and always returns C<false>.""",
               [Test("InitScratchFS", TestResultFalse(
                   _debian(["inspect_os"], ["inspect_is_multipart", ROOT])))]),

    Call("inspect_get_icon", RBufferOut, [Mountable("root")],
         [OBool("favicon"), OBool("highquality")], proc=528,
         shortdesc="get the icon corresponding to this operating system",
         longdesc="""
This function returns an icon corresponding to the inspected operating
system.  The icon is returned as a buffer containing a PNG image
(re-encoded to PNG if necessary).

If it was not possible to get an icon this function returns a
zero-length (non-NULL) buffer.  I<Callers must check for this case>.

Libguestfs will start by looking for a file called F</etc/favicon.png>
or F<C:\\etc\\favicon.png> and if it has the correct format, the
contents of this file will be returned.  You can disable favicons by
passing the optional C<favicon> boolean as false (default is true).

If finding the favicon fails, then we look in other places in the guest
for a suitable icon: the distribution's logo (Fedora, RHEL and its
clones, Debian, Ubuntu, Mageia, openSUSE, Void, ALT Linux).  Icons are
only returned if they are PNG files of 16 to 1024 pixels a side and of
a reasonable size.  Windows guests' icons (which libguestfs extracts
from F<explorer.exe> with external programs) are not supported: an
empty buffer is returned for them.

If the optional C<highquality> boolean is true then only high quality
icons are returned, which means only icons of high resolution with an
alpha channel.  The default (false) is to return any icon we can, even
if it is of substandard quality.

Notes:

=over 4

=item *

Unlike most other inspection API calls, the guest's disks are mounted
(read-only, privately) while the icon is looked for.

=item *

If you don't care about the favicon or the operating system's icon,
don't call this function: it has to look at several files.

=item *

Icons are generally not very high resolution.

=back""" + SEE,
         tests=[
             Test("InitScratchFS", TestResult(
                 _debian(["mount", ROOT, "/"], ["mkdir_p", "/usr/share/pixmaps"],
                         ["upload", "data/inspect-logo.png",
                          "/usr/share/pixmaps/debian-logo.png"],
                         ["umount_all"], ["inspect_os"], ["inspect_get_icon", ROOT]),
                 'size > 8 && memcmp (ret, "\\x89PNG\\r\\n\\x1a\\n", 8) == 0')),
             # A favicon wins unless refused.
             Test("InitScratchFS", TestResult(
                 _debian(["mount", ROOT, "/"],
                         ["upload", "data/inspect-logo.png", "/etc/favicon.png"],
                         ["umount_all"], ["inspect_os"],
                         ["inspect_get_icon", ROOT, "favicon:false"]),
                 "size == 0")),
             Test("InitScratchFS", TestResult(
                 _debian(["inspect_os"], ["inspect_get_icon", ROOT]), "size == 0")),
         ]),
]

