/* guestfsd: private read-only mounts for inspection.  Each filesystem
 * inspect_os looks at is mounted on its own directory under /run, never
 * on /sysroot, so the caller's mounts are neither needed nor disturbed.
 * Mounts are read-only, nodev, nosuid and noexec.  A filesystem the
 * caller has mounted read-write cannot also be mounted read-only (the
 * kernel refuses to change the superblock's state); then the same
 * superblock is mounted again and the new mount made read-only. */

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
#include "blockdev.h"
#include "inspect.h"

#define PRIVATE_TEMPLATE "/run/guestfsd-inspect.XXXXXX"
#define MOUNTINFO_MAX (16 * 1024 * 1024)
#define FUSE_RELEASE_WAIT_MS 5000
#define MOUNT_FLAGS (MS_RDONLY | MS_NODEV | MS_NOSUID | MS_NOEXEC)

/* Types that are containers or not mountable at all. */
static bool
unmountable_type (const char *type)
{
  size_t n = strlen (type);

  return *type == '\0' || STREQ (type, "swap") || STREQ (type, "unknown") ||
    STREQ (type, "LVM2_member") || STREQ (type, "crypto_LUKS") ||
    STREQ (type, "BitLocker") ||
    (n > 7 && STREQ (type + n - 7, "_member"));
}

static int
try_mount (const char *dev, const char *target, const char *type,
           const char *data)
{
  if (mount (dev, target, type, MOUNT_FLAGS, data) == 0)
    return 0;
  if (errno != EBUSY)
    return -1;
  /* Mounted read-write elsewhere: share that superblock, read-only here. */
  if (mount (dev, target, type, MOUNT_FLAGS & ~MS_RDONLY, data) == -1)
    return -1;
  if (mount (NULL, target, NULL, MS_REMOUNT | MS_BIND | MOUNT_FLAGS, NULL) == -1) {
    int err = errno;
    umount2 (target, MNT_DETACH);
    errno = err;
    return -1;
  }
  return 0;
}

/* ntfs-3g runs on after this returns: give it the directory's real path
 * (under our private directory), not a descriptor of ours. */
static int
mount_ntfs_3g (const char *dev, const char *target)
{
  char real[PATH_MAX];
  const char *argv[] = { "ntfs-3g", "-o", "ro,nodev,nosuid,noexec", dev, real, NULL };
  ssize_t n;

  if (STRPREFIX (target, "/proc/self/fd/")) {
    n = readlink (target, real, sizeof real - 1);
    if (n == -1)
      return -1;
    real[n] = '\0';
  }
  else if (strlen (target) < sizeof real)
    strcpy (real, target);
  else {
    errno = ENAMETOOLONG;
    return -1;
  }
  if (!STRPREFIX (real, "/run/guestfsd-inspect.")) {
    errno = EXDEV;
    return -1;
  }
  if (access ("/dev/fuse", F_OK) == -1)
    command (NULL, NULL, "modprobe", "fuse", NULL);
  if (commandv (NULL, NULL, argv, -1) != 0) {
    errno = EIO;
    return -1;
  }
  return 0;
}

/* Mount a kernel mountable on target (a path). */
static int
mount_on (const char *kernel, const char *vfs_type, const char *target)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL, *type = NULL, *data = NULL;
  int r;

  if (daemon_split_mountable (kernel, &dev, &vol) == -1)
    return -1;
  type = vfs_type ? strdup (vfs_type) : blockdev_fs_tag (dev, "TYPE");
  if (type == NULL)
    return -1;
  if (unmountable_type (type)) {
    errno = EINVAL;
    return -1;
  }
  if (vol) {
    if (STRNEQ (type, "btrfs") || strchr (vol, ',')) {
      errno = EINVAL;
      return -1;
    }
    if (asprintf (&data, "subvol=%s", vol) == -1)
      return -1;
  }
  if (STREQ (type, "ntfs")) {
    if (mount (dev, target, "ntfs3", MOUNT_FLAGS, NULL) == 0)
      return 0;
    return mount_ntfs_3g (dev, target);
  }
  if (STREQ (type, "ufs")) {
    /* FreeBSD's variant, then the one NetBSD and OpenBSD use. */
    if (try_mount (dev, target, "ufs", "ufstype=ufs2") == 0)
      return 0;
    return try_mount (dev, target, "ufs", "ufstype=44bsd");
  }
  r = try_mount (dev, target, type, data);
  if (r == -1 && errno == ENODEV &&
      (STREQ (type, "ext2") || STREQ (type, "ext3")))
    r = try_mount (dev, target, "ext4", data);
  return r;
}

char *
inspect_mount_private (const char *kernel, const char *vfs_type)
{
  char tmpl[] = PRIVATE_TEMPLATE;
  int err;

  if (mkdtemp (tmpl) == NULL)
    return NULL;
  if (mount_on (kernel, vfs_type, tmpl) == 0)
    return strdup (tmpl);
  err = errno;
  rmdir (tmpl);
  errno = err;
  return NULL;
}

