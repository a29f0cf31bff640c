/* guestfsd: the ext2/3/4 tools — mke2fs, tune2fs and tune2fs_l, the old
 * e2label/e2uuid calls, resize2fs, e2fsck, zerofree and
 * mklost_and_found — by running e2fsprogs' programs.  Numbers are
 * checked here so that a bad one gets a clear error, and the ext tools
 * are never pointed at a filesystem of another type. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

#define EXT_LABEL_MAX 16

/* lost+found is grown to this many bytes, as mklost+found does: room for
 * e2fsck to reconnect files without allocating blocks. */
#define LOST_FOUND_SIZE (16 * 1024)

static bool
is_extfs (const char *type)
{
  return STREQ (type, "ext2") || STREQ (type, "ext3") || STREQ (type, "ext4");
}

/* Reply unless dev holds an ext2/3/4 filesystem. */
static int
check_extfs (const char *dev)
{
  CLEANUP_FREE char *type = fs_type (dev);

  if (type == NULL)
    return -1;
  if (!is_extfs (type)) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_error_errno (EINVAL, "%s: not an ext2/3/4 filesystem (%s)",
                            api, *type ? type : "no filesystem found");
    return -1;
  }
  return 0;
}

/* ---- mke2fs ---- */

/* Bits of optargs_bitmask, in the API table's order. */
enum {
  MK_BLOCKSCOUNT, MK_BLOCKSIZE, MK_FRAGSIZE, MK_BLOCKSPERGROUP,
  MK_NUMBEROFGROUPS, MK_BYTESPERINODE, MK_INODESIZE, MK_JOURNALSIZE,
  MK_NUMBEROFINODES, MK_STRIDESIZE, MK_STRIPEWIDTH, MK_MAXONLINERESIZE,
  MK_RESERVEDBLOCKSPERCENTAGE, MK_MMPUPDATEINTERVAL, MK_JOURNALDEVICE,
  MK_LABEL, MK_LASTMOUNTEDDIR, MK_CREATOROS, MK_FSTYPE, MK_USAGETYPE,
  MK_UUID, MK_FORCECREATE, MK_WRITESBANDGROUPONLY, MK_LAZYITABLEINIT,
  MK_LAZYJOURNALINIT, MK_TESTFS, MK_DISCARD, MK_QUOTATYPE, MK_EXTENT,
  MK_FILETYPE, MK_FLEXBG, MK_HASJOURNAL, MK_JOURNALDEV, MK_LARGEFILE,
  MK_QUOTA, MK_RESIZEINODE, MK_SPARSESUPER, MK_UNINITBG,
};
#define HAS(bit) (optargs_bitmask & (UINT64_C(1) << (bit)))

#define MK_MAX_ARGS 96

/* An argument vector with its own storage for the formatted numbers. */
struct args {
  const char *argv[MK_MAX_ARGS];
  char *owned[MK_MAX_ARGS];
  size_t n, nowned;
};

static void
free_args (struct args *a)
{
  for (size_t i = 0; i < a->nowned; ++i)
    free (a->owned[i]);
}

static void
add (struct args *a, const char *s)
{
  if (a->n < MK_MAX_ARGS - 1)
    a->argv[a->n++] = s;
}

static int
addf (struct args *a, const char *fmt, ...)
  __attribute__((format (printf, 2, 3)));

static int
addf (struct args *a, const char *fmt, ...)
{
  va_list ap;
  char *s;
  int r;

  va_start (ap, fmt);
  r = vasprintf (&s, fmt, ap);
  va_end (ap);
  if (r == -1) {
    reply_with_perror ("malloc");
    return -1;
  }
  a->owned[a->nowned++] = s;
  add (a, s);
  return 0;
}

/* "-o <prefix>N<suffix>" for a numeric optarg that must not be
 * negative. */
static int
add_num (struct args *a, int bit, const char *opt, const char *name,
         const char *prefix, const char *suffix, int64_t v)
{
  if (!HAS (bit))
    return 0;
  if (v < 0) {
    reply_with_error ("%s must be >= 0", name);
    return -1;
  }
  add (a, opt);
  return addf (a, "%s%" PRIi64 "%s", prefix, v, suffix);
}

/* "-O feature" or "-O ^feature". */
static int
add_feature (struct args *a, int bit, int on, const char *feature)
{
  if (!HAS (bit))
    return 0;
  add (a, "-O");
  return addf (a, "%s%s", on ? "" : "^", feature);
}

