/* guestfsd: swap — mkswap (and its old _L/_U forms), mkswap_file, and
 * turning swap on and off in the appliance by device, file, label or
 * UUID.  Swapping is done with swapon(2)/swapoff(2) directly; a swap
 * file is handed to the kernel through its descriptor opened inside the
 * guest root, and labels and UUIDs are looked up with libblkid. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/swap.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

#define SWAP_LABEL_MAX 16

#define OPT_LABEL (UINT64_C(1) << 0)
#define OPT_UUID (UINT64_C(1) << 1)

static int
check_label_uuid (const char *label, const char *uuid)
{
  if (label && strlen (label) > SWAP_LABEL_MAX) {
    reply_with_error ("%s: Linux swap labels are limited to %d bytes",
                      label, SWAP_LABEL_MAX);
    return -1;
  }
  if (uuid && !fs_is_uuid (uuid)) {
    reply_with_error ("%s: not a valid UUID", uuid);
    return -1;
  }
  return 0;
}

static int
mkswap (const char *device, const char *label, const char *uuid)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  const char *argv[8];
  size_t n = 0;

  if (check_label_uuid (label, uuid) == -1)
    return -1;
  argv[n++] = "mkswap";
  argv[n++] = "-f";
  if (label) {
    argv[n++] = "-L";
    argv[n++] = label;
  }
  if (uuid) {
    argv[n++] = "-U";
    argv[n++] = uuid;
  }
  argv[n++] = device;
  argv[n] = NULL;

  /* Old signatures next to the new one would hide it from libblkid; the
   * exclusive open also refuses a device in use. */
  if (blockdev_wipe_signatures (device) == -1) {
    if (errno == EBUSY)
      return fs_reply_busy (device);
    reply_with_perror ("%s: erasing old signatures", api);
    return -1;
  }
  if (fs_command (api, argv, NULL) == -1)
    return -1;
  if (!blockdev_is_partition (device) &&
      blockdev_reread_partitions (device, true) == -1) {
    reply_with_perror ("%s: re-reading the partition table", api);
    return -1;
  }
  return 0;
}

int
do_mkswap (const char *device, const char *label, const char *uuid)
{
  return mkswap (device, (optargs_bitmask & OPT_LABEL) ? label : NULL,
                 (optargs_bitmask & OPT_UUID) ? uuid : NULL);
}

int
do_mkswap_L (const char *label, const char *device)
{
  return mkswap (device, label, NULL);
}

int
do_mkswap_U (const char *uuid, const char *device)
{
  return mkswap (device, NULL, uuid);
}

int
do_mkswap_file (const char *path)
{
  CLEANUP_FREE char *real = fs_real_path (path);
  const char *argv[] = { "mkswap", "-f", real, NULL };
  struct stat st;

  if (real == NULL)
    return -1;
  if (stat (real, &st) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", path);
    return -1;
  }
  return fs_command (path, argv, NULL);
}

/* ---- swapon / swapoff ---- */

static int
swap_onoff (const char *path, const char *what, bool on)
{
  if ((on ? swapon (path, 0) : swapoff (path)) == 0)
    return 0;
  if (on && errno == EINVAL)
    reply_with_error_errno (EINVAL, "%s: no swap signature (use mkswap first)",
                            what);
  else if (on && errno == EBUSY)
    reply_with_error_errno (EBUSY, "%s: already in use (swapping or mounted)",
                            what);
  else if (!on && errno == EINVAL)
    reply_with_error_errno (EINVAL, "%s: not being used for swap", what);
  else
    reply_with_perror ("%s: %s", what, on ? "swapon" : "swapoff");
  return -1;
}

static int
swap_device (const char *device, bool on)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);

  return swap_onoff (device, api, on);
}

int
do_swapon_device (const char *device)
{
  return swap_device (device, true);
}

int
do_swapoff_device (const char *device)
{
  return swap_device (device, false);
}

/* The kernel opens the file through our descriptor (/proc/self/fd/N),
 * so the guest path is resolved only once, inside the guest root. */
static int
swap_file (const char *file, bool on)
{
  CLEANUP_CLOSE int fd = sysroot_open (file, O_PATH, 0);
  CLEANUP_FREE char *fdpath = NULL;

  if (fd == -1) {
    reply_with_perror ("%s", file);
    return -1;
  }
  fdpath = fd_path (fd);
  if (fdpath == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  return swap_onoff (fdpath, file, on);
}

int
do_swapon_file (const char *file)
{
  return swap_file (file, true);
}

int
do_swapoff_file (const char *file)
{
  return swap_file (file, false);
}

static bool
is_swap_with (const char *dev, const char *tag, const char *value)
{
  CLEANUP_FREE char *type = blockdev_fs_tag (dev, "TYPE");
  CLEANUP_FREE char *v = NULL;

  if (type == NULL || STRNEQ (type, "swap"))
    return false;
  v = blockdev_fs_tag (dev, tag);
  return v && STREQ (v, value);
}

/* The block device holding a swap signature with this LABEL or UUID,
 * searched among all block devices the kernel knows.  malloc'd; replies
 * and returns NULL if there is none. */
static char *
find_swap (const char *tag, const char *value)
{
  DIR *dir = opendir ("/sys/class/block");
  struct dirent *d;
  char *r = NULL;

  if (dir == NULL) {
    reply_with_perror ("/sys/class/block");
    return NULL;
  }
  while (r == NULL && (d = readdir (dir)) != NULL) {
    char dev[PATH_MAX];

    if (d->d_name[0] == '.' || STRPREFIX (d->d_name, "loop") ||
        STRPREFIX (d->d_name, "ram"))
      continue;
    snprintf (dev, sizeof dev, "/dev/%s", d->d_name);
    if (is_swap_with (dev, tag, value)) {
      r = strdup (dev);
      if (r == NULL) {
        reply_with_perror ("malloc");
        closedir (dir);
        return NULL;
      }
    }
  }
  closedir (dir);
  if (r == NULL)
    reply_with_error_errno (ENOENT, "no swap device has %s %s", tag, value);
  return r;
}

static int
swap_tag (const char *tag, const char *value, bool on)
{
  CLEANUP_FREE char *dev = find_swap (tag, value);
  CLEANUP_FREE char *what = NULL;

  if (dev == NULL)
    return -1;
  if (asprintf (&what, "%s=%s", tag, value) == -1) {
    reply_with_perror ("malloc");
    return -1;
  }
  return swap_onoff (dev, what, on);
}

int
do_swapon_label (const char *label)
{
  return swap_tag ("LABEL", label, true);
}

int
do_swapoff_label (const char *label)
{
  return swap_tag ("LABEL", label, false);
}

int
do_swapon_uuid (const char *uuid)
{
  return swap_tag ("UUID", uuid, true);
}

int
do_swapoff_uuid (const char *uuid)
{
  return swap_tag ("UUID", uuid, false);
}
