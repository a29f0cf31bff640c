/* virt-diff: comparing two walked guests and printing the differences in
 * libguestfs's format.  Both lists are in the same walk order, so one
 * merge pass finds what was deleted ("-"), added ("+"), changed in
 * content ("=", followed by a unified diff of the file unless --csv) or
 * changed in stats only ("-" old, "+" new, "# changed: FIELDS").  Fields
 * are separated by spaces, or are CSV with --csv.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>
#include <unistd.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "diff.h"

#define IS_REG(m) (((m) & 0170000) == 0100000)
#define IS_LNK(m) (((m) & 0170000) == 0120000)

static int field, output_error;

static void
next_field (void)
{
  if (field++ > 0)
    putchar (diff_opts.csv ? ',' : ' ');
}

static void
start_line (void)
{
  field = 0;
}

static void
end_line (void)
{
  if (putchar ('\n') == EOF)
    output_error = 1;
}

static int
printable (unsigned char c)
{
  return c >= 0x20 && c < 0x7f;
}

/* A field; with --csv quoted when it holds a space, quote, comma or
 * newline.  BINARY fields escape unprintable bytes as \xHH.
 */
static void
output_field (const char *s, size_t n, int binary)
{
  int quote = 0;

  next_field ();
  if (diff_opts.csv)
    for (size_t i = 0; i < n; ++i)
      if (s[i] == ' ' || s[i] == '"' || s[i] == '\n' || s[i] == ',' ||
          (binary && !printable (s[i])))
        quote = 1;
  if (quote)
    putchar ('"');
  for (size_t i = 0; i < n; ++i) {
    if (quote && s[i] == '"')
      putchar ('"');
    if (binary && !printable (s[i]))
      printf ("\\x%02x", (unsigned char) s[i]);
    else
      putchar (s[i]);
  }
  if (quote)
    putchar ('"');
}

static void
output_string (const char *s)
{
  output_field (s, strlen (s), 0);
}

/* A field printed with a literal format (so that it is checked). */
#define output_int(fmt, v) (next_field (), printf ((fmt), (v)))

static void
output_size (int64_t size)
{
  char buf[32];

  next_field ();
  if (diff_opts.human)
    printf (diff_opts.csv ? "%s" : "%10s",
            tools_human_size ((unsigned long long) size, 1, buf));
  else
    printf (diff_opts.csv ? "%" PRIi64 : "%10" PRIi64, size);
}

static void
output_time (int64_t secs)
{
  next_field ();
  if (diff_opts.time_t_output) {
    if (diff_opts.time_relative == 1)
      printf ("%8" PRIi64, (int64_t) diff_opts.now - secs);
    else if (diff_opts.time_relative == 2)
      printf ("%3" PRIi64, ((int64_t) diff_opts.now - secs) / 86400);
    else
      printf ("%10" PRIi64, secs);
  }
  else {
    time_t t = (time_t) secs;
    struct tm tm;
    char buf[64];

    if (localtime_r (&t, &tm) == NULL ||
        strftime (buf, sizeof buf, "%F %T", &tm) == 0)
      snprintf (buf, sizeof buf, "%" PRIi64, secs);
    fputs (buf, stdout);
  }
}

static void
output_dev (int64_t d)
{
  next_field ();
  printf ("%u:%u", major ((dev_t) d), minor ((dev_t) d));
}

static char
file_type (int64_t mode)
{
  switch (mode & 0170000) {
  case 0100000: return '-';
  case 0040000: return 'd';
  case 0020000: return 'c';
  case 0060000: return 'b';
  case 0010000: return 'p';
  case 0120000: return 'l';
  case 0140000: return 's';
  default: return 'u';
  }
}

static void
output_file (guestfs_h *g, const struct diff_file *f)
{
  char type[2] = { file_type (f->st.st_mode), '\0' };

  output_string (type);
  output_int ("%04" PRIo64, f->st.st_mode & 07777);
  output_size (f->st.st_size);
  if (diff_opts.uids) {
    output_int (diff_opts.csv ? "%" PRIi64 : "%4" PRIi64, f->st.st_uid);
    output_int (diff_opts.csv ? "%" PRIi64 : "%4" PRIi64, f->st.st_gid);
  }
  if (diff_opts.times) {
    if (diff_opts.atime)
      output_time (f->st.st_atime_sec);
    output_time (f->st.st_mtime_sec);
    output_time (f->st.st_ctime_sec);
  }
  if (diff_opts.extra_stats) {
    output_dev (f->st.st_dev);
    output_int ("%" PRIi64, f->st.st_ino);
    output_int ("%" PRIi64, f->st.st_nlink);
    output_dev (f->st.st_rdev);
    output_int ("%" PRIi64, f->st.st_blocks);
  }
  if (f->csum)
    output_string (f->csum);
  output_string (f->path);
  if (IS_LNK (f->st.st_mode)) {
    char *link;

    guestfs_push_error_handler (g, NULL, NULL);
    link = guestfs_readlink (g, f->path);
    guestfs_pop_error_handler (g);
    if (link && diff_opts.csv)
      output_string (link);
    else if (link) {
      next_field ();
      printf ("-> %s", link);
    }
    free (link);
  }
  if (diff_opts.xattrs)
    for (size_t i = 0; i < f->nr_xattrs; ++i) {
      output_string (f->xattrs[i].name);
      output_field (f->xattrs[i].value, f->xattrs[i].value_len, 1);
    }
}

