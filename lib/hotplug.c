/* libguestfs (guestkit): drives plugged into and out of a running
 * appliance through qemu's monitor — all of them after a warm launch,
 * and one at a time when add_drive or remove_drive is called on a
 * launched handle.  The option strings are the cold boot's (qemu-drive.c);
 * the daemon is then asked to wait until its kernel has caught up. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <sys/random.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

#define MONITOR_TIMEOUT_MS 30000
/* virtio-scsi's highest target. */
#define MAX_SLOT 255
#define ENTROPY_BYTES 64

/* A string argument of the human monitor, in double quotes. */
static char *
hmp_quote (guestfs_h *g, const char *s)
{
  char *r = safe_malloc (g, 2 * strlen (s) + 3), *p = r;

  *p++ = '"';
  for (; *s; ++s) {
    if (*s == '"' || *s == '\\')
      *p++ = '\\';
    *p++ = *s;
  }
  *p++ = '"';
  *p = '\0';
  return r;
}

int
guestfs_int_plug_drive (guestfs_h *g, struct drive *d)
{
  char *opt, *q, *line;
  int r;

  d->qid = g->next_qid++;
  opt = guestfs_int_drive_option (g, d);
  q = hmp_quote (g, opt);
  line = safe_asprintf (g, "drive_add 0 %s", q);

  free (opt);
  free (q);
  r = guestfs_int_qmp_hmp (g, line, MONITOR_TIMEOUT_MS);
  free (line);
  if (r == -1)
    return -1;
  opt = guestfs_int_device_option (g, d);
  line = safe_asprintf (g, "device_add %s", opt);
  free (opt);
  r = guestfs_int_qmp_hmp (g, line, MONITOR_TIMEOUT_MS);
  free (line);
  if (r == -1) {
    char *del = safe_asprintf (g, "drive_del hd%u", d->qid);
    guestfs_push_error_handler (g, NULL, NULL);
    guestfs_int_qmp_hmp (g, del, MONITOR_TIMEOUT_MS);
    guestfs_pop_error_handler (g);
    free (del);
    return -1;
  }
  d->plugged = true;
  return 0;
}

/* One of the user's drives: qemu gets our descriptors of its files (it
 * may have dropped root, drive-fds.c), and an image another process
 * holds is reported as that (image-lock.c), not in qemu's words. */
static int
plug_user_drive (guestfs_h *g, struct drive *d)
{
  char *msg;
  int r;

  if (guestfs_int_drive_pass_fds (g, d) == -1)
    return -1;
  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_int_plug_drive (g, d);
  guestfs_pop_error_handler (g);
  if (r == 0)
    return 0;
  msg = safe_strdup (g, guestfs_last_error (g) ? guestfs_last_error (g) : "?");
  guestfs_int_drive_remove_fds (g, d);
  if (guestfs_int_is_lock_failure (msg))
    guestfs_int_image_locked_error (g, d);
  else
    error (g, "add_drive: %s: %s", d->filename, msg);
  free (msg);
  return -1;
}

int
guestfs_int_nr_plugged (guestfs_h *g)
{
  int n = 0;

  for (size_t i = 0; i < g->nr_drives; ++i)
    n += g->drives[i]->plugged;
  return n;
}

int
guestfs_int_hotplug_all (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_drives; ++i) {
    g->drives[i]->slot = i;
    if (plug_user_drive (g, g->drives[i]) == -1)
      return -1;
  }
  return guestfs_internal_rescan_disks (g, guestfs_int_nr_plugged (g));
}

int
guestfs_int_reseed (guestfs_h *g)
{
  unsigned char buf[ENTROPY_BYTES];
  struct timespec ts;
  int r;

  if (getrandom (buf, sizeof buf, 0) != (ssize_t) sizeof buf) {
    perrorf (g, "getrandom");
    return -1;
  }
  clock_gettime (CLOCK_REALTIME, &ts);
  r = guestfs_internal_reseed (g, (const char *) buf, sizeof buf, ts.tv_sec, ts.tv_nsec);
  explicit_bzero (buf, sizeof buf);
  return r;
}

/* The SCSI target after the highest one in use (other than d's). */
int
guestfs_int_next_slot (guestfs_h *g, const struct drive *d)
{
  int slot = -1;

  for (size_t i = 0; i < g->nr_drives; ++i)
    if (g->drives[i] != d && g->drives[i]->plugged && g->drives[i]->slot > slot)
      slot = g->drives[i]->slot;
  return slot + 1;
}

