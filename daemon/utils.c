/* guestfsd helpers: growable string lists, line splitting, whole-fd
 * reads and the cleanup functions behind the CLEANUP_* macros. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <ctype.h>
#include <dirent.h>
#include <sys/resource.h>

#include "daemon.h"

/* Append without replying on failure (usable in forked children). */
static int
append_string (struct stringsbuf *sb, char *str)
{
  if (sb->size >= sb->alloc) {
    size_t n = sb->alloc ? sb->alloc * 2 : 16;
    char **p = realloc (sb->argv, n * sizeof (char *));
    if (p == NULL) {
      free (str);
      return -1;
    }
    sb->argv = p;
    sb->alloc = n;
  }
  sb->argv[sb->size++] = str;
  return 0;
}

int
add_string_nodup (struct stringsbuf *sb, char *str)
{
  if (append_string (sb, str) == -1) {
    reply_with_perror ("realloc");
    return -1;
  }
  return 0;
}

int
add_string (struct stringsbuf *sb, const char *str)
{
  char *s = NULL;

  if (str) {
    s = strdup (str);
    if (s == NULL) {
      reply_with_perror ("strdup");
      return -1;
    }
  }
  return add_string_nodup (sb, s);
}

int
end_stringsbuf (struct stringsbuf *sb)
{
  return add_string_nodup (sb, NULL);
}

void
free_stringsbuf (struct stringsbuf *sb)
{
  for (size_t i = 0; i < sb->size; ++i)
    free (sb->argv[i]);
  free (sb->argv);
  sb->argv = NULL;
  sb->size = sb->alloc = 0;
}

char **
take_stringsbuf (struct stringsbuf *sb)
{
  char **r = sb->argv;

  sb->argv = NULL;
  sb->size = sb->alloc = 0;
  return r;
}

static int
compare (const void *a, const void *b)
{
  return strcmp (* (char *const *) a, * (char *const *) b);
}

void
sort_strings (char **argv, size_t len)
{
  qsort (argv, len, sizeof (char *), compare);
}

size_t
daemon_count_strings (char *const *argv)
{
  size_t n = 0;

  while (argv[n])
    n++;
  return n;
}

void
daemon_free_string_list (char **argv)
{
  if (argv == NULL)
    return;
  for (size_t i = 0; argv[i]; ++i)
    free (argv[i]);
  free (argv);
}

char **
daemon_strlist_from_xdr (u_int len, char **val, int devices)
{
  DECLARE_STRINGSBUF (sb);

  for (u_int i = 0; i < len; ++i) {
    if (devices) {
      char *d = daemon_resolve_device (val[i]);
      if (d == NULL) {
        free_stringsbuf (&sb);
        return NULL;
      }
      if (add_string_nodup (&sb, d) == -1)
        return NULL;
    }
    else if (add_string (&sb, val[i]) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
split_lines (const char *buf, size_t len)
{
  DECLARE_STRINGSBUF (sb);
  size_t i = 0;

  while (i < len) {
    const char *nl = memchr (buf + i, '\n', len - i);
    size_t end = nl ? (size_t) (nl - buf) : len;
    size_t n = end - i;
    char *line;

    if (n > 0 && buf[i + n - 1] == '\r')
      n--;
    line = strndup (buf + i, n);
    if (line == NULL) {
      reply_with_perror ("strndup");
      free_stringsbuf (&sb);
      return NULL;
    }
    if (add_string_nodup (&sb, line) == -1)
      return NULL;
    i = end + 1;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char *
read_whole_fd (int fd, size_t max, size_t *len_r)
{
  size_t alloc = 8192, len = 0;
  char *buf = malloc (alloc + 1);

  if (buf == NULL)
    return NULL;
  for (;;) {
    ssize_t r;
    if (len == alloc) {
      char *p;
      if (alloc >= max) {
        free (buf);
        errno = EFBIG;
        return NULL;
      }
      alloc = alloc * 2 > max ? max : alloc * 2;
      p = realloc (buf, alloc + 1);
      if (p == NULL) {
        free (buf);
        return NULL;
      }
      buf = p;
    }
    r = read (fd, buf + len, alloc - len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      free (buf);
      return NULL;
    }
    if (r == 0)
      break;
    len += r;
  }
  buf[len] = '\0';
  if (len_r)
    *len_r = len;
  return buf;
}

int
xwrite (int fd, const void *buf, size_t len)
{
  const char *p = buf;

  while (len > 0) {
    ssize_t r = write (fd, p, len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += r;
    len -= r;
  }
  return 0;
}

int
xread (int fd, void *buf, size_t len)
{
  char *p = buf;

  while (len > 0) {
    ssize_t r = read (fd, p, len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = EIO;
      return -1;
    }
    p += r;
    len -= r;
  }
  return 0;
}

void
trim_trailing (char *s)
{
  size_t n = strlen (s);

  while (n > 0 && isspace ((unsigned char) s[n - 1]))
    s[--n] = '\0';
}

void
daemon_cleanup_free_string_list (void *ptr)
{
  daemon_free_string_list (* (char ***) ptr);
}

void
daemon_cleanup_close (void *ptr)
{
  int fd = * (int *) ptr;

  if (fd >= 0)
    close (fd);
}

void
daemon_cleanup_free_stringsbuf (void *ptr)
{
  free_stringsbuf ((struct stringsbuf *) ptr);
}

char **
read_dir_names (int fd)
{
  DECLARE_STRINGSBUF (sb);
  struct dirent *e;
  DIR *d;
  int dfd = dup (fd);

  /* A private dup: closedir must not close the caller's fd. */
  if (dfd == -1)
    return NULL;
  d = fdopendir (dfd);
  if (d == NULL) {
    close (dfd);
    return NULL;
  }
  for (;;) {
    char *name;
    errno = 0;
    e = readdir (d);
    if (e == NULL)
      break;
    if (STREQ (e->d_name, ".") || STREQ (e->d_name, ".."))
      continue;
    name = strdup (e->d_name);
    if (name == NULL || append_string (&sb, name) == -1)
      goto fail;
  }
  if (errno != 0 || append_string (&sb, NULL) == -1)
    goto fail;
  closedir (d);
  return take_stringsbuf (&sb);

 fail:
  {
    int err = errno ? errno : ENOMEM;
    closedir (d);
    free_stringsbuf (&sb);
    errno = err;
    return NULL;
  }
}

void
raise_fd_limit (void)
{
  struct rlimit rl;

  if (getrlimit (RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit (RLIMIT_NOFILE, &rl);
  }
}
