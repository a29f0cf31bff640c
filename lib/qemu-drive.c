/* libguestfs (guestkit): the -drive and -device option strings of one
 * drive.  The same strings go on qemu's command line at a cold launch
 * and to the monitor when a drive is hot-plugged, so both ways give the
 * appliance exactly the same disk. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* Where qemu finds the drive's file: its path, or the fd set holding our
 * descriptors of it (drive-fds.c).  A set's name does not say "block
 * device" to qemu's probing, so then the driver is named. */
static char *
file_option (guestfs_h *g, const struct drive *d)
{
  char *file, *r;

  if (d->in_fdsets)
    return d->fdset_blockdev
      ? safe_asprintf (g, "file.driver=host_device,file.filename=/dev/fdset/%d", d->fdset)
      : safe_asprintf (g, "file=/dev/fdset/%d", d->fdset);
  file = guestfs_int_qemu_escape (g, d->overlay ? d->overlay : d->filename);
  r = safe_asprintf (g, "file=%s", file);
  free (file);
  return r;
}

/* The original under a read-only drive's overlay: qemu opens it by the
 * name in the overlay, or takes it from its fd set. */
static char *
backing_option (guestfs_h *g, const struct drive *d)
{
  if (!d->in_fdsets)
    return safe_strdup (g, "");
  return safe_asprintf (g, ",backing.file.filename=/dev/fdset/%d%s", d->backing_fdset,
                        d->backing_blockdev ? ",backing.file.driver=host_device" : "");
}

char *
guestfs_int_drive_option (guestfs_h *g, const struct drive *d)
{
  char *file = file_option (g, d);
  char *r;

  if (d->overlay) {
    /* The original stays read-only and unlocked (a running VM may hold
     * it); writes land in the throw-away overlay. */
    char *backing = backing_option (g, d);
    r = safe_asprintf (g, "%s,format=qcow2,if=none,id=hd%u,cache=unsafe,"
                       "backing.file.locking=off%s%s%s",
                       file, d->qid, backing, d->discard_on ? ",discard=unmap" : "",
                       d->copyonread ? ",copy-on-read=on" : "");
    free (backing);
  }
  else
    r = safe_asprintf (g, "%s,format=%s,if=none,id=hd%u,cache=%s%s%s%s",
                       file, d->format, d->qid, d->cachemode ? "unsafe" : "writeback",
                       d->discard_on ? ",discard=unmap" : "",
                       d->copyonread ? ",copy-on-read=on" : "",
                       d->qemu_readonly ? ",readonly=on" : "");
  free (file);
  return r;
}

char *
guestfs_int_device_option (guestfs_h *g, const struct drive *d)
{
  char bs[64] = "";

  if (d->blocksize)
    snprintf (bs, sizeof bs, ",logical_block_size=%d,physical_block_size=%d",
              d->blocksize, d->blocksize);
  if (d->virtio_blk)
    /* Seen as /dev/vdX, named /dev/sdX by the daemon after the SCSI
     * disks (drives.c keeps these last). */
    return safe_asprintf (g, "virtio-blk-pci,drive=hd%u,id=dev%u%s%s%s",
                          d->qid, d->qid, d->label ? ",serial=" : "",
                          d->label ? d->label : "", bs);
  /* The SCSI target is the slot: the daemon names disks in target order. */
  return safe_asprintf (g, "scsi-hd,drive=hd%u,id=dev%u,bus=scsi.0,channel=0,"
                        "scsi-id=%d,lun=0%s%s%s",
                        d->qid, d->qid, d->slot, d->label ? ",serial=" : "",
                        d->label ? d->label : "", bs);
}
