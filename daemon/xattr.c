/* guestfsd: extended attributes — getxattrs, getxattr, setxattr,
 * removexattr, their l* forms that act on a symlink itself, and
 * lxattrlist.  There are no *at() forms of the xattr system calls, so
 * the object is reached through a descriptor's /proc/self/fd path: the
 * fully resolved object (following symlinks inside the guest root), or
 * "<parent's fd>/<name>" for the l* forms, which don't follow the last
 * component. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* The /proc path through which to reach a guest path's object; *fd must
 * be closed by the caller.  Replies on error. */
static char *
xattr_path (const char *path, bool follow, int *fd)
{
  CLEANUP_FREE char *base = NULL;
  char *p;

  if (follow || last_is_dot (path)) {
    *fd = sysroot_open (path, O_PATH, 0);
    p = *fd >= 0 ? fd_path (*fd) : NULL;
  }
  else {
    *fd = sysroot_open_parent (path, &base);
    p = *fd >= 0 ? fd_entry_path (*fd, base) : NULL;
  }
  if (p == NULL)
    reply_with_perror ("%s", path);
  return p;
}

/* The names (NUL-separated) of p's attributes; NULL with errno. */
static char *
list_names (const char *p, bool follow, ssize_t *len_r)
{
  for (;;) {
    ssize_t len = follow ? listxattr (p, NULL, 0) : llistxattr (p, NULL, 0);
    char *names;
    if (len == -1)
      return NULL;
    names = malloc (len + 1);
    if (names == NULL)
      return NULL;
    len = follow ? listxattr (p, names, len) : llistxattr (p, names, len);
    if (len >= 0) {
      *len_r = len;
      return names;
    }
    free (names);
    if (errno != ERANGE)        /* ERANGE: the list grew meanwhile */
      return NULL;
  }
}

/* The value of one attribute; NULL with errno. */
static char *
get_value (const char *p, bool follow, const char *name, ssize_t *len_r)
{
  for (;;) {
    ssize_t len = follow ? getxattr (p, name, NULL, 0)
                         : lgetxattr (p, name, NULL, 0);
    char *v;
    if (len == -1)
      return NULL;
    v = malloc (len > 0 ? len : 1);
    if (v == NULL)
      return NULL;
    len = follow ? getxattr (p, name, v, len) : lgetxattr (p, name, v, len);
    if (len >= 0) {
      *len_r = len;
      return v;
    }
    free (v);
    if (errno != ERANGE)
      return NULL;
  }
}

/* ---- lists of attributes ---- */

struct xlist {
  guestfs_int_xattr_list *l;
  size_t alloc;
  uint64_t xdr_size;
};

static void
xlist_free (guestfs_int_xattr_list *l)
{
  if (l == NULL)
    return;
  for (u_int i = 0; i < l->guestfs_int_xattr_list_len; ++i) {
    free (l->guestfs_int_xattr_list_val[i].attrname);
    free (l->guestfs_int_xattr_list_val[i].attrval.attrval_val);
  }
  free (l->guestfs_int_xattr_list_val);
  free (l);
}

/* Add an entry, taking name and value.  -1 with errno (EFBIG when the
 * reply would be too large). */
static int
xlist_add (struct xlist *x, char *name, char *value, size_t len)
{
  guestfs_int_xattr *e;

  x->xdr_size += XDR_STRING_SIZE (strlen (name)) + XDR_STRING_SIZE (len);
  if (x->xdr_size > GUESTFS_STREAM_MAX) {
    free (name);
    free (value);
    errno = EFBIG;
    return -1;
  }
  if (x->l->guestfs_int_xattr_list_len == x->alloc) {
    size_t n = x->alloc ? x->alloc * 2 : 16;
    guestfs_int_xattr *v = realloc (x->l->guestfs_int_xattr_list_val,
                                    n * sizeof *v);
    if (v == NULL) {
      free (name);
      free (value);
      return -1;
    }
    x->l->guestfs_int_xattr_list_val = v;
    x->alloc = n;
  }
  e = &x->l->guestfs_int_xattr_list_val[x->l->guestfs_int_xattr_list_len++];
  e->attrname = name;
  e->attrval.attrval_val = value;
  e->attrval.attrval_len = len;
  return 0;
}

/* Append every attribute of p.  Returns the number added, or -1 with
 * errno. */
static ssize_t
add_all (struct xlist *x, const char *p, bool follow)
{
  CLEANUP_FREE char *names = NULL;
  ssize_t len, count = 0;

  names = list_names (p, follow, &len);
  if (names == NULL)
    return -1;
  names[len] = '\0';
  for (ssize_t i = 0; i < len; i += strlen (names + i) + 1) {
    char *name, *value;
    ssize_t vlen;
    value = get_value (p, follow, names + i, &vlen);
    if (value == NULL) {
      if (errno == ENODATA)   /* removed meanwhile */
        continue;
      return -1;
    }
    name = strdup (names + i);
    if (name == NULL) {
      free (value);
      return -1;
    }
    if (xlist_add (x, name, value, vlen) == -1)
      return -1;
    count++;
  }
  return count;
}

