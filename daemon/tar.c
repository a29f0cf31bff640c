/* guestfsd: tar_in and tar_out — unpack a tar archive the library streams
 * into a guest directory, and pack a guest directory into a tar archive
 * streamed back, with libarchive.
 *
 * The archive work runs in sysroot_run's child, chrooted into the guest
 * root, so no name in the archive and no symlink in the guest can reach
 * the appliance; libarchive's secure extraction flags keep members inside
 * the target directory as well.  The child never runs guest code: owners
 * are restored by number, names for tar_out come from parsing the guest's
 * /etc/passwd and /etc/group (not NSS, which would load the guest's
 * libraries), charset conversion tables are loaded before the chroot, and
 * compression that libarchive would do with an external program is
 * refused.
 *
 * sysroot_run only returns when the child is done, and its output
 * callback is the one place the parent runs meanwhile.  So the child
 * starts by writing one byte once it is in the target directory; on that
 * byte the parent starts the transfer: for tar_in it receives the whole
 * stream into the child's stdin right there, for tar_out it sends the
 * success reply and then everything that follows as file chunks.  Errors
 * found before the byte (a missing directory) are thus plain error
 * replies. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <unistd.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

/* tar_in's optargs, in the API table's order. */
#define IN_COMPRESS (UINT64_C(1) << 0)
/* tar_out's optargs. */
#define OUT_COMPRESS (UINT64_C(1) << 0)
#define OUT_NUMERICOWNER (UINT64_C(1) << 1)
#define OUT_EXCLUDES (UINT64_C(1) << 2)

/* Bounds on the guest's /etc/passwd and /etc/group, and on a name. */
#define IDFILE_MAX (4 * 1024 * 1024)
#define IDNAME_MAX 256

#define BLOCK_SIZE (64 * 1024)

/* The marker the child writes once it is ready. */
static const char ready_byte = 'R';

/* ---- options common to both directions ---- */

struct compress_type {
  const char *name;
  int code;                     /* ARCHIVE_FILTER_* */
  int (*add_write) (struct archive *);
};

/* The writers are named one by one: libarchive 3.6's
 * archive_write_add_filter (ARCHIVE_FILTER_LZOP) adds lzip. */
static const struct compress_type compress_types[] = {
  { "gzip", ARCHIVE_FILTER_GZIP, archive_write_add_filter_gzip },
  { "bzip2", ARCHIVE_FILTER_BZIP2, archive_write_add_filter_bzip2 },
  { "xz", ARCHIVE_FILTER_XZ, archive_write_add_filter_xz },
  { "lzop", ARCHIVE_FILTER_LZOP, archive_write_add_filter_lzop },
  { "lzma", ARCHIVE_FILTER_LZMA, archive_write_add_filter_lzma },
  { "zstd", ARCHIVE_FILTER_ZSTD, archive_write_add_filter_zstd },
  { "compress", ARCHIVE_FILTER_COMPRESS, archive_write_add_filter_compress },
};

static const struct compress_type *
compress_by_code (int code)
{
  for (size_t i = 0; i < sizeof compress_types / sizeof compress_types[0]; ++i)
    if (compress_types[i].code == code)
      return &compress_types[i];
  return NULL;
}

/* Add a compression filter to a writer; ARCHIVE_OK only if libarchive
 * does it itself. */
static int
add_write_filter (struct archive *a, int code)
{
  const struct compress_type *c = compress_by_code (code);

  return c ? c->add_write (a) : ARCHIVE_FATAL;
}

/* Compressions tried when none is named: those libarchive does itself. */
static const int autodetect_filters[] = {
  ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_BZIP2, ARCHIVE_FILTER_XZ,
  ARCHIVE_FILTER_LZMA, ARCHIVE_FILTER_ZSTD, ARCHIVE_FILTER_COMPRESS,
  ARCHIVE_FILTER_LZ4,
};

/* Can libarchive do this filter itself?  Otherwise it would run an
 * external program, and in the chroot that is the guest's. */
