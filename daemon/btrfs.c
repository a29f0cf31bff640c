/* guestfsd: btrfs — mkfs_btrfs, subvolumes and snapshots, the default
 * subvolume, resize, sync, balance, adding and removing devices, scrub,
 * by running btrfs-progs on the filesystem's path in the appliance.
 *
 * Calls that take a device rather than a mounted path (listing
 * subvolumes of a device, and list_filesystems showing each subvolume
 * as a "btrfsvol:" mountable) mount the filesystem on a private
 * directory under /run, away from the guest's mounts, and unmount it
 * again before returning. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <linux/magic.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

#define BTRFS_LABEL_MAX 255
#define PRIVATE_MOUNT_TEMPLATE "/run/guestfsd-btrfs.XXXXXX"

/* Make the kernel find the devices of multi-device filesystems (there
 * is no udev to do it).  Quietly: a failure shows later, at mount. */
int
btrfs_scan (void)
{
  if (access ("/dev/btrfs-control", F_OK) == -1)
    command (NULL, NULL, "modprobe", "btrfs", NULL);
  return command (NULL, NULL, "btrfs", "device", "scan", NULL) == 0 ? 0 : -1;
}

/* ---- private mounts ---- */

static char *
mount_private (const char *dev, const char *vol, bool ro)
{
  char tmpl[] = PRIVATE_MOUNT_TEMPLATE;
  CLEANUP_FREE char *data = NULL;
  unsigned long flags = MS_NODEV | MS_NOSUID | MS_NOEXEC;
  int err;

  if (vol && asprintf (&data, "subvol=%s", vol) == -1)
    return NULL;
  if (mkdtemp (tmpl) == NULL)
    return NULL;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (mount (dev, tmpl, "btrfs", flags | (ro ? MS_RDONLY : 0), data) == 0)
      return strdup (tmpl);
    err = errno;
    /* Read-only while mounted read-write elsewhere may be refused. */
    if (ro && err == EBUSY &&
        mount (dev, tmpl, "btrfs", flags, data) == 0)
      return strdup (tmpl);
    if (attempt == 0 && (err == EINVAL || err == ENOENT) && btrfs_scan () == 0)
      continue;
    break;
  }
  rmdir (tmpl);
  errno = err;
  return NULL;
}

char *
btrfs_mount_private (const char *dev, const char *vol, bool ro)
{
  char *dir = mount_private (dev, vol, ro);

  if (dir == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    if (vol)
      reply_with_perror ("btrfsvol:%s/%s: mounting", api, vol);
    else
      reply_with_perror ("%s: mounting", api);
  }
  return dir;
}

void
btrfs_unmount_private (char *dir)
{
  if (dir == NULL)
    return;
  if (umount2 (dir, UMOUNT_NOFOLLOW) == -1)
    umount2 (dir, MNT_DETACH | UMOUNT_NOFOLLOW);
  rmdir (dir);
  free (dir);
}

/* A "fs" argument that may be a guest path, a device or a btrfsvol:
 * mountable (libguestfs's Mountable_or_Path); see fs2.h. */
int
btrfs_resolve_fs (const char *fs, bool ro, char **path_r, char **private_r)
{
  *path_r = *private_r = NULL;
  if (STRPREFIX (fs, "/dev/") || STRPREFIX (fs, "btrfsvol:")) {
    CLEANUP_FREE char *m = daemon_resolve_mountable (fs);
    CLEANUP_FREE char *dev = NULL, *vol = NULL;

    if (m == NULL)
      return -1;
    if (daemon_split_mountable (m, &dev, &vol) == -1) {
      reply_with_perror ("%s", fs);
      return -1;
    }
    *private_r = btrfs_mount_private (dev, vol, ro);
    if (*private_r == NULL)
      return -1;
    *path_r = strdup (*private_r);
    if (*path_r == NULL) {
      reply_with_perror ("malloc");
      btrfs_unmount_private (*private_r);
      *private_r = NULL;
      return -1;
    }
    return 0;
  }
  if (daemon_check_pathname (fs) == -1)
    return -1;
  *path_r = fs_real_path (fs);
  if (*path_r &&
      fs_check_path_type (*path_r, fs, BTRFS_SUPER_MAGIC, "btrfs") == -1) {
    free (*path_r);
    *path_r = NULL;
  }
  return *path_r ? 0 : -1;
}

/* ---- parsing btrfs subvolume list ---- */

/* "ID 256 gen 7 top level 5 path dir/sub" (gen may be missing in old
 * versions; the path is the rest of the line and may hold spaces). */
