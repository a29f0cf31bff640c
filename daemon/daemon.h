/* guestfsd: declarations shared by the daemon's files — replies and file
 * streams (proto.c), device names (device-name.c), guest paths
 * (sysroot.c), external commands (command.c) and small helpers
 * (utils.c). */

#ifndef GUESTFSD_DAEMON_H_
#define GUESTFSD_DAEMON_H_

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

#include "guestfs_protocol.h"

/* Where the guest's root filesystem is mounted inside the appliance. */
#define SYSROOT "/sysroot"

extern int verbose;

/* ---- the current call (proto.c) ---- */
extern uint64_t optargs_bitmask;
extern int proc_nr;
extern unsigned proc_serial;

/* Error replies.  Each sends the reply at once; the do_* function then
 * returns its error value and must not reply again. */
extern void reply_with_error (const char *fs, ...)
  __attribute__((format (printf, 1, 2)));
extern void reply_with_error_errno (int err, const char *fs, ...)
  __attribute__((format (printf, 2, 3)));
/* Appends ": strerror(errno)" and sends errno's name. */
extern void reply_with_perror (const char *fs, ...)
  __attribute__((format (printf, 1, 2)));
/* Success reply: XDR of ret (NULL for RErr). */
extern void reply (xdrproc_t xdrp, char *ret);

/* FileIn: read the stream the library sends after the call.  The callback
 * gets each chunk's data and returns 0, or -1 with errno set to stop.
 * Returns 0 at end of file, -1 on error (cb failure or bad stream; the
 * caller replies with an error), -2 if the library cancelled (the caller
 * must not reply at all). */
typedef int (*receive_cb) (void *opaque, const void *buf, size_t len);
extern int receive_file (receive_cb cb, void *opaque);
/* A FileIn stream on a disk (filein-disk.c): desc is the DISK chunk's
 * data.  Returns 0, -1 (cb failed, errno set), -2 (the library
 * cancelled) or -3 (an error reply was sent). */
extern int receive_from_disk (const void *desc, size_t len, receive_cb cb, void *opaque);
/* Write-behind for a large sequential write (write-behind.c): call
 * write_behind_wrote with the file offset after each write. */
struct write_behind {
  int fd;
  off_t mark, prev;             /* current and previous window starts */
};
extern void write_behind_init (struct write_behind *wb, int fd, off_t start);
extern void write_behind_wrote (struct write_behind *wb, off_t pos);
/* Has the library written CANCEL_FLAG?  (Consumes one word if any.) */
extern bool daemon_library_cancelled (void);
/* Discard the rest of the incoming stream (used before an error reply). */
extern int cancel_receive (void);

/* FileOut: after reply (NULL, NULL) stream data with send_file_write and
 * finish with send_file_end (0).  Returns -1 if the library cancelled
 * (then send nothing more).  On a failure mid-stream call
 * send_file_end (1) and then reply_with_error: the library receives the
 * cancel chunk and then the error. */
extern int send_file_write (const void *buf, size_t len);
extern int send_file_end (int cancel);

/* Progress of the current call; messages are rate-limited here. */
extern void notify_progress (uint64_t position, uint64_t total);
/* Pulse (position unknown): called periodically during long commands. */
extern void notify_progress_pulse (void);

/* The dispatch table (generated stubs.c). */
struct daemon_proc {
  const char *name;
  void (*stub) (XDR *xdr_in);
  unsigned flags;
};
#define DAEMON_PROC_FILEIN  1
#define DAEMON_PROC_FILEOUT 2
extern const struct daemon_proc daemon_procs[];
extern const size_t daemon_nr_procs;

/* Main loop (proto.c). */
extern void main_loop (int chan) __attribute__((noreturn));

/* ---- device names (device-name.c) ----
 * The API names drives /dev/sda, /dev/sdb… in the order the host added
 * them; the kernel's names may differ.  These translate both ways. */
extern char *daemon_resolve_device (const char *api_name);
extern char *daemon_resolve_mountable (const char *api_name);
/* A resolved Mountable is a kernel device, or "btrfsvol:<kernel
 * device>/<subvolume>" for a btrfs subvolume.  Split it: *dev_r gets the
 * device, *vol_r the subvolume or NULL (both malloc'd).  -1 with errno. */
extern int daemon_split_mountable (const char *mountable, char **dev_r,
                                   char **vol_r);
extern char *daemon_resolve_dev_or_path (const char *arg);
/* Kernel device (e.g. "/dev/sdc1") -> API name, malloc'd. */
extern char *daemon_device_to_api (const char *kernel_name);
/* API names of the whole disks, in order, NULL-terminated, malloc'd. */
extern char **daemon_list_disks (void);
/* Re-read the disk list (after hot-plug or partitioning). */
extern void daemon_devices_changed (void);
/* Kernel name ("sdc") of the i'th disk in API order, or NULL. */
extern const char *daemon_kernel_disk (size_t i);
extern const char *daemon_kernel_disk_at_target (unsigned target);
/* Is this a /dev path of a whole disk or partition we know? */
extern int daemon_is_device_name (const char *s);

