/* virt-log: the guest's systemd journal.  The journal files under
 * /var/log/journal (regular files named *.journal or *.journal~, a
 * bounded number and total size) are downloaded into a private host
 * directory and read with libsystemd's sd-journal, which merges them in
 * time order; each entry is printed as libguestfs's virt-log prints it:
 * "Mon DD HH:MM:SS IDENT[PID] LEVEL: MESSAGE", local time.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <inttypes.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-journal.h>
#endif

#include "options.h"
#include "log.h"

/* Bounds on what is copied out of the guest. */
#define MAX_JOURNAL_FILES 4096
#define MAX_JOURNAL_BYTES (16LL << 30)

char *
log_mkdtemp (void)
{
  const char *tmp = getenv ("TMPDIR");
  char *dir;

  if (asprintf (&dir, "%s/virtlogXXXXXX", tmp && *tmp ? tmp : "/tmp") == -1) {
    perror ("asprintf");
    return NULL;
  }
  if (mkdtemp (dir) == NULL) {
    tools_error ("mkdtemp: %s: %s", dir, strerror (errno));
    free (dir);
    return NULL;
  }
  return dir;
}

/* The directories made by log_mkdtemp hold plain files only. */
void
log_rmtree (const char *dir)
{
  DIR *d = opendir (dir);
  struct dirent *e;

  if (d != NULL) {
    while ((e = readdir (d)) != NULL)
      if (STRNEQ (e->d_name, ".") && STRNEQ (e->d_name, ".."))
        unlinkat (dirfd (d), e->d_name, 0);
    closedir (d);
  }
  rmdir (dir);
}

static int
is_journal_name (const char *name)
{
  size_t n = strlen (name);

  return (n >= 8 && STREQ (name + n - 8, ".journal")) ||
         (n >= 9 && STREQ (name + n - 9, ".journal~"));
}

/* Download the journal files into DIR; returns their host paths
 * (NULL-terminated) or NULL on error.
 */
static char ** __attribute__((unused))
download_journal (const char *dir)
{
  char **names, **paths;
  size_t n = 0;
  long long total = 0;

  names = guestfs_find (tools.g, LOG_JOURNAL_DIR);
  if (names == NULL)
    return NULL;
  paths = calloc (MAX_JOURNAL_FILES + 1, sizeof *paths);
  if (paths == NULL) {
    perror ("calloc");
    goto error;
  }
  for (size_t i = 0; names[i]; ++i) {
    struct guestfs_statns *st;
    char *gpath, *hpath;
    int regular;

    if (!is_journal_name (names[i]))
      continue;
    if (asprintf (&gpath, LOG_JOURNAL_DIR "/%s", names[i]) == -1) {
      perror ("asprintf");
      goto error;
    }
    st = guestfs_lstatns (tools.g, gpath);
    if (st == NULL) {
      free (gpath);
      goto error;
    }
    regular = (st->st_mode & 0170000) == 0100000;
    total += st->st_size;
    guestfs_free_statns (st);
    if (!regular) {             /* symlinks are not followed */
      free (gpath);
      continue;
    }
    if (n >= MAX_JOURNAL_FILES || total > MAX_JOURNAL_BYTES) {
      tools_error ("%s: too many or too large journal files (limits: %d "
                   "files, %lld bytes)", LOG_JOURNAL_DIR, MAX_JOURNAL_FILES,
                   MAX_JOURNAL_BYTES);
      free (gpath);
      goto error;
    }
    /* sd-journal wants the suffix kept. */
    if (asprintf (&hpath, "%s/%zu%s", dir, n,
                  strrchr (names[i], '.')) == -1) {
      perror ("asprintf");
      free (gpath);
      goto error;
    }
    paths[n++] = hpath;
    if (guestfs_download (tools.g, gpath, hpath) == -1) {
      free (gpath);
      goto error;
    }
    free (gpath);
  }
  tools_free_strings (names);
  return paths;

 error:
  tools_free_strings (names);
  tools_free_strings (paths);
  return NULL;
}

