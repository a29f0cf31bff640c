/* guestfsd: LVM volume groups and scanning — vgcreate, vgremove,
 * vgrename, vg_activate(_all), vgchange_uuid(_all), vgscan, lvm_scan and
 * lvm_remove_all.  Names are checked against LVM's rules first, so that
 * nothing from the caller can be taken by lvm for an option. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

/* Upper bound on the VGs or PVs handled in one lvm command line. */
#define MAX_LIST 60

static int
check_vg_name (const char *name)
{
  if (!lvm_valid_name (name)) {
    reply_with_error_errno (EINVAL, "%s: not a valid volume group name", name);
    return -1;
  }
  return 0;
}

int
do_vgcreate (const char *volgroup, char *const *physvols)
{
  const char *args[MAX_LIST + 4];
  size_t n = 0, npv = daemon_count_strings (physvols);

  if (check_vg_name (volgroup) == -1)
    return -1;
  if (npv == 0) {
    reply_with_error_errno (EINVAL, "%s: no physical volumes given", volgroup);
    return -1;
  }
  if (npv > MAX_LIST) {
    reply_with_error_errno (E2BIG, "%s: too many physical volumes (%zu)",
                            volgroup, npv);
    return -1;
  }
  storage_activate_once ();
  args[n++] = "vgcreate";
  args[n++] = volgroup;
  for (size_t i = 0; i < npv; ++i)
    args[n++] = physvols[i];
  args[n] = NULL;
  return lvm_run (NULL, volgroup, args);
}

int
do_vgremove (const char *vgname)
{
  if (check_vg_name (vgname) == -1)
    return -1;
  storage_activate_once ();
  return lvm_cmd (NULL, vgname, "vgremove", "-f", vgname, NULL);
}

int
do_vgrename (const char *volgroup, const char *newvolgroup)
{
  CLEANUP_FREE char *what = NULL;

  if (check_vg_name (volgroup) == -1 || check_vg_name (newvolgroup) == -1)
    return -1;
  if (asprintf (&what, "%s -> %s", volgroup, newvolgroup) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  storage_activate_once ();
  return lvm_cmd (NULL, what, "vgrename", volgroup, newvolgroup, NULL);
}

int
do_vg_activate (int activate, char *const *volgroups)
{
  const char *args[MAX_LIST + 4];
  size_t n = 0, nvg = daemon_count_strings (volgroups);

  if (nvg > MAX_LIST) {
    reply_with_error_errno (E2BIG, "too many volume groups (%zu)", nvg);
    return -1;
  }
  for (size_t i = 0; i < nvg; ++i)
    if (check_vg_name (volgroups[i]) == -1)
      return -1;
  storage_activate_once ();
  args[n++] = "vgchange";
  args[n++] = "-a";
  args[n++] = activate ? "y" : "n";
  for (size_t i = 0; i < nvg; ++i)
    args[n++] = volgroups[i];
  args[n] = NULL;
  return lvm_run (NULL, "vgchange", args);
}

int
do_vg_activate_all (int activate)
{
  char *none[] = { NULL };

  return do_vg_activate (activate, none);
}

int
do_vgchange_uuid (const char *vg)
{
  if (check_vg_name (vg) == -1)
    return -1;
  storage_activate_once ();
  return lvm_cmd (NULL, vg, "vgchange", "-u", vg, NULL);
}

int
do_vgchange_uuid_all (void)
{
  storage_activate_once ();
  return lvm_cmd (NULL, NULL, "vgchange", "-u", NULL);
}

int
do_lvm_scan (int activate)
{
  storage_activate_once ();
  /* --mknodes: with no udev, lvm itself must make any missing /dev/VG/LV
   * and /dev/mapper node (and drop stale ones). */
  if (lvm_cmd (NULL, "vgscan", "vgscan", "--mknodes", NULL) == -1)
    return -1;
  if (activate)
    return lvm_cmd (NULL, "vgchange", "vgchange", "-ay", NULL);
  return 0;
}

int
do_vgscan (void)
{
  return do_lvm_scan (0);
}

/* Is anything LVM there at all?  An active LV, or a PV label on some
 * device.  Answered from sysfs and libblkid, without running lvm (0.3 s
 * a run under TCG), since the tests call lvm_remove_all before each one. */
static bool
any_lvm (void)
{
  CLEANUP_FREE_STRING_LIST char **devs = storage_block_devices ();

  if (devs == NULL)
    return true;
  for (size_t i = 0; devs[i]; ++i) {
    CLEANUP_FREE char *lv = dm_lv_name (devs[i]);
    if (lv)
      return true;
  }
  return storage_any_signature ("LVM2_member");
}

/* One lvm command on every name of a list (split if long). */
static int
lvm_on_all (const char *what, const char *a1, const char *a2,
            char *const *names, bool dev_only)
{
  const char *args[MAX_LIST + 4];
  size_t n = 0;

  for (size_t i = 0; names[i]; ++i) {
    if (dev_only && !STRPREFIX (names[i], "/dev/"))
      continue;                 /* "[unknown]": a missing PV */
    if (n == 0) {
      args[n++] = a1;
      if (a2)
        args[n++] = a2;
    }
    args[n++] = names[i];
    if (n == MAX_LIST || names[i + 1] == NULL) {
      args[n] = NULL;
      if (lvm_run (NULL, what, args) == -1)
        return -1;
      n = 0;
    }
  }
  if (n > 0) {
    args[n] = NULL;
    return lvm_run (NULL, what, args);
  }
  return 0;
}

/* Dangerous, for tests: removes every LV, VG and PV.  One lvm run
 * lists the PVs with their VGs, one removes the VGs (vgremove -f
 * deactivates and removes their LVs), one wipes the PVs: each run costs
 * 0.3 s or more under TCG. */
int
do_lvm_remove_all (void)
{
  CLEANUP_FREE_STRING_LIST char **rows = NULL;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (vgs);
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (pvs);

  storage_activate_once ();
  if (!any_lvm ())
    return 0;

  rows = lvm_column ("pvs", "pvs", "pv_name,vg_name", NULL);
  if (rows == NULL)
    return -1;
  for (size_t i = 0; rows[i]; ++i) {
    char *pv = rows[i], *vg = pv + strcspn (pv, " \t");
    bool seen = false;

    if (*vg) {
      *vg++ = '\0';
      vg += strspn (vg, " \t");
    }
    if (*vg && lvm_valid_name (vg)) {
      for (size_t j = 0; j < vgs.size; ++j)
        if (STREQ (vgs.argv[j], vg))
          seen = true;
      if (!seen && add_string (&vgs, vg) == -1)
        return -1;
    }
    if (add_string (&pvs, pv) == -1)
      return -1;
  }
  if (end_stringsbuf (&vgs) == -1 || end_stringsbuf (&pvs) == -1)
    return -1;
  if (lvm_on_all ("vgremove", "vgremove", "-f", vgs.argv, false) == -1)
    return -1;
  return lvm_on_all ("pvremove", "pvremove", "-f", pvs.argv, true);
}
