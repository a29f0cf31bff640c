/* guestfsd: lines and counts of guest files — head_n, tail_n (with
 * head(1)'s and tail(1)'s meanings of negative counts) and wc_l, wc_w,
 * wc_c.  Positive counts reuse head's and tail's readers, which read no
 * more of the file than they need; negative ones read the file whole,
 * bounded like cat.  wc gets the opened file as its stdin, so it never
 * sees a guest path. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* An empty list, once the file was found readable (head -n 0 still
 * fails on a missing file). */
static char **
no_lines (const char *path)
{
  struct stat st;
  int fd = open_for_reading (path, &st);
  char **r;

  if (fd == -1)
    return NULL;
  close (fd);
  r = calloc (1, sizeof (char *));
  if (r == NULL)
    reply_with_perror ("%s", path);
  return r;
}

/* Offset where the last k lines of buf start (0 if it has k or fewer).
 * A final newline ends the last line; it doesn't start another. */
static size_t
last_lines_start (const char *buf, size_t len, uint64_t k)
{
  size_t p = len;
  uint64_t seen = 0;

  if (p > 0 && buf[p - 1] == '\n')
    p--;
  while (p > 0) {
    if (buf[p - 1] == '\n' && ++seen == k)
      return p;
    p--;
  }
  return 0;
}

char **
do_head_n (int nrlines, const char *path)
{
  CLEANUP_FREE char *buf = NULL;
  size_t len;

  if (nrlines > 0)
    return head_lines (path, nrlines);
  if (nrlines == 0)
    return no_lines (path);

  /* All but the last -nrlines lines. */
  buf = read_guest_file (path, &len, 2);
  if (buf == NULL)
    return NULL;
  return lines_reply (path, buf,
                      last_lines_start (buf, len, - (int64_t) nrlines));
}

char **
do_tail_n (int nrlines, const char *path)
{
  CLEANUP_FREE char *buf = NULL;
  size_t len, start = 0;
  uint64_t skip;

  if (nrlines > 0)
    return tail_lines (path, nrlines);
  if (nrlines == 0)
    return no_lines (path);

  /* From line number -nrlines on (tail -n +N). */
  buf = read_guest_file (path, &len, 2);
  if (buf == NULL)
    return NULL;
  skip = - (int64_t) nrlines - 1;
  while (skip > 0 && start < len) {
    const char *nl = memchr (buf + start, '\n', len - start);
    start = nl ? (size_t) (nl - buf) + 1 : len;
    skip--;
  }
  return lines_reply (path, buf + start, len - start);
}

/* ---- wc ---- */

static int
wc (const char *path, const char *flag)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *argv[] = { "wc", flag, NULL };
  struct stat st;
  long long n;
  char *end;
  int r;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return -1;
  r = commandv (&out, &err, argv, fd);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: wc %s: %s", path, flag,
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return -1;
  }
  errno = 0;
  n = strtoll (out ? out : "", &end, 10);
  if (errno || end == out || n < 0) {
    reply_with_error ("%s: wc %s: unexpected output", path, flag);
    return -1;
  }
  if (n > INT_MAX) {
    reply_with_error_errno (EOVERFLOW, "%s: the count (%lld) is too large for "
                            "this call's result", path, n);
    return -1;
  }
  return n;
}

int
do_wc_l (const char *path)
{
  return wc (path, "-l");
}

int
do_wc_w (const char *path)
{
  return wc (path, "-w");
}

int
do_wc_c (const char *path)
{
  return wc (path, "-c");
}
