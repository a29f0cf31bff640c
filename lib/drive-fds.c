/* libguestfs (guestkit): a drive's files handed to a running qemu as
 * descriptors we opened.  Drives plugged into a running appliance (one
 * at a time by add_drive on a launched handle, all of them after a warm
 * launch) are opened by qemu after it has dropped root (-runas,
 * qemu-privs.c): it could reach neither the overlays in our private
 * temp directory nor images only root may read.  So we open the files,
 * pass the descriptors over the monitor into qemu's fd sets (add-fd),
 * and name the sets (/dev/fdset/N) where the paths went.
 *
 * The access modes are ours to choose, and that is the point: the
 * original of a read-only drive goes in as O_RDONLY alone, so qemu
 * cannot write to it whatever it asks for.  A writable file goes in both
 * ways, because qemu opens a -drive file read-only first and reopens it
 * read-write when the disk device attaches (auto-read-only); each open
 * picks the descriptor of its mode from the set. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"

#define MONITOR_TIMEOUT_MS 30000

/* Hand one descriptor of path, opened with flags, to qemu: into the fd
 * set *set, or a new one (*set < 0) whose id goes to *set. */
static int
add_fd (guestfs_h *g, const char *path, int flags, int *set, bool *blockdev)
{
  json_object *args = json_object_new_object (), *ret, *id;
  struct stat st;
  int fd = open (path, flags | O_CLOEXEC | O_NOCTTY);

  if (fd == -1) {
    json_object_put (args);
    perrorf (g, "add_drive: %s", path);
    return -1;
  }
  if (fstat (fd, &st) == 0)
    *blockdev = S_ISBLK (st.st_mode);
  if (*set >= 0)
    json_object_object_add (args, "fdset-id", json_object_new_int (*set));
  ret = guestfs_int_qmp (g, "add-fd", args, fd, MONITOR_TIMEOUT_MS);
  close (fd);                   /* qemu has its own copy now */
  if (ret == NULL)
    return -1;
  if (*set < 0 && json_object_object_get_ex (ret, "fdset-id", &id))
    *set = json_object_get_int (id);
  json_object_put (ret);
  if (*set < 0) {
    error (g, "add_drive: %s: qemu's add-fd answer has no fdset-id", path);
    return -1;
  }
  return 0;
}

/* Quietly: the caller's error, if any, stays the one reported. */
void
guestfs_int_remove_fdset (guestfs_h *g, int set)
{
  char *saved = g->last_error;
  int saved_errnum = g->last_errnum;
  json_object *args;

  if (set < 0 || g->qmp < 0)
    return;
  args = json_object_new_object ();
  json_object_object_add (args, "fdset-id", json_object_new_int (set));
  g->last_error = NULL;
  guestfs_push_error_handler (g, NULL, NULL);
  guestfs_int_qmp_simple (g, "remove-fd", args, MONITOR_TIMEOUT_MS);
  guestfs_pop_error_handler (g);
  free (g->last_error);
  g->last_error = saved;
  g->last_errnum = saved_errnum;
}

int
guestfs_int_drive_pass_fds (guestfs_h *g, struct drive *d)
{
  /* The file qemu writes: the overlay of a read-only drive (the
   * original is its backing file), else the image itself. */
  const char *file = d->overlay ? d->overlay : d->filename;

  d->fdset = d->backing_fdset = -1;
  if (add_fd (g, file, O_RDONLY, &d->fdset, &d->fdset_blockdev) == -1 ||
      add_fd (g, file, O_RDWR, &d->fdset, &d->fdset_blockdev) == -1 ||
      (d->overlay &&
       add_fd (g, d->filename, O_RDONLY, &d->backing_fdset, &d->backing_blockdev) == -1)) {
    guestfs_int_remove_fdset (g, d->fdset);
    guestfs_int_remove_fdset (g, d->backing_fdset);
    d->fdset = d->backing_fdset = -1;
    return -1;
  }
  d->in_fdsets = true;
  return 0;
}

void
guestfs_int_drive_remove_fds (guestfs_h *g, struct drive *d)
{
  if (!d->in_fdsets)
    return;
  guestfs_int_remove_fdset (g, d->fdset);
  guestfs_int_remove_fdset (g, d->backing_fdset);
  d->in_fdsets = false;
  d->fdset = d->backing_fdset = -1;
}
