/* guestfsd: filesystem labels and UUIDs of any type — set_label,
 * set_uuid, set_uuid_random — each done by the tool of the filesystem
 * type libblkid finds on the device.  Limits are checked here so that a
 * too long label is an error rather than silently cut short. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

/* Characters in a UTF-8 string (for NTFS's limit in characters). */
static size_t
utf8_chars (const char *s)
{
  size_t n = 0;

  for (; *s; ++s)
    if (((unsigned char) *s & 0xc0) != 0x80)
      n++;
  return n;
}

static bool
is_fat (const char *type)
{
  return STREQ (type, "vfat") || STREQ (type, "msdos") || STREQ (type, "fat");
}

static int
reply_notsup (const char *api, const char *type, const char *what)
{
  reply_with_error_errno (ENOTSUP, "%s: setting the %s of %s is not supported",
                          api, what, *type ? type : "a device with no filesystem");
  return -1;
}

static int
too_long (const char *label, const char *type, size_t max, const char *unit)
{
  reply_with_error ("%s: %s labels are limited to %zu %s", label, type, max,
                    unit);
  return -1;
}

/* Reply with EBUSY if the device is in use (XFS and btrfs tools would
 * corrupt a mounted filesystem or refuse obscurely). */
static int
check_unmounted (const char *dev)
{
  int busy = fs_device_busy (dev);

  if (busy == 1)
    return fs_reply_busy (dev);
  return busy;
}

int
fs_set_label (const char *dev, const char *label)
{
  CLEANUP_FREE char *type = fs_type (dev);
  CLEANUP_FREE char *api = blockdev_api_name (dev);
  CLEANUP_FREE char *xfs_cmd = NULL;
  const char *argv[10];
  size_t len = strlen (label);

  if (type == NULL)
    return -1;
  if (STREQ (type, "ext2") || STREQ (type, "ext3") || STREQ (type, "ext4")) {
    if (len > 16)
      return too_long (label, "ext2/3/4", 16, "bytes");
    argv[0] = "tune2fs"; argv[1] = "-L"; argv[2] = label; argv[3] = dev;
    argv[4] = NULL;
  }
  else if (STREQ (type, "ntfs")) {
    if (utf8_chars (label) > 128)
      return too_long (label, "NTFS", 128, "characters");
    argv[0] = "ntfslabel"; argv[1] = dev; argv[2] = label; argv[3] = NULL;
  }
  else if (STREQ (type, "xfs")) {
    if (len > 12)
      return too_long (label, "XFS", 12, "bytes");
    /* xfs_db splits its command line on white space. */
    if (strpbrk (label, " \t\n\r\v\f")) {
      reply_with_error ("%s: XFS labels cannot contain white space here", label);
      return -1;
    }
    if (check_unmounted (dev) == -1)
      return -1;
    if (asprintf (&xfs_cmd, "label %s", *label ? label : "--") == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
    argv[0] = "xfs_db"; argv[1] = "-x"; argv[2] = "-p"; argv[3] = "xfs_admin";
    argv[4] = "-c"; argv[5] = xfs_cmd; argv[6] = dev; argv[7] = NULL;
  }
  else if (STREQ (type, "btrfs")) {
    if (len > 255)
      return too_long (label, "btrfs", 255, "bytes");
    if (check_unmounted (dev) == -1)
      return -1;
    argv[0] = "btrfs"; argv[1] = "filesystem"; argv[2] = "label";
    argv[3] = dev; argv[4] = label; argv[5] = NULL;
  }
  else if (is_fat (type)) {
    if (len > 11)
      return too_long (label, "FAT", 11, "bytes");
    /* An empty label would make fatlabel print the label instead. */
    if (len == 0) {
      argv[0] = "fatlabel"; argv[1] = "-r"; argv[2] = dev; argv[3] = NULL;
    }
    else {
      argv[0] = "fatlabel"; argv[1] = dev; argv[2] = label; argv[3] = NULL;
    }
  }
  else if (STREQ (type, "swap")) {
    if (len > 16)
      return too_long (label, "swap", 16, "bytes");
    argv[0] = "swaplabel"; argv[1] = "-L"; argv[2] = label; argv[3] = dev;
    argv[4] = NULL;
  }
  else
    return reply_notsup (api, type, "label");
  return fs_command (api, argv, NULL);
}

int
do_set_label (const char *mountable, const char *label)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL;

  /* The label of a subvolume is its filesystem's. */
  if (daemon_split_mountable (mountable, &dev, &vol) == -1) {
    reply_with_perror ("%s", mountable);
    return -1;
  }
  return fs_set_label (dev, label);
}

int
fs_set_uuid (const char *dev, const char *uuid, bool random)
{
  CLEANUP_FREE char *type = fs_type (dev);
  CLEANUP_FREE char *api = blockdev_api_name (dev);
  CLEANUP_FREE char *xfs_cmd = NULL;
  const char *argv[10];

  if (type == NULL)
    return -1;
  if (!random && !fs_is_uuid (uuid)) {
    reply_with_error ("%s: not a valid UUID", uuid);
    return -1;
  }
  if (STREQ (type, "ext2") || STREQ (type, "ext3") || STREQ (type, "ext4")) {
    argv[0] = "tune2fs"; argv[1] = "-U"; argv[2] = random ? "random" : uuid;
    argv[3] = dev; argv[4] = NULL;
  }
  else if (STREQ (type, "xfs")) {
    if (check_unmounted (dev) == -1)
      return -1;
    if (asprintf (&xfs_cmd, "uuid %s", random ? "generate" : uuid) == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
    argv[0] = "xfs_db"; argv[1] = "-x"; argv[2] = "-p"; argv[3] = "xfs_admin";
    argv[4] = "-c"; argv[5] = xfs_cmd; argv[6] = dev; argv[7] = NULL;
  }
  else if (STREQ (type, "btrfs")) {
    if (check_unmounted (dev) == -1)
      return -1;
    /* -f: rewriting every metadata block's fsid is "dangerous". */
    if (random) {
      argv[0] = "btrfstune"; argv[1] = "-f"; argv[2] = "-u"; argv[3] = dev;
      argv[4] = NULL;
    }
    else {
      argv[0] = "btrfstune"; argv[1] = "-f"; argv[2] = "-U"; argv[3] = uuid;
      argv[4] = dev; argv[5] = NULL;
    }
  }
  else if (STREQ (type, "swap")) {
    char gen[64] = "";
    if (random) {
      int fd = open ("/proc/sys/kernel/random/uuid", O_RDONLY | O_CLOEXEC);
      ssize_t n = fd >= 0 ? read (fd, gen, sizeof gen - 1) : -1;
      if (fd >= 0)
        close (fd);
      if (n <= 0) {
        reply_with_perror ("generating a UUID");
        return -1;
      }
      gen[n] = '\0';
      trim_trailing (gen);
    }
    argv[0] = "swaplabel"; argv[1] = "-U"; argv[2] = random ? gen : uuid;
    argv[3] = dev; argv[4] = NULL;
    return fs_command (api, argv, NULL);
  }
  else
    return reply_notsup (api, type, "UUID");
  return fs_command (api, argv, NULL);
}

int
do_set_uuid (const char *device, const char *uuid)
{
  return fs_set_uuid (device, uuid, false);
}

int
do_set_uuid_random (const char *device)
{
  return fs_set_uuid (device, NULL, true);
}
