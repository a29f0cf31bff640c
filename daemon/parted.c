/* guestfsd: partition tables — part_init, part_add, part_disk (written
 * with parted), part_list and part_get_parttype (read with libblkid, no
 * program to run), and blockdev_run_tool, which every call that rewrites
 * a table goes through.  After every change the kernel's partitions and
 * their /dev nodes are brought in line with the new table before we
 * reply, since there is no udev in the appliance to do it later. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* As libguestfs 1.48 lays it out (measured): the partition starts at
 * sector 128 (64 KiB aligned) and ends 128 sectors before the end of
 * the disk, which leaves room for the backup GPT (33 sectors). */
#define PART_DISK_START "128s"
#define PART_DISK_END "-128s"

/* parted's label name for a part_init type, or NULL if unsupported. */
static const char *
label_name (const char *parttype)
{
  if (STREQ (parttype, "msdos") || STREQ (parttype, "mbr"))
    return "msdos";
  if (STREQ (parttype, "gpt") || STREQ (parttype, "efi"))
    return "gpt";
  return NULL;
}

int
blockdev_run_tool (const char *device, const char *const *argv,
                   const char *input)
{
  CLEANUP_FREE char *out = NULL, *err = NULL;
  CLEANUP_CLOSE int in_fd = -1;
  int r;

  if (input) {
    /* A memory file, not a pipe: the program may never read it. */
    in_fd = memfd_create ("stdin", MFD_CLOEXEC);
    if (in_fd == -1 || xwrite (in_fd, input, strlen (input)) == -1 ||
        lseek (in_fd, 0, SEEK_SET) == -1) {
      reply_with_perror ("%s: input", argv[0]);
      return -1;
    }
  }

  r = commandv (&out, &err, argv, in_fd);
  if (r != 0) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    const char *msg;

    if (err)
      trim_trailing (err);
    if (out)
      trim_trailing (out);
    /* parted and sfdisk complain on stderr, sgdisk on stdout. */
    msg = err && *err ? err : out && *out ? out : NULL;
    reply_with_error ("%s: %s: %s", api, argv[0],
                      msg ? msg : r > 0 ? "failed" : "could not run");
    /* The tool may have written part of the change. */
    blockdev_reread_partitions (device, true);
    return -1;
  }
  if (blockdev_reread_partitions (device, true) == -1) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_perror ("%s: the kernel did not re-read the partition table",
                       api);
    return -1;
  }
  return 0;
}

int
blockdev_parted (const char *device, const char *const *cmds)
{
  const char *argv[16];
  size_t n = 0;

  argv[n++] = "parted";
  argv[n++] = "-s";
  argv[n++] = "--";
  argv[n++] = device;
  for (size_t i = 0; cmds[i] && n < sizeof argv / sizeof argv[0] - 1; ++i)
    argv[n++] = cmds[i];
  argv[n] = NULL;
  return blockdev_run_tool (device, argv, NULL);
}

static int
init_table (const char *device, const char *parttype, const char *const *more)
{
  const char *label = label_name (parttype);
  const char *cmds[8];
  size_t n = 0;

  if (label == NULL) {
    reply_with_error ("%s: unsupported partition table type: use msdos (mbr) or gpt (efi)",
                      parttype);
    return -1;
  }
  if (blockdev_is_partition (device)) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: is a partition: a partition table goes on a whole disk",
                      api);
    return -1;
  }
  /* Old signatures (a filesystem on the whole disk, the backup header of
   * an old GPT) would otherwise be found next to the new table. */
  if (blockdev_wipe_signatures (device) == -1) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    if (errno == EBUSY)
      reply_with_error_errno (EBUSY, "%s: device is in use (is a partition mounted?)",
                              api);
    else
      reply_with_perror ("%s", api);
    return -1;
  }
  cmds[n++] = "mklabel";
  cmds[n++] = label;
  for (size_t i = 0; more && more[i]; ++i)
    cmds[n++] = more[i];
  cmds[n] = NULL;
  return blockdev_parted (device, cmds);
}

int
do_part_init (const char *device, const char *parttype)
{
  return init_table (device, parttype, NULL);
}

int
do_part_disk (const char *device, const char *parttype)
{
  static const char *const mkpart[] = {
    "mkpart", "primary", PART_DISK_START, PART_DISK_END, NULL
  };

  return init_table (device, parttype, mkpart);
}

