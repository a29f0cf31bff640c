/* guestfsd: helpers shared by the block device, partitioning, probing,
 * mkfs and mount calls (devices.c, blkid.c, parted.c, part-*.c, mkfs.c,
 * mount.c).  Unless a comment says it replies, a helper returns an error
 * indication with errno set and leaves the reply to the caller. */

#ifndef GUESTFSD_BLOCKDEV_H_
#define GUESTFSD_BLOCKDEV_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* devices.c */
/* The API name of a kernel device ("/dev/sdc1" -> "/dev/sda1"), for
 * messages: the kernel may name the disks differently.  malloc'd;
 * errno is preserved. */
extern char *blockdev_api_name (const char *dev);
/* Is this kernel device (e.g. "/dev/sdc1") a partition? */
extern bool blockdev_is_partition (const char *dev);
/* "/dev/sdc1" -> "/dev/sdc", malloc'd; NULL with errno on error. */
extern char *blockdev_parent_disk (const char *dev);
/* Kernel names ("sdc1") of the partitions the kernel knows on a disk
 * ("sdc" or "/dev/sdc"), sorted by partition number; NULL-terminated,
 * malloc'd; NULL with errno on error. */
extern char **blockdev_disk_partitions (const char *disk);
/* After the partition table of disk changed: if rrpart, ask the kernel to
 * re-read it (BLKRRPART; a disk with a partition in use keeps its
 * partitions), then wait for the partitions' /dev nodes and tell
 * device-name.c that devices changed.  -1 with errno on error. */
extern int blockdev_reread_partitions (const char *disk, bool rrpart);

/* blkid.c */
/* Value of a superblock tag ("TYPE", "LABEL", "UUID") of the filesystem
 * on a kernel device: malloc'd, "" if there is none; NULL with errno if
 * the device could not be probed. */
extern char *blockdev_fs_tag (const char *dev, const char *tag);

/* One entry of a disk's partition table, as read from the disk. */
struct blockdev_part {
  int num;                      /* partition number, from 1 */
  int64_t start, size;          /* bytes */
  bool extended;                /* MBR extended partition */
  int mbr_id;                   /* MBR type byte (0 for GPT) */
  char type_guid[40];           /* GPT type GUID ("" for MBR) */
};
/* Read the partition table on a kernel disk: *type_r gets libblkid's
 * name for it ("dos", "gpt", ...), *parts_r the partitions of the disk's
 * own table in table order (both malloc'd).  Returns 0, 1 if there is no
 * partition table, -1 with errno on error (EINVAL: corrupt table). */
extern int blockdev_read_ptable (const char *disk, char **type_r,
                                 struct blockdev_part **parts_r, size_t *n_r);

/* Erase every filesystem, RAID and partition table signature on a
 * device (both GPT headers included), as wipefs -a does, so nothing old
 * is detected next to what is written next.  The device is opened
 * exclusively: EBUSY if it or one of its partitions is in use. */
extern int blockdev_wipe_signatures (const char *dev);

/* parted.c */
/* Run a partitioning program (argv[0] is parted, sgdisk, sfdisk...) on
 * device, with input (if not NULL) as its stdin, then bring the kernel's
 * partitions in line with the table as blockdev_reread_partitions does.
 * Replies on error ("DEV: PROGRAM: its message"); 0 or -1. */
extern int blockdev_run_tool (const char *device, const char *const *argv,
                              const char *input);
/* blockdev_run_tool of "parted -s -- device cmds...". */
extern int blockdev_parted (const char *device, const char *const *cmds);

/* part-probe.c */
/* One partition of a disk's own table, with everything libblkid reads
 * from the table entry. */
struct blockdev_partinfo {
  char pttype[16];              /* libblkid's table name: "dos", "gpt" */
  char table_id[40];            /* GPT disk GUID, MBR disk signature */
  int num;                      /* partition number */
  uint64_t start_bytes, size_bytes;
  bool extended;                /* MBR extended partition */
  bool logical;                 /* MBR logical partition */
  int mbr_id;                   /* MBR type byte (0 on GPT) */
  char type_guid[40];           /* GPT type GUID ("" on MBR) */
  char uuid[40];                /* GPT partition GUID */
  char name[160];               /* GPT partition name, UTF-8 */
  uint64_t flags;               /* GPT attributes, MBR boot indicator */
};
/* Look up partition partnum of disk (a kernel device).  Replies and
 * returns -1 if partnum is not >= 1, the disk has no partition table or
 * no such partition, or it cannot be read.  If only_pttype is not NULL
 * ("gpt", "dos"), a table of another type is an error too. */
extern int blockdev_partinfo (const char *disk, int partnum,
                              const char *only_pttype,
                              struct blockdev_partinfo *pi);
/* The table type and id of disk (partnum 0 in pi): as blockdev_partinfo
 * without the partition. */
extern int blockdev_tableinfo (const char *disk, const char *only_pttype,
                               struct blockdev_partinfo *pi);
/* Replies and returns -1 unless partnum >= 1. */
extern int blockdev_check_partnum (int partnum);

#endif /* GUESTFSD_BLOCKDEV_H_ */