static void
file_line (char sign, guestfs_h *g, const struct diff_file *f)
{
  char s[2] = { sign, '\0' };

  start_line ();
  output_string (s);
  output_file (g, f);
  end_line ();
}

static int
compare_xattrs (const struct diff_file *a, const struct diff_file *b)
{
  if (a->nr_xattrs != b->nr_xattrs)
    return a->nr_xattrs < b->nr_xattrs ? -1 : 1;
  for (size_t i = 0; i < a->nr_xattrs; ++i) {
    const struct diff_xattr *x = &a->xattrs[i], *y = &b->xattrs[i];
    int r = strcmp (x->name, y->name);

    if (r != 0)
      return r;
    if (x->value_len != y->value_len)
      return x->value_len < y->value_len ? -1 : 1;
    if ((r = memcmp (x->value, y->value, x->value_len)) != 0)
      return r;
  }
  return 0;
}

static int
compare_stats (const struct diff_file *a, const struct diff_file *b)
{
  int r = memcmp (&a->st, &b->st, sizeof a->st);

  return r != 0 ? r : compare_xattrs (a, b);
}

/* "diff -u" of the two files, without its two header lines. */
static void
show_diff (const struct diff_tree *t1, const struct diff_file *f1,
           const struct diff_tree *t2, const struct diff_file *f2)
{
  const char *tmp = getenv ("TMPDIR");
  char dir[4096], a[4200], b[4200], *line = NULL;
  size_t cap = 0;
  int fds[2], status, lines = 0;
  pid_t pid;
  FILE *fp;

  snprintf (dir, sizeof dir, "%s/virtdiffXXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp (dir) == NULL) {
    tools_error ("mkdtemp: %s: %s", dir, strerror (errno));
    return;
  }
  snprintf (a, sizeof a, "%s/a", dir);
  snprintf (b, sizeof b, "%s/b", dir);
  if (guestfs_download (t1->g, f1->path, a) == -1 ||
      guestfs_download (t2->g, f2->path, b) == -1)
    goto out;
  if (pipe (fds) == -1 || (pid = fork ()) == -1) {
    perror ("virt-diff: fork");
    goto out;
  }
  if (pid == 0) {
    dup2 (fds[1], 1);
    close (fds[0]);
    close (fds[1]);
    execlp ("diff", "diff", "-u", a, b, (char *) NULL);
    _exit (127);
  }
  close (fds[1]);
  fp = fdopen (fds[0], "r");
  while (fp && getline (&line, &cap, fp) != -1)
    if (++lines > 2)
      fputs (line, stdout);
  free (line);
  if (fp)
    fclose (fp);
  else
    close (fds[0]);
  if (waitpid (pid, &status, 0) == -1 || !WIFEXITED (status) ||
      WEXITSTATUS (status) > 1) {
    fflush (stdout);
    tools_error ("external diff command failed");
    goto out;
  }
  printf ("@@ End of diff @@\n");

 out:
  unlink (a);
  unlink (b);
  rmdir (dir);
}

#define CHANGED(field) if (f1->st.field != f2->st.field) output_string (#field)

static void
changed (const struct diff_tree *t1, const struct diff_file *f1,
         const struct diff_tree *t2, const struct diff_file *f2,
         int st, int cst)
{
  if (cst != 0 ||
      (IS_REG (f1->st.st_mode) && IS_REG (f2->st.st_mode) &&
       (f1->st.st_mtime_sec != f2->st.st_mtime_sec ||
        f1->st.st_ctime_sec != f2->st.st_ctime_sec ||
        f1->st.st_size != f2->st.st_size))) {
    file_line ('=', t1->g, f1);
    if (!diff_opts.csv) {
      fflush (stdout);
      show_diff (t1, f1, t2, f2);
    }
  }
  else if (st != 0) {
    file_line ('-', t1->g, f1);
    file_line ('+', t2->g, f2);
    start_line ();
    output_string ("#");
    output_string ("changed:");
    CHANGED (st_dev); CHANGED (st_ino); CHANGED (st_mode);
    CHANGED (st_nlink); CHANGED (st_uid); CHANGED (st_gid);
    CHANGED (st_rdev); CHANGED (st_size); CHANGED (st_blksize);
    CHANGED (st_blocks); CHANGED (st_atime_sec); CHANGED (st_mtime_sec);
    CHANGED (st_ctime_sec);
    if (compare_xattrs (f1, f2) != 0)
      output_string ("xattrs");
    end_line ();
  }
}

int
diff_trees (struct diff_tree *t1, struct diff_tree *t2)
{
  size_t i1 = 0, i2 = 0;

  while (i1 < t1->nr_files || i2 < t2->nr_files) {
    int c;

    if (i1 == t1->nr_files)
      c = 1;
    else if (i2 == t2->nr_files)
      c = -1;
    else
      c = strcmp (t1->files[i1].path, t2->files[i2].path);

    if (c < 0)
      file_line ('-', t1->g, &t1->files[i1++]);
    else if (c > 0)
      file_line ('+', t2->g, &t2->files[i2++]);
    else {
      struct diff_file *f1 = &t1->files[i1++], *f2 = &t2->files[i2++];
      int st = compare_stats (f1, f2);

      if (st != 0)
        changed (t1, f1, t2, f2, st, 0);
      else if (f1->csum && f2->csum)
        changed (t1, f1, t2, f2, 0, strcmp (f1->csum, f2->csum));
    }
  }
  if (fflush (stdout) == EOF || ferror (stdout) || output_error) {
    perror ("virt-diff: stdout");
    return -1;
  }
  return 0;
}
