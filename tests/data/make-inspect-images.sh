#!/bin/bash -
# Build the phony guests of the inspection tests with our own guestfish,
# all in one appliance session (sparse raw images, a few MB of data each):
#
#   inspect-debian.img      MBR: /boot ext2 (LABEL=DEBBOOT), / ext4 (fixed
#                           UUID), swap; Debian 12 files, the host's /bin/ls
#                           behind a merged /usr, a dpkg status with epochs,
#                           a logo
#   inspect-fedora.img      GPT: /boot ext4 (by PARTUUID), LVM VG "fedora"
#                           with LVs root (ext4, /dev/mapper name in fstab)
#                           and swap; Fedora 39 with aarch64 binaries, dnf
#                           and the sqlite RPM database under
#                           /usr/lib/sysimage/rpm
#   inspect-centos7.img     MBR, one ext4: CentOS 7 release files, hostname
#                           in /etc/sysconfig/network, a Berkeley DB RPM
#                           database
#   inspect-windows.img     MBR (disk signature "GKGK"), NTFS C: with a
#   inspect-windows-data.img  system root, registry hives and cmd.exe;
#                           a second disk, GPT, NTFS data volume D:
#   inspect-multi1.img      Ubuntu 22.04: / on the first disk, /home
#   inspect-multi2.img      (/dev/vdb1 in its fstab) on the second
#   inspect-multiboot.img   two operating systems: Alpine on sda1 (apk
#                           database), Arch on sda2 (pacman database)
#   inspect-nos.img         filesystems but no operating system
#   inspect-ubuntu.img      GPT: EFI system partition (vfat, volume ID
#                           "GKEF" = 4645-4B47), / ext4; Ubuntu 22.04 with
#                           fstab by /dev/disk/by-uuid and a swap file,
#                           os-release a symlink into /usr/lib, lsb-release,
#                           a dpkg status with held, unpacked and epoch
#                           packages
#   inspect-alpine.img      MBR, one ext4 (by UUID): Alpine 3.19, busybox
#                           behind /bin/sh, the apk installed database
#   inspect-archlinux.img   MBR, one ext4 (by UUID): Arch Linux (rolling,
#                           no VERSION_ID, empty /etc/arch-release), the
#                           pacman local database
#   inspect-hostile.img     a Linux root whose files try to lead inspection
#                           out of the guest (absolute and magic symlinks,
#                           loops, a FIFO, oversized and malformed files)
#
# Needs the files of make-inspect-files.py and make-inspect-rpmdb.py.
set -e
cd "$(dirname "$0")"

ROOT_UUID=01234567-89ab-4cde-8f01-23456789abcd
CENTOS_UUID=0f0e0d0c-0b0a-4908-8706-050403020100
D_GUID=6b1e2f40-7d4c-4a0b-9c3e-5f0a1b2c3d4e
UBUNTU_UUID=5d2e7a0c-41b6-4f2a-9a77-3c1e9b0d2f11
ALPINE_UUID=a1b2c3d4-e5f6-4789-8abc-def012345678
ARCH_UUID=3f6c1d2e-8b7a-4c5d-9e0f-1a2b3c4d5e6f

imgs="debian:64 fedora:96 centos7:48 windows:64 windows-data:32 multi1:48 multi2:32 multiboot:64 nos:32 hostile:48
      ubuntu:64 alpine:32 archlinux:32"
