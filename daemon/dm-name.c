/* guestfsd: names of device-mapper devices — which are logical volumes
 * and what their canonical /dev/VG/LV name is — read from sysfs
 * (/sys/dev/block/MAJ:MIN/dm/{name,uuid}) rather than by running lvm:
 * the kernel's device-mapper table is the truth about what is active,
 * and reading it costs no process.  Also is_lv and
 * lvm_canonical_lv_name.
 *
 * LVM names the dm device of LV "lv" in VG "vg" "vg-lv", doubling any
 * '-' inside either name, and gives it the uuid "LVM-" followed by the
 * VG and LV uuids (64 characters).  Its hidden sub-devices (snapshot
 * origins and exceptions, thin pool data...) carry one more "-layer" in
 * both name and uuid, so an exact 64-character uuid marks a public LV. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

#define DM_NAME_MAX 128         /* DM_NAME_LEN, with the NUL */

/* Read /sys/dev/block/MAJ:MIN/dm/FILE of the block device dev into buf
 * (newline removed).  0, or -1 with errno (ENODEV: not device-mapper). */
static int
dm_sysfs_read (const char *dev, const char *file, char *buf, size_t size)
{
  struct stat st;
  char path[128];
  CLEANUP_CLOSE int fd = -1;
  ssize_t r;

  if (stat (dev, &st) == -1)
    return -1;
  if (!S_ISBLK (st.st_mode)) {
    errno = ENODEV;
    return -1;
  }
  snprintf (path, sizeof path, "/sys/dev/block/%u:%u/dm/%s",
            major (st.st_rdev), minor (st.st_rdev), file);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    if (errno == ENOENT)
      errno = ENODEV;
    return -1;
  }
  r = read (fd, buf, size - 1);
  if (r < 0)
    return -1;
  buf[r] = '\0';
  if (r > 0 && buf[r - 1] == '\n')
    buf[r - 1] = '\0';
  return 0;
}

bool
dm_device_name (const char *dev, char **name_r)
{
  char name[DM_NAME_MAX + 2];

  if (dm_sysfs_read (dev, "name", name, sizeof name) == -1 || name[0] == '\0')
    return false;
  if (name_r) {
    *name_r = strdup (name);
    if (*name_r == NULL)
      return false;
  }
  return true;
}

bool
dm_device_uuid_has_prefix (const char *dev, const char *prefix)
{
  char uuid[256];

  return dm_sysfs_read (dev, "uuid", uuid, sizeof uuid) == 0 &&
    STRPREFIX (uuid, prefix);
}

/* Split "vg-lv" (with "--" standing for '-') into its two names; false
 * if there is a third part (a layer) or either name is not valid. */
static bool
split_lv_name (const char *dmname, char *vg, char *lv, size_t size)
{
  char *out = vg;
  size_t n = 0;
  bool in_lv = false;

  for (const char *p = dmname; *p; ++p) {
    if (p[0] == '-' && p[1] == '-')
      p++;                      /* an escaped '-' */
    else if (p[0] == '-') {
      if (in_lv)
        return false;           /* VG-LV-layer */
      out[n] = '\0';
      out = lv;
      n = 0;
      in_lv = true;
      continue;
    }
    if (n + 1 >= size)
      return false;
    out[n++] = *p;
  }
  out[n] = '\0';
  return in_lv && lvm_valid_name (vg) && lvm_valid_name (lv);
}

char *
dm_lv_name (const char *dev)
{
  char uuid[256], name[DM_NAME_MAX + 2];
  char vg[DM_NAME_MAX], lv[DM_NAME_MAX];
  char *r;

  if (dm_sysfs_read (dev, "uuid", uuid, sizeof uuid) == -1) {
    if (errno == ENODEV || errno == ENOENT)
      errno = 0;
    return NULL;
  }
  if (!STRPREFIX (uuid, "LVM-") || strlen (uuid) != 4 + 64) {
    errno = 0;
    return NULL;
  }
  for (const char *p = uuid + 4; *p; ++p)
    if (!isalnum ((unsigned char) *p)) {
      errno = 0;
      return NULL;
    }
  if (dm_sysfs_read (dev, "name", name, sizeof name) == -1)
    return NULL;
  if (!split_lv_name (name, vg, lv, sizeof vg)) {
    errno = 0;
    return NULL;
  }
  if (asprintf (&r, "/dev/%s/%s", vg, lv) == -1)
    return NULL;
  return r;
}

char *
dm_device_to_api (const char *dev)
{
  CLEANUP_FREE char *name = NULL;
  char *r;

  r = dm_lv_name (dev);
  if (r)
    return r;
  if (!dm_device_name (dev, &name))
    return NULL;
  /* A device-mapper name is anything but '/' (and NUL); keep it to
   * something a path and a message can carry. */
  for (const char *p = name; *p; ++p)
    if (*p == '/' || iscntrl ((unsigned char) *p))
      return NULL;
  if (asprintf (&r, "/dev/mapper/%s", name) == -1)
    return NULL;
  return r;
}

char *
lv_path_or_reply (const char *dev)
{
  char *lv = dm_lv_name (dev);

  if (lv == NULL) {
    int err = errno;
    CLEANUP_FREE char *api = daemon_device_to_api (dev);
    if (err)
      reply_with_error_errno (err, "%s: %s", api ? api : dev, strerror (err));
    else
      reply_with_error_errno (EINVAL, "%s: not a logical volume",
                              api ? api : dev);
  }
  return lv;
}

int
do_is_lv (const char *mountable)
{
  CLEANUP_FREE char *lv = NULL;

  if (STRPREFIX (mountable, "btrfsvol:"))
    return 0;
  lv = dm_lv_name (mountable);
  if (lv)
    return 1;
  if (errno) {
    int err = errno;
    CLEANUP_FREE char *api = daemon_device_to_api (mountable);
    reply_with_error_errno (err, "%s: %s", api ? api : mountable,
                            strerror (err));
    return -1;
  }
  return 0;
}

char *
do_lvm_canonical_lv_name (const char *lvname)
{
  CLEANUP_FREE char *dev = NULL;

  /* A plain string, as in libguestfs: /dev/mapper/VG-LV names need not
   * be what the caller thinks they are. */
  if (!STRPREFIX (lvname, "/dev/")) {
    reply_with_error_errno (EINVAL, "%s: not a device name", lvname);
    return NULL;
  }
  dev = daemon_resolve_device (lvname);
  if (dev == NULL)
    return NULL;
  return lv_path_or_reply (dev);
}
