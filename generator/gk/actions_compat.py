"""More of libguestfs's calls that scripts and programs still use: stat
and lstat, findfs, mountable helpers, dd and copy_size, compress and
cpio output, scrub, discard, ACLs, capabilities, SELinux labels,
initrd and ISO inspection, and the remaining fish aliases.

Daemon procedure numbers for this file: 550 to 649."""

import gzip

from .types import *
from .cdecl import c_string_literal

PROC_RANGE = (550, 649)


def _file_starts(name, data):
    return "local_file_starts_with (%s, %s, %d)" % (
        c_string_literal(name), c_string_literal(data), len(data))


def _both16(n):
    return n.to_bytes(2, "little") + n.to_bytes(2, "big")


def _both32(n):
    return n.to_bytes(4, "little") + n.to_bytes(4, "big")


def _pad(s, n):
    return s.encode().ljust(n, b" ")


def _pvd():
    """An ISO 9660 primary volume descriptor (the 2048 bytes at offset
    32768 of an ISO image), as genisoimage writes one."""
    d = b"\x01CD001\x01\x00" + _pad("LINUX", 32) + _pad("GKTEST", 32)
    d += bytes(8) + _both32(181) + bytes(32)
    d += _both16(1) + _both16(1) + _both16(2048)
    d += bytes(8 + 16 + 34)                  # path tables, root record
    d += _pad("SET", 128) + _pad("PUBLISHER", 128) + _pad("PREPARER", 128)
    d += _pad("APP", 128) + _pad("", 37) + _pad("", 37) + _pad("", 37)
    d += b"2024010203040500\x00"             # created 2024-01-02 03:04:05 UTC
    d += b"2024010203040500\x08"             # modified, at UTC+02:00
    d += b"0000000000000000\x00" * 2         # expiration, effective: unset
    d += b"\x01"
    return d.ljust(2048, b"\0").decode("utf-8", "surrogateescape")


def _newc(files):
    """A cpio archive (newc format) of regular files, as initrds are."""
    out = b""
    for ino, (name, data) in enumerate(files + [("TRAILER!!!", b"")], 1):
        n = name.encode() + b"\0"
        mode = 0 if name == "TRAILER!!!" else 0o100644
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(n), 0]
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields) + n
        out += hdr + bytes(-len(hdr) % 4) + data + bytes(-len(data) % 4)
    return out + bytes(-len(out) % 512)


_INITRD = gzip.compress(_newc([("init", b"#!/bin/sh\n"),
                               ("etc/hostname", b"gk\n")]), mtime=0)
_INITRD_STR = _INITRD.decode("utf-8", "surrogateescape")

# Two partitions: an external journal and the filesystem using it.
_JOURNAL_SETUP = [["part_init", "/dev/sda", "mbr"],
                  ["part_add", "/dev/sda", "p", "64", "204799"],
                  ["part_add", "/dev/sda", "p", "204800", "-64"]]
_JUUID = "f5d0cc62-9a1b-4e39-8c49-1c2a3b4d5e6f"

_STAT_DOC = """

This call is deprecated: its struct has no sub-second times.  It is
C<guestfs_%s> converted to the old C<stat> struct (times truncated to
whole seconds)."""

_COMPRESS_DOC = """

C<ctype> is the compression program: one of C<compress>, C<gzip>,
C<bzip2>, C<xz> or C<lzop>; some may not be available in the appliance
(C<compress> and C<lzop> are not, here), which is an error.

The optional C<level> is the compression level: 1 to 9 (0 to 9 for
C<xz>); C<compress> takes none.  If omitted the program's default is
used."""


