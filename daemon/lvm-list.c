/* guestfsd: LVM listings and identifiers — pvs, vgs, lvs, pvuuid,
 * vguuid, lvuuid, vgpvuuids, vglvuuids and vgmeta.  lvm prints one value
 * a line here; the names in it come from guest metadata, so the VG and
 * LV names that become device paths are checked against LVM's rules. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

/* vgcfgbackup text of one VG; LVM's own metadata areas are 1 MiB by
 * default, so this is generous. */
#define VGMETA_MAX (64 * 1024 * 1024)

char **
lvm_column (const char *what, const char *cmd, const char *field,
            const char *target)
{
  const char *args[] = { cmd, "--noheadings", "-o", field, target, NULL };
  CLEANUP_FREE char *out = NULL;
  char **lines;
  size_t j = 0;

  if (lvm_run (&out, what, args) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL)
    return NULL;
  for (size_t i = 0; lines[i]; ++i) {
    char *p = lines[i] + strspn (lines[i], " \t");

    trim_trailing (p);
    if (*p == '\0') {
      free (lines[i]);
      continue;
    }
    memmove (lines[i], p, strlen (p) + 1);
    lines[j++] = lines[i];
  }
  lines[j] = NULL;
  return lines;
}

char **
do_pvs (void)
{
  CLEANUP_FREE_STRING_LIST char **names = NULL;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  storage_activate_once ();
  names = lvm_column ("pvs", "pvs", "pv_name", NULL);
  if (names == NULL)
    return NULL;
  for (size_t i = 0; names[i]; ++i) {
    char *api;

    /* A PV whose device is missing shows as "[unknown]". */
    if (!STRPREFIX (names[i], "/dev/"))
      continue;
    api = daemon_device_to_api (names[i]);
    if (api == NULL) {
      reply_with_perror ("malloc");
      return NULL;
    }
    if (add_string_nodup (&sb, api) == -1)
      return NULL;
  }
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_vgs (void)
{
  char **names;

  storage_activate_once ();
  names = lvm_column ("vgs", "vgs", "vg_name", NULL);
  if (names)
    sort_strings (names, daemon_count_strings (names));
  return names;
}

char **
lvm_list_lvs (void)
{
  /* Only LVs that can hold a filesystem: not thin pools, not the hidden
   * parts of mirrors and snapshots, not those that are never activated. */
  const char *args[] = {
    "lvs", "--noheadings", "--separator", "/", "-o", "vg_name,lv_name",
    "-S", "lv_role=public && lv_skip_activation!=yes", NULL
  };
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  if (lvm_run (&out, "lvs", args) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL)
    return NULL;
  for (size_t i = 0; lines[i]; ++i) {
    char *vg = lines[i] + strspn (lines[i], " \t"), *lv;
    char *path;

    trim_trailing (vg);
    if (*vg == '\0')
      continue;
    lv = strchr (vg, '/');
    if (lv == NULL)
      continue;
    *lv++ = '\0';
    if (!lvm_valid_name (vg) || !lvm_valid_name (lv)) {
      if (verbose)
        fprintf (stderr, "guestfsd: lvs: skipping odd name %s/%s\n", vg, lv);
      continue;
    }
    if (asprintf (&path, "/dev/%s/%s", vg, lv) == -1) {
      reply_with_perror ("asprintf");
      return NULL;
    }
    if (add_string_nodup (&sb, path) == -1)
      return NULL;
  }
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_lvs (void)
{
  storage_activate_once ();
  return lvm_list_lvs ();
}

/* The one value lvm prints for target, which must exist. */
static char *
lvm_single (const char *what, const char *cmd, const char *field,
            const char *target)
{
  CLEANUP_FREE_STRING_LIST char **v = NULL;
  char *r;

  storage_activate_once ();
  v = lvm_column (what, cmd, field, target);
  if (v == NULL)
    return NULL;
  if (v[0] == NULL) {
    reply_with_error ("%s: lvm returned no %s", what, field);
    return NULL;
  }
  r = strdup (v[0]);
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

char *
do_pvuuid (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);

  return lvm_single (api ? api : device, "pvs", "pv_uuid", device);
}

char *
do_vguuid (const char *vgname)
{
  if (!lvm_valid_name (vgname)) {
    reply_with_error_errno (EINVAL, "%s: not a valid volume group name", vgname);
    return NULL;
  }
  return lvm_single (vgname, "vgs", "vg_uuid", vgname);
}

char *
do_lvuuid (const char *device)
{
  CLEANUP_FREE char *lv = lv_path_or_reply (device);

  if (lv == NULL)
    return NULL;
  return lvm_single (lv, "lvs", "lv_uuid", lv);
}

static char **
vg_uuids (const char *vgname, const char *field)
{
  if (!lvm_valid_name (vgname)) {
    reply_with_error_errno (EINVAL, "%s: not a valid volume group name", vgname);
    return NULL;
  }
  storage_activate_once ();
  /* One line per PV (or LV) of the VG; a VG without LVs prints one
   * empty line, which lvm_column drops. */
  return lvm_column (vgname, "vgs", field, vgname);
}

char **
do_vgpvuuids (const char *vgname)
{
  return vg_uuids (vgname, "pv_uuid");
}

char **
do_vglvuuids (const char *vgname)
{
  return vg_uuids (vgname, "lv_uuid");
}

/* vgcfgbackup writes the metadata as text into a private directory
 * (it renames a temporary file into place, so it needs one). */
char *
do_vgmeta (const char *vgname, size_t *size_r)
{
  char dir[] = "/tmp/vgmeta.XXXXXX";
  CLEANUP_FREE char *file = NULL;
  CLEANUP_CLOSE int fd = -1;
  char *buf = NULL;
  int r;

  if (!lvm_valid_name (vgname)) {
    reply_with_error_errno (EINVAL, "%s: not a valid volume group name", vgname);
    return NULL;
  }
  storage_activate_once ();
  if (mkdtemp (dir) == NULL) {
    reply_with_perror ("mkdtemp");
    return NULL;
  }
  if (asprintf (&file, "%s/meta", dir) == -1) {
    reply_with_perror ("asprintf");
    rmdir (dir);
    return NULL;
  }
  r = lvm_cmd (NULL, vgname, "vgcfgbackup", "-f", file, vgname, NULL);
  if (r == 0) {
    fd = open (file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd == -1 || (buf = read_whole_fd (fd, VGMETA_MAX, size_r)) == NULL) {
      if (errno == EFBIG)
        reply_with_error ("%s: metadata larger than %d bytes", vgname,
                          VGMETA_MAX);
      else
        reply_with_perror ("%s: reading the metadata", vgname);
    }
  }
  unlink (file);
  rmdir (dir);
  return buf;
}
