"""LVM, LUKS and MD RAID.

Daemon procedure numbers for this file: 330 to 399."""

from .types import *

PROC_RANGE = (330, 399)

# Three primary partitions on /dev/sda (500 MB): sda1 and sda2 of 100 MB,
# sda3 the rest.
_P3 = [["part_init", "/dev/sda", "mbr"],
       ["part_add", "/dev/sda", "p", "64", "204799"],
       ["part_add", "/dev/sda", "p", "204800", "409599"],
       ["part_add", "/dev/sda", "p", "409600", "-64"]]

# VG "VG" on the PVs sda1 and sda2, LV "LV" of 8 MB in it; sda3 is free.
_VG = _P3 + [["pvcreate", "/dev/sda1"], ["pvcreate", "/dev/sda2"],
             ["vgcreate", "VG", "/dev/sda1 /dev/sda2"],
             ["lvcreate", "LV", "VG", "8"]]

# One partition holding a LUKS container with the key "key1" in slot 0.
_LUKS = [["part_disk", "/dev/sda", "mbr"],
         ["luks_format", "/dev/sda1", "key1", "0"]]

_MIB = 1024 * 1024

_KEYDOC = """

This command has one or more key or passphrase parameters.
Guestfish will prompt for these separately.  The daemon hands keys to
L<cryptsetup(8)> through a pipe-like memory file, never on a command
line or in a file on disk."""