static bool
filter_is_builtin (int code, bool writing)
{
  struct archive *a = writing ? archive_write_new () : archive_read_new ();
  int r;

  if (a == NULL)
    return false;
  r = writing ? add_write_filter (a, code)
              : archive_read_support_filter_by_code (a, code);
  archive_free (a);
  return r == ARCHIVE_OK;
}

/* The filter code for the compress optarg (-1 for none).  Replies and
 * returns -2 on error. */
static int
compress_code (bool given, const char *compress, bool writing)
{
  if (!given || STREQ (compress, "") || STREQ (compress, "none"))
    return -1;
  for (size_t i = 0; i < sizeof compress_types / sizeof compress_types[0]; ++i)
    if (STREQ (compress, compress_types[i].name)) {
      if (!filter_is_builtin (compress_types[i].code, writing)) {
        reply_with_error ("%s compression is not supported in this appliance",
                          compress);
        return -2;
      }
      return compress_types[i].code;
    }
  reply_with_error ("%s: unknown compression type: use gzip, bzip2, xz, lzop, lzma, zstd or compress",
                    compress);
  return -2;
}

/* Load glibc's charset conversion configuration now, in the appliance:
 * inherited by the child, it is not read again from the guest after the
 * chroot (libarchive converts names in pax headers). */
static void
load_conversions (void)
{
  iconv_t cd = iconv_open ("UTF-8", "ISO-8859-1");

  if (cd != (iconv_t) -1)
    iconv_close (cd);
}

/* Keep the extended attributes the optargs ask for: security.selinux
 * with selinux, the others with xattrs.  ACLs travel as ACLs. */
static void
filter_xattrs (struct archive_entry *e, bool xattrs, bool selinux)
{
  struct xa { char *name; void *value; size_t size; } *keep;
  const char *name;
  const void *value;
  size_t size, n = 0, count;

  count = archive_entry_xattr_reset (e);
  if (count == 0)
    return;
  keep = calloc (count, sizeof *keep);
  if (keep == NULL) {
    archive_entry_xattr_clear (e);
    return;
  }
  while (n < count &&
         archive_entry_xattr_next (e, &name, &value, &size) == ARCHIVE_OK) {
    bool want;
    if (STREQ (name, "security.selinux"))
      want = selinux;
    else if (STRPREFIX (name, "system.posix_acl_"))
      want = false;
    else
      want = xattrs;
    if (!want)
      continue;
    keep[n].name = strdup (name);
    keep[n].value = malloc (size ? size : 1);
    if (keep[n].name == NULL || keep[n].value == NULL) {
      free (keep[n].name);
      free (keep[n].value);
      continue;
    }
    memcpy (keep[n].value, value, size);
    keep[n].size = size;
    n++;
  }
  archive_entry_xattr_clear (e);
  for (size_t i = 0; i < n; ++i) {
    archive_entry_xattr_add_entry (e, keep[i].name, keep[i].value,
                                   keep[i].size);
    free (keep[i].name);
    free (keep[i].value);
  }
  free (keep);
}

/* Print libarchive's last error for name (NULL: none) to stderr, which
 * becomes the error message.  Errors of the disk side carry an errno
 * that libarchive leaves out of its message ("Write failed"); format
 * errors carry codes that are not errnos. */
static void
report (const char *name, struct archive *a, bool disk_side)
{
  const char *msg = archive_error_string (a);
  int e = archive_errno (a);
  size_t len;

  if (msg == NULL)
    msg = "failed";
  len = strlen (msg);
  fprintf (stderr, "%s%s%s", name ? name : "", name ? ": " : "", msg);

  /* A message that ends in a full stop already says what happened. */
  if (disk_side && e > 0 && e != EILSEQ && len > 0 && msg[len - 1] != '.' &&
      strstr (msg, strerror (e)) == NULL)
    fprintf (stderr, ": %s", strerror (e));
  fputc ('\n', stderr);
}

/* ---- tar_in ---- */

