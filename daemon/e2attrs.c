/* guestfsd: ext2-style inode flags and generation numbers —
 * get_e2attrs, set_e2attrs, get_e2generation, set_e2generation — read
 * and written with the FS_IOC_{GET,SET}{FLAGS,VERSION} ioctls on the
 * file opened inside the guest root, rather than by lsattr/chattr on a
 * path.  The flag letters are those lsattr(1) prints. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "daemon.h"
#include "actions.h"

#define OPT_CLEAR (UINT64_C(1) << 0)

static const struct {
  char letter;
  unsigned flag;
} attrs[] = {
  { 's', FS_SECRM_FL },        { 'u', FS_UNRM_FL },
  { 'S', FS_SYNC_FL },         { 'D', FS_DIRSYNC_FL },
  { 'i', FS_IMMUTABLE_FL },    { 'a', FS_APPEND_FL },
  { 'd', FS_NODUMP_FL },       { 'A', FS_NOATIME_FL },
  { 'c', FS_COMPR_FL },        { 'E', FS_ENCRYPT_FL },
  { 'j', FS_JOURNAL_DATA_FL }, { 'I', FS_INDEX_FL },
  { 't', FS_NOTAIL_FL },       { 'T', FS_TOPDIR_FL },
  { 'e', FS_EXTENT_FL },       { 'C', FS_NOCOW_FL },
  { 'x', FS_DAX_FL },          { 'F', FS_CASEFOLD_FL },
  { 'N', FS_INLINE_DATA_FL },  { 'P', FS_PROJINHERIT_FL },
  { 'V', FS_VERITY_FL },       { 'm', FS_NOCOMP_FL },
};
#define NR_ATTRS (sizeof attrs / sizeof attrs[0])

/* Open any kind of file without blocking (FIFOs) or side effects. */
static int
open_file (const char *file)
{
  int fd = sysroot_open (file, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0);

  if (fd == -1)
    reply_with_perror ("%s", file);
  return fd;
}

static void
reply_ioctl_error (const char *file, const char *what)
{
  if (errno == ENOTTY || errno == EOPNOTSUPP || errno == EINVAL)
    reply_with_error_errno (ENOTSUP, "%s: the filesystem has no %s (not ext2/3/4?)",
                            file, what);
  else
    reply_with_perror ("%s: %s", file, what);
}

static int
compare_chars (const void *a, const void *b)
{
  return *(const char *) a - *(const char *) b;
}

char *
do_get_e2attrs (const char *file)
{
  CLEANUP_CLOSE int fd = open_file (file);
  int flags;
  char *r;
  size_t n = 0;

  if (fd == -1)
    return NULL;
  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == -1) {
    reply_ioctl_error (file, "file attributes");
    return NULL;
  }
  r = malloc (NR_ATTRS + 1);
  if (r == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  for (size_t i = 0; i < NR_ATTRS; ++i)
    if ((unsigned) flags & attrs[i].flag)
      r[n++] = attrs[i].letter;
  r[n] = '\0';
  /* Sorted, as libguestfs returns them. */
  qsort (r, n, 1, compare_chars);
  return r;
}

int
do_set_e2attrs (const char *file, const char *letters, int clear)
{
  CLEANUP_CLOSE int fd = -1;
  unsigned mask = 0;
  int flags;
  bool seen[256] = { false };

  if (!(optargs_bitmask & OPT_CLEAR))
    clear = 0;
  for (const char *p = letters; *p; ++p) {
    unsigned char c = *p;
    size_t i;

    /* Options of chattr(1), not attributes. */
    if (c == 'R' || c == 'V' || c == 'f' || c == 'v') {
      reply_with_error ("bad file attribute '%c'", c);
      return -1;
    }
    if (seen[c]) {
      reply_with_error ("duplicate file attribute '%c'", c);
      return -1;
    }
    seen[c] = true;
    for (i = 0; i < NR_ATTRS && attrs[i].letter != c; ++i)
      ;
    if (i == NR_ATTRS) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        reply_with_error ("unknown file attribute '%c'", c);
      else
        reply_with_error ("file attributes are letters, not '%c' (0x%02x)",
                          c >= 0x20 && c < 0x7f ? c : '?', c);
      return -1;
    }
    mask |= attrs[i].flag;
  }

  fd = open_file (file);
  if (fd == -1)
    return -1;
  if (ioctl (fd, FS_IOC_GETFLAGS, &flags) == -1) {
    reply_ioctl_error (file, "file attributes");
    return -1;
  }
  if (mask == 0)
    return 0;
  flags = clear ? (int) ((unsigned) flags & ~mask) : (int) ((unsigned) flags | mask);
  if (ioctl (fd, FS_IOC_SETFLAGS, &flags) == -1) {
    reply_ioctl_error (file, "settable file attributes");
    return -1;
  }
  return 0;
}

int64_t
do_get_e2generation (const char *file)
{
  CLEANUP_CLOSE int fd = open_file (file);
  int gen;

  if (fd == -1)
    return -1;
  if (ioctl (fd, FS_IOC_GETVERSION, &gen) == -1) {
    reply_ioctl_error (file, "generation number");
    return -1;
  }
  return (uint32_t) gen;
}

int
do_set_e2generation (const char *file, int64_t generation)
{
  CLEANUP_CLOSE int fd = -1;
  int gen;

  if (generation < 0 || generation > UINT32_MAX) {
    reply_with_error ("%" PRIi64 ": the generation is a 32 bit unsigned number",
                      generation);
    return -1;
  }
  fd = open_file (file);
  if (fd == -1)
    return -1;
  gen = (int) (uint32_t) generation;
  if (ioctl (fd, FS_IOC_SETVERSION, &gen) == -1) {
    reply_ioctl_error (file, "generation number");
    return -1;
  }
  return 0;
}
