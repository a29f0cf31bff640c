# A real appliance: create a disk, add it with keyword optargs, launch,
# partition, format, mount, write and read back, and check each kind of
# result (str, bytes, bool, int, list, dict, list of dicts, hash both
# ways), file transfers, and an appliance error with its errno.
import errno
import os
import tempfile

import guestfs
from helpers import check, equal, raises

tmp = tempfile.TemporaryDirectory(prefix="guestkit-py-")
disk = os.path.join(tmp.name, "disk.img")
with open(disk, "wb") as f:
    f.truncate(64 * 1024 * 1024)

g = guestfs.GuestFS(python_return_dict=True)
g.add_drive_opts(disk, format="raw", readonly=0, label="data")
g.launch()
equal(g.list_devices(), ["/dev/sda"], "RStringList: list_devices")
g.part_disk("/dev/sda", "mbr")
equal(g.list_partitions(), ["/dev/sda1"], "part_disk made /dev/sda1")
g.mkfs("ext4", "/dev/sda1", blocksize=4096, label="pylabel")
equal(g.vfs_label("/dev/sda1"), "pylabel", "mkfs label= optarg")
g.mount("/dev/sda1", "/")

g.write("/hello", b"hello, world\n")
equal(g.cat("/hello"), "hello, world\n", "RString: cat")
g.write("/bin", bytes(range(256)))
r = g.read_file("/bin")
check(type(r) is bytes and r == bytes(range(256)), "RBufferOut: read_file is bytes")
g.write("/text", "a str is UTF-8: é")
equal(g.read_file("/text"), "a str is UTF-8: é".encode(), "BufferIn from a str")

check(g.is_file("/hello") is True, "RBool True")
check(g.is_dir("/hello") is False, "RBool False")
check(g.is_file_opts("/hello", followsymlinks=True) is True, "is_file_opts alias")
r = g.filesize("/hello")
check(type(r) is int and r == 13, "RInt64: filesize")
st = g.statns("/hello")
check(isinstance(st, dict) and st["st_size"] == 13 and st["st_nlink"] == 1,
      "RStruct: statns")
d = g.readdir("/")
check(isinstance(d, list) and all(isinstance(x, dict) for x in d), "RStructList")
kinds = dict((x["name"], x["ftyp"]) for x in d)
equal((kinds["hello"], kinds["lost+found"]), ("r", "d"), "readdir ftyp chars")
equal(g.mountpoints(), {"/dev/sda1": "/"}, "RHashtable as a dict")
equal(g.list_filesystems(), {"/dev/sda1": "ext4"}, "list_filesystems")

# Names that are not UTF-8 survive the round trip.
g.touch("/café")
g.touch("/raw-\udcff")
names = g.ls("/")
check("café" in names and "raw-\udcff" in names, "ls: %r" % names)
check(g.exists("/raw-\udcff"), "a non-UTF-8 name from ls used as an argument")

# FileIn and FileOut.
src = os.path.join(tmp.name, "src")
with open(src, "wb") as f:
    f.write(os.urandom(300000))
g.upload(src, "/up")
out = os.path.join(tmp.name, "out")
g.download("/up", out)
check(open(out, "rb").read() == open(src, "rb").read(), "upload, download")

# An appliance error: the message and errno.
e = raises(guestfs.Error, g.cat, "/nonexistent")
check("/nonexistent" in str(e) and "No such file or directory" in str(e),
      "error message: %s" % e)
equal(e.errno, errno.ENOENT, "errno")
equal(g.cat("/hello"), "hello, world\n", "the handle works after an error")

g.umount_all()
g.shutdown()
g.close()
raises(guestfs.ClosedHandle, g.cat, "/hello")

# What was written is in the image.
g = guestfs.GuestFS(python_return_dict=False)
g.add_drive_opts(disk, format="raw", readonly=1)
g.launch()
g.mount_ro("/dev/sda1", "/")
equal(g.cat("/hello"), "hello, world\n", "data is on the disk")
equal(g.mountpoints(), [("/dev/sda1", "/")],
      "RHashtable as a list of pairs without python_return_dict")
g.close()
print("done")