int
do_part_add (const char *device, const char *prlogex,
             int64_t startsect, int64_t endsect)
{
  const char *type;
  char start[32], end[32];
  CLEANUP_FREE char *pttype = NULL;
  CLEANUP_FREE struct blockdev_part *parts = NULL;
  size_t nparts;
  int r;

  if (STREQ (prlogex, "p") || STREQ (prlogex, "primary"))
    type = "primary";
  else if (STREQ (prlogex, "l") || STREQ (prlogex, "logical"))
    type = "logical";
  else if (STREQ (prlogex, "e") || STREQ (prlogex, "extended"))
    type = "extended";
  else {
    reply_with_error ("%s: unknown partition type: use p (primary), l (logical) or e (extended)",
                      prlogex);
    return -1;
  }
  if (startsect < 0) {
    reply_with_error ("startsect (%" PRIi64 ") cannot be negative", startsect);
    return -1;
  }

  r = blockdev_read_ptable (device, &pttype, &parts, &nparts);
  if (r != 0) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    if (r == 1)
      reply_with_error ("%s: no partition table: call part_init first", api);
    else
      reply_with_perror ("%s: reading the partition table", api);
    return -1;
  }
  /* On GPT parted would take "logical" as the partition's name. */
  if (STRNEQ (pttype, "dos") && STRNEQ (type, "primary")) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: %s partitions need an MBR (msdos) partition table",
                      api, type);
    return -1;
  }

  snprintf (start, sizeof start, "%" PRIi64 "s", startsect);
  snprintf (end, sizeof end, "%" PRIi64 "s", endsect);
  {
    const char *cmds[] = { "mkpart", type, start, end, NULL };
    return blockdev_parted (device, cmds);
  }
}

static int
read_table_or_reply (const char *device, char **type,
                     struct blockdev_part **parts, size_t *n)
{
  int r = blockdev_read_ptable (device, type, parts, n);

  if (r != 0) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    if (r == 1)
      reply_with_error ("%s: unrecognised disk label (no partition table)", api);
    else if (errno == EINVAL)
      reply_with_error_errno (EINVAL, "%s: the partition table is corrupt", api);
    else
      reply_with_perror ("%s", api);
    return -1;
  }
  return 0;
}

static int
partnum_compare (const void *a, const void *b)
{
  const struct blockdev_part *x = a, *y = b;

  return (x->num > y->num) - (x->num < y->num);
}

guestfs_int_partition_list *
do_part_list (const char *device)
{
  CLEANUP_FREE char *pttype = NULL;
  CLEANUP_FREE struct blockdev_part *parts = NULL;
  size_t n;
  guestfs_int_partition_list *r;

  if (read_table_or_reply (device, &pttype, &parts, &n) == -1)
    return NULL;
  qsort (parts, n, sizeof *parts, partnum_compare);

  r = calloc (1, sizeof *r);
  if (r == NULL) {
    reply_with_perror ("calloc");
    return NULL;
  }
  r->guestfs_int_partition_list_val =
    calloc (n ? n : 1, sizeof (guestfs_int_partition));
  if (r->guestfs_int_partition_list_val == NULL) {
    reply_with_perror ("calloc");
    free (r);
    return NULL;
  }
  r->guestfs_int_partition_list_len = n;
  for (size_t i = 0; i < n; ++i) {
    guestfs_int_partition *p = &r->guestfs_int_partition_list_val[i];
    p->part_num = parts[i].num;
    p->part_start = parts[i].start;
    p->part_size = parts[i].size;
    /* An empty partition has no last byte; report it as ending where it
     * starts rather than before. */
    p->part_end = parts[i].size ? parts[i].start + parts[i].size - 1
                                : parts[i].start;
  }
  return r;
}

char *
do_part_get_parttype (const char *device)
{
  CLEANUP_FREE struct blockdev_part *parts = NULL;
  char *pttype = NULL;
  size_t n;

  if (read_table_or_reply (device, &pttype, &parts, &n) == -1)
    return NULL;
  /* parted's names, which libguestfs returns. */
  if (STREQ (pttype, "dos")) {
    free (pttype);
    pttype = strdup ("msdos");
    if (pttype == NULL)
      reply_with_perror ("strdup");
  }
  return pttype;
}