int
inspect_mount_under (const char *dir, const char *mountpoint,
                     const char *kernel)
{
  int root = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  int fd, r, err;
  char target[64];

  if (root == -1)
    return -1;
  fd = guest_open (root, mountpoint, O_PATH | O_DIRECTORY, true);
  err = errno;
  close (root);
  if (fd == -1) {
    errno = err;
    return -1;
  }
  snprintf (target, sizeof target, "/proc/self/fd/%d", fd);
  r = mount_on (kernel, NULL, target);
  err = errno;
  close (fd);
  errno = err;
  return r;
}

/* mountinfo writes space, tab, newline and backslash as \ooo. */
static void
unescape (char *s)
{
  char *p = s;

  while (*s) {
    if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
        s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
      *p++ = (char) ((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
      s += 4;
    }
    else
      *p++ = *s++;
  }
  *p = '\0';
}

/* Wait until a FUSE filesystem's process has let go of its device. */
static void
wait_for_release (const char *source)
{
  struct timespec ts = { 0, 10 * 1000 * 1000 };

  for (int waited = 0; waited < FUSE_RELEASE_WAIT_MS; waited += 10) {
    int fd = open (source, O_RDONLY | O_EXCL | O_CLOEXEC);
    if (fd >= 0) {
      close (fd);
      return;
    }
    if (errno != EBUSY)
      return;
    nanosleep (&ts, NULL);
  }
}

void
inspect_unmount_private (char *dir)
{
  int fd;
  char *buf, *line, *next;
  size_t dlen;
  struct { char *mp, *source; bool fuse; } mnts[64];
  size_t n = 0;

  if (dir == NULL)
    return;
  dlen = strlen (dir);
  fd = open ("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
  buf = fd >= 0 ? read_whole_fd (fd, MOUNTINFO_MAX, NULL) : NULL;
  if (fd >= 0)
    close (fd);
  /* The mounts at and below dir, in the order they were made. */
  for (line = buf; line && *line && n < 64; line = next) {
    char *f[64], *save = NULL, *tok;
    size_t nf = 0, dash;

    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    for (tok = strtok_r (line, " ", &save); tok && nf < 64;
         tok = strtok_r (NULL, " ", &save))
      f[nf++] = tok;
    for (dash = 6; dash < nf && STRNEQ (f[dash], "-"); ++dash)
      ;
    if (nf < 5 || dash + 2 >= nf)
      continue;
    unescape (f[4]);
    if (strncmp (f[4], dir, dlen) != 0 || (f[4][dlen] != '\0' && f[4][dlen] != '/'))
      continue;
    unescape (f[dash + 2]);
    mnts[n].mp = f[4];
    mnts[n].source = f[dash + 2];
    mnts[n].fuse = STRPREFIX (f[dash + 1], "fuse");
    n++;
  }
  /* Deepest (latest) first. */
  while (n-- > 0) {
    if (umount2 (mnts[n].mp, UMOUNT_NOFOLLOW) == -1)
      umount2 (mnts[n].mp, MNT_DETACH | UMOUNT_NOFOLLOW);
    else if (mnts[n].fuse && STRPREFIX (mnts[n].source, "/dev/"))
      wait_for_release (mnts[n].source);
  }
  free (buf);
  if (rmdir (dir) == -1 && errno == EBUSY) {
    umount2 (dir, MNT_DETACH | UMOUNT_NOFOLLOW);
    rmdir (dir);
  }
  free (dir);
}

static int
compare_by_length (const void *a, const void *b)
{
  const struct inspect_fstab *x = a, *y = b;
  size_t lx = strlen (x->mountpoint), ly = strlen (y->mountpoint);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x->mountpoint, y->mountpoint);
}

char *
inspect_mount_root_tree (const struct inspect_fs *fs)
{
  CLEANUP_FREE struct inspect_fstab *order = NULL;
  char *dir;

  dir = inspect_mount_private (fs->kernel, fs->vfs_type);
  if (dir == NULL) {
    reply_with_perror ("%s: mounting the root filesystem", fs->mountable);
    return NULL;
  }
  if (fs->nr_fstab == 0)
    return dir;
  order = malloc (fs->nr_fstab * sizeof *order);
  if (order == NULL) {
    reply_with_perror ("malloc");
    inspect_unmount_private (dir);
    return NULL;
  }
  memcpy (order, fs->fstab, fs->nr_fstab * sizeof *order);
  qsort (order, fs->nr_fstab, sizeof *order, compare_by_length);
  for (size_t i = 0; i < fs->nr_fstab; ++i) {
    const char *mp = order[i].mountpoint, *kernel;

    if (mp[0] != '/' || STREQ (mp, "/"))
      continue;
    kernel = inspect_kernel_name (order[i].mountable);
    /* Only a failure to mount / matters, as for libguestfs's tools. */
    if (kernel == NULL || inspect_mount_under (dir, mp, kernel) == -1) {
      if (verbose)
        fprintf (stderr, "inspect: %s on %s: not mounted: %m\n",
                 order[i].mountable, mp);
    }
  }
  return dir;
}