int
guestfs_int_hot_add (guestfs_h *g, struct drive *d)
{
  int slot;

  if (d->virtio_blk) {
    error (g, "add_drive: %s: only virtio-scsi drives can be added to a launched "
           "handle (not iface=virtio-blk)", d->filename);
    return -1;
  }
  if (g->qmp < 0) {
    error (g, "add_drive: %s: this appliance has no monitor to hot-plug drives into",
           d->filename);
    return -1;
  }
  slot = guestfs_int_next_slot (g, d);
  if (slot > MAX_SLOT) {
    error (g, "add_drive: %s: no free SCSI target for another drive", d->filename);
    return -1;
  }
  d->slot = slot;
  if (plug_user_drive (g, d) == -1)
    return -1;
  return guestfs_internal_rescan_disks (g, guestfs_int_nr_plugged (g));
}

/* The API name (/dev/sdX) of a plugged drive: the daemon names disks in
 * SCSI target order, virtio-blk ones after them. */
static char *
api_name (guestfs_h *g, const struct drive *d)
{
  size_t index = 0;
  char letters[16], tmp[16];
  size_t n = 0;

  for (size_t i = 0; i < g->nr_drives; ++i) {
    const struct drive *o = g->drives[i];
    if (o != d && o->plugged &&
        (o->virtio_blk < d->virtio_blk ||
         (o->virtio_blk == d->virtio_blk && o->slot < d->slot)))
      index++;
  }
  index++;
  while (index > 0 && n < sizeof tmp - 1) {
    index--;
    tmp[n++] = 'a' + index % 26;
    index /= 26;
  }
  for (size_t j = 0; j < n; ++j)
    letters[j] = tmp[n - 1 - j];
  letters[n] = '\0';
  return safe_asprintf (g, "/dev/sd%s", letters);
}

static bool
device_present (guestfs_h *g, const char *id, int *err)
{
  json_object *args = json_object_new_object (), *r;
  bool found = false;

  json_object_object_add (args, "path", json_object_new_string ("/machine/peripheral"));
  r = guestfs_int_qmp (g, "qom-list", args, -1, MONITOR_TIMEOUT_MS);
  if (r == NULL) {
    *err = -1;
    return false;
  }
  for (size_t i = 0; i < json_object_array_length (r); ++i) {
    json_object *e = json_object_array_get_idx (r, i), *name;
    if (json_object_object_get_ex (e, "name", &name) &&
        STREQ (json_object_get_string (name) ?: "", id))
      found = true;
  }
  json_object_put (r);
  return found;
}

int
guestfs_int_hot_remove (guestfs_h *g, struct drive *d)
{
  char *dev = api_name (g, d);
  int r;

  if (g->qmp < 0) {
    error (g, "remove_drive: this appliance has no monitor to unplug drives from");
    free (dev);
    return -1;
  }
  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_internal_check_unused (g, dev);
  guestfs_pop_error_handler (g);
  free (dev);
  if (r == -1) {
    /* Say it as remove_drive, about the drive the caller named. */
    const char *msg = guestfs_last_error (g), *p;
    char *copy;
    if (msg == NULL)
      msg = "";
    if ((p = strstr (msg, "internal_check_unused: ")) != NULL)
      msg = p + strlen ("internal_check_unused: ");
    copy = safe_strdup (g, msg);
    error (g, "remove_drive: %s: %s", d->label, copy);
    free (copy);
    return -1;
  }

  if (guestfs_int_unplug_drive (g, d) == -1)
    return -1;
  guestfs_int_drive_remove_fds (g, d);
  return guestfs_internal_rescan_disks (g, guestfs_int_nr_plugged (g));
}

int
guestfs_int_unplug_drive (guestfs_h *g, struct drive *d)
{
  char id[32], *line;
  json_object *args;
  int err = 0;
  double deadline;

  snprintf (id, sizeof id, "dev%u", d->qid);
  args = json_object_new_object ();
  json_object_object_add (args, "id", json_object_new_string (id));
  if (guestfs_int_qmp_simple (g, "device_del", args, MONITOR_TIMEOUT_MS) == -1)
    return -1;
  /* The guest may have to let go first. */
  deadline = guestfs_int_now () + MONITOR_TIMEOUT_MS / 1000.0;
  while (device_present (g, id, &err)) {
    if (guestfs_int_now () > deadline) {
      error (g, "remove_drive: qemu did not remove %s within %d s", id,
             MONITOR_TIMEOUT_MS / 1000);
      return -1;
    }
    struct timespec ts = { 0, 5000000 };
    nanosleep (&ts, NULL);
  }
  if (err)
    return -1;
  d->plugged = false;
  /* Usually gone with its device already. */
  line = safe_asprintf (g, "drive_del hd%u", d->qid);
  guestfs_push_error_handler (g, NULL, NULL);
  guestfs_int_qmp_hmp (g, line, MONITOR_TIMEOUT_MS);
  guestfs_pop_error_handler (g);
  free (line);
  return 0;
}
