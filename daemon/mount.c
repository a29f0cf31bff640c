/* guestfsd: mounting guest filesystems under /sysroot and unmounting
 * them — mount, mount_ro, mount_options, umount, umount_all, mounts,
 * mountpoints, mount_vfs — plus sync, ping_daemon and internal_autosync.
 * A btrfs subvolume mountable ("btrfsvol:DEVICE/VOLUME") is mounted with
 * the subvol= option.
 *
 * Mounts go through mount(2) with the type libblkid finds (NTFS tries the
 * kernel's ntfs3, then the ntfs-3g program).  A mountpoint other than "/"
 * is a guest path: it is opened inside the guest root and the mount is
 * made on that open directory, so a guest symlink cannot send it
 * anywhere else.  What is mounted is read back from /proc/self/mountinfo
 * rather than remembered, so it is always the kernel's truth. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

/* umount's optargs, in the API table's order. */
#define OPT_FORCE (UINT64_C(1) << 0)
#define OPT_LAZYUNMOUNT (UINT64_C(1) << 1)

#define MOUNTINFO_MAX (16 * 1024 * 1024)

/* After a FUSE filesystem (ntfs-3g) is unmounted its process still holds
 * the device for a moment; wait this long for it to let go. */
#define FUSE_RELEASE_WAIT_MS 5000

/* ---- /proc/self/mountinfo ---- */

struct mnt {
  char *mountpoint;             /* in the appliance, e.g. /sysroot/boot */
  char *fstype;
  char *source;
};

static void
free_mnts (struct mnt *m, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    free (m[i].mountpoint);
    free (m[i].fstype);
    free (m[i].source);
  }
  free (m);
}

