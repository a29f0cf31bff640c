/* libguestfs (guestkit): deprecated calls kept for programs written
 * against older libguestfs — stat, lstat and lstatlist (the old stat
 * struct, built from statns), kill_subprocess, add_drive_with_if,
 * add_drive_ro_with_if, mkfs_b and ntfsresize_size.  Each is a thin
 * layer over the call that replaced it, so behaviour cannot drift. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* The old struct has whole seconds only. */
static void
stat_from_statns (struct guestfs_stat *d, const struct guestfs_statns *s)
{
  d->dev = s->st_dev;
  d->ino = s->st_ino;
  d->mode = s->st_mode;
  d->nlink = s->st_nlink;
  d->uid = s->st_uid;
  d->gid = s->st_gid;
  d->rdev = s->st_rdev;
  d->size = s->st_size;
  d->blksize = s->st_blksize;
  d->blocks = s->st_blocks;
  d->atime = s->st_atime_sec;
  d->mtime = s->st_mtime_sec;
  d->ctime = s->st_ctime_sec;
}

static struct guestfs_stat *
stat_reply (guestfs_h *g, struct guestfs_statns *s)
{
  struct guestfs_stat *r;

  if (s == NULL)
    return NULL;
  r = safe_malloc (g, sizeof *r);
  stat_from_statns (r, s);
  guestfs_free_statns (s);
  return r;
}

struct guestfs_stat *
guestfs_impl_stat (guestfs_h *g, const char *path)
{
  return stat_reply (g, guestfs_statns (g, path));
}

struct guestfs_stat *
guestfs_impl_lstat (guestfs_h *g, const char *path)
{
  return stat_reply (g, guestfs_lstatns (g, path));
}

struct guestfs_stat_list *
guestfs_impl_lstatlist (guestfs_h *g, const char *path, char *const *names)
{
  struct guestfs_statns_list *s;
  struct guestfs_stat_list *r;

  s = guestfs_lstatnslist (g, path, names);
  if (s == NULL)
    return NULL;
  r = safe_malloc (g, sizeof *r);
  r->len = s->len;
  /* One element more than needed, so that an empty list is not a
   * zero-sized allocation. */
  r->val = safe_malloc (g, (s->len + 1) * sizeof r->val[0]);
  for (uint32_t i = 0; i < s->len; ++i)
    stat_from_statns (&r->val[i], &s->val[i]);
  guestfs_free_statns_list (s);
  return r;
}

int
guestfs_impl_kill_subprocess (guestfs_h *g)
{
  return guestfs_shutdown (g);
}

int
guestfs_impl_add_drive_with_if (guestfs_h *g, const char *filename,
                                const char *iface)
{
  return guestfs_add_drive_opts (g, filename,
                                 GUESTFS_ADD_DRIVE_OPTS_IFACE, iface, -1);
}

int
guestfs_impl_add_drive_ro_with_if (guestfs_h *g, const char *filename,
                                   const char *iface)
{
  return guestfs_add_drive_opts (g, filename,
                                 GUESTFS_ADD_DRIVE_OPTS_IFACE, iface,
                                 GUESTFS_ADD_DRIVE_OPTS_READONLY, 1, -1);
}

int
guestfs_impl_mkfs_b (guestfs_h *g, const char *fstype, int blocksize,
                     const char *device)
{
  return guestfs_mkfs_opts (g, fstype, device,
                            GUESTFS_MKFS_OPTS_BLOCKSIZE, blocksize, -1);
}

int
guestfs_impl_ntfsresize_size (guestfs_h *g, const char *device, int64_t size)
{
  return guestfs_ntfsresize_opts (g, device,
                                  GUESTFS_NTFSRESIZE_OPTS_SIZE, size, -1);
}
