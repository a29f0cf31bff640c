/* guestfsd: whole-device contents — zero_device (zeroes every block
 * that is not zero already, so sparse images stay sparse),
 * is_zero_device, and wipefs (erases signatures, as wipefs -a).  Devices
 * are opened exclusively for writing: a mounted filesystem or an active
 * PV is refused rather than overwritten underneath its user. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* Read and write in steps of this size. */
#define STEP (1024 * 1024)

static bool
all_zero (const char *buf, size_t len)
{
  return len == 0 || (buf[0] == 0 && memcmp (buf, buf + 1, len - 1) == 0);
}

/* Open a device exclusively for writing, replying on error. */
static int
open_exclusive (const char *device, const char *api)
{
  int fd = open (device, O_RDWR | O_EXCL | O_CLOEXEC);

  if (fd == -1) {
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: device is in use (mounted?)", api);
    else
      reply_with_perror ("%s", api);
  }
  return fd;
}

/* After writing to device through its own fd: drop the caches that
 * still hold the old blocks, and if a whole disk was written, make the
 * kernel forget partitions whose table may be gone. */
static int
written (const char *device, const char *api)
{
  if (blockdev_is_partition (device)) {
    CLEANUP_FREE char *disk = blockdev_parent_disk (device);
    int dfd = disk ? open (disk, O_RDONLY | O_CLOEXEC) : -1;

    if (dfd >= 0) {
      ioctl (dfd, BLKFLSBUF, NULL);
      close (dfd);
    }
    return 0;
  }
  if (blockdev_reread_partitions (device, true) == -1) {
    reply_with_perror ("%s: re-reading the partition table", api);
    return -1;
  }
  return 0;
}

int
do_zero_device (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *buf = NULL, *zeroes = NULL;
  CLEANUP_CLOSE int fd = -1;
  uint64_t size;

  fd = open_exclusive (device, api);
  if (fd == -1)
    return -1;
  if (ioctl (fd, BLKGETSIZE64, &size) == -1) {
    reply_with_perror ("%s: BLKGETSIZE64", api);
    return -1;
  }
  buf = malloc (STEP);
  zeroes = calloc (1, STEP);
  if (buf == NULL || zeroes == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }

  notify_progress (0, size);
  for (uint64_t pos = 0; pos < size; pos += STEP) {
    size_t n = size - pos < STEP ? size - pos : STEP;

    if (xread (fd, buf, n) == -1) {
      reply_with_perror ("%s: read at %" PRIu64, api, pos);
      return -1;
    }
    /* Already zero: leave it unwritten. */
    if (!all_zero (buf, n)) {
      if (pwrite (fd, zeroes, n, pos) != (ssize_t) n) {
        if (errno == 0)
          errno = EIO;
        reply_with_perror ("%s: write at %" PRIu64, api, pos);
        return -1;
      }
    }
    notify_progress (pos + n, size);
  }

  if (fsync (fd) == -1) {
    reply_with_perror ("%s: fsync", api);
    return -1;
  }
  ioctl (fd, BLKFLSBUF, NULL);
  close (fd);
  fd = -1;
  return written (device, api);
}

int
do_is_zero_device (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *buf = NULL;
  CLEANUP_CLOSE int fd = -1;
  uint64_t size;

  fd = open (device, O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    reply_with_perror ("%s", api);
    return -1;
  }
  if (ioctl (fd, BLKGETSIZE64, &size) == -1) {
    reply_with_perror ("%s: BLKGETSIZE64", api);
    return -1;
  }
  buf = malloc (STEP);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }

  notify_progress (0, size);
  for (uint64_t pos = 0; pos < size; pos += STEP) {
    size_t n = size - pos < STEP ? size - pos : STEP;

    if (xread (fd, buf, n) == -1) {
      reply_with_perror ("%s: read at %" PRIu64, api, pos);
      return -1;
    }
    if (!all_zero (buf, n))
      return 0;
    notify_progress (pos + n, size);
  }
  return 1;
}

int
do_wipefs (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);

  if (blockdev_wipe_signatures (device) == -1) {
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: device is in use (mounted?)", api);
    else
      reply_with_perror ("%s: wiping signatures", api);
    return -1;
  }
  return written (device, api);
}
