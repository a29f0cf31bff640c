/* guestfsd: helpers shared by the single-file calls (read.c, write.c,
 * remove.c, copy.c, files.c). */

#ifndef GUESTFSD_FILES_H_
#define GUESTFSD_FILES_H_

#include <stdbool.h>
#include <sys/stat.h>

/* Is the last component "." or ".."? (no parent entry to act on) */
extern bool last_is_dot (const char *path);
/* Open a regular guest file for reading (symlinks followed inside the
 * root); replies with an error and returns -1 otherwise. */
extern int open_for_reading (const char *path, struct stat *st);
/* rm -rf inside the chrooted child. */
extern int remove_tree (const char *path);

#endif
