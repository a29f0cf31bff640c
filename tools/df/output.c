/* virt-df: format the title and one row per filesystem exactly as
 * libguestfs's virt-df does: a 36-column "NAME:DEV" field (a longer one
 * is followed by a line break and 36 spaces), four right-aligned
 * columns, or with --csv two text fields then the raw numbers.
 */

#include <config.h>

#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <string.h>
#include <math.h>

#include "options.h"
#include "df.h"

#define NAME_WIDTH 36

struct df_mode df_mode;

void
df_print_title (FILE *fp)
{
  const char *cols[4];

  if (df_mode.inodes) {
    cols[0] = "Inodes";
    cols[1] = "IUsed";
    cols[2] = "IFree";
    cols[3] = "IUse%";
  }
  else {
    cols[0] = df_mode.human ? "Size" : "1K-blocks";
    cols[1] = "Used";
    cols[2] = "Available";
    cols[3] = "Use%";
  }

  if (df_mode.csv)
    fprintf (fp, "VirtualMachine,Filesystem,%s,%s,%s,%s\n",
             cols[0], cols[1], cols[2], cols[3]);
  else
    fprintf (fp, "%-36s%10s %10s %10s %5s\n",
             "Filesystem", cols[0], cols[1], cols[2], cols[3]);
}

/* Sizes: a number of 1K blocks, or with -h a human-readable size. */
static void
format_size (char *buf, size_t len, int64_t blocks, int64_t bsize)
{
  if (df_mode.human) {
    char hbuf[16];

    snprintf (buf, len, "%s",
              tools_human_size ((unsigned long long) blocks *
                                (unsigned long long) bsize, 1, hbuf));
  }
  else
    snprintf (buf, len, "%" PRIi64, blocks * (bsize / 1024));
}

void
df_print_row (FILE *fp, const char *name, const char *dev,
              const struct guestfs_statvfs *st)
{
  char cols[3][32];
  double percent;
  size_t len, i;

  if (!df_mode.inodes) {
    format_size (cols[0], sizeof cols[0], st->blocks, st->bsize);
    format_size (cols[1], sizeof cols[1], st->blocks - st->bfree, st->bsize);
    format_size (cols[2], sizeof cols[2], st->bavail, st->bsize);
    percent = st->blocks > 0
      ? 100. - 100. * (double) st->bfree / (double) st->blocks : 0;
  }
  else {
    snprintf (cols[0], sizeof cols[0], "%" PRIi64, st->files);
    snprintf (cols[1], sizeof cols[1], "%" PRIi64, st->files - st->ffree);
    snprintf (cols[2], sizeof cols[2], "%" PRIi64, st->ffree);
    percent = st->files > 0
      ? 100. - 100. * (double) st->ffree / (double) st->files : 0;
  }

  if (df_mode.csv) {
    tools_csv_field (fp, name);
    fputc (',', fp);
    tools_csv_field (fp, dev);
    /* libguestfs: the exact percentage and no "%" sign in CSV, but
     * rounded up in the text table.
     */
    fprintf (fp, ",%s,%s,%s,%.1f\n", cols[0], cols[1], cols[2], percent);
    return;
  }

  fprintf (fp, "%s:%s", name, dev);
  len = strlen (name) + 1 + strlen (dev);
  if (len <= NAME_WIDTH)
    for (i = len; i < NAME_WIDTH; ++i)
      fputc (' ', fp);
  else
    fprintf (fp, "\n%*s", NAME_WIDTH, "");
  fprintf (fp, "%10s %10s %10s %4.0f%%\n",
           cols[0], cols[1], cols[2], ceil (percent));
}
