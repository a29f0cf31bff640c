/* guestfsd: whole disks and partitions — listing them, their size,
 * zeroing their first megabyte, and making the kernel's view of a disk's
 * partitions (and the /dev nodes devtmpfs creates for them) match what is
 * on disk after something rewrote the partition table.  There is no udev
 * in the appliance, so nothing else does that for us. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* zero: how much of the device is wiped, and in what steps. */
#define ZERO_BYTES (1024 * 1024)
#define ZERO_STEP (64 * 1024)

/* How long to wait for devtmpfs to show new partition nodes. */
#define NODE_WAIT_MS 5000

char **
do_list_devices (void)
{
  char **r = daemon_list_disks ();

  if (r == NULL)
    reply_with_perror ("list_devices");
  return r;
}

char *
blockdev_api_name (const char *dev)
{
  int err = errno;
  char *r = daemon_device_to_api (dev);

  if (r == NULL)
    r = strdup (dev);
  /* Called between a failure and its reply_with_perror. */
  errno = err;
  return r;
}

/* "/dev/sda1" or "sda1" -> "sda1". */
static const char *
kernel_base (const char *dev)
{
  const char *b = strrchr (dev, '/');

  return b ? b + 1 : dev;
}

bool
blockdev_is_partition (const char *dev)
{
  char path[PATH_MAX];

  if (snprintf (path, sizeof path, "/sys/class/block/%s/partition",
                kernel_base (dev)) >= (int) sizeof path)
    return false;
  return access (path, F_OK) == 0;
}

char *
blockdev_parent_disk (const char *dev)
{
  char path[PATH_MAX], link[PATH_MAX], *r;
  ssize_t n;
  char *slash;

  if (snprintf (path, sizeof path, "/sys/class/block/%s",
                kernel_base (dev)) >= (int) sizeof path) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  /* .../block/sda/sda1: the parent directory names the disk. */
  n = readlink (path, link, sizeof link - 1);
  if (n == -1)
    return NULL;
  link[n] = '\0';
  slash = strrchr (link, '/');
  if (slash == NULL) {
    errno = EINVAL;
    return NULL;
  }
  *slash = '\0';
  slash = strrchr (link, '/');
  if (asprintf (&r, "/dev/%s", slash ? slash + 1 : link) == -1)
    return NULL;
  return r;
}

struct part {
  unsigned long num;
  char *name;
};

static int
part_compare (const void *a, const void *b)
{
  const struct part *x = a, *y = b;

  if (x->num != y->num)
    return x->num < y->num ? -1 : 1;
  return strcmp (x->name, y->name);
}

