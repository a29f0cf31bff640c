/* guestfsd: small helpers of the second set of file calls — names in a
 * directory resolved safely, devices or guest files opened for block
 * I/O, sizes, and program output turned into a reply list. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/fs.h>

#include "daemon.h"
#include "files.h"
#include "files2.h"

int
entry_parent (int dirfd, const char *dir, const char *name, char **base)
{
  CLEANUP_FREE char *full = NULL;
  int fd;

  *base = NULL;
  if (*name == '\0') {
    errno = ENOENT;
    return -1;
  }
  /* The common case: a plain name in the directory already open. */
  if (strchr (name, '/') == NULL && !STREQ (name, ".") && !STREQ (name, "..")) {
    *base = strdup (name);
    return *base ? dirfd : -1;
  }
  /* Anything else is resolved afresh inside the root: a '/' or ".."
   * through dirfd could otherwise climb out of the guest. */
  if (asprintf (&full, "%s/%s", dir, name) == -1)
    return -1;
  if (last_is_dot (full)) {
    fd = sysroot_open (full, O_PATH | O_DIRECTORY, 0);
    if (fd >= 0 && (*base = strdup (".")) == NULL) {
      close (fd);
      return -1;
    }
    return fd;
  }
  return sysroot_open_parent (full, base);
}

char *
fd_entry_path (int dirfd, const char *base)
{
  char *p;

  if (asprintf (&p, "/proc/self/fd/%d/%s", dirfd, base) == -1)
    return NULL;
  return p;
}

bool
is_device_name (const char *name)
{
  /* Dev_or_Path and Device arguments starting so were checked to be
   * devices the API knows, and translated to kernel names. */
  return STRPREFIX (name, "/dev/");
}

char *
shown_name (const char *name)
{
  char *r = is_device_name (name) ? daemon_device_to_api (name) : NULL;

  return r ? r : strdup (name);
}

int
open_dev_or_path (const char *name, bool device, int flags, bool create)
{
  struct stat st;
  int fd, fl;

  if (device) {
    fd = open (name, flags | O_CLOEXEC | O_NOCTTY);
    if (fd == -1) {
      CLEANUP_FREE char *shown = shown_name (name);
      reply_with_perror ("%s", shown ? shown : name);
    }
    return fd;
  }
  /* O_NONBLOCK: a FIFO planted in the guest must not hang the daemon.
   * Symlinks are followed, inside the guest root. */
  fd = sysroot_open (name, flags | O_NONBLOCK | O_NOCTTY | (create ? O_CREAT : 0),
                     0666);
  if (fd == -1) {
    /* ENXIO: a FIFO without a reader, refused by O_NONBLOCK. */
    if (errno == ENXIO)
      reply_with_error_errno (EINVAL, "%s: not a regular file", name);
    else
      reply_with_perror ("%s", name);
    return -1;
  }
  if (fstat (fd, &st) == -1) {
    reply_with_perror ("%s", name);
    close (fd);
    return -1;
  }
  if (S_ISDIR (st.st_mode)) {
    reply_with_error_errno (EISDIR, "%s: %s", name, strerror (EISDIR));
    close (fd);
    return -1;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", name);
    close (fd);
    return -1;
  }
  fl = fcntl (fd, F_GETFL);
  if (fl == -1 || fcntl (fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
    reply_with_perror ("%s", name);
    close (fd);
    return -1;
  }
  return fd;
}

int64_t
fd_size (int fd)
{
  struct stat st;
  uint64_t size;

  if (fstat (fd, &st) == -1)
    return -1;
  if (S_ISBLK (st.st_mode)) {
    if (ioctl (fd, BLKGETSIZE64, &size) == -1)
      return -1;
    return size;
  }
  return st.st_size;
}

char **
output_lines (const char *what, const char *out)
{
  return lines_reply (what, out, strlen (out));
}

/* ---- a chrooted child's output streamed as the call's FileOut ---- */

struct stream_out {
  bool started, cancelled;
};

static int
stream_out_data (void *opaque, const void *buf, size_t len)
{
  struct stream_out *s = opaque;
  const char *p = buf;

  if (!s->started) {
    if (len == 0 || *p != STREAM_READY)
      return -1;
    s->started = true;
    reply (NULL, NULL);
    p++;
    len--;
  }
  if (len > 0 && send_file_write (p, len) == -1) {
    s->cancelled = true;
    return -1;
  }
  return 0;
}

int
sysroot_stream_out (sysroot_fn fn, void *opaque, const char *what)
{
  struct stream_out s = { .started = false, .cancelled = false };
  CLEANUP_FREE char *err = NULL;
  int r;

  r = sysroot_run (fn, opaque, -1, stream_out_data, &s, &err);
  if (s.cancelled)
    return -1;                  /* the library cancelled: no reply */
  if (r == 0 && s.started) {
    send_file_end (0);
    return 0;
  }
  /* Once the reply has gone, the error follows a cancel chunk. */
  if (s.started)
    send_file_end (1);
  reply_with_error ("%s: %s", what, err ? err : "failed");
  return -1;
}