struct tar_in {
  const char *directory;
  int filter;                   /* -1: autodetect */
  int flags;                    /* ARCHIVE_EXTRACT_* */
  bool xattrs, selinux;
  int rfd, wfd;                 /* the child's stdin */
  bool started;
  int recv_r, recv_errno;
};

/* "/a/b" -> "a/b", as GNU tar does with absolute member names. */
static void
strip_leading_slashes (struct archive_entry *e)
{
  const char *p = archive_entry_pathname (e);
  const char *h = archive_entry_hardlink (e);

  if (p && *p == '/') {
    while (*p == '/')
      p++;
    archive_entry_copy_pathname (e, *p ? p : ".");
  }
  if (h && *h == '/') {
    while (*h == '/')
      h++;
    archive_entry_copy_hardlink (e, *h ? h : ".");
  }
}

static void
drain_stdin (void)
{
  char buf[BLOCK_SIZE];

  while (read (0, buf, sizeof buf) > 0)
    ;
}

/* Copy an entry's data from the archive to the disk: -1 if it could
 * not be written, -2 if the archive cannot be read on. */
static int
copy_entry_data (struct archive *in, struct archive *out, const char *name)
{
  const void *buf;
  size_t size;
  la_int64_t offset;
  int r;

  while ((r = archive_read_data_block (in, &buf, &size, &offset))
         == ARCHIVE_OK) {
    if (archive_write_data_block (out, buf, size, offset) < ARCHIVE_OK) {
      /* e.g. ENOSPC: this file is incomplete, the next may fit. */
      report (name, out, true);
      return -1;
    }
  }
  if (r != ARCHIVE_EOF) {
    report (name, in, false);
    return -2;                  /* the archive itself is broken */
  }
  return 0;
}

/* In the chrooted child. */
static int
tar_in_child (void *opaque)
{
  struct tar_in *t = opaque;
  struct archive *in, *out;
  struct archive_entry *entry;
  int errors = 0, r;
  bool at_end = false;

  close (t->wfd);
  if (chdir (t->directory) == -1) {
    fprintf (stderr, "%s\n", strerror (errno));  /* the parent adds the name */
    return -1;
  }
  if (write (1, &ready_byte, 1) != 1)
    return -1;

  in = archive_read_new ();
  out = archive_write_disk_new ();
  if (in == NULL || out == NULL) {
    fprintf (stderr, "libarchive: out of memory\n");
    return -1;
  }
  archive_read_support_format_tar (in);
  if (t->filter >= 0)
    archive_read_support_filter_by_code (in, t->filter);
  else
    for (size_t i = 0; i < sizeof autodetect_filters / sizeof (int); ++i)
      if (filter_is_builtin (autodetect_filters[i], false))
        archive_read_support_filter_by_code (in, autodetect_filters[i]);
  /* No user/group lookup: owners are restored by number. */
  archive_write_disk_set_options (out, t->flags);

  /* On a fatal error the child just exits: the parent's next write
   * fails, and it cancels the rest of the stream at the library. */
  if (archive_read_open_fd (in, 0, BLOCK_SIZE) != ARCHIVE_OK) {
    report (NULL, in, false);
    return -1;
  }

  for (;;) {
    const char *name;

    r = archive_read_next_header (in, &entry);
    if (r == ARCHIVE_EOF) {
      at_end = true;
      break;
    }
    if (r == ARCHIVE_RETRY)
      continue;
    if (r < ARCHIVE_WARN) {
      report (NULL, in, false);
      errors++;
      break;
    }
    strip_leading_slashes (entry);
    if (t->flags & ARCHIVE_EXTRACT_XATTR)
      filter_xattrs (entry, t->xattrs, t->selinux);
    name = archive_entry_pathname (entry);
    if (name == NULL)
      name = "?";

    r = archive_write_header (out, entry);
    if (r < ARCHIVE_OK)
      report (name, out, true);
    if (r == ARCHIVE_FATAL) {
      errors++;
      break;
    }
    if (r < ARCHIVE_WARN) {
      /* Refused (e.g. ".." or through a symlink): skip it, as tar does,
       * and fail at the end. */
      errors++;
      continue;
    }
    if (archive_entry_size (entry) > 0) {
      int c = copy_entry_data (in, out, name);
      if (c < 0)
        errors++;
      if (c == -2)
        break;
    }
    r = archive_write_finish_entry (out);
    if (r < ARCHIVE_OK)
      report (name, out, true);
    if (r < ARCHIVE_WARN)
      errors++;
    if (r == ARCHIVE_FATAL)
      break;
  }

  /* Sets the modes and times of directories, deferred until now. */
  if (archive_write_close (out) < ARCHIVE_WARN) {
    report (NULL, out, true);
    errors++;
  }
  archive_write_free (out);
  archive_read_free (in);
  /* Read what follows the end of the archive (blocking padding), so the
   * parent's writes do not fail once the whole archive was read. */
  if (at_end)
    drain_stdin ();
  return errors ? -1 : 0;
}

