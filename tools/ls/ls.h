/* virt-ls: what ls.c (options, the simple modes) shares with walk.c
 * (the -lR listing) and output.c (its columns).
 */

#ifndef VIRT_LS_H
#define VIRT_LS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define LS_MODE_L  1
#define LS_MODE_R  2
#define LS_MODE_LR (LS_MODE_L | LS_MODE_R)

struct ls_options {
  int csv, human, uids, times, extra_stats;
  int time_t_output;                /* --time-t/-relative/-days */
  int time_relative;                /* 0 = time_t, 1 = seconds, 2 = days */
  const char *checksum;             /* NULL = no checksums */
  time_t now;
};
extern struct ls_options ls_opts;

/* walk.c: find0 of DIR into memory (names separated by '\0', each
 * starting with '/'); *LEN is set to the byte count.  NULL on error.
 */
extern char *ls_find0 (const char *dir, size_t *len);

/* walk.c: qsort order of a pre-order walk with each directory sorted
 * (on char * elements).
 */
extern int ls_compare_paths (const void *a, const void *b);

/* walk.c: the -lR listing of DIR. */
extern int ls_long_recursive (const char *dir);

/* output.c: one line's fields, libguestfs virt-ls style. */
extern void ls_start_line (void);
extern void ls_end_line (void);
extern void ls_string (const char *s);
extern void ls_link (const char *target);
extern void ls_int64 (int64_t i);
extern void ls_perms (int64_t mode);
extern void ls_size (int64_t size);
extern void ls_time (int64_t secs);
extern void ls_uid (int64_t id);
extern void ls_dev (int64_t dev);

#endif /* VIRT_LS_H */
