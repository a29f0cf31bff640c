/* libguestfs (guestkit): the deprecated external-journal calls —
 * mke2journal, mke2journal_L, mke2journal_U, mke2fs_J, mke2fs_JL and
 * mke2fs_JU — and write_file.  Each is guestfs_mke2fs (or
 * guestfs_write) with the options the old call implied, so the daemon
 * has one implementation of them. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

int
guestfs_impl_mke2journal (guestfs_h *g, int blocksize, const char *device)
{
  return guestfs_mke2fs (g, device,
                         GUESTFS_MKE2FS_BLOCKSIZE, (int64_t) blocksize,
                         GUESTFS_MKE2FS_JOURNALDEV, 1, -1);
}

int
guestfs_impl_mke2journal_L (guestfs_h *g, int blocksize, const char *label,
                            const char *device)
{
  return guestfs_mke2fs (g, device,
                         GUESTFS_MKE2FS_BLOCKSIZE, (int64_t) blocksize,
                         GUESTFS_MKE2FS_LABEL, label,
                         GUESTFS_MKE2FS_JOURNALDEV, 1, -1);
}

int
guestfs_impl_mke2journal_U (guestfs_h *g, int blocksize, const char *uuid,
                            const char *device)
{
  return guestfs_mke2fs (g, device,
                         GUESTFS_MKE2FS_BLOCKSIZE, (int64_t) blocksize,
                         GUESTFS_MKE2FS_UUID, uuid,
                         GUESTFS_MKE2FS_JOURNALDEV, 1, -1);
}

static int
mke2fs_journal (guestfs_h *g, const char *fstype, int blocksize,
                const char *device, const char *journal)
{
  return guestfs_mke2fs (g, device,
                         GUESTFS_MKE2FS_FSTYPE, fstype,
                         GUESTFS_MKE2FS_BLOCKSIZE, (int64_t) blocksize,
                         GUESTFS_MKE2FS_JOURNALDEVICE, journal, -1);
}

int
guestfs_impl_mke2fs_J (guestfs_h *g, const char *fstype, int blocksize,
                       const char *device, const char *journal)
{
  return mke2fs_journal (g, fstype, blocksize, device, journal);
}

int
guestfs_impl_mke2fs_JL (guestfs_h *g, const char *fstype, int blocksize,
                        const char *device, const char *label)
{
  char *j = safe_asprintf (g, "LABEL=%s", label);
  int r = mke2fs_journal (g, fstype, blocksize, device, j);

  free (j);
  return r;
}

int
guestfs_impl_mke2fs_JU (guestfs_h *g, const char *fstype, int blocksize,
                        const char *device, const char *uuid)
{
  char *j = safe_asprintf (g, "UUID=%s", uuid);
  int r = mke2fs_journal (g, fstype, blocksize, device, j);

  free (j);
  return r;
}

int
guestfs_impl_write_file (guestfs_h *g, const char *path, const char *content,
                         int size)
{
  size_t len = strlen (content);

  /* The content crosses the API as a C string: it ends at its NUL. */
  if (size == 0)
    size = len;
  else if (size < 0 || (size_t) size > len) {
    error (g, "write_file: %s: size %d is outside the content (%zu bytes)",
           path, size, len);
    return -1;
  }
  return guestfs_write (g, path, content, size);
}