int
do_mke2fs (const char *device, int64_t blockscount, int64_t blocksize,
           int64_t fragsize, int64_t blockspergroup, int64_t numberofgroups,
           int64_t bytesperinode, int64_t inodesize, int64_t journalsize,
           int64_t numberofinodes, int64_t stridesize, int64_t stripewidth,
           int64_t maxonlineresize, int reservedblockspercentage,
           int mmpupdateinterval, const char *journaldevice,
           const char *label, const char *lastmounteddir,
           const char *creatoros, const char *fstype, const char *usagetype,
           const char *uuid, int forcecreate, int writesbandgrouponly,
           int lazyitableinit, int lazyjournalinit, int testfs, int discard,
           int quotatype, int extent, int filetype, int flexbg,
           int hasjournal, int journaldev, int largefile, int quota,
           int resizeinode, int sparsesuper, int uninitbg)
{
  struct args a = { .n = 0, .nowned = 0 };
  CLEANUP_FREE char *api = blockdev_api_name (device);
  int r = -1;

  (void) quotatype;             /* see the API documentation */

  add (&a, "mke2fs");
  add (&a, "-F");               /* no question when the device looks used */
  if (add_num (&a, MK_BLOCKSIZE, "-b", "blocksize", "", "", blocksize) == -1 ||
      add_num (&a, MK_FRAGSIZE, "-f", "fragsize", "", "", fragsize) == -1 ||
      add_num (&a, MK_BLOCKSPERGROUP, "-g", "blockspergroup", "", "",
               blockspergroup) == -1 ||
      add_num (&a, MK_NUMBEROFGROUPS, "-G", "numberofgroups", "", "",
               numberofgroups) == -1 ||
      add_num (&a, MK_BYTESPERINODE, "-i", "bytesperinode", "", "",
               bytesperinode) == -1 ||
      add_num (&a, MK_INODESIZE, "-I", "inodesize", "", "", inodesize) == -1 ||
      add_num (&a, MK_JOURNALSIZE, "-J", "journalsize", "size=", "",
               journalsize) == -1 ||
      add_num (&a, MK_NUMBEROFINODES, "-N", "numberofinodes", "", "",
               numberofinodes) == -1 ||
      add_num (&a, MK_STRIDESIZE, "-E", "stridesize", "stride=", "",
               stridesize) == -1 ||
      add_num (&a, MK_STRIPEWIDTH, "-E", "stripewidth", "stripe_width=", "",
               stripewidth) == -1 ||
      add_num (&a, MK_MAXONLINERESIZE, "-E", "maxonlineresize", "resize=", "",
               maxonlineresize) == -1 ||
      add_num (&a, MK_RESERVEDBLOCKSPERCENTAGE, "-m",
               "reservedblockspercentage", "", "",
               reservedblockspercentage) == -1 ||
      add_num (&a, MK_MMPUPDATEINTERVAL, "-E", "mmpupdateinterval",
               "mmp_update_interval=", "", mmpupdateinterval) == -1)
    goto out;

  if (HAS (MK_JOURNALDEVICE)) {
    /* An optional string is not translated by the stub: a device name
     * is translated here; LABEL=... and UUID=... go as they are. */
    if (STRPREFIX (journaldevice, "/dev/")) {
      CLEANUP_FREE char *jdev = daemon_resolve_device (journaldevice);
      if (jdev == NULL)
        goto out;
      add (&a, "-J");
      if (addf (&a, "device=%s", jdev) == -1)
        goto out;
    }
    else if (STRPREFIX (journaldevice, "LABEL=") ||
             STRPREFIX (journaldevice, "UUID=")) {
      add (&a, "-J");
      if (addf (&a, "device=%s", journaldevice) == -1)
        goto out;
    }
    else {
      reply_with_error ("%s: journaldevice must be a device, LABEL=... or UUID=...",
                        journaldevice);
      goto out;
    }
  }
  if (HAS (MK_LABEL)) {
    if (strlen (label) > EXT_LABEL_MAX) {
      reply_with_error ("%s: ext2 labels are limited to %d bytes",
                        label, EXT_LABEL_MAX);
      goto out;
    }
    add (&a, "-L");
    add (&a, label);
  }
  if (HAS (MK_LASTMOUNTEDDIR)) {
    add (&a, "-M");
    add (&a, lastmounteddir);
  }
  if (HAS (MK_CREATOROS)) {
    add (&a, "-o");
    add (&a, creatoros);
  }
  if (HAS (MK_FSTYPE)) {
    if (!is_extfs (fstype)) {
      reply_with_error ("%s: not a valid extended filesystem type", fstype);
      goto out;
    }
    add (&a, "-t");
    add (&a, fstype);
  }
  if (HAS (MK_USAGETYPE)) {
    add (&a, "-T");
    add (&a, usagetype);
  }
  if (HAS (MK_UUID)) {
    add (&a, "-U");
    add (&a, uuid);
  }
  /* forcecreate: -F is always given. */
  (void) forcecreate;
  if (HAS (MK_WRITESBANDGROUPONLY) && writesbandgrouponly)
    add (&a, "-S");
  if (HAS (MK_LAZYITABLEINIT)) {
    add (&a, "-E");
    add (&a, lazyitableinit ? "lazy_itable_init=1" : "lazy_itable_init=0");
  }
  if (HAS (MK_LAZYJOURNALINIT)) {
    add (&a, "-E");
    add (&a, lazyjournalinit ? "lazy_journal_init=1" : "lazy_journal_init=0");
  }
  if (HAS (MK_TESTFS) && testfs) {
    add (&a, "-E");
    add (&a, "test_fs");
  }
  if (HAS (MK_DISCARD)) {
    add (&a, "-E");
    add (&a, discard ? "discard" : "nodiscard");
  }
  if (add_feature (&a, MK_EXTENT, extent, "extent") == -1 ||
      add_feature (&a, MK_FILETYPE, filetype, "filetype") == -1 ||
      add_feature (&a, MK_FLEXBG, flexbg, "flex_bg") == -1 ||
      add_feature (&a, MK_HASJOURNAL, hasjournal, "has_journal") == -1 ||
      add_feature (&a, MK_JOURNALDEV, journaldev, "journal_dev") == -1 ||
      add_feature (&a, MK_LARGEFILE, largefile, "large_file") == -1 ||
      add_feature (&a, MK_QUOTA, quota, "quota") == -1 ||
      add_feature (&a, MK_RESIZEINODE, resizeinode, "resize_inode") == -1 ||
      add_feature (&a, MK_SPARSESUPER, sparsesuper, "sparse_super") == -1 ||
      add_feature (&a, MK_UNINITBG, uninitbg, "uninit_bg") == -1)
    goto out;

  add (&a, device);
  if (HAS (MK_BLOCKSCOUNT)) {
    if (blockscount < 0) {
      reply_with_error ("blockscount must be >= 0");
      goto out;
    }
    if (addf (&a, "%" PRIi64, blockscount) == -1)
      goto out;
  }
  a.argv[a.n] = NULL;

  /* Old signatures would otherwise confuse libblkid afterwards; the
   * exclusive open this needs also refuses a mounted device. */
  if (blockdev_wipe_signatures (device) == -1) {
    if (errno == EBUSY)
      fs_reply_busy (device);
    else
      reply_with_perror ("%s: erasing old signatures", api);
    goto out;
  }
  if (fs_command (api, a.argv, NULL) == -1)
    goto out;
  if (!blockdev_is_partition (device) &&
      blockdev_reread_partitions (device, true) == -1) {
    reply_with_perror ("%s: re-reading the partition table", api);
    goto out;
  }
  r = 0;

 out:
  free_args (&a);
  return r;
}