char **
blockdev_disk_partitions (const char *disk)
{
  char path[PATH_MAX];
  DIR *dir;
  struct dirent *d;
  struct part *parts = NULL;
  size_t n = 0, alloc = 0;
  char **r = NULL;
  int err;

  disk = kernel_base (disk);
  if (snprintf (path, sizeof path, "/sys/block/%s", disk)
      >= (int) sizeof path) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  dir = opendir (path);
  if (dir == NULL)
    return NULL;
  while ((d = readdir (dir)) != NULL) {
    char ppath[PATH_MAX], buf[32];
    int fd;
    ssize_t len;
    char *end;
    unsigned long num;

    /* Partitions are the subdirectories named after the disk that have a
     * "partition" file holding their number. */
    if (strncmp (d->d_name, disk, strlen (disk)) != 0)
      continue;
    if (snprintf (ppath, sizeof ppath, "%s/%s/partition", path, d->d_name)
        >= (int) sizeof ppath)
      continue;
    fd = open (ppath, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
      continue;
    len = read (fd, buf, sizeof buf - 1);
    close (fd);
    if (len <= 0)
      continue;
    buf[len] = '\0';
    errno = 0;
    num = strtoul (buf, &end, 10);
    if (errno != 0 || end == buf)
      continue;
    if (n == alloc) {
      struct part *p;
      alloc = alloc ? alloc * 2 : 16;
      p = realloc (parts, alloc * sizeof *parts);
      if (p == NULL)
        goto out;
      parts = p;
    }
    parts[n].num = num;
    parts[n].name = strdup (d->d_name);
    if (parts[n].name == NULL)
      goto out;
    n++;
  }
  qsort (parts, n, sizeof *parts, part_compare);
  r = calloc (n + 1, sizeof (char *));
  if (r == NULL)
    goto out;
  for (size_t i = 0; i < n; ++i) {
    r[i] = parts[i].name;
    parts[i].name = NULL;
  }

 out:
  err = errno;
  closedir (dir);
  for (size_t i = 0; i < n; ++i)
    free (parts[i].name);
  free (parts);
  errno = err;
  return r;
}

char **
do_list_partitions (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  const char *disk;

  for (size_t i = 0; (disk = daemon_kernel_disk (i)) != NULL; ++i) {
    CLEANUP_FREE_STRING_LIST char **parts = blockdev_disk_partitions (disk);

    if (parts == NULL) {
      if (errno == ENOENT)      /* the disk went away meanwhile */
        continue;
      reply_with_perror ("list_partitions: /sys/block/%s", disk);
      return NULL;
    }
    for (size_t j = 0; parts[j]; ++j) {
      char *api, kpath[PATH_MAX];

      snprintf (kpath, sizeof kpath, "/dev/%s", parts[j]);
      api = daemon_device_to_api (kpath);
      if (api == NULL) {
        reply_with_perror ("list_partitions");
        return NULL;
      }
      if (add_string_nodup (&sb, api) == -1)
        return NULL;
    }
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

int64_t
do_blockdev_getsize64 (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_CLOSE int fd = open (device, O_RDONLY | O_CLOEXEC);
  uint64_t size;

  if (fd == -1 || ioctl (fd, BLKGETSIZE64, &size) == -1) {
    reply_with_perror ("%s", api);
    return -1;
  }
  if (size > INT64_MAX) {
    reply_with_error ("%s: size out of range", api);
    return -1;
  }
  return size;
}

/* Wait until every partition the kernel knows on disk has its /dev node:
 * devtmpfs creates them as the kernel adds the partitions, but nothing
 * guarantees that has happened by the time we look. */
static void
wait_for_partition_nodes (const char *disk)
{
  struct timespec ts = { 0, 5 * 1000 * 1000 };

  for (int waited = 0; waited < NODE_WAIT_MS; waited += 5) {
    CLEANUP_FREE_STRING_LIST char **parts = blockdev_disk_partitions (disk);
    bool all = true;

    if (parts == NULL)
      return;
    for (size_t i = 0; parts[i]; ++i) {
      char path[PATH_MAX];
      struct stat st;

      snprintf (path, sizeof path, "/dev/%s", parts[i]);
      if (stat (path, &st) == -1 || !S_ISBLK (st.st_mode)) {
        all = false;
        break;
      }
    }
    if (all)
      return;
    nanosleep (&ts, NULL);
  }
  fprintf (stderr, "guestfsd: %s: partition device nodes did not appear\n",
           disk);
}

int
blockdev_reread_partitions (const char *disk, bool rrpart)
{
  int err = 0;

  if (rrpart) {
    int fd = open (disk, O_RDONLY | O_CLOEXEC);

    if (fd == -1)
      return -1;
    /* EBUSY: a partition is in use, so the kernel keeps the partitions it
     * has; whoever rewrote the table (parted) already told the kernel
     * about each change it could make. */
    if (ioctl (fd, BLKRRPART, NULL) == -1 && errno != EBUSY && errno != EINVAL)
      err = errno;
    close (fd);
  }
  wait_for_partition_nodes (disk);
  daemon_devices_changed ();
  if (err) {
    errno = err;
    return -1;
  }
  return 0;
}

static bool
is_zero (const char *buf, size_t len)
{
  for (size_t i = 0; i < len; ++i)
    if (buf[i] != 0)
      return false;
  return true;
}

int
do_zero (const char *device)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  CLEANUP_FREE char *api = blockdev_api_name (device);
  uint64_t size;
  uint64_t len;

  /* Exclusive: zeroing a mounted filesystem would corrupt it. */
  fd = open (device, O_RDWR | O_EXCL | O_CLOEXEC);
  if (fd == -1) {
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: device is in use (mounted?)", api);
    else
      reply_with_perror ("%s", api);
    return -1;
  }
  if (ioctl (fd, BLKGETSIZE64, &size) == -1) {
    reply_with_perror ("%s: BLKGETSIZE64", api);
    return -1;
  }
  buf = malloc (ZERO_STEP);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }

  len = size < ZERO_BYTES ? size : ZERO_BYTES;
  for (uint64_t pos = 0; pos < len; pos += ZERO_STEP) {
    size_t n = len - pos < ZERO_STEP ? len - pos : ZERO_STEP;
    ssize_t r = pread (fd, buf, n, pos);

    if (r == -1) {
      reply_with_perror ("%s: read", api);
      return -1;
    }
    /* Already zero: leave it unwritten, so a sparse image stays sparse. */
    if ((size_t) r == n && is_zero (buf, n))
      continue;
    memset (buf, 0, n);
    if (pwrite (fd, buf, n, pos) != (ssize_t) n) {
      reply_with_perror ("%s: write", api);
      return -1;
    }
  }
  notify_progress (len, len);

  if (fsync (fd) == -1) {
    reply_with_perror ("%s: fsync", api);
    return -1;
  }
  /* Drop cached blocks so later probes see the zeroes. */
  ioctl (fd, BLKFLSBUF, NULL);

  if (blockdev_is_partition (device)) {
    /* The whole disk has its own cache of the same blocks. */
    CLEANUP_FREE char *disk = blockdev_parent_disk (device);
    if (disk) {
      int dfd = open (disk, O_RDONLY | O_CLOEXEC);
      if (dfd >= 0) {
        ioctl (dfd, BLKFLSBUF, NULL);
        close (dfd);
      }
    }
  }
  else {
    /* The partition table is gone: the kernel must forget its
     * partitions. */
    close (fd);
    fd = -1;
    if (blockdev_reread_partitions (device, true) == -1) {
      reply_with_perror ("%s: re-reading the partition table", api);
      return -1;
    }
  }
  return 0;
}
