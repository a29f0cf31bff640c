/* virt-df: interfaces between its parts (output formatting, the per
 * guest statvfs walk, the driver in main.c).
 */

#ifndef DF_H
#define DF_H

#include <stdio.h>
#include <guestfs.h>
#include <json.h>

/* What to print, set once from the command line. */
struct df_mode {
  int csv;                      /* --csv */
  int human;                    /* -h */
  int inodes;                   /* -i */
  int json;                     /* --json */
};

extern struct df_mode df_mode;

/* The column titles line. */
extern void df_print_title (FILE *fp);

/* One row: NAME is the guest's display name, DEV the filesystem's
 * device as libguestfs names it.
 */
extern void df_print_row (FILE *fp, const char *name, const char *dev,
                          const struct guestfs_statvfs *st);

/* json.c: add a filesystem's object to the array LIST; make a guest's
 * object (taking FILESYSTEMS, an array of those).
 */
extern void df_json_row (json_object *list, const char *dev,
                         const struct guestfs_statvfs *st);
extern json_object *df_json_guest (const char *name,
                                   json_object *filesystems);

/* Mount each filesystem on the launched handle G read-only in turn,
 * statvfs it and print its row to FP, or with --json add it to the array
 * JSON.  Returns 0, or -1 if the filesystems could not be listed (the
 * error is left on G).
 */
extern int df_guest (guestfs_h *g, const char *name, FILE *fp,
                     json_object *json);

/* domains.c: a libvirt domain's name and UUID. */
struct df_domain {
  char *name;
  char *uuid;
};

/* Every domain with disks on the libvirt connection URI (libvirt's
 * default if NULL), sorted by name, in a new array.  Returns -1 after
 * printing the error.
 */
extern int df_list_domains (const char *uri, struct df_domain **doms,
                            size_t *nr);

/* The UUID of the domain DOM (a name or a UUID), newly allocated, or
 * NULL after printing the error.
 */
extern char *df_domain_uuid (const char *uri, const char *dom);

#endif /* DF_H */