/* mountinfo writes space, tab, newline and backslash as \ooo. */
static char *
unescape (const char *s)
{
  char *r = malloc (strlen (s) + 1), *p = r;

  if (r == NULL)
    return NULL;
  while (*s) {
    if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
        s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
      *p++ = (char) ((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
      s += 4;
    }
    else
      *p++ = *s++;
  }
  *p = '\0';
  return r;
}

static bool
under_sysroot (const char *path)
{
  size_t n = strlen (SYSROOT);

  return strncmp (path, SYSROOT, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* The mounts on /sysroot and below, in the order they were mounted.
 * -1 with errno on error. */
static int
read_mounts (struct mnt **mnts_r, size_t *n_r)
{
  CLEANUP_CLOSE int fd = open ("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
  CLEANUP_FREE char *buf = NULL;
  size_t len, n = 0, alloc = 0;
  struct mnt *mnts = NULL;
  char *line, *next;

  *mnts_r = NULL;
  *n_r = 0;
  if (fd == -1)
    return -1;
  buf = read_whole_fd (fd, MOUNTINFO_MAX, &len);
  if (buf == NULL)
    return -1;

  for (line = buf; line && *line; line = next) {
    char *fields[64], *save = NULL, *tok;
    size_t nf = 0, dash;

    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    for (tok = strtok_r (line, " ", &save); tok && nf < 64;
         tok = strtok_r (NULL, " ", &save))
      fields[nf++] = tok;
    /* id parent maj:min root mountpoint options [optional...] - type source
     * superoptions */
    for (dash = 6; dash < nf && STRNEQ (fields[dash], "-"); ++dash)
      ;
    if (nf < 5 || dash + 2 >= nf)
      continue;
    {
      CLEANUP_FREE char *mp = unescape (fields[4]);
      if (mp == NULL)
        goto fail;
      if (!under_sysroot (mp))
        continue;
      if (n == alloc) {
        struct mnt *p;
        alloc = alloc ? alloc * 2 : 16;
        p = realloc (mnts, alloc * sizeof *mnts);
        if (p == NULL)
          goto fail;
        mnts = p;
      }
      mnts[n].mountpoint = mp;
      mp = NULL;
      mnts[n].fstype = unescape (fields[dash + 1]);
      mnts[n].source = unescape (fields[dash + 2]);
      n++;
      if (mnts[n - 1].fstype == NULL || mnts[n - 1].source == NULL)
        goto fail;
    }
  }
  *mnts_r = mnts;
  *n_r = n;
  return 0;

 fail:
  {
    int err = errno;
    free_mnts (mnts, n);
    errno = err;
  }
  return -1;
}

/* "/sysroot/boot" -> "/boot", "/sysroot" -> "/". */
static char *
guest_path (const char *mountpoint)
{
  const char *p = mountpoint + strlen (SYSROOT);

  return strdup (*p ? p : "/");
}

/* Is the mount's source this kernel device? */
static bool
same_device (const char *source, const char *device)
{
  struct stat a, b;

  if (STREQ (source, device))
    return true;
  return STRPREFIX (source, "/dev/") &&
    stat (source, &a) == 0 && stat (device, &b) == 0 &&
    S_ISBLK (a.st_mode) && S_ISBLK (b.st_mode) && a.st_rdev == b.st_rdev;
}

/* ---- mounting ---- */

struct mount_flag {
  const char *name;
  unsigned long set, clear;
};

static const struct mount_flag mount_flags[] = {
  { "ro", MS_RDONLY, 0 },             { "rw", 0, MS_RDONLY },
  { "nosuid", MS_NOSUID, 0 },         { "suid", 0, MS_NOSUID },
  { "nodev", MS_NODEV, 0 },           { "dev", 0, MS_NODEV },
  { "noexec", MS_NOEXEC, 0 },         { "exec", 0, MS_NOEXEC },
  { "sync", MS_SYNCHRONOUS, 0 },      { "async", 0, MS_SYNCHRONOUS },
  { "dirsync", MS_DIRSYNC, 0 },
  { "mand", MS_MANDLOCK, 0 },         { "nomand", 0, MS_MANDLOCK },
  { "noatime", MS_NOATIME, 0 },       { "atime", 0, MS_NOATIME },
  { "nodiratime", MS_NODIRATIME, 0 }, { "diratime", 0, MS_NODIRATIME },
  { "relatime", MS_RELATIME, 0 },     { "norelatime", 0, MS_RELATIME },
  { "strictatime", MS_STRICTATIME, 0 },
  { "nostrictatime", 0, MS_STRICTATIME },
  { "lazytime", MS_LAZYTIME, 0 },     { "nolazytime", 0, MS_LAZYTIME },
  { "silent", MS_SILENT, 0 },         { "loud", 0, MS_SILENT },
  /* mount(8) and fstab options that mean nothing to the kernel */
  { "defaults", 0, 0 }, { "auto", 0, 0 }, { "noauto", 0, 0 },
  { "user", 0, 0 }, { "nouser", 0, 0 }, { "users", 0, 0 },
  { "owner", 0, 0 }, { "group", 0, 0 }, { "nofail", 0, 0 },
  { "_netdev", 0, 0 },
};

/* Options that would make mount(2) do something other than mount a
 * device's filesystem. */
static const char *const refused_options[] = {
  "bind", "rbind", "move", "remount", "loop",
};

/* Split "ro,noatime,errors=remount-ro" into mount(2) flags and the
 * filesystem's own options.  Replies on error. */
static int
parse_options (const char *options, unsigned long *flags, char **data)
{
  CLEANUP_FREE char *copy = strdup (options);
  char *save = NULL, *tok, *p;

  *data = calloc (1, strlen (options) + 1);
  if (copy == NULL || *data == NULL) {
    reply_with_perror ("malloc");
    free (*data);
    *data = NULL;
    return -1;
  }
  /* Device nodes in a guest filesystem must not open the appliance's own
   * devices (its memory, the other disks); "dev" turns this off. */
  *flags = MS_NODEV;
  p = *data;
  for (tok = strtok_r (copy, ",", &save); tok;
       tok = strtok_r (NULL, ",", &save)) {
    bool known = false;

    for (size_t i = 0; i < sizeof refused_options / sizeof (char *); ++i)
      if (STREQ (tok, refused_options[i])) {
        reply_with_error ("mount option '%s' is not supported", tok);
        free (*data);
        *data = NULL;
        return -1;
      }
    for (size_t i = 0; i < sizeof mount_flags / sizeof mount_flags[0]; ++i)
      if (STREQ (tok, mount_flags[i].name)) {
        *flags = (*flags & ~mount_flags[i].clear) | mount_flags[i].set;
        known = true;
      }
    if (known || STRPREFIX (tok, "x-") || STRPREFIX (tok, "comment="))
      continue;
    if (p != *data)
      *p++ = ',';
    p = stpcpy (p, tok);
  }
  return 0;
}

/* mount(2), and like mount(8) read-only if the device is write
 * protected. */
static int
try_mount (const char *device, const char *target, const char *type,
           unsigned long flags, const char *data)
{
  if (mount (device, target, type, flags, *data ? data : NULL) == 0)
    return 0;
  if ((errno == EACCES || errno == EROFS) && !(flags & MS_RDONLY)) {
    int err = errno;
    if (mount (device, target, type, flags | MS_RDONLY,
               *data ? data : NULL) == 0) {
      fprintf (stderr, "guestfsd: %s is write-protected, mounted read-only\n",
               device);
      return 0;
    }
    errno = err;
  }
  return -1;
}

/* The appliance path an open directory is at ("/sysroot/mnt"), for
 * programs that need a path. */
static char *
fd_real_path (int fd)
{
  CLEANUP_FREE char *link = fd_path (fd);
  char buf[PATH_MAX];
  ssize_t n;

  if (link == NULL)
    return NULL;
  n = readlink (link, buf, sizeof buf - 1);
  if (n == -1)
    return NULL;
  buf[n] = '\0';
  if (!under_sysroot (buf)) {
    errno = EXDEV;
    return NULL;
  }
  return strdup (buf);
}

/* NTFS through FUSE.  ntfs-3g is given the directory's real path rather
 * than our descriptor: the filesystem process outlives this call and must
 * not keep anything of ours open. */
static int
mount_ntfs_3g (const char *options, const char *device, int dirfd,
               const char *mountpoint, const char *api)
{
  CLEANUP_FREE char *target =
    dirfd >= 0 ? fd_real_path (dirfd) : strdup (SYSROOT);
  CLEANUP_FREE char *err = NULL;
  const char *argv[8];
  size_t n = 0;
  int r;

  if (target == NULL) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  /* Without udev nothing loads fuse before /dev/fuse is first needed. */
  if (access ("/dev/fuse", F_OK) == -1)
    command (NULL, NULL, "modprobe", "fuse", NULL);

  argv[n++] = "ntfs-3g";
  if (*options) {
    argv[n++] = "-o";
    argv[n++] = options;
  }
  argv[n++] = device;
  argv[n++] = target;
  argv[n] = NULL;
  r = commandv (NULL, &err, argv, -1);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s on %s: ntfs-3g: %s", api, mountpoint,
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return -1;
  }
  return 0;
}

/* Add "subvol=VOLUME" to the filesystem options of a btrfs subvolume
 * mount.  The volume is a path inside the filesystem: a comma would end
 * the option, so it is refused. */
static int
add_subvol_option (char **data, const char *vol, const char *api)
{
  char *d;

  if (strchr (vol, ',')) {
    reply_with_error ("%s: a subvolume path containing ',' cannot be mounted",
                      api);
    return -1;
  }
  if (asprintf (&d, "subvol=%s%s%s", vol, **data ? "," : "", *data) == -1) {
    reply_with_perror ("malloc");
    return -1;
  }
  free (*data);
  *data = d;
  return 0;
}

/* Mount a resolved mountable on a guest path.  vfstype NULL: the type
 * libblkid finds. */
static int
mount_common (const char *options, const char *vfstype, const char *mountable,
              const char *mountpoint)
{
  CLEANUP_FREE char *api = fs_mountable_api_name (mountable);
  CLEANUP_FREE char *device = NULL, *vol = NULL;
  CLEANUP_FREE char *data = NULL;
  CLEANUP_FREE char *type = NULL;
  CLEANUP_FREE char *target = NULL;
  CLEANUP_CLOSE int fd = -1;
  unsigned long flags;
  int r;

  if (mountpoint[0] != '/') {
    reply_with_error ("%s: the mountpoint must be an absolute path",
                      mountpoint);
    return -1;
  }
  if (daemon_split_mountable (mountable, &device, &vol) == -1) {
    reply_with_perror ("%s", api);
    return -1;
  }
  if (parse_options (options, &flags, &data) == -1)
    return -1;

  if (STREQ (mountpoint, "/"))
    target = strdup (SYSROOT);
  else {
    /* Usually under a filesystem mounted on /, but mkmountpoint can make
     * mountpoints in the bare root. */
    fd = sysroot_open (mountpoint, O_PATH | O_DIRECTORY, 0);
    if (fd == -1) {
      if (errno == ENOENT && !sysroot_is_mounted ())
        reply_with_error ("%s: cannot mount %s here: mount a filesystem on / first",
                          mountpoint, api);
      else
        reply_with_perror ("%s", mountpoint);
      return -1;
    }
    target = fd_path (fd);
  }
  if (target == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }

  type = blockdev_fs_tag (device, "TYPE");
  if (type == NULL) {
    reply_with_perror ("%s", api);
    return -1;
  }
  if (vfstype) {
    /* The caller's type wins, but never for what is not a filesystem. */
    if (*type && (STREQ (type, "swap") || STREQ (type, "LVM2_member") ||
                  STREQ (type, "crypto_LUKS") ||
                  STREQ (type, "linux_raid_member"))) {
      reply_with_error ("%s: cannot be mounted: it holds %s, not a filesystem",
                        api, type);
      return -1;
    }
    free (type);
    type = strdup (vfstype);
    if (type == NULL) {
      reply_with_perror ("malloc");
      return -1;
    }
  }
  else if (*type == '\0') {
    reply_with_error ("%s: no filesystem found on the device", api);
    return -1;
  }
  if (STREQ (type, "swap") || STREQ (type, "LVM2_member") ||
      STREQ (type, "crypto_LUKS") || STREQ (type, "linux_raid_member")) {
    reply_with_error ("%s: cannot be mounted: it holds %s, not a filesystem",
                      api, type);
    return -1;
  }
  if (vol) {
    if (STRNEQ (type, "btrfs")) {
      reply_with_error ("%s: not a btrfs filesystem (%s), it has no subvolumes",
                        api, type);
      return -1;
    }
    if (add_subvol_option (&data, vol, api) == -1)
      return -1;
  }

  if (STREQ (type, "ntfs")) {
    /* The kernel's driver if it has one, else FUSE. */
    if (try_mount (device, target, "ntfs3", flags, data) == 0)
      return 0;
    if (errno != ENODEV) {
      reply_with_perror ("%s on %s", api, mountpoint);
      return -1;
    }
    return mount_ntfs_3g (options, device, fd, mountpoint, api);
  }

  r = try_mount (device, target, type, flags, data);
  /* A multi-device btrfs needs its other devices known to the kernel. */
  if (r == -1 && STREQ (type, "btrfs") && (errno == EINVAL || errno == ENOENT) &&
      btrfs_scan () == 0)
    r = try_mount (device, target, type, flags, data);
  /* ext2 and ext3 are served by the ext4 driver when not built alone. */
  if (r == -1 && errno == ENODEV && (STREQ (type, "ext2") || STREQ (type, "ext3")))
    r = try_mount (device, target, "ext4", flags, data);
  if (r == -1) {
    int err = errno;
    if (err == EINVAL || (vol && err == ENOENT))
      reply_with_error_errno (err, "%s on %s: wrong filesystem type, bad option or bad superblock (type %s%s%s%s)",
                              api, mountpoint, type,
                              *options ? ", options '" : "", options,
                              *options ? "'" : "");
    else if (err == ENODEV)
      reply_with_error_errno (err, "%s on %s: filesystem type %s is not supported",
                              api, mountpoint, type);
    else {
      errno = err;
      reply_with_perror ("%s on %s", api, mountpoint);
    }
    return -1;
  }
  return 0;
}

int
fs_mount (const char *options, const char *vfstype, const char *mountable,
          const char *mountpoint)
{
  return mount_common (options, vfstype, mountable, mountpoint);
}

int
do_mount (const char *mountable, const char *mountpoint)
{
  return mount_common ("", NULL, mountable, mountpoint);
}

int
do_mount_ro (const char *mountable, const char *mountpoint)
{
  return mount_common ("ro", NULL, mountable, mountpoint);
}

int
do_mount_options (const char *options, const char *mountable,
                  const char *mountpoint)
{
  return mount_common (options, NULL, mountable, mountpoint);
}

int
do_mount_vfs (const char *options, const char *vfstype, const char *mountable,
              const char *mountpoint)
{
  return mount_common (options, vfstype, mountable, mountpoint);
}

/* ---- unmounting ---- */

static void
wait_for_release (const struct mnt *m)
{
  struct timespec ts = { 0, 10 * 1000 * 1000 };

  if (!STRPREFIX (m->fstype, "fuse") || !STRPREFIX (m->source, "/dev/"))
    return;
  for (int waited = 0; waited < FUSE_RELEASE_WAIT_MS; waited += 10) {
    int fd = open (m->source, O_RDONLY | O_EXCL | O_CLOEXEC);
    if (fd >= 0) {
      close (fd);
      return;
    }
    if (errno != EBUSY)
      return;
    nanosleep (&ts, NULL);
  }
}

/* Unmount one mount; -1 with errno on error. */
static int
unmount_one (const struct mnt *m, int flags)
{
  if (umount2 (m->mountpoint, flags | UMOUNT_NOFOLLOW) == -1)
    return -1;
  wait_for_release (m);
  return 0;
}

static void
reply_umount_error (const char *what)
{
  if (errno == EBUSY)
    reply_with_error_errno (EBUSY, "%s: target is busy (files or mounts below it are in use)",
                            what);
  else if (errno == EINVAL)
    reply_with_error_errno (EINVAL, "%s: not mounted", what);
  else
    reply_with_perror ("%s", what);
}

int
do_umount (const char *pathordevice, int force, int lazyunmount)
{
  struct mnt *mnts;
  size_t n;
  const struct mnt *m = NULL;
  CLEANUP_FREE char *real = NULL;
  int flags = 0;
  int r;

  if ((optargs_bitmask & OPT_FORCE) && force)
    flags |= MNT_FORCE;
  if ((optargs_bitmask & OPT_LAZYUNMOUNT) && lazyunmount)
    flags |= MNT_DETACH;

  if (!STRPREFIX (pathordevice, "/dev/")) {
    /* A guest path: where it really is in the appliance.  The descriptor
     * is closed again at once: it would keep the mount busy. */
    int fd = sysroot_open (pathordevice, O_PATH, 0);
    if (fd == -1) {
      reply_with_perror ("%s", pathordevice);
      return -1;
    }
    real = fd_real_path (fd);
    close (fd);
    if (real == NULL) {
      reply_with_perror ("%s", pathordevice);
      return -1;
    }
  }

  if (read_mounts (&mnts, &n) == -1) {
    reply_with_perror ("/proc/self/mountinfo");
    return -1;
  }
  /* The latest mount of the device, or the one on top at the path. */
  for (size_t i = n; i-- > 0 && m == NULL; )
    if (real ? STREQ (mnts[i].mountpoint, real)
             : same_device (mnts[i].source, pathordevice))
      m = &mnts[i];
  if (m == NULL) {
    if (real)
      reply_with_error_errno (EINVAL, "%s: not mounted", pathordevice);
    else {
      CLEANUP_FREE char *api = blockdev_api_name (pathordevice);
      reply_with_error_errno (EINVAL, "%s: not mounted", api);
    }
    free_mnts (mnts, n);
    return -1;
  }
  r = unmount_one (m, flags);
  if (r == -1) {
    CLEANUP_FREE char *what =
      real ? strdup (pathordevice) : blockdev_api_name (pathordevice);
    reply_umount_error (what ? what : pathordevice);
  }
  free_mnts (mnts, n);
  return r;
}

/* Unmount everything under /sysroot, latest first (children were mounted
 * after their parents).  With lazy, a mount that is busy is detached
 * rather than failing.  Replies on error. */
static int
umount_all (bool lazy)
{
  struct mnt *mnts;
  size_t n;

  if (read_mounts (&mnts, &n) == -1) {
    reply_with_perror ("/proc/self/mountinfo");
    return -1;
  }
  for (size_t i = n; i-- > 0; ) {
    if (unmount_one (&mnts[i], 0) == 0 || errno == EINVAL)
      continue;
    if (lazy && unmount_one (&mnts[i], MNT_DETACH) == 0)
      continue;
    {
      int err = errno;
      CLEANUP_FREE char *gp = guest_path (mnts[i].mountpoint);
      errno = err;
      reply_umount_error (gp ? gp : mnts[i].mountpoint);
    }
    free_mnts (mnts, n);
    return -1;
  }
  free_mnts (mnts, n);
  return 0;
}

int
do_umount_all (void)
{
  return umount_all (false);
}

/* Mounted devices (API names), with their guest mountpoints if
 * with_mountpoints: the list or hashtable mounts and mountpoints return. */
static char **
list_mounts (bool with_mountpoints)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  struct mnt *mnts;
  size_t n;

  if (read_mounts (&mnts, &n) == -1) {
    reply_with_perror ("/proc/self/mountinfo");
    return NULL;
  }
  for (size_t i = 0; i < n; ++i) {
    char *api;

    if (!STRPREFIX (mnts[i].source, "/dev/"))
      continue;
    api = daemon_device_to_api (mnts[i].source);
    if (api == NULL) {
      reply_with_perror ("malloc");
      free_mnts (mnts, n);
      return NULL;
    }
    if (add_string_nodup (&sb, api) == -1) {
      free_mnts (mnts, n);
      return NULL;
    }
    if (with_mountpoints) {
      char *gp = guest_path (mnts[i].mountpoint);
      if (gp == NULL) {
        reply_with_perror ("malloc");
        free_mnts (mnts, n);
        return NULL;
      }
      if (add_string_nodup (&sb, gp) == -1) {
        free_mnts (mnts, n);
        return NULL;
      }
    }
  }
  free_mnts (mnts, n);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_mounts (void)
{
  return list_mounts (false);
}

char **
do_mountpoints (void)
{
  return list_mounts (true);
}

int
do_sync (void)
{
  sync ();
  return 0;
}

int
do_ping_daemon (void)
{
  return 0;
}

/* Before the handle closes: nothing may stay mounted or unwritten.  A
 * busy mount is detached so the sync still happens. */
int
do_internal_autosync (void)
{
  int r = umount_all (true);

  sync ();
  return r;
}
