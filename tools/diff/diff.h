/* virt-diff: what the walk of a guest collects and the output takes. */

#ifndef GUESTKIT_TOOLS_DIFF_H
#define GUESTKIT_TOOLS_DIFF_H

#include <stdint.h>
#include <time.h>

#include "options.h"

struct diff_xattr {
  char *name;
  char *value;                  /* value_len bytes, not NUL-terminated */
  size_t value_len;
};

struct diff_file {
  char *path;
  struct guestfs_statns st;     /* times flattened as the options say */
  struct diff_xattr *xattrs;
  size_t nr_xattrs;
  char *csum;                   /* --checksum of a regular file, or NULL */
};

/* Every entry of a guest, in walk order: "/", then each directory's
 * entries sorted, each followed at once by what is below it.
 */
struct diff_tree {
  guestfs_h *g;
  struct diff_file *files;
  size_t nr_files, allocated;
};

struct diff_options {
  int atime, dir_links, dir_times, csv, human;
  int extra_stats, times, uids, xattrs;
  int time_t_output, time_relative;   /* 1 = seconds, 2 = days */
  const char *checksum;               /* NULL = times and sizes */
  time_t now;
};

extern struct diff_options diff_opts;

/* walk.c: collect the mounted guest in G.  NULL on error (reported). */
extern struct diff_tree *diff_walk (guestfs_h *g);
extern void diff_free_tree (struct diff_tree *t);

/* output.c: print the differences from T1 to T2.  0, or -1 on an
 * output error.
 */
extern int diff_trees (struct diff_tree *t1, struct diff_tree *t2);

#endif /* GUESTKIT_TOOLS_DIFF_H */
