/* guestfsd: editing existing partitions — part_del and part_resize,
 * the bootable flag, and GPT partition names.  Every write goes through
 * blockdev_run_tool, so the kernel sees the new table before we reply. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <ctype.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* The EFI system partition type: what parted's "boot" flag means on
 * GPT. */
#define ESP_GUID "c12a7328-f81f-11d2-ba4b-00a0c93ec93b"

/* GPT partition names are 36 UTF-16 code units. */
#define GPT_NAME_UNITS 36

/* Kernel path of partition partnum of disk: "/dev/sda" 1 -> "/dev/sda1",
 * "/dev/nvme0n1" 1 -> "/dev/nvme0n1p1". */
static char *
partition_path (const char *disk, int partnum)
{
  size_t len = strlen (disk);
  char *r;

  if (asprintf (&r, "%s%s%d", disk,
                len > 0 && isdigit ((unsigned char) disk[len - 1]) ? "p" : "",
                partnum) == -1)
    return NULL;
  return r;
}

/* Is the partition's device open exclusively (mounted, a PV in use...)?
 * A missing device node is not in use. */
static bool
partition_in_use (const char *disk, int partnum)
{
  CLEANUP_FREE char *path = partition_path (disk, partnum);
  int fd;

  if (path == NULL)
    return false;
  fd = open (path, O_RDONLY | O_EXCL | O_CLOEXEC);
  if (fd >= 0) {
    close (fd);
    return false;
  }
  return errno == EBUSY;
}

int
do_part_del (const char *device, int partnum)
{
  struct blockdev_partinfo pi;
  char num[16];

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return -1;
  /* parted would refuse too, but name the kernel's device. */
  if (partition_in_use (device, partnum)) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error_errno (EBUSY, "%s: partition %d is in use (mounted?): "
                            "it cannot be deleted", api, partnum);
    return -1;
  }
  snprintf (num, sizeof num, "%d", partnum);
  {
    const char *cmds[] = { "rm", num, NULL };
    return blockdev_parted (device, cmds);
  }
}

int
do_part_resize (const char *device, int partnum, int64_t endsect)
{
  struct blockdev_partinfo pi;
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_CLOSE int fd = -1;
  uint64_t disk_bytes;
  int ss;
  int64_t nsectors, newend;
  bool shrink;
  char num[16], end[32];

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return -1;

  /* parted counts in logical sectors, libblkid in 512-byte units. */
  fd = open (device, O_RDONLY | O_CLOEXEC);
  if (fd == -1 || ioctl (fd, BLKGETSIZE64, &disk_bytes) == -1 ||
      ioctl (fd, BLKSSZGET, &ss) == -1) {
    reply_with_perror ("%s", api);
    return -1;
  }
  close (fd);
  fd = -1;
  if (ss <= 0) {
    reply_with_error ("%s: bad sector size %d", api, ss);
    return -1;
  }
  nsectors = disk_bytes / ss;
  newend = endsect >= 0 ? endsect : nsectors + endsect;
  if (newend < 0 || newend >= nsectors) {
    reply_with_error ("%s: end sector %" PRIi64 " is outside the disk "
                      "(%" PRIi64 " sectors)", api, endsect, nsectors);
    return -1;
  }
  shrink = (uint64_t) (newend + 1) * ss < pi.start_bytes + pi.size_bytes;

  /* Growing a partition in use is how filesystems are grown online;
   * shrinking one would pull the ground from under its user. */
  if (shrink && partition_in_use (device, partnum)) {
    reply_with_error_errno (EBUSY, "%s: partition %d is in use (mounted?): "
                            "it cannot be shrunk", api, partnum);
    return -1;
  }

  snprintf (num, sizeof num, "%d", partnum);
  snprintf (end, sizeof end, "%" PRIi64 "s", endsect);
  {
    /* parted -s answers "no" to its confirmations (shrinking, a
     * partition in use), so talk to it as a terminal would.  "Ignore"
     * answers the question about a GPT that does not span the disk as
     * -s does; given to a yes/no question it is refused and the
     * question asked again, so the answers fit whichever are asked. */
    const char *argv[] = {
      "parted", "---pretend-input-tty", "--", device, "resizepart", num, end,
      NULL
    };
    return blockdev_run_tool (device, argv, "Ignore\nYes\nYes\n");
  }
}

int
do_part_get_bootable (const char *device, int partnum)
{
  struct blockdev_partinfo pi;

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return -1;
  if (STREQ (pi.pttype, "dos"))
    return pi.flags != 0;
  if (STREQ (pi.pttype, "gpt"))
    return strcasecmp (pi.type_guid, ESP_GUID) == 0;
  {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: unsupported partition table type %s", api,
                      pi.pttype);
  }
  return -1;
}

int
do_part_set_bootable (const char *device, int partnum, int bootable)
{
  struct blockdev_partinfo pi;
  char num[16];

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return -1;
  snprintf (num, sizeof num, "%d", partnum);
  {
    const char *cmds[] = { "set", num, "boot", bootable ? "on" : "off", NULL };
    return blockdev_parted (device, cmds);
  }
}

char *
do_part_get_name (const char *device, int partnum)
{
  struct blockdev_partinfo pi;
  char *r;

  if (blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return NULL;
  r = strdup (pi.name);
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

/* Number of UTF-16 code units of a UTF-8 string, or -1 if it is not
 * valid UTF-8. */
static ssize_t
utf16_units (const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  ssize_t n = 0;

  while (*p) {
    uint32_t c;
    int more;

    if (*p < 0x80)
      c = *p, more = 0;
    else if ((*p & 0xe0) == 0xc0)
      c = *p & 0x1f, more = 1;
    else if ((*p & 0xf0) == 0xe0)
      c = *p & 0x0f, more = 2;
    else if ((*p & 0xf8) == 0xf0)
      c = *p & 0x07, more = 3;
    else
      return -1;
    p++;
    for (int i = 0; i < more; ++i, ++p) {
      if ((*p & 0xc0) != 0x80)
        return -1;
      c = (c << 6) | (*p & 0x3f);
    }
    /* Overlong forms, surrogates and out-of-range values. */
    if ((more == 1 && c < 0x80) || (more == 2 && c < 0x800) ||
        (more == 3 && c < 0x10000) || c > 0x10ffff ||
        (c >= 0xd800 && c <= 0xdfff))
      return -1;
    n += c >= 0x10000 ? 2 : 1;
  }
  return n;
}

int
do_part_set_name (const char *device, int partnum, const char *name)
{
  struct blockdev_partinfo pi;
  ssize_t units = utf16_units (name);
  char num[16];

  if (blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return -1;
  if (units == -1) {
    reply_with_error_errno (EINVAL, "the name is not valid UTF-8");
    return -1;
  }
  if (units > GPT_NAME_UNITS) {
    reply_with_error_errno (EINVAL, "the name is too long: a GPT partition "
                            "name holds at most %d UTF-16 characters",
                            GPT_NAME_UNITS);
    return -1;
  }
  snprintf (num, sizeof num, "%d", partnum);
  {
    /* Not parted: it splits the name at spaces and drops quotes. */
    const char *argv[] = {
      "sfdisk", "--part-label", "--", device, num, name, NULL
    };
    return blockdev_run_tool (device, argv, NULL);
  }
}
