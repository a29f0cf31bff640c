/* guestfsd: mkfs — make an ext2/3/4, FAT, XFS, btrfs or NTFS filesystem
 * by running that filesystem's own mkfs program.  The optional arguments
 * are checked here, per filesystem, so a bad one gets a clear error
 * rather than whatever the program prints. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* Bits of optargs_bitmask: the optargs' order in the API table. */
#define OPT_BLOCKSIZE  (UINT64_C(1) << 0)
#define OPT_FEATURES   (UINT64_C(1) << 1)
#define OPT_INODE      (UINT64_C(1) << 2)
#define OPT_SECTORSIZE (UINT64_C(1) << 3)
#define OPT_LABEL      (UINT64_C(1) << 4)

enum fs_kind { FS_EXT, FS_FAT, FS_XFS, FS_BTRFS, FS_NTFS };

struct fs_info {
  const char *name;
  enum fs_kind kind;
  const char *program;
  size_t label_max;             /* longest label, in characters */
};

static const struct fs_info filesystems[] = {
  { "ext2",  FS_EXT,   "mke2fs",     16 },
  { "ext3",  FS_EXT,   "mke2fs",     16 },
  { "ext4",  FS_EXT,   "mke2fs",     16 },
  { "vfat",  FS_FAT,   "mkfs.fat",   11 },
  { "fat",   FS_FAT,   "mkfs.fat",   11 },
  { "msdos", FS_FAT,   "mkfs.fat",   11 },
  { "xfs",   FS_XFS,   "mkfs.xfs",   12 },
  { "btrfs", FS_BTRFS, "mkfs.btrfs", 255 },
  { "ntfs",  FS_NTFS,  "mkntfs",     128 },
};

static bool
is_power_of_2 (unsigned long v)
{
  return v != 0 && (v & (v - 1)) == 0;
}

/* Characters in a UTF-8 string (NTFS limits labels in UTF-16 units,
 * which is close enough for a check before mkntfs). */
static size_t
utf8_chars (const char *s)
{
  size_t n = 0;

  for (; *s; ++s)
    if (((unsigned char) *s & 0xc0) != 0x80)
      n++;
  return n;
}

