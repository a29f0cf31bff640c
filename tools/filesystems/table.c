/* virt-filesystems: the output table.  --csv rows are written at once
 * (RFC 4180 quoting, empty for a missing value); text rows are kept
 * until the end so that each column can be padded to its widest value,
 * with "-" for a missing value, as libguestfs prints them.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "filesystems.h"

static char **rows;                 /* nr_rows * FS_NR_COLUMNS cells */
static size_t nr_rows;
static size_t width[FS_NR_COLUMNS];
static size_t nr_cols;

void
fs_table_row (const char *const *cells, size_t n)
{
  char **nr;

  if (fs_opts.csv) {
    for (size_t i = 0; i < n; ++i) {
      if (i > 0)
        putchar (',');
      if (cells[i])
        tools_csv_field (stdout, cells[i]);
    }
    putchar ('\n');
    return;
  }
  nr = realloc (rows, (nr_rows + 1) * FS_NR_COLUMNS * sizeof *rows);
  if (nr == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  rows = nr;
  for (size_t i = 0; i < FS_NR_COLUMNS; ++i) {
    const char *c = i < n ? (cells[i] && *cells[i] ? cells[i] : "-") : NULL;
    char *copy = c ? strdup (c) : NULL;

    if (c && copy == NULL) {
      perror ("strdup");
      exit (EXIT_FAILURE);
    }
    rows[nr_rows * FS_NR_COLUMNS + i] = copy;
    if (copy && strlen (copy) > width[i])
      width[i] = strlen (copy);
  }
  if (n > nr_cols)
    nr_cols = n;
  nr_rows++;
}

void
fs_table_print (void)
{
  size_t total = 0, gap = 2;

  /* Two spaces between columns, or one if that would pass 72 columns. */
  for (size_t j = 0; j < nr_cols; ++j)
    total += width[j] + gap;
  if (total > 72)
    gap = 1;

  for (size_t i = 0; i < nr_rows; ++i) {
    char **row = &rows[i * FS_NR_COLUMNS];

    for (size_t j = 0; j < nr_cols && row[j]; ++j) {
      fputs (row[j], stdout);
      if (j + 1 < nr_cols && row[j+1])
        printf ("%*s", (int) (width[j] + gap - strlen (row[j])), "");
      free (row[j]);
    }
    putchar ('\n');
  }
  free (rows);
  rows = NULL;
  nr_rows = 0;
}