static int
parse_subvolume_line (const char *line, uint64_t *id, uint64_t *top,
                      const char **path)
{
  const char *t, *p;

  if (sscanf (line, "ID %" SCNu64, id) != 1)
    return -1;
  t = strstr (line, " top level ");
  p = strstr (line, " path ");
  if (t == NULL || p == NULL ||
      sscanf (t, " top level %" SCNu64, top) != 1)
    return -1;
  *path = p + strlen (" path ");
  return 0;
}

static int
get_default_id (const char *path, int64_t *id)
{
  CLEANUP_FREE char *out = NULL;
  const char *argv[] = { "btrfs", "subvolume", "get-default", path, NULL };

  if (commandv (&out, NULL, argv, -1) != 0 || out == NULL ||
      sscanf (out, "ID %" SCNi64, id) != 1)
    return -1;
  return 0;
}

int
btrfs_add_subvolumes (struct stringsbuf *sb, const char *kdev)
{
  char *dir = mount_private (kdev, NULL, true);
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE char *api = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  int64_t def;
  int r = 0;

  if (dir == NULL)
    return 0;
  {
    const char *argv[] = { "btrfs", "subvolume", "list", dir, NULL };
    if (commandv (&out, NULL, argv, -1) != 0 || out == NULL ||
        get_default_id (dir, &def) == -1)
      goto done;
  }
  lines = split_lines (out, strlen (out));
  api = blockdev_api_name (kdev);
  if (lines == NULL || api == NULL) {
    reply_with_perror ("malloc");
    r = -1;
    goto done;
  }
  for (size_t i = 0; lines[i]; ++i) {
    uint64_t id, top;
    const char *path;
    char *m;

    /* The default subvolume is what mounting the device gives. */
    if (parse_subvolume_line (lines[i], &id, &top, &path) == -1 ||
        (int64_t) id == def)
      continue;
    if (asprintf (&m, "btrfsvol:%s/%s", api, path) == -1) {
      reply_with_perror ("malloc");
      r = -1;
      goto done;
    }
    if (add_string_nodup (sb, m) == -1 || add_string (sb, "btrfs") == -1) {
      r = -1;
      goto done;
    }
  }

 done:
  btrfs_unmount_private (dir);
  return r;
}

/* ---- mkfs_btrfs ---- */

enum {
  MK_ALLOCSTART, MK_BYTECOUNT, MK_DATATYPE, MK_LEAFSIZE, MK_LABEL,
  MK_METADATA, MK_NODESIZE, MK_SECTORSIZE,
};
#define HAS(bit) (optargs_bitmask & (UINT64_C(1) << (bit)))

/* A profile such as "single", "dup", "raid1". */
static int
check_profile (const char *what, const char *p)
{
  if (*p == '\0' ||
      strspn (p, "abcdefghijklmnopqrstuvwxyz0123456789") != strlen (p)) {
    reply_with_error ("%s: invalid %s profile", p, what);
    return -1;
  }
  return 0;
}

