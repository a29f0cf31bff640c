/* virt-ls: the columns of the -lR listing, in libguestfs's formats:
 * space-separated and right-aligned, or comma-separated with RFC 4180
 * quoting for --csv.  Names are written as the guest has them.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <time.h>
#include <sys/sysmacros.h>

#include "options.h"
#include "ls.h"

static int field;

void
ls_start_line (void)
{
  field = 0;
}

void
ls_end_line (void)
{
  putchar ('\n');
}

static void
next_field (void)
{
  if (field++ > 0)
    putchar (ls_opts.csv ? ',' : ' ');
}

void
ls_string (const char *s)
{
  next_field ();
  /* libguestfs quotes on space, quote, comma and newline only. */
  if (ls_opts.csv && strpbrk (s, " \",\n")) {
    putchar ('"');
    for (; *s; ++s) {
      if (*s == '"')
        putchar ('"');
      putchar (*s);
    }
    putchar ('"');
  }
  else
    fputs (s, stdout);
}

void
ls_link (const char *target)
{
  if (ls_opts.csv)
    ls_string (target);
  else {
    next_field ();
    printf ("-> %s", target);
  }
}

void
ls_int64 (int64_t i)
{
  next_field ();
  printf ("%" PRIi64, i);
}

void
ls_perms (int64_t mode)
{
  next_field ();
  printf ("%04" PRIo64, (uint64_t) mode);
}

void
ls_size (int64_t size)
{
  char buf[32];

  next_field ();
  if (ls_opts.human)
    tools_human_size ((unsigned long long) size, 1, buf);
  else
    snprintf (buf, sizeof buf, "%" PRIi64, size);
  printf (ls_opts.csv ? "%s" : "%10s", buf);
}

void
ls_time (int64_t secs)
{
  next_field ();
  if (ls_opts.time_t_output) {
    switch (ls_opts.time_relative) {
    case 0:
      printf ("%10" PRIi64, secs);
      break;
    case 1:
      printf ("%8" PRIi64, (int64_t) ls_opts.now - secs);
      break;
    default:
      printf ("%3" PRIi64, ((int64_t) ls_opts.now - secs) / 86400);
      break;
    }
  }
  else {
    time_t t = (time_t) secs;
    struct tm *tm = localtime (&t);
    char buf[64];

    if (tm == NULL || strftime (buf, sizeof buf, "%F %T", tm) == 0)
      snprintf (buf, sizeof buf, "%" PRIi64, secs);
    fputs (buf, stdout);
  }
}

void
ls_uid (int64_t id)
{
  next_field ();
  /* Padded even in --csv, as libguestfs does. */
  printf ("%4" PRIi64, id);
}

void
ls_dev (int64_t dev)
{
  dev_t d = (dev_t) dev;

  next_field ();
  printf ("%ju:%ju", (uintmax_t) major (d), (uintmax_t) minor (d));
}
