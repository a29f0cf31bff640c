/* virt-ls: what ls.c (options, the simple modes) shares with walk.c
 * (the -lR listing) and output.c (its columns).
 */

#ifndef VIRT_LS_H
#define VIRT_LS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "guestfs.h"

#define LS_MODE_L  1
#define LS_MODE_R  2
#define LS_MODE_LR (LS_MODE_L | LS_MODE_R)

struct ls_options {
  int csv, json, human, uids, times, extra_stats;
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

/* walk.c: --json -l: DIR's entries with the fields of the -lR listing. */
extern int ls_long_json (const char *dir);

/* walk.c: DIR/REL as a guest path (REL NULL: DIR itself). */
extern char *ls_full_path (const char *dir, const char *rel);

/* walk.c: the type letter of the -lR listing for an st_mode. */
extern char ls_type_char (int64_t mode);

/* json.c: --json output: start a directory's entries, add an entry
 * (names only, or with the long fields; LINK and CHECKSUM may be NULL),
 * print the document.
 */
extern void ls_json_begin (const char *dir);
extern void ls_json_name (const char *name, const char *path);
extern void ls_json_long (const char *name, const char *path,
                          const struct guestfs_statns *st, const char *link,
                          const char *checksum);
extern void ls_json_print (void);

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
