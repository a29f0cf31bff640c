/* guestfsd: upload and download — stream a file or a whole device
 * between the library and the guest.  A guest path is opened inside the
 * guest root and must be a regular file: a device node or FIFO planted in
 * the guest could otherwise reach the appliance's own devices or block
 * the daemon forever.  Devices are the caller's disks, named by the API. */

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
#include "actions.h"

/* Reads for download: several protocol chunks at a time. */
#define READ_SIZE (4 * GUESTFS_MAX_CHUNK_SIZE)

static bool
is_device (const char *name)
{
  return STRPREFIX (name, "/dev/");
}

/* Open a guest path with the given flags (plus non-blocking, so a FIFO
 * cannot hang us) and check it is a regular file.  -1 with errno. */
static int
open_guest_file (const char *path, int flags, mode_t mode)
{
  int fd = sysroot_open (path, flags | O_NONBLOCK | O_NOCTTY, mode);
  struct stat st;

  if (fd == -1)
    return -1;
  if (fstat (fd, &st) == -1)
    goto fail;
  if (S_ISDIR (st.st_mode)) {
    errno = EISDIR;
    goto fail;
  }
  if (!S_ISREG (st.st_mode)) {
    errno = EINVAL;             /* reported as "not a regular file" */
    goto fail;
  }
  if (fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK) == -1)
    goto fail;
  return fd;

 fail:
  {
    int err = errno;
    close (fd);
    errno = err;
  }
  return -1;
}

/* The name to show in messages: for a device its API name, which the
 * kernel's may differ from. */
static char *
display_name (const char *name)
{
  char *r = is_device (name) ? daemon_device_to_api (name) : strdup (name);

  return r ? r : strdup (name);
}

static void
reply_open_error (const char *name)
{
  int err = errno;
  CLEANUP_FREE char *shown = display_name (name);

  /* ENXIO: a FIFO without a reader, refused by O_NONBLOCK. */
  if ((err == EINVAL || err == ENXIO) && !is_device (name))
    reply_with_error_errno (EINVAL, "%s: not a regular file", shown);
  else {
    errno = err;
    reply_with_perror ("%s", shown ? shown : name);
  }
}

struct upload_dest {
  int fd;
  off_t pos;
  struct write_behind wb;
};

static int
write_cb (void *opaque, const void *buf, size_t len)
{
  struct upload_dest *u = opaque;

  if (xwrite (u->fd, buf, len) == -1)
    return -1;
  u->pos += len;
  write_behind_wrote (&u->wb, u->pos);
  return 0;
}

int
do_upload (const char *remotefilename)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = display_name (remotefilename);
  int r;

  if (is_device (remotefilename))
    fd = open (remotefilename, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  else {
    /* Truncate only once we know it is a regular file. */
    fd = open_guest_file (remotefilename, O_WRONLY | O_CREAT, 0666);
    if (fd >= 0 && ftruncate (fd, 0) == -1) {
      close (fd);
      fd = -1;
    }
  }
  if (fd == -1) {
    /* The error reply also cancels the incoming stream. */
    reply_open_error (remotefilename);
    return -1;
  }

  {
    struct upload_dest u = { .fd = fd, .pos = 0 };
    write_behind_init (&u.wb, fd, 0);
    r = receive_file (write_cb, &u);
  }
  if (r == -2)                  /* the library cancelled: no reply */
    return -1;
  if (r == -1) {
    reply_with_perror ("%s: write", shown);
    return -1;
  }
  if (close (fd) == -1) {
    fd = -1;
    reply_with_perror ("%s: close", shown);
    return -1;
  }
  fd = -1;
  return 0;
}

int
do_download (const char *remotefilename)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = display_name (remotefilename);
  CLEANUP_FREE char *buf = NULL;
  uint64_t total, pos = 0;
  struct stat st;

  if (is_device (remotefilename))
    fd = open (remotefilename, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  else
    fd = open_guest_file (remotefilename, O_RDONLY, 0);
  if (fd == -1) {
    reply_open_error (remotefilename);
    return -1;
  }
  if (fstat (fd, &st) == -1) {
    reply_with_perror ("%s", shown);
    return -1;
  }
  if (S_ISBLK (st.st_mode)) {
    if (ioctl (fd, BLKGETSIZE64, &total) == -1) {
      reply_with_perror ("%s: BLKGETSIZE64", shown);
      return -1;
    }
  }
  else
    total = st.st_size;
  buf = malloc (READ_SIZE);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  /* From here on the reply has gone: errors travel as a cancel chunk
   * followed by an error. */
  reply (NULL, NULL);
  for (;;) {
    ssize_t n = read (fd, buf, READ_SIZE);
    if (n == -1) {
      if (errno == EINTR)
        continue;
      int err = errno;
      send_file_end (1);
      errno = err;
      reply_with_perror ("%s: read", shown);
      return -1;
    }
    if (n == 0)
      break;
    if (send_file_write (buf, n) == -1)
      return -1;                /* the library cancelled */
    pos += n;
    notify_progress (pos, total > pos ? total : pos);
  }
  if (pos != total)             /* the file shrank meanwhile */
    notify_progress (pos, pos);
  send_file_end (0);
  return 0;
}
