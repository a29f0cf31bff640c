/* guestfsd: FileIn streams that arrive on a disk.  For a large regular
 * file the library plugs the file itself into the appliance as a
 * read-only SCSI disk and sends one DISK chunk naming it instead of the
 * data.  Reading that disk with large requests is several times faster
 * than the virtio-serial port, which hands host data to the guest in
 * 4 KiB buffers. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"

/* One read: large enough that the per-request cost vanishes, small
 * enough to stay well inside the appliance's memory. */
#define DISK_READ_SIZE (2 * 1024 * 1024)
#define SECTOR_ALIGN 4096

int
receive_from_disk (const void *desc, size_t len, receive_cb cb, void *opaque)
{
  struct guestfs_chunk_disk cd;
  const char *name;
  char dev[64];
  uint64_t devsize, pos = 0;
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  XDR xdr;
  bool ok;

  memset (&cd, 0, sizeof cd);
  xdrmem_create (&xdr, (char *) desc, len, XDR_DECODE);
  ok = xdr_guestfs_chunk_disk (&xdr, &cd);
  xdr_destroy (&xdr);
  if (!ok) {
    reply_with_error ("malformed disk chunk from the library");
    return -3;
  }
  daemon_devices_changed ();
  name = daemon_kernel_disk_at_target (cd.target);
  if (name == NULL) {
    reply_with_error ("the transfer disk (SCSI target %u) is not in the appliance",
                      cd.target);
    return -3;
  }
  snprintf (dev, sizeof dev, "/dev/%s", name);
  /* Direct reads: no guest page cache to fill (under a warm launch each
   * fresh guest page is a copy-on-write fault in the host) and one copy
   * less. */
  fd = open (dev, O_RDONLY | O_CLOEXEC | O_DIRECT);
  if (fd == -1) {
    reply_with_perror ("transfer disk %s", dev);
    return -3;
  }
  if (ioctl (fd, BLKGETSIZE64, &devsize) == -1) {
    reply_with_perror ("transfer disk %s: BLKGETSIZE64", dev);
    return -3;
  }
  /* The disk is the file rounded up to whole sectors. */
  if (devsize < cd.size) {
    reply_with_error ("transfer disk %s: %" PRIu64 " bytes, the file has %" PRIu64,
                      dev, devsize, (uint64_t) cd.size);
    return -3;
  }
  buf = aligned_alloc (SECTOR_ALIGN, DISK_READ_SIZE);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -3;
  }

  while (pos < cd.size) {
    size_t want = cd.size - pos < DISK_READ_SIZE ? cd.size - pos : DISK_READ_SIZE;
    ssize_t n;

    if (daemon_library_cancelled ())
      return -2;
    /* O_DIRECT reads whole sectors; the disk has the tail's. */
    n = pread (fd, buf, (want + SECTOR_ALIGN - 1) & ~(size_t) (SECTOR_ALIGN - 1), pos);
    if (n > (ssize_t) want)
      n = want;
    if (n == -1 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = EIO;
      reply_with_perror ("transfer disk %s: read at %" PRIu64, dev, pos);
      return -3;
    }
    if (cb (opaque, buf, n) == -1)
      return -1;
    pos += n;
    notify_progress (pos, cd.size);
  }
  return 0;
}
