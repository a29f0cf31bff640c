/* libguestfs (guestkit): disk_create — a blank raw image (a sparse file,
 * or fully allocated) or a qcow2 image made by qemu-img, possibly on top
 * of a backing file. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/fs.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

static bool
one_of (const char *s, const char *const *list)
{
  for (size_t i = 0; list[i]; ++i)
    if (STREQ (s, list[i]))
      return true;
  return false;
}

static int
create_raw (guestfs_h *g, const char *filename, int64_t size, bool full)
{
  struct stat st;
  int fd, r;

  /* A block device is "formatted" as raw by leaving it as it is. */
  if (stat (filename, &st) == 0 && S_ISBLK (st.st_mode))
    return 0;
  fd = open (filename, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0666);
  if (fd == -1) {
    perrorf (g, "cannot create raw file: %s", filename);
    return -1;
  }
  if (full) {
    /* posix_fallocate writes zeroes where the filesystem cannot
     * allocate, so the file is fully allocated either way. */
    r = posix_fallocate (fd, 0, size);
    if (r != 0) {
      errno = r;
      perrorf (g, "%s: cannot allocate %" PRIi64 " bytes", filename, size);
      close (fd);
      unlink (filename);
      return -1;
    }
  }
  else if (ftruncate (fd, size) == -1) {
    perrorf (g, "%s: truncate", filename);
    close (fd);
    unlink (filename);
    return -1;
  }
  if (close (fd) == -1) {
    perrorf (g, "%s: close", filename);
    unlink (filename);
    return -1;
  }
  return 0;
}

/* qemu-img finds a relative backing file next to the new image, not in
 * our current directory. */
static char *
backing_path (guestfs_h *g, const char *filename, const char *backingfile)
{
  char *copy, *dir, *r;

  if (backingfile[0] == '/' || strchr (filename, '/') == NULL)
    return safe_strdup (g, backingfile);
  copy = safe_strdup (g, filename);
  dir = dirname (copy);
  r = safe_asprintf (g, "%s/%s", dir, backingfile);
  free (copy);
  return r;
}

/* qemu-img's -o list.  Every value was checked against a fixed list or
 * is a number: none can hold a comma. */
static char *
append_opt (guestfs_h *g, char *opts, const char *key, const char *value)
{
  char *r = safe_asprintf (g, "%s%s%s=%s", opts ? opts : "", opts ? "," : "",
                           key, value);

  free (opts);
  return r;
}

static int
create_qcow2 (guestfs_h *g, const char *filename, int64_t size,
              const char *backingfile, const char *backingformat,
              const char *preallocation, const char *compat, int clustersize)
{
  const char *argv[16];
  char *opts = NULL, *sizestr = NULL, *safe, *safe_backing = NULL, *detected = NULL;
  struct stat st;
  size_t n = 0;
  int r = -1;

  if (backingfile && backingformat == NULL) {
    char *path = backing_path (g, filename, backingfile);
    detected = guestfs_impl_disk_format (g, path);
    free (path);
    if (detected == NULL)
      return -1;
    backingformat = detected;
  }
  /* A block device keeps its own size. */
  if (!backingfile && stat (filename, &st) == 0 && S_ISBLK (st.st_mode)) {
    int fd = open (filename, O_RDONLY | O_CLOEXEC);
    uint64_t bytes;
    if (fd == -1 || ioctl (fd, BLKGETSIZE64, &bytes) == -1) {
      perrorf (g, "%s", filename);
      if (fd >= 0)
        close (fd);
      goto out;
    }
    close (fd);
    size = bytes;
  }

  safe = guestfs_int_qemu_safe_filename (g, filename);
  argv[n++] = "qemu-img";
  argv[n++] = "create";
  argv[n++] = "-q";
  argv[n++] = "-f";
  argv[n++] = "qcow2";
  if (backingfile) {
    safe_backing = guestfs_int_qemu_safe_filename (g, backingfile);
    argv[n++] = "-b";
    argv[n++] = safe_backing;
    argv[n++] = "-F";
    argv[n++] = backingformat;
  }
  if (preallocation)
    opts = append_opt (g, opts, "preallocation", preallocation);
  if (compat)
    opts = append_opt (g, opts, "compat", compat);
  if (clustersize) {
    char cs[16];
    snprintf (cs, sizeof cs, "%d", clustersize);
    opts = append_opt (g, opts, "cluster_size", cs);
  }
  if (opts) {
    argv[n++] = "-o";
    argv[n++] = opts;
  }
  argv[n++] = "--";
  argv[n++] = safe;
  if (!backingfile) {
    sizestr = safe_asprintf (g, "%" PRIi64, size);
    argv[n++] = sizestr;
  }
  argv[n] = NULL;
  r = guestfs_int_run_qemu_img (g, filename, NULL, argv);
  free (safe);

 out:
  free (safe_backing);
  free (opts);
  free (sizestr);
  free (detected);
  return r;
}

