"""Partitions, block devices and device names.

Daemon procedure numbers for this file: 200 to 249."""

from .types import *

PROC_RANGE = (200, 249)

# A GUID used by the tests, and the forms it may come back in.
_GUID = "01234567-89AB-CDEF-0123-456789ABCDEF"
_GUID_LC = "01234567-89ab-cdef-0123-456789abcdef"
_ESP = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"
_LINUX_FS = "0FC63DAF-8483-4772-8E79-3D69D8477DE4"

# An MBR disk with a primary, an extended and a logical partition.
_MBR_PEL = [["part_init", "/dev/sda", "mbr"],
            ["part_add", "/dev/sda", "p", "2048", "204799"],
            ["part_add", "/dev/sda", "e", "204800", "614399"],
            ["part_add", "/dev/sda", "l", "206848", "411647"]]

PART_CALLS = [
    # ---- editing partitions -------------------------------------------

    Call("part_del", RErr, [Device("device"), Int("partnum")], proc=200,
         shortdesc="delete a partition",
         longdesc="""
This command deletes the partition numbered C<partnum> on C<device>.

Note that in the case of MBR partitioning, deleting an extended
partition also deletes any logical partitions it contains.

A partition that is in use (for example mounted) cannot be deleted.""",
         tests=[Test("InitEmpty", TestResult(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "2048", "4095"],
              ["part_add", "/dev/sda", "p", "4096", "8191"],
              ["part_del", "/dev/sda", "1"],
              ["part_list", "/dev/sda"]],
             "ret->len == 1 && ret->val[0].part_num == 2 && "
             "ret->val[0].part_start == 4096 * 512")),
                Test("InitEmpty", TestResultList(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "2048", "4095"],
              ["part_del", "/dev/sda", "1"],
              ["list_partitions"]], ["/dev/sdb1"])),
                Test("InitPartition", TestLastFail(
             [["part_del", "/dev/sda", "2"]])),
                Test("InitPartition", TestLastFail(
             [["part_del", "/dev/sda", "0"]])),
                Test("InitBasicFS", TestLastFail(
             [["part_del", "/dev/sda", "1"]]))]),

    Call("part_resize", RErr, [Device("device"), Int("partnum"),
                               Int64("endsect")], proc=214,
         shortdesc="resize a partition",
         longdesc="""
This command resizes the partition numbered C<partnum> on C<device>
by moving the end position to sector C<endsect>.  As in
C<guestfs_part_add>, C<endsect> may be negative to count backwards
from the end of the disk (C<-1> is the last sector).

Note that this does not modify any filesystem present in the partition.
If you wish to do this, you will need to use filesystem resizing
commands like C<guestfs_resize2fs>.

When growing a partition you will want to grow the filesystem
afterwards, but when shrinking, you need to shrink the filesystem
before the partition.""",
         tests=[Test("InitEmpty", TestResult(
             [["part_init", "/dev/sda", "gpt"],
              ["part_add", "/dev/sda", "p", "2048", "4095"],
              ["part_resize", "/dev/sda", "1", "8191"],
              ["part_list", "/dev/sda"]],
             "ret->len == 1 && ret->val[0].part_end == 8192 * 512 - 1")),
                Test("InitEmpty", TestResult(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "2048", "-4096"],
              ["part_resize", "/dev/sda", "1", "4095"],
              ["part_resize", "/dev/sda", "1", "-1"],
              ["part_list", "/dev/sda"]],
             "ret->len == 1 && ret->val[0].part_end == INT64_C(524288000) - 1")),
                Test("InitPartition", TestLastFail(
             [["part_resize", "/dev/sda", "2", "-1"]]))]),

    Call("part_get_name", RString, [Device("device"), Int("partnum")],
         proc=201,
         shortdesc="get partition name",
         longdesc="""
This gets the partition name on partition numbered C<partnum> on
device C<device>.  Note that partitions are numbered from 1.

The partition name can only be read on certain types of partition
table.  This works on C<gpt> but not on C<mbr> partitions.""",
         tests=[Test("InitGPT", TestResultString(
             [["part_set_name", "/dev/sda", "1", "boot: the \"first\" one"],
              ["part_get_name", "/dev/sda", "1"]], "boot: the \"first\" one")),
                Test("InitPartition", TestLastFail(
             [["part_get_name", "/dev/sda", "1"]])),
                Test("InitGPT", TestLastFail(
             [["part_get_name", "/dev/sda", "2"]]))]),

    Call("part_set_name", RErr, [Device("device"), Int("partnum"),
                                 String("name")], proc=202,
         shortdesc="set partition name",
         longdesc="""
This sets the partition name on partition numbered C<partnum> on
device C<device>.  Note that partitions are numbered from 1.

The partition name can only be set on certain types of partition
table.  This works on C<gpt> but not on C<mbr> partitions.

The name is stored exactly as given (spaces, quotes and colons
included).  A GPT partition name holds at most 36 UTF-16 characters:
a longer name is an error rather than being cut short.""",
         tests=[Test("InitGPT", TestResultString(
             [["part_set_name", "/dev/sda", "1", "thepartname"],
              ["part_get_name", "/dev/sda", "1"]], "thepartname")),
                Test("InitGPT", TestResultString(
             [["part_set_name", "/dev/sda", "1", "x"],
              ["part_set_name", "/dev/sda", "1", ""],
              ["part_get_name", "/dev/sda", "1"]], "")),
                Test("InitPartition", TestLastFail(
             [["part_set_name", "/dev/sda", "1", "thepartname"]])),
                Test("InitGPT", TestLastFail(
             [["part_set_name", "/dev/sda", "1",
               "0123456789012345678901234567890123456"]]))]),

    Call("part_get_bootable", RBool, [Device("device"), Int("partnum")],
         proc=203,
         shortdesc="return true if a partition is bootable",
         longdesc="""
This command returns true if the partition C<partnum> on
C<device> has the bootable flag set.

On GPT partition tables (as with L<parted(8)>) a partition is
bootable when its type is the EFI system partition.

See also C<guestfs_part_set_bootable>.""",
         tests=[Test("InitPartition", TestResultTrue(
             [["part_set_bootable", "/dev/sda", "1", "true"],
              ["part_get_bootable", "/dev/sda", "1"]])),
                Test("InitPartition", TestResultFalse(
             [["part_get_bootable", "/dev/sda", "1"]])),
                Test("InitPartition", TestLastFail(
             [["part_get_bootable", "/dev/sda", "2"]]))]),

    Call("part_set_bootable", RErr, [Device("device"), Int("partnum"),
                                     Bool("bootable")], proc=204,
         shortdesc="make a partition bootable",
         longdesc="""
This sets the bootable flag on partition numbered C<partnum> on
device C<device>.  Note that partitions are numbered from 1.

The bootable flag is used by some operating systems (notably
Windows) to determine which partition to boot from.  It is by
no means universally recognized.

On GPT partition tables this works as L<parted(8)>'s C<boot> flag
does: setting it makes the partition an EFI system partition, and
clearing it makes it a Linux filesystem partition.""",
         tests=[Test("InitPartition", TestResultFalse(
             [["part_set_bootable", "/dev/sda", "1", "true"],
              ["part_set_bootable", "/dev/sda", "1", "false"],
              ["part_get_bootable", "/dev/sda", "1"]])),
                Test("InitGPT", TestResultString(
             [["part_set_bootable", "/dev/sda", "1", "true"],
              ["part_get_gpt_type", "/dev/sda", "1"]], _ESP)),
                Test("InitGPT", TestResultTrue(
             [["part_set_bootable", "/dev/sda", "1", "true"],
              ["part_get_bootable", "/dev/sda", "1"]]))]),

    Call("part_get_mbr_id", RInt, [Device("device"), Int("partnum")],
         proc=205, fish_output="hex",
         shortdesc="get the MBR type byte (ID byte) from a partition",
         longdesc="""
Returns the MBR type byte (also known as the ID byte) from
the numbered partition C<partnum>.

Note that only MBR (old DOS-style) partitions have type bytes.  This
call fails on other partition table types (see
C<guestfs_part_get_parttype>).""",
         tests=[Test("InitPartition", TestResult(
             [["part_set_mbr_id", "/dev/sda", "1", "0x7f"],
              ["part_get_mbr_id", "/dev/sda", "1"]], "ret == 0x7f")),
                Test("InitPartition", TestResult(
             [["part_get_mbr_id", "/dev/sda", "1"]], "ret == 0x83")),
                Test("InitGPT", TestLastFail(
             [["part_get_mbr_id", "/dev/sda", "1"]])),
                Test("InitPartition", TestLastFail(
             [["part_get_mbr_id", "/dev/sda", "0"]]))]),

    Call("part_set_mbr_id", RErr, [Device("device"), Int("partnum"),
                                   Int("idbyte")], proc=206,
         shortdesc="set the MBR type byte (ID byte) of a partition",
         longdesc="""
Sets the MBR type byte (also known as the ID byte) of
the numbered partition C<partnum> to C<idbyte>.  Note
that the type bytes quoted in most documentation are
in fact hexadecimal numbers, but usually documented
without any leading "0x" which might be confusing.

Note that only MBR (old DOS-style) partitions have type bytes.  This
call fails on other partition table types (see
C<guestfs_part_get_parttype>), and if C<idbyte> is not in the range
0 to 255.""",
         tests=[Test("InitEmpty", TestResult(
             _MBR_PEL + [["part_set_mbr_id", "/dev/sda", "5", "0x8e"],
                         ["part_get_mbr_id", "/dev/sda", "5"]],
             "ret == 0x8e")),
                Test("InitPartition", TestLastFail(
             [["part_set_mbr_id", "/dev/sda", "1", "256"]])),
                Test("InitGPT", TestLastFail(
             [["part_set_mbr_id", "/dev/sda", "1", "0x83"]]))]),

    Call("part_get_mbr_part_type", RString, [Device("device"),
                                             Int("partnum")], proc=207,
         shortdesc="get the MBR partition type",
         longdesc="""
This returns the partition type of an MBR partition
numbered C<partnum> on device C<device>.

It returns C<primary>, C<logical>, or C<extended>.  (Partitions of a
GPT table are all reported as C<primary>.)""",
         tests=[Test("InitEmpty", TestResultString(
             _MBR_PEL + [["part_get_mbr_part_type", "/dev/sda", "5"]],
             "logical")),
                Test("InitEmpty", TestResultString(
             _MBR_PEL + [["part_get_mbr_part_type", "/dev/sda", "2"]],
             "extended")),
                Test("InitEmpty", TestResultString(
             _MBR_PEL + [["part_get_mbr_part_type", "/dev/sda", "1"]],
             "primary")),
                Test("InitPartition", TestLastFail(
             [["part_get_mbr_part_type", "/dev/sda", "3"]]))]),

    # ---- GPT -----------------------------------------------------------

    Call("part_get_gpt_type", RString, [Device("device"), Int("partnum")],
         proc=208, optional="gdisk",
         shortdesc="get the type GUID of a GPT partition",
         longdesc="""
Return the type GUID of numbered GPT partition C<partnum>, in upper
case.  For MBR partitions, return an appropriate GUID corresponding to
the MBR type (as L<sgdisk(8)> converts it).  Behaviour is undefined for
other partition types.""",
         tests=[Test("InitGPT", TestResultString(
             [["part_set_gpt_type", "/dev/sda", "1", _GUID],
              ["part_get_gpt_type", "/dev/sda", "1"]], _GUID)),
                Test("InitPartition", TestResultString(
             [["part_get_gpt_type", "/dev/sda", "1"]], _LINUX_FS))]),

    Call("part_set_gpt_type", RErr, [Device("device"), Int("partnum"),
                                     GUID("guid")], proc=209,
         optional="gdisk",
         shortdesc="set the type GUID of a GPT partition",
         longdesc="""
Set the type GUID of numbered GPT partition C<partnum> to C<guid>.  Return
an error if the partition table of C<device> isn't GPT, or if C<guid> is
not a valid GUID.

See the section "Partition type GUIDs" of
L<https://en.wikipedia.org/wiki/GUID_Partition_Table> for a useful list
of type GUIDs.""",
         tests=[Test("InitGPT", TestLastFail(
             [["part_set_gpt_type", "/dev/sda", "1", "f"]])),
                Test("InitGPT", TestResultString(
             [["part_set_gpt_type", "/dev/sda", "1", _GUID_LC],
              ["part_get_gpt_type", "/dev/sda", "1"]], _GUID)),
                Test("InitPartition", TestLastFail(
             [["part_set_gpt_type", "/dev/sda", "1", _GUID]]))]),

    Call("part_get_gpt_guid", RString, [Device("device"), Int("partnum")],
         proc=210, optional="gdisk",
         shortdesc="get the GUID of a GPT partition",
         longdesc="""
Return the GUID of numbered GPT partition C<partnum>, in upper case.""",
         tests=[Test("InitGPT", TestResultString(
             [["part_set_gpt_guid", "/dev/sda", "1", _GUID],
              ["part_get_gpt_guid", "/dev/sda", "1"]], _GUID)),
                Test("InitPartition", TestLastFail(
             [["part_get_gpt_guid", "/dev/sda", "1"]]))]),

    Call("part_set_gpt_guid", RErr, [Device("device"), Int("partnum"),
                                     GUID("guid")], proc=211,
         optional="gdisk",
         shortdesc="set the GUID of a GPT partition",
         longdesc="""
Set the GUID of numbered GPT partition C<partnum> to C<guid>.  Return an
error if the partition table of C<device> isn't GPT, or if C<guid> is not a
valid GUID.""",
         tests=[Test("InitGPT", TestLastFail(
             [["part_set_gpt_guid", "/dev/sda", "1", "f"]])),
                Test("InitGPT", TestResult(
             [["part_set_gpt_guid", "/dev/sda", "1", _GUID_LC],
              ["blkid", "/dev/sda1"]],
             'hash_has (ret, "PART_ENTRY_UUID", "%s")' % _GUID_LC)),
                Test("InitPartition", TestLastFail(
             [["part_set_gpt_guid", "/dev/sda", "1", _GUID]]))]),

    Call("part_get_gpt_attributes", RInt64, [Device("device"),
                                             Int("partnum")], proc=212,
         optional="gdisk",
         shortdesc="get the attribute flags of a GPT partition",
         longdesc="""
Return the attribute flags of numbered GPT partition C<partnum>.
An error is returned for MBR partitions.""",
         tests=[Test("InitGPT", TestResult(
             [["part_get_gpt_attributes", "/dev/sda", "1"]], "ret == 0")),
                Test("InitPartition", TestLastFail(
             [["part_get_gpt_attributes", "/dev/sda", "1"]]))]),

    Call("part_set_gpt_attributes", RErr, [Device("device"), Int("partnum"),
                                           Int64("attributes")], proc=213,
         optional="gdisk",
         shortdesc="set the attribute flags of a GPT partition",
         longdesc="""
Set the attribute flags of numbered GPT partition C<partnum> to
C<attributes> (all 64 bits: bit 63 is the sign bit of C<attributes>).
Return an error if the partition table of C<device> isn't GPT.

See L<https://en.wikipedia.org/wiki/GUID_Partition_Table#Partition_entries>
for a useful list of partition attributes.""",
         tests=[Test("InitGPT", TestResult(
             [["part_set_gpt_attributes", "/dev/sda", "1", "4"],
              ["part_get_gpt_attributes", "/dev/sda", "1"]], "ret == 4")),
                Test("InitGPT", TestResult(
             [["part_set_gpt_attributes", "/dev/sda", "1",
               "-9223372036854775807"],
              ["part_get_gpt_attributes", "/dev/sda", "1"]],
             "(uint64_t) ret == UINT64_C(0x8000000000000001)")),
                Test("InitPartition", TestLastFail(
             [["part_set_gpt_attributes", "/dev/sda", "1", "4"]]))]),

    Call("part_get_disk_guid", RString, [Device("device")], proc=218,
         optional="gdisk",
         shortdesc="get the GUID of a GPT-partitioned disk",
         longdesc="""
Return the disk identifier (GUID) of a GPT-partitioned C<device>, in
upper case.  This call fails for other partition table types.""",
         tests=[Test("InitGPT", TestResult(
             [["part_get_disk_guid", "/dev/sda"]], "strlen (ret) == 36")),
                Test("InitPartition", TestLastFail(
             [["part_get_disk_guid", "/dev/sda"]]))]),

    Call("part_set_disk_guid", RErr, [Device("device"), GUID("guid")],
         proc=219, optional="gdisk",
         shortdesc="set the GUID of a GPT-partitioned disk",
         longdesc="""
Set the disk identifier (GUID) of a GPT-partitioned C<device> to C<guid>.
Return an error if the partition table of C<device> isn't GPT,
or if C<guid> is not a valid GUID.""",
         tests=[Test("InitGPT", TestLastFail(
             [["part_set_disk_guid", "/dev/sda", "f"]])),
                Test("InitGPT", TestResultString(
             [["part_set_disk_guid", "/dev/sda", _GUID],
              ["part_get_disk_guid", "/dev/sda"]], _GUID)),
                Test("InitPartition", TestLastFail(
             [["part_set_disk_guid", "/dev/sda", _GUID]]))]),

    Call("part_set_disk_guid_random", RErr, [Device("device")], proc=220,
         optional="gdisk",
         shortdesc="set the GUID of a GPT-partitioned disk to random value",
         longdesc="""
Set the disk identifier (GUID) of a GPT-partitioned C<device> to
a randomly generated value.
Return an error if the partition table of C<device> isn't GPT.""",
         tests=[Test("InitGPT", TestResult(
             [["part_set_disk_guid", "/dev/sda", _GUID],
              ["part_set_disk_guid_random", "/dev/sda"],
              ["part_get_disk_guid", "/dev/sda"]],
             'strlen (ret) == 36 && strcmp (ret, "%s") != 0' % _GUID)),
                Test("InitPartition", TestLastFail(
             [["part_set_disk_guid_random", "/dev/sda"]]))]),

    Call("part_expand_gpt", RErr, [Device("device")], proc=215,
         optional="gdisk",
         shortdesc="move backup GPT header to the end of the disk",
         longdesc="""
Move backup GPT data structures to the end of the disk.
This is useful in case of in-place image expand
since disk space after backup GPT header is not usable.
This is equivalent to C<sgdisk -e>.

See also L<sgdisk(8)>.""",
         tests=[Test("InitGPT", TestResult(
             [["part_expand_gpt", "/dev/sda"],
              ["part_add", "/dev/sda", "p", "1023940", "-34"],
              ["part_list", "/dev/sda"]],
             "ret->len == 2 && ret->val[1].part_end == INT64_C(524288000) - 33 * 512 - 1")),
                Test("InitPartition", TestLastFail(
             [["part_expand_gpt", "/dev/sda"]]))]),

    # ---- partition and device names -----------------------------------

    Call("part_to_dev", RDevice, [Device("partition")], proc=216,
         shortdesc="convert partition name to device name",
         longdesc="""
This function takes a partition name (eg. "/dev/sdb1") and
removes the partition number, returning the device name
(eg. "/dev/sdb").

The named partition must exist, for example as a string returned
from C<guestfs_list_partitions>.

See also C<guestfs_part_to_partnum>, C<guestfs_device_index>.""",
         tests=[Test("InitPartition", TestResultString(
             [["part_to_dev", "/dev/sda1"]], "/dev/sda")),
                Test("InitScratchFS", TestResultString(
             [["part_to_dev", "/dev/sdb1"]], "/dev/sdb")),
                Test("InitEmpty", TestLastFail(
             [["part_to_dev", "/dev/sda"]]))]),

    Call("part_to_partnum", RInt, [Device("partition")], proc=217,
         shortdesc="convert partition name to partition number",
         longdesc="""
This function takes a partition name (eg. "/dev/sdb1") and
returns the partition number (eg. C<1>).

The named partition must exist, for example as a string returned
from C<guestfs_list_partitions>.

See also C<guestfs_part_to_dev>.""",
         tests=[Test("InitPartition", TestResultInt(
             [["part_to_partnum", "/dev/sda1"]], 1)),
                Test("InitEmpty", TestResultInt(
             _MBR_PEL + [["part_to_partnum", "/dev/sda5"]], 5)),
                Test("InitEmpty", TestLastFail(
             [["part_to_partnum", "/dev/sda"]]))]),

    Call("device_index", RInt, [Device("device")], proc=231,
         shortdesc="convert device to index",
         longdesc="""
This function takes a device name (eg. "/dev/sdb") and
returns the index of the device in the list of devices.

Index numbers start from 0.  The named device must exist,
for example as a string returned from C<guestfs_list_devices>.

See also C<guestfs_list_devices>, C<guestfs_part_to_dev>.""",
         tests=[Test("InitEmpty", TestResultInt(
             [["device_index", "/dev/sda"]], 0)),
                Test("InitEmpty", TestResultInt(
             [["device_index", "/dev/sdc"]], 2)),
                Test("InitPartition", TestLastFail(
             [["device_index", "/dev/sda1"]]))]),

    Call("nr_devices", RInt, [], proc=232,
         shortdesc="return number of whole block devices (disks) added",
         longdesc="""
This returns the number of whole block devices that were
added.  This is the same as the number of devices that would
be returned if you called C<guestfs_list_devices>.""",
         tests=[Test("InitEmpty", TestResultInt([["nr_devices"]], 3))]),

    Call("is_whole_device", RBool, [Device("device")], proc=234,
         shortdesc="test if a device is a whole device",
         longdesc="""
This returns C<true> if and only if C<device> refers to a whole block
device. That is, not a partition or a logical device.""",
         tests=[Test("InitEmpty", TestResultTrue(
             [["is_whole_device", "/dev/sda"]])),
                Test("InitPartition", TestResultFalse(
             [["is_whole_device", "/dev/sda1"]])),
                Test("InitBasicFSonLVM", TestResultFalse(
             [["is_whole_device", "/dev/VG/LV"]]))]),

    Call("list_disk_labels", RHashtable, [], proc=233,
         shortdesc="mapping of disk labels to devices",
         longdesc="""
If you add drives using the optional C<label> parameter
of C<guestfs_add_drive_opts>, you can use this call to
map between disk labels, and raw block device and partition
names (like F</dev/sda> and F</dev/sda1>).

This returns a hashtable, where keys are the disk labels
(I<without> the F</dev/disk/guestfs> prefix), and the values
are the full raw block device and partition names
(eg. F</dev/sda> and F</dev/sda1>).  A partition's key is the label
followed by the partition number (eg. C<mylabel1>).""",
         tests=[Test("InitScratchFS", TestResult(
             [["list_disk_labels"]], "ret[0] == NULL"))]),

    Call("list_dm_devices", RDeviceList, [], proc=236,
         shortdesc="list device mapper devices",
         longdesc="""
List all device mapper devices.

The returned list contains F</dev/mapper/*> devices, eg. ones created
by a previous call to C<guestfs_luks_open>.

Device mapper devices which correspond to logical volumes are I<not>
returned in this list.  Call C<guestfs_lvs> if you want to list logical
volumes.""",
         tests=[Test("InitEmpty", TestResult(
             [["list_dm_devices"]], "ret[0] == NULL")),
                Test("InitBasicFSonLVM", TestResult(
             [["list_dm_devices"]], "ret[0] == NULL"))]),

    Call("blkid", RHashtable, [Device("device")], proc=235,
         shortdesc="print block device attributes",
         longdesc="""
This command returns block device attributes for C<device>, as the
low-level probe of L<blkid(8)> (C<blkid -p -i>) reports them.  The
following fields are usually present in the returned hash.  Other
fields may also be present.

=over

=item C<UUID>

The uuid of this device.

=item C<LABEL>

The label of this device.

=item C<VERSION>

The version of the filesystem (or other format) found.

=item C<TYPE>

The filesystem type or RAID of this device.

=item C<USAGE>

The usage of this device, for example C<filesystem> or C<raid>.

=back

Partitions also have C<PART_ENTRY_*> fields (their number, type,
offset and size in the partition table), whole disks with a partition
table have C<PTTYPE> and C<PTUUID>.  Values are returned as they are,
without the escaping L<blkid(8)> applies to its output.

It is an error if two different signatures are found on the device
(use C<guestfs_wipefs> to remove the stale one).""",
         tests=[Test("InitScratchFS", TestResult(
             [["blkid", "/dev/sdb1"]],
             'hash_has (ret, "TYPE", "ext2") && '
             'hash_has (ret, "USAGE", "filesystem") && '
             'hash_has (ret, "DEVNAME", "/dev/sdb1") && '
             'hash_has (ret, "PART_ENTRY_NUMBER", "1") && '
             'hash_has (ret, "PART_ENTRY_TYPE", "0x83") && '
             'hash_has (ret, "PART_ENTRY_OFFSET", "128") && '
             'hash_has (ret, "LOGICAL_SECTOR_SIZE", "512")')),
                Test("InitGPT", TestResult(
             [["blkid", "/dev/sda"]],
             'hash_has (ret, "PTTYPE", "gpt") && hash_has (ret, "DEVNAME", "/dev/sda")'))]),

    # ---- block device settings ------------------------------------------

    Call("blockdev_getss", RInt, [Device("device")], proc=221,
         shortdesc="get sectorsize of block device",
         longdesc="""
This returns the size of sectors on a block device.
Usually 512, but can be larger for modern devices.

(Note, this is not the size in sectors, use C<guestfs_blockdev_getsz>
for that).

This is the same as C<blockdev --getss>.""",
         tests=[Test("InitEmpty", TestResultInt(
             [["blockdev_getss", "/dev/sda"]], 512))]),

    Call("blockdev_getbsz", RInt, [Device("device")], proc=222,
         shortdesc="get blocksize of block device",
         longdesc="""
This returns the block size of a device.

Note: this is different from both I<size in blocks> and
I<filesystem block size>.  Also this setting is not really
used by anything.  You should probably not use it for
anything.  Filesystems have their own idea about what
block size to choose.

This is the same as C<blockdev --getbsz>.""",
         tests=[Test("InitEmpty", TestResult(
             [["blockdev_getbsz", "/dev/sda"]],
             "ret == 512 || ret == 1024 || ret == 2048 || ret == 4096"))]),

    Call("blockdev_setbsz", RErr, [Device("device"), Int("blocksize")],
         proc=223,
         shortdesc="set blocksize of block device",
         longdesc="""
This call does nothing and has never done anything
because of a bug in blockdev.  B<Do not use it.>

If you need to set the filesystem block size, use the
C<blocksize> option of C<guestfs_mkfs>.

I<This function is deprecated.>  There is no replacement.""",
         tests=[Test("InitEmpty", TestResult(
             [["blockdev_setbsz", "/dev/sda", "4096"],
              ["blockdev_getss", "/dev/sda"]], "ret == 512"))]),

    Call("blockdev_getsz", RInt64, [Device("device")], proc=224,
         shortdesc="get total size of device in 512-byte sectors",
         longdesc="""
This returns the size of the device in units of 512-byte sectors
(even if the sectorsize isn't 512 bytes ... weird).

See also C<guestfs_blockdev_getss> for the real sector size of
the device, and C<guestfs_blockdev_getsize64> for the more
useful I<size in bytes>.

This is the same as C<blockdev --getsz>.""",
         tests=[Test("InitEmpty", TestResultInt(
             [["blockdev_getsz", "/dev/sda"]], 1024000)),
                Test("InitEmpty", TestResultInt(
             [["blockdev_getsz", "/dev/sdc"]], 20480))]),

    Call("blockdev_getro", RBool, [Device("device")], proc=225,
         shortdesc="is block device set to read-only",
         longdesc="""
Returns a boolean indicating if the block device is read-only
(true if read-only, false if not).

This is the same as C<blockdev --getro>.""",
         tests=[Test("InitPartition", TestResultTrue(
             [["blockdev_setro", "/dev/sda1"],
              ["blockdev_getro", "/dev/sda1"]])),
                Test("InitEmpty", TestResultFalse(
             [["blockdev_getro", "/dev/sda"]]))]),

    Call("blockdev_setro", RErr, [Device("device")], proc=226,
         shortdesc="set block device to read-only",
         longdesc="""
Sets the block device named C<device> to read-only.

This is the same as C<blockdev --setro>.""",
         tests=[Test("InitPartition", TestLastFail(
             [["blockdev_setro", "/dev/sda1"],
              ["mkfs", "ext2", "/dev/sda1"]]))]),

    Call("blockdev_setrw", RErr, [Device("device")], proc=227,
         shortdesc="set block device to read-write",
         longdesc="""
Sets the block device named C<device> to read-write.

This is the same as C<blockdev --setrw>.""",
         tests=[Test("InitPartition", TestResultFalse(
             [["blockdev_setro", "/dev/sda1"],
              ["blockdev_setrw", "/dev/sda1"],
              ["blockdev_getro", "/dev/sda1"]]))]),

    Call("blockdev_flushbufs", RErr, [Device("device")], proc=228,
         shortdesc="flush device buffers",
         longdesc="""
This tells the kernel to flush internal buffers associated
with C<device>.

This is the same as C<blockdev --flushbufs>.""",
         tests=[Test("InitEmpty", TestRun(
             [["blockdev_flushbufs", "/dev/sda"]])),
                Test("InitBasicFS", TestResultString(
             [["write", "/flushed", "data"],
              ["blockdev_flushbufs", "/dev/sda1"],
              ["cat", "/flushed"]], "data"))]),

    Call("blockdev_rereadpt", RErr, [Device("device")], proc=229,
         shortdesc="reread partition table",
         longdesc="""
Reread the partition table on C<device>.

This is the same as C<blockdev --rereadpt>: it fails if a partition
of C<device> is in use (for example mounted), or if C<device> is not a
whole disk.""",
         tests=[Test("InitPartition", TestResultList(
             [["blockdev_rereadpt", "/dev/sda"], ["list_partitions"]],
             ["/dev/sda1", "/dev/sdb1"])),
                Test("InitPartition", TestLastFail(
             [["blockdev_rereadpt", "/dev/sda1"]])),
                Test("InitScratchFS", TestLastFail(
             [["blockdev_rereadpt", "/dev/sdb"]]))]),

    Call("blockdev_setra", RErr, [Device("device"), Int("sectors")],
         proc=230,
         shortdesc="set readahead",
         longdesc="""
Set readahead (in 512-byte sectors) for the device.

This is the same as C<blockdev --setra>.""",
         tests=[Test("InitEmpty", TestRun(
             [["blockdev_setra", "/dev/sda", "1024"]])),
                Test("InitEmpty", TestLastFail(
             [["blockdev_setra", "/dev/sda", "-1"]]))]),

    # ---- whole-device contents ------------------------------------------

    Call("zero_device", RErr, [Device("device")], proc=237, progress=True,
         shortdesc="write zeroes to an entire device",
         longdesc="""
This command writes zeroes over the entire C<device>.  Compare
with C<guestfs_zero> which just zeroes the first few blocks of
a device.

If blocks are already zero, then this command avoids writing
zeroes.  This prevents the underlying device from becoming non-sparse
or growing unnecessarily.

A device that is in use (for example mounted) is refused.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["umount", "/dev/sda1"],
              ["zero_device", "/dev/sda1"],
              ["vfs_type", "/dev/sda1"]], "")),
                Test("InitBasicFS", TestLastFail(
             [["zero_device", "/dev/sda1"]])),
                Test("InitBasicFSonLVM", TestResultTrue(
             [["umount", "/dev/VG/LV"],
              ["zero_device", "/dev/VG/LV"],
              ["is_zero_device", "/dev/VG/LV"]]))]),

    Call("is_zero_device", RBool, [Device("device")], proc=238,
         progress=True,
         shortdesc="test if a device contains all zero bytes",
         longdesc="""
This returns true iff the device exists and contains all zero bytes.

Note that for large devices this can take a long time to run.""",
         tests=[Test("InitBasicFS", TestResultTrue(
             [["umount", "/dev/sda1"],
              ["zero_device", "/dev/sda1"],
              ["is_zero_device", "/dev/sda1"]])),
                Test("InitBasicFS", TestResultFalse(
             [["is_zero_device", "/dev/sda1"]]))]),

    Call("wipefs", RErr, [Device("device")], proc=239, optional="wipefs",
         shortdesc="wipe a filesystem signature from a device",
         longdesc="""
This command erases filesystem or RAID signatures from
the specified C<device> to make the filesystem invisible to libblkid.

This does not erase the filesystem itself nor any other data from the
C<device>.

Compare with C<guestfs_zero> which zeroes the first few blocks of a
device.

A device that is in use (for example a mounted filesystem) is refused,
rather than wiped underneath its user.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["umount", "/dev/sda1"],
              ["wipefs", "/dev/sda1"],
              ["vfs_type", "/dev/sda1"]], "")),
                Test("InitPartition", TestResultList(
             [["wipefs", "/dev/sda"], ["list_partitions"]], ["/dev/sdb1"])),
                Test("InitBasicFS", TestLastFail(
             [["wipefs", "/dev/sda1"]])),
                Test("InitBasicFSonLVM", TestResultString(
             [["umount", "/dev/VG/LV"],
              ["wipefs", "/dev/VG/LV"],
              ["vfs_type", "/dev/VG/LV"]], ""))]),

    # ---- library-side ---------------------------------------------------

    Call("canonical_device_name", RString, [String("device")],
         shortdesc="return canonical device name",
         longdesc="""
This utility function is useful when displaying device names to
the user.  It takes a number of irregular device names and
returns them in a consistent format:

=over 4

=item F</dev/hdX>

=item F</dev/vdX>

=item F</dev/xvdX>

These are returned as F</dev/sdX>.  Note this works for device
names and partition names.  This is approximately the reverse of
the algorithm described in L<guestfs(3)/BLOCK DEVICE NAMING>.

=item F</dev/mapper/VG-LV>

=item F</dev/dm-N>

Converted to F</dev/VG/LV> form using C<guestfs_lvm_canonical_lv_name>,
if they are logical volumes.

=back

Other strings are returned unmodified.

This call also works before C<guestfs_launch>: then the appliance
cannot be asked, and a F</dev/mapper> name of the form I<VG>C<->I<LV>
is converted by the rules of device mapper names (a doubled C<-> in
either name stands for one C<->).""",
         tests=[Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/hda"]], "/dev/sda")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/vdaaa"]], "/dev/sdaaa")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/xvdb12"]], "/dev/sdb12")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/sdb"]], "/dev/sdb")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/md127"]], "/dev/md127")),
                Test("InitBasicFSonLVM", TestResultString(
             [["canonical_device_name", "/dev/mapper/VG-LV"]], "/dev/VG/LV")),
                Test("InitEmpty", TestResultString(
             [["canonical_device_name", "/dev/mapper/VG-LV"]],
             "/dev/mapper/VG-LV")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "/dev/mapper/luks"]],
             "/dev/mapper/luks")),
                Test("InitNone", TestResultString(
             [["canonical_device_name", "sda"]], "sda"))]),
]