static guestfs_int_xattr_list *
xlist_new (struct xlist *x)
{
  x->alloc = 0;
  x->xdr_size = 4;
  x->l = calloc (1, sizeof *x->l);
  return x->l;
}

static guestfs_int_xattr_list *
getxattrs (const char *path, bool follow)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  struct xlist x;

  p = xattr_path (path, follow, &fd);
  if (p == NULL)
    return NULL;
  if (xlist_new (&x) == NULL || add_all (&x, p, follow) == -1) {
    reply_with_perror ("%s", path);
    xlist_free (x.l);
    return NULL;
  }
  return x.l;
}

guestfs_int_xattr_list *
do_getxattrs (const char *path)
{
  return getxattrs (path, true);
}

guestfs_int_xattr_list *
do_lgetxattrs (const char *path)
{
  return getxattrs (path, false);
}

guestfs_int_xattr_list *
do_lxattrlist (const char *path, char *const *names)
{
  CLEANUP_CLOSE int dirfd = -1;
  struct xlist x;

  dirfd = sysroot_open (path, O_PATH | O_DIRECTORY, 0);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (xlist_new (&x) == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  for (size_t i = 0; names[i]; ++i) {
    CLEANUP_FREE char *base = NULL, *p = NULL;
    char *count, *empty;
    size_t header, n;
    ssize_t r = -1;
    int fd;

    /* The header entry: "" and the count, filled in below. */
    empty = strdup ("");
    if (empty == NULL || xlist_add (&x, empty, NULL, 0) == -1)
      goto fail;
    header = x.l->guestfs_int_xattr_list_len - 1;

    fd = entry_parent (dirfd, path, names[i], &base);
    if (fd >= 0) {
      p = fd_entry_path (fd, base);
      if (p)
        r = add_all (&x, p, false);
      if (fd != dirfd)
        close (fd);
    }
    if (r == -1) {
      if (errno == EFBIG || errno == ENOMEM)
        goto fail;
      continue;                 /* this name failed: empty count */
    }
    /* The count as a C string, its NUL included, as libguestfs has it. */
    if (asprintf (&count, "%zd", r) == -1)
      goto fail;
    n = strlen (count) + 1;
    x.xdr_size += n + 3;
    x.l->guestfs_int_xattr_list_val[header].attrval.attrval_val = count;
    x.l->guestfs_int_xattr_list_val[header].attrval.attrval_len = n;
  }
  return x.l;

 fail:
  if (errno == EFBIG)
    reply_with_error_errno (EFBIG, "%s: too many attributes to return in one reply",
                            path);
  else
    reply_with_perror ("%s", path);
  xlist_free (x.l);
  return NULL;
}

/* ---- single attributes ---- */

static char *
getxattr_one (const char *path, const char *name, bool follow, size_t *size_r)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  ssize_t len;
  char *v;

  p = xattr_path (path, follow, &fd);
  if (p == NULL)
    return NULL;
  v = get_value (p, follow, name, &len);
  if (v == NULL) {
    reply_with_perror ("%s: %s", path, name);
    return NULL;
  }
  *size_r = len;
  return v;
}

char *
do_getxattr (const char *path, const char *name, size_t *size_r)
{
  return getxattr_one (path, name, true, size_r);
}

char *
do_lgetxattr (const char *path, const char *name, size_t *size_r)
{
  return getxattr_one (path, name, false, size_r);
}

static int
setxattr_one (const char *xattr, const char *val, int vallen,
              const char *path, bool follow)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  int r;

  /* The string's terminating NUL may be included, nothing beyond. */
  if (vallen < 0 || (size_t) vallen > strlen (val) + 1) {
    reply_with_error_errno (EINVAL, "%s: %s: vallen (%d) is negative or longer "
                            "than the value", path, xattr, vallen);
    return -1;
  }
  p = xattr_path (path, follow, &fd);
  if (p == NULL)
    return -1;
  r = follow ? setxattr (p, xattr, val, vallen, 0)
             : lsetxattr (p, xattr, val, vallen, 0);
  if (r == -1) {
    reply_with_perror ("%s: %s", path, xattr);
    return -1;
  }
  return 0;
}

int
do_setxattr (const char *xattr, const char *val, int vallen, const char *path)
{
  return setxattr_one (xattr, val, vallen, path, true);
}

int
do_lsetxattr (const char *xattr, const char *val, int vallen, const char *path)
{
  return setxattr_one (xattr, val, vallen, path, false);
}

static int
removexattr_one (const char *xattr, const char *path, bool follow)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  int r;

  p = xattr_path (path, follow, &fd);
  if (p == NULL)
    return -1;
  r = follow ? removexattr (p, xattr) : lremovexattr (p, xattr);
  if (r == -1) {
    reply_with_perror ("%s: %s", path, xattr);
    return -1;
  }
  return 0;
}

int
do_removexattr (const char *xattr, const char *path)
{
  return removexattr_one (xattr, path, true);
}

int
do_lremovexattr (const char *xattr, const char *path)
{
  return removexattr_one (xattr, path, false);
}
