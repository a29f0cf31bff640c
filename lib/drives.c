/* libguestfs (guestkit): the drives added to a handle — checking
 * add_drive's arguments, format detection, scratch disks, and the qcow2
 * overlays that keep read-only drives' images untouched. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

static void
free_drive (struct drive *d)
{
  if (d == NULL)
    return;
  if (d->overlay) {
    unlink (d->overlay);
    free (d->overlay);
  }
  if (d->scratch)
    unlink (d->filename);
  free (d->filename);
  free (d->format);
  free (d->label);
  free (d->cachemode);
  free (d->discard);
  free (d);
}

void
guestfs_int_free_drives (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_drives; ++i)
    free_drive (g->drives[i]);
  free (g->drives);
  g->drives = NULL;
  g->nr_drives = 0;
}

/* Remove the drives added after the first N (add_domain undoing a
 * partial add before launch).
 */
void
guestfs_int_drop_drives_after (guestfs_h *g, size_t n)
{
  while (g->nr_drives > n)
    free_drive (g->drives[--g->nr_drives]);
}

static bool
valid_format (const char *f)
{
  if (*f == '\0' || strlen (f) > 32)
    return false;
  for (; *f; ++f)
    if (!isalnum ((unsigned char) *f) && *f != '_' && *f != '-')
      return false;
  return true;
}

static bool
valid_label (const char *l)
{
  size_t n = strlen (l);

  if (n == 0 || n > 20)
    return false;
  for (; *l; ++l)
    if (!isalpha ((unsigned char) *l))
      return false;
  return true;
}

static int prepare_drive (guestfs_h *g, struct drive *d);

static int
add_drive (guestfs_h *g, struct drive *d)
{
  if (g->state == LAUNCHING) {
    error (g, "add_drive: the handle is launching");
    free_drive (d);
    return -1;
  }
  if (g->nr_drives >= MAX_DISKS) {
    error (g, "add_drive: too many drives (the maximum is %d)", MAX_DISKS);
    free_drive (d);
    return -1;
  }
  /* The appliance names virtio-blk disks after all SCSI ones, so the
   * API's /dev/sdX order holds only if they come last. */
  if (!d->virtio_blk && g->nr_drives > 0 && g->drives[g->nr_drives - 1]->virtio_blk) {
    error (g, "add_drive: a virtio-scsi drive cannot follow a virtio-blk drive "
           "(add the drives with iface virtio-blk last)");
    free_drive (d);
    return -1;
  }
  g->drives = safe_realloc (g, g->drives, (g->nr_drives + 1) * sizeof (struct drive *));
  g->drives[g->nr_drives++] = d;
  if (g->state == READY &&
      (prepare_drive (g, d) == -1 || guestfs_int_hot_add (g, d) == -1)) {
    g->nr_drives--;
    free_drive (d);
    return -1;
  }
  return 0;
}

int
guestfs_impl_remove_drive (guestfs_h *g, const char *label)
{
  size_t i;

  for (i = 0; i < g->nr_drives; ++i)
    if (g->drives[i]->label && STREQ (g->drives[i]->label, label))
      break;
  if (i == g->nr_drives) {
    error (g, "remove_drive: no drive has the label '%s'", label);
    return -1;
  }
  if (g->state == LAUNCHING) {
    error (g, "remove_drive: the handle is launching");
    return -1;
  }
  if (g->drives[i]->plugged && guestfs_int_hot_remove (g, g->drives[i]) == -1)
    return -1;
  free_drive (g->drives[i]);
  memmove (&g->drives[i], &g->drives[i + 1], (g->nr_drives - i - 1) * sizeof (struct drive *));
  g->nr_drives--;
  return 0;
}

/* libguestfs's null disk: launching with -a /dev/null gives the
 * appliance one tiny empty disk. */