int
do_mkfs (const char *fstype, const char *device, int blocksize,
         const char *features, int inode, int sectorsize, const char *label)
{
  const struct fs_info *fs = NULL;
  const char *argv[32];
  size_t n = 0;
  char blocksize_s[32], inode_s[32];
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *err = NULL;
  int r;

  for (size_t i = 0; i < sizeof filesystems / sizeof filesystems[0]; ++i)
    if (STREQ (fstype, filesystems[i].name))
      fs = &filesystems[i];
  if (fs == NULL) {
    reply_with_error ("%s: unsupported filesystem type: use ext2, ext3, ext4, vfat, fat, msdos, xfs, btrfs or ntfs",
                      fstype);
    return -1;
  }

  argv[n++] = fs->program;
  switch (fs->kind) {
  case FS_EXT:
    argv[n++] = "-F";
    argv[n++] = "-t";
    argv[n++] = fs->name;
    break;
  case FS_FAT:
    argv[n++] = "-I";           /* also on a whole, unpartitioned disk */
    break;
  case FS_XFS:
  case FS_BTRFS:
    argv[n++] = "-f";
    break;
  case FS_NTFS:
    /* Quick (no zeroing, no bad block scan); -F also on a whole disk.
     * The check for mounted devices that -F skips is done below. */
    argv[n++] = "-Q";
    argv[n++] = "-F";
    break;
  }

  if (optargs_bitmask & OPT_BLOCKSIZE) {
    if (blocksize <= 0 || !is_power_of_2 (blocksize)) {
      reply_with_error ("block size must be > 0 and a power of 2");
      return -1;
    }
    switch (fs->kind) {
    case FS_EXT:
      snprintf (blocksize_s, sizeof blocksize_s, "%d", blocksize);
      argv[n++] = "-b";
      argv[n++] = blocksize_s;
      break;
    case FS_FAT: {
      /* The cluster size, given to mkfs.fat in sectors. */
      int ss;
      CLEANUP_CLOSE int sfd = open (device, O_RDONLY | O_CLOEXEC);
      if (sfd == -1 || ioctl (sfd, BLKSSZGET, &ss) == -1) {
        reply_with_perror ("%s: sector size", api);
        return -1;
      }
      if (ss <= 0 || blocksize < ss || blocksize / ss > 128) {
        reply_with_error ("%s: cluster size %d is not possible with %d byte sectors (from 1 to 128 sectors)",
                          api, blocksize, ss);
        return -1;
      }
      snprintf (blocksize_s, sizeof blocksize_s, "%d", blocksize / ss);
      argv[n++] = "-s";
      argv[n++] = blocksize_s;
      break;
    }
    case FS_XFS:
      snprintf (blocksize_s, sizeof blocksize_s, "size=%d", blocksize);
      argv[n++] = "-b";
      argv[n++] = blocksize_s;
      break;
    case FS_BTRFS:
      reply_with_error ("blocksize cannot be set on btrfs filesystems");
      return -1;
    case FS_NTFS:
      snprintf (blocksize_s, sizeof blocksize_s, "%d", blocksize);
      argv[n++] = "-c";
      argv[n++] = blocksize_s;
      break;
    }
  }

  if (optargs_bitmask & OPT_FEATURES) {
    if (fs->kind != FS_EXT) {
      reply_with_error ("features can only be set on ext2, ext3 and ext4 filesystems");
      return -1;
    }
    argv[n++] = "-O";
    argv[n++] = features;
  }

  if (optargs_bitmask & OPT_INODE) {
    if (fs->kind != FS_EXT) {
      reply_with_error ("the inode size can only be set on ext2, ext3 and ext4 filesystems");
      return -1;
    }
    if (inode <= 0) {
      reply_with_error ("inode size must be larger than zero");
      return -1;
    }
    snprintf (inode_s, sizeof inode_s, "%d", inode);
    argv[n++] = "-I";
    argv[n++] = inode_s;
  }

  if (optargs_bitmask & OPT_SECTORSIZE) {
    (void) sectorsize;
    reply_with_error ("sectorsize is only supported for ufs filesystems, not %s",
                      fs->name);
    return -1;
  }

  if (optargs_bitmask & OPT_LABEL) {
    size_t len = fs->kind == FS_NTFS ? utf8_chars (label) : strlen (label);
    if (len > fs->label_max) {
      reply_with_error ("%s: %s labels are limited to %zu %s",
                        label, fs->name, fs->label_max,
                        fs->kind == FS_NTFS ? "characters" : "bytes");
      return -1;
    }
    argv[n++] = fs->kind == FS_FAT ? "-n" : "-L";
    argv[n++] = label;
  }

  argv[n++] = device;
  argv[n] = NULL;

  /* Erase old signatures first: mkntfs -Q and mkfs.fat leave what they
   * do not overwrite (a btrfs superblock at 64 KiB, say), and libblkid
   * would then see two filesystems and report none.  The exclusive open
   * this needs also refuses a device that is mounted or has a mounted
   * partition, which each mkfs program checks differently, and mkntfs -F
   * not at all. */
  if (blockdev_wipe_signatures (device) == -1) {
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: device is in use (mounted?)", api);
    else
      reply_with_perror ("%s: erasing old signatures", api);
    return -1;
  }

  r = commandv (NULL, &err, argv, -1);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: %s: %s", api, fs->program,
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return -1;
  }
  /* A filesystem on a whole disk replaced its partition table. */
  if (!blockdev_is_partition (device) &&
      blockdev_reread_partitions (device, true) == -1) {
    reply_with_perror ("%s: re-reading the partition table", api);
    return -1;
  }
  return 0;
}
