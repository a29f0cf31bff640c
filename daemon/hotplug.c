/* guestfsd: disks plugged into and out of the running appliance.  The
 * host adds or removes the drive through qemu's monitor and then asks
 * here to wait until the kernel has caught up, so that the next call
 * sees the new set of disks with their partitions. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"

#define RESCAN_TIMEOUT_MS 30000
#define POLL_MS 2

/* Kernel names of the disks whose partition tables we re-read already. */
static char **settled;
static size_t nr_settled;

static void
sleep_ms (long ms)
{
  struct timespec ts = { .tv_sec = 0, .tv_nsec = ms * 1000000 };
  while (nanosleep (&ts, &ts) == -1 && errno == EINTR)
    ;
}

static size_t
count_disks (void)
{
  size_t n = 0;

  daemon_devices_changed ();
  while (daemon_kernel_disk (n) != NULL)
    n++;
  return n;
}

static bool
is_settled (const char *name)
{
  for (size_t i = 0; i < nr_settled; ++i)
    if (STREQ (settled[i], name))
      return true;
  return false;
}

/* The disk shows up in sysfs before it can be opened (ENOENT, then ENXIO
 * until the kernel has finished adding it), and before the kernel has
 * read its partition table; an open before that scan starts does not
 * wait for it.  BLKRRPART waits for a scan in progress and returns once
 * the partitions exist.  A disk in use answers EBUSY and needs no
 * re-read. */
static void
settle (const char *name)
{
  char dev[300];
  char **p;
  int fd, waited = 0;

  snprintf (dev, sizeof dev, "/dev/%s", name);
  while ((fd = open (dev, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 &&
         (errno == ENOENT || errno == ENXIO) && waited < RESCAN_TIMEOUT_MS) {
    sleep_ms (POLL_MS);
    waited += POLL_MS;
  }
  if (fd == -1)
    return;
  if (ioctl (fd, BLKRRPART) == -1 && errno != EINVAL && errno != EBUSY)
    fprintf (stderr, "guestfsd: %s: re-reading the partition table: %m\n", dev);
  close (fd);
  p = realloc (settled, (nr_settled + 1) * sizeof *settled);
  if (p == NULL)
    return;
  settled = p;
  if ((settled[nr_settled] = strdup (name)) != NULL)
    nr_settled++;
}

static bool
is_present (const char *name, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    const char *disk = daemon_kernel_disk (i);
    if (disk && STREQ (disk, name))
      return true;
  }
  return false;
}

/* A disk unplugged and another plugged in later can get the same kernel
 * name; forget the names of disks that are gone so the newcomer gets
 * settled too. */
static void
forget_removed (size_t n)
{
  size_t j = 0;

  for (size_t i = 0; i < nr_settled; ++i) {
    if (is_present (settled[i], n))
      settled[j++] = settled[i];
    else
      free (settled[i]);
  }
  nr_settled = j;
}

int
do_internal_rescan_disks (int ndisks)
{
  int waited = 0;
  size_t n;

  if (ndisks < 0 || ndisks > 255) {
    reply_with_error ("%d disks: out of range", ndisks);
    return -1;
  }
  while ((n = count_disks ()) != (size_t) ndisks) {
    if (waited >= RESCAN_TIMEOUT_MS) {
      reply_with_error ("the appliance sees %zu disks instead of %d after %d s",
                        n, ndisks, RESCAN_TIMEOUT_MS / 1000);
      return -1;
    }
    sleep_ms (POLL_MS);
    waited += POLL_MS;
  }
  forget_removed (n);
  for (size_t i = 0; i < n; ++i) {
    const char *name = daemon_kernel_disk (i);
    if (name && !is_settled (name))
      settle (name);
  }
  daemon_devices_changed ();
  return 0;
}

int
do_internal_check_unused (const char *device)
{
  /* An exclusive open fails while anything holds the disk or one of its
   * partitions: a mount, LVM, MD, a LUKS mapping. */
  int fd = open (device, O_RDONLY | O_EXCL | O_CLOEXEC);

  if (fd == -1) {
    if (errno == EBUSY)
      reply_with_error ("%s is in use (mounted, or held by LVM, MD or LUKS): "
                        "unmount it first", device);
    else
      reply_with_perror ("%s", device);
    return -1;
  }
  if (fsync (fd) == -1 || ioctl (fd, BLKFLSBUF) == -1) {
    reply_with_perror ("%s: flush", device);
    close (fd);
    return -1;
  }
  close (fd);
  return 0;
}
