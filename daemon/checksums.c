/* guestfsd: checksums computed in the daemon — checksum_device, and
 * checksums_out, which walks a guest directory in sysroot_run's chrooted
 * child (never following symlinks) and streams one line per regular
 * file as md5sum & co. print it (cksum's "crc size name" for crc).  The
 * digests are nettle's; crc is the POSIX cksum CRC.  No program runs in
 * the chroot, which holds only the guest's own programs. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <nettle/nettle-meta.h>
#include <nettle/sha2.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

struct csum {
  const struct nettle_hash *hash;  /* NULL: crc */
  uint32_t crc;
  uint64_t len;
  /* Then the hash's context. */
  union {
    char ctx[1];
    max_align_t align;
  } u;
};

static const struct {
  const char *name;
  const struct nettle_hash *hash;
} types[] = {
  { "crc", NULL },
  { "md5", &nettle_md5 },
  { "sha1", &nettle_sha1 },
  { "sha224", &nettle_sha224 },
  { "sha256", &nettle_sha256 },
  { "sha384", &nettle_sha384 },
  { "sha512", &nettle_sha512 },
};

static int
find_type (const char *csumtype)
{
  for (size_t i = 0; i < sizeof types / sizeof types[0]; ++i)
    if (strcasecmp (csumtype, types[i].name) == 0)
      return i;
  return -1;
}

bool
csum_type_valid (const char *csumtype)
{
  return find_type (csumtype) >= 0;
}

void
reply_bad_csumtype (const char *csumtype)
{
  reply_with_error_errno (EINVAL, "unknown checksum type '%s', expecting "
                          "crc|md5|sha1|sha224|sha256|sha384|sha512",
                          csumtype);
}

/* The CRC of POSIX cksum: polynomial 0x04c11db7, most significant bit
 * first, over the data and then its length. */
static uint32_t crc_table[256];

static void
crc_init (void)
{
  if (crc_table[1])
    return;
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i << 24;
    for (int k = 0; k < 8; ++k)
      c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    crc_table[i] = c;
  }
}

static uint32_t
crc_update (uint32_t crc, const unsigned char *p, size_t n)
{
  while (n--)
    crc = (crc << 8) ^ crc_table[(crc >> 24) ^ *p++];
  return crc;
}

struct csum *
csum_new (const char *csumtype)
{
  int t = find_type (csumtype);
  struct csum *c;

  if (t < 0) {
    errno = EINVAL;
    return NULL;
  }
  c = calloc (1, sizeof *c + (types[t].hash ? types[t].hash->context_size : 0));
  if (c == NULL)
    return NULL;
  c->hash = types[t].hash;
  if (c->hash)
    c->hash->init (c->u.ctx);
  else
    crc_init ();
  return c;
}

void
csum_update (struct csum *c, const void *buf, size_t len)
{
  if (c->hash)
    c->hash->update (c->u.ctx, len, buf);
  else
    c->crc = crc_update (c->crc, buf, len);
  c->len += len;
}

char *
csum_finish (struct csum *c)
{
  char *r = NULL;

  if (c->hash) {
    uint8_t digest[SHA512_DIGEST_SIZE];  /* the largest */
    unsigned n = c->hash->digest_size;
    c->hash->digest (c->u.ctx, n, digest);
    r = malloc (2 * n + 1);
    if (r)
      for (unsigned i = 0; i < n; ++i)
        sprintf (r + 2 * i, "%02x", digest[i]);
  }
  else {
    uint32_t crc = c->crc;
    unsigned char b;
    for (uint64_t n = c->len; n; n >>= 8) {
      b = n & 0xff;
      crc = crc_update (crc, &b, 1);
    }
    if (asprintf (&r, "%" PRIu32, ~crc) == -1)
      r = NULL;
  }
  free (c);
  return r;
}

/* Checksum of everything read from fd; NULL with errno.  With
 * progress, total is the size expected. */
static char *
csum_fd (const char *csumtype, int fd, int64_t total, bool progress)
{
  static char buf[1024 * 1024];
  struct csum *c = csum_new (csumtype);
  uint64_t done = 0;

  if (c == NULL)
    return NULL;
  for (;;) {
    ssize_t r = read (fd, buf, sizeof buf);
    if (r == -1) {
      int err = errno;
      if (err == EINTR)
        continue;
      free (csum_finish (c));
      errno = err;
      return NULL;
    }
    if (r == 0)
      break;
    csum_update (c, buf, r);
    done += r;
    if (progress && total > 0)
      notify_progress (done, (uint64_t) total > done ? (uint64_t) total : done);
  }
  return csum_finish (c);
}

char *
do_checksum_device (const char *csumtype, const char *device)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = NULL;
  char *r;

  if (!csum_type_valid (csumtype)) {
    reply_bad_csumtype (csumtype);
    return NULL;
  }
  fd = open_dev_or_path (device, true, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  r = csum_fd (csumtype, fd, fd_size (fd), true);
  if (r == NULL) {
    shown = shown_name (device);
    reply_with_perror ("%s", shown ? shown : device);
  }
  return r;
}

/* ---- checksums_out ---- */

struct sums {
  const char *csumtype;
  const char *directory;
};

static const char *sums_type;

/* Like the walk's own errors: counted, the first ten reported. */
static void
sums_error (const char *relpath)
{
  if (tree_walk_errors++ < 10)
    fprintf (stderr, "%s: %m\n", relpath);
}

/* One file's line, as md5sum prints it: a name with a backslash, a
 * newline or a carriage return is escaped, and the line then starts
 * with a backslash. */
static void
sums_entry (void *opaque, const char *relpath, const struct stat *st)
{
  CLEANUP_FREE char *sum = NULL;
  bool crc = strcasecmp (sums_type, "crc") == 0;
  bool escape = !crc && strpbrk (relpath, "\\\n\r") != NULL;
  int fd;

  if (!S_ISREG (st->st_mode))
    return;
  fd = open (relpath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd == -1) {
    sums_error (relpath);
    return;
  }
  sum = csum_fd (sums_type, fd, 0, false);
  close (fd);
  if (sum == NULL) {
    sums_error (relpath);
    return;
  }
  if (crc)
    printf ("%s %" PRIu64 " ./%s\n", sum, (uint64_t) st->st_size, relpath);
  else {
    printf ("%s%s  ./", escape ? "\\" : "", sum);
    for (const char *p = relpath; *p; ++p)
      if (escape && *p == '\\')
        fputs ("\\\\", stdout);
      else if (escape && *p == '\n')
        fputs ("\\n", stdout);
      else if (escape && *p == '\r')
        fputs ("\\r", stdout);
      else
        putchar (*p);
    putchar ('\n');
  }
}

static int
sums_child (void *opaque)
{
  struct sums *s = opaque;
  int fd;

  /* Names are relative to the directory, as `find .' gives them. */
  if (chdir (s->directory) == -1 ||
      (fd = open (".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
    fprintf (stderr, "%m\n");
    return -1;
  }
  putchar (STREAM_READY);
  sums_type = s->csumtype;
  raise_fd_limit ();
  tree_walk_errors = 0;
  tree_walk (fd, "", sums_entry, NULL);
  close (fd);
  if (fflush (stdout) == EOF)
    return -1;
  return tree_walk_errors ? -1 : 0;
}

int
do_checksums_out (const char *csumtype, const char *directory)
{
  struct sums s = { .csumtype = csumtype, .directory = directory };

  if (!csum_type_valid (csumtype)) {
    reply_bad_csumtype (csumtype);
    return -1;
  }
  return sysroot_stream_out (sums_child, &s, directory);
}
