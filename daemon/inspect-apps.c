/* guestfsd: inspect_list_applications2 and the deprecated
 * inspect_list_applications.  The root's filesystems are mounted
 * read-only on a private directory as the guest mounts them, the
 * package database of its format is read (inspect-apps-linux.c,
 * inspect-rpm.c, inspect-apps-win.c), and the list is returned sorted
 * by name.  Unlike libguestfs, the caller need not mount anything. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "inspect.h"

#define APP_STRING_MAX 4096
#define APP_DESCRIPTION_MAX (64 * 1024)

static char *
bounded (const char *s, size_t max)
{
  return strndup (s ? s : "", max);
}

int
inspect_add_app (struct inspect_apps *apps, const char *name,
                 const char *display_name, int32_t epoch,
                 const char *version, const char *release, const char *arch,
                 const char *install_path, const char *publisher,
                 const char *url, const char *source, const char *summary,
                 const char *description)
{
  struct inspect_app *a;

  if (apps->n >= INSPECT_APPS_MAX) {
    errno = E2BIG;
    return -1;
  }
  if (apps->n == apps->alloc) {
    size_t alloc = apps->alloc ? apps->alloc * 2 : 64;
    struct inspect_app *v = realloc (apps->v, alloc * sizeof *v);
    if (v == NULL)
      return -1;
    apps->v = v;
    apps->alloc = alloc;
  }
  a = &apps->v[apps->n];
  a->name = bounded (name, APP_STRING_MAX);
  a->display_name = bounded (display_name, APP_STRING_MAX);
  a->epoch = epoch;
  a->version = bounded (version, APP_STRING_MAX);
  a->release = bounded (release, APP_STRING_MAX);
  a->arch = bounded (arch, APP_STRING_MAX);
  a->install_path = bounded (install_path, APP_STRING_MAX);
  a->publisher = bounded (publisher, APP_STRING_MAX);
  a->url = bounded (url, APP_STRING_MAX);
  a->source_package = bounded (source, APP_STRING_MAX);
  a->summary = bounded (summary, APP_STRING_MAX);
  a->description = bounded (description, APP_DESCRIPTION_MAX);
  apps->n++;
  if (!a->name || !a->display_name || !a->version || !a->release ||
      !a->arch || !a->install_path || !a->publisher || !a->url ||
      !a->source_package || !a->summary || !a->description)
    return -1;
  return 0;
}

static void
free_app (struct inspect_app *a)
{
  free (a->name);
  free (a->display_name);
  free (a->version);
  free (a->release);
  free (a->arch);
  free (a->install_path);
  free (a->publisher);
  free (a->url);
  free (a->source_package);
  free (a->summary);
  free (a->description);
}

void
inspect_free_apps (struct inspect_apps *apps)
{
  for (size_t i = 0; i < apps->n; ++i)
    free_app (&apps->v[i]);
  free (apps->v);
  apps->v = NULL;
  apps->n = apps->alloc = 0;
}

void
inspect_split_evr (char *evr, int32_t *epoch, char **version, char **release)
{
  char *colon = strchr (evr, ':'), *dash;

  *epoch = 0;
  if (colon) {
    char *end;
    long e;
    *colon = '\0';
    errno = 0;
    e = strtol (evr, &end, 10);
    *epoch = (errno || end == evr || *end || e < 0 || e > INT32_MAX) ? -1 : (int32_t) e;
    evr = colon + 1;
  }
  dash = strchr (evr, '-');
  if (dash)
    *dash++ = '\0';
  *version = evr;
  *release = dash;
}

static int
compare_apps (const void *a, const void *b)
{
  const struct inspect_app *x = a, *y = b;

  return strcmp (x->name, y->name);
}

/* The applications of a root, sorted.  Replies and returns -1 on
 * error. */
static int
list_apps (const char *root_arg, struct inspect_apps *apps)
{
  struct inspect_fs *fs = inspect_find_root (root_arg);
  const char *type, *format;
  char *dir;
  int root, r = 0;

  if (fs == NULL)
    return -1;
  type = fs->os_type ? fs->os_type : "";
  format = fs->package_format ? fs->package_format : "";
  if (!((STREQ (type, "linux") || STREQ (type, "hurd")) &&
        (STREQ (format, "rpm") || STREQ (format, "deb") ||
         STREQ (format, "pacman") || STREQ (format, "apk"))) &&
      !STREQ (type, "windows"))
    return 0;                   /* no known package database: empty */

  dir = inspect_mount_root_tree (fs);
  if (dir == NULL)
    return -1;
  root = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root == -1) {
    reply_with_perror ("%s", dir);
    inspect_unmount_private (dir);
    return -1;
  }
  if (STREQ (type, "windows"))
    r = inspect_list_windows_apps (root, fs, apps);
  else if (STREQ (format, "rpm"))
    r = inspect_list_rpm (root, apps);
  else if (STREQ (format, "deb"))
    r = inspect_list_deb (root, apps);
  else if (STREQ (format, "pacman"))
    r = inspect_list_pacman (root, apps);
  else
    r = inspect_list_apk (root, apps);
  close (root);
  inspect_unmount_private (dir);
  if (r == 0 && apps->n > 0)
    qsort (apps->v, apps->n, sizeof apps->v[0], compare_apps);
  return r;
}

