/* guestfsd: questions about device names — which disk a partition is
 * on and its number, a disk's index, how many disks there are, whether a
 * device is a whole disk, the disks' labels and the device mapper
 * devices.  The answers come from sysfs, which the kernel keeps exact,
 * never from parsing the names. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* Longest label we report: the library accepts at most 20 letters. */
#define LABEL_MAX 64

/* "/dev/sda1" -> "sda1". */
static const char *
base_name (const char *dev)
{
  const char *b = strrchr (dev, '/');

  return b ? b + 1 : dev;
}

/* Read a small sysfs attribute into buf (NUL-terminated, trailing
 * newline removed).  Returns the length, or -1 with errno. */
static ssize_t
read_attr (const char *path, char *buf, size_t size)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  ssize_t n;

  if (fd == -1)
    return -1;
  n = read (fd, buf, size - 1);
  close (fd);
  if (n == -1)
    return -1;
  buf[n] = '\0';
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
    buf[--n] = '\0';
  return n;
}

/* Partition number of a kernel partition device, or -1 (errno EINVAL if
 * it is not a partition). */
static int
partition_number (const char *dev)
{
  char path[PATH_MAX], buf[32];
  char *end;
  long n;

  if (snprintf (path, sizeof path, "/sys/class/block/%s/partition",
                base_name (dev)) >= (int) sizeof path) {
    errno = EINVAL;
    return -1;
  }
  if (read_attr (path, buf, sizeof buf) == -1) {
    if (errno == ENOENT)
      errno = EINVAL;
    return -1;
  }
  errno = 0;
  n = strtol (buf, &end, 10);
  if (errno || end == buf || *end || n <= 0 || n > INT_MAX) {
    errno = EINVAL;
    return -1;
  }
  return n;
}

static void
not_a_partition (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);

  reply_with_error_errno (EINVAL, "%s: device name is not a partition", api);
}

char *
do_part_to_dev (const char *partition)
{
  CLEANUP_FREE char *disk = NULL;
  char *r;

  if (!blockdev_is_partition (partition)) {
    not_a_partition (partition);
    return NULL;
  }
  disk = blockdev_parent_disk (partition);
  if (disk == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (partition);
    reply_with_perror ("%s", api);
    return NULL;
  }
  r = daemon_device_to_api (disk);
  if (r == NULL)
    reply_with_perror ("part_to_dev");
  return r;
}

int
do_part_to_partnum (const char *partition)
{
  int n = partition_number (partition);

  if (n == -1) {
    if (errno == EINVAL)
      not_a_partition (partition);
    else {
      CLEANUP_FREE char *api = blockdev_api_name (partition);
      reply_with_perror ("%s", api);
    }
  }
  return n;
}

int
do_device_index (const char *device)
{
  const char *d;

  for (size_t i = 0; (d = daemon_kernel_disk (i)) != NULL; ++i)
    if (STRPREFIX (device, "/dev/") && STREQ (device + 5, d))
      return i;
  {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error_errno (ENOENT, "%s: device not found (not a whole disk)",
                            api);
  }
  return -1;
}

int
do_nr_devices (void)
{
  size_t n = 0;

  while (daemon_kernel_disk (n) != NULL)
    n++;
  return n;
}

int
do_is_whole_device (const char *device)
{
  char path[PATH_MAX];

  /* Disks have a device behind them; partitions, device mapper and md
   * devices do not. */
  if (snprintf (path, sizeof path, "/sys/block/%s/device",
                base_name (device)) >= (int) sizeof path)
    return 0;
  return access (path, F_OK) == 0;
}

/* The label the library gave a disk (its serial number: SCSI VPD page
 * 0x80, or virtio-blk's serial), if it is one: letters only. */
