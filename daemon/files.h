/* guestfsd: helpers shared by the single-file calls (read.c, write.c,
 * remove.c, copy.c, files.c). */

#ifndef GUESTFSD_FILES_H_
#define GUESTFSD_FILES_H_

#include <stdbool.h>
#include <sys/stat.h>

/* Is the last component "." or ".."? (no parent entry to act on) */
extern bool last_is_dot (const char *path);
/* ln -s / ln -sf inside the guest root (files.c); replies on error. */
extern int make_symlink (const char *target, const char *linkname, bool force);
/* Open a regular guest file for reading (symlinks followed inside the
 * root); replies with an error and returns -1 otherwise. */
extern int open_for_reading (const char *path, struct stat *st);
/* Tree walk in the chrooted child (dir.c): fn gets everything below
 * the directory fd, parents first, never following symlinks; rel is
 * fd's own path (prefix of relpath).  Errors are printed to stderr (the
 * first ten) and counted in tree_walk_errors, which the caller resets. */
typedef void (*walk_fn) (void *opaque, const char *relpath,
                         const struct stat *st);
extern int tree_walk_errors;
extern void tree_walk (int fd, const char *rel, walk_fn fn, void *opaque);
/* copytree (daemon.h), or with preserve false cp -rP's copy: the
 * permissions less the umask, no owners, times, xattrs or hard links. */
extern int copytree_opts (const char *src, const char *dst, bool preserve);
/* rm -rf inside the chrooted child. */
extern int remove_tree (const char *path);

#endif