#ifdef HAVE_LIBSYSTEMD

static const char *const levels[] = {
  [LOG_EMERG] = "emerg", [LOG_ALERT] = "alert", [LOG_CRIT] = "crit",
  [LOG_ERR] = "err", [LOG_WARNING] = "warning", [LOG_NOTICE] = "notice",
  [LOG_INFO] = "info", [LOG_DEBUG] = "debug"
};

/* The value of FIELD in the current entry (not NUL-terminated), or NULL. */
static const char *
field (sd_journal *j, const char *name, size_t *len)
{
  const void *data;
  size_t n, prefix = strlen (name) + 1;

  if (sd_journal_get_data (j, name, &data, &n) < 0 || n < prefix)
    return NULL;
  *len = n - prefix;
  return (const char *) data + prefix;
}

static int
print_entry (sd_journal *j)
{
  const char *ident, *pid, *prio, *msg;
  size_t ident_len = 0, pid_len = 0, prio_len = 0, msg_len = 0;
  uint64_t usec;
  int level = LOG_INFO;

  if (sd_journal_get_realtime_usec (j, &usec) >= 0) {
    time_t t = (time_t) (usec / 1000000);
    struct tm tm;
    char buf[64];

    if (localtime_r (&t, &tm) == NULL ||
        strftime (buf, sizeof buf, "%b %d %H:%M:%S", &tm) == 0) {
      tools_error ("could not format journal entry timestamp");
      return -1;
    }
    fputs (buf, stdout);
  }
  ident = field (j, "SYSLOG_IDENTIFIER", &ident_len);
  if (ident == NULL)
    ident = field (j, "_COMM", &ident_len);
  if (ident)
    printf (" %.*s", (int) ident_len, ident);
  pid = field (j, "_PID", &pid_len);
  if (pid)
    printf ("[%.*s]", (int) pid_len, pid);
  prio = field (j, "PRIORITY", &prio_len);
  if (prio && prio_len > 0 && prio[0] >= '0' && prio[0] <= '7')
    level = prio[0] - '0';
  printf (" %s:", levels[level]);
  msg = field (j, "MESSAGE", &msg_len);
  if (msg) {
    putchar (' ');
    fwrite (msg, 1, msg_len, stdout);
  }
  putchar ('\n');
  return 0;
}

static int
print_journal (char **paths)
{
  sd_journal *j;
  int r, errors = 0;

  if (paths[0] == NULL)
    return 0;
  r = sd_journal_open_files (&j, (const char **) paths, 0);
  if (r < 0) {
    tools_error ("%s: cannot read the journal: %s", LOG_JOURNAL_DIR,
                 strerror (-r));
    return -1;
  }
  while ((r = sd_journal_next (j)) > 0)
    if (print_entry (j) == -1)
      errors++;
  if (r < 0) {
    tools_error ("%s: reading the journal: %s", LOG_JOURNAL_DIR,
                 strerror (-r));
    errors++;
  }
  sd_journal_close (j);
  return errors ? -1 : 0;
}

#else /* !HAVE_LIBSYSTEMD */

static int
print_journal (char **paths)
{
  tools_error ("%s: this guest logs to the systemd journal, which this "
               "build of virt-log cannot read (built without libsystemd)",
               LOG_JOURNAL_DIR);
  return -1;
}

#endif /* !HAVE_LIBSYSTEMD */

int
log_journal (void)
{
  char *dir = NULL;
  char **paths;
  int r = -1;

#ifndef HAVE_LIBSYSTEMD
  return print_journal (NULL);   /* an error: nothing to read it with */
#endif
  dir = log_mkdtemp ();
  if (dir == NULL)
    return -1;
  paths = download_journal (dir);
  if (paths != NULL)
    r = print_journal (paths);
  tools_free_strings (paths);
  log_rmtree (dir);
  free (dir);
  return r;
}