LVM_CALLS = [
    # ---- physical volumes ------------------------------------------------
    Call("pvcreate", RErr, [Device("device")], proc=330, optional="lvm2",
         shortdesc="create an LVM physical volume",
         longdesc="""
This creates an LVM physical volume on the named C<device>,
where C<device> should usually be a partition name such
as F</dev/sda1>.""",
         tests=[Test("InitEmpty", TestResultList(
             _P3 + [["pvcreate", "/dev/sda1"], ["pvcreate", "/dev/sda2"],
                    ["pvcreate", "/dev/sda3"], ["pvs"]],
             ["/dev/sda1", "/dev/sda2", "/dev/sda3"])),
                Test("InitBasicFS", TestLastFail([["pvcreate", "/dev/sda1"]]))]),

    Call("pvremove", RErr, [Device("device")], proc=331, optional="lvm2",
         shortdesc="remove an LVM physical volume",
         longdesc="""
This wipes a physical volume C<device> so that LVM will no longer
recognise it.

The implementation uses the L<pvremove(8)> command which refuses to
wipe physical volumes that contain any volume groups, so you have to
remove those first.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["vgremove", "VG"], ["pvremove", "/dev/sda1"], ["pvs"]],
             ["/dev/sda2"])),
                Test("InitEmpty", TestLastFail(
             _VG + [["pvremove", "/dev/sda1"]]))]),

    Call("pvresize", RErr, [Device("device")], proc=332, optional="lvm2",
         shortdesc="resize an LVM physical volume",
         longdesc="""
This resizes (expands or shrinks) an existing LVM physical
volume to match the new size of the underlying device.""",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["pvcreate", "/dev/sda1"],
                    ["pvresize_size", "/dev/sda1", "52428800"],
                    ["pvresize", "/dev/sda1"], ["pvs_full"]],
             "ret->len == 1 && ret->val[0].pv_size > 90 * 1024 * 1024"))]),

    Call("pvresize_size", RErr, [Device("device"), Int64("size")], proc=333,
         optional="lvm2",
         shortdesc="resize an LVM physical volume (with size)",
         longdesc="""
This command is the same as C<guestfs_pvresize> except that it
allows you to specify the new size (in bytes) explicitly.""",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["pvcreate", "/dev/sda1"],
                    ["pvresize_size", "/dev/sda1", "52428800"], ["pvs_full"]],
             "ret->len == 1 && ret->val[0].pv_size <= 52428800 && "
             "ret->val[0].pv_size > 40 * 1024 * 1024"))]),

    Call("pvchange_uuid", RErr, [Device("device")], proc=334, optional="lvm2",
         shortdesc="generate a new random UUID for a physical volume",
         longdesc="Generate a new random UUID for the physical volume C<device>.",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["pvcreate", "/dev/sda1"], ["pvchange_uuid", "/dev/sda1"],
                    ["pvuuid", "/dev/sda1"]],
             "strlen (ret) == 38"))]),

    Call("pvchange_uuid_all", RErr, [], proc=335, optional="lvm2",
         shortdesc="generate new random UUIDs for all physical volumes",
         longdesc="Generate new random UUIDs for all physical volumes.",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["pvcreate", "/dev/sda1"], ["pvcreate", "/dev/sda2"],
                    ["pvchange_uuid_all"], ["pvs_full"]],
             "ret->len == 2 && "
             "memcmp (ret->val[0].pv_uuid, ret->val[1].pv_uuid, 32) != 0"))]),

    # ---- volume groups ---------------------------------------------------
    Call("vgcreate", RErr, [String("volgroup"), DeviceList("physvols")],
         proc=336, optional="lvm2",
         shortdesc="create an LVM volume group",
         longdesc="""
This creates an LVM volume group called C<volgroup>
from the non-empty list of physical volumes C<physvols>.""",
         tests=[Test("InitEmpty", TestResultList(
             _P3 + [["pvcreate", "/dev/sda1"], ["pvcreate", "/dev/sda2"],
                    ["pvcreate", "/dev/sda3"],
                    ["vgcreate", "VG1", "/dev/sda1 /dev/sda2"],
                    ["vgcreate", "VG2", "/dev/sda3"], ["vgs"]],
             ["VG1", "VG2"])),
                Test("InitEmpty", TestLastFail(
             _P3 + [["pvcreate", "/dev/sda1"], ["vgcreate", "VG", ""]]))]),

    Call("vgremove", RErr, [String("vgname")], proc=337, optional="lvm2",
         shortdesc="remove an LVM volume group",
         longdesc="""
Remove an LVM volume group C<vgname>, (for example C<VG>).

This also forcibly removes all logical volumes in the volume
group (if any).""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"], ["vgremove", "VG"],
                    ["vgs"]], ["VG2"])),
                Test("InitEmpty", TestResultList(
             _VG + [["vgremove", "VG"], ["lvs"]], [])),
                Test("InitEmpty", TestLastFail([["vgremove", "NoSuchVG"]]))]),

    Call("vgrename", RErr, [String("volgroup"), String("newvolgroup")],
         proc=338, optional="lvm2",
         shortdesc="rename an LVM volume group",
         longdesc="""
Rename a volume group C<volgroup> with the new name C<newvolgroup>.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["vgrename", "VG", "VG2"], ["lvs"]], ["/dev/VG2/LV"]))]),

    Call("vgscan", RErr, [], proc=339, deprecated_by="lvm_scan",
         shortdesc="rescan for LVM physical volumes, volume groups and logical volumes",
         longdesc="""
This rescans all block devices and rebuilds the list of LVM
physical volumes, volume groups and logical volumes.""",
         tests=[Test("InitEmpty", TestRun([["vgscan"]]))]),

    Call("vg_activate", RErr, [Bool("activate"), StringList("volgroups")],
         proc=340, optional="lvm2",
         shortdesc="activate or deactivate some volume groups",
         longdesc="""
This command activates or (if C<activate> is false) deactivates
all logical volumes in the listed volume groups C<volgroups>.

This command is the same as running C<vgchange -a y|n volgroups...>

Note that if C<volgroups> is an empty list then B<all> volume groups
are activated or deactivated.""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["vg_activate", "false", "VG"], ["lvs_full"]],
             "ret->len == 1 && ret->val[0].lv_kernel_major == -1")),
                Test("InitEmpty", TestResultTrue(
             _VG + [["vg_activate", "false", "VG"],
                    ["vg_activate", "true", "VG"], ["is_lv", "/dev/VG/LV"]]))]),

    Call("vg_activate_all", RErr, [Bool("activate")], proc=341,
         optional="lvm2",
         shortdesc="activate or deactivate all volume groups",
         longdesc="""
This command activates or (if C<activate> is false) deactivates
all logical volumes in all volume groups.

This command is the same as running C<vgchange -a y|n>""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["vg_activate_all", "false"], ["lvs_full"]],
             "ret->len == 1 && ret->val[0].lv_kernel_major == -1")),
                Test("InitEmpty", TestResultString(
             _VG + [["vg_activate_all", "false"], ["vg_activate_all", "true"],
                    ["lvm_canonical_lv_name", "/dev/mapper/VG-LV"]],
             "/dev/VG/LV"))]),

    Call("vgchange_uuid", RErr, [String("vg")], proc=342, optional="lvm2",
         shortdesc="generate a new random UUID for a volume group",
         longdesc="Generate a new random UUID for the volume group C<vg>.",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["vg_activate", "false", "VG"], ["vgchange_uuid", "VG"],
                    ["vguuid", "VG"]],
             "strlen (ret) == 38"))]),

    Call("vgchange_uuid_all", RErr, [], proc=343, optional="lvm2",
         shortdesc="generate new random UUIDs for all volume groups",
         longdesc="Generate new random UUIDs for all volume groups.",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"],
                    ["vg_activate_all", "false"], ["vgchange_uuid_all"],
                    ["vgs_full"]],
             "ret->len == 2 && "
             "memcmp (ret->val[0].vg_uuid, ret->val[1].vg_uuid, 32) != 0"))]),

    # ---- logical volumes -------------------------------------------------
    Call("lvcreate", RErr, [String("logvol"), String("volgroup"), Int("mbytes")],
         proc=344, optional="lvm2",
         shortdesc="create an LVM logical volume",
         longdesc="""
This creates an LVM logical volume called C<logvol>
on the volume group C<volgroup>, with C<size> megabytes.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"],
                    ["lvcreate", "LV2", "VG", "12"],
                    ["lvcreate", "LV3", "VG2", "4"], ["lvs"]],
             ["/dev/VG/LV", "/dev/VG/LV2", "/dev/VG2/LV3"])),
                Test("InitEmpty", TestLastFail(
             _VG + [["lvcreate", "LV2", "VG", "100000"]]))]),

    Call("lvcreate_free", RErr,
         [String("logvol"), String("volgroup"), Int("percent")],
         proc=345, optional="lvm2",
         shortdesc="create an LVM logical volume in % remaining free space",
         longdesc="""
Create an LVM logical volume called F</dev/volgroup/logvol>,
using approximately C<percent> % of the free space remaining
in the volume group.  Most usefully, when C<percent> is C<100>
this will create the largest possible LV.""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["lvcreate_free", "LV2", "VG", "100"], ["vgs_full"]],
             "ret->len == 1 && ret->val[0].vg_free == 0 && "
             "ret->val[0].lv_count == 2")),
                Test("InitEmpty", TestLastFail(
             _VG + [["lvcreate_free", "LV2", "VG", "101"]]))]),

    Call("lvremove", RErr, [String("device")], proc=346, optional="lvm2",
         shortdesc="remove an LVM logical volume",
         longdesc="""
Remove an LVM logical volume C<device>, where C<device> is
the path to the LV, such as F</dev/VG/LV>.

You can also remove all LVs in a volume group by specifying
the VG name, F</dev/VG>.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["lvcreate", "LV2", "VG", "4"], ["lvremove", "/dev/VG/LV"],
                    ["lvs"]], ["/dev/VG/LV2"])),
                Test("InitEmpty", TestResultList(
             _VG + [["lvcreate", "LV2", "VG", "4"], ["lvremove", "/dev/VG"],
                    ["lvs"]], [])),
                Test("InitEmpty", TestResultList(
             _VG + [["lvremove", "/dev/VG"], ["vgs"]], ["VG"])),
                Test("InitEmpty", TestLastFail(
             _VG + [["lvremove", "/dev/sda3"]]))]),

    Call("lvrename", RErr, [String("logvol"), String("newlogvol")], proc=347,
         optional="lvm2",
         shortdesc="rename an LVM logical volume",
         longdesc="""
Rename a logical volume C<logvol> with the new name C<newlogvol>.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["lvrename", "/dev/VG/LV", "/dev/VG/LV2"], ["lvs"]],
             ["/dev/VG/LV2"]))]),

    Call("lvresize", RErr, [Device("device"), Int("mbytes")], proc=348,
         optional="lvm2",
         shortdesc="resize an LVM logical volume",
         longdesc="""
This resizes (expands or shrinks) an existing LVM logical
volume to C<mbytes>.  When reducing, data in the reduced part
is lost.""",
         tests=[Test("InitBasicFSonLVM", TestResultString(
             [["write", "/new", "test content"], ["umount", "/"],
              ["lvresize", "/dev/VG/LV", "20"], ["e2fsck_f", "/dev/VG/LV"],
              ["resize2fs", "/dev/VG/LV"], ["mount", "/dev/VG/LV", "/"],
              ["cat", "/new"]], "test content")),
                Test("InitEmpty", TestResult(
             _VG + [["lvresize", "/dev/VG/LV", "4"], ["lvs_full"]],
             "ret->len == 1 && ret->val[0].lv_size == %d" % (4 * _MIB)))]),

    Call("lvresize_free", RErr, [Device("lv"), Int("percent")], proc=349,
         optional="lvm2",
         shortdesc="expand an LV to fill free space",
         longdesc="""
This expands an existing logical volume C<lv> so that it fills
C<pc> % of the remaining free space in the volume group.  Commonly
you would call this with pc = 100 which expands the logical volume
as much as possible, using all remaining free space in the volume
group.""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["lvresize_free", "/dev/VG/LV", "100"], ["vgs_full"]],
             "ret->len == 1 && ret->val[0].vg_free == 0"))]),

    Call("lvm_remove_all", RErr, [], proc=350, optional="lvm2",
         shortdesc="remove all LVM LVs, VGs and PVs",
         longdesc="""
This command removes all LVM logical volumes, volume groups
and physical volumes.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["lvm_remove_all"], ["pvs"]], [])),
                Test("InitEmpty", TestResultList(
             _VG + [["lvm_remove_all"], ["vgs"]], []))]),

    # ---- listings --------------------------------------------------------
    Call("pvs", RDeviceList, [], proc=351, optional="lvm2",
         shortdesc="list the LVM physical volumes (PVs)",
         longdesc="""
List all the physical volumes detected.  This is the equivalent
of the L<pvs(8)> command.

This returns a list of just the device names that contain
PVs (eg. F</dev/sda2>).

See also C<guestfs_pvs_full>.""",
         tests=[Test("InitBasicFSonLVM", TestResultList(
             [["pvs"]], ["/dev/sda1"])),
                Test("InitEmpty", TestResultList([["pvs"]], []))]),

    Call("vgs", RStringList, [], proc=352, optional="lvm2",
         shortdesc="list the LVM volume groups (VGs)",
         longdesc="""
List all the volumes groups detected.  This is the equivalent
of the L<vgs(8)> command.

This returns a list of just the volume group names that were
detected (eg. C<VolGroup00>).

See also C<guestfs_vgs_full>.""",
         tests=[Test("InitBasicFSonLVM", TestResultList([["vgs"]], ["VG"]))]),

    Call("lvs", RDeviceList, [], proc=353, optional="lvm2",
         shortdesc="list the LVM logical volumes (LVs)",
         longdesc="""
List all the logical volumes detected.  This is the equivalent
of the L<lvs(8)> command.

This returns a list of the logical volume device names
(eg. F</dev/VolGroup00/LogVol00>).  Thin pools and other LVs that
cannot hold a filesystem directly are not listed.

See also C<guestfs_lvs_full>, C<guestfs_list_filesystems>.""",
         tests=[Test("InitBasicFSonLVM", TestResultList(
             [["lvs"]], ["/dev/VG/LV"]))]),

    Call("pvs_full", RStructList("lvm_pv"), [], proc=354, optional="lvm2",
         shortdesc="list the LVM physical volumes (PVs)",
         longdesc="""
List all the physical volumes detected.  This is the equivalent
of the L<pvs(8)> command.  The "full" version includes all fields.""",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["pvs_full"]],
             'ret->len == 1 && strcmp (ret->val[0].pv_name, "/dev/sda1") == 0 && '
             'strcmp (ret->val[0].pv_fmt, "lvm2") == 0 && '
             'ret->val[0].pv_pe_alloc_count == 2 && '
             'ret->val[0].pv_used == %d' % (8 * _MIB)))]),

    Call("vgs_full", RStructList("lvm_vg"), [], proc=355, optional="lvm2",
         shortdesc="list the LVM volume groups (VGs)",
         longdesc="""
List all the volumes groups detected.  This is the equivalent
of the L<vgs(8)> command.  The "full" version includes all fields.""",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["vgs_full"]],
             'ret->len == 1 && strcmp (ret->val[0].vg_name, "VG") == 0 && '
             'ret->val[0].pv_count == 1 && ret->val[0].lv_count == 1 && '
             'ret->val[0].vg_extent_size == %d' % (4 * _MIB)))]),

    Call("lvs_full", RStructList("lvm_lv"), [], proc=356, optional="lvm2",
         shortdesc="list the LVM logical volumes (LVs)",
         longdesc="""
List all the logical volumes detected.  This is the equivalent
of the L<lvs(8)> command.  The "full" version includes all fields.""",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["lvs_full"]],
             'ret->len == 1 && strcmp (ret->val[0].lv_name, "LV") == 0 && '
             'ret->val[0].lv_size == %d && ret->val[0].lv_attr[4] == \'a\' && '
             'ret->val[0].snap_percent == -1 && ret->val[0].seg_count == 1'
             % (8 * _MIB)))]),

    Call("pvuuid", RString, [Device("device")], proc=357, optional="lvm2",
         shortdesc="get the UUID of a physical volume",
         longdesc="This command returns the UUID of the LVM PV C<device>.",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["pvuuid", "/dev/sda1"]], "strlen (ret) == 38")),
                Test("InitBasicFS", TestLastFail([["pvuuid", "/dev/sda1"]]))]),

    Call("vguuid", RString, [String("vgname")], proc=358, optional="lvm2",
         shortdesc="get the UUID of a volume group",
         longdesc="This command returns the UUID of the LVM VG named C<vgname>.",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["vguuid", "VG"]], "strlen (ret) == 38"))]),

    Call("lvuuid", RString, [Device("device")], proc=359, optional="lvm2",
         shortdesc="get the UUID of a logical volume",
         longdesc="This command returns the UUID of the LVM LV C<device>.",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["lvuuid", "/dev/VG/LV"]], "strlen (ret) == 38")),
                Test("InitBasicFSonLVM", TestLastFail(
             [["lvuuid", "/dev/sda1"]]))]),

    Call("vgpvuuids", RStringList, [String("vgname")], proc=360,
         optional="lvm2",
         shortdesc="get the PV UUIDs containing the volume group",
         longdesc="""
Given a VG called C<vgname>, this returns the UUIDs of all
the physical volumes that this volume group resides on.

You can use this along with C<guestfs_pvs> and
C<guestfs_pvuuid> calls to associate physical volumes
and volume groups.

See also C<guestfs_vglvuuids>.""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["vgpvuuids", "VG"]],
             "ret[0] && ret[1] && !ret[2] && strlen (ret[0]) == 38"))]),

    Call("vglvuuids", RStringList, [String("vgname")], proc=361,
         optional="lvm2",
         shortdesc="get the LV UUIDs of all LVs in the volume group",
         longdesc="""
Given a VG called C<vgname>, this returns the UUIDs of all
the logical volumes created in this volume group.

You can use this along with C<guestfs_lvs> and
C<guestfs_lvuuid> calls to associate logical volumes
and volume groups.

See also C<guestfs_vgpvuuids>.""",
         tests=[Test("InitEmpty", TestResult(
             _VG + [["lvcreate", "LV2", "VG", "4"], ["vglvuuids", "VG"]],
             "ret[0] && ret[1] && !ret[2] && strlen (ret[1]) == 38"))]),

    Call("vgmeta", RBufferOut, [String("vgname")], proc=362, optional="lvm2",
         shortdesc="get volume group metadata",
         longdesc="""
C<vgname> is an LVM volume group.  This command examines the
volume group and returns its metadata.

Note that the metadata is an internal structure used by LVM,
subject to change at any time, and is provided for information
only.""",
         tests=[Test("InitBasicFSonLVM", TestResult(
             [["vgmeta", "VG"]],
             'size > 0 && memmem (ret, size, "VG {", 4) != NULL')),
                Test("InitEmpty", TestLastFail([["vgmeta", "NoSuchVG"]]))]),

    Call("lvm_canonical_lv_name", RDevice, [String("lvname")], proc=363,
         shortdesc="get canonical name of an LV",
         longdesc="""
This converts alternative naming schemes for LVs that you
might find to the canonical name.  For example, F</dev/mapper/VG-LV>
is converted to F</dev/VG/LV>.

This command returns an error if the C<lvname> parameter does
not refer to a logical volume.  In this case errno will be
set to C<EINVAL>.

See also C<guestfs_is_lv>, C<guestfs_canonical_device_name>.""",
         tests=[Test("InitBasicFSonLVM", TestResultString(
             [["lvm_canonical_lv_name", "/dev/mapper/VG-LV"]], "/dev/VG/LV")),
                Test("InitBasicFSonLVM", TestResultString(
             [["lvm_canonical_lv_name", "/dev/VG/LV"]], "/dev/VG/LV")),
                Test("InitBasicFSonLVM", TestLastFail(
             [["lvm_canonical_lv_name", "/dev/sda1"]]))]),

    Call("lvm_scan", RErr, [Bool("activate")], proc=364,
         shortdesc="scan for LVM physical volumes, volume groups and logical volumes",
         longdesc="""
This scans all block devices and rebuilds the list of LVM
physical volumes, volume groups and logical volumes.

If the C<activate> parameter is C<true> then newly found
volume groups and logical volumes are activated, meaning
the LV F</dev/VG/LV> devices become visible.

When a libguestfs handle is launched it scans for existing
devices, so you do not normally need to use this API.  However
it is useful when you have added a new device or deleted an
existing device (such as when the C<guestfs_luks_open> API
is used).""",
         tests=[Test("InitEmpty", TestResultTrue(
             _VG + [["vg_activate_all", "false"], ["lvm_scan", "true"],
                    ["is_lv", "/dev/VG/LV"]])),
                Test("InitEmpty", TestResult(
             _VG + [["vg_activate_all", "false"], ["lvm_scan", "false"],
                    ["lvs_full"]],
             "ret->len == 1 && ret->val[0].lv_kernel_major == -1"))]),

    Call("lvm_set_filter", RErr, [DeviceList("devices")], proc=365,
         optional="lvm2",
         shortdesc="set LVM device filter",
         longdesc="""
This sets the LVM device filter so that LVM will only be
able to "see" the block devices in the list C<devices>,
and will ignore all other attached block devices.

Where disk image(s) contain duplicate PVs or VGs, this
command is useful to get LVM to ignore the duplicates, otherwise
LVM can get confused.  Note also there are two types
of duplication possible: either cloned PVs/VGs which have
identical UUIDs; or VGs that are not cloned but just happen
to have the same name.  In normal operation you cannot
create this situation, but you can do it outside LVM, eg.
by cloning disk images or by bit twiddling inside the LVM
metadata.

This command also clears the LVM cache and performs a volume
group scan.

You can filter whole block devices or individual partitions.

You cannot use this if any VG is currently in use (eg.
contains a mounted filesystem), even if you are not
filtering out that VG.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"],
                    ["lvm_set_filter", "/dev/sda3"], ["vgs"]], ["VG2"])),
                Test("InitEmpty", TestResultList(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"],
                    ["lvm_set_filter", "/dev/sda1 /dev/sda2"], ["lvs"]],
             ["/dev/VG/LV"])),
                Test("InitEmpty", TestResultList(
             _VG + [["pvcreate", "/dev/sda3"], ["vgcreate", "VG2", "/dev/sda3"],
                    ["lvm_set_filter", "/dev/sda"], ["vgs"]], ["VG", "VG2"])),
                Test("InitEmpty", TestResultList(
             _VG + [["lvm_set_filter", "/dev/sdc"], ["lvs"]], []))]),

    Call("lvm_clear_filter", RErr, [], proc=366, optional="lvm2",
         shortdesc="clear LVM device filter",
         longdesc="""
This undoes the effect of C<guestfs_lvm_set_filter>.  LVM
will be able to see every block device.

This command also clears the LVM cache and performs a volume
group scan.""",
         tests=[Test("InitEmpty", TestResultList(
             _VG + [["lvm_set_filter", "/dev/sdc"], ["lvm_clear_filter"],
                    ["lvs"]], ["/dev/VG/LV"]))]),

    Call("is_lv", RBool, [Mountable("mountable")], proc=367,
         shortdesc="test if mountable is a logical volume",
         longdesc="""
This command tests whether C<mountable> is a logical volume, and
returns true iff this is the case.""",
         tests=[Test("InitBasicFSonLVM", TestResultTrue(
             [["is_lv", "/dev/VG/LV"]])),
                Test("InitBasicFSonLVM", TestResultFalse(
             [["is_lv", "/dev/sda1"]])),
                Test("InitBasicFSonLVM", TestResultTrue(
             [["is_lv", "/dev/mapper/VG-LV"]]))]),

    # ---- LUKS ------------------------------------------------------------
    Call("luks_format", RErr, [Device("device"), Key("key"), Int("keyslot")],
         proc=368, optional="luks", progress=True,
         shortdesc="format a block device as a LUKS encrypted device",
         longdesc="""
This command erases existing data on C<device> and formats
the device as a LUKS encrypted device.  C<key> is the
initial key, which is added to key slot C<keyslot>.  (LUKS
supports 8 key slots, numbered 0-7).""" + _KEYDOC,
         tests=[Test("InitEmpty", TestResultString(
             _LUKS + [["vfs_type", "/dev/sda1"]], "crypto_LUKS")),
                Test("InitBasicFS", TestLastFail(
             [["luks_format", "/dev/sda1", "key1", "0"]]))]),

    Call("luks_format_cipher", RErr,
         [Device("device"), Key("key"), Int("keyslot"), String("cipher")],
         proc=369, optional="luks", progress=True,
         shortdesc="format a block device as a LUKS encrypted device",
         longdesc="""
This command is the same as C<guestfs_luks_format> but
it also allows you to set the C<cipher> used.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestResultString(
             [["part_disk", "/dev/sda", "mbr"],
              ["luks_format_cipher", "/dev/sda1", "key1", "0",
               "aes-cbc-essiv:sha256"],
              ["luks_open", "/dev/sda1", "key1", "lukscipher"],
              ["mkfs", "ext2", "/dev/mapper/lukscipher"],
              ["vfs_type", "/dev/mapper/lukscipher"]], "ext2"))]),

    Call("luks_add_key", RErr,
         [Device("device"), Key("key"), Key("newkey"), Int("keyslot")],
         proc=370, optional="luks", progress=True,
         shortdesc="add a key on a LUKS encrypted device",
         longdesc="""
This command adds a new key on LUKS device C<device>.
C<key> is any existing key, and is used to access the device.
C<newkey> is the new key to add.  C<keyslot> is the key slot
that will be replaced.

Note that if C<keyslot> already contains a key, then this
command will fail.  You have to use C<guestfs_luks_kill_slot>
first to remove that key.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestRun(
             _LUKS + [["luks_add_key", "/dev/sda1", "key1", "key2", "1"],
                      ["cryptsetup_open", "/dev/sda1", "key2", "luksadd"],
                      ["cryptsetup_close", "/dev/mapper/luksadd"]])),
                Test("InitEmpty", TestLastFail(
             _LUKS + [["luks_add_key", "/dev/sda1", "key1", "key2", "0"]]))]),

    Call("luks_kill_slot", RErr, [Device("device"), Key("key"), Int("keyslot")],
         proc=371, optional="luks",
         shortdesc="remove a key from a LUKS encrypted device",
         longdesc="""
This command deletes the key in key slot C<keyslot> from the
encrypted LUKS device C<device>.  C<key> must be one of the
I<other> keys.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestLastFail(
             _LUKS + [["luks_add_key", "/dev/sda1", "key1", "key2", "1"],
                      ["luks_kill_slot", "/dev/sda1", "key2", "0"],
                      ["cryptsetup_open", "/dev/sda1", "key1", "lukskill"]]))]),

    Call("luks_open", RErr, [Device("device"), Key("key"), String("mapname")],
         proc=372, optional="luks", deprecated_by="cryptsetup_open",
         shortdesc="open a LUKS-encrypted block device",
         longdesc="""
This command opens a block device which has been encrypted
according to the Linux Unified Key Setup (LUKS) standard.

C<device> is the encrypted block device or partition.

The caller must supply one of the keys associated with the
LUKS block device, in the C<key> parameter.

This creates a new block device called F</dev/mapper/mapname>.
Reads and writes to this block device are decrypted from and
encrypted to the underlying C<device> respectively.

If this block device contains LVM volume groups, then
calling C<guestfs_lvm_scan> with the C<activate>
parameter C<true> will make them visible.

Use C<guestfs_list_dm_devices> to list all device mapper
devices.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestResultString(
             _LUKS + [["luks_open", "/dev/sda1", "key1", "luksopen"],
                      ["mkfs", "ext2", "/dev/mapper/luksopen"],
                      ["mount", "/dev/mapper/luksopen", "/"],
                      ["write", "/f", "secret data"], ["umount", "/"],
                      ["luks_close", "/dev/mapper/luksopen"],
                      ["luks_open", "/dev/sda1", "key1", "luksopen"],
                      ["mount", "/dev/mapper/luksopen", "/"],
                      ["cat", "/f"]], "secret data")),
                Test("InitEmpty", TestLastFail(
             _LUKS + [["luks_open", "/dev/sda1", "wrongkey", "luksopen"]]))]),

    Call("luks_open_ro", RErr, [Device("device"), Key("key"), String("mapname")],
         proc=373, optional="luks", deprecated_by="cryptsetup_open",
         shortdesc="open a LUKS-encrypted block device read-only",
         longdesc="""
This is the same as C<guestfs_luks_open> except that a read-only
mapping is created.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestLastFail(
             _LUKS + [["luks_open_ro", "/dev/sda1", "key1", "luksro"],
                      ["mkfs", "ext2", "/dev/mapper/luksro"]]))]),

    Call("luks_close", RErr, [Device("device")], proc=374, optional="luks",
         deprecated_by="cryptsetup_close",
         shortdesc="close a LUKS device",
         longdesc="""
This closes a LUKS device that was created earlier by
C<guestfs_luks_open> or C<guestfs_luks_open_ro>.  The
C<device> parameter must be the name of the LUKS mapping
device (ie. F</dev/mapper/mapname>) and I<not> the name
of the underlying block device.""",
         tests=[Test("InitEmpty", TestLastFail(
             _LUKS + [["luks_open", "/dev/sda1", "key1", "luksclose"],
                      ["luks_close", "/dev/mapper/luksclose"],
                      ["vfs_type", "/dev/mapper/luksclose"]])),
                Test("InitEmpty", TestLastFail(
             [["part_disk", "/dev/sda", "mbr"],
              ["luks_close", "/dev/sda1"]]))]),

    Call("cryptsetup_open", RErr,
         [Device("device"), Key("key"), String("mapname")],
         [OBool("readonly"), OString("crypttype"), OString("cipher")],
         proc=375, optional="luks",
         shortdesc="open an encrypted block device",
         longdesc="""
This command opens a block device which has been encrypted
according to the Linux Unified Key Setup (LUKS) standard,
Windows BitLocker, or some other types.

C<device> is the encrypted block device or partition.

The caller must supply one of the keys associated with the
encrypted block device, in the C<key> parameter.

This creates a new block device called F</dev/mapper/mapname>.
Reads and writes to this block device are decrypted from and
encrypted to the underlying C<device> respectively.

C<mapname> cannot be C<"control"> because that name is reserved
by device-mapper.

If the optional C<crypttype> parameter is not present then
libguestfs tries to guess the correct type (for example
LUKS or BitLocker).  However you can override this by
specifying one of the following types:

=over 4

=item C<luks>

A Linux LUKS device.

=item C<bitlk>

A Windows BitLocker device.

=back

The optional C<readonly> flag, if set to true, creates a
read-only mapping.

The optional C<cipher> parameter is passed to L<cryptsetup(8)>
as C<--cipher>; it is needed only for types whose header does not
record the cipher.

If this block device contains LVM volume groups, then
calling C<guestfs_lvm_scan> with the C<activate>
parameter C<true> will make them visible.

Use C<guestfs_list_dm_devices> to list all device mapper
devices.""" + _KEYDOC,
         tests=[Test("InitEmpty", TestResultString(
             _LUKS + [["cryptsetup_open", "/dev/sda1", "key1", "cryptopen"],
                      ["mkfs", "ext4", "/dev/mapper/cryptopen"],
                      ["cryptsetup_close", "/dev/mapper/cryptopen"],
                      ["cryptsetup_open", "/dev/sda1", "key1", "cryptopen",
                       "readonly:true", "crypttype:luks"],
                      ["vfs_type", "/dev/mapper/cryptopen"]], "ext4")),
                Test("InitEmpty", TestLastFail(
             [["part_disk", "/dev/sda", "mbr"], ["mkfs", "ext2", "/dev/sda1"],
              ["cryptsetup_open", "/dev/sda1", "key1", "cryptnot"]])),
                Test("InitEmpty", TestLastFail(
             [["part_disk", "/dev/sda", "mbr"],
              ["cryptsetup_open", "/dev/sda1", "key1", "control"]]))]),

    Call("cryptsetup_close", RErr, [Device("device")], proc=376,
         optional="luks",
         shortdesc="close an encrypted device",
         longdesc="""
This closes an encrypted device that was created earlier by
C<guestfs_cryptsetup_open>.  The C<device> parameter must be
the name of the mapping device (ie. F</dev/mapper/mapname>)
and I<not> the name of the underlying block device.""",
         tests=[Test("InitEmpty", TestLastFail(
             _LUKS + [["cryptsetup_open", "/dev/sda1", "key1", "cryptclose"],
                      ["cryptsetup_close", "/dev/mapper/cryptclose"],
                      ["vfs_type", "/dev/mapper/cryptclose"]])),
                Test("InitBasicFSonLVM", TestLastFail(
             [["umount", "/"], ["cryptsetup_close", "/dev/mapper/VG-LV"]]))]),

    Call("luks_uuid", RString, [Device("device")], proc=377, optional="luks",
         shortdesc="get the UUID of a LUKS device",
         longdesc="This returns the UUID of the LUKS device C<device>.",
         tests=[Test("InitEmpty", TestResult(
             _LUKS + [["luks_uuid", "/dev/sda1"]], "strlen (ret) == 36")),
                Test("InitBasicFS", TestLastFail([["luks_uuid", "/dev/sda1"]]))]),

    # ---- MD RAID ---------------------------------------------------------
    Call("md_create", RErr, [String("name"), DeviceList("devices")],
         [OInt64("missingbitmap"), OInt("nrdevices"), OInt("spare"),
          OInt64("chunk"), OString("level")],
         proc=378, optional="mdadm",
         shortdesc="create a Linux md (RAID) device",
         longdesc="""
Create a Linux md (RAID) device named C<name> on the devices
in the list C<devices>.

The optional parameters are:

=over 4

=item C<missingbitmap>

A bitmap of missing devices.  If a bit is set it means that a
missing device is added to the array.  The least significant bit
corresponds to the first device in the array.

As examples:

If C<devices = ["/dev/sda"]> and C<missingbitmap = 0x1> then
the resulting array would be C<[E<lt>missingE<gt>, "/dev/sda"]>.

If C<devices = ["/dev/sda"]> and C<missingbitmap = 0x2> then
the resulting array would be C<["/dev/sda", E<lt>missingE<gt>]>.

This defaults to C<0> (no missing devices).

The length of C<devices> + the number of bits set in
C<missingbitmap> must equal C<nrdevices> + C<spare>.

=item C<nrdevices>

The number of active RAID devices.

If not set, this defaults to the length of C<devices> plus
the number of bits set in C<missingbitmap>.

=item C<spare>

The number of spare devices.

If not set, this defaults to C<0>.

=item C<chunk>

The chunk size in bytes.

The C<chunk> parameter does not make sense, and should not
be specified, when C<level> is C<raid1> (which is the default;
see below).

=item C<level>

The RAID level, which can be one of:
C<linear>, C<raid0>, C<0>, C<stripe>, C<raid1>, C<1>, C<mirror>,
C<raid4>, C<4>, C<raid5>, C<5>, C<raid6>, C<6>, C<raid10>, C<10>.
Some of these are synonymous, and more levels may be added in future.

If not set, this defaults to C<raid1>.

=back""",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["md_create", "r1", "/dev/sda1 /dev/sda2"],
                    ["list_md_devices"]],
             "ret[0] && !ret[1] && strncmp (ret[0], \"/dev/md\", 7) == 0")),
                Test("InitEmpty", TestResultString(
             _P3 + [["md_create", "r0", "/dev/sda1 /dev/sda2 /dev/sda3",
                     "level:raid0", "chunk:65536"],
                    ["mkfs", "ext2", "/dev/md/r0"],
                    ["vfs_type", "/dev/md/r0"]], "ext2")),
                Test("InitEmpty", TestResult(
             _P3 + [["md_create", "r5", "/dev/sda1 /dev/sda2",
                     "missingbitmap:0x4", "level:raid5"],
                    ["md_detail", "/dev/md/r5"]],
             'hash_has (ret, "level", "raid5") && hash_has (ret, "devices", "3")')),
                Test("InitEmpty", TestLastFail(
             _P3 + [["md_create", "rx", "/dev/sda1 /dev/sda2",
                     "level:raid7"]])),
                Test("InitEmpty", TestLastFail(
             _P3 + [["md_create", "rx", "/dev/sda1 /dev/sda2",
                     "nrdevices:3"]]))]),

    Call("md_detail", RHashtable, [Device("md")], proc=379, optional="mdadm",
         shortdesc="obtain metadata for an MD device",
         longdesc="""
This command exposes the output of C<mdadm -DY E<lt>mdE<gt>>.
The following fields are usually present in the returned hash.
Other fields may also be present.

=over 4

=item C<level>

The raid level of the MD device.

=item C<devices>

The number of underlying devices in the MD device.

=item C<metadata>

The metadata version used.

=item C<uuid>

The UUID of the MD device.

=item C<name>

The name of the MD device.

=back""",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["md_create", "r1", "/dev/sda1 /dev/sda2"],
                    ["md_detail", "/dev/md/r1"]],
             'hash_has (ret, "level", "raid1") && hash_has (ret, "devices", "2") '
             '&& strlen (hash_get (ret, "uuid")) == 35 && '
             'strstr (hash_get (ret, "name"), "r1") != NULL')),
                Test("InitBasicFS", TestLastFail([["md_detail", "/dev/sda1"]]))]),

    Call("md_stat", RStructList("mdstat"), [Device("md")], proc=380,
         optional="mdadm",
         shortdesc="get underlying devices from an MD device",
         longdesc="""
This call returns a list of the underlying devices which make
up the single software RAID array device C<md>.

To get a list of software RAID devices, call C<guestfs_list_md_devices>.

Each structure returned corresponds to one device along with
additional status information:

=over 4

=item C<mdstat_device>

The name of the underlying device.

=item C<mdstat_index>

The index of this device within the array.

=item C<mdstat_flags>

Flags associated with this device.  This is a string containing
(in no specific order) zero or more of the following flags:

=over 4

=item C<W>

write-mostly

=item C<F>

device is faulty

=item C<S>

device is a RAID spare

=item C<R>

replacement

=back

=back""",
         tests=[Test("InitEmpty", TestResult(
             _P3 + [["md_create", "r1", "/dev/sda1 /dev/sda2 /dev/sda3",
                     "nrdevices:2", "spare:1"],
                    ["md_stat", "/dev/md/r1"]],
             'ret->len == 3 && '
             'strcmp (ret->val[0].mdstat_device, "/dev/sda1") == 0 && '
             'ret->val[0].mdstat_index == 0 && '
             'strcmp (ret->val[0].mdstat_flags, "") == 0 && '
             'strcmp (ret->val[1].mdstat_device, "/dev/sda2") == 0 && '
             'ret->val[1].mdstat_index == 1 && '
             'strcmp (ret->val[2].mdstat_device, "/dev/sda3") == 0 && '
             'strcmp (ret->val[2].mdstat_flags, "S") == 0')),
                Test("InitBasicFS", TestLastFail([["md_stat", "/dev/sda1"]]))]),

    Call("md_stop", RErr, [Device("md")], proc=381, optional="mdadm",
         shortdesc="stop a Linux md (RAID) device",
         longdesc="""
This command deactivates the MD array named C<md>.  The
device is stopped, but it is not destroyed or zeroed.""",
         tests=[Test("InitEmpty", TestResultList(
             _P3 + [["md_create", "r1", "/dev/sda1 /dev/sda2"],
                    ["md_stop", "/dev/md/r1"], ["list_md_devices"]], [])),
                Test("InitEmpty", TestLastFail(
             _P3 + [["md_create", "r1", "/dev/sda1 /dev/sda2"],
                    ["md_stop", "/dev/md/r1"], ["md_detail", "/dev/md/r1"]]))]),

    Call("list_md_devices", RDeviceList, [], proc=382,
         shortdesc="list Linux md (RAID) devices",
         longdesc="List all Linux md devices.",
         tests=[Test("InitEmpty", TestResultList([["list_md_devices"]], []))]),
]