int
guestfs_impl_disk_create (guestfs_h *g, const char *filename,
                          const char *format, int64_t size,
                          const struct guestfs_disk_create_argv *optargs)
{
  static const char *const raw_prealloc[] = { "off", "sparse", "full", NULL };
  static const char *const qcow2_prealloc[] = { "off", "sparse", "metadata", "full", NULL };
  static const char *const compats[] = { "0.10", "1.1", NULL };
  uint64_t m = optargs->bitmask;
  const char *backingfile = (m & GUESTFS_DISK_CREATE_BACKINGFILE_BITMASK) ? optargs->backingfile : NULL;
  const char *backingformat = (m & GUESTFS_DISK_CREATE_BACKINGFORMAT_BITMASK) ? optargs->backingformat : NULL;
  const char *preallocation = (m & GUESTFS_DISK_CREATE_PREALLOCATION_BITMASK) ? optargs->preallocation : NULL;
  const char *compat = (m & GUESTFS_DISK_CREATE_COMPAT_BITMASK) ? optargs->compat : NULL;
  int clustersize = (m & GUESTFS_DISK_CREATE_CLUSTERSIZE_BITMASK) ? optargs->clustersize : 0;

  if (backingfile) {
    if (size != -1) {
      error (g, "if using a backing file, size must be passed as -1");
      return -1;
    }
  }
  else if (size <= 0) {
    error (g, "invalid size: %" PRIi64, size);
    return -1;
  }
  if (STRNEQ (format, "raw") && STRNEQ (format, "qcow2")) {
    error (g, "unsupported format ‘%s’", format);
    return -1;
  }
  if (backingformat && !backingfile) {
    error (g, "backingformat parameter can only be used with backingfile");
    return -1;
  }
  if (backingformat && STRNEQ (backingformat, "raw") && STRNEQ (backingformat, "qcow2") &&
      !one_of (backingformat, (const char *const []) {
        "vmdk", "vdi", "vhdx", "vpc", "qed", "qcow", "luks", "bochs", "cloop",
        "dmg", "parallels", NULL })) {
    error (g, "invalid value for backingformat parameter ‘%s’", backingformat);
    return -1;
  }

  if (STREQ (format, "raw")) {
    if (backingfile) {
      error (g, "backingfile cannot be used for raw format disks");
      return -1;
    }
    if (preallocation && !one_of (preallocation, raw_prealloc)) {
      error (g, "invalid value for preallocation parameter ‘%s’", preallocation);
      return -1;
    }
    if (compat) {
      error (g, "compat parameter cannot be used with raw format");
      return -1;
    }
    if (m & GUESTFS_DISK_CREATE_CLUSTERSIZE_BITMASK) {
      error (g, "clustersize parameter cannot be used with raw format");
      return -1;
    }
    return create_raw (g, filename, size, preallocation && STREQ (preallocation, "full"));
  }

  if (preallocation && !one_of (preallocation, qcow2_prealloc)) {
    error (g, "invalid value for preallocation parameter ‘%s’", preallocation);
    return -1;
  }
  if (compat && !one_of (compat, compats)) {
    error (g, "invalid value for compat parameter ‘%s’", compat);
    return -1;
  }
  if ((m & GUESTFS_DISK_CREATE_CLUSTERSIZE_BITMASK) &&
      (clustersize < 512 || clustersize > 2097152 || (clustersize & (clustersize - 1)))) {
    error (g, "invalid value for clustersize parameter ‘%d’", clustersize);
    return -1;
  }
  /* qemu-img's own spelling of "not preallocated". */
  if (preallocation && STREQ (preallocation, "sparse"))
    preallocation = "off";
  return create_qcow2 (g, filename, size, backingfile, backingformat,
                       preallocation, compat, clustersize);
}