/* ---- tune2fs ---- */

enum {
  TU_FORCE, TU_MAXMOUNTCOUNT, TU_MOUNTCOUNT, TU_ERRORBEHAVIOR, TU_GROUP,
  TU_INTERVALBETWEENCHECKS, TU_RESERVEDBLOCKSPERCENTAGE,
  TU_LASTMOUNTEDDIRECTORY, TU_RESERVEDBLOCKSCOUNT, TU_USER,
};

int
do_tune2fs (const char *device, int force, int maxmountcount, int mountcount,
            const char *errorbehavior, int64_t group,
            int intervalbetweenchecks, int reservedblockspercentage,
            const char *lastmounteddirectory, int64_t reservedblockscount,
            int64_t user)
{
  struct args a = { .n = 0, .nowned = 0 };
  CLEANUP_FREE char *api = blockdev_api_name (device);
  int r = -1;

  if (check_extfs (device) == -1)
    return -1;
  add (&a, "tune2fs");
  if (HAS (TU_FORCE) && force)
    add (&a, "-f");
  if (add_num (&a, TU_MAXMOUNTCOUNT, "-c", "maxmountcount", "", "",
               maxmountcount) == -1 ||
      add_num (&a, TU_MOUNTCOUNT, "-C", "mountcount", "", "",
               mountcount) == -1)
    goto out;
  if (HAS (TU_ERRORBEHAVIOR)) {
    if (STRNEQ (errorbehavior, "continue") &&
        STRNEQ (errorbehavior, "remount-ro") &&
        STRNEQ (errorbehavior, "panic")) {
      reply_with_error ("invalid errorbehavior parameter: %s (use continue, remount-ro or panic)",
                        errorbehavior);
      goto out;
    }
    add (&a, "-e");
    add (&a, errorbehavior);
  }
  /* -i takes seconds with an "s" suffix (plain numbers are days). */
  if (add_num (&a, TU_GROUP, "-g", "group", "", "", group) == -1 ||
      add_num (&a, TU_INTERVALBETWEENCHECKS, "-i", "intervalbetweenchecks",
               "", "s", intervalbetweenchecks) == -1 ||
      add_num (&a, TU_RESERVEDBLOCKSPERCENTAGE, "-m",
               "reservedblockspercentage", "", "",
               reservedblockspercentage) == -1)
    goto out;
  if (HAS (TU_LASTMOUNTEDDIRECTORY)) {
    add (&a, "-M");
    add (&a, lastmounteddirectory);
  }
  if (add_num (&a, TU_RESERVEDBLOCKSCOUNT, "-r", "reservedblockscount", "", "",
               reservedblockscount) == -1 ||
      add_num (&a, TU_USER, "-u", "user", "", "", user) == -1)
    goto out;
  add (&a, device);
  a.argv[a.n] = NULL;
  r = fs_command (api, a.argv, NULL);

 out:
  free_args (&a);
  return r;
}