args=()
for i in $imgs; do
    name=${i%:*} size=${i#*:}
    rm -f "inspect-$name.img.tmp"
    truncate -s "${size}M" "inspect-$name.img.tmp"
    args+=(-a "inspect-$name.img.tmp")
done

guestfish --format=raw "${args[@]}" <<GF
run

# ---- Debian: /dev/sda ----
part-init /dev/sda mbr
part-add /dev/sda p 2048 34815
part-add /dev/sda p 34816 116735
part-add /dev/sda p 116736 -2048
mkfs ext2 /dev/sda1 label:DEBBOOT
mkfs ext4 /dev/sda2
set-e2uuid /dev/sda2 $ROOT_UUID
mkswap /dev/sda3 label:debswap
mount /dev/sda2 /
mkdir-p /boot
mount /dev/sda1 /boot
mkdir-p /boot/grub
write /boot/grub/grub.cfg "# phony\n"
mkdir-p /usr/bin
ln-s usr/bin /bin
mkdir-p /etc
mkdir-p /var/lib/dpkg
mkdir-p /usr/share/pixmaps
mkdir-p /home
upload /bin/ls /usr/bin/ls
write /etc/os-release "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\n"
write /etc/debian_version "12.5\n"
write /etc/hostname "debian-test\n"
write /etc/hosts "127.0.0.1 localhost\n127.0.1.1 debian-test\n"
write /etc/fstab "# /etc/fstab: static file system information.\n#\n# <file system> <mount point> <type> <options> <dump> <pass>\nUUID=$ROOT_UUID / ext4 errors=remount-ro 0 1\nLABEL=DEBBOOT /boot ext2 defaults 0 2\nLABEL=debswap none swap sw 0 0\nproc /proc proc defaults 0 0\n/dev/sr0 /media/cdrom0 udf,iso9660 user,noauto 0 0\ntmpfs /tmp tmpfs defaults 0 0\n"
upload inspect-dpkg-status /var/lib/dpkg/status
upload inspect-logo.png /usr/share/pixmaps/debian-logo.png
umount-all

# ---- Fedora: /dev/sdb, GPT + LVM ----
part-init /dev/sdb gpt
part-add /dev/sdb p 2048 34815
part-add /dev/sdb p 34816 -2048
part-set-gpt-guid /dev/sdb 1 8f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b
mkfs ext4 /dev/sdb1
pvcreate /dev/sdb2
vgcreate fedora /dev/sdb2
lvcreate root fedora 48
lvcreate swap fedora 8
mkfs ext4 /dev/fedora/root
mkswap /dev/fedora/swap
mount /dev/fedora/root /
mkdir-p /boot
mount /dev/sdb1 /boot
mkdir-p /boot/loader/entries
mkdir-p /usr/bin
ln-s usr/bin /bin
mkdir-p /etc
mkdir-p /var/lib
mkdir-p /usr/lib/sysimage/rpm
ln-s ../../usr/lib/sysimage/rpm /var/lib/rpm
mkdir-p /usr/share/icons/hicolor/96x96/apps
upload inspect-elf-aarch64 /usr/bin/bash
write /usr/bin/dnf "#!/usr/bin/python3\n"
write /etc/os-release "NAME=\"Fedora Linux\"\nVERSION=\"39 (Server Edition)\"\nID=fedora\nVERSION_ID=39\nPRETTY_NAME=\"Fedora Linux 39 (Server Edition)\"\nVARIANT_ID=server\n"
write /etc/redhat-release "Fedora release 39 (Thirty Nine)\n"
write /etc/hostname "fedora-test.example.com\n"
write /etc/fstab "/dev/mapper/fedora-root / ext4 defaults 1 1\nPARTUUID=8f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b /boot ext4 defaults 1 2\n/dev/mapper/fedora-swap none swap defaults 0 0\n"
upload inspect-rpmdb.sqlite /usr/lib/sysimage/rpm/rpmdb.sqlite
upload inspect-logo.png /usr/share/icons/hicolor/96x96/apps/fedora-logo-icon.png
umount-all

# ---- CentOS 7: /dev/sdc ----
part-disk /dev/sdc mbr
mkfs ext4 /dev/sdc1
set-e2uuid /dev/sdc1 $CENTOS_UUID
mount /dev/sdc1 /
mkdir-p /bin
mkdir-p /etc/sysconfig
mkdir-p /var/lib/rpm
upload inspect-elf-x86_64 /bin/bash
write /etc/centos-release "CentOS Linux release 7.9.2009 (Core)\n"
ln-s centos-release /etc/redhat-release
write /etc/os-release "NAME=\"CentOS Linux\"\nVERSION=\"7 (Core)\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"7\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n"
write /etc/sysconfig/network "# Created by anaconda\nNETWORKING=yes\nHOSTNAME=centos7.example.com\n"
write /etc/fstab "UUID=$CENTOS_UUID / ext4 defaults 1 1\n"
upload inspect-rpm-Packages /var/lib/rpm/Packages
umount-all

# ---- Windows: /dev/sdd (C:) and /dev/sde (D:) ----
# Windows starts its partition at 1 MiB, and the SYSTEM hive's
# MountedDevices records that offset: so no part-disk (whose start is
# its own choice)
part-init /dev/sdd mbr
part-add /dev/sdd p 2048 -2048
pwrite-device /dev/sdd GKGK 440
mkfs ntfs /dev/sdd1
mount /dev/sdd1 /
mkdir-p /Windows/System32/config
mkdir-p "/Program Files/7-Zip"
mkdir-p "/System Volume Information"
upload inspect-cmd.exe /Windows/System32/cmd.exe
upload inspect-software.hive /Windows/System32/config/SOFTWARE
upload inspect-system.hive /Windows/System32/config/SYSTEM
write /Windows/win.ini "; for 16-bit app support\r\n"
umount-all
part-disk /dev/sde gpt
part-set-gpt-guid /dev/sde 1 $D_GUID
mkfs ntfs /dev/sde1
mount /dev/sde1 /
mkdir-p "/System Volume Information"
mkdir-p /Data
write /Data/readme.txt "data volume\r\n"
umount-all

# ---- Ubuntu on two disks: /dev/sdf (/) and /dev/sdg (/home) ----
part-disk /dev/sdf mbr
mkfs ext4 /dev/sdf1
part-disk /dev/sdg mbr
mkfs ext4 /dev/sdg1 label:home
mount /dev/sdf1 /
mkdir-p /usr/bin
ln-s usr/bin /bin
mkdir-p /etc
mkdir-p /home
upload inspect-elf-x86_64 /usr/bin/bash
write /etc/os-release "PRETTY_NAME=\"Ubuntu 22.04.3 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.3 LTS (Jammy Jellyfish)\"\nID=ubuntu\nID_LIKE=debian\n"
write /etc/lsb-release "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.3 LTS\"\n"
write /etc/debian_version "bookworm/sid\n"
write /etc/hostname "ubuntu-multi\n"
write /etc/fstab "/dev/vda1 / ext4 defaults 0 1\n/dev/vdb1 /home ext4 defaults 0 2\n"
mkdir-p /var/lib/dpkg
upload inspect-dpkg-status /var/lib/dpkg/status
mount /dev/sdg1 /home
mkdir-p /home/user
write /home/user/.profile "# profile\n"
umount-all

# ---- two operating systems on one disk: /dev/sdh ----
part-init /dev/sdh mbr
part-add /dev/sdh p 2048 63487
part-add /dev/sdh p 63488 -2048
mkfs ext4 /dev/sdh1
mkfs ext4 /dev/sdh2
mount /dev/sdh1 /
mkdir-p /bin
mkdir-p /etc
mkdir-p /lib/apk/db
upload inspect-elf-x86_64 /bin/sh
write /etc/os-release "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n"
write /etc/alpine-release "3.19.1\n"
write /etc/hostname "alpine-test\n"
write /etc/fstab "/dev/sda1 / ext4 rw,relatime 0 1\n"
upload inspect-apk-installed /lib/apk/db/installed
umount-all
mount /dev/sdh2 /
mkdir-p /usr/bin
ln-s usr/bin /bin
mkdir-p /etc
mkdir-p /var/lib/pacman/local/bash-5.2.026-2
mkdir-p /var/lib/pacman/local/zstd-1.5.5-1
upload inspect-elf-x86_64 /usr/bin/bash
write /etc/os-release "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\nBUILD_ID=rolling\n"
write /etc/arch-release ""
write /etc/hostname "arch-test\n"
write /etc/fstab "/dev/sda2 / ext4 rw,relatime 0 1\n"
write /var/lib/pacman/local/ALPM_DB_VERSION "9\n"
write /var/lib/pacman/local/bash-5.2.026-2/desc "%NAME%\nbash\n\n%VERSION%\n5.2.026-2\n\n%DESC%\nThe GNU Bourne Again shell\n\n%URL%\nhttps://www.gnu.org/software/bash/bash.html\n\n%ARCH%\nx86_64\n\n"
write /var/lib/pacman/local/zstd-1.5.5-1/desc "%NAME%\nzstd\n\n%VERSION%\n1:1.5.5-1\n\n%DESC%\nZstandard - Fast real-time compression algorithm\n\n%ARCH%\nx86_64\n\n"
umount-all

# ---- no operating system: /dev/sdi ----
part-disk /dev/sdi mbr
mkfs ext4 /dev/sdi1 label:data
mount /dev/sdi1 /
mkdir-p /etc
write /etc/notes.txt "just data\n"
umount-all

# ---- hostile: /dev/sdj ----
part-disk /dev/sdj mbr
mkfs ext4 /dev/sdj1
mount /dev/sdj1 /
mkdir-p /etc
mkdir-p /bin
mkdir-p /var/lib/dpkg/status
ln-s /proc/self/exe /bin/bash
ln-s ../../../../../../proc/self/exe /bin/ls
ln-s /bin/echo /bin/echo
ln-s /proc/sys/kernel/hostname /etc/hostname
mkfifo 0644 /etc/HOSTNAME
ln-s lsb-release /etc/lsb-release
write /etc/os-release "ID=debian\nVERSION_ID=\"99999999999999999999\"\nPRETTY_NAME='Not \"quite\" Debian'\n"
fallocate64 /etc/debian_version 3000000
write /etc/fstab "UUID= / ext4\n/dev/sdj1\n/dev/sdj1 /../../run ext4 defaults\n/dev/sdzz9 /srv ext4 defaults\nLABEL=nosuchlabel /home ext4 defaults\n/dev/sdj1 / ext4 defaults 0 1\n"
umount-all

# ---- Ubuntu 22.04: /dev/sdk, GPT ----
part-init /dev/sdk gpt
part-add /dev/sdk p 2048 34815
part-add /dev/sdk p 34816 -2048
part-set-gpt-type /dev/sdk 1 C12A7328-F81F-11D2-BA4B-00A0C93EC93B
mkfs vfat /dev/sdk1
# the FAT volume ID (offset 39 of a FAT12/16 boot sector): 4645-4B47
pwrite-device /dev/sdk1 GKEF 39
mkfs ext4 /dev/sdk2
set-e2uuid /dev/sdk2 $UBUNTU_UUID
mount /dev/sdk2 /
mkdir-p /boot/efi
mkdir-p /usr/bin
mkdir-p /usr/lib
ln-s usr/bin /bin
ln-s usr/lib /lib
mkdir-p /etc
mkdir-p /var/lib/dpkg
mkdir-p /home/ubuntu
upload inspect-elf-x86_64 /usr/bin/bash
write /usr/lib/os-release "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\nSUPPORT_URL=\"https://help.ubuntu.com/\"\nBUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\nPRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\nUBUNTU_CODENAME=jammy\n"
ln-s ../usr/lib/os-release /etc/os-release
write /etc/lsb-release "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\"\n"
write /etc/debian_version "bookworm/sid\n"
write /etc/hostname "jammy-server\n"
write /etc/hosts "127.0.0.1 localhost\n127.0.1.1 jammy-server\n"
write /etc/fstab "# /etc/fstab: static file system information.\n#\n# Use 'blkid' to print the universally unique identifier for a\n# device; this may be used with UUID= as a more robust way to name devices\n# that works even if disks are added and removed. See fstab(5).\n#\n# <file system> <mount point>   <type>  <options>       <dump>  <pass>\n# / was on /dev/ubuntu-vg/ubuntu-lv during curtin installation\n/dev/disk/by-uuid/$UBUNTU_UUID / ext4 defaults 0 1\n# /boot/efi was on /dev/sda1 during curtin installation\n/dev/disk/by-uuid/4645-4B47 /boot/efi vfat defaults 0 1\n/swap.img\tnone\tswap\tsw\t0\t0\n"
upload inspect-dpkg-status-ubuntu /var/lib/dpkg/status
umount-all

# ---- Alpine 3.19: /dev/sdl ----
part-disk /dev/sdl mbr
mkfs ext4 /dev/sdl1
set-e2uuid /dev/sdl1 $ALPINE_UUID
mount /dev/sdl1 /
mkdir-p /bin
mkdir-p /etc/apk
mkdir-p /lib/apk/db
mkdir-p /media/cdrom
upload inspect-elf-x86_64 /bin/busybox
ln-s /bin/busybox /bin/sh
ln-s /bin/busybox /bin/ls
write /etc/os-release "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
write /etc/alpine-release "3.19.1\n"
write /etc/hostname "alpine-vm\n"
write /etc/hosts "127.0.0.1\talpine-vm localhost.localdomain localhost\n"
write /etc/apk/world "alpine-base\n"
write /etc/fstab "UUID=$ALPINE_UUID\t/\text4\trw,relatime 0 1\n/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto\t0 0\ntmpfs\t/tmp\ttmpfs\tnosuid,nodev\t0\t0\n"
upload inspect-apk-installed /lib/apk/db/installed
umount-all

# ---- Arch Linux: /dev/sdm ----
part-disk /dev/sdm mbr
mkfs ext4 /dev/sdm1
set-e2uuid /dev/sdm1 $ARCH_UUID
mount /dev/sdm1 /
mkdir-p /usr/bin
mkdir-p /usr/lib
ln-s usr/bin /bin
ln-s usr/lib /lib
mkdir-p /etc
mkdir-p /var/lib/pacman/local/bash-5.2.026-2
mkdir-p /var/lib/pacman/local/filesystem-2024.01.19-1
mkdir-p /var/lib/pacman/local/linux-6.7.4.arch1-1
mkdir-p /var/lib/pacman/local/python-3.11.7-1
mkdir-p /var/lib/pacman/local/zstd-1.5.5-1
upload inspect-elf-x86_64 /usr/bin/bash
write /usr/lib/os-release "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\nBUILD_ID=rolling\nANSI_COLOR=\"38;2;23;147;209\"\nHOME_URL=\"https://archlinux.org/\"\nDOCUMENTATION_URL=\"https://wiki.archlinux.org/\"\nSUPPORT_URL=\"https://bbs.archlinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.archlinux.org/groups/archlinux/-/issues\"\nPRIVACY_POLICY_URL=\"https://terms.archlinux.org/docs/privacy-policy/\"\nLOGO=archlinux-logo\n"
ln-s ../usr/lib/os-release /etc/os-release
write /etc/arch-release ""
write /etc/hostname "archvm\n"
write /etc/fstab "# Static information about the filesystems.\n# See fstab(5) for details.\n\n# <file system> <dir> <type> <options> <dump> <pass>\n# /dev/sda1\nUUID=$ARCH_UUID\t/         \text4      \trw,relatime\t0 1\n\n"
write /var/lib/pacman/local/ALPM_DB_VERSION "9\n"
write /var/lib/pacman/local/bash-5.2.026-2/desc "%NAME%\nbash\n\n%VERSION%\n5.2.026-2\n\n%BASE%\nbash\n\n%DESC%\nThe GNU Bourne Again shell\n\n%URL%\nhttps://www.gnu.org/software/bash/bash.html\n\n%ARCH%\nx86_64\n\n%BUILDDATE%\n1704877000\n\n%INSTALLDATE%\n1706000000\n\n%PACKAGER%\nLukas Fleischer <lfleischer@archlinux.org>\n\n%SIZE%\n9381022\n\n%REASON%\n1\n\n%LICENSE%\nGPL-3.0-or-later\n\n%VALIDATION%\npgp\n\n%DEPENDS%\nreadline\nglibc\nncurses\n\n"
write /var/lib/pacman/local/filesystem-2024.01.19-1/desc "%NAME%\nfilesystem\n\n%VERSION%\n2024.01.19-1\n\n%BASE%\nfilesystem\n\n%DESC%\nBase Arch Linux files\n\n%URL%\nhttps://archlinux.org\n\n%ARCH%\nany\n\n%LICENSE%\nGPL\n\n"
write /var/lib/pacman/local/linux-6.7.4.arch1-1/desc "%NAME%\nlinux\n\n%VERSION%\n6.7.4.arch1-1\n\n%BASE%\nlinux\n\n%DESC%\nThe Linux kernel and modules\n\n%URL%\nhttps://github.com/archlinux/linux/commits/v6.7.4-arch1\n\n%ARCH%\nx86_64\n\n"
write /var/lib/pacman/local/python-3.11.7-1/desc "%NAME%\npython\n\n%VERSION%\n3.11.7-1\n\n%BASE%\npython\n\n%DESC%\nNext generation of the python high-level scripting language\n\n%URL%\nhttps://www.python.org/\n\n%ARCH%\nx86_64\n\n"
write /var/lib/pacman/local/zstd-1.5.5-1/desc "%NAME%\nzstd\n\n%VERSION%\n1:1.5.5-1\n\n%BASE%\nzstd\n\n%DESC%\nZstandard - Fast real-time compression algorithm\n\n%URL%\nhttps://facebook.github.io/zstd/\n\n%ARCH%\nx86_64\n\n"
umount-all
GF

for i in $imgs; do
    mv "inspect-${i%:*}.img.tmp" "inspect-${i%:*}.img"
done
