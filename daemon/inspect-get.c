/* guestfsd: the inspect_get_* calls, answered from what the last
 * inspect_os found (inspect.c), and the osinfo guess made from it.
 * Unknown strings are "unknown", unknown versions 0, as in libguestfs;
 * the Windows-only calls fail on other guests. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "actions.h"
#include "inspect.h"

static char *
or_unknown (const char *s)
{
  char *r = strdup (s ? s : "unknown");

  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

#define STRING_GETTER(call, field)                      \
  char *                                                \
  do_##call (const char *root)                          \
  {                                                     \
    struct inspect_fs *fs = inspect_find_root (root);   \
    return fs ? or_unknown (fs->field) : NULL;          \
  }

STRING_GETTER (inspect_get_type, os_type)
STRING_GETTER (inspect_get_distro, distro)
STRING_GETTER (inspect_get_product_name, product_name)
STRING_GETTER (inspect_get_product_variant, product_variant)
STRING_GETTER (inspect_get_arch, arch)
STRING_GETTER (inspect_get_hostname, hostname)
STRING_GETTER (inspect_get_package_format, package_format)
STRING_GETTER (inspect_get_package_management, package_management)
STRING_GETTER (inspect_get_build_id, build_id)

int
do_inspect_get_major_version (const char *root)
{
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return -1;
  return fs->has_version ? fs->major : 0;
}

int
do_inspect_get_minor_version (const char *root)
{
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return -1;
  return fs->has_version ? fs->minor : 0;
}

char *
do_inspect_get_format (const char *root)
{
  return inspect_find_root (root) ? or_unknown ("installed") : NULL;
}

/* Deprecated install-disk flags: always false since libguestfs 1.38. */
int
do_inspect_is_live (const char *root)
{
  return inspect_find_root (root) ? 0 : -1;
}

int
do_inspect_is_netinst (const char *root)
{
  return inspect_find_root (root) ? 0 : -1;
}

int
do_inspect_is_multipart (const char *root)
{
  return inspect_find_root (root) ? 0 : -1;
}

/* ---- Windows ---- */

static char *
windows_string (const char *root, size_t offset, const char *what)
{
  struct inspect_fs *fs = inspect_find_root (root);
  const char *v;

  if (fs == NULL)
    return NULL;
  v = * (char **) ((char *) fs + offset);
  if (v == NULL) {
    reply_with_error ("%s: not a Windows guest, or %s", root, what);
    return NULL;
  }
  return or_unknown (v);
}

char *
do_inspect_get_windows_systemroot (const char *root)
{
  return windows_string (root, offsetof (struct inspect_fs, windows_systemroot),
                         "systemroot could not be determined");
}

char *
do_inspect_get_windows_software_hive (const char *root)
{
  return windows_string (root, offsetof (struct inspect_fs, windows_software_hive),
                         "software hive not found");
}

char *
do_inspect_get_windows_system_hive (const char *root)
{
  return windows_string (root, offsetof (struct inspect_fs, windows_system_hive),
                         "system hive not found");
}

char *
do_inspect_get_windows_current_control_set (const char *root)
{
  return windows_string (root,
                         offsetof (struct inspect_fs, windows_current_control_set),
                         "CurrentControlSet could not be determined");
}

int
do_inspect_get_windows_group_policy (const char *root)
{
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return -1;
  if (fs->windows_group_policy < 0) {
    reply_with_error ("%s: not a Windows guest, or the software hive could not be read",
                      root);
    return -1;
  }
  return fs->windows_group_policy;
}

/* ---- lists ---- */

