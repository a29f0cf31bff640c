/* guestfsd: the hivex_* calls, on one libhivex handle per session.
 *
 * The hive is a guest file: it is opened with sysroot_open (symlinks
 * resolve inside the guest) and libhivex is handed its /proc/self/fd
 * path, never a /sysroot path it would resolve itself.  libhivex always
 * gets the hive as a private copy in memory (HIVEX_OPEN_WRITE), even
 * for a read-only handle: a read-only libhivex handle maps the file, so
 * a later truncate of it would kill the daemon with SIGBUS, and the
 * mapping would keep the filesystem from being unmounted.  Read-only
 * handles are enforced here instead.  hivex_commit writes through a
 * guest path opened the same way.
 *
 * Hive data is hostile; libhivex checks every offset it follows against
 * the hive.  Handles from the caller are range-checked before libhivex
 * sees them, and what goes back is bounded by the hive's size. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <hivex.h>

#include "daemon.h"
#include "actions.h"

static hive_h *hive;
static char *hive_path;         /* the guest path it was opened from */
static int hive_writable;

/* Offsets in a hive are 32 bits, after the 4 KiB header. */
#define HANDLE_MAX (UINT64_C(0xffffffff) + 0x1000)

static int
need_hive (void)
{
  if (hive == NULL) {
    reply_with_error ("you must call 'hivex-open' first to initialize the hivex handle");
    return -1;
  }
  return 0;
}

static int
need_writable (void)
{
  if (need_hive () == -1)
    return -1;
  if (!hive_writable) {
    reply_with_error_errno (EROFS, "%s: the hive was opened read-only "
                            "(use hivex-open with write:true)", hive_path);
    return -1;
  }
  return 0;
}

/* A node or value handle as libhivex takes it, or 0 after replying. */
static size_t
handle (int64_t h, const char *what)
{
  if (h <= 0 || (uint64_t) h > HANDLE_MAX) {
    reply_with_error_errno (EINVAL, "%" PRIi64 ": not a valid %s handle", h, what);
    return 0;
  }
  return (size_t) h;
}

static void
close_hive (void)
{
  if (hive)
    hivex_close (hive);
  hive = NULL;
  free (hive_path);
  hive_path = NULL;
  hive_writable = 0;
}

/* libhivex holds the hive and a bitmap of 1/32 of its size: fail with a
 * clear error, not the OOM killer, if that does not fit. */
static int
check_memory (const char *path, uint64_t size)
{
  FILE *fp = fopen ("/proc/meminfo", "re");
  char line[256];
  uint64_t avail_kb = 0;

  if (fp == NULL)
    return 0;
  while (fgets (line, sizeof line, fp))
    if (sscanf (line, "MemAvailable: %" SCNu64 " kB", &avail_kb) == 1)
      break;
  fclose (fp);
  if (avail_kb > 0 && (size + size / 32) / 1024 > avail_kb) {
    reply_with_error_errno (ENOMEM, "%s: the hive (%" PRIu64 " bytes) does not "
                            "fit in the appliance's free memory; "
                            "use a larger memsize", path, size);
    return -1;
  }
  return 0;
}

int
do_hivex_open (const char *filename, int verbose_, int debug, int write,
               int unsafe)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *path = NULL;
  struct stat st;
  int flags = HIVEX_OPEN_WRITE;

  close_hive ();

  fd = sysroot_open (filename, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", filename);
    return -1;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error_errno (S_ISDIR (st.st_mode) ? EISDIR : EINVAL,
                            "%s: not a regular file", filename);
    return -1;
  }
  if (check_memory (filename, st.st_size) == -1)
    return -1;
  path = fd_path (fd);
  if (path == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  if (verbose_)
    flags |= HIVEX_OPEN_VERBOSE;
  if (debug)
    flags |= HIVEX_OPEN_DEBUG;
  if (unsafe)
    flags |= HIVEX_OPEN_UNSAFE;

  hive = hivex_open (path, flags);
  if (hive == NULL) {
    if (errno == ENOTSUP || errno == EINVAL)
      reply_with_error_errno (errno, "%s: not a Windows registry hive, "
                              "or a damaged one (%s)", filename, strerror (errno));
    else
      reply_with_perror ("%s", filename);
    return -1;
  }
  hive_path = strdup (filename);
  if (hive_path == NULL) {
    reply_with_perror ("malloc");
    close_hive ();
    return -1;
  }
  hive_writable = write;
  return 0;
}