/* "Key:   value" lines of tune2fs -l; values tune2fs prints for "nothing"
 * become "". */
char **
do_tune2fs_l (const char *device)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  const char *argv[] = { "tune2fs", "-l", device, NULL };

  if (check_extfs (device) == -1)
    return NULL;
  if (fs_command (api, argv, &out) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  for (size_t i = 0; lines[i]; ++i) {
    char *line = lines[i], *colon, *value;

    if (*line == '\0' || STRPREFIX (line, "tune2fs "))
      continue;
    colon = strchr (line, ':');
    if (colon) {
      *colon = '\0';
      value = colon + 1;
      while (*value == ' ' || *value == '\t')
        value++;
    }
    else
      value = line + strlen (line);
    if (STREQ (value, "<none>") || STREQ (value, "<not available>") ||
        STREQ (value, "(none)"))
      value = line + strlen (line);
    if (add_string (&sb, line) == -1 || add_string (&sb, value) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

/* ---- deprecated label/UUID calls ---- */

char *
do_get_e2label (const char *device)
{
  char *r;

  if (check_extfs (device) == -1)
    return NULL;
  r = blockdev_fs_tag (device, "LABEL");
  if (r == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_perror ("%s", api);
  }
  return r;
}

int
do_set_e2label (const char *device, const char *label)
{
  if (check_extfs (device) == -1)
    return -1;
  return fs_set_label (device, label);
}

char *
do_get_e2uuid (const char *device)
{
  char *r;

  if (check_extfs (device) == -1)
    return NULL;
  r = blockdev_fs_tag (device, "UUID");
  if (r == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_perror ("%s", api);
  }
  return r;
}

/* tune2fs -U also takes clear, random and time. */
int
do_set_e2uuid (const char *device, const char *uuid)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  const char *argv[] = { "tune2fs", "-U", uuid, device, NULL };

  if (check_extfs (device) == -1)
    return -1;
  if (!fs_is_uuid (uuid) && STRNEQ (uuid, "clear") &&
      STRNEQ (uuid, "random") && STRNEQ (uuid, "time")) {
    reply_with_error ("%s: not a UUID, 'clear', 'random' or 'time'", uuid);
    return -1;
  }
  return fs_command (api, argv, NULL);
}

/* ---- resize2fs ---- */

/* resize2fs insists on a freshly checked filesystem unless it is
 * mounted (then it resizes online). */
static int
check_before_resize (const char *device, const char *api)
{
  const char *argv[] = { "e2fsck", "-f", "-y", device, NULL };
  CLEANUP_FREE char *out = NULL, *err = NULL;
  int busy = fs_device_busy (device), r;

  if (busy != 0)
    return busy == 1 ? 0 : -1;
  r = commandv (&out, &err, argv, -1);
  /* 0: clean, 1: errors corrected; anything else is an error. */
  if (r != 0 && r != 1) {
    if (err)
      trim_trailing (err);
    if (out)
      trim_trailing (out);
    reply_with_error ("%s: e2fsck: %s", api,
                      err && *err ? err : out && *out ? out : "failed");
    return -1;
  }
  return 0;
}

static int
resize2fs (const char *device, const char *flag, const char *size)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  const char *argv[5];
  size_t n = 0;

  if (check_extfs (device) == -1 || check_before_resize (device, api) == -1)
    return -1;
  argv[n++] = "resize2fs";
  if (flag)
    argv[n++] = flag;
  argv[n++] = device;
  if (size)
    argv[n++] = size;
  argv[n] = NULL;
  return fs_command (api, argv, NULL);
}

int
do_resize2fs (const char *device)
{
  return resize2fs (device, NULL, NULL);
}

int
do_resize2fs_size (const char *device, int64_t size)
{
  char size_s[32];

  /* Given to resize2fs in kilobytes ("K"), so whole ones only. */
  if (size <= 0 || size % 1024 != 0) {
    reply_with_error ("%" PRIi64 ": size must be a positive, round number of kilobytes",
                      size);
    return -1;
  }
  snprintf (size_s, sizeof size_s, "%" PRIi64 "K", size / 1024);
  return resize2fs (device, NULL, size_s);
}

int
do_resize2fs_M (const char *device)
{
  return resize2fs (device, "-M", NULL);
}

/* ---- e2fsck ---- */

#define OPT_CORRECT (UINT64_C(1) << 0)
#define OPT_FORCEALL (UINT64_C(1) << 1)

static int
e2fsck (const char *device, bool correct, bool forceall)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *argv[5];
  size_t n = 0;
  int r;

  if (correct && forceall) {
    reply_with_error ("only one of the options 'correct', 'forceall' may be specified");
    return -1;
  }
  if (check_extfs (device) == -1)
    return -1;
  argv[n++] = "e2fsck";
  argv[n++] = "-f";
  if (correct)
    argv[n++] = "-p";
  if (forceall)
    argv[n++] = "-y";
  argv[n++] = device;
  argv[n] = NULL;
  r = commandv (&out, &err, (const char *const *) argv, -1);
  /* 0: no errors, 1: errors corrected; 2 and 3 need a reboot and 4 and
   * up mean errors were left: those fail. */
  if (r == 0 || r == 1)
    return 0;
  if (err)
    trim_trailing (err);
  if (out)
    trim_trailing (out);
  reply_with_error ("%s: e2fsck (exit status %d): %s%s%s", api, r,
                    out && *out ? out : "",
                    out && *out && err && *err ? "\n" : "",
                    err ? err : "");
  return -1;
}

