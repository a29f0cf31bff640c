/* guestfsd: the devices list_filesystems (blkid.c) looks at besides the
 * disks and their partitions — open device-mapper devices other than LVs
 * (an opened LUKS container holding a filesystem directly), MD arrays and
 * LVM logical volumes — and the signature types that mark a container
 * (PV, RAID member, LUKS, BitLocker) rather than a filesystem, which it
 * leaves out, in libguestfs's order and with its rules. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

bool
listfs_is_container (const char *type)
{
  size_t len = strlen (type);

  return (len > 7 && STREQ (type + len - 7, "_member")) ||
    STREQ (type, "crypto_LUKS") || STREQ (type, "BitLocker");
}

char **
listfs_dm_devices (void)
{
  storage_activate_once ();
  /* Device-mapper devices cannot be partitioned by the kernel, and LVM's
   * own (LVs and their hidden parts) are left out by list_dm_devices. */
  return do_list_dm_devices ();
}

/* Has the kernel partitioned the MD array "/dev/mdN" (mdNp1...)? */
static bool
md_partitioned (const char *dev)
{
  const char *name = dev + 5;
  char path[300];
  DIR *dir;
  struct dirent *d;
  bool r = false;

  snprintf (path, sizeof path, "/sys/block/%s", name);
  dir = opendir (path);
  if (dir == NULL)
    return false;
  while ((d = readdir (dir)) != NULL)
    if (STRPREFIX (d->d_name, name) && strlen (d->d_name) > strlen (name))
      r = true;
  closedir (dir);
  return r;
}

char **
listfs_md_and_lvs (void)
{
  CLEANUP_FREE_STRING_LIST char **mds = NULL;
  CLEANUP_FREE_STRING_LIST char **lvs = NULL;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  storage_activate_once ();
  mds = md_list_arrays ();
  if (mds == NULL) {
    reply_with_perror ("/sys/block");
    return NULL;
  }
  for (size_t i = 0; mds[i]; ++i)
    if (!md_partitioned (mds[i]) && add_string (&sb, mds[i]) == -1)
      return NULL;
  /* Running lvm costs 0.3 s under TCG: only when there is a PV. */
  if (storage_any_signature ("LVM2_member")) {
    lvs = lvm_list_lvs ();
    if (lvs == NULL)
      return NULL;
    for (size_t i = 0; lvs[i]; ++i)
      if (add_string (&sb, lvs[i]) == -1)
        return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}