int
do_hivex_close (void)
{
  if (need_hive () == -1)
    return -1;
  close_hive ();
  return 0;
}

int
do_hivex_commit (const char *filename)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *path = NULL;
  const char *target = filename ? filename : hive_path;
  struct stat st;

  if (need_writable () == -1 || daemon_check_pathname (target) == -1)
    return -1;
  /* O_NONBLOCK: a FIFO in its place fails rather than blocks. */
  fd = sysroot_open (target, O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK, 0666);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", target);
    return -1;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", target);
    return -1;
  }
  path = fd_path (fd);
  if (path == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  if (hivex_commit (hive, path, 0) == -1) {
    reply_with_perror ("%s", target);
    return -1;
  }
  return 0;
}

int64_t
do_hivex_root (void)
{
  hive_node_h r;

  if (need_hive () == -1)
    return -1;
  r = hivex_root (hive);
  if (r == 0) {
    reply_with_perror ("%s: root node", hive_path);
    return -1;
  }
  return r;
}

char *
do_hivex_node_name (int64_t nodeh)
{
  size_t node;
  char *r;

  if (need_hive () == -1 || (node = handle (nodeh, "node")) == 0)
    return NULL;
  r = hivex_node_name (hive, node);
  if (r == NULL)
    reply_with_perror ("node 0x%zx", node);
  return r;
}

/* A zero-terminated array of handles from libhivex as the struct list
 * of the reply. */
#define HANDLE_LIST(fn, type, field)                                    \
  guestfs_int_##type##_list *                                           \
  do_##fn (int64_t nodeh)                                               \
  {                                                                     \
    guestfs_int_##type##_list *r;                                       \
    size_t node, n = 0, *hs;                                            \
                                                                        \
    if (need_hive () == -1 || (node = handle (nodeh, "node")) == 0)    \
      return NULL;                                                      \
    hs = fn (hive, node);                                               \
    if (hs == NULL) {                                                   \
      reply_with_perror ("node 0x%zx", node);                           \
      return NULL;                                                      \
    }                                                                   \
    while (hs[n])                                                       \
      n++;                                                              \
    r = malloc (sizeof *r);                                             \
    if (r)                                                              \
      r->guestfs_int_##type##_list_val = calloc (n ? n : 1, sizeof (guestfs_int_##type)); \
    if (r == NULL || r->guestfs_int_##type##_list_val == NULL) {        \
      reply_with_perror ("malloc");                                     \
      free (r);                                                         \
      free (hs);                                                        \
      return NULL;                                                      \
    }                                                                   \
    r->guestfs_int_##type##_list_len = n;                               \
    for (size_t i = 0; i < n; ++i)                                      \
      r->guestfs_int_##type##_list_val[i].field = hs[i];                \
    free (hs);                                                          \
    return r;                                                           \
  }

HANDLE_LIST (hivex_node_children, hivex_node, hivex_node_h)
HANDLE_LIST (hivex_node_values, hivex_value, hivex_value_h)

int64_t
do_hivex_node_get_child (int64_t nodeh, const char *name)
{
  size_t node;
  hive_node_h r;

  if (need_hive () == -1 || (node = handle (nodeh, "node")) == 0)
    return -1;
  errno = 0;
  r = hivex_node_get_child (hive, node, name);
  if (r == 0 && errno != 0) {
    reply_with_perror ("node 0x%zx", node);
    return -1;
  }
  return r;
}

int64_t
do_hivex_node_parent (int64_t nodeh)
{
  size_t node;
  hive_node_h r;

  if (need_hive () == -1 || (node = handle (nodeh, "node")) == 0)
    return -1;
  r = hivex_node_parent (hive, node);
  if (r == 0) {
    reply_with_perror ("node 0x%zx", node);
    return -1;
  }
  return r;
}

