/* guestfsd: LVM logical volumes — lvcreate, lvcreate_free, lvremove,
 * lvrename, lvresize, lvresize_free.  LV devices arrive as kernel names
 * (/dev/mapper/VG-LV, as translated); lvm is given the canonical
 * /dev/VG/LV, which is also what messages name. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

static int
check_names (const char *lv, const char *vg)
{
  if (!lvm_valid_name (lv)) {
    reply_with_error_errno (EINVAL, "%s: not a valid logical volume name", lv);
    return -1;
  }
  if (!lvm_valid_name (vg)) {
    reply_with_error_errno (EINVAL, "%s: not a valid volume group name", vg);
    return -1;
  }
  return 0;
}

static int
check_percent (int percent)
{
  if (percent < 0 || percent > 100) {
    reply_with_error_errno (EINVAL, "percentage must be [0..100] (was %d)",
                            percent);
    return -1;
  }
  return 0;
}

int
do_lvcreate (const char *logvol, const char *volgroup, int mbytes)
{
  char size[32];

  if (check_names (logvol, volgroup) == -1)
    return -1;
  if (mbytes <= 0) {
    reply_with_error_errno (EINVAL, "%s: size must be positive (was %d MB)",
                            logvol, mbytes);
    return -1;
  }
  storage_activate_once ();
  snprintf (size, sizeof size, "%dm", mbytes);
  /* --yes: wipe old signatures found in the new LV without asking. */
  return lvm_cmd (NULL, logvol, "lvcreate", "--yes", "-L", size,
                  "-n", logvol, volgroup, NULL);
}

int
do_lvcreate_free (const char *logvol, const char *volgroup, int percent)
{
  char size[32];

  if (check_names (logvol, volgroup) == -1 || check_percent (percent) == -1)
    return -1;
  storage_activate_once ();
  snprintf (size, sizeof size, "%d%%FREE", percent);
  return lvm_cmd (NULL, logvol, "lvcreate", "--yes", "-l", size,
                  "-n", logvol, volgroup, NULL);
}

/* lvremove takes an LV device, or "/dev/VG" for all the LVs of VG (which
 * is not a block device, so the argument is a plain string). */
int
do_lvremove (const char *device)
{
  const char *vg = device + 5;

  storage_activate_once ();
  if (daemon_is_device_name (device)) {
    CLEANUP_FREE char *kdev = daemon_resolve_device (device);
    CLEANUP_FREE char *lv = NULL;

    if (kdev == NULL)
      return -1;
    lv = lv_path_or_reply (kdev);
    if (lv == NULL)
      return -1;
    return lvm_cmd (NULL, lv, "lvremove", "-f", lv, NULL);
  }
  if (STRPREFIX (device, "/dev/") && lvm_valid_name (vg))
    return lvm_cmd (NULL, device, "lvremove", "-f", vg, NULL);
  reply_with_error_errno (ENOENT, "%s: not a logical volume or volume group",
                          device);
  return -1;
}

/* "[/dev/]VG/LV" -> "VG/LV" in buf; or, if bare_ok, a bare "LV". */
static int
lv_spec (const char *s, bool bare_ok, char *buf, size_t size)
{
  const char *p = STRPREFIX (s, "/dev/") ? s + 5 : s;
  const char *slash = strchr (p, '/');
  size_t vglen = slash ? (size_t) (slash - p) : 0;

  if (strlen (p) >= size)
    goto bad;
  memcpy (buf, p, strlen (p) + 1);
  if (slash == NULL) {
    if (bare_ok && p == s && lvm_valid_name (p))
      return 0;
    goto bad;
  }
  buf[vglen] = '\0';
  if (!lvm_valid_name (buf) || !lvm_valid_name (slash + 1))
    goto bad;
  buf[vglen] = '/';
  return 0;

 bad:
  reply_with_error_errno (EINVAL, "%s: not a logical volume name (VG/LV)", s);
  return -1;
}

int
do_lvrename (const char *logvol, const char *newlogvol)
{
  char from[300], to[300];
  CLEANUP_FREE char *what = NULL;

  if (lv_spec (logvol, false, from, sizeof from) == -1 ||
      lv_spec (newlogvol, true, to, sizeof to) == -1)
    return -1;
  if (asprintf (&what, "%s -> %s", logvol, newlogvol) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  storage_activate_once ();
  return lvm_cmd (NULL, what, "lvrename", from, to, NULL);
}

/* lvresize fails when the size does not change; that is no error to
 * the caller (libguestfs ignores it too). */
static int
lvresize (const char *lv, const char *sizeopt, const char *size)
{
  const char *args[] = { "lvresize", "--force", sizeopt, size, lv, NULL };
  CLEANUP_FREE char *err = NULL;

  if (lvm_run_err (NULL, &err, args) == 0)
    return 0;
  if (err && strstr (err, "matches existing size"))
    return 0;
  reply_with_error ("%s: %s", lv, err ? err : "lvresize failed");
  return -1;
}

int
do_lvresize (const char *device, int mbytes)
{
  CLEANUP_FREE char *lv = NULL;
  char size[32];

  if (mbytes <= 0) {
    reply_with_error_errno (EINVAL, "size must be positive (was %d MB)", mbytes);
    return -1;
  }
  storage_activate_once ();
  lv = lv_path_or_reply (device);
  if (lv == NULL)
    return -1;
  snprintf (size, sizeof size, "%dm", mbytes);
  return lvresize (lv, "-L", size);
}

int
do_lvresize_free (const char *device, int percent)
{
  CLEANUP_FREE char *lv = NULL;
  char size[32];

  if (check_percent (percent) == -1)
    return -1;
  storage_activate_once ();
  lv = lv_path_or_reply (device);
  if (lv == NULL)
    return -1;
  snprintf (size, sizeof size, "+%d%%FREE", percent);
  return lvresize (lv, "-l", size);
}
