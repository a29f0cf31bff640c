/* guestfsd: whole-filesystem operations on mounted guest filesystems —
 * fstrim (the FITRIM ioctl), zero_free_space, df, df_h — and two about
 * the appliance's kernel: drop_caches and filesystem_available. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

#define ZERO_CHUNK (1024 * 1024)
#define MOUNTINFO_MAX (16 * 1024 * 1024)

/* ---- fstrim ---- */

#define OPT_OFFSET (UINT64_C(1) << 0)
#define OPT_LENGTH (UINT64_C(1) << 1)
#define OPT_MINFREE (UINT64_C(1) << 2)

int
do_fstrim (const char *mountpoint, int64_t offset, int64_t length,
           int64_t minimumfreeextent)
{
  struct fstrim_range range = { .start = 0, .len = UINT64_MAX, .minlen = 0 };
  CLEANUP_CLOSE int fd = -1;

  if (((optargs_bitmask & OPT_OFFSET) && offset < 0) ||
      ((optargs_bitmask & OPT_LENGTH) && length < 0) ||
      ((optargs_bitmask & OPT_MINFREE) && minimumfreeextent < 0)) {
    reply_with_error ("offset, length and minimumfreeextent must be >= 0");
    return -1;
  }
  if (optargs_bitmask & OPT_OFFSET)
    range.start = offset;
  if (optargs_bitmask & OPT_LENGTH)
    range.len = length;
  if (optargs_bitmask & OPT_MINFREE)
    range.minlen = minimumfreeextent;

  fd = sysroot_open (mountpoint, O_RDONLY | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  /* What is still in the page cache is not free yet. */
  syncfs (fd);
  if (ioctl (fd, FITRIM, &range) == -1) {
    if (errno == EOPNOTSUPP || errno == ENOTTY)
      reply_with_error_errno (ENOTSUP, "%s: the filesystem or its device cannot be trimmed",
                              mountpoint);
    else if (errno == EROFS)
      reply_with_error_errno (EROFS, "%s: mounted read-only", mountpoint);
    else
      reply_with_perror ("%s: fstrim", mountpoint);
    return -1;
  }
  return 0;
}

/* ---- zero_free_space ---- */

/* An unlinked file to fill: O_TMPFILE where the filesystem has it, else
 * a new name removed at once. */
static int
open_fill_file (int dirfd)
{
  int fd = openat (dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  char name[64];

  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
    return fd;
  for (int i = 0; i < 1000; ++i) {
    snprintf (name, sizeof name, ".guestfsd-zero-%d-%d", (int) getpid (), i);
    fd = openat (dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                 0600);
    if (fd >= 0) {
      unlinkat (dirfd, name, 0);
      return fd;
    }
    if (errno != EEXIST)
      return -1;
  }
  return -1;
}

int
do_zero_free_space (const char *directory)
{
  CLEANUP_CLOSE int dirfd = -1, fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct statvfs sv;
  uint64_t total, done = 0;

  dirfd = sysroot_open (directory, O_RDONLY | O_DIRECTORY, 0);
  if (dirfd == -1) {
    reply_with_perror ("%s", directory);
    return -1;
  }
  if (fstatvfs (dirfd, &sv) == -1) {
    reply_with_perror ("%s", directory);
    return -1;
  }
  total = (uint64_t) sv.f_bfree * sv.f_frsize;
  fd = open_fill_file (dirfd);
  buf = calloc (1, ZERO_CHUNK);
  if (fd == -1 || buf == NULL) {
    reply_with_perror ("%s: creating a file to fill the free space", directory);
    return -1;
  }
  /* Zeroes written until the filesystem is full; the file is gone when
   * closed, which frees the space again. */
  for (;;) {
    ssize_t n = write (fd, buf, ZERO_CHUNK);
    if (n == -1 && errno == EINTR)
      continue;
    if (n == -1 && (errno == ENOSPC || errno == EDQUOT || errno == EFBIG))
      break;
    if (n == -1) {
      reply_with_perror ("%s: writing zeroes", directory);
      return -1;
    }
    if (n == 0)
      break;
    done += n;
    notify_progress (done < total ? done : total, total ? total : 1);
  }
  if (fdatasync (fd) == -1 && errno != ENOSPC) {
    reply_with_perror ("%s: fdatasync", directory);
    return -1;
  }
  return 0;
}

/* ---- df ---- */

/* The guest's mountpoints in the appliance (everything at or under
 * SYSROOT), NULL-terminated; replies on error. */
static char **
guest_mountpoints (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_CLOSE int fd = open ("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
  CLEANUP_FREE char *buf = NULL;
  size_t n = strlen (SYSROOT);

  if (fd == -1 || (buf = read_whole_fd (fd, MOUNTINFO_MAX, NULL)) == NULL) {
    reply_with_perror ("/proc/self/mountinfo");
    return NULL;
  }
  for (char *line = buf, *next; line && *line; line = next) {
    char *p = line;
    size_t len;

    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    for (int f = 0; f < 4 && p; ++f) {
      p = strchr (p, ' ');
      if (p)
        p++;
    }
    if (p == NULL)
      continue;
    len = strcspn (p, " ");
    p[len] = '\0';
    /* Escaped names (\040) are given to df as they are: df would then
     * fail on them, so they are skipped. */
    if (strchr (p, '\\') ||
        strncmp (p, SYSROOT, n) != 0 || (p[n] != '\0' && p[n] != '/'))
      continue;
    if (add_string (&sb, p) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

/* Run df on the guest's filesystems and show them as the guest sees
 * them: API device names, guest mountpoints. */
static char *
df (bool human)
{
  CLEANUP_FREE_STRING_LIST char **mps = guest_mountpoints ();
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  CLEANUP_FREE char *out = NULL;
  const char **argv;
  size_t nmps, n = 0, rlen = 0;
  char *r;

  if (mps == NULL)
    return NULL;
  nmps = daemon_count_strings (mps);
  argv = calloc (nmps + 3, sizeof (char *));
  if (argv == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  argv[n++] = "df";
  if (human)
    argv[n++] = "-h";
  for (size_t i = 0; i < nmps; ++i)
    argv[n++] = mps[i];
  argv[n] = NULL;
  if (nmps == 0) {
    /* Nothing mounted: only the heading. */
    free (argv);
    return strdup (human ? "Filesystem      Size  Used Avail Use% Mounted on\n"
                   : "Filesystem     1K-blocks  Used Available Use% Mounted on\n");
  }
  {
    int cr = fs_command ("df", argv, &out);
    free (argv);
    if (cr == -1)
      return NULL;
  }
  lines = split_lines (out, strlen (out));
  r = malloc (strlen (out) * 2 + 64);
  if (lines == NULL || r == NULL) {
    free (r);
    reply_with_perror ("malloc");
    return NULL;
  }
  for (size_t i = 0; lines[i]; ++i) {
    char *line = lines[i], *mp;
    size_t devlen = strcspn (line, " ");
    CLEANUP_FREE char *dev = strndup (line, devlen);
    CLEANUP_FREE char *api = NULL;

    if (dev == NULL) {
      free (r);
      reply_with_perror ("malloc");
      return NULL;
    }
    api = i > 0 && STRPREFIX (dev, "/dev/") ? daemon_device_to_api (dev) : NULL;
    /* The mountpoint is the last column: find " /sysroot" from the end. */
    mp = NULL;
    for (char *q = strstr (line, " " SYSROOT); q; q = strstr (q + 1, " " SYSROOT))
      mp = q + 1;
    if (i == 0 || mp == NULL || mp < line + devlen) {
      rlen += sprintf (r + rlen, "%s\n", line);
      continue;
    }
    *mp = '\0';
    rlen += sprintf (r + rlen, "%s%s%s\n", api ? api : dev, line + devlen,
                     mp[strlen (SYSROOT)] ? mp + strlen (SYSROOT) : "/");
  }
  r[rlen] = '\0';
  return r;
}

char *
do_df (void)
{
  return df (false);
}

char *
do_df_h (void)
{
  return df (true);
}

/* ---- the appliance's kernel ---- */

int
do_drop_caches (int whattodrop)
{
  char s[16];
  int fd, n;

  if (whattodrop < 1 || whattodrop > 3) {
    reply_with_error ("%d: whattodrop must be 1 (page cache), 2 (dentries and inodes) or 3 (both)",
                      whattodrop);
    return -1;
  }
  sync ();
  n = snprintf (s, sizeof s, "%d\n", whattodrop);
  fd = open ("/proc/sys/vm/drop_caches", O_WRONLY | O_CLOEXEC);
  if (fd == -1 || xwrite (fd, s, n) == -1) {
    reply_with_perror ("/proc/sys/vm/drop_caches");
    if (fd >= 0)
      close (fd);
    return -1;
  }
  close (fd);
  return 0;
}

/* Is the filesystem type listed in /proc/filesystems? */
static int
kernel_has_fs (const char *fs)
{
  CLEANUP_CLOSE int fd = open ("/proc/filesystems", O_RDONLY | O_CLOEXEC);
  CLEANUP_FREE char *buf = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;

  if (fd == -1 || (buf = read_whole_fd (fd, 1024 * 1024, NULL)) == NULL)
    return -1;
  lines = split_lines (buf, strlen (buf));
  if (lines == NULL)
    return -1;
  /* "nodev\tsysfs" or "\text4" */
  for (size_t i = 0; lines[i]; ++i) {
    const char *tab = strrchr (lines[i], '\t');
    if (STREQ (tab ? tab + 1 : lines[i], fs))
      return 1;
  }
  return 0;
}

int
do_filesystem_available (const char *filesystem)
{
  int r;

  if (*filesystem == '\0' || *filesystem == '.' || strlen (filesystem) > 64 ||
      strspn (filesystem, "abcdefghijklmnopqrstuvwxyz0123456789_.-") != strlen (filesystem)) {
    reply_with_error ("%s: invalid filesystem name", filesystem);
    return -1;
  }
  r = kernel_has_fs (filesystem);
  if (r == 0) {
    /* Modules are loaded on demand: ask for it as mount(2) would. */
    CLEANUP_FREE char *alias = NULL;
    if (asprintf (&alias, "fs-%s", filesystem) == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
    command (NULL, NULL, "modprobe", "-q", alias, NULL);
    r = kernel_has_fs (filesystem);
  }
  /* NTFS is served by the ntfs-3g program when the kernel lacks it. */
  if (r == 0 && STREQ (filesystem, "ntfs") &&
      (access ("/usr/bin/ntfs-3g", X_OK) == 0 || access ("/bin/ntfs-3g", X_OK) == 0))
    r = 1;
  if (r == -1) {
    reply_with_perror ("/proc/filesystems");
    return -1;
  }
  return r;
}