static int
pipe_write_cb (void *opaque, const void *buf, size_t len)
{
  struct tar_in *t = opaque;

  return xwrite (t->wfd, buf, len);
}

/* In the parent: the child is ready, so feed it the stream. */
static int
tar_in_ready (void *opaque, const void *buf, size_t len)
{
  struct tar_in *t = opaque;

  if (t->started)
    return 0;
  t->started = true;
  /* Only the child may hold the read end, so a child that dies makes our
   * writes fail instead of block. */
  close (t->rfd);
  t->rfd = -1;
  t->recv_r = receive_file (pipe_write_cb, t);
  t->recv_errno = errno;
  close (t->wfd);
  t->wfd = -1;
  /* Cancelled by the library: stop the child. */
  return t->recv_r == -2 ? -1 : 0;
}

/* compress is NULL for none. */
static int
tar_in (const char *directory, const char *compress, int xattrs,
        int selinux, int acls)
{
  struct tar_in t = {
    .directory = directory, .xattrs = xattrs, .selinux = selinux,
    .rfd = -1, .wfd = -1,
  };
  int fds[2];
  CLEANUP_FREE char *err = NULL;
  int r;

  t.filter = compress_code (compress != NULL, compress, false);
  if (t.filter == -2)
    return -1;
  t.flags = ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
    ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS | ARCHIVE_EXTRACT_PERM |
    ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_OWNER |
    /* Runs of zeroes become holes: disk images stay small. */
    ARCHIVE_EXTRACT_SPARSE;
  if (xattrs || selinux)
    t.flags |= ARCHIVE_EXTRACT_XATTR;
  if (acls)
    t.flags |= ARCHIVE_EXTRACT_ACL;

  if (pipe2 (fds, O_CLOEXEC) == -1) {
    reply_with_perror ("pipe");
    return -1;
  }
  t.rfd = fds[0];
  t.wfd = fds[1];
  load_conversions ();

  r = sysroot_run (tar_in_child, &t, t.rfd, tar_in_ready, &t, &err);
  if (t.rfd >= 0)
    close (t.rfd);
  if (t.wfd >= 0)
    close (t.wfd);

  if (t.started && t.recv_r == -2)
    return -1;                  /* cancelled: no reply */
  if (r == -1) {
    /* Before the child was ready the stream is still unread: the error
     * reply cancels it. */
    reply_with_error ("%s: %s", directory, err ? err : "tar_in failed");
    return -1;
  }
  if (!t.started) {
    reply_with_error ("%s: tar_in failed", directory);
    return -1;
  }
  if (t.recv_r == -1) {
    errno = t.recv_errno;
    reply_with_perror ("%s: receiving the archive", directory);
    return -1;
  }
  return 0;
}

int
do_tar_in (const char *directory, const char *compress, int xattrs,
           int selinux, int acls)
{
  return tar_in (directory, (optargs_bitmask & IN_COMPRESS) ? compress : NULL,
                 xattrs, selinux, acls);
}