int
do_mkfs_btrfs (char *const *devices, int64_t allocstart, int64_t bytecount,
               const char *datatype, int leafsize, const char *label,
               const char *metadata, int nodesize, int sectorsize)
{
  size_t ndev = daemon_count_strings (devices);
  const char **argv;
  char bytecount_s[32], nodesize_s[32], sectorsize_s[32];
  size_t n = 0;
  int r = -1;

  if (ndev == 0) {
    reply_with_error ("list of devices must be non-empty");
    return -1;
  }
  if (HAS (MK_ALLOCSTART) && allocstart != 0) {
    reply_with_error_errno (ENOTSUP,
                            "allocstart is no longer supported by mkfs.btrfs (only 0 is accepted)");
    return -1;
  }
  if (HAS (MK_LEAFSIZE) && HAS (MK_NODESIZE) && leafsize != nodesize) {
    reply_with_error ("leafsize and nodesize are the same setting and differ (%d, %d)",
                      leafsize, nodesize);
    return -1;
  }
  if (HAS (MK_LEAFSIZE) && !HAS (MK_NODESIZE)) {
    nodesize = leafsize;
    optargs_bitmask |= UINT64_C(1) << MK_NODESIZE;
  }
  if ((HAS (MK_BYTECOUNT) && bytecount <= 0) ||
      (HAS (MK_NODESIZE) && nodesize <= 0) ||
      (HAS (MK_SECTORSIZE) && sectorsize <= 0)) {
    reply_with_error ("bytecount, nodesize and sectorsize must be > 0");
    return -1;
  }
  if ((HAS (MK_DATATYPE) && check_profile ("data", datatype) == -1) ||
      (HAS (MK_METADATA) && check_profile ("metadata", metadata) == -1))
    return -1;
  if (HAS (MK_LABEL) && strlen (label) > BTRFS_LABEL_MAX) {
    reply_with_error ("%s: btrfs labels are limited to %d bytes",
                      label, BTRFS_LABEL_MAX);
    return -1;
  }

  argv = calloc (ndev + 20, sizeof (char *));
  if (argv == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  argv[n++] = "mkfs.btrfs";
  argv[n++] = "-f";
  if (HAS (MK_BYTECOUNT)) {
    snprintf (bytecount_s, sizeof bytecount_s, "%" PRIi64, bytecount);
    argv[n++] = "-b";
    argv[n++] = bytecount_s;
  }
  if (HAS (MK_DATATYPE)) {
    argv[n++] = "-d";
    argv[n++] = datatype;
  }
  if (HAS (MK_LABEL)) {
    argv[n++] = "-L";
    argv[n++] = label;
  }
  if (HAS (MK_METADATA)) {
    argv[n++] = "-m";
    argv[n++] = metadata;
  }
  if (HAS (MK_NODESIZE)) {
    snprintf (nodesize_s, sizeof nodesize_s, "%d", nodesize);
    argv[n++] = "-n";
    argv[n++] = nodesize_s;
  }
  if (HAS (MK_SECTORSIZE)) {
    snprintf (sectorsize_s, sizeof sectorsize_s, "%d", sectorsize);
    argv[n++] = "-s";
    argv[n++] = sectorsize_s;
  }
  for (size_t i = 0; i < ndev; ++i) {
    /* Old signatures would confuse libblkid; the exclusive open also
     * refuses a device in use. */
    if (blockdev_wipe_signatures (devices[i]) == -1) {
      if (errno == EBUSY)
        fs_reply_busy (devices[i]);
      else {
        CLEANUP_FREE char *api = blockdev_api_name (devices[i]);
        reply_with_perror ("%s: erasing old signatures", api);
      }
      goto out;
    }
    argv[n++] = devices[i];
  }
  argv[n] = NULL;
  {
    CLEANUP_FREE char *api = blockdev_api_name (devices[0]);
    if (fs_command (api, argv, NULL) == -1)
      goto out;
  }
  for (size_t i = 0; i < ndev; ++i)
    if (!blockdev_is_partition (devices[i]) &&
        blockdev_reread_partitions (devices[i], true) == -1) {
      CLEANUP_FREE char *api = blockdev_api_name (devices[i]);
      reply_with_perror ("%s: re-reading the partition table", api);
      goto out;
    }
  if (ndev > 1)
    btrfs_scan ();
  r = 0;

 out:
  free (argv);
  return r;
}

/* ---- calls on a mounted filesystem ---- */

/* Run "btrfs ARGS... <path>" on the guest path; extra may be NULL. */
int
btrfs_on_path (const char *guest_path, const char *const *args,
               const char *const *extra, char **out_r)
{
  CLEANUP_FREE char *real = fs_real_path (guest_path);
  const char *argv[32];
  size_t n = 0;

  if (real == NULL ||
      fs_check_path_type (real, guest_path, BTRFS_SUPER_MAGIC, "btrfs") == -1)
    return -1;
  argv[n++] = "btrfs";
  for (size_t i = 0; args[i] && n < 28; ++i)
    argv[n++] = args[i];
  for (size_t i = 0; extra && extra[i] && n < 30; ++i)
    argv[n++] = extra[i];
  argv[n++] = real;
  argv[n] = NULL;
  return fs_command (guest_path, argv, out_r);
}

/* Create a subvolume or snapshot at a new guest path: the parent is
 * resolved inside the guest root, the name appended. */
static int
btrfs_new_path (const char *dest, const char *const *args, const char *src)
{
  CLEANUP_FREE char *real = fs_real_path_new (dest);
  CLEANUP_FREE char *real_src = NULL;
  const char *argv[16];
  size_t n = 0;

  if (real == NULL)
    return -1;
  if (src && ((real_src = fs_real_path (src)) == NULL ||
              fs_check_path_type (real_src, src, BTRFS_SUPER_MAGIC,
                                  "btrfs") == -1))
    return -1;
  argv[n++] = "btrfs";
  for (size_t i = 0; args[i] && n < 12; ++i)
    argv[n++] = args[i];
  if (real_src)
    argv[n++] = real_src;
  argv[n++] = real;
  argv[n] = NULL;
  return fs_command (dest, argv, NULL);
}

int
btrfs_check_qgroupid (const char *q)
{
  unsigned long long a, b;
  int end = 0;

  if (sscanf (q, "%llu/%llu%n", &a, &b, &end) != 2 || q[end] != '\0') {
    reply_with_error ("%s: a qgroup id is LEVEL/ID, e.g. 0/1000", q);
    return -1;
  }
  return 0;
}

int
do_btrfs_subvolume_create (const char *dest, const char *qgroupid)
{
  const char *args[] = { "subvolume", "create", NULL, NULL, NULL };

  if (optargs_bitmask & 1) {
    if (btrfs_check_qgroupid (qgroupid) == -1)
      return -1;
    args[2] = "-i";
    args[3] = qgroupid;
  }
  return btrfs_new_path (dest, args, NULL);
}

int
do_btrfs_subvolume_snapshot (const char *source, const char *dest, int ro,
                             const char *qgroupid)
{
  const char *args[6] = { "subvolume", "snapshot", NULL };
  size_t n = 2;

  if ((optargs_bitmask & 1) && ro)
    args[n++] = "-r";
  if (optargs_bitmask & 2) {
    if (btrfs_check_qgroupid (qgroupid) == -1)
      return -1;
    args[n++] = "-i";
    args[n++] = qgroupid;
  }
  args[n] = NULL;
  return btrfs_new_path (dest, args, source);
}

int
do_btrfs_subvolume_delete (const char *subvolume)
{
  const char *args[] = { "subvolume", "delete", NULL };

  return btrfs_on_path (subvolume, args, NULL, NULL);
}

guestfs_int_btrfssubvolume_list *
do_btrfs_subvolume_list (const char *fs)
{
  CLEANUP_FREE char *path = NULL, *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  char *private = NULL;
  guestfs_int_btrfssubvolume_list *ret = NULL;
  size_t n;

  if (btrfs_resolve_fs (fs, true, &path, &private) == -1)
    return NULL;
  {
    const char *argv[] = { "btrfs", "subvolume", "list", path, NULL };
    int r = fs_command (fs, argv, &out);
    btrfs_unmount_private (private);
    if (r == -1)
      return NULL;
  }
  lines = split_lines (out, strlen (out));
  if (lines == NULL)
    goto nomem;
  n = 0;
  for (size_t i = 0; lines[i]; ++i)
    if (lines[i][0])
      n++;
  ret = calloc (1, sizeof *ret);
  if (ret == NULL)
    goto nomem;
  ret->guestfs_int_btrfssubvolume_list_val =
    calloc (n ? n : 1, sizeof (guestfs_int_btrfssubvolume));
  if (ret->guestfs_int_btrfssubvolume_list_val == NULL)
    goto nomem;
  for (size_t i = 0; lines[i]; ++i) {
    guestfs_int_btrfssubvolume *v;
    uint64_t id, top;
    const char *p;

    if (lines[i][0] == '\0')
      continue;
    if (parse_subvolume_line (lines[i], &id, &top, &p) == -1) {
      reply_with_error ("%s: unexpected output from 'btrfs subvolume list': %s",
                        fs, lines[i]);
      xdr_free ((xdrproc_t) xdr_guestfs_int_btrfssubvolume_list, (char *) ret);
      free (ret);
      return NULL;
    }
    v = &ret->guestfs_int_btrfssubvolume_list_val[ret->guestfs_int_btrfssubvolume_list_len];
    v->btrfssubvolume_id = id;
    v->btrfssubvolume_top_level_id = top;
    v->btrfssubvolume_path = strdup (p);
    ret->guestfs_int_btrfssubvolume_list_len++;
    if (v->btrfssubvolume_path == NULL)
      goto nomem;
  }
  return ret;

 nomem:
  reply_with_perror ("malloc");
  if (ret) {
    xdr_free ((xdrproc_t) xdr_guestfs_int_btrfssubvolume_list, (char *) ret);
    free (ret);
  }
  return NULL;
}

int
do_btrfs_subvolume_set_default (int64_t id, const char *fs)
{
  char id_s[32];
  const char *args[] = { "subvolume", "set-default", id_s, NULL };

  if (id < 0) {
    reply_with_error ("%" PRIi64 ": subvolume ids are not negative", id);
    return -1;
  }
  snprintf (id_s, sizeof id_s, "%" PRIi64, id);
  return btrfs_on_path (fs, args, NULL, NULL);
}

int64_t
do_btrfs_subvolume_get_default (const char *fs)
{
  CLEANUP_FREE char *path = NULL;
  char *private = NULL;
  int64_t id;
  int r;

  if (btrfs_resolve_fs (fs, true, &path, &private) == -1)
    return -1;
  r = get_default_id (path, &id);
  btrfs_unmount_private (private);
  if (r == -1) {
    reply_with_error ("%s: cannot get the default subvolume (not btrfs?)", fs);
    return -1;
  }
  return id;
}

/* The output of btrfs subvolume show: the subvolume's path, then
 * "\tKey:\t\tvalue" lines; the snapshots are listed on the lines after
 * "Snapshot(s):", indented deeper.  As in libguestfs, the path is
 * returned as "path", "-" (nothing) as "", and the snapshots joined
 * with commas. */
char **
do_btrfs_subvolume_show (const char *subvolume)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  const char *args[] = { "subvolume", "show", NULL };

  if (btrfs_on_path (subvolume, args, NULL, &out) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  if (lines[0] == NULL) {
    reply_with_error ("%s: no output from btrfs subvolume show", subvolume);
    return NULL;
  }
  if (add_string (&sb, "path") == -1 || add_string (&sb, lines[0]) == -1)
    return NULL;
  for (size_t i = 1; lines[i]; ++i) {
    char *key = lines[i] + strspn (lines[i], " \t"), *colon, *value;

    colon = strchr (key, ':');
    if (*key == '\0' || colon == NULL)
      continue;
    *colon = '\0';
    value = colon + 1 + strspn (colon + 1, " \t");
    trim_trailing (key);
    if (STREQ (key, "Snapshot(s)")) {
      CLEANUP_FREE char *list = NULL;
      size_t len = 0;

      /* The deeper indented lines that follow. */
      for (; lines[i + 1] && STRPREFIX (lines[i + 1], "\t\t"); ++i) {
        const char *snap = lines[i + 1] + strspn (lines[i + 1], " \t");
        char *p = realloc (list, len + strlen (snap) + 2);

        if (p == NULL) {
          reply_with_perror ("malloc");
          return NULL;
        }
        list = p;
        if (len)
          list[len++] = ',';
        strcpy (list + len, snap);
        len += strlen (snap);
      }
      if (add_string (&sb, key) == -1 || add_string (&sb, list ? list : "") == -1)
        return NULL;
      continue;
    }
    if (add_string (&sb, key) == -1 ||
        add_string (&sb, STREQ (value, "-") ? "" : value) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

int
do_btrfs_filesystem_resize (const char *mountpoint, int64_t size)
{
  char size_s[32] = "max";
  const char *args[] = { "filesystem", "resize", size_s, NULL };

  if (optargs_bitmask & 1) {
    if (size <= 0) {
      reply_with_error ("%" PRIi64 ": the new size must be > 0", size);
      return -1;
    }
    snprintf (size_s, sizeof size_s, "%" PRIi64, size);
  }
  return btrfs_on_path (mountpoint, args, NULL, NULL);
}

int
do_btrfs_filesystem_sync (const char *fs)
{
  const char *args[] = { "filesystem", "sync", NULL };

  return btrfs_on_path (fs, args, NULL, NULL);
}

int
do_btrfs_filesystem_balance (const char *fs)
{
  /* Without --full-balance btrfs first waits 10 seconds for a change of
   * mind. */
  const char *args[] = { "balance", "start", "--full-balance", NULL };

  return btrfs_on_path (fs, args, NULL, NULL);
}

static int
device_add_delete (char *const *devices, const char *fs, const char *verb)
{
  const char *add[] = { "device", verb, "-f", NULL };
  const char *del[] = { "device", verb, NULL };

  if (devices[0] == NULL)
    return 0;
  if (btrfs_on_path (fs, STREQ (verb, "add") ? add : del,
                     (const char *const *) devices, NULL) == -1)
    return -1;
  return 0;
}

int
do_btrfs_device_add (char *const *devices, const char *fs)
{
  if (daemon_count_strings (devices) > 24) {
    reply_with_error ("too many devices at once");
    return -1;
  }
  return device_add_delete (devices, fs, "add");
}

int
do_btrfs_device_delete (char *const *devices, const char *fs)
{
  if (daemon_count_strings (devices) > 24) {
    reply_with_error ("too many devices at once");
    return -1;
  }
  return device_add_delete (devices, fs, "delete");
}

int
do_btrfs_scrub_start (const char *path)
{
  /* -B: in the foreground, so that the call reports how it went and
   * nothing is left running that would keep the filesystem busy. */
  const char *args[] = { "scrub", "start", "-B", NULL };

  return btrfs_on_path (path, args, NULL, NULL);
}
