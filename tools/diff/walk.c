/* virt-diff: walking a mounted guest as libguestfs's virt-diff does --
 * "/" first, then each directory's entries (sorted, as ls gives them),
 * each directory followed at once by its contents, symbolic links not
 * followed -- collecting stats, extended attributes and, with
 * --checksum, each regular file's checksum.  Stats and xattrs come in
 * batches of names per directory (lstatnslist, lxattrlist).  Times the
 * options say to ignore are zeroed here, so that comparing is plain.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/* Names per lstatnslist/lxattrlist call: replies stay well under the
 * protocol's message size.
 */
#define BATCH 500

#define IS_DIR(m) (((m) & 0170000) == 0040000)
#define IS_REG(m) (((m) & 0170000) == 0100000)

static int
copy_xattrs (struct diff_file *f, const struct guestfs_xattr *v, size_t n)
{
  f->xattrs = calloc (n ? n : 1, sizeof *f->xattrs);
  if (f->xattrs == NULL) {
    perror ("calloc");
    return -1;
  }
  for (size_t i = 0; i < n; ++i) {
    struct diff_xattr *x = &f->xattrs[i];

    x->name = strdup (v[i].attrname);
    x->value = malloc (v[i].attrval_len ? v[i].attrval_len : 1);
    if (x->name == NULL || x->value == NULL) {
      perror ("malloc");
      return -1;
    }
    memcpy (x->value, v[i].attrval, v[i].attrval_len);
    x->value_len = v[i].attrval_len;
    f->nr_xattrs++;
  }
  return 0;
}

/* Add PATH (taking it) with its stats and xattrs to T. */
static int
add_file (struct diff_tree *t, char *path, const struct guestfs_statns *st,
          const struct guestfs_xattr *xattrs, size_t nr_xattrs)
{
  struct diff_file *f;

  if (t->nr_files == t->allocated) {
    size_t n = t->allocated ? 2 * t->allocated : 1024;
    struct diff_file *nf = realloc (t->files, n * sizeof *nf);

    if (nf == NULL) {
      perror ("realloc");
      free (path);
      return -1;
    }
    t->files = nf;
    t->allocated = n;
  }
  f = &t->files[t->nr_files++];
  memset (f, 0, sizeof *f);
  f->path = path;
  f->st = *st;
  if (copy_xattrs (f, xattrs, nr_xattrs) == -1)
    return -1;

  if (diff_opts.checksum && IS_REG (st->st_mode)) {
    f->csum = guestfs_checksum (t->g, diff_opts.checksum, path);
    if (f->csum == NULL)
      return -1;
  }
  if (!diff_opts.atime)
    f->st.st_atime_sec = f->st.st_atime_nsec = 0;
  if (!diff_opts.dir_links && IS_DIR (st->st_mode))
    f->st.st_nlink = 0;
  if (!diff_opts.dir_times && IS_DIR (st->st_mode))
    f->st.st_atime_sec = f->st.st_mtime_sec = f->st.st_ctime_sec =
      f->st.st_atime_nsec = f->st.st_mtime_nsec = f->st.st_ctime_nsec = 0;
  return 0;
}

static char *
full_path (const char *dir, const char *name)
{
  char *p;

  if (asprintf (&p, "%s/%s", STREQ (dir, "/") ? "" : dir, name) == -1) {
    perror ("asprintf");
    return NULL;
  }
  return p;
}

static int walk_dir (struct diff_tree *t, const char *dir);

/* NAMES[0..N-1] of DIR: stats and xattrs in one call each, then each
 * entry (and what is below a directory) in order.
 */
static int
walk_batch (struct diff_tree *t, const char *dir, char **names, size_t n)
{
  struct guestfs_statns_list *stats;
  struct guestfs_xattr_list *xattrs;
  char *saved = names[n];
  size_t xp = 0;
  int r = -1;

  names[n] = NULL;
  stats = guestfs_lstatnslist (t->g, dir, names);
  xattrs = stats ? guestfs_lxattrlist (t->g, dir, names) : NULL;
  names[n] = saved;
  if (stats == NULL || xattrs == NULL)
    goto out;
  if (stats->len != n) {
    tools_error ("%s: lstatnslist returned %u entries for %zu names",
                 dir, stats->len, n);
    goto out;
  }
  for (size_t i = 0; i < n; ++i) {
    unsigned long count;
    char *path, *end, buf[32];
    size_t len;

    /* Each file's xattrs follow an entry with an empty name whose value
     * is their count.
     */
    if (xp >= xattrs->len || xattrs->val[xp].attrname[0] != '\0')
      goto bad_xattrs;
    len = xattrs->val[xp].attrval_len;
    if (len >= sizeof buf)
      goto bad_xattrs;
    memcpy (buf, xattrs->val[xp].attrval, len);
    buf[len] = '\0';
    /* An empty count: the daemon could not read them; take none. */
    count = strtoul (buf, &end, 10);
    if (*end != '\0' || count > xattrs->len - xp - 1)
      goto bad_xattrs;

    if ((path = full_path (dir, names[i])) == NULL ||
        add_file (t, path, &stats->val[i], &xattrs->val[xp+1], count) == -1)
      goto out;
    xp += 1 + count;
    if (IS_DIR (stats->val[i].st_mode) &&
        walk_dir (t, t->files[t->nr_files-1].path) == -1)
      goto out;
  }
  r = 0;
  goto out;

 bad_xattrs:
  tools_error ("%s: cannot parse the extended attributes of %s", dir,
               names[0]);
 out:
  guestfs_free_statns_list (stats);
  guestfs_free_xattr_list (xattrs);
  return r;
}

static int
walk_dir (struct diff_tree *t, const char *dir)
{
  char **names = guestfs_ls (t->g, dir);
  size_t n, i;
  int r = 0;

  if (names == NULL)
    return -1;
  n = tools_count_strings (names);
  for (i = 0; i < n && r == 0; i += BATCH)
    r = walk_batch (t, dir, &names[i], n - i < BATCH ? n - i : BATCH);
  tools_free_strings (names);
  return r;
}

struct diff_tree *
diff_walk (guestfs_h *g)
{
  struct diff_tree *t = calloc (1, sizeof *t);
  struct guestfs_statns *st;
  struct guestfs_xattr_list *xattrs;
  char *root;
  int r;

  if (t == NULL) {
    perror ("calloc");
    return NULL;
  }
  t->g = g;
  st = guestfs_lstatns (g, "/");
  xattrs = st ? guestfs_lgetxattrs (g, "/") : NULL;
  root = strdup ("/");
  r = st && xattrs && root ? add_file (t, root, st, xattrs->val, xattrs->len)
                           : -1;
  guestfs_free_statns (st);
  guestfs_free_xattr_list (xattrs);
  if (r == 0)
    r = walk_dir (t, "/");
  if (r == -1) {
    diff_free_tree (t);
    return NULL;
  }
  if (tools.verbose)
    fprintf (stderr, "read %zu entries from guest\n", t->nr_files);
  return t;
}

void
diff_free_tree (struct diff_tree *t)
{
  if (t == NULL)
    return;
  for (size_t i = 0; i < t->nr_files; ++i) {
    struct diff_file *f = &t->files[i];

    free (f->path);
    for (size_t j = 0; j < f->nr_xattrs; ++j) {
      free (f->xattrs[j].name);
      free (f->xattrs[j].value);
    }
    free (f->xattrs);
    free (f->csum);
  }
  free (t->files);
  free (t);
}