/* tgz_in, txz_in (tgz.c). */
int
tar_in_compressed (const char *directory, const char *compress)
{
  return tar_in (directory, compress, 0, 0, 0);
}

/* ---- tar_out ---- */

struct idname {
  unsigned long id;
  size_t line;
  char *name;
};

struct idmap {
  struct idname *v;
  size_t n;
};

struct tar_out {
  const char *directory;
  int filter;
  bool numericowner, xattrs, selinux, acls;
  char *const *excludes;
  struct idmap users, groups;
  bool started, cancelled;
};

static int
idname_compare (const void *a, const void *b)
{
  const struct idname *x = a, *y = b;

  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static bool
valid_name (const char *s, size_t len)
{
  if (len == 0 || len > IDNAME_MAX)
    return false;
  for (size_t i = 0; i < len; ++i)
    if ((unsigned char) s[i] <= ' ' || s[i] == 0x7f)
      return false;
  return true;
}

/* Parse a passwd(5) or group(5) file of the guest: name and the number
 * in the third field.  Anything odd is skipped; a missing file is an
 * empty map. */
static void
load_idmap (const char *path, struct idmap *m)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat st;
  char *buf, *line, *next;
  size_t len, alloc = 0, lineno = 0;

  m->v = NULL;
  m->n = 0;
  if (fd == -1)
    return;
  if (fstat (fd, &st) == -1 || !S_ISREG (st.st_mode) ||
      st.st_size > IDFILE_MAX) {
    close (fd);
    return;
  }
  buf = read_whole_fd (fd, IDFILE_MAX, &len);
  close (fd);
  if (buf == NULL)
    return;

  for (line = buf; line < buf + len; line = next) {
    char *f[3], *p, *end;
    unsigned long id;

    next = memchr (line, '\n', buf + len - line);
    if (next)
      *next++ = '\0';
    else
      next = buf + len;
    lineno++;
    f[0] = line;
    p = strchr (line, ':');
    if (p == NULL)
      continue;
    *p = '\0';
    f[1] = p + 1;
    p = strchr (f[1], ':');
    if (p == NULL)
      continue;
    f[2] = p + 1;
    p = strchr (f[2], ':');
    if (p)
      *p = '\0';
    if (!valid_name (f[0], strlen (f[0])) || f[2][0] < '0' || f[2][0] > '9' ||
        strlen (f[2]) > 10)
      continue;
    errno = 0;
    id = strtoul (f[2], &end, 10);
    if (errno || *end || id > UINT32_MAX)
      continue;
    if (m->n == alloc) {
      struct idname *v;
      alloc = alloc ? alloc * 2 : 64;
      v = realloc (m->v, alloc * sizeof *v);
      if (v == NULL)
        break;
      m->v = v;
    }
    m->v[m->n].id = id;
    m->v[m->n].line = lineno;
    m->v[m->n].name = strdup (f[0]);
    if (m->v[m->n].name == NULL)
      break;
    m->n++;
  }
  free (buf);
  /* By number; the first line wins for a number listed twice, as with
   * getpwuid. */
  if (m->n)
    qsort (m->v, m->n, sizeof *m->v, idname_compare);
}

static const char *
idmap_lookup (void *opaque, la_int64_t id)
{
  struct idmap *m = opaque;
  size_t lo = 0, hi = m->n;

  if (id < 0)
    return NULL;
  /* The first entry with this number. */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->v[mid].id < (unsigned long) id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->n && m->v[lo].id == (unsigned long) id ? m->v[lo].name : NULL;
}

static int
write_entry_data (struct archive *disk, struct archive *out,
                  const char *name)
{
  static const char zeroes[BLOCK_SIZE];
  const void *buf;
  size_t size;
  la_int64_t offset, progress = 0;
  int r;

  while ((r = archive_read_data_block (disk, &buf, &size, &offset))
         == ARCHIVE_OK) {
    /* A hole: the writer drops zeroes that fall in the sparse map's
     * holes, and needs them to keep count. */
    while (offset > progress) {
      size_t n = offset - progress > BLOCK_SIZE ? BLOCK_SIZE
                                                : offset - progress;
      if (archive_write_data (out, zeroes, n) < 0)
        goto write_error;
      progress += n;
    }
    if (size > 0 && archive_write_data (out, buf, size) < 0)
      goto write_error;
    progress += size;
  }
  if (r != ARCHIVE_EOF) {
    report (name, disk, true);
    return r == ARCHIVE_FATAL ? -2 : -1;
  }
  return 0;

 write_error:
  report (name, out, true);
  return -2;
}

