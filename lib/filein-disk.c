/* libguestfs (guestkit): uploads of large regular files through a disk.
 * The appliance's virtio-serial port delivers host data in 4 KiB buffers,
 * which caps uploads under TCG near 60 MB/s.  For a large regular file
 * the file itself is plugged into the appliance as a read-only SCSI disk
 * (qemu gets our open descriptor, so the path is never reopened), the
 * daemon reads it with large requests, and the disk is unplugged after
 * the call.  Whatever goes wrong before the call is sent, the data is
 * streamed as before. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* Below this, plugging and unplugging (~0.2 s under TCG) costs more
 * than it saves. */
#define FILEIN_DISK_MIN (32 * 1024 * 1024)
#define MONITOR_TIMEOUT_MS 30000
#define MAX_SLOT 255

static void
remove_fdset (guestfs_h *g, struct filein_disk *fdk)
{
  guestfs_int_remove_fdset (g, fdk->fdset);
  fdk->fdset = -1;
}

static int
attach (guestfs_h *g, int fd, struct filein_disk *fdk)
{
  json_object *ret, *id;
  char path[64];
  int slot = guestfs_int_next_slot (g, NULL);

  if (slot > MAX_SLOT) {
    error (g, "no free SCSI target");
    return -1;
  }
  ret = guestfs_int_qmp (g, "add-fd", json_object_new_object (), fd, MONITOR_TIMEOUT_MS);
  if (ret == NULL)
    return -1;
  if (json_object_object_get_ex (ret, "fdset-id", &id))
    fdk->fdset = json_object_get_int (id);
  json_object_put (ret);
  if (fdk->fdset < 0) {
    error (g, "add-fd: no fdset-id in qemu's answer");
    return -1;
  }
  snprintf (path, sizeof path, "/dev/fdset/%d", fdk->fdset);
  fdk->d.filename = path;
  fdk->d.format = (char *) "raw";
  fdk->d.qemu_readonly = true;
  fdk->d.slot = slot;
  if (guestfs_int_plug_drive (g, &fdk->d) == -1) {
    fdk->d.filename = NULL;
    return -1;
  }
  fdk->d.filename = NULL;
  return guestfs_internal_rescan_disks (g, guestfs_int_nr_plugged (g) + 1);
}

int
guestfs_int_filein_disk_attach (guestfs_h *g, const char *name, int fd,
                                uint64_t size, struct filein_disk *fdk)
{
  int r;

  memset (fdk, 0, sizeof *fdk);
  fdk->fdset = -1;
  /* The disk is the whole file: a descriptor part-read already (a
   * redirected stdin) must go on from where it is. */
  if (size < FILEIN_DISK_MIN || g->qmp < 0 || g->state != READY ||
      lseek (fd, 0, SEEK_CUR) != 0 ||
      guestfs_int_has_backend_setting (g, "no_transfer_disk"))
    return -1;

  guestfs_push_error_handler (g, NULL, NULL);
  r = attach (g, fd, fdk);
  if (r == -1) {
    debug (g, "%s: streaming the file instead of plugging it in: %s",
           name, guestfs_last_error (g) ?: "?");
    if (fdk->d.plugged)
      guestfs_int_unplug_drive (g, &fdk->d);
    remove_fdset (g, fdk);
  }
  guestfs_pop_error_handler (g);
  return r;
}

int
guestfs_int_filein_disk_detach (guestfs_h *g, const char *name,
                                struct filein_disk *fdk, bool report)
{
  /* A failed call keeps its own error. */
  char *saved = g->last_error, *msg = NULL;
  int saved_errnum = g->last_errnum, r = 0;

  g->last_error = NULL;
  guestfs_push_error_handler (g, NULL, NULL);
  if (fdk->d.plugged && guestfs_int_unplug_drive (g, &fdk->d) == -1)
    r = -1;
  if (r == 0 &&
      guestfs_internal_rescan_disks (g, guestfs_int_nr_plugged (g)) == -1)
    r = -1;
  if (r == -1) {
    msg = g->last_error;
    g->last_error = NULL;
  }
  /* Whatever happened above, qemu may drop our descriptor. */
  remove_fdset (g, fdk);
  guestfs_pop_error_handler (g);
  free (g->last_error);
  g->last_error = saved;
  g->last_errnum = saved_errnum;
  if (r == -1 && report)
    error (g, "%s: unplugging the transfer disk: %s", name, msg ? msg : "?");
  free (msg);
  return r;
}
