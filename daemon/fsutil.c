/* guestfsd: helpers of the filesystem tool calls (declared in fs2.h):
 * running a tool with an error that names the object, turning guest
 * paths into appliance paths for tools that need a path, and finding out
 * whether and where a device is in use. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "daemon.h"
#include "blockdev.h"
#include "fs2.h"

#define MOUNTINFO_MAX (16 * 1024 * 1024)

/* Tools name the paths we gave them: show guest paths, not where the
 * guest is mounted in the appliance ("/sysroot/etc" -> "/etc"). */
static void
strip_sysroot (char *s)
{
  size_t n = strlen (SYSROOT);
  char *p;

  while ((p = strstr (s, SYSROOT)) != NULL) {
    if (p[n] == '/')
      memmove (p, p + n, strlen (p + n) + 1);
    else if (p[n] == '\0' || strchr (" \t\n'\":,.)", p[n])) {
      p[0] = '/';
      memmove (p + 1, p + n, strlen (p + n) + 1);
    }
    s = p + 1;
  }
}

int
fs_command (const char *what, const char *const *argv, char **out_r)
{
  CLEANUP_FREE char *err = NULL;
  char *out = NULL;
  int r;

  r = commandv (out_r ? &out : NULL, &err, argv, -1);
  if (r != 0) {
    if (err) {
      trim_trailing (err);
      strip_sysroot (err);
    }
    reply_with_error ("%s: %s: %s", what, argv[0],
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    free (out);
    return -1;
  }
  if (out_r)
    *out_r = out;
  return 0;
}

/* The appliance path of a resolved descriptor: readlink of its
 * /proc/self/fd entry, which must lie under SYSROOT. */
static char *
fd_appliance_path (int fd)
{
  CLEANUP_FREE char *link = fd_path (fd);
  char buf[PATH_MAX];
  size_t n = strlen (SYSROOT);
  ssize_t len;

  if (link == NULL)
    return NULL;
  len = readlink (link, buf, sizeof buf);
  if (len == -1)
    return NULL;
  if ((size_t) len >= sizeof buf) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  buf[len] = '\0';
  if (strncmp (buf, SYSROOT, n) != 0 || (buf[n] != '\0' && buf[n] != '/')) {
    errno = EXDEV;
    return NULL;
  }
  return strdup (buf);
}

char *
fs_real_path (const char *path)
{
  int fd = sysroot_open (path, O_PATH, 0);
  char *r;

  if (fd == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  r = fd_appliance_path (fd);
  if (r == NULL)
    reply_with_perror ("%s", path);
  close (fd);
  return r;
}

char *
fs_real_path_new (const char *path)
{
  CLEANUP_FREE char *base = NULL;
  CLEANUP_FREE char *parent = NULL;
  int fd = sysroot_open_parent (path, &base);
  char *r;

  if (fd == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  parent = fd_appliance_path (fd);
  close (fd);
  if (parent == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (STREQ (base, "."))
    return strdup (parent);
  if (asprintf (&r, "%s/%s", parent, base) == -1) {
    reply_with_perror ("malloc");
    return NULL;
  }
  return r;
}

char *
fs_type (const char *dev)
{
  char *r = blockdev_fs_tag (dev, "TYPE");

  if (r == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_perror ("%s", api);
  }
  return r;
}

int
fs_device_busy (const char *dev)
{
  int fd = open (dev, O_RDONLY | O_EXCL | O_CLOEXEC);

  if (fd >= 0) {
    close (fd);
    return 0;
  }
  if (errno == EBUSY)
    return 1;
  {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_perror ("%s", api);
  }
  return -1;
}

int
fs_reply_busy (const char *dev)
{
  CLEANUP_FREE char *api = blockdev_api_name (dev);

  reply_with_error_errno (EBUSY, "%s: device is in use (mounted?)", api);
  return -1;
}

/* mountinfo writes space, tab, newline and backslash as \ooo. */
static void
unescape_in_place (char *s)
{
  char *p = s;

  while (*s) {
    if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
        s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
      *p++ = (char) ((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
      s += 4;
    }
    else
      *p++ = *s++;
  }
  *p = '\0';
}

char *
fs_device_mountpoint (const char *dev)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct stat want;
  char *line, *next;

  if (stat (dev, &want) == -1)
    return NULL;
  fd = open ("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
  if (fd == -1)
    return NULL;
  buf = read_whole_fd (fd, MOUNTINFO_MAX, NULL);
  if (buf == NULL)
    return NULL;
  /* id parent maj:min root mountpoint options [optional...] - type source
   * superoptions */
  for (line = buf; line && *line; line = next) {
    char *mp = NULL, *source = NULL, *save = NULL, *tok;
    int field = 0, after_dash = -1;
    struct stat st;

    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    for (tok = strtok_r (line, " ", &save); tok;
         tok = strtok_r (NULL, " ", &save), field++) {
      if (field == 4)
        mp = tok;
      else if (field > 5 && after_dash == -1 && STREQ (tok, "-"))
        after_dash = field;
      else if (after_dash >= 0 && field == after_dash + 2)
        source = tok;
    }
    if (mp == NULL || source == NULL || !STRPREFIX (source, "/dev/"))
      continue;
    unescape_in_place (source);
    if (stat (source, &st) == 0 && S_ISBLK (st.st_mode) &&
        st.st_rdev == want.st_rdev) {
      unescape_in_place (mp);
      return strdup (mp);
    }
  }
  errno = 0;
  return NULL;
}

char *
fs_mountable_api_name (const char *mountable)
{
  char *dev = NULL, *vol = NULL, *r = NULL;

  if (daemon_split_mountable (mountable, &dev, &vol) == 0 && vol) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    if (asprintf (&r, "btrfsvol:%s/%s", api, vol) == -1)
      r = NULL;
  }
  else if (dev)
    r = blockdev_api_name (dev);
  free (dev);
  free (vol);
  return r ? r : strdup (mountable);
}

bool
fs_is_uuid (const char *s)
{
  static const int groups[] = { 8, 4, 4, 4, 12 };

  for (size_t g = 0; g < 5; ++g) {
    for (int i = 0; i < groups[g]; ++i, ++s)
      if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
            (*s >= 'A' && *s <= 'F')))
        return false;
    if (g < 4 && *s++ != '-')
      return false;
  }
  return *s == '\0';
}

int
fs_check_path_type (const char *real, const char *guest_path, long magic,
                    const char *type)
{
  struct statfs sf;

  if (statfs (real, &sf) == -1) {
    reply_with_perror ("%s", guest_path);
    return -1;
  }
  if ((long) sf.f_type != magic) {
    reply_with_error_errno (EINVAL, "%s: not on a mounted %s filesystem",
                            guest_path, type);
    return -1;
  }
  return 0;
}
