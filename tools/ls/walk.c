/* virt-ls: the -lR listing.  libguestfs visits the tree directory by
 * directory (ls, lstatnslist, readlinklist per directory, checksum per
 * file); here the same listing, in the same order (each directory's
 * entries sorted, followed at once by what is below them), comes from one
 * find0, lstatnslist and readlinklist in batches of names, and one
 * checksums_out for the whole tree.
 */

#define _GNU_SOURCE 1
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "options.h"
#include "ls.h"

/* Names per lstatnslist/readlinklist call: keeps replies well under the
 * protocol's message size.
 */
#define BATCH 1000

/* A file from the daemon written into an anonymous in-memory file, then
 * read back whole.  CALL writes to the path it is given.
 */
static char *
fetch (int (*call) (const char *dir, const char *arg, const char *path),
       const char *dir, const char *arg, size_t *len)
{
  char path[64], *buf;
  struct stat st;
  int fd = memfd_create ("virt-ls", MFD_CLOEXEC);
  ssize_t r;
  size_t got = 0;

  if (fd == -1) {
    tools_error ("memfd_create: %s", strerror (errno));
    return NULL;
  }
  snprintf (path, sizeof path, "/dev/fd/%d", fd);
  if (call (dir, arg, path) == -1 || fstat (fd, &st) == -1) {
    close (fd);
    return NULL;
  }
  buf = malloc (st.st_size + 1);
  if (buf == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  while (got < (size_t) st.st_size &&
         (r = pread (fd, buf + got, st.st_size - got, got)) > 0)
    got += r;
  close (fd);
  buf[got] = '\0';
  *len = got;
  return buf;
}

static int
call_find0 (const char *dir, const char *unused, const char *path)
{
  return guestfs_find0 (tools.g, dir, path);
}

static int
call_checksums (const char *dir, const char *type, const char *path)
{
  return guestfs_checksums_out (tools.g, type, dir, path);
}

char *
ls_find0 (const char *dir, size_t *len)
{
  return fetch (call_find0, dir, NULL, len);
}

/* Order of a pre-order walk with sorted directories: compare path
 * components with strcmp, i.e. '/' below every other byte.
 */
int
ls_compare_paths (const void *a, const void *b)
{
  const unsigned char *p = *(const unsigned char *const *) a;
  const unsigned char *q = *(const unsigned char *const *) b;

  for (; *p && *p == *q; ++p, ++q)
    ;
  if (*p == *q)
    return 0;
  if (*p == '\0')
    return -1;
  if (*q == '\0')
    return 1;
  if (*p == '/')
    return -1;
  if (*q == '/')
    return 1;
  return *p < *q ? -1 : 1;
}

char *
ls_full_path (const char *dir, const char *rel)
{
  char *ret;

  if (rel == NULL)
    ret = strdup (dir);
  else if (STREQ (dir, "/")) {
    if (asprintf (&ret, "/%s", rel) == -1)
      ret = NULL;
  }
  else if (asprintf (&ret, "%s/%s", dir, rel) == -1)
    ret = NULL;
  if (ret == NULL) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  return ret;
}

/* checksums_out's "[\]SUM  ./NAME" lines, unescaped, as (name, sum)
 * pairs sorted by name.
 */
struct sum {
  char *name, *sum;
};

static int
compare_sums (const void *a, const void *b)
{
  return strcmp (((const struct sum *) a)->name,
                 ((const struct sum *) b)->name);
}

static struct sum *
parse_sums (char *buf, size_t len, size_t *nr)
{
  struct sum *sums = NULL;
  size_t n = 0, alloc = 0;
  char *line = buf, *end = buf + len;
  int crc = STRCASEEQ (ls_opts.checksum, "crc");

  while (line < end) {
    char *nl = memchr (line, '\n', end - line), *name, *sp;
    int escaped = line[0] == '\\';

    if (nl == NULL)
      nl = end;
    *nl = '\0';
    if (escaped)
      line++;
    /* crc: "CRC SIZE ./NAME"; others: "SUM  ./NAME". */
    sp = strchr (line, ' ');
    name = sp ? strstr (sp, " ./") : NULL;
    if (sp && name && !crc && name != sp + 1)
      name = NULL;
    if (name) {
      *sp = '\0';
      name += 3;
      if (escaped) {
        char *w = name;

        for (char *r = name; *r; ++r) {
          if (*r == '\\' && r[1] == 'n')
            *w++ = '\n', ++r;
          else if (*r == '\\' && r[1] == 'r')
            *w++ = '\r', ++r;
          else if (*r == '\\' && r[1] == '\\')
            *w++ = '\\', ++r;
          else
            *w++ = *r;
        }
        *w = '\0';
      }
      if (n == alloc) {
        alloc = alloc ? 2 * alloc : 64;
        sums = realloc (sums, alloc * sizeof *sums);
        if (sums == NULL) {
          perror ("realloc");
          exit (EXIT_FAILURE);
        }
      }
      sums[n].name = name;
      sums[n].sum = line;
      n++;
    }
    line = nl + 1;
  }
  if (n > 0)                    /* sums is NULL when there are none */
    qsort (sums, n, sizeof *sums, compare_sums);
  *nr = n;
  return sums;
}

/* The checksum of regular file REL (relative to DIR). */
static char *
checksum_of (const char *dir, const char *rel, struct sum *sums, size_t nr)
{
  struct sum key = { (char *) rel, NULL }, *found;
  char *path, *sum;

  found = sums && rel
    ? bsearch (&key, sums, nr, sizeof *sums, compare_sums) : NULL;
  if (found)
    return strdup (found->sum);
  /* Not in the bulk answer (or it failed): ask for this one. */
  path = ls_full_path (dir, rel);
  sum = guestfs_checksum (tools.g, ls_opts.checksum, path);
  free (path);
  if (sum == NULL)
    exit (EXIT_FAILURE);
  return sum;
}

char
ls_type_char (int64_t mode)
{
  static const char types[] = "?pc?d?b?-?l?s???";
  char t = types[(mode >> 12) & 15];

  return t == '?' ? 'u' : t;
}

static void
show_file_json (const char *dir, const char *rel,
                const struct guestfs_statns *st, const char *link,
                struct sum *sums, size_t nr_sums)
{
  char *path = ls_full_path (dir, rel), *sum = NULL;

  if (ls_opts.checksum && S_ISREG (st->st_mode))
    sum = checksum_of (dir, rel, sums, nr_sums);
  ls_json_long (rel ? rel : ".", path, st,
                S_ISLNK (st->st_mode) ? link : NULL, sum);
  free (sum);
  free (path);
}

static void
show_file (const char *dir, const char *rel,
           const struct guestfs_statns *st, const char *link,
           struct sum *sums, size_t nr_sums)
{
  char type[2] = { ls_type_char (st->st_mode), '\0' };
  char *path;

  if (ls_opts.json) {
    show_file_json (dir, rel, st, link, sums, nr_sums);
    return;
  }
  ls_start_line ();
  ls_string (type);
  ls_perms (st->st_mode & 07777);
  ls_size (st->st_size);
  if (ls_opts.uids) {
    ls_uid (st->st_uid);
    ls_uid (st->st_gid);
  }
  if (ls_opts.times) {
    ls_time (st->st_atime_sec);
    ls_time (st->st_mtime_sec);
    ls_time (st->st_ctime_sec);
  }
  if (ls_opts.extra_stats) {
    ls_dev (st->st_dev);
    ls_int64 (st->st_ino);
    ls_int64 (st->st_nlink);
    ls_dev (st->st_rdev);
    ls_int64 (st->st_blocks);
  }
  if (ls_opts.checksum && S_ISREG (st->st_mode)) {
    char *sum = checksum_of (dir, rel, sums, nr_sums);

    ls_string (sum);
    free (sum);
  }
  else if (ls_opts.checksum && ls_opts.csv)
    ls_string ("");             /* keeps the CSV columns aligned */
  path = ls_full_path (dir, rel);
  ls_string (path);
  free (path);
  if (link && S_ISLNK (st->st_mode))
    ls_link (link);
  ls_end_line ();
}

/* Stat (and readlink) NAMES[0..N-1], relative to DIR, in batches and
 * show each.  NAMES has room for a NULL after each batch (N+1 slots).
 */
static int
show_batches (const char *dir, char **names, size_t n,
              struct sum *sums, size_t nr_sums)
{
  for (size_t b = 0; b < n; b += BATCH) {
    size_t m = n - b < BATCH ? n - b : BATCH;
    char *saved = names[b + m];
    struct guestfs_statns_list *stats;
    char **links = NULL;

    names[b + m] = NULL;        /* this batch as a list */
    stats = guestfs_lstatnslist (tools.g, dir, &names[b]);
    if (stats == NULL || stats->len != m) {
      names[b + m] = saved;
      guestfs_free_statns_list (stats);
      return -1;
    }
    for (size_t i = 0; i < m; ++i)
      if (S_ISLNK (stats->val[i].st_mode)) {
        links = guestfs_readlinklist (tools.g, dir, &names[b]);
        if (links == NULL)
          exit (EXIT_FAILURE);
        break;
      }
    for (size_t i = 0; i < m; ++i)
      show_file (dir, names[b + i], &stats->val[i],
                 links ? links[i] : NULL, sums, nr_sums);
    names[b + m] = saved;
    guestfs_free_statns_list (stats);
    tools_free_strings (links);
  }
  return 0;
}

int
ls_long_recursive (const char *dir)
{
  struct guestfs_statns *top;
  char *names_buf, *sums_buf = NULL, **names;
  struct sum *sums = NULL;
  size_t len, n = 0, nr_sums = 0;

  top = guestfs_lstatns (tools.g, dir);
  if (top == NULL)
    return -1;
  show_file (dir, NULL, top, NULL, NULL, 0);
  guestfs_free_statns (top);

  names_buf = ls_find0 (dir, &len);
  if (names_buf == NULL)
    return -1;
  for (size_t i = 0; i < len; ++i)
    if (names_buf[i] == '\0')
      n++;
  names = malloc ((n + 1) * sizeof *names);
  if (names == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  n = 0;
  for (size_t i = 0; i < len; i += strlen (names_buf + i) + 1)
    /* find0 gives "/a/b"; the names are "a/b" relative to DIR. */
    names[n++] = names_buf + i + (names_buf[i] == '/');
  names[n] = NULL;
  qsort (names, n, sizeof *names, ls_compare_paths);

  if (ls_opts.checksum) {
    guestfs_push_error_handler (tools.g, NULL, NULL);
    sums_buf = fetch (call_checksums, dir, ls_opts.checksum, &len);
    guestfs_pop_error_handler (tools.g);
    if (sums_buf)
      sums = parse_sums (sums_buf, len, &nr_sums);
  }

  if (show_batches (dir, names, n, sums, nr_sums) == -1) {
    free (sums);
    free (sums_buf);
    free (names);
    free (names_buf);
    return -1;
  }
  free (sums);
  free (sums_buf);
  free (names);
  free (names_buf);
  return 0;
}

int
ls_long_json (const char *dir)
{
  char **names = guestfs_ls (tools.g, dir);
  int r;

  if (names == NULL)
    return -1;
  r = show_batches (dir, names, tools_count_strings (names), NULL, 0);
  tools_free_strings (names);
  return r;
}