static bool
disk_label (const char *disk, char *label, size_t size)
{
  char path[PATH_MAX];
  unsigned char buf[260];
  size_t len = 0;
  int fd;
  ssize_t n;

  snprintf (path, sizeof path, "/sys/block/%s/device/vpd_pg80", disk);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    /* A 4-byte header whose last byte is the length, then the serial,
     * space padded. */
    n = read (fd, buf, sizeof buf);
    close (fd);
    if (n < 4)
      return false;
    len = buf[3];
    if (len > (size_t) n - 4)
      len = n - 4;
    memmove (buf, buf + 4, len);
  }
  else {
    snprintf (path, sizeof path, "/sys/block/%s/serial", disk);
    n = read_attr (path, (char *) buf, sizeof buf);
    if (n <= 0)
      return false;
    len = n;
  }
  while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\0'))
    len--;
  if (len == 0 || len >= size || len > LABEL_MAX)
    return false;
  for (size_t i = 0; i < len; ++i)
    if (!isalpha (buf[i]) || buf[i] >= 0x80)
      return false;
  memcpy (label, buf, len);
  label[len] = '\0';
  return true;
}

/* Add key (label, or label and partition number) and the API name of
 * the kernel device. */
static int
add_label (struct stringsbuf *sb, const char *label, int partnum,
           const char *kdev)
{
  char *key, *api;

  if ((partnum > 0 ? asprintf (&key, "%s%d", label, partnum)
                   : asprintf (&key, "%s", label)) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  if (add_string_nodup (sb, key) == -1)
    return -1;
  api = daemon_device_to_api (kdev);
  if (api == NULL) {
    reply_with_perror ("list_disk_labels");
    return -1;
  }
  return add_string_nodup (sb, api);
}

char **
do_list_disk_labels (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  const char *d;

  for (size_t i = 0; (d = daemon_kernel_disk (i)) != NULL; ++i) {
    char label[LABEL_MAX + 1], kdev[PATH_MAX];
    CLEANUP_FREE_STRING_LIST char **parts = NULL;

    if (!disk_label (d, label, sizeof label))
      continue;
    snprintf (kdev, sizeof kdev, "/dev/%s", d);
    if (add_label (&sb, label, 0, kdev) == -1)
      return NULL;
    parts = blockdev_disk_partitions (d);
    for (size_t j = 0; parts && parts[j]; ++j) {
      int n = partition_number (parts[j]);

      if (n <= 0)
        continue;
      snprintf (kdev, sizeof kdev, "/dev/%s", parts[j]);
      if (add_label (&sb, label, n, kdev) == -1)
        return NULL;
    }
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_list_dm_devices (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  DIR *dir;
  struct dirent *e;

  dir = opendir ("/sys/block");
  if (dir == NULL) {
    reply_with_perror ("/sys/block");
    return NULL;
  }
  while ((e = readdir (dir)) != NULL) {
    char path[PATH_MAX], name[NAME_MAX + 1], uuid[256];
    struct stat st;
    char *dev;

    if (!STRPREFIX (e->d_name, "dm-"))
      continue;
    snprintf (path, sizeof path, "/sys/block/%s/dm/name", e->d_name);
    if (read_attr (path, name, sizeof name) <= 0 || strchr (name, '/'))
      continue;
    /* Logical volumes are listed by lvs, not here. */
    snprintf (path, sizeof path, "/sys/block/%s/dm/uuid", e->d_name);
    if (read_attr (path, uuid, sizeof uuid) > 0 && STRPREFIX (uuid, "LVM-"))
      continue;
    if (asprintf (&dev, "/dev/mapper/%s", name) == -1) {
      reply_with_perror ("asprintf");
      closedir (dir);
      return NULL;
    }
    /* Only names that can be used: the node must exist. */
    if (stat (dev, &st) == -1 || !S_ISBLK (st.st_mode)) {
      free (dev);
      continue;
    }
    if (add_string_nodup (&sb, dev) == -1) {
      closedir (dir);
      return NULL;
    }
  }
  closedir (dir);
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}
