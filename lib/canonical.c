/* libguestfs (guestkit): canonical_device_name — rewrites the names a
 * guest may use for its disks (/dev/hdX, /dev/vdX, /dev/xvdX) into the
 * API's /dev/sdX, and device mapper names of logical volumes
 * (/dev/mapper/VG-LV, /dev/dm-N) into /dev/VG/LV.  Once the appliance
 * runs, LVM itself says whether a device mapper name is a logical volume
 * (as in libguestfs); before, the name's form decides, so the call works
 * in any state of the handle. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* "/dev/PREFIX" followed by a disk letter: the length of the prefix to
 * replace, or 0. */
static size_t
disk_prefix (const char *device)
{
  static const char *const prefixes[] = { "/dev/hd", "/dev/vd", "/dev/xvd" };

  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; ++i) {
    size_t len = strlen (prefixes[i]);
    if (strncmp (device, prefixes[i], len) == 0 &&
        device[len] >= 'a' && device[len] <= 'z')
      return len;
  }
  return 0;
}

/* Device mapper names an LV VG-LV, doubling each '-' within VG and LV.
 * Returns "/dev/VG/LV", or NULL if name is not of that form (no single
 * '-', or more than one, as in the hidden "VG-pool-tpool"). */
static char *
dm_lv_name (guestfs_h *g, const char *name)
{
  size_t len = strlen (name);
  char *r = safe_malloc (g, len + sizeof "/dev//");
  char *p = r + strlen ("/dev/");
  int splits = 0;

  memcpy (r, "/dev/", strlen ("/dev/"));
  for (size_t i = 0; i < len; ++i) {
    if (name[i] == '-' && name[i + 1] == '-') {
      *p++ = '-';
      i++;
    }
    else if (name[i] == '-') {
      /* One split, and the VG and LV names both non-empty. */
      if (++splits > 1 || i == 0 || name[i + 1] == '\0') {
        free (r);
        return NULL;
      }
      *p++ = '/';
    }
    else
      *p++ = name[i];
  }
  *p = '\0';
  if (splits != 1) {
    free (r);
    return NULL;
  }
  return r;
}

char *
guestfs_impl_canonical_device_name (guestfs_h *g, const char *device)
{
  size_t len = disk_prefix (device);
  char *r;

  if (len > 0)
    return safe_asprintf (g, "/dev/sd%s", device + len);
  if (g->state == READY &&
      (strncmp (device, "/dev/mapper/", strlen ("/dev/mapper/")) == 0 ||
       strncmp (device, "/dev/dm-", strlen ("/dev/dm-")) == 0)) {
    /* As libguestfs: whatever LVM cannot name (not an LV, no such
     * device) is returned as it is. */
    guestfs_push_error_handler (g, NULL, NULL);
    r = guestfs_lvm_canonical_lv_name (g, device);
    guestfs_pop_error_handler (g);
    return r ? r : safe_strdup (g, device);
  }
  if (strncmp (device, "/dev/mapper/", strlen ("/dev/mapper/")) == 0) {
    r = dm_lv_name (g, device + strlen ("/dev/mapper/"));
    if (r)
      return r;
  }
  return safe_strdup (g, device);
}