/* Write one entry (header and data); -1 on an error, -2 if the archive
 * can no longer be written. */
static int
write_entry (struct archive *disk, struct archive *out,
             struct archive_entry *e)
{
  const char *name = archive_entry_pathname (e);
  int r;

  if (name == NULL)
    name = "?";
  r = archive_write_header (out, e);
  if (r < ARCHIVE_OK)
    report (name, out, true);
  if (r == ARCHIVE_FATAL)
    return -2;
  if (r < ARCHIVE_WARN)
    return -1;
  if (archive_entry_filetype (e) == AE_IFREG && archive_entry_size (e) > 0) {
    r = write_entry_data (disk, out, name);
    if (r < 0)
      return r;
  }
  r = archive_write_finish_entry (out);
  if (r == ARCHIVE_FATAL) {
    report (name, out, true);
    return -2;
  }
  return 0;
}

/* In the chrooted child. */
static int
tar_out_child (void *opaque)
{
  struct tar_out *t = opaque;
  struct archive *disk, *out, *match = NULL;
  struct archive_entry_linkresolver *lr;
  int behavior = ARCHIVE_READDISK_NO_FFLAGS;
  int errors = 0, r;

  if (chdir (t->directory) == -1) {
    fprintf (stderr, "%s\n", strerror (errno));  /* the parent adds the name */
    return -1;
  }
  if (!t->numericowner) {
    load_idmap ("/etc/passwd", &t->users);
    load_idmap ("/etc/group", &t->groups);
  }

  out = archive_write_new ();
  disk = archive_read_disk_new ();
  lr = archive_entry_linkresolver_new ();
  if (out == NULL || disk == NULL || lr == NULL) {
    fprintf (stderr, "libarchive: out of memory\n");
    return -1;
  }
  archive_write_set_format_pax_restricted (out);
  if (t->filter >= 0) {
    if (add_write_filter (out, t->filter) != ARCHIVE_OK) {
      report (NULL, out, true);
      return -1;
    }
    /* Pad the tar stream to whole blocks, not the compressed one:
     * decompressors take padding after the end as garbage. */
    archive_write_set_bytes_in_last_block (out, 1);
  }
  archive_entry_linkresolver_set_strategy (lr, archive_format (out));

  if (!t->xattrs && !t->selinux)
    behavior |= ARCHIVE_READDISK_NO_XATTR;
  if (!t->acls)
    behavior |= ARCHIVE_READDISK_NO_ACL;
  archive_read_disk_set_behavior (disk, behavior);
  archive_read_disk_set_symlink_physical (disk);
  if (!t->numericowner) {
    archive_read_disk_set_uname_lookup (disk, &t->users, idmap_lookup, NULL);
    archive_read_disk_set_gname_lookup (disk, &t->groups, idmap_lookup, NULL);
  }
  if (t->excludes && t->excludes[0]) {
    match = archive_match_new ();
    if (match == NULL) {
      fprintf (stderr, "libarchive: out of memory\n");
      return -1;
    }
    for (size_t i = 0; t->excludes[i]; ++i)
      if (archive_match_exclude_pattern (match, t->excludes[i]) != ARCHIVE_OK) {
        report (t->excludes[i], match, false);
        return -1;
      }
    archive_read_disk_set_matching (disk, match, NULL, NULL);
  }

  if (archive_read_disk_open (disk, ".") != ARCHIVE_OK) {
    report (NULL, disk, true);
    return -1;
  }
  if (write (1, &ready_byte, 1) != 1 ||
      archive_write_open_fd (out, 1) != ARCHIVE_OK) {
    report (NULL, out, true);
    return -1;
  }

  for (;;) {
    struct archive_entry *e = archive_entry_new (), *spare = NULL;

    if (e == NULL) {
      fprintf (stderr, "libarchive: out of memory\n");
      return -1;
    }
    r = archive_read_next_header2 (disk, e);
    if (r == ARCHIVE_EOF) {
      archive_entry_free (e);
      break;
    }
    if (r == ARCHIVE_RETRY) {
      archive_entry_free (e);
      continue;
    }
    if (r < ARCHIVE_OK) {
      report (archive_entry_pathname (e) ? archive_entry_pathname (e) : ".",
              disk, true);
      if (r < ARCHIVE_WARN)
        errors++;
      if (r == ARCHIVE_FATAL) {
        archive_entry_free (e);
        break;
      }
      if (r == ARCHIVE_FAILED) {
        archive_entry_free (e);
        continue;
      }
    }
    archive_read_disk_descend (disk);
    /* tar does not archive sockets either. */
    if (archive_entry_filetype (e) == AE_IFSOCK) {
      archive_entry_free (e);
      continue;
    }
    if (!t->xattrs || !t->selinux)
      filter_xattrs (e, t->xattrs, t->selinux);

    /* A second name of a hard-linked file becomes a link to the first. */
    archive_entry_linkify (lr, &e, &spare);
    r = e ? write_entry (disk, out, e) : 0;
    if (r == 0 && spare)
      r = write_entry (disk, out, spare);
    archive_entry_free (e);
    archive_entry_free (spare);
    if (r == -2)
      return -1;
    if (r == -1)
      errors++;
  }

  if (archive_write_close (out) != ARCHIVE_OK) {
    report (NULL, out, true);
    return -1;
  }
  return errors ? -1 : 0;
}

