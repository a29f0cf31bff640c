/* guestfsd: the installed packages of dpkg (/var/lib/dpkg/status), apk
 * (/lib/apk/db/installed) and pacman (/var/lib/pacman/local/ * /desc)
 * guests, with the fields libguestfs reports.  The files are read with
 * size limits from the guest tree mounted privately; a missing database
 * is an error, a malformed entry is skipped. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>

#include "daemon.h"
#include "inspect.h"

#define DPKG_STATUS_MAX (64 * 1000 * 1000)
#define APK_INSTALLED_MAX (64 * 1000 * 1000)
#define PACMAN_DESC_MAX (256 * 1024)
#define CONTINUATION_MAX (64 * 1024)

static char *
read_db (int root, const char *path, size_t max)
{
  char *buf = guest_read_file (root, path, max, NULL);

  if (buf == NULL) {
    if (errno == EFBIG)
      reply_with_error ("%s: the file is larger than %zu bytes", path, max);
    else if (errno == EINVAL)
      reply_with_error ("%s: not a regular file", path);
    else
      reply_with_perror ("%s", path);
  }
  return buf;
}

/* Next line of buf (in place, \n and \r removed); NULL at the end. */
static char *
next_line (char **pos)
{
  char *line = *pos, *nl;

  if (line == NULL || *line == '\0')
    return NULL;
  nl = strchr (line, '\n');
  if (nl) {
    *nl = '\0';
    *pos = nl + 1;
  }
  else
    *pos = NULL;
  if (nl > line && nl[-1] == '\r')
    nl[-1] = '\0';
  return line;
}

/* Append a continuation line to *field ("\n" between lines), bounded. */
static int
append_line (char **field, const char *line)
{
  size_t old = *field ? strlen (*field) : 0, n = strlen (line);
  char *p;

  if (old + n + 2 > CONTINUATION_MAX)
    return 0;
  p = realloc (*field, old + n + 2);
  if (p == NULL)
    return -1;
  if (old) {
    p[old] = '\n';
    memcpy (p + old + 1, line, n + 1);
  }
  else
    memcpy (p, line, n + 1);
  *field = p;
  return 0;
}

/* ---- dpkg ---- */

struct deb {
  const char *name, *status, *version, *arch, *url, *source, *summary;
  char *description;
};

/* A stanza whose status ends in "installed" (not "not-installed" or
 * "config-files"). */
static int
add_deb (struct inspect_apps *apps, struct deb *d)
{
  CLEANUP_FREE char *evr = NULL, *source = NULL;
  char *version, *release, *sp;
  int32_t epoch;
  size_t n;
  int r = 0;

  if (!d->name || !d->version || !d->status)
    goto out;
  n = strlen (d->status);
  if (n < 9 || STRNEQ (d->status + n - 9, "installed") ||
      (n > 9 && d->status[n - 10] != ' '))
    goto out;
  evr = strdup (d->version);
  source = d->source ? strdup (d->source) : NULL;
  if (evr == NULL || (d->source && source == NULL)) {
    r = -1;
    goto out;
  }
  /* "Source: glibc (2.36-9)": the name only. */
  if (source && (sp = strchr (source, ' ')) != NULL)
    *sp = '\0';
  inspect_split_evr (evr, &epoch, &version, &release);
  if (epoch >= 0)
    r = inspect_add_app (apps, d->name, "", epoch, version, release, d->arch,
                         "", "", d->url, source, d->summary, d->description);
 out:
  free (d->description);
  memset (d, 0, sizeof *d);
  return r;
}

int
inspect_list_deb (int root, struct inspect_apps *apps)
{
  CLEANUP_FREE char *buf = read_db (root, "/var/lib/dpkg/status", DPKG_STATUS_MAX);

  if (buf == NULL)
    return -1;
  if (inspect_parse_dpkg_status (buf, apps) == -1) {
    reply_with_perror ("/var/lib/dpkg/status");
    return -1;
  }
  return 0;
}

int
inspect_parse_dpkg_status (char *buf, struct inspect_apps *apps)
{
  struct deb d = { 0 };
  bool in_description = false;
  char *pos = buf, *line;

  while ((line = next_line (&pos)) != NULL) {
    if (line[0] == ' ' || line[0] == '\t') {
      if (in_description && append_line (&d.description, line + 1) == -1)
        goto nomem;
      continue;
    }
    in_description = false;
    if (line[0] == '\0') {
      if (add_deb (apps, &d) == -1)
        goto nomem;
    }
    else if (STRPREFIX (line, "Package: "))
      d.name = line + 9;
    else if (STRPREFIX (line, "Status: "))
      d.status = line + 8;
    else if (STRPREFIX (line, "Version: "))
      d.version = line + 9;
    else if (STRPREFIX (line, "Architecture: "))
      d.arch = line + 14;
    else if (STRPREFIX (line, "Homepage: "))
      d.url = line + 10;
    else if (STRPREFIX (line, "Source: "))
      d.source = line + 8;
    else if (STRPREFIX (line, "Description: ")) {
      d.summary = line + 13;
      free (d.description);
      d.description = NULL;
      in_description = true;
    }
  }
  /* The last stanza need not end with a blank line. */
  if (add_deb (apps, &d) == -1)
    goto nomem;
  return 0;

 nomem:
  free (d.description);
  return -1;
}

