"""Daemon calls that create, mount and measure filesystems."""

from .types import *

FS_CALLS = [
    Call("mkfs", RErr, [String("fstype"), Device("device")],
         [OInt("blocksize"), OString("features"), OInt("inode"),
          OInt("sectorsize"), OString("label")],
         proc=20, once_had_no_optargs=True, fish_alias=["mkfs-opts"],
         progress=True,
         shortdesc="make a filesystem",
         longdesc="""
This function creates a filesystem on C<device>.  The filesystem type is
C<fstype>, for example C<ext3>.

The optional arguments are:

=over 4

=item C<blocksize>

The filesystem block size.  Supported block sizes depend on the
filesystem type, but typically they are C<1024>, C<2048> or C<4096> for
Linux ext2/3 filesystems.

For VFAT and NTFS the C<blocksize> parameter is treated as the requested
cluster size.

=item C<features>

This passes the I<-O> parameter to the external mkfs program (ext2/3/4
only).

=item C<inode>

This passes the I<-I> parameter to the external L<mke2fs(8)> program
which sets the inode size (only for ext2/3/4 filesystems at present).

=item C<sectorsize>

This passes the I<-S> parameter to external L<mkfs.ufs(8)> program,
which sets sector size for ufs filesystem; it is rejected for others.

=item C<label>

Set the filesystem label.

=back

Supported types are ext2, ext3, ext4, vfat (and fat, msdos), xfs, btrfs
and ntfs.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkfs", "ext2", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["write", "/new", "new file contents"], ["cat", "/new"]],
             "new file contents")),
                Test("InitPartition", TestResultString(
             [["mkfs", "vfat", "/dev/sda1", "label:VLABEL"],
              ["vfs_label", "/dev/sda1"]], "VLABEL")),
                Test("InitPartition", TestResultString(
             [["mkfs", "xfs", "/dev/sda1"], ["vfs_type", "/dev/sda1"]],
             "xfs")),
                Test("InitPartition", TestResultString(
             [["mkfs", "btrfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["write", "/b", "btrfs"], ["cat", "/b"]], "btrfs")),
                Test("InitPartition", TestResultString(
             [["mkfs", "ntfs", "/dev/sda1"], ["vfs_type", "/dev/sda1"]],
             "ntfs")),
                Test("InitPartition", TestResultString(
             [["mkfs", "ext4", "/dev/sda1", "blocksize:1024", "inode:256"],
              ["vfs_type", "/dev/sda1"]], "ext4")),
                Test("InitPartition", TestLastFail(
             [["mkfs", "nosuchfs", "/dev/sda1"]]))]),

    Call("mount", RErr, [Mountable("mountable"), String("mountpoint")],
         proc=21,
         shortdesc="mount a guest disk at a position in the filesystem",
         longdesc="""
Mount a guest disk at a position in the filesystem.  Block devices are
named F</dev/sda>, F</dev/sdb> and so on, as they were added to the
guest.  If those block devices contain partitions, they will have the
usual names (eg. F</dev/sda1>).

The rules are the same as for L<mount(2)>:  A filesystem must first be
mounted on F</> before others can be mounted.  Other filesystems can
only be mounted on directories which already exist.

The mounted filesystem is writable, if we have sufficient permissions on
the underlying device.""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_disk", "/dev/sda", "mbr"], ["mkfs", "ext2", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"], ["write", "/new", "new file contents"],
              ["cat", "/new"]], "new file contents")),
                Test("InitEmpty", TestLastFail(
             [["mount", "/dev/sdc", "/"]])),
                Test("InitBasicFS", TestLastFail(
             [["mount", "/dev/sdb1", "/nosuchdir"]]))]),

    Call("mount_ro", RErr, [Mountable("mountable"), String("mountpoint")],
         proc=22,
         shortdesc="mount a guest disk, read-only",
         longdesc="""
This is the same as the C<guestfs_mount> command, but it mounts the
filesystem with the read-only (I<-o ro>) flag.""",
         tests=[Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["mount_ro", "/dev/sda1", "/"],
              ["touch", "/new"]])),
                Test("InitBasicFS", TestResultString(
             [["write", "/new", "data"], ["umount", "/"],
              ["mount_ro", "/dev/sda1", "/"], ["cat", "/new"]], "data"))]),

    Call("mount_options", RErr, [String("options"), Mountable("mountable"),
                                 String("mountpoint")], proc=23,
         shortdesc="mount a guest disk with mount options",
         longdesc="""
This is the same as the C<guestfs_mount> command, but it allows you to
set the mount options as for the L<mount(8)> I<-o> flag.

If the C<options> parameter is an empty string, then no options are
passed (all options default to whatever the filesystem uses).""",
         tests=[Test("InitBasicFS", TestResultTrue(
             [["umount", "/"], ["mount_options", "ro,noatime", "/dev/sda1", "/"],
              ["is_dir", "/lost+found"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["mount_options", "ro", "/dev/sda1", "/"],
              ["mkdir", "/d"]]))]),

    Call("umount", RErr, [Dev_or_Path("pathordevice")],
         [OBool("force"), OBool("lazyunmount")], proc=24,
         once_had_no_optargs=True, fish_alias=["unmount", "umount-opts"],
         shortdesc="unmount a filesystem",
         longdesc="""
This unmounts the given filesystem.  The filesystem may be specified
either by its mountpoint (path) or the device which contains the
filesystem.""",
         tests=[Test("InitEmpty", TestResultList(
             [["part_disk", "/dev/sda", "mbr"], ["mkfs", "ext2", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"], ["umount", "/"], ["mounts"]], [])),
                Test("InitBasicFS", TestResultList(
             [["umount", "/dev/sda1", "force:true"], ["mounts"]], []))]),

    Call("umount_all", RErr, [], proc=25, fish_alias=["unmount-all"],
         shortdesc="unmount all filesystems",
         longdesc="""
This unmounts all mounted filesystems.

Some internal mounts are not unmounted by this call.""",
         tests=[Test("InitBasicFS", TestResultList(
             [["umount_all"], ["mounts"]], []))]),

    Call("mounts", RDeviceList, [], proc=26,
         shortdesc="show mounted filesystems",
         longdesc="""
This returns the list of currently mounted filesystems.  It returns the
list of devices (eg. F</dev/sda1>, F</dev/VG/LV>).

Some internal mounts are not shown.""",
         tests=[Test("InitBasicFS", TestResultList(
             [["mounts"]], ["/dev/sda1"]))]),

    Call("mountpoints", RHashtable, [], proc=27,
         shortdesc="show mountpoints",
         longdesc="""
This call is similar to C<guestfs_mounts>.  That call returns a list of
devices.  This one returns a hash table (map) of device name to directory
where the device is mounted.""",
         tests=[Test("InitBasicFS", TestResult(
             [["mkdir", "/m"], ["mount", "/dev/sdb1", "/m"], ["mountpoints"]],
             'hash_has (ret, "/dev/sda1", "/") && hash_has (ret, "/dev/sdb1", "/m")'))]),

    Call("statvfs", RStruct("statvfs"), [Pathname("path")], proc=28,
         shortdesc="get file system statistics",
         longdesc="""
Returns file system statistics for any mounted file system.  C<path>
should be a file or directory in the mounted file system (typically it is
the mount point itself, but it doesn't need to be).

This is the same as the L<statvfs(2)> system call.""",
         tests=[Test("InitBasicFS", TestResult(
             [["statvfs", "/"]],
             "ret->namemax == 255 && ret->bsize >= 1024 && ret->blocks > 0 && "
             "ret->bfree <= ret->blocks"))]),

    Call("sync", RErr, [], proc=29,
         shortdesc="sync disks, writes are flushed through to the disk image",
         longdesc="""
This syncs the disk, so that any writes are flushed through to the
underlying disk image.

You should always call this if you have modified a disk image, before
closing the handle.""",
         tests=[Test("InitEmpty", TestRun([["sync"]]))]),

    Call("du", RInt64, [Pathname("path")], proc=30, progress=True,
         shortdesc="estimate file space usage",
         longdesc="""
This command runs the C<du -s> command to estimate file space usage for
C<path>.

C<path> can be a file or a directory.  If C<path> is a directory then
the estimate includes the contents of the directory and all
subdirectories (recursively).

The result is the estimated size in I<kilobytes> (ie. units of 1024
bytes).""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/du"], ["write", "/du/f", "some data"],
              ["du", "/du"]],
             "ret >= 2 && ret <= 16"))]),
]
