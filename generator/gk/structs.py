"""Structs returned by the API (RStruct / RStructList), with libguestfs's
names and field order."""

from .types import Struct

STRUCTS = [
    Struct("int_bool", [("i", "FInt32"), ("b", "FInt32")]),

    Struct("version", [
        ("major", "FInt64"), ("minor", "FInt64"),
        ("release", "FInt64"), ("extra", "FString"),
    ]),

    Struct("statns", [
        ("st_dev", "FInt64"), ("st_ino", "FInt64"), ("st_mode", "FInt64"),
        ("st_nlink", "FInt64"), ("st_uid", "FInt64"), ("st_gid", "FInt64"),
        ("st_rdev", "FInt64"), ("st_size", "FInt64"),
        ("st_blksize", "FInt64"), ("st_blocks", "FInt64"),
        ("st_atime_sec", "FInt64"), ("st_atime_nsec", "FInt64"),
        ("st_mtime_sec", "FInt64"), ("st_mtime_nsec", "FInt64"),
        ("st_ctime_sec", "FInt64"), ("st_ctime_nsec", "FInt64"),
        ("st_spare1", "FInt64"), ("st_spare2", "FInt64"),
        ("st_spare3", "FInt64"), ("st_spare4", "FInt64"),
        ("st_spare5", "FInt64"), ("st_spare6", "FInt64"),
    ]),

    Struct("statvfs", [
        ("bsize", "FInt64"), ("frsize", "FInt64"), ("blocks", "FInt64"),
        ("bfree", "FInt64"), ("bavail", "FInt64"), ("files", "FInt64"),
        ("ffree", "FInt64"), ("favail", "FInt64"), ("fsid", "FInt64"),
        ("flag", "FInt64"), ("namemax", "FInt64"),
    ]),

    Struct("partition", [
        ("part_num", "FInt32"), ("part_start", "FBytes"),
        ("part_end", "FBytes"), ("part_size", "FBytes"),
    ]),

    Struct("dirent", [
        ("ino", "FInt64"), ("ftyp", "FChar"), ("name", "FString"),
    ]),
]

STRUCTS += [
    Struct("lvm_pv", [
        ("pv_name", "FString"), ("pv_uuid", "FUUID"), ("pv_fmt", "FString"),
        ("pv_size", "FBytes"), ("dev_size", "FBytes"), ("pv_free", "FBytes"),
        ("pv_used", "FBytes"), ("pv_attr", "FString"),
        ("pv_pe_count", "FInt64"), ("pv_pe_alloc_count", "FInt64"),
        ("pv_tags", "FString"), ("pe_start", "FBytes"),
        ("pv_mda_count", "FInt64"), ("pv_mda_free", "FBytes"),
    ]),

    Struct("lvm_vg", [
        ("vg_name", "FString"), ("vg_uuid", "FUUID"), ("vg_fmt", "FString"),
        ("vg_attr", "FString"), ("vg_size", "FBytes"), ("vg_free", "FBytes"),
        ("vg_sysid", "FString"), ("vg_extent_size", "FBytes"),
        ("vg_extent_count", "FInt64"), ("vg_free_count", "FInt64"),
        ("max_lv", "FInt64"), ("max_pv", "FInt64"), ("pv_count", "FInt64"),
        ("lv_count", "FInt64"), ("snap_count", "FInt64"),
        ("vg_seqno", "FInt64"), ("vg_tags", "FString"),
        ("vg_mda_count", "FInt64"), ("vg_mda_free", "FBytes"),
    ]),

    Struct("lvm_lv", [
        ("lv_name", "FString"), ("lv_uuid", "FUUID"), ("lv_attr", "FString"),
        ("lv_major", "FInt64"), ("lv_minor", "FInt64"),
        ("lv_kernel_major", "FInt64"), ("lv_kernel_minor", "FInt64"),
        ("lv_size", "FBytes"), ("seg_count", "FInt64"), ("origin", "FString"),
        ("snap_percent", "FOptPercent"), ("copy_percent", "FOptPercent"),
        ("move_pv", "FString"), ("lv_tags", "FString"),
        ("mirror_log", "FString"), ("modules", "FString"),
    ]),

    Struct("xattr", [("attrname", "FString"), ("attrval", "FBuffer")]),

    Struct("hivex_node", [("hivex_node_h", "FInt64")]),

    Struct("hivex_value", [("hivex_value_h", "FInt64")]),

    Struct("btrfssubvolume", [
        ("btrfssubvolume_id", "FUInt64"),
        ("btrfssubvolume_top_level_id", "FUInt64"),
        ("btrfssubvolume_path", "FString"),
    ]),

    Struct("utsname", [
        ("uts_sysname", "FString"), ("uts_release", "FString"),
        ("uts_version", "FString"), ("uts_machine", "FString"),
    ]),

    Struct("mdstat", [
        ("mdstat_device", "FString"), ("mdstat_index", "FInt32"),
        ("mdstat_flags", "FString"),
    ]),
]