char **
do_inspect_get_mountpoints (const char *root)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return NULL;
  /* Without an fstab (Windows...) the root alone, on "/". */
  if (fs->nr_fstab == 0) {
    if (add_string (&sb, "/") == -1 || add_string (&sb, fs->mountable) == -1)
      return NULL;
  }
  for (size_t i = 0; i < fs->nr_fstab; ++i)
    if (fs->fstab[i].mountpoint[0] == '/' &&
        (add_string (&sb, fs->fstab[i].mountpoint) == -1 ||
         add_string (&sb, fs->fstab[i].mountable) == -1))
      return NULL;
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_inspect_get_filesystems (const char *root)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return NULL;
  if (fs->nr_fstab == 0 && add_string (&sb, fs->mountable) == -1)
    return NULL;
  for (size_t i = 0; i < fs->nr_fstab; ++i)
    if (add_string (&sb, fs->fstab[i].mountable) == -1)
      return NULL;
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_inspect_get_drive_mappings (const char *root)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  struct inspect_fs *fs = inspect_find_root (root);

  if (fs == NULL)
    return NULL;
  for (size_t i = 0; i < fs->nr_drives; ++i) {
    char letter[2] = { fs->drives[i].letter, '\0' };
    if (add_string (&sb, letter) == -1 ||
        add_string (&sb, fs->drives[i].device) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

/* ---- osinfo ---- */

static char *
osinfo_windows (const struct inspect_fs *fs, int major, int minor)
{
  const char *name = fs->product_name ? fs->product_name : "";
  bool server = fs->product_variant && strstr (fs->product_variant, "Server");

  switch (major) {
  case 5:
    if (minor == 1)
      return strdup ("winxp");
    if (minor == 2)
      return strdup (strstr (name, "XP") ? "winxp" :
                     strstr (name, "R2") ? "win2k3r2" : "win2k3");
    break;
  case 6:
    switch (minor) {
    case 0: return strdup (server ? "win2k8" : "winvista");
    case 1: return strdup (server ? "win2k8r2" : "win7");
    case 2: return strdup (server ? "win2k12" : "win8");
    case 3: return strdup (server ? "win2k12r2" : "win8.1");
    }
    break;
  case 10:
    if (minor != 0)
      break;
    if (server)
      return strdup (strstr (name, "2025") ? "win2k25" :
                     strstr (name, "2022") ? "win2k22" :
                     strstr (name, "2019") ? "win2k19" : "win2k16");
    /* Windows 11 still calls itself 10.0: only the build tells. */
    return strdup (fs->build_id && atoi (fs->build_id) >= 22000 ? "win11" : "win10");
  }
  return strdup ("unknown");
}

char *
do_inspect_get_osinfo (const char *root)
{
  struct inspect_fs *fs = inspect_find_root (root);
  const char *type, *d;
  int major, minor;
  char *r = NULL;

  if (fs == NULL)
    return NULL;
  type = fs->os_type ? fs->os_type : "unknown";
  d = fs->distro ? fs->distro : "unknown";
  major = fs->has_version ? fs->major : 0;
  minor = fs->has_version ? fs->minor : 0;

  if (STREQ (type, "linux")) {
    int n = 0;
    if (STREQ (d, "centos") && major >= 8)
      n = asprintf (&r, "%s%d", d, major);
    else if (STREQ (d, "centos") && major == 7)
      n = asprintf (&r, "%s%d.0", d, major);
    else if (STREQ (d, "centos") && major == 6)
      n = asprintf (&r, "%s%d.%d", d, major, minor);
    else if ((STREQ (d, "rocky") || STREQ (d, "circle")) && major >= 8)
      n = asprintf (&r, "%s%d", d, major);
    else if (STREQ (d, "debian") && major >= 4)
      n = asprintf (&r, "%s%d", d, major);
    else if (STREQ (d, "fedora") || STREQ (d, "mageia"))
      n = asprintf (&r, "%s%d", d, major);
    else if (STREQ (d, "sles"))
      n = minor == 0 ? asprintf (&r, "%s%d", d, major) :
        asprintf (&r, "%s%dsp%d", d, major, minor);
    else if (STREQ (d, "ubuntu"))
      n = asprintf (&r, "%s%d.%02d", d, major, minor);
    else if (STREQ (d, "archlinux") || STREQ (d, "gentoo") || STREQ (d, "voidlinux"))
      r = strdup (d);
    else if (STREQ (d, "altlinux"))
      n = major >= 8 ? asprintf (&r, "alt%d.%d", major, minor) :
        asprintf (&r, "%s%d.%d", d, major, minor);
    else if (STRNEQ (d, "unknown") && (major > 0 || minor > 0))
      n = asprintf (&r, "%s%d.%d", d, major, minor);
    if (n == -1)
      r = NULL;
    else if (r == NULL)
      r = strdup ("unknown");
  }
  else if (STREQ (type, "freebsd") || STREQ (type, "netbsd") || STREQ (type, "openbsd")) {
    if (asprintf (&r, "%s%d.%d", d, major, minor) == -1)
      r = NULL;
  }
  else if (STREQ (type, "dos"))
    r = strdup (STREQ (d, "msdos") ? "msdos6.22" : "unknown");
  else if (STREQ (type, "windows"))
    r = osinfo_windows (fs, major, minor);
  else
    r = strdup ("unknown");
  if (r == NULL)
    reply_with_perror ("malloc");
  return r;
}
