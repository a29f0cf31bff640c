/* guestfsd: bring up the guest's storage stacks on first need.
 *
 * libguestfs assembles MD arrays and activates every LVM volume group
 * while the appliance boots, so that /dev/md/NAME and /dev/VG/LV exist
 * from the first call.  Under TCG that costs about a second of every
 * launch (each lvm or mdadm run is 0.3 s or more), and most launches
 * never look at LVM or RAID.  So guestkit does the same work lazily: the
 * storage calls, list_filesystems and the device-name lookup of a /dev
 * path that does not exist yet all call storage_activate_once first, and
 * it only runs mdadm or lvm when some block device carries a RAID or LVM
 * signature (probed in-process with libblkid, which takes milliseconds). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include "daemon.h"
#include "blockdev.h"
#include "lvm.h"

/* Block devices nothing we do lives on: RAM disks, optical and floppy
 * drives.  (Loop devices stay: mount_loop can attach guest images.) */
static bool
ignored_device (const char *name)
{
  static const char *const prefixes[] = { "ram", "zram", "sr", "fd", "nbd" };

  if (name[0] == '.')
    return true;
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; ++i)
    if (STRPREFIX (name, prefixes[i]))
      return true;
  return false;
}

/* An unattached loop device has size 0: probing it only fails. */
static bool
has_size (const char *name)
{
  char path[PATH_MAX], buf[32];
  CLEANUP_CLOSE int fd = -1;
  ssize_t r;

  snprintf (path, sizeof path, "/sys/class/block/%s/size", name);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd == -1)
    return false;
  r = read (fd, buf, sizeof buf - 1);
  if (r <= 0)
    return false;
  buf[r] = '\0';
  return strtoull (buf, NULL, 10) > 0;
}

char **
storage_block_devices (void)
{
  DIR *dir = opendir ("/sys/class/block");
  struct dirent *d;
  char **r = NULL;
  size_t n = 0, alloc = 0;

  if (dir == NULL)
    return NULL;
  errno = 0;
  while ((d = readdir (dir)) != NULL) {
    if (ignored_device (d->d_name) || strlen (d->d_name) > NAME_MAX ||
        !has_size (d->d_name))
      continue;
    if (n + 1 >= alloc) {
      char **p;
      alloc = alloc ? alloc * 2 : 32;
      p = realloc (r, alloc * sizeof *r);
      if (p == NULL)
        goto fail;
      r = p;
    }
    if (asprintf (&r[n], "/dev/%s", d->d_name) == -1)
      goto fail;
    r[++n] = NULL;
    errno = 0;
  }
  closedir (dir);
  if (r == NULL)
    r = calloc (1, sizeof *r);
  if (r)
    sort_strings (r, n);
  return r;

 fail:
  {
    int err = errno;
    closedir (dir);
    if (r) {
      r[n] = NULL;
      daemon_free_string_list (r);
    }
    errno = err ? err : ENOMEM;
    return NULL;
  }
}

/* What needs bringing up: LVM PVs, RAID members (Linux md, and the
 * firmware RAID formats mdadm also assembles). */
static void
scan_signatures (bool *lvm_r, bool *md_r)
{
  CLEANUP_FREE_STRING_LIST char **devs = storage_block_devices ();

  *lvm_r = *md_r = false;
  if (devs == NULL) {
    /* Cannot tell: try both, as libguestfs always does. */
    *lvm_r = *md_r = true;
    return;
  }
  for (size_t i = 0; devs[i]; ++i) {
    CLEANUP_FREE char *type = blockdev_fs_tag (devs[i], "TYPE");
    size_t len;

    if (type == NULL)
      continue;
    len = strlen (type);
    if (STREQ (type, "LVM2_member"))
      *lvm_r = true;
    else if (len > 12 && STREQ (type + len - 12, "_raid_member"))
      *md_r = true;
  }
}

bool
storage_any_signature (const char *type)
{
  CLEANUP_FREE_STRING_LIST char **devs = storage_block_devices ();

  if (devs == NULL)
    return true;                /* unknown: assume there is */
  for (size_t i = 0; devs[i]; ++i) {
    CLEANUP_FREE char *t = blockdev_fs_tag (devs[i], "TYPE");
    if (t && STREQ (t, type))
      return true;
  }
  return false;
}

static void
mdadm_assemble (const char *extra)
{
  const char *argv[] = { "mdadm", "--assemble", "--scan", extra, NULL };
  CLEANUP_FREE char *err = NULL;

  /* Nothing to assemble is not an error worth reporting. */
  if (commandv (NULL, &err, argv, -1) != 0 && verbose && err)
    fprintf (stderr, "guestfsd: mdadm --assemble --scan %s: %s", extra, err);
}

void
storage_activate_once (void)
{
  static bool done;
  bool lvm, md;

  if (done)
    return;
  done = true;

  /* Without udev, mdadm makes the /dev/md/NAME links itself. */
  setenv ("MDADM_NO_UDEV", "1", 1);
  scan_signatures (&lvm, &md);
  if (verbose)
    fprintf (stderr, "guestfsd: storage scan: lvm %d, md %d\n", lvm, md);
  /* Complete arrays first, then the volume groups (which may sit on
   * them), then what is left of degraded arrays: libguestfs's order. */
  if (md)
    mdadm_assemble ("--no-degraded");
  if (lvm || md)
    lvm_cmd_quiet ("vgchange", "-ay", NULL);
  if (md)
    mdadm_assemble ("--run");
}
