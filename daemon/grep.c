/* guestfsd: grep and its old variants (egrep, fgrep, grepi, ..., zfgrepi).
 * The guest file is opened inside the guest root and given to grep(1)
 * or zgrep(1) as its stdin, so the program never sees a guest path.
 * No matching line is an empty list, not an error. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* grep's optargs, in the API table's order. */
#define OPT_EXTENDED (UINT64_C(1) << 0)
#define OPT_FIXED (UINT64_C(1) << 1)
#define OPT_INSENSITIVE (UINT64_C(1) << 2)
#define OPT_COMPRESSED (UINT64_C(1) << 3)

static char **
run_grep (const char *regex, const char *path, bool extended, bool fixed,
          bool insensitive, bool compressed)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *argv[8];
  size_t i = 0;
  struct stat st;
  int r;

  if (extended && fixed) {
    reply_with_error ("can't use 'extended' and 'fixed' flags at the same time");
    return NULL;
  }
  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;

  argv[i++] = compressed ? "zgrep" : "grep";
  if (extended)
    argv[i++] = "-E";
  if (fixed)
    argv[i++] = "-F";
  if (insensitive)
    argv[i++] = "-i";
  argv[i++] = "--";
  argv[i++] = regex;
  argv[i] = NULL;

  r = commandv (&out, &err, argv, fd);
  /* 1: nothing matched. */
  if (r != 0 && r != 1) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: %s: %s", path, argv[0],
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return NULL;
  }
  return output_lines (path, r == 0 && out ? out : "");
}

char **
do_grep (const char *regex, const char *path, int extended, int fixed,
         int insensitive, int compressed)
{
  return run_grep (regex, path,
                   (optargs_bitmask & OPT_EXTENDED) && extended,
                   (optargs_bitmask & OPT_FIXED) && fixed,
                   (optargs_bitmask & OPT_INSENSITIVE) && insensitive,
                   (optargs_bitmask & OPT_COMPRESSED) && compressed);
}

char **
do_egrep (const char *regex, const char *path)
{
  return run_grep (regex, path, true, false, false, false);
}

char **
do_fgrep (const char *pattern, const char *path)
{
  return run_grep (pattern, path, false, true, false, false);
}

char **
do_grepi (const char *regex, const char *path)
{
  return run_grep (regex, path, false, false, true, false);
}

char **
do_egrepi (const char *regex, const char *path)
{
  return run_grep (regex, path, true, false, true, false);
}

char **
do_fgrepi (const char *pattern, const char *path)
{
  return run_grep (pattern, path, false, true, true, false);
}

char **
do_zgrep (const char *regex, const char *path)
{
  return run_grep (regex, path, false, false, false, true);
}

char **
do_zegrep (const char *regex, const char *path)
{
  return run_grep (regex, path, true, false, false, true);
}

char **
do_zfgrep (const char *pattern, const char *path)
{
  return run_grep (pattern, path, false, true, false, true);
}

char **
do_zgrepi (const char *regex, const char *path)
{
  return run_grep (regex, path, false, false, true, true);
}

char **
do_zegrepi (const char *regex, const char *path)
{
  return run_grep (regex, path, true, false, true, true);
}

char **
do_zfgrepi (const char *pattern, const char *path)
{
  return run_grep (pattern, path, false, true, true, true);
}
