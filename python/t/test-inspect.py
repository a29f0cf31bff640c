# Inspection of tests/data/inspect-debian.img read-only, as a Python
# program would do it: the values the inspection API reports (the same
# as tests/test-inspect-debian.sh checks through C), the mountpoints hash
# both ways (python_return_dict), the application list as dicts, the
# icon as bytes, and files read after mounting as the guest does.
import hashlib
import os

import guestfs
from helpers import datadir, check, equal

img = os.path.join(datadir, "inspect-debian.img")
check(os.path.exists(img), "%s exists" % img)
before = hashlib.sha256(open(img, "rb").read()).hexdigest()

g = guestfs.GuestFS(python_return_dict=True)
g.add_drive_opts(img, readonly=1, format="raw")
g.launch()
roots = g.inspect_os()
equal(roots, ["/dev/sda2"], "inspect_os")
root = roots[0]
equal([g.inspect_get_type(root), g.inspect_get_distro(root),
       g.inspect_get_product_name(root), g.inspect_get_hostname(root),
       g.inspect_get_arch(root), g.inspect_get_package_format(root),
       g.inspect_get_osinfo(root)],
      ["linux", "debian", "12.5", "debian-test", "x86_64", "deb", "debian12"],
      "type, distro, product, hostname, arch, package format, osinfo")
equal((g.inspect_get_major_version(root), g.inspect_get_minor_version(root)),
      (12, 5), "version as ints")
mps = g.inspect_get_mountpoints(root)
equal(mps, {"/": "/dev/sda2", "/boot": "/dev/sda1"}, "mountpoints as a dict")

apps = g.inspect_list_applications2(root)
equal(sorted(a["app2_name"] for a in apps),
      ["adduser", "bash", "libc6", "perl-base", "tzdata", "vim-common", "zlib1g"],
      "applications")
bash = [a for a in apps if a["app2_name"] == "bash"][0]
equal((bash["app2_version"], bash["app2_release"], bash["app2_epoch"], bash["app2_arch"]),
      ("5.2.15", "2+b2", 0, "amd64"), "bash's version, release, epoch, arch")
icon = g.inspect_get_icon(root, favicon=0, highquality=0)
check(type(icon) is bytes and icon.startswith(b"\x89PNG") and len(icon) == 105,
      "icon: %d bytes of PNG" % len(icon))

# Mount as the guest does, shortest mountpoint first.
for mp in sorted(mps, key=len):
    g.mount_ro(mps[mp], mp)
equal(g.cat("/etc/hostname").strip(), "debian-test", "/etc/hostname")
check(g.is_dir("/boot"), "/boot mounted")
g.umount_all()
g.close()

# Without python_return_dict: a list of pairs.
g = guestfs.GuestFS()
g.add_drive_opts(img, readonly=1, format="raw")
g.launch()
root = g.inspect_os()[0]
mps = g.inspect_get_mountpoints(root)
check(isinstance(mps, list), "mountpoints as a list")
equal(sorted(mps), [("/", "/dev/sda2"), ("/boot", "/dev/sda1")], "pairs")
g.close()

after = hashlib.sha256(open(img, "rb").read()).hexdigest()
equal(after, before, "the image is unchanged")
print("done")