COMPAT_CALLS = [
    # ---- the deprecated stat family, on top of statns ----
    Call("stat", RStruct("stat"), [Pathname("path")],
         deprecated_by="statns",
         shortdesc="get file information",
         longdesc="""
Returns file information for the given C<path>.

This is the same as the L<stat(2)> system call.""" + _STAT_DOC % "statns",
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/stat", "12345"], ["stat", "/stat"]],
             "ret->size == 5 && (ret->mode & S_IFMT) == S_IFREG && "
             "ret->nlink == 1 && ret->mtime > 1000000000")),
                Test("InitScratchFS", TestLastFail([["stat", "/nosuch"]]))]),

    Call("lstat", RStruct("stat"), [Pathname("path")],
         deprecated_by="lstatns",
         shortdesc="get file information for a symbolic link",
         longdesc="""
Returns file information for the given C<path>.

This is the same as C<guestfs_stat> except that if C<path> is a
symbolic link, then the link is stat-ed, not the file it refers to.

This is the same as the L<lstat(2)> system call.""" + _STAT_DOC % "lstatns",
         tests=[Test("InitScratchFS", TestResult(
             [["ln_s", "/nosuch-target", "/lstat"], ["lstat", "/lstat"]],
             "(ret->mode & S_IFMT) == S_IFLNK && ret->size == 14"))]),

    Call("lstatlist", RStructList("stat"),
         [Pathname("path"), StringList("names")],
         deprecated_by="lstatnslist",
         shortdesc="lstat on multiple files",
         longdesc="""
This call allows you to perform the C<guestfs_lstat> operation on
multiple files, where all files are in the directory C<path>.
C<names> is the list of files from this directory.

On return you get a list of stat structs, with a one-to-one
correspondence to the C<names> list.  If any name did not exist or
could not be lstat'd, then the C<ino> field of that structure is set
to C<-1>.

This call is intended for programs that want to efficiently list a
directory contents without making many round-trips.""" + _STAT_DOC % "lstatnslist",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/lstatlist"], ["write", "/lstatlist/f", "abc"],
              ["ln_s", "f", "/lstatlist/l"],
              ["lstatlist", "/lstatlist", "f nosuch l"]],
             "ret->len == 3 && ret->val[0].size == 3 && "
             "ret->val[1].ino == -1 && "
             "(ret->val[2].mode & S_IFMT) == S_IFLNK"))]),

    Call("llz", RString, [Pathname("directory")], proc=550,
         deprecated_by="lgetxattrs",
         shortdesc="list the files in a directory (long format with SELinux contexts)",
         longdesc="""
List the files in F<directory> in the format of C<ls -laZ>.

This command is mostly useful for interactive sessions.  It is I<not>
intended that you try to parse the output string.

Entries are not followed if they are symbolic links.  Where the
appliance has no SELinux policy the context column shows C<?>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/llz"], ["touch", "/llz/afile"], ["llz", "/llz"]],
             "strstr (ret, \"afile\") != NULL && strstr (ret, \"..\") != NULL")),
                Test("InitScratchFS", TestLastFail([["llz", "/nosuchdir"]]))]),

    # ---- finding and naming filesystems ----
    Call("findfs_label", RDevice, [String("label")], proc=551,
         shortdesc="find a filesystem by label",
         longdesc="""
This command searches the filesystems and returns the one which has
the given label.  An error is returned if no such filesystem can be
found.

To find the UUID of a filesystem, use C<guestfs_vfs_uuid>.""",
         see_also=["findfs_uuid", "vfs_label"],
         tests=[Test("InitPartition", TestResultString(
             [["mkfs", "ext2", "/dev/sda1", "label:GKFINDFS"],
              ["findfs_label", "GKFINDFS"]], "/dev/sda1")),
                Test("InitPartition", TestLastFail(
             [["findfs_label", "GK-NO-SUCH-LABEL"]]))]),

    Call("findfs_uuid", RDevice, [String("uuid")], proc=552,
         shortdesc="find a filesystem by UUID",
         longdesc="""
This command searches the filesystems and returns the one which has
the given UUID.  An error is returned if no such filesystem can be
found.

To find the label of a filesystem, use C<guestfs_vfs_label>.""",
         see_also=["findfs_label", "vfs_uuid"],
         tests=[Test("InitPartition", TestResultString(
             [["mkfs", "ext2", "/dev/sda1"],
              ["set_uuid", "/dev/sda1", "d1c9a0c4-8e2c-4b67-9b37-3f1d2a1b5e77"],
              ["findfs_uuid", "d1c9a0c4-8e2c-4b67-9b37-3f1d2a1b5e77"]],
             "/dev/sda1")),
                Test("InitPartition", TestLastFail(
             [["findfs_uuid", "00000000-1111-2222-3333-444444444444"]]))]),

    Call("mountable_device", RString, [Mountable("mountable")], proc=553,
         shortdesc="extract the device part of a mountable",
         longdesc="""
Returns the device name of a mountable.  In quite a lot of cases, the
mountable is the device name.

However this doesn't apply for btrfs subvolumes, where the mountable
is a combination of both the device name and the subvolume path (see
also C<guestfs_mountable_subvolume> to extract the subvolume path of
the mountable if any).""",
         tests=[Test("InitPartition", TestResultString(
             [["mountable_device", "/dev/sda1"]], "/dev/sda1")),
                Test("InitPartition", TestResultString(
             [["mountable_device", "btrfsvol:/dev/sda1/sub/vol"]],
             "/dev/sda1"))]),

    Call("mountable_subvolume", RString, [Mountable("mountable")], proc=554,
         shortdesc="extract the subvolume part of a mountable",
         longdesc="""
Returns the subvolume path of a mountable.  Btrfs subvolumes
mountables are a combination of both the device name and the
subvolume path (see also C<guestfs_mountable_device> to extract the
device of the mountable).

If the mountable does not represent a btrfs subvolume, then this
function fails and the C<errno> is set to C<EINVAL>.""",
         tests=[Test("InitPartition", TestResultString(
             [["mountable_subvolume", "btrfsvol:/dev/sda1/sub/vol"]],
             "sub/vol")),
                Test("InitPartition", TestLastFail(
             [["mountable_subvolume", "/dev/sda1"]]))]),

    # ---- block copies ----
    Call("copy_size", RErr, [Dev_or_Path("src"), Dev_or_Path("dest"),
                             Int64("size")], proc=555, progress=True,
         deprecated_by="copy_device_to_device",
         shortdesc="copy size bytes from source to destination using dd",
         longdesc="""
This command copies exactly C<size> bytes from one source device or
file C<src> to another destination device or file C<dest>.

Note this will fail if the source is too short or if the destination
is not large enough.  A destination file must already exist; it is
neither created nor truncated, and it is extended only if C<size> is
larger than it is.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/copy_size_src", "hello, world"],
              ["write", "/copy_size_dst", "HELLO, WORLD!!"],
              ["copy_size", "/copy_size_src", "/copy_size_dst", "5"],
              ["cat", "/copy_size_dst"]], "hello, WORLD!!")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/copy_size_s2", "abc"],
              ["touch", "/copy_size_d2"],
              ["copy_size", "/copy_size_s2", "/copy_size_d2", "4"]]))]),

    Call("dd", RErr, [Dev_or_Path("src"), Dev_or_Path("dest")], proc=556,
         progress=True, deprecated_by="copy_device_to_device",
         shortdesc="copy from source to destination using dd",
         longdesc="""
This command copies from one source device or file C<src> to another
destination device or file C<dest>.  Normally you would use this to
copy to or from a device or partition, for example to duplicate a
filesystem.

If the destination is a device, it must be as large or larger than
the source file or device, otherwise the copy will fail.  A
destination file is created if missing and truncated first, as
C<dd of=> does.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/dd_src", "hello, world"],
              ["write", "/dd_dst", "something much longer"],
              ["dd", "/dd_src", "/dd_dst"], ["cat", "/dd_dst"]],
             "hello, world")),
                Test("InitEmpty", TestResult(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "64", "20479"],
              ["part_add", "/dev/sda", "p", "20480", "40959"],
              ["mkfs", "ext2", "/dev/sda1", "label:DDTEST"],
              ["dd", "/dev/sda1", "/dev/sda2"],
              ["vfs_label", "/dev/sda2"]],
             "strcmp (ret, \"DDTEST\") == 0"))]),

    # ---- compressed output ----
    Call("compress_out", RErr, [String("ctype"), Pathname("file"),
                                FileOut("zfile")], [OInt("level")],
         proc=557, cancellable=True,
         shortdesc="output compressed file",
         longdesc="""
This command compresses F<file> and writes it out to the local file
F<zfile>.""" + _COMPRESS_DOC,
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/compress_out", "hello\n"],
              ["compress_out", "gzip", "/compress_out", "compress_out.gz"]],
             _file_starts("compress_out.gz", b"\x1f\x8b"))),
                Test("InitScratchFS", TestResult(
             [["write", "/compress_out_xz", "hello\n"],
              ["compress_out", "xz", "/compress_out_xz", "compress_out.xz",
               "level:9"]],
             _file_starts("compress_out.xz", b"\xfd7zXZ\0"))),
                Test("InitScratchFS", TestLastFail(
             [["write", "/compress_out2", "x"],
              ["compress_out", "nosuch", "/compress_out2", "c2.out"]]))]),

    Call("compress_device_out", RErr, [String("ctype"), Device("device"),
                                       FileOut("zdevice")], [OInt("level")],
         proc=558, cancellable=True,
         shortdesc="output compressed device",
         longdesc="""
This command compresses C<device> and writes it out to the local file
C<zdevice>.""" + _COMPRESS_DOC,
         tests=[Test("InitEmpty", TestResult(
             [["compress_device_out", "bzip2", "/dev/sdc", "cdo.bz2"]],
             _file_starts("cdo.bz2", b"BZh")))]),

    # ---- discard ----
    Call("blkdiscard", RErr, [Device("device")], proc=559,
         optional="blkdiscard",
         shortdesc="discard all blocks on a device",
         longdesc="""
This discards all blocks on the block device C<device>, giving the
free space back to the host.

This operation requires support in libguestfs, the host filesystem,
qemu and the host kernel.  If this support isn't present it may give
an error or even appear to run but do nothing.  You must also set the
C<discard> attribute on the underlying drive (see
C<guestfs_add_drive_opts>).""",
         tests=[Test("InitEmpty", TestRun(
             [["blkdiscard", "/dev/sdc"]])),
                Test("InitNone", TestLastFail(
             [["blkdiscard", "/dev/sdz"]]))]),

    Call("blkdiscardzeroes", RBool, [Device("device")], proc=560,
         optional="blkdiscardzeroes",
         shortdesc="return true if discarded blocks are read as zeroes",
         longdesc="""
This call returns true if blocks on C<device> that have been discarded
by a call to C<guestfs_blkdiscard> are returned as blocks of zero
bytes when read the next time.

If it returns false, then it may be that discarded blocks are read as
stale or random data.""",
         tests=[Test("InitNone", TestResultFalse(
             [["blkdiscardzeroes", "/dev/sdc"]]))]),

    # ---- ISO 9660 ----
    Call("isoinfo_device", RStruct("isoinfo"), [Device("device")], proc=561,
         shortdesc="get ISO information from primary volume descriptor of device",
         longdesc="""
C<device> is an ISO device.  This returns a struct of information read
from the primary volume descriptor (the ISO equivalent of the
superblock) of the device.

Usually it is more efficient to use the L<isoinfo(1)> command with the
I<-d> option on the host to analyze ISO files, instead of going
through libguestfs.

For information on the primary volume descriptor fields, see
L<https://wiki.osdev.org/ISO_9660#The_Primary_Volume_Descriptor>.

String fields have their trailing spaces removed.  Times are seconds
since the epoch, the descriptor's time zone applied; a time that is
not set is C<-1>.""",
         tests=[Test("InitEmpty", TestResult(
             [["pwrite_device", "/dev/sda", _pvd(), "32768"],
              ["isoinfo_device", "/dev/sda"]],
             "strcmp (ret->iso_volume_id, \"GKTEST\") == 0 && "
             "ret->iso_volume_space_size == 181 && "
             "ret->iso_logical_block_size == 2048 && "
             "ret->iso_volume_creation_t == 1704164645 && "
             "ret->iso_volume_modification_t == 1704164645 - 7200 && "
             "ret->iso_volume_expiration_t == -1")),
                Test("InitEmpty", TestLastFail(
             [["isoinfo_device", "/dev/sda"]]))]),

    Call("isoinfo", RStruct("isoinfo"), [Pathname("isofile")], proc=562,
         shortdesc="get ISO information from primary volume descriptor of ISO file",
         longdesc="""
This is the same as C<guestfs_isoinfo_device> except that it works for
an ISO file located inside some other mounted filesystem.  Note that
in the common case where you have added an ISO file as a libguestfs
device, you would I<not> call this.  Instead you would call
C<guestfs_isoinfo_device>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/isoinfo.iso"],
              ["truncate_size", "/isoinfo.iso", "370688"],
              ["pwrite", "/isoinfo.iso", _pvd(), "32768"],
              ["isoinfo", "/isoinfo.iso"]],
             "strcmp (ret->iso_system_id, \"LINUX\") == 0 && "
             "strcmp (ret->iso_publisher_id, \"PUBLISHER\") == 0 && "
             "strcmp (ret->iso_copyright_file_id, \"\") == 0 && "
             "ret->iso_volume_set_size == 1")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/isoinfo.short", "short"],
              ["isoinfo", "/isoinfo.short"]]))]),

    # ---- initrds ----
    Call("initrd_list", RStringList, [Pathname("path")], proc=563,
         shortdesc="list files in an initrd",
         longdesc="""
This command lists out files contained in an initrd.

The files are listed without any initial F</> character.  The files
are listed in the order they appear (not necessarily alphabetical).
Directory names are listed as separate items.

Old Linux kernels (2.4 and earlier) used a compressed ext2 filesystem
as initrd.  We I<only> support the newer initramfs format (compressed
cpio files).  Compressions read are those of libarchive (gzip, bzip2,
xz, lzma, lz4, zstd); an uncompressed cpio works too.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/initrd_list.img", _INITRD_STR],
              ["initrd_list", "/initrd_list.img"]],
             ["init", "etc/hostname"])),
                Test("InitScratchFS", TestLastFail(
             [["write", "/initrd_list.bad", "not an archive"],
              ["initrd_list", "/initrd_list.bad"]]))]),

    Call("initrd_cat", RBufferOut, [Pathname("initrdpath"), String("filename")],
         proc=564,
         shortdesc="list the contents of a single file in an initrd",
         longdesc="""
This command unpacks the file F<filename> from the initrd file called
F<initrdpath>.  The filename must be given I<without> the initial F</>
character.

For example, in guestfish you could use the following command to
examine the boot script (usually called F</init>) contained in a Linux
initrd or initramfs image:

 initrd-cat /boot/initrd-<version>.img init

See also C<guestfs_initrd_list>.  The file is read from the archive in
the daemon, never written anywhere; files larger than one reply are
refused.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/initrd_cat.img", _INITRD_STR],
              ["initrd_cat", "/initrd_cat.img", "etc/hostname"]], "gk\n")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/initrd_cat2.img", _INITRD_STR],
              ["initrd_cat", "/initrd_cat2.img", "nosuch"]]))]),

    # ---- deprecated calls kept for old programs (library side) ----
    Call("kill_subprocess", RErr, [], deprecated_by="shutdown",
         shortdesc="kill the hypervisor",
         longdesc="""
This kills the hypervisor.

Do not call this.  See: C<guestfs_shutdown> instead."""),

    Call("add_drive_with_if", RErr, [String("filename"), String("iface")],
         deprecated_by="add_drive",
         shortdesc="add a drive specifying the QEMU block emulation to use",
         longdesc="""
This is the same as C<guestfs_add_drive> but it allows you to specify
the QEMU interface emulation to use at run time.""",
         tests=[Test("InitNone", TestLastFail(
             [["add_drive_with_if", "/dev/null", "virtio"]]))]),

    Call("add_drive_ro_with_if", RErr, [String("filename"), String("iface")],
         deprecated_by="add_drive",
         shortdesc="add a drive read-only specifying the QEMU block emulation to use",
         longdesc="""
This is the same as C<guestfs_add_drive_ro> but it allows you to
specify the QEMU interface emulation to use at run time.""",
         tests=[Test("InitNone", TestLastFail(
             [["add_drive_ro_with_if", "/dev/null", "virtio"]]))]),

    Call("mkfs_b", RErr, [String("fstype"), Int("blocksize"), Device("device")],
         deprecated_by="mkfs",
         shortdesc="make a filesystem with block size",
         longdesc="""
This call is similar to C<guestfs_mkfs>, but it allows you to control
the block size of the resulting filesystem.  Supported block sizes
depend on the filesystem type, but typically they are C<1024>,
C<2048> or C<4096> only.

For VFAT and NTFS the C<blocksize> parameter is treated as the
requested cluster size.""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs_b", "ext2", "4096", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"], ["statvfs", "/"]],
             "ret->bsize == 4096")),
                Test("InitPartition", TestResult(
             [["mkfs_b", "ext2", "1024", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"], ["statvfs", "/"]],
             "ret->bsize == 1024"))]),

    Call("ntfsresize_size", RErr, [Device("device"), Int64("size")],
         deprecated_by="ntfsresize", optional="ntfsprogs",
         shortdesc="resize an NTFS filesystem (with size)",
         longdesc="""
This command is the same as C<guestfs_ntfsresize> except that it
allows you to specify the new size (in bytes) explicitly."""),

    # ---- POSIX ACLs ----
    Call("acl_get_file", RString, [Pathname("path"), String("acltype")],
         proc=565, optional="acl",
         shortdesc="get the POSIX ACL attached to a file",
         longdesc="""
This function returns the POSIX Access Control List (ACL) attached to
C<path>.  The ACL is returned in "long text form" (see L<acl(5)>).

The C<acltype> parameter may be:

=over 4

=item C<access>

Return the ordinary (access) ACL for any file, directory or other
filesystem object.

=item C<default>

Return the default ACL.  Normally this only makes sense if C<path> is
a directory.

=back

A file without extended entries still has an access ACL, made of its
permission bits.  Symbolic links are followed, inside the guest's
root.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["touch", "/acl_get_file"], ["chmod", "0640", "/acl_get_file"],
              ["acl_get_file", "/acl_get_file", "access"]],
             "user::rw-\ngroup::r--\nother::---\n")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/acl_get_file2"],
              ["acl_get_file", "/acl_get_file2", "nosuchtype"]]))]),

    Call("acl_set_file", RErr, [Pathname("path"), String("acltype"),
                                String("acl")],
         proc=566, optional="acl",
         shortdesc="set the POSIX ACL attached to a file",
         longdesc="""
This function sets the POSIX Access Control List (ACL) attached to
C<path>.

The C<acltype> parameter may be:

=over 4

=item C<access>

Set the ordinary (access) ACL for any file, directory or other
filesystem object.

=item C<default>

Set the default ACL.  Normally this only makes sense if C<path> is a
directory.

=back

The C<acl> parameter is the new ACL in either "long text form" or
"short text form" (see L<acl(5)>).  The new ACL completely replaces
any previous ACL on the file.  The ACL must contain the full Unix
permissions (eg. C<u::rwx,g::rx,o::rx>).

If you are specifying individual users or groups, then the mask field
is also required (eg. C<m::rwx>), followed by the C<u:I<ID>:...>
and/or C<g:I<ID>:...> field(s).  A full ACL string might therefore
look like this:

 u::rwx,g::rwx,o::rwx,m::rwx,u:500:rwx,g:500:rwx
 \ Unix permissions / \mask/ \      ACL        /

You should use numeric UIDs and GIDs.  To map usernames and groupnames
to the correct numeric ID in the context of the guest, use the Augeas
functions (see C<guestfs_aug_init>).""",
         tests=[Test("InitScratchFS", TestResultString(
             [["touch", "/acl_set_file"],
              ["acl_set_file", "/acl_set_file", "access",
               "u::rwx,u:500:rw-,g::r--,m::rw-,o::---"],
              ["acl_get_file", "/acl_set_file", "access"]],
             "user::rwx\nuser:500:rw-\ngroup::r--\nmask::rw-\nother::---\n")),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/acl_set_dir"],
              ["acl_set_file", "/acl_set_dir", "default", "u::rwx,g::r-x,o::r-x"],
              ["acl_get_file", "/acl_set_dir", "default"]],
             "user::rwx\ngroup::r-x\nother::r-x\n")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/acl_set_file2"],
              ["acl_set_file", "/acl_set_file2", "access", "not an acl"]]))]),

    Call("acl_delete_def_file", RErr, [Pathname("dir")],
         proc=567, optional="acl",
         shortdesc="delete the default POSIX ACL of a directory",
         longdesc="""
This function deletes the default POSIX Access Control List (ACL)
attached to directory C<dir>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir", "/acl_del"],
              ["acl_set_file", "/acl_del", "default", "u::rwx,g::r-x,o::r-x"],
              ["acl_delete_def_file", "/acl_del"],
              ["acl_get_file", "/acl_del", "default"]], "")),
                Test("InitScratchFS", TestLastFail(
             [["acl_delete_def_file", "/acl_del_nosuch"]]))]),

    Call("modprobe", RErr, [String("modulename")], proc=568,
         optional="linuxmodules",
         shortdesc="load a kernel module",
         longdesc="""
This loads a kernel module in the appliance.  The module, or a module
it needs, must be among those the appliance was built with; modules of
the guest are not loaded.""",
         tests=[Test("InitNone", TestRun([["modprobe", "dm_zero"]])),
                Test("InitNone", TestLastFail(
             [["modprobe", "gk_no_such_module"]]))]),

    Call("write_file", RErr, [Pathname("path"), String("content"), Int("size")],
         deprecated_by="write",
         shortdesc="create a file",
         longdesc="""
This call creates a file called C<path>.  The contents of the file is
the string C<content> (which can contain any 8 bit data), with length
C<size>.

As a special case, if C<size> is C<0> then the length is calculated
using C<strlen> (so in this case the content cannot contain embedded
ASCII NULs).

I<NB.> Owing to a bug, writing content containing ASCII NUL characters
does I<not> work, even if the length is specified.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write_file", "/write_file", "new file contents", "0"],
              ["cat", "/write_file"]], "new file contents")),
                Test("InitScratchFS", TestResultString(
             [["write_file", "/write_file2", "abcdef", "3"],
              ["cat", "/write_file2"]], "abc")),
                Test("InitScratchFS", TestLastFail(
             [["write_file", "/write_file3", "abc", "10"]]))]),

    # ---- external ext2/3/4 journals (mke2fs with its optargs) ----
    Call("mke2journal", RErr, [Int("blocksize"), Device("device")],
         deprecated_by="mke2fs",
         shortdesc="make ext2/3/4 external journal",
         longdesc="""
This creates an ext2 external journal on C<device>.  It is equivalent
to the command:

 mke2fs -O journal_dev -b blocksize device""",
         tests=[Test("InitEmpty", TestResultString(_JOURNAL_SETUP + [
             ["mke2journal", "4096", "/dev/sda1"],
             ["mke2fs_J", "ext2", "4096", "/dev/sda2", "/dev/sda1"],
             ["mount", "/dev/sda2", "/"],
             ["write", "/new", "new file contents"], ["cat", "/new"]],
             "new file contents"))]),

    Call("mke2journal_L", RErr, [Int("blocksize"), String("label"),
                                 Device("device")],
         deprecated_by="mke2fs",
         shortdesc="make ext2/3/4 external journal with label",
         longdesc="""
This creates an ext2 external journal on C<device> with label
C<label>.""",
         tests=[Test("InitEmpty", TestResultString(_JOURNAL_SETUP + [
             ["mke2journal_L", "4096", "JOURNAL", "/dev/sda1"],
             ["mke2fs_JL", "ext2", "4096", "/dev/sda2", "JOURNAL"],
             ["mount", "/dev/sda2", "/"],
             ["write", "/new", "new file contents"], ["cat", "/new"]],
             "new file contents"))]),

    Call("mke2journal_U", RErr, [Int("blocksize"), String("uuid"),
                                 Device("device")],
         deprecated_by="mke2fs", optional="linuxfsuuid",
         shortdesc="make ext2/3/4 external journal with UUID",
         longdesc="""
This creates an ext2 external journal on C<device> with UUID
C<uuid>.""",
         tests=[Test("InitEmpty", TestResultString(_JOURNAL_SETUP + [
             ["mke2journal_U", "4096", _JUUID, "/dev/sda1"],
             ["mke2fs_JU", "ext2", "4096", "/dev/sda2", _JUUID],
             ["mount", "/dev/sda2", "/"],
             ["write", "/new", "new file contents"], ["cat", "/new"]],
             "new file contents"))]),

    Call("mke2fs_J", RErr, [String("fstype"), Int("blocksize"),
                            Device("device"), Device("journal")],
         deprecated_by="mke2fs",
         shortdesc="make ext2/3/4 filesystem with external journal",
         longdesc="""
This creates an ext2/3/4 filesystem on C<device> with an external
journal on C<journal>.  It is equivalent to the command:

 mke2fs -t fstype -b blocksize -J device=<journal> <device>

See also C<guestfs_mke2journal>.""",
         tests=[Test("InitEmpty", TestLastFail(_JOURNAL_SETUP + [
             ["mke2fs_J", "ext2", "4096", "/dev/sda2", "/dev/sda1"]]))]),

    Call("mke2fs_JL", RErr, [String("fstype"), Int("blocksize"),
                             Device("device"), String("label")],
         deprecated_by="mke2fs",
         shortdesc="make ext2/3/4 filesystem with external journal",
         longdesc="""
This creates an ext2/3/4 filesystem on C<device> with an external
journal on the journal labeled C<label>.

See also C<guestfs_mke2journal_L>.""",
         tests=[Test("InitEmpty", TestLastFail(_JOURNAL_SETUP + [
             ["mke2fs_JL", "ext2", "4096", "/dev/sda2", "GK_NO_JOURNAL"]]))]),

    Call("mke2fs_JU", RErr, [String("fstype"), Int("blocksize"),
                             Device("device"), String("uuid")],
         deprecated_by="mke2fs", optional="linuxfsuuid",
         shortdesc="make ext2/3/4 filesystem with external journal",
         longdesc="""
This creates an ext2/3/4 filesystem on C<device> with an external
journal on the journal with UUID C<uuid>.

See also C<guestfs_mke2journal_U>.""",
         tests=[Test("InitEmpty", TestLastFail(_JOURNAL_SETUP + [
             ["mke2fs_JU", "ext2", "4096", "/dev/sda2", _JUUID]]))]),
]
