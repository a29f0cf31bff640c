/* guestfsd: the installed packages of an RPM guest, read with the
 * appliance's own rpm program (Debian's librpm reads both the sqlite
 * database of current distros and the Berkeley DB "Packages" file of
 * older ones, through its built-in read-only reader).
 *
 * The database files are copied from the guest into a private directory
 * first: the guest's filesystem is mounted read-only, where sqlite
 * cannot open a WAL-mode database, and the copy means rpm is pointed at
 * plain files we opened ourselves (inside the guest root) rather than at
 * guest paths and symlinks.  rpm prints each package with shell-quoted
 * fields, which are parsed back unambiguously whatever the guest put in
 * them. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "inspect.h"

#define RPMDB_COPY_MAX ((off_t) 320 * 1024 * 1024)
#define NR_FIELDS 8

static const char query_format[] =
  "%{NAME:shescape} %{EPOCHNUM} %{VERSION:shescape} %{RELEASE:shescape} "
  "%{ARCH:shescape} %{URL:shescape} %{SUMMARY:shescape} "
  "%{DESCRIPTION:shescape}\\n";

/* Copy a guest file into dir; 0, 1 if it does not exist, -1 (replied). */
static int
copy_in (int root, const char *dbdir, const char *name, const char *dir,
         off_t *total)
{
  CLEANUP_FREE char *src = NULL, *dst = NULL;
  struct stat st;
  int sfd, dfd, r;

  if (asprintf (&src, "%s/%s", dbdir, name) == -1 ||
      asprintf (&dst, "%s/%s", dir, name) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  sfd = guest_open (root, src, O_RDONLY | O_NONBLOCK, true);
  if (sfd == -1) {
    if (errno == ENOENT)
      return 1;
    reply_with_perror ("%s", src);
    return -1;
  }
  if (fstat (sfd, &st) == -1 || !S_ISREG (st.st_mode)) {
    reply_with_error ("%s: not a regular file", src);
    close (sfd);
    return -1;
  }
  *total += st.st_size;
  if (*total > RPMDB_COPY_MAX) {
    reply_with_error ("%s: the RPM database is larger than %lld bytes",
                      dbdir, (long long) RPMDB_COPY_MAX);
    close (sfd);
    return -1;
  }
  dfd = open (dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (dfd == -1) {
    reply_with_perror ("%s", dst);
    close (sfd);
    return -1;
  }
  r = copy_file_data (sfd, dfd, st.st_size);
  if (r == -1)
    reply_with_perror ("%s: copying", src);
  close (sfd);
  if (close (dfd) == -1 && r == 0) {
    reply_with_perror ("%s", dst);
    r = -1;
  }
  return r;
}

/* Find the database and copy it into dir.  Replies on error. */
static int
copy_database (int root, const char *dir)
{
  static const char *const dbdirs[] = { "/var/lib/rpm", "/usr/lib/sysimage/rpm" };
  off_t total = 0;

  for (size_t i = 0; i < sizeof dbdirs / sizeof dbdirs[0]; ++i) {
    CLEANUP_FREE char *sqlite = NULL, *bdb = NULL, *ndb = NULL;

    if (asprintf (&sqlite, "%s/rpmdb.sqlite", dbdirs[i]) == -1 ||
        asprintf (&bdb, "%s/Packages", dbdirs[i]) == -1 ||
        asprintf (&ndb, "%s/Packages.db", dbdirs[i]) == -1) {
      reply_with_perror ("asprintf");
      return -1;
    }
    if (guest_is_file (root, sqlite, true)) {
      /* The write-ahead log holds what is not checkpointed yet. */
      if (copy_in (root, dbdirs[i], "rpmdb.sqlite", dir, &total) != 0 ||
          copy_in (root, dbdirs[i], "rpmdb.sqlite-wal", dir, &total) == -1)
        return -1;
      return 0;
    }
    if (guest_is_file (root, bdb, true))
      return copy_in (root, dbdirs[i], "Packages", dir, &total) == 0 ? 0 : -1;
    if (guest_is_file (root, ndb, true)) {
      reply_with_error ("%s: the RPM \"ndb\" database format is not supported",
                        ndb);
      return -1;
    }
  }
  reply_with_error ("no RPM database found in /var/lib/rpm or /usr/lib/sysimage/rpm");
  return -1;
}

/* ---- parsing rpm's shell-quoted output ---- */

struct token {
  char *s;
  size_t len, alloc;
};

static int
token_add (struct token *t, char c)
{
  if (t->len + 1 >= t->alloc) {
    size_t alloc = t->alloc ? t->alloc * 2 : 64;
    char *p = realloc (t->s, alloc);
    if (p == NULL)
      return -1;
    t->s = p;
    t->alloc = alloc;
  }
  t->s[t->len++] = c;
  t->s[t->len] = '\0';
  return 0;
}

static int
add_record (struct inspect_apps *apps, struct token *f)
{
  char *end;
  long epoch = strtol (f[1].s, &end, 10);

  if (*end || epoch < 0 || epoch > INT32_MAX)
    epoch = 0;
  return inspect_add_app (apps, f[0].s, "", (int32_t) epoch, f[2].s, f[3].s,
                          f[4].s, "", "", f[5].s, "", f[6].s, f[7].s);
}

int
inspect_parse_rpm_output (const char *out, struct inspect_apps *apps)
{
  struct token f[NR_FIELDS];
  size_t n = 0;
  bool in_token = false, quoted = false;
  int r = 0;

  memset (f, 0, sizeof f);
  for (const char *p = out; *p && r == 0; ++p) {
    if (quoted) {
      if (*p == '\'')
        quoted = false;
      else if (token_add (&f[n], *p) == -1)
        r = -1;
      continue;
    }
    if (*p == ' ' || *p == '\t' || *p == '\n') {
      if (in_token)
        n++;
      in_token = false;
      if (*p == '\n') {
        /* A record with the wrong number of fields is skipped. */
        if (n == NR_FIELDS)
          r = add_record (apps, f);
        for (size_t i = 0; i < NR_FIELDS; ++i)
          f[i].len = 0;
        n = 0;
      }
      continue;
    }
    if (n >= NR_FIELDS)
      continue;
    if (!in_token) {
      in_token = true;
      f[n].len = 0;
      if (token_add (&f[n], '\0') == -1) {   /* a valid empty string */
        r = -1;
        continue;
      }
      f[n].len = 0;
    }
    if (*p == '\'')
      quoted = true;
    else if (*p == '\\' && p[1]) {
      if (token_add (&f[n], *++p) == -1)
        r = -1;
    }
    else if (token_add (&f[n], *p) == -1)
      r = -1;
  }
  for (size_t i = 0; i < NR_FIELDS; ++i)
    free (f[i].s);
  return r;
}

int
inspect_list_rpm (int root, struct inspect_apps *apps)
{
  char dir[] = "/tmp/guestfsd-rpm.XXXXXX";
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *argv[] = {
    "rpm", "--dbpath", dir, "--nosignature", "--nodigest", "-qa",
    "--qf", query_format, NULL
  };
  int r;

  if (mkdtemp (dir) == NULL) {
    reply_with_perror ("mkdtemp");
    return -1;
  }
  r = copy_database (root, dir);
  if (r == 0) {
    r = commandv (&out, &err, argv, -1);
    if (r != 0) {
      if (err)
        trim_trailing (err);
      reply_with_error ("rpm: %s", err && *err ? err :
                        r == -1 ? "could not run rpm (is it in the appliance?)" :
                        "failed");
      r = -1;
    }
    else if (inspect_parse_rpm_output (out ? out : "", apps) == -1) {
      reply_with_perror ("rpm");
      r = -1;
    }
  }
  command (NULL, NULL, "rm", "-rf", "--", dir, NULL);
  return r;
}