# XFS geometry (xfs_info).
STRUCTS += [
    Struct("xfsinfo", [
        ("xfs_mntpoint", "FString"), ("xfs_inodesize", "FUInt32"),
        ("xfs_agcount", "FUInt32"), ("xfs_agsize", "FUInt32"),
        ("xfs_sectsize", "FUInt32"), ("xfs_attr", "FUInt32"),
        ("xfs_blocksize", "FUInt32"), ("xfs_datablocks", "FUInt64"),
        ("xfs_imaxpct", "FUInt32"), ("xfs_sunit", "FUInt32"),
        ("xfs_swidth", "FUInt32"), ("xfs_dirversion", "FUInt32"),
        ("xfs_dirblocksize", "FUInt32"), ("xfs_cimode", "FUInt32"),
        ("xfs_logname", "FString"), ("xfs_logblocksize", "FUInt32"),
        ("xfs_logblocks", "FUInt32"), ("xfs_logversion", "FUInt32"),
        ("xfs_logsectsize", "FUInt32"), ("xfs_logsunit", "FUInt32"),
        ("xfs_lazycount", "FUInt32"), ("xfs_rtname", "FString"),
        ("xfs_rtextsize", "FUInt32"), ("xfs_rtblocks", "FUInt64"),
        ("xfs_rtextents", "FUInt64"),
    ]),
]

# Installed applications (inspect_list_applications2, and the deprecated
# inspect_list_applications with the older struct).
STRUCTS += [
    Struct("application", [
        ("app_name", "FString"), ("app_display_name", "FString"),
        ("app_epoch", "FInt32"), ("app_version", "FString"),
        ("app_release", "FString"), ("app_install_path", "FString"),
        ("app_trans_path", "FString"), ("app_publisher", "FString"),
        ("app_url", "FString"), ("app_source_package", "FString"),
        ("app_summary", "FString"), ("app_description", "FString"),
    ]),

    Struct("application2", [
        ("app2_name", "FString"), ("app2_display_name", "FString"),
        ("app2_epoch", "FInt32"), ("app2_version", "FString"),
        ("app2_release", "FString"), ("app2_arch", "FString"),
        ("app2_install_path", "FString"), ("app2_trans_path", "FString"),
        ("app2_publisher", "FString"), ("app2_url", "FString"),
        ("app2_source_package", "FString"), ("app2_summary", "FString"),
        ("app2_description", "FString"), ("app2_spare1", "FString"),
        ("app2_spare2", "FString"), ("app2_spare3", "FString"),
        ("app2_spare4", "FString"),
    ]),
]

# The deprecated stat struct (stat, lstat, lstatlist) and ISO 9660
# primary volume descriptors (isoinfo, isoinfo_device): compatibility
# calls, actions_compat.py.
STRUCTS += [
    Struct("stat", [
        ("dev", "FInt64"), ("ino", "FInt64"), ("mode", "FInt64"),
        ("nlink", "FInt64"), ("uid", "FInt64"), ("gid", "FInt64"),
        ("rdev", "FInt64"), ("size", "FInt64"), ("blksize", "FInt64"),
        ("blocks", "FInt64"), ("atime", "FInt64"), ("mtime", "FInt64"),
        ("ctime", "FInt64"),
    ]),

    Struct("isoinfo", [
        ("iso_system_id", "FString"), ("iso_volume_id", "FString"),
        ("iso_volume_space_size", "FUInt32"),
        ("iso_volume_set_size", "FUInt32"),
        ("iso_volume_sequence_number", "FUInt32"),
        ("iso_logical_block_size", "FUInt32"),
        ("iso_volume_set_id", "FString"), ("iso_publisher_id", "FString"),
        ("iso_data_preparer_id", "FString"),
        ("iso_application_id", "FString"),
        ("iso_copyright_file_id", "FString"),
        ("iso_abstract_file_id", "FString"),
        ("iso_bibliographic_file_id", "FString"),
        ("iso_volume_creation_t", "FInt64"),
        ("iso_volume_modification_t", "FInt64"),
        ("iso_volume_expiration_t", "FInt64"),
        ("iso_volume_effective_t", "FInt64"),
    ]),
]

BY_NAME = {s.name: s for s in STRUCTS}
