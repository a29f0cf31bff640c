/* guestfsd: helpers shared by the LVM, LUKS and MD RAID calls (lvm-*.c,
 * luks.c, md.c, dm-name.c, storage-scan.c), and the hooks through which
 * device names (device-name.c) and list_filesystems (blkid.c) learn about
 * logical volumes, device-mapper and MD devices.  Functions that reply say
 * so; the others leave the reply to their caller. */

#ifndef GUESTFSD_LVM_H_
#define GUESTFSD_LVM_H_

#include <stdbool.h>
#include <stddef.h>

/* ---- storage-scan.c ----
 * libguestfs assembles MD arrays and activates LVM volume groups when the
 * appliance boots.  guestkit does it the first time something needs it
 * (a storage call, list_filesystems, or a /dev path that does not exist
 * yet), and only when some device carries a RAID or LVM signature: most
 * launches never pay for it. */
extern void storage_activate_once (void);
/* The kernel paths of the block devices LVM or mdadm could use (disks,
 * partitions, MD and device-mapper devices), NULL-terminated, malloc'd;
 * NULL with errno on error. */
extern char **storage_block_devices (void);
/* Does some block device hold a signature of this type ("LVM2_member")? */
extern bool storage_any_signature (const char *type);

/* ---- lvm-run.c ---- */
/* Run "lvm ARGS..." with its stdout in *out (if out is not NULL).  On
 * failure reply "WHAT: <what lvm said>" and return -1.  what may be NULL
 * (then the message is lvm's alone). */
extern int lvm_run (char **out, const char *what, const char *const *args);
/* The same without replying: 0, or lvm's exit status (-1 if it could
 * not run) with what it said, tidied, in *err (malloc'd). */
extern int lvm_run_err (char **out, char **err, const char *const *args);
/* The same with the arguments listed, NULL-terminated. */
extern int lvm_cmd (char **out, const char *what, ...)
  __attribute__((sentinel));
/* Run "lvm ARGS..." ignoring failure (best-effort activation). */
extern void lvm_cmd_quiet (const char *arg, ...) __attribute__((sentinel));
/* Tidy a program's stderr for an error message in place: no leading
 * indentation, no LVM backup warnings, no trailing newline. */
extern void lvm_tidy_message (char *msg);
/* Is s a name LVM accepts for a VG or LV (letters, digits, + _ . -, not
 * starting with '-', not "." or "..")? */
extern bool lvm_valid_name (const char *s);

/* ---- lvm-list.c ---- */
/* Run "lvm CMD --noheadings -o FIELD [TARGET]" and return its non-empty
 * lines, trimmed: one value a line.  Replies "WHAT: ..." on error. */
extern char **lvm_column (const char *what, const char *cmd,
                          const char *field, const char *target);
/* The public LVs as "/dev/VG/LV", sorted (the list lvs returns); replies
 * on error. */
extern char **lvm_list_lvs (void);

/* ---- dm-name.c ---- */
/* If the kernel block device dev (any path naming it: /dev/dm-N,
 * /dev/mapper/VG-LV, /dev/VG/LV) is an active public logical volume,
 * "/dev/VG/LV" (malloc'd).  Otherwise NULL: errno 0 if it is not one,
 * else the error.  Reads sysfs only: cheap. */
extern char *dm_lv_name (const char *dev);
/* Is dev a device-mapper device?  If so and name_r is not NULL, *name_r
 * gets its device-mapper name (malloc'd). */
extern bool dm_device_name (const char *dev, char **name_r);
/* Does the device-mapper uuid of dev start with prefix ("CRYPT-")? */
extern bool dm_device_uuid_has_prefix (const char *dev, const char *prefix);
/* The API name of a device-mapper kernel device: "/dev/VG/LV" for a
 * logical volume, "/dev/mapper/NAME" for others, NULL if dev is not a
 * device-mapper device (or on error).  device-name.c uses this. */
extern char *dm_device_to_api (const char *dev);
/* "/dev/VG/LV" for a kernel device that is a logical volume; otherwise
 * reply "DEV: not a logical volume" (EINVAL) and return NULL. */
extern char *lv_path_or_reply (const char *dev);

/* ---- listfs-storage.c: what list_filesystems adds (blkid.c) ---- */
/* Types that mark a container rather than a filesystem: LVM PVs, RAID
 * members ("*_member"), LUKS and BitLocker. */
extern bool listfs_is_container (const char *type);
/* Open device-mapper devices that are not LVM's (LUKS and BitLocker
 * mappings...), as "/dev/mapper/NAME", sorted.  Replies and returns NULL
 * on error. */
extern char **listfs_dm_devices (void);
/* MD arrays ("/dev/mdN", not partitioned), then the LVs ("/dev/VG/LV"),
 * each group sorted.  Replies and returns NULL on error. */
extern char **listfs_md_and_lvs (void);

/* ---- md.c ---- */
/* The active MD arrays as "/dev/mdN", sorted; NULL with errno. */
extern char **md_list_arrays (void);

#endif /* GUESTFSD_LVM_H_ */
