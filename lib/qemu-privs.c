/* libguestfs (guestkit): the privileges qemu keeps.  The appliance runs
 * a kernel on images from strangers; a guest that breaks out into qemu
 * must find as little there as possible.  So:
 *
 * - As root, qemu drops to an unprivileged user (-runas) once it has
 *   opened everything its command line names.  What it needs later
 *   (hot-plugged drives, the saved state of a warm launch) is handed to
 *   it as descriptors we opened (drive-fds.c, warm.c), never by name, so
 *   our temp and cache directories stay private to us (0700) and the
 *   images keep their owners and modes.
 * - Every qemu runs under its seccomp filter (-sandbox): no exec, no
 *   fork, no obsolete or resource-control system calls.
 *
 * LIBGUESTFS_BACKEND_SETTINGS: runas=USER (a name or a uid) chooses the
 * user (default nobody); runas= (empty) or no_runas keeps root;
 * no_sandbox drops the filter (for a qemu built without seccomp). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pwd.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* Debian and every distribution we know have it; it owns no files. */
#define DEFAULT_RUNAS "nobody"

/* The value of the last "name=VALUE" setting, or NULL (not set, or set
 * without a value).  Unlike guestfs_get_backend_setting, no error. */
static const char *
setting_value (guestfs_h *g, const char *name)
{
  size_t n = strlen (name);
  const char *v = NULL;

  for (size_t i = 0; g->backend_settings && g->backend_settings[i]; ++i) {
    const char *s = g->backend_settings[i];
    if (strncmp (s, name, n) == 0 && s[n] == '=')
      v = s + n + 1;
  }
  return v;
}

/* A decimal number, whole string. */
static bool
parse_id (const char *s, const char *end, unsigned long *id)
{
  char *e;

  if (s == end || *s < '0' || *s > '9')
    return false;
  errno = 0;
  *id = strtoul (s, &e, 10);
  return errno == 0 && e == end && *id < 0xffffffffUL;
}

/* "UID:GID" (both numbers): qemu's -runas takes that without an
 * account.  Set through the API only: LIBGUESTFS_BACKEND_SETTINGS
 * splits at colons. */
static bool
parse_uid_gid (const char *s, unsigned long *uid)
{
  const char *colon = strchr (s, ':');
  unsigned long gid;

  return colon && parse_id (s, colon, uid) &&
    parse_id (colon + 1, colon + strlen (colon), &gid);
}

/* What -runas is given for the setting v: a user name as it is, a
 * UID:GID as it is, a bare number as that user's name if it has an
 * account (qemu looks names up only) or else as UID:UID.  NULL: root,
 * which keeps root (qemu refuses to "drop" to uid 0). */
static char *
runas_arg (guestfs_h *g, const char *v)
{
  unsigned long uid;
  struct passwd *pw;

  if (*v == '\0' || STREQ (v, "root"))
    return NULL;
  if (parse_uid_gid (v, &uid))
    return uid == 0 ? NULL : safe_strdup (g, v);
  if (parse_id (v, v + strlen (v), &uid)) {
    if (uid == 0)
      return NULL;
    pw = getpwuid (uid);
    return pw ? safe_strdup (g, pw->pw_name) : safe_asprintf (g, "%lu:%lu", uid, uid);
  }
  return safe_strdup (g, v);
}

char *
guestfs_int_qemu_runas (guestfs_h *g)
{
  const char *v;

  /* Not root: qemu runs as us, there is nothing to drop. */
  if (geteuid () != 0 || guestfs_int_has_backend_setting (g, "no_runas"))
    return NULL;
  v = setting_value (g, "runas");
  return runas_arg (g, v ? v : DEFAULT_RUNAS);
}

int
guestfs_int_check_runas (guestfs_h *g)
{
  char *user = guestfs_int_qemu_runas (g);
  unsigned long uid;
  struct passwd *pw;
  int r = 0;

  if (user == NULL || parse_uid_gid (user, &uid))
    goto out;
  pw = getpwnam (user);
  if (pw == NULL) {
    error (g, "launch: qemu is to run as the user '%s' (backend setting runas), "
           "but there is no such user: create it, name another one "
           "(LIBGUESTFS_BACKEND_SETTINGS=runas=USER or runas=UID) "
           "or keep root (runas= or no_runas)", user);
    r = -1;
  }
  else if (pw->pw_uid == 0) {
    error (g, "launch: runas=%s: that user is root (to keep root, use no_runas)", user);
    r = -1;
  }
 out:
  free (user);
  return r;
}

const char *
guestfs_int_qemu_sandbox (guestfs_h *g, bool runas)
{
  if (guestfs_int_has_backend_setting (g, "no_sandbox"))
    return NULL;
  /* The filter is in place before qemu drops to the runas user, and
   * elevateprivileges=deny (or =children) would kill qemu at its own
   * setgid: with -runas it stays allowed.  Nothing is gained by denying
   * it afterwards: an unprivileged process cannot raise its ids, and
   * the filter sets no_new_privs, so no set-uid program either. */
  return runas ? "on,obsolete=deny,spawn=deny,resourcecontrol=deny"
    : "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny";
}
