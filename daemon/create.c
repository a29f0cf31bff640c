/* guestfsd: creating special and temporary files — mknod, mknod_b,
 * mknod_c, mkfifo, mkdir_mode, mkdtemp and mktemp.  Each is made
 * through its parent directory's fd (resolved inside the guest root),
 * never following a symlink in the last component; modes are subject to
 * the daemon's umask. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

/* mktemp's optarg. */
#define OPT_SUFFIX (UINT64_C(1) << 0)

int
do_mknod (int mode, int devmajor, int devminor, const char *path)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;

  if (mode < 0) {
    reply_with_error_errno (EINVAL, "%s: mode is negative", path);
    return -1;
  }
  if (devmajor < 0 || devminor < 0) {
    reply_with_error_errno (EINVAL, "%s: device numbers must not be negative", path);
    return -1;
  }
  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 ||
      mknodat (dirfd, base, mode, makedev (devmajor, devminor)) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

static int
mknod_type (int mode, mode_t type, int devmajor, int devminor,
            const char *path)
{
  if (mode < 0 || (mode & S_IFMT)) {
    reply_with_error_errno (EINVAL, "0%o: mode must specify only file permission bits",
                            (unsigned) mode);
    return -1;
  }
  return do_mknod (mode | type, devmajor, devminor, path);
}

int
do_mknod_b (int mode, int devmajor, int devminor, const char *path)
{
  return mknod_type (mode, S_IFBLK, devmajor, devminor, path);
}

int
do_mknod_c (int mode, int devmajor, int devminor, const char *path)
{
  return mknod_type (mode, S_IFCHR, devmajor, devminor, path);
}

int
do_mkfifo (int mode, const char *path)
{
  return mknod_type (mode, S_IFIFO, 0, 0, path);
}

int
do_mkdir_mode (const char *path, int mode)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;

  if (mode < 0) {
    reply_with_error_errno (EINVAL, "%s: mode is negative", path);
    return -1;
  }
  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 || mkdirat (dirfd, base, mode) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* ---- temporary names ---- */

#define TEMPLATE_X "XXXXXX"

/* Make a new object from a template ending in XXXXXX: make (dirfd,
 * name) tries one name and fails with EEXIST if it is taken.  Returns
 * the guest path made (malloc'd) or NULL after replying. */
static char *
make_temp (const char *tmpl, const char *suffix,
           int (*make) (int dirfd, const char *name))
{
  static const char chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL, *name = NULL;
  size_t len = strlen (tmpl), blen;
  char *ret;

  while (len > 1 && tmpl[len - 1] == '/')
    len--;
  if (len < 6 || memcmp (tmpl + len - 6, TEMPLATE_X, 6) != 0) {
    reply_with_error_errno (EINVAL, "%s: template must end with %s", tmpl,
                            TEMPLATE_X);
    return NULL;
  }
  if (strchr (suffix, '/')) {
    reply_with_error_errno (EINVAL, "%s: the suffix must not contain '/'", suffix);
    return NULL;
  }
  dirfd = sysroot_open_parent (tmpl, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", tmpl);
    return NULL;
  }
  blen = strlen (base);
  if (asprintf (&name, "%s%s", base, suffix) == -1) {
    reply_with_perror ("asprintf");
    return NULL;
  }

  for (unsigned tries = 0; ; ++tries) {
    unsigned char rnd[6];
    if (getrandom (rnd, sizeof rnd, 0) != (ssize_t) sizeof rnd) {
      reply_with_perror ("getrandom");
      return NULL;
    }
    for (size_t i = 0; i < 6; ++i)
      name[blen - 6 + i] = chars[rnd[i] % (sizeof chars - 1)];
    if (make (dirfd, name) == 0)
      break;
    if (errno != EEXIST || tries >= 1000) {
      reply_with_perror ("%s", tmpl);
      return NULL;
    }
  }
  if (asprintf (&ret, "%.*s%.6s%s", (int) (len - 6), tmpl, name + blen - 6,
                suffix) == -1) {
    reply_with_perror ("asprintf");
    return NULL;
  }
  return ret;
}

static int
make_dir (int dirfd, const char *name)
{
  return mkdirat (dirfd, name, 0700);
}

static int
make_file (int dirfd, const char *name)
{
  int fd = openat (dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
                   O_NOCTTY | O_CLOEXEC, 0600);

  if (fd == -1)
    return -1;
  return close (fd);
}

char *
do_mkdtemp (const char *tmpl)
{
  return make_temp (tmpl, "", make_dir);
}

char *
do_mktemp (const char *tmpl, const char *suffix)
{
  return make_temp (tmpl, (optargs_bitmask & OPT_SUFFIX) ? suffix : "",
                    make_file);
}