/* ---- guest paths (sysroot.c) ---- */
/* Replies and returns -1 unless path is absolute and a root is mounted. */
extern int daemon_check_pathname (const char *path);
extern int sysroot_is_mounted (void);
/* open(2) a guest path with every component, symlinks included,
 * resolved inside the guest root (openat2 RESOLVE_IN_ROOT). */
extern int sysroot_open (const char *path, int flags, mode_t mode);
/* Open the parent directory of a guest path (resolved inside the root)
 * and return it as an O_PATH fd; *base gets the last component (malloc'd;
 * "." for "/"). */
extern int sysroot_open_parent (const char *path, char **base);
/* "/proc/self/fd/N" for a resolved fd: hands a resolved object to mount(2)
 * or to a program without re-resolving the guest path. */
extern char *fd_path (int fd);
/* Run fn in a forked child that chroots into the guest root.  The child's
 * stdout is passed to out_cb as it arrives (NULL: discarded); if in_fd >=
 * 0 it becomes the child's stdin.  fn returns 0 or -1 after printing an
 * error to stderr.  On failure returns -1 and *err (if not NULL) gets the
 * child's stderr, malloc'd. */
typedef int (*sysroot_fn) (void *opaque);
typedef int (*output_cb) (void *opaque, const void *buf, size_t len);
extern int sysroot_run (sysroot_fn fn, void *opaque, int in_fd,
                        output_cb out_cb, void *out_opaque, char **err);

/* ---- external commands (command.c) ---- */
/* Run argv[0] (searched in PATH) with stdout and stderr captured (either
 * may be NULL to discard).  stdin is /dev/null, or in_fd if >= 0.
 * Returns the exit status (0..255), or -1 if it could not run or was
 * killed (then *err explains).  Sends progress pulses while it runs. */
extern int commandv (char **out, char **err, const char *const *argv, int in_fd);
/* Same with a NULL-terminated list of arguments. */
extern int command (char **out, char **err, const char *prog, ...)
  __attribute__((sentinel));
/* Run and reply_with_error on failure ("<prog>: <stderr>"); 0 or -1. */
extern int command_or_reply (const char *const *argv);

/* ---- tree copies (copytree.c) ---- */
/* Copy src to dst recursively preserving owner, mode, times, xattrs and
 * links; run inside sysroot_run's chrooted child. */
extern int copytree (const char *src, const char *dst);
/* Copy size bytes between open files, keeping holes. */
extern int copy_file_data (int sfd, int dfd, off_t size);

/* ---- helpers (utils.c) ---- */
struct stringsbuf {
  char **argv;
  size_t size;
  size_t alloc;
};
#define DECLARE_STRINGSBUF(v) struct stringsbuf (v) = { NULL, 0, 0 }
/* These reply_with_error on allocation failure and return -1. */
extern int add_string (struct stringsbuf *sb, const char *str);
extern int add_string_nodup (struct stringsbuf *sb, char *str);
extern int end_stringsbuf (struct stringsbuf *sb);
extern void free_stringsbuf (struct stringsbuf *sb);
/* Take ownership of the NULL-terminated array. */
extern char **take_stringsbuf (struct stringsbuf *sb);
extern void sort_strings (char **argv, size_t len);
extern size_t daemon_count_strings (char *const *argv);
extern void daemon_free_string_list (char **argv);
extern char **daemon_strlist_from_xdr (u_int len, char **val, int devices);
/* The entries of an open directory but "." and "..", NULL-terminated and
 * malloc'd; fd stays open.  NULL with errno on failure (no reply). */
extern char **read_dir_names (int fd);
/* Tree walks hold one fd per level: let only absurd depths fail. */
extern void raise_fd_limit (void);
/* Split buf into lines (trailing \n, \r\n removed). */
extern char **split_lines (const char *buf, size_t len);
/* Read a whole fd into a malloc'd, NUL-terminated buffer (max bytes). */
extern char *read_whole_fd (int fd, size_t max, size_t *len_r);
extern int xwrite (int fd, const void *buf, size_t len);
extern int xread (int fd, void *buf, size_t len);
/* Trim trailing whitespace in place. */
extern void trim_trailing (char *s);

static inline void
daemon_cleanup_free (void *ptr)
{
  free (* (void **) ptr);
}
extern void daemon_cleanup_free_string_list (void *ptr);
extern void daemon_cleanup_close (void *ptr);
extern void daemon_cleanup_free_stringsbuf (void *ptr);

#define CLEANUP_FREE __attribute__((cleanup (daemon_cleanup_free)))
#define CLEANUP_FREE_STRING_LIST \
  __attribute__((cleanup (daemon_cleanup_free_string_list)))
#define CLEANUP_CLOSE __attribute__((cleanup (daemon_cleanup_close)))
#define CLEANUP_FREE_STRINGSBUF \
  __attribute__((cleanup (daemon_cleanup_free_stringsbuf)))

/* XDR size of a string of len bytes (length word, data, padding). */
#define XDR_STRING_SIZE(len) (4 + (((uint64_t) (len) + 3) & ~(uint64_t) 3))

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)
#define STRPREFIX(a,b) (strncmp ((a),(b),strlen ((b))) == 0)

#endif /* GUESTFSD_DAEMON_H_ */
