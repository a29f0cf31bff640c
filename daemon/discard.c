/* guestfsd: blkdiscard and blkdiscardzeroes — the BLKDISCARD and
 * BLKDISCARDZEROES ioctls on a whole device or partition. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

int
do_blkdiscard (const char *device)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = shown_name (device);
  uint64_t range[2];
  int64_t size;

  fd = open_dev_or_path (device, true, O_WRONLY, false);
  if (fd == -1)
    return -1;
  size = fd_size (fd);
  if (size == -1) {
    reply_with_perror ("%s", shown ? shown : device);
    return -1;
  }
  range[0] = 0;
  range[1] = size;
  if (ioctl (fd, BLKDISCARD, range) == -1) {
    reply_with_perror ("%s: BLKDISCARD", shown ? shown : device);
    return -1;
  }
  return 0;
}

int
do_blkdiscardzeroes (const char *device)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = shown_name (device);
  unsigned int arg = 0;

  fd = open_dev_or_path (device, true, O_RDONLY, false);
  if (fd == -1)
    return -1;
  if (ioctl (fd, BLKDISCARDZEROES, &arg) == -1) {
    reply_with_perror ("%s: BLKDISCARDZEROES", shown ? shown : device);
    return -1;
  }
  return arg != 0;
}