guestfs_int_application2_list *
do_inspect_list_applications2 (const char *root)
{
  struct inspect_apps apps = { NULL, 0, 0 };
  guestfs_int_application2_list *r;

  if (list_apps (root, &apps) == -1) {
    inspect_free_apps (&apps);
    return NULL;
  }
  r = calloc (1, sizeof *r);
  if (r == NULL || (r->guestfs_int_application2_list_val =
                    calloc (apps.n ? apps.n : 1, sizeof (guestfs_int_application2))) == NULL) {
    reply_with_perror ("calloc");
    free (r);
    inspect_free_apps (&apps);
    return NULL;
  }
  r->guestfs_int_application2_list_len = apps.n;
  for (size_t i = 0; i < apps.n; ++i) {
    guestfs_int_application2 *o = &r->guestfs_int_application2_list_val[i];
    struct inspect_app *a = &apps.v[i];

    /* The strings move into the reply. */
    o->app2_name = a->name;
    o->app2_display_name = a->display_name;
    o->app2_epoch = a->epoch;
    o->app2_version = a->version;
    o->app2_release = a->release;
    o->app2_arch = a->arch;
    o->app2_install_path = a->install_path;
    o->app2_trans_path = strdup ("");
    o->app2_publisher = a->publisher;
    o->app2_url = a->url;
    o->app2_source_package = a->source_package;
    o->app2_summary = a->summary;
    o->app2_description = a->description;
    o->app2_spare1 = strdup ("");
    o->app2_spare2 = strdup ("");
    o->app2_spare3 = strdup ("");
    o->app2_spare4 = strdup ("");
    if (!o->app2_trans_path || !o->app2_spare1 || !o->app2_spare2 ||
        !o->app2_spare3 || !o->app2_spare4) {
      for (size_t j = i + 1; j < apps.n; ++j)
        free_app (&apps.v[j]);
      free (apps.v);
      xdr_free ((xdrproc_t) xdr_guestfs_int_application2_list, (char *) r);
      free (r);
      reply_with_perror ("strdup");
      return NULL;
    }
  }
  free (apps.v);
  return r;
}

guestfs_int_application_list *
do_inspect_list_applications (const char *root)
{
  struct inspect_apps apps = { NULL, 0, 0 };
  guestfs_int_application_list *r;

  if (list_apps (root, &apps) == -1) {
    inspect_free_apps (&apps);
    return NULL;
  }
  r = calloc (1, sizeof *r);
  if (r == NULL || (r->guestfs_int_application_list_val =
                    calloc (apps.n ? apps.n : 1, sizeof (guestfs_int_application))) == NULL) {
    reply_with_perror ("calloc");
    free (r);
    inspect_free_apps (&apps);
    return NULL;
  }
  r->guestfs_int_application_list_len = apps.n;
  for (size_t i = 0; i < apps.n; ++i) {
    guestfs_int_application *o = &r->guestfs_int_application_list_val[i];
    struct inspect_app *a = &apps.v[i];

    o->app_name = a->name;
    o->app_display_name = a->display_name;
    o->app_epoch = a->epoch;
    o->app_version = a->version;
    o->app_release = a->release;
    o->app_install_path = a->install_path;
    o->app_trans_path = strdup ("");
    o->app_publisher = a->publisher;
    o->app_url = a->url;
    o->app_source_package = a->source_package;
    o->app_summary = a->summary;
    o->app_description = a->description;
    free (a->arch);
    if (o->app_trans_path == NULL) {
      for (size_t j = i + 1; j < apps.n; ++j)
        free_app (&apps.v[j]);
      free (apps.v);
      xdr_free ((xdrproc_t) xdr_guestfs_int_application_list, (char *) r);
      free (r);
      reply_with_perror ("strdup");
      return NULL;
    }
  }
  free (apps.v);
  return r;
}
