/* guestfsd: helpers shared by the filesystem tool calls — ext2.c,
 * e2attrs.c, swap.c, labels.c, fsmin.c, fsck.c, fsutil.c, mount2.c,
 * xfs.c, btrfs.c, ntfs.c — plus the two hooks the mount and probing code
 * calls (fs_mount in mount.c, btrfs_add_subvolumes in btrfs.c).  Unless
 * said otherwise these reply on error, once. */

#ifndef GUESTFSD_FS2_H_
#define GUESTFSD_FS2_H_

#include <stdbool.h>
#include <stdint.h>

#include "daemon.h"

/* Run argv.  On failure reply "<what>: <program>: <its stderr>" and
 * return -1.  *out_r (if not NULL) gets stdout, malloc'd. */
extern int fs_command (const char *what, const char *const *argv,
                       char **out_r);

/* The appliance path ("/sysroot/...") of a guest path, every component
 * resolved inside the guest root, for programs that take a path.  The
 * kernel writes it from the resolved object, so it holds no symlinks.
 * malloc'd. */
extern char *fs_real_path (const char *path);

/* Same for a path whose last component need not exist yet: the parent
 * is resolved and "/<last component>" appended. */
extern char *fs_real_path_new (const char *path);

/* Reply unless the appliance path is on a filesystem with this
 * statfs magic number (<linux/magic.h>); type names it. */
extern int fs_check_path_type (const char *real, const char *guest_path,
                               long magic, const char *type);

/* Filesystem type of a kernel device ("" if none found), malloc'd. */
extern char *fs_type (const char *dev);

/* Is a kernel device in use (mounted, swap, part of a mounted btrfs or
 * an active LVM/RAID set)?  Tested with an exclusive open.  1 or 0;
 * -1 (replied) if it cannot be opened at all. */
extern int fs_device_busy (const char *dev);

/* Reply "<api name>: device is in use (mounted?)" with EBUSY; -1. */
extern int fs_reply_busy (const char *dev);

/* Where a kernel device is mounted in the appliance (the first mount of
 * it, e.g. "/sysroot"), malloc'd; NULL if it is not mounted (errno 0) or
 * on error (errno set).  Does not reply. */
extern char *fs_device_mountpoint (const char *dev);

/* mount.c: mount a resolved mountable (kernel device or btrfsvol:) on a
 * guest path with mount(8)-style options; vfstype NULL probes. */
extern int fs_mount (const char *options, const char *vfstype,
                     const char *mountable, const char *mountpoint);

/* API name of a resolved mountable, for messages and results
 * ("btrfsvol:/dev/sda1/vol" or "/dev/sda1"), malloc'd (never NULL). */
extern char *fs_mountable_api_name (const char *mountable);

/* btrfs.c: mount a btrfs device (and subvolume, if vol is not NULL)
 * read-only or read-write on a private temporary directory outside the
 * guest tree; returns the directory, malloc'd.  fs_unmount_private
 * unmounts it and removes the directory (and frees it). */
extern char *btrfs_mount_private (const char *dev, const char *vol, bool ro);
extern void btrfs_unmount_private (char *dir);

/* btrfs.c, for list_filesystems: add "btrfsvol:<api>/<subvolume>",
 * "btrfs" for each subvolume of the btrfs filesystem on kdev except the
 * default one (mounting the device is what lists them).  Problems with
 * the filesystem only mean no subvolumes are listed; -1 (replied) on
 * allocation failure only. */
extern int btrfs_add_subvolumes (struct stringsbuf *sb, const char *kdev);

/* btrfs.c: make the kernel scan for the devices of multi-device btrfs
 * filesystems.  0 or -1; does not reply. */
extern int btrfs_scan (void);

/* btrfs.c: run "btrfs ARGS... [EXTRA...] <path>" on a guest path on a
 * mounted btrfs; *out_r (if not NULL) gets the output. */
extern int btrfs_on_path (const char *guest_path, const char *const *args,
                          const char *const *extra, char **out_r);
/* A "fs" argument that may be a guest path, a device or a btrfsvol:
 * mountable: *path_r gets the appliance path to run btrfs on and
 * *private_r the private mount (read-only if ro) to undo with
 * btrfs_unmount_private, or NULL. */
extern int btrfs_resolve_fs (const char *fs, bool ro, char **path_r,
                             char **private_r);
/* Reply unless q is a qgroup id, LEVEL/ID. */
extern int btrfs_check_qgroupid (const char *q);

/* xfs.c: the size in bytes of the XFS filesystem on a kernel device. */
extern int64_t xfs_fs_size (const char *dev);

/* labels.c: the shared bodies of set_label / set_e2label and of
 * set_uuid / set_e2uuid / set_uuid_random. */
extern int fs_set_label (const char *dev, const char *label);
extern int fs_set_uuid (const char *dev, const char *uuid, bool random);

/* Is s a UUID in the usual 8-4-4-4-12 hex form? */
extern bool fs_is_uuid (const char *s);

#endif /* GUESTFSD_FS2_H_ */
