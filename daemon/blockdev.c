/* guestfsd: the blockdev_* calls — sector and block sizes, size in
 * sectors, read-only flag, readahead, flushing buffers and re-reading the
 * partition table.  Each is the ioctl blockdev(8) would make, made
 * directly: no program to run, no output to parse. */

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

/* Open device (read-only: every ioctl here works on such an fd, and it
 * does not fail on a device set read-only).  Replies on error. */
static int
open_or_reply (const char *device)
{
  int fd = open (device, O_RDONLY | O_CLOEXEC);

  if (fd == -1) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_perror ("%s", api);
  }
  return fd;
}

/* ioctl (fd, req, arg), replying "DEVICE: NAME: error" on failure. */
static int
ioctl_or_reply (const char *device, int fd, unsigned long req,
                const char *name, void *arg)
{
  if (ioctl (fd, req, arg) == -1) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_perror ("%s: %s", api, name);
    return -1;
  }
  return 0;
}

/* An int-valued query ioctl. */
static int
get_int (const char *device, unsigned long req, const char *name)
{
  CLEANUP_CLOSE int fd = open_or_reply (device);
  int v;

  if (fd == -1 || ioctl_or_reply (device, fd, req, name, &v) == -1)
    return -1;
  return v;
}

int
do_blockdev_getss (const char *device)
{
  return get_int (device, BLKSSZGET, "BLKSSZGET");
}

int
do_blockdev_getbsz (const char *device)
{
  return get_int (device, BLKBSZGET, "BLKBSZGET");
}

int
do_blockdev_setbsz (const char *device, int blocksize)
{
  /* Deprecated: it never had an effect in libguestfs (blockdev --setbsz
   * changes the block size only while the device stays open), so it
   * does nothing here either beyond checking the device exists. */
  CLEANUP_CLOSE int fd = open_or_reply (device);

  (void) blocksize;
  return fd == -1 ? -1 : 0;
}

int64_t
do_blockdev_getsz (const char *device)
{
  CLEANUP_CLOSE int fd = open_or_reply (device);
  uint64_t bytes;

  if (fd == -1 ||
      ioctl_or_reply (device, fd, BLKGETSIZE64, "BLKGETSIZE64", &bytes) == -1)
    return -1;
  /* 512-byte sectors whatever the real sector size, as blockdev
   * --getsz. */
  return (int64_t) (bytes / 512);
}

int
do_blockdev_getro (const char *device)
{
  int ro = get_int (device, BLKROGET, "BLKROGET");

  return ro == -1 ? -1 : ro != 0;
}

static int
set_ro (const char *device, int ro)
{
  CLEANUP_CLOSE int fd = open_or_reply (device);

  if (fd == -1 || ioctl_or_reply (device, fd, BLKROSET, "BLKROSET", &ro) == -1)
    return -1;
  return 0;
}

int
do_blockdev_setro (const char *device)
{
  return set_ro (device, 1);
}

int
do_blockdev_setrw (const char *device)
{
  return set_ro (device, 0);
}

int
do_blockdev_flushbufs (const char *device)
{
  CLEANUP_CLOSE int fd = open_or_reply (device);

  if (fd == -1 || ioctl_or_reply (device, fd, BLKFLSBUF, "BLKFLSBUF", NULL) == -1)
    return -1;
  return 0;
}

int
do_blockdev_rereadpt (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_CLOSE int fd = open_or_reply (device);

  if (fd == -1)
    return -1;
  if (ioctl (fd, BLKRRPART, NULL) == -1) {
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: BLKRRPART: a partition is in use "
                              "(mounted?): the kernel keeps the old table", api);
    else if (errno == EINVAL)
      reply_with_error_errno (EINVAL, "%s: BLKRRPART: not a partitionable "
                              "device (is it a whole disk?)", api);
    else
      reply_with_perror ("%s: BLKRRPART", api);
    return -1;
  }
  close (fd);
  fd = -1;
  /* Wait for the partitions' /dev nodes; the table was just re-read. */
  if (blockdev_reread_partitions (device, false) == -1) {
    reply_with_perror ("%s", api);
    return -1;
  }
  return 0;
}

int
do_blockdev_setra (const char *device, int sectors)
{
  CLEANUP_CLOSE int fd = -1;

  if (sectors < 0) {
    reply_with_error_errno (EINVAL, "readahead sectors must be >= 0");
    return -1;
  }
  fd = open_or_reply (device);
  /* BLKRASET takes the value itself, not a pointer to it. */
  if (fd == -1 ||
      ioctl_or_reply (device, fd, BLKRASET, "BLKRASET",
                      (void *) (unsigned long) sectors) == -1)
    return -1;
  return 0;
}