/* ---- apk ---- */

struct apk { const char *name, *version, *arch, *url, *description; };

static int
add_apk (struct inspect_apps *apps, struct apk *a)
{
  CLEANUP_FREE char *evr = NULL;
  char *version, *release;
  int32_t epoch;
  int r = 0;

  if (a->name && a->version) {
    evr = strdup (a->version);
    if (evr == NULL)
      return -1;
    inspect_split_evr (evr, &epoch, &version, &release);
    /* apk writes the release as "r4". */
    if (release && release[0] == 'r')
      release++;
    if (epoch >= 0)
      r = inspect_add_app (apps, a->name, "", epoch, version, release, a->arch,
                           "", "", a->url, "", "", a->description);
  }
  memset (a, 0, sizeof *a);
  return r;
}

int
inspect_list_apk (int root, struct inspect_apps *apps)
{
  CLEANUP_FREE char *buf = read_db (root, "/lib/apk/db/installed", APK_INSTALLED_MAX);

  if (buf == NULL)
    return -1;
  if (inspect_parse_apk_installed (buf, apps) == -1) {
    reply_with_perror ("/lib/apk/db/installed");
    return -1;
  }
  return 0;
}

int
inspect_parse_apk_installed (char *buf, struct inspect_apps *apps)
{
  struct apk a = { 0 };
  char *pos = buf, *line;

  while ((line = next_line (&pos)) != NULL) {
    const char *v = line + 2;

    if (line[0] == '\0') {
      if (add_apk (apps, &a) == -1)
        goto nomem;
      continue;
    }
    if (line[1] != ':')
      continue;
    switch (line[0]) {
    case 'P': a.name = v; break;
    case 'V': a.version = v; break;
    case 'A': a.arch = v; break;
    case 'T': a.description = v; break;
    case 'U': a.url = v; break;
    }
  }
  if (add_apk (apps, &a) == -1)
    goto nomem;
  return 0;

 nomem:
  return -1;
}

/* ---- pacman ---- */

/* One package's desc file: "%KEY%" lines, each followed by its value. */
static int
pacman_desc (int root, const char *dir, struct inspect_apps *apps)
{
  CLEANUP_FREE char *path = NULL, *buf = NULL;

  if (asprintf (&path, "/var/lib/pacman/local/%s/desc", dir) == -1)
    return -1;
  /* A missing or oversized desc is a damaged entry: skipped. */
  buf = guest_read_file (root, path, PACMAN_DESC_MAX, NULL);
  if (buf == NULL)
    return 0;
  return inspect_parse_pacman_desc (buf, apps);
}

int
inspect_parse_pacman_desc (char *buf, struct inspect_apps *apps)
{
  const char *name = NULL, *evr = NULL, *desc = NULL, *url = NULL, *arch = NULL;
  const char **key = NULL;
  CLEANUP_FREE char *copy = NULL;
  char *pos, *line, *version, *release;
  int32_t epoch;

  pos = buf;
  while ((line = next_line (&pos)) != NULL) {
    if (*line == '\0') {
      key = NULL;
      continue;
    }
    if (key) {
      *key = line;
      key = NULL;
      continue;
    }
    key = STREQ (line, "%NAME%") ? &name : STREQ (line, "%VERSION%") ? &evr :
      STREQ (line, "%DESC%") ? &desc : STREQ (line, "%URL%") ? &url :
      STREQ (line, "%ARCH%") ? &arch : NULL;
  }
  if (!name || !evr || !arch)
    return 0;
  copy = strdup (evr);
  if (copy == NULL)
    return -1;
  inspect_split_evr (copy, &epoch, &version, &release);
  /* The release is mandatory. */
  if (epoch < 0 || !release || !*version || !*release)
    return 0;
  return inspect_add_app (apps, name, "", epoch, version, release, arch,
                          "", "", url, "", "", desc);
}

int
inspect_list_pacman (int root, struct inspect_apps *apps)
{
  int fd = guest_open (root, "/var/lib/pacman/local", O_RDONLY | O_DIRECTORY, true);
  struct dirent *e;
  DIR *d;

  if (fd == -1) {
    reply_with_perror ("/var/lib/pacman/local");
    return -1;
  }
  d = fdopendir (fd);
  if (d == NULL) {
    reply_with_perror ("/var/lib/pacman/local");
    close (fd);
    return -1;
  }
  while ((e = readdir (d)) != NULL) {
    if (STREQ (e->d_name, ".") || STREQ (e->d_name, "..") ||
        (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN))
      continue;
    if (pacman_desc (root, e->d_name, apps) == -1) {
      reply_with_perror ("/var/lib/pacman/local/%s", e->d_name);
      closedir (d);
      return -1;
    }
  }
  closedir (d);
  return 0;
}
