/* guestfsd: reading guest files for inspection.  The filesystem being
 * inspected is mounted on a private directory, and every path is opened
 * relative to that directory's fd with openat2(RESOLVE_IN_ROOT), so
 * absolute symlinks and ".." in the guest stay inside it.  Only regular
 * files are read, never more than a caller-given size, and nothing here
 * replies: a guest file that cannot be read is simply not there. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/openat2.h>

#include "daemon.h"
#include "inspect.h"

/* A directory with more entries than this is not searched to the end
 * for a case-insensitive match. */
#define CASE_SCAN_MAX 100000

int
guest_open (int root, const char *path, int flags, bool follow)
{
  /* openat2 refuses O_PATH with flags other than these. */
  int extra = (flags & O_PATH) ? 0 : O_NOCTTY;
  struct open_how how = {
    .flags = (uint64_t) (flags | O_CLOEXEC | extra | (follow ? 0 : O_NOFOLLOW)),
    .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  const char *rel = path;
  int fd, tries = 0;

  while (*rel == '/')
    rel++;
  if (*rel == '\0')
    rel = ".";
  do
    fd = syscall (SYS_openat2, root, rel, &how, sizeof how);
  while (fd == -1 && errno == EAGAIN && ++tries < 16);
  return fd;
}

static bool
guest_stat (int root, const char *path, bool follow, struct stat *st)
{
  int fd = guest_open (root, path, O_PATH, follow);
  bool r;

  if (fd == -1)
    return false;
  r = fstat (fd, st) == 0;
  close (fd);
  return r;
}

bool
guest_is_file (int root, const char *path, bool follow)
{
  struct stat st;

  return guest_stat (root, path, follow, &st) && S_ISREG (st.st_mode);
}

bool
guest_is_dir (int root, const char *path, bool follow)
{
  struct stat st;

  return guest_stat (root, path, follow, &st) && S_ISDIR (st.st_mode);
}

bool
guest_is_symlink_to (int root, const char *path, const char *target)
{
  int fd = guest_open (root, path, O_PATH, false);
  char buf[PATH_MAX];
  struct stat st;
  ssize_t n = -1;

  if (fd == -1)
    return false;
  if (fstat (fd, &st) == 0 && S_ISLNK (st.st_mode))
    n = readlinkat (fd, "", buf, sizeof buf - 1);
  close (fd);
  if (n < 0)
    return false;
  buf[n] = '\0';
  return STREQ (buf, target);
}

char *
guest_read_file (int root, const char *path, size_t max, size_t *len_r)
{
  /* O_NONBLOCK: a FIFO must not hang us before fstat shows what it is. */
  int fd = guest_open (root, path, O_RDONLY | O_NONBLOCK, true);
  struct stat st;
  char *buf;
  size_t len = 0;

  if (fd == -1)
    return NULL;
  if (fstat (fd, &st) == -1) {
    close (fd);
    return NULL;
  }
  if (!S_ISREG (st.st_mode)) {
    close (fd);
    errno = EINVAL;
    return NULL;
  }
  if ((uint64_t) st.st_size > max) {
    close (fd);
    errno = EFBIG;
    return NULL;
  }
  buf = malloc (st.st_size + 1);
  if (buf == NULL) {
    close (fd);
    return NULL;
  }
  /* Read what fstat promised, no more: the file cannot grow us. */
  while (len < (size_t) st.st_size) {
    ssize_t r = read (fd, buf + len, st.st_size - len);
    if (r == -1 && errno == EINTR)
      continue;
    if (r == -1) {
      int err = errno;
      free (buf);
      close (fd);
      errno = err;
      return NULL;
    }
    if (r == 0)
      break;
    len += r;
  }
  close (fd);
  buf[len] = '\0';
  if (len_r)
    *len_r = len;
  return buf;
}

void
free_lines (char **lines)
{
  if (lines == NULL)
    return;
  for (size_t i = 0; lines[i]; ++i)
    free (lines[i]);
  free (lines);
}

char **
guest_read_lines (int root, const char *path)
{
  size_t len;
  char *buf = guest_read_file (root, path, INSPECT_SMALL_FILE_MAX, &len);
  char **lines;

  if (buf == NULL)
    return NULL;
  lines = inspect_split_lines (buf, len);
  free (buf);
  return lines;
}

char **
inspect_split_lines (const char *buf, size_t len)
{
  size_t n = 0, alloc = 16;
  char **lines;
  size_t i = 0;

  lines = malloc (alloc * sizeof (char *));
  if (lines == NULL)
    goto fail;
  while (i < len) {
    const char *nl = memchr (buf + i, '\n', len - i);
    size_t end = nl ? (size_t) (nl - buf) : len;
    size_t l = end - i;

    if (l > 0 && buf[i + l - 1] == '\r')
      l--;
    if (n + 1 >= alloc) {
      char **p = realloc (lines, 2 * alloc * sizeof (char *));
      if (p == NULL)
        goto fail;
      lines = p;
      alloc *= 2;
    }
    /* An embedded NUL ends the line, as it would in C. */
    lines[n] = strndup (buf + i, l);
    if (lines[n] == NULL)
      goto fail;
    n++;
    i = end + 1;
  }
  lines[n] = NULL;
  return lines;

 fail:
  if (lines) {
    lines[n] = NULL;
    free_lines (lines);
  }
  errno = ENOMEM;
  return NULL;
}

char *
guest_read_first_line (int root, const char *path)
{
  char **lines = guest_read_lines (root, path);
  char *r;

  if (lines == NULL)
    return NULL;
  r = strdup (lines[0] ? lines[0] : "");
  free_lines (lines);
  return r;
}

/* The name in directory dirpath matching name case-insensitively (an
 * exact match preferred), malloc'd; NULL if none. */
static char *
find_nocase (int root, const char *dirpath, const char *name)
{
  int fd = guest_open (root, dirpath, O_RDONLY | O_DIRECTORY, true);
  char *r = NULL;
  struct dirent *e;
  size_t seen = 0;
  DIR *d;

  if (fd == -1)
    return NULL;
  d = fdopendir (fd);
  if (d == NULL) {
    close (fd);
    return NULL;
  }
  while ((e = readdir (d)) != NULL && seen++ < CASE_SCAN_MAX) {
    if (STREQ (e->d_name, name)) {
      free (r);
      r = strdup (e->d_name);
      break;
    }
    if (r == NULL && strcasecmp (e->d_name, name) == 0)
      r = strdup (e->d_name);
  }
  closedir (d);
  return r;
}

char *
guest_case_path (int root, const char *path)
{
  char *copy = strdup (path), *save = NULL, *comp;
  char *r = strdup ("");

  if (copy == NULL || r == NULL)
    goto fail;
  for (comp = strtok_r (copy, "/", &save); comp;
       comp = strtok_r (NULL, "/", &save)) {
    char *found, *next;

    if (STREQ (comp, ".") || STREQ (comp, ".."))
      goto fail;
    found = find_nocase (root, *r ? r : "/", comp);
    if (found == NULL)
      goto fail;
    if (asprintf (&next, "%s/%s", r, found) == -1) {
      free (found);
      goto fail;
    }
    free (found);
    free (r);
    r = next;
    if (strlen (r) >= PATH_MAX)
      goto fail;
  }
  free (copy);
  if (*r == '\0') {
    free (r);
    return strdup ("/");
  }
  return r;

 fail:
  free (copy);
  free (r);
  return NULL;
}

bool
guest_is_file_nocase (int root, const char *path)
{
  char *p = guest_case_path (root, path);
  bool r = p && guest_is_file (root, p, false);

  free (p);
  return r;
}

bool
guest_is_dir_nocase (int root, const char *path)
{
  char *p = guest_case_path (root, path);
  bool r = p && guest_is_dir (root, p, false);

  free (p);
  return r;
}

char *
shell_unquote (const char *s)
{
  size_t len = strlen (s);
  char *r, *p;

  if (len >= 2 && s[0] == '\'' && s[len - 1] == '\'')
    return strndup (s + 1, len - 2);
  if (!(len >= 2 && s[0] == '"' && s[len - 1] == '"'))
    return strdup (s);
  /* Inside double quotes a backslash escapes $ ` " \ and newline. */
  r = p = malloc (len);
  if (r == NULL)
    return NULL;
  for (size_t i = 1; i < len - 1; ++i) {
    if (s[i] == '\\' && i + 1 < len - 1 && strchr ("$`\"\\\n", s[i + 1]))
      i++;
    *p++ = s[i];
  }
  *p = '\0';
  return r;
}

/* A run of digits as an int; false if it does not fit. */
static bool
digits_to_int (const char *s, size_t n, int *out)
{
  long v = 0;

  for (size_t i = 0; i < n; ++i) {
    v = v * 10 + (s[i] - '0');
    if (v > INT_MAX)
      return false;
  }
  *out = (int) v;
  return true;
}

bool
parse_version (const char *s, int *major, int *minor)
{
  size_t i = 0, first = SIZE_MAX, first_len = 0;

  /* The leftmost "N.M", else the leftmost "N" (minor 0). */
  while (s[i]) {
    size_t j;

    if (!isdigit ((unsigned char) s[i])) {
      i++;
      continue;
    }
    for (j = i; isdigit ((unsigned char) s[j]); ++j)
      ;
    if (first == SIZE_MAX) {
      first = i;
      first_len = j - i;
    }
    if (s[j] == '.' && isdigit ((unsigned char) s[j + 1])) {
      size_t k;
      for (k = j + 1; isdigit ((unsigned char) s[k]); ++k)
        ;
      if (digits_to_int (s + i, j - i, major) &&
          digits_to_int (s + j + 1, k - j - 1, minor))
        return true;
    }
    i = j;
  }
  if (first != SIZE_MAX && digits_to_int (s + first, first_len, major)) {
    *minor = 0;
    return true;
  }
  return false;
}
