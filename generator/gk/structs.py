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

BY_NAME = {s.name: s for s in STRUCTS}