static char *
make_null_disk (guestfs_h *g)
{
  char *path;
  int fd;

  if (guestfs_int_lazy_make_tmpdir (g) == -1)
    return NULL;
  path = safe_asprintf (g, "%s/devnull%zu", g->tmpdir, g->nr_drives + 1);
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd == -1 || ftruncate (fd, 4096) == -1) {
    perrorf (g, "%s", path);
    if (fd >= 0)
      close (fd);
    free (path);
    return NULL;
  }
  close (fd);
  return path;
}

int
guestfs_impl_add_drive_opts (guestfs_h *g, const char *filename,
                             const struct guestfs_add_drive_opts_argv *optargs)
{
  struct drive *d;
  uint64_t m = optargs->bitmask;

  if (*filename == '\0') {
    error (g, "add_drive: filename cannot be empty");
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_PROTOCOL_BITMASK) && STRNEQ (optargs->protocol, "file")) {
    error (g, "add_drive: protocol '%s' is not supported (only local files)", optargs->protocol);
    return -1;
  }
  if (m & (GUESTFS_ADD_DRIVE_OPTS_SERVER_BITMASK | GUESTFS_ADD_DRIVE_OPTS_USERNAME_BITMASK |
           GUESTFS_ADD_DRIVE_OPTS_SECRET_BITMASK)) {
    error (g, "add_drive: server, username and secret only apply to network protocols, which are not supported");
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK) && !valid_format (optargs->format)) {
    error (g, "add_drive: invalid format '%s'", optargs->format);
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_LABEL_BITMASK) && !valid_label (optargs->label)) {
    error (g, "add_drive: label '%s' is invalid (it must be 1 to 20 ASCII letters)", optargs->label);
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_CACHEMODE_BITMASK) &&
      STRNEQ (optargs->cachemode, "writeback") && STRNEQ (optargs->cachemode, "unsafe")) {
    error (g, "add_drive: cachemode parameter must be 'writeback' (default) or 'unsafe'");
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_DISCARD_BITMASK) &&
      STRNEQ (optargs->discard, "disable") && STRNEQ (optargs->discard, "enable") &&
      STRNEQ (optargs->discard, "besteffort")) {
    error (g, "add_drive: discard parameter must be 'disable', 'enable' or 'besteffort'");
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_IFACE_BITMASK) &&
      STRNEQ (optargs->iface, "virtio-scsi") && STRNEQ (optargs->iface, "scsi") &&
      STRNEQ (optargs->iface, "virtio-blk") && STRNEQ (optargs->iface, "virtio")) {
    error (g, "add_drive: iface '%s' is not supported (use virtio-scsi or virtio-blk)",
           optargs->iface);
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK) && optargs->readonly &&
      (m & GUESTFS_ADD_DRIVE_OPTS_DISCARD_BITMASK) && STREQ (optargs->discard, "enable")) {
    guestfs_int_error_errno (g, ENOTSUP,
                             "discard support cannot be enabled on read-only drives");
    return -1;
  }
  if ((m & GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK) &&
      optargs->blocksize != 0 && optargs->blocksize != 512 && optargs->blocksize != 4096) {
    error (g, "add_drive: blocksize must be 512 or 4096");
    return -1;
  }

  d = calloc (1, sizeof *d);
  if (d == NULL) {
    perrorf (g, "calloc");
    return -1;
  }
  d->readonly = (m & GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK) && optargs->readonly;
  if (m & GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK)
    d->format = safe_strdup (g, optargs->format);
  if (m & GUESTFS_ADD_DRIVE_OPTS_LABEL_BITMASK)
    d->label = safe_strdup (g, optargs->label);
  if ((m & GUESTFS_ADD_DRIVE_OPTS_CACHEMODE_BITMASK) && STREQ (optargs->cachemode, "unsafe"))
    d->cachemode = safe_strdup (g, "unsafe");
  if ((m & GUESTFS_ADD_DRIVE_OPTS_DISCARD_BITMASK) && STRNEQ (optargs->discard, "disable"))
    d->discard = safe_strdup (g, optargs->discard);
  if (m & GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK)
    d->blocksize = optargs->blocksize;
  if (m & GUESTFS_ADD_DRIVE_OPTS_IFACE_BITMASK)
    d->virtio_blk = STREQ (optargs->iface, "virtio-blk") || STREQ (optargs->iface, "virtio");
  if (m & GUESTFS_ADD_DRIVE_OPTS_COPYONREAD_BITMASK)
    d->copyonread = optargs->copyonread;

  if (STREQ (filename, "/dev/null")) {
    d->filename = make_null_disk (g);
    if (d->filename == NULL) {
      free_drive (d);
      return -1;
    }
    d->scratch = true;
    free (d->format);
    d->format = safe_strdup (g, "raw");
  }
  else {
    /* Fail now, with the file's name, rather than at launch. */
    if (access (filename, d->readonly ? R_OK : R_OK | W_OK) == -1) {
      perrorf (g, "%s", filename);
      free_drive (d);
      return -1;
    }
    d->filename = safe_strdup (g, filename);
  }
  return add_drive (g, d);
}

