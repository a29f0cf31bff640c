"""Daemon calls about block devices, partitions and filesystem probing."""

from .types import *

DEVICE_CALLS = [
    Call("list_devices", RDeviceList, [], proc=1,
         shortdesc="list the block devices",
         longdesc="""
List all the block devices.

The full block device names are returned, eg. F</dev/sda>, in the order
the drives were added.""",
         tests=[Test("InitEmpty", TestResultList(
             [["list_devices"]], ["/dev/sda", "/dev/sdb", "/dev/sdc"]))]),

    Call("list_partitions", RDeviceList, [], proc=2,
         shortdesc="list the partitions",
         longdesc="""
List all the partitions detected on all block devices.

The full partition device names are returned, eg. F</dev/sda1>.

This does not return logical volumes.""",
         tests=[Test("InitBasicFS", TestResult(
             [["list_partitions"]],
             'has_string (ret, "/dev/sda1") && has_string (ret, "/dev/sdb1")'))]),

    Call("list_filesystems", RHashtable, [], proc=3,
         shortdesc="list filesystems",
         longdesc="""
This inspection command looks for filesystems on partitions, block
devices and logical volumes, returning a list of C<mountables>
containing filesystems and their type.

The return value is a hash, where the keys are the devices containing
filesystems, and the values are the filesystem types.  For example:

 "/dev/sda1" => "ntfs"
 "/dev/sda2" => "ext2"

The value can have the special value "unknown", meaning the content of
the device is undetermined or empty.  "swap" means a Linux swap
partition.

Whole devices holding a partition table are not listed (their
partitions are).""",
         tests=[Test("InitBasicFS", TestResult(
             [["list_filesystems"]],
             'hash_has (ret, "/dev/sda1", "ext2") && hash_has (ret, "/dev/sdb1", "ext2")'))]),

    Call("vfs_type", RString, [Mountable("mountable")], proc=4,
         shortdesc="get the Linux VFS type corresponding to a mounted device",
         longdesc="""
This command gets the filesystem type corresponding to the filesystem on
C<mountable>.

For most filesystems, the result is the name of the Linux VFS module
which would be used to mount this filesystem if you mounted it without
specifying the filesystem type.  For example a string such as C<ext3> or
C<ntfs>.""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_disk", "/dev/sda", "mbr"],
              ["mkfs", "ext4", "/dev/sda1"],
              ["vfs_type", "/dev/sda1"]], "ext4"))]),

    Call("vfs_label", RString, [Mountable("mountable")], proc=5,
         shortdesc="get the filesystem label",
         longdesc="""
This returns the label of the filesystem on C<mountable>.

If the filesystem is unlabeled, this returns the empty string.""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_disk", "/dev/sda", "mbr"],
              ["mkfs", "ext2", "/dev/sda1", "label:LTEST"],
              ["vfs_label", "/dev/sda1"]], "LTEST"))]),

    Call("vfs_uuid", RString, [Mountable("mountable")], proc=6,
         shortdesc="get the filesystem UUID",
         longdesc="""
This returns the filesystem UUID of the filesystem on C<mountable>.

If the filesystem does not have a UUID, this returns the empty string.""",
         tests=[Test("InitBasicFS", TestResult(
             [["vfs_uuid", "/dev/sda1"]], "strlen (ret) == 36"))]),

    Call("blockdev_getsize64", RInt64, [Device("device")], proc=7,
         shortdesc="get total size of device in bytes",
         longdesc="""
This returns the size of the device in bytes.""",
         tests=[Test("InitEmpty", TestResultInt(
             [["blockdev_getsize64", "/dev/sda"]], 524288000))]),

    Call("part_init", RErr, [Device("device"), String("parttype")], proc=8,
         shortdesc="create an empty partition table",
         longdesc="""
This creates an empty partition table on C<device> of one of the
partition types listed below.  Usually C<parttype> should be either
C<msdos> or C<gpt> (for large disks).

Initially there are no partitions.  Following this, you should call
C<guestfs_part_add> for each partition required.

Possible values for C<parttype> are:

=over 4

=item B<efi>

=item B<gpt>

Intel EFI / GPT partition table.

=item B<mbr>

=item B<msdos>

MS-DOS style partition table.

=back""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_init", "/dev/sda", "gpt"],
              ["part_get_parttype", "/dev/sda"]], "gpt")),
                Test("InitEmpty", TestLastFail(
             [["part_init", "/dev/sda", "foo"]]))]),

    Call("part_add", RErr, [Device("device"), String("prlogex"),
                            Int64("startsect"), Int64("endsect")], proc=9,
         shortdesc="add a partition to the device",
         longdesc="""
This command adds a partition to C<device>.  If there is no partition
table on the device, call C<guestfs_part_init> first.

The C<prlogex> parameter is the type of partition.  Normally you should
pass C<p> or C<primary> here, but MBR partition tables also support C<l>
(or C<logical>) and C<e> (or C<extended>) partition types.

C<startsect> and C<endsect> are the start and end of the partition in
I<sectors>.  C<endsect> may be negative, which means it counts backwards
from the end of the disk (C<-1> is the last sector).""",
         tests=[Test("InitEmpty", TestResult(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "2048", "4095"],
              ["part_add", "/dev/sda", "p", "4096", "-1"],
              ["part_list", "/dev/sda"]],
             "ret->len == 2 && ret->val[0].part_start == 1048576 && "
             "ret->val[0].part_end == 2097151 && ret->val[1].part_num == 2")),
                Test("InitEmpty", TestLastFail(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "2048", "4095"],
              ["part_add", "/dev/sda", "p", "3000", "5000"]]))]),

    Call("part_disk", RErr, [Device("device"), String("parttype")], proc=10,
         shortdesc="partition whole disk with a single primary partition",
         longdesc="""
This command is simply a combination of C<guestfs_part_init> followed by
C<guestfs_part_add> to create a single primary partition covering the
whole disk (starting at sector 2048, so aligned to 1 MiB).

C<parttype> is the partition table type, usually C<mbr> or C<gpt>, but
other possible values are described in C<guestfs_part_init>.""",
         tests=[Test("InitEmpty", TestResultList(
             [["part_disk", "/dev/sda", "mbr"], ["list_partitions"]],
             ["/dev/sda1", "/dev/sdb1"])),
                Test("InitEmpty", TestResultString(
             [["part_disk", "/dev/sda", "gpt"],
              ["part_get_parttype", "/dev/sda"]], "gpt"))]),

    Call("part_list", RStructList("partition"), [Device("device")], proc=11,
         shortdesc="list partitions on a device",
         longdesc="""
This command parses the partition table on C<device> and returns the
list of partitions found.

The fields in the returned structure are:

=over 4

=item C<part_num>

Partition number, counting from 1.

=item C<part_start>

Start of the partition I<in bytes>.

=item C<part_end>

End of the partition in bytes.

=item C<part_size>

Size of the partition in bytes.

=back""",
         tests=[Test("InitPartition", TestResult(
             [["part_list", "/dev/sda"]],
             "ret->len == 1 && ret->val[0].part_num == 1 && "
             "ret->val[0].part_start == 65536 && "
             "ret->val[0].part_size == ret->val[0].part_end - ret->val[0].part_start + 1"))]),

    Call("part_get_parttype", RString, [Device("device")], proc=12,
         shortdesc="get the partition table type",
         longdesc="""
This command examines the partition table on C<device> and returns the
partition table type (format) being used.

Common return values include: C<msdos> (a DOS/Windows style MBR
partition table), C<gpt> (a GPT/EFI-style partition table).  There is an
error if the device has no partition table.""",
         tests=[Test("InitPartition", TestResultString(
             [["part_get_parttype", "/dev/sda"]], "msdos")),
                Test("InitEmpty", TestLastFail(
             [["part_get_parttype", "/dev/sdc"]]))]),

    Call("zero", RErr, [Device("device")], proc=13, progress=True,
         shortdesc="write zeroes to the device",
         longdesc="""
This command writes zeroes over the first few blocks of C<device>.

How many blocks are zeroed isn't specified (but it's I<not> enough to
securely wipe the device).  It should be sufficient to remove any
partition tables, filesystem superblocks and so on.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["umount", "/dev/sda1"], ["zero", "/dev/sda1"],
              ["vfs_type", "/dev/sda1"]], ""))]),
]