int
do_e2fsck (const char *device, int correct, int forceall)
{
  return e2fsck (device, (optargs_bitmask & OPT_CORRECT) && correct,
                 (optargs_bitmask & OPT_FORCEALL) && forceall);
}

int
do_e2fsck_f (const char *device)
{
  return e2fsck (device, true, false);
}

/* ---- zerofree ---- */

int
do_zerofree (const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  const char *argv[] = { "zerofree", device, NULL };
  int busy;

  if (check_extfs (device) == -1)
    return -1;
  /* zerofree on a mounted filesystem corrupts it. */
  busy = fs_device_busy (device);
  if (busy != 0)
    return busy == 1 ? fs_reply_busy (device) : -1;
  return fs_command (api, argv, NULL);
}

/* ---- mklost_and_found ---- */

/* Make lost+found in the directory, as mklost+found(8) does: mode 0700,
 * grown by creating and removing entries until its blocks are
 * allocated. */
int
do_mklost_and_found (const char *mountpoint)
{
  CLEANUP_CLOSE int dirfd = -1, lfd = -1;
  struct stat st;
  char name[64];

  dirfd = sysroot_open (mountpoint, O_PATH | O_DIRECTORY, 0);
  if (dirfd == -1) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  if (mkdirat (dirfd, "lost+found", 0700) == -1) {
    reply_with_perror ("%s: lost+found", mountpoint);
    return -1;
  }
  lfd = openat (dirfd, "lost+found", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (lfd == -1 || fchmod (lfd, 0700) == -1) {
    reply_with_perror ("%s: lost+found", mountpoint);
    return -1;
  }
  /* Long names fill a directory block quickly. */
  for (int i = 0; i < 4096; ++i) {
    if (fstat (lfd, &st) == -1) {
      reply_with_perror ("%s: lost+found", mountpoint);
      return -1;
    }
    if (st.st_size >= LOST_FOUND_SIZE)
      break;
    snprintf (name, sizeof name, "%040d", i);
    int fd = openat (lfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd == -1) {
      reply_with_perror ("%s: lost+found/%s", mountpoint, name);
      return -1;
    }
    close (fd);
  }
  for (int i = 0; i < 4096; ++i) {
    snprintf (name, sizeof name, "%040d", i);
    if (unlinkat (lfd, name, 0) == -1 && errno == ENOENT)
      break;
  }
  return 0;
}