int
guestfs_impl_add_drive_ro (guestfs_h *g, const char *filename)
{
  struct guestfs_add_drive_opts_argv o = {
    .bitmask = GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK, .readonly = 1,
  };

  return guestfs_impl_add_drive_opts (g, filename, &o);
}

int
guestfs_impl_add_drive_scratch (guestfs_h *g, int64_t size,
                                const struct guestfs_add_drive_scratch_argv *optargs)
{
  struct guestfs_add_drive_opts_argv o = {
    .bitmask = GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK | GUESTFS_ADD_DRIVE_OPTS_CACHEMODE_BITMASK,
    .format = "raw", .cachemode = "unsafe",
  };
  char *path;
  int fd, r;

  if (size <= 0) {
    error (g, "add_drive_scratch: size must be positive");
    return -1;
  }
  if (guestfs_int_lazy_make_tmpdir (g) == -1)
    return -1;
  path = safe_asprintf (g, "%s/scratch%zu.img", g->tmpdir, g->nr_drives + 1);
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd == -1 || ftruncate (fd, size) == -1) {
    perrorf (g, "add_drive_scratch: %s", path);
    if (fd >= 0)
      close (fd);
    unlink (path);
    free (path);
    return -1;
  }
  close (fd);
  if (optargs->bitmask & GUESTFS_ADD_DRIVE_SCRATCH_LABEL_BITMASK) {
    o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_LABEL_BITMASK;
    o.label = optargs->label;
  }
  if (optargs->bitmask & GUESTFS_ADD_DRIVE_SCRATCH_BLOCKSIZE_BITMASK) {
    o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK;
    o.blocksize = optargs->blocksize;
  }
  r = guestfs_impl_add_drive_opts (g, path, &o);
  if (r == 0)
    g->drives[g->nr_drives - 1]->scratch = true;
  else
    unlink (path);
  free (path);
  return r;
}

/* Format from the image's magic bytes.  Used only to name the format to
 * qemu (which refuses to guess for writes to raw images) and for the
 * read-only overlay's backing format. */
const char *
guestfs_int_detect_format (guestfs_h *g, const char *filename)
{
  unsigned char b[512];
  ssize_t n;
  int fd = open (filename, O_RDONLY | O_CLOEXEC);

  if (fd == -1) {
    perrorf (g, "%s", filename);
    return NULL;
  }
  n = pread (fd, b, sizeof b, 0);
  close (fd);
  if (n < 0) {
    perrorf (g, "%s", filename);
    return NULL;
  }
  if (n >= 8 && memcmp (b, "QFI\xfb", 4) == 0)
    return b[7] == 1 ? "qcow" : "qcow2";
  if (n >= 4 && memcmp (b, "KDMV", 4) == 0)
    return "vmdk";
  if (n >= 8 && memcmp (b, "vhdxfile", 8) == 0)
    return "vhdx";
  if (n >= 8 && memcmp (b, "conectix", 8) == 0)
    return "vpc";
  if (n >= 4 && memcmp (b, "QED\0", 4) == 0)
    return "qed";
  if (n >= 0x44 && b[0x40] == 0x7f && b[0x41] == 0x10 && b[0x42] == 0xda && b[0x43] == 0xbe)
    return "vdi";
  if (n >= 6 && memcmp (b, "LUKS\xba\xbe", 6) == 0)
    return "luks";
  return "raw";
}