/* In the parent: the archive, after the ready byte. */
static int
tar_out_data (void *opaque, const void *buf, size_t len)
{
  struct tar_out *t = opaque;
  const char *p = buf;

  if (!t->started) {
    if (len == 0 || *p != ready_byte)
      return -1;
    t->started = true;
    reply (NULL, NULL);
    p++;
    len--;
  }
  if (len > 0 && send_file_write (p, len) == -1) {
    t->cancelled = true;
    return -1;
  }
  return 0;
}

/* compress is NULL for none, excludes NULL for no patterns. */
static int
tar_out (const char *directory, const char *compress, int numericowner,
         char *const *excludes, int xattrs, int selinux, int acls)
{
  struct tar_out t = {
    .directory = directory, .numericowner = numericowner,
    .xattrs = xattrs, .selinux = selinux, .acls = acls,
    .excludes = excludes,
  };
  CLEANUP_FREE char *err = NULL;
  int r;

  t.filter = compress_code (compress != NULL, compress, true);
  if (t.filter == -2)
    return -1;
  load_conversions ();

  r = sysroot_run (tar_out_child, &t, -1, tar_out_data, &t, &err);
  if (t.cancelled)
    return -1;                  /* the library cancelled: no reply */
  if (r == 0 && t.started) {
    send_file_end (0);
    return 0;
  }
  if (t.started)
    send_file_end (1);
  reply_with_error ("%s: %s", directory, err ? err : "tar_out failed");
  return -1;
}

int
do_tar_out (const char *directory, const char *compress, int numericowner,
            char *const *excludes, int xattrs, int selinux, int acls)
{
  return tar_out (directory,
                  (optargs_bitmask & OUT_COMPRESS) ? compress : NULL,
                  numericowner,
                  (optargs_bitmask & OUT_EXCLUDES) ? excludes : NULL,
                  xattrs, selinux, acls);
}

/* tgz_out, txz_out (tgz.c): an archive as plain tar_out makes it. */
int
tar_out_compressed (const char *directory, const char *compress)
{
  return tar_out (directory, compress, 0, NULL, 0, 0, 0);
}