int64_t
do_hivex_node_get_value (int64_t nodeh, const char *key)
{
  size_t node;
  hive_value_h r;

  if (need_hive () == -1 || (node = handle (nodeh, "node")) == 0)
    return -1;
  errno = 0;
  r = hivex_node_get_value (hive, node, key);
  if (r == 0 && errno != 0) {
    reply_with_perror ("node 0x%zx", node);
    return -1;
  }
  return r;
}

char *
do_hivex_value_key (int64_t valueh)
{
  size_t value;
  char *r;

  if (need_hive () == -1 || (value = handle (valueh, "value")) == 0)
    return NULL;
  r = hivex_value_key (hive, value);
  if (r == NULL)
    reply_with_perror ("value 0x%zx", value);
  return r;
}

int64_t
do_hivex_value_type (int64_t valueh)
{
  size_t value, len;
  hive_type t;

  if (need_hive () == -1 || (value = handle (valueh, "value")) == 0)
    return -1;
  if (hivex_value_type (hive, value, &t, &len) == -1) {
    reply_with_perror ("value 0x%zx", value);
    return -1;
  }
  return t;
}

char *
do_hivex_value_value (int64_t valueh, size_t *size_r)
{
  size_t value, len;
  hive_type t;
  char *r;

  if (need_hive () == -1 || (value = handle (valueh, "value")) == 0)
    return NULL;
  r = hivex_value_value (hive, value, &t, &len);
  if (r == NULL) {
    reply_with_perror ("value 0x%zx", value);
    return NULL;
  }
  if (len > GUESTFS_STREAM_MAX - 8) {
    reply_with_error_errno (EFBIG, "value 0x%zx: too large (%zu bytes)", value, len);
    free (r);
    return NULL;
  }
  *size_r = len;
  return r;
}

char *
do_hivex_value_string (int64_t valueh)
{
  size_t value;
  char *r;

  if (need_hive () == -1 || (value = handle (valueh, "value")) == 0)
    return NULL;
  r = hivex_value_string (hive, value);
  if (r == NULL) {
    int err = errno;
    hive_type t;
    size_t len;

    if (err == EINVAL && hivex_value_type (hive, value, &t, &len) == 0 &&
        t != hive_t_string && t != hive_t_expand_string && t != hive_t_link)
      reply_with_error_errno (err, "value 0x%zx: not a string "
                              "(its type is %d)", value, (int) t);
    else {
      errno = err;
      reply_with_perror ("value 0x%zx", value);
    }
  }
  return r;
}

char *
do_hivex_value_utf8 (int64_t valueh)
{
  return do_hivex_value_string (valueh);
}

int64_t
do_hivex_node_add_child (int64_t parent, const char *name)
{
  size_t node;
  hive_node_h r;

  if (need_writable () == -1 || (node = handle (parent, "node")) == 0)
    return -1;
  r = hivex_node_add_child (hive, node, name);
  if (r == 0) {
    reply_with_perror ("node 0x%zx: %s", node, name);
    return -1;
  }
  return r;
}

int
do_hivex_node_delete_child (int64_t nodeh)
{
  size_t node;

  if (need_writable () == -1 || (node = handle (nodeh, "node")) == 0)
    return -1;
  if (hivex_node_delete_child (hive, node) == -1) {
    reply_with_perror ("node 0x%zx", node);
    return -1;
  }
  return 0;
}

int
do_hivex_node_set_value (int64_t nodeh, const char *key, int64_t t,
                         const char *val, size_t val_size)
{
  hive_set_value v;
  size_t node;

  if (need_writable () == -1 || (node = handle (nodeh, "node")) == 0)
    return -1;
  /* The type is a 32-bit field in the hive. */
  if (t < 0 || t > UINT32_MAX) {
    reply_with_error_errno (EINVAL, "%" PRIi64 ": not a registry value type", t);
    return -1;
  }
  v.key = (char *) key;
  v.t = (hive_type) t;
  v.len = val_size;
  v.value = (char *) val;
  if (hivex_node_set_value (hive, node, &v, 0) == -1) {
    reply_with_perror ("node 0x%zx: %s", node, key);
    return -1;
  }
  return 0;
}