/* discard "enable" must work or fail the launch; "besteffort" is
 * dropped quietly where qemu cannot pass discards to the image. */
static int
settle_discard (guestfs_h *g, struct drive *d)
{
  char *why;

  d->discard_on = false;
  if (d->discard == NULL)
    return 0;
  if (d->overlay)
    why = safe_strdup (g, "the drive has a read-only overlay");
  else if (STRNEQ (d->format, "raw") && STRNEQ (d->format, "qcow2"))
    why = safe_asprintf (g, "qemu does not support discard for ‘%s’ format files",
                         d->format);
  else {
    d->discard_on = true;
    return 0;
  }
  if (STREQ (d->discard, "besteffort")) {
    debug (g, "%s: discard not enabled: %s", d->filename, why);
    free (why);
    return 0;
  }
  guestfs_int_error_errno (g, ENOTSUP, "%s: discard cannot be enabled on this drive: %s",
                           d->filename, why);
  free (why);
  return -1;
}

/* A format we guessed must not open other host files: a raw guest disk
 * can hold a qcow2 header naming any host file as its backing file, and
 * the appliance would read that file.  Whoever names the format
 * (format=qcow2) vouches for the image and its backing chain. */
static int
refuse_guessed_backing (guestfs_h *g, const struct drive *d, const char *format)
{
  char *backing = NULL;
  int r;

  if (STREQ (format, "raw") || STREQ (format, "luks") || STREQ (format, "vdi") ||
      STREQ (format, "vpc") || STREQ (format, "vhdx"))
    return 0;
  r = guestfs_int_qemu_img_info (g, d->filename, "backing-filename", &backing, NULL);
  if (r == -1)
    return -1;
  if (r == 1) {
    error (g, "add_drive: %s: the image looks like %s with a backing file (%s); "
           "a guessed format may not open other files: if you trust this image, "
           "give its format (format=%s, guestfish --format=%s)",
           d->filename, format, backing, format, format);
    free (backing);
    return -1;
  }
  return 0;
}

/* Before a drive reaches qemu: its format is settled and a read-only
 * drive gets its overlay. */
static int
prepare_drive (guestfs_h *g, struct drive *d)
{
  if (d->format == NULL) {
    const char *f = guestfs_int_detect_format (g, d->filename);
    if (f == NULL || refuse_guessed_backing (g, d, f) == -1)
      return -1;
    d->format = safe_strdup (g, f);
  }
  if (d->readonly && d->overlay == NULL) {
    char *abs = realpath (d->filename, NULL);
    char *overlay, *backing;
    if (abs == NULL) {
      perrorf (g, "%s", d->filename);
      return -1;
    }
    if (guestfs_int_lazy_make_tmpdir (g) == -1) {
      free (abs);
      return -1;
    }
    overlay = safe_asprintf (g, "%s/overlay%u.qcow2", g->tmpdir, ++g->overlay_seq);
    {
      char *qabs = guestfs_int_qemu_escape (g, abs);
      backing = safe_asprintf (g, "backing_file=%s,backing_fmt=%s", qabs, d->format);
      free (qabs);
    }
    {
      const char *argv[] = {
        "qemu-img", "create", "-q", "-f", "qcow2", "-o", backing, overlay, NULL,
      };
      if (guestfs_int_run_command (g, NULL, argv) == -1) {
        free (abs);
        free (overlay);
        free (backing);
        return -1;
      }
    }
    free (abs);
    free (backing);
    d->overlay = overlay;
  }
  return settle_discard (g, d);
}

int
guestfs_int_prepare_drives (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_drives; ++i)
    if (prepare_drive (g, g->drives[i]) == -1)
      return -1;
  return 0;
}
