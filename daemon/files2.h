/* guestfsd: helpers shared by the second set of file calls (listing.c,
 * grep.c, lines.c, dump.c, filetype.c, filearch.c, dirlists.c, xattr.c,
 * paths.c, size.c, blockcopy.c, names.c, attrs.c, create.c, offset.c,
 * base64.c, tgz.c, compare.c, checksums.c, files2-util.c). */

#ifndef GUESTFSD_FILES2_H_
#define GUESTFSD_FILES2_H_

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

/* Look up name in the guest directory dir (open as dirfd, an O_PATH or
 * O_RDONLY directory fd), for the calls that take a directory and a
 * list of names in it.  Returns an fd to use with *base and the *at()
 * calls without following the last component (dirfd itself for a
 * plain name; a freshly opened parent, to be closed by the caller, when
 * the name has a '/' or is "." or ".."), so that no name can reach
 * outside the guest root.  *base is malloc'd.  -1 with errno. */
extern int entry_parent (int dirfd, const char *dir, const char *name,
                         char **base);

/* "/proc/self/fd/N/base": the last component of a guest path, reached
 * through its parent's fd, for system calls with no *at() form
 * (lgetxattr...).  Not followed if the call doesn't follow. */
extern char *fd_entry_path (int dirfd, const char *base);

/* Open a device (a Device argument, or a Dev_or_Path one for which
 * is_device_name is true: both are translated kernel names) or a guest
 * file (a Pathname: even one starting with /dev/ is a guest path) for
 * reading or writing.  Guest files must be regular files; with create,
 * a missing one is made (mode 0666 less the umask).  Returns the fd, or
 * -1 after replying. */
extern int open_dev_or_path (const char *name, bool device, int flags,
                             bool create);
/* For Dev_or_Path arguments only. */
extern bool is_device_name (const char *name);
/* The name of a device to show in messages: its API name (malloc'd;
 * the name itself if it has none; NULL only when out of memory). */
extern char *shown_name (const char *name);

/* Run fn in sysroot_run's chrooted child and stream what it prints as
 * the call's FileOut.  The child prints STREAM_READY first, once the
 * work can start: failures before it are plain error replies, later
 * ones end the stream with a cancel chunk and an error ("what: ...").
 * Returns 0, or -1 once replied or cancelled by the library. */
#define STREAM_READY 'R'
extern int sysroot_stream_out (sysroot_fn fn, void *opaque, const char *what);

/* Size of an open file or block device; -1 with errno. */
extern int64_t fd_size (int fd);

/* Read a whole guest file for a call's reply (a regular file, bounded
 * by the reply size and the appliance's memory; read.c). */
extern char *read_guest_file (const char *path, size_t *len_r,
                              unsigned copies);
/* The buffer as a list of lines, for a reply; replies on error. */
extern char **lines_reply (const char *path, const char *buf, size_t len);
/* First / last n (> 0) lines of a guest file (read.c). */
extern char **head_lines (const char *path, uint64_t n);
extern char **tail_lines (const char *path, uint64_t n);

/* Split a program's output into a list for a reply, refusing what one
 * reply cannot carry; replies on error. */
extern char **output_lines (const char *what, const char *out);

/* tar.c: tar_in / tar_out with a compression name (NULL: none). */
extern int tar_in_compressed (const char *directory, const char *compress);
extern int tar_out_compressed (const char *directory, const char *compress);

/* copy.c: cp -a (preserve) or cp -rP (not) semantics. */
extern int cp_tree (const char *src, const char *dest, bool preserve);

/* Checksums computed in the daemon (checksums.c).  The type names are
 * those of guestfs_checksum. */
struct csum;
extern struct csum *csum_new (const char *csumtype);
extern void csum_update (struct csum *c, const void *buf, size_t len);
/* The printable checksum (what the *sum program prints before the
 * name); frees c. */
extern char *csum_finish (struct csum *c);
extern bool csum_type_valid (const char *csumtype);
extern void reply_bad_csumtype (const char *csumtype);

/* pwrite all of buf at off, retrying short writes; -1 with errno
 * (ENOSPC for a write that makes no progress).  blockcopy.c */
extern int pwrite_full (int fd, const char *buf, size_t len, off_t off);

#endif
