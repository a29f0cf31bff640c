/* virt-df: display free space on virtual filesystems.  Parses the
 * command line, groups the -a images into guests and runs the statvfs
 * walk of each guest on its own handle.
 *
 * As with libguestfs, all the -a images normally belong to one guest
 * (shown as "first.img+"), examined by a single appliance.  With
 * --one-per-guest each -a image is a guest of its own; those guests are
 * independent, so up to -P of them are examined at the same time, each
 * on its own handle and appliance, and their rows are printed in command
 * line order once done.  With neither -a nor -d, every guest of the
 * libvirt connection is one (domains.c).  With --json (json.c) each guest's filesystems
 * are collected as JSON objects and one document is printed at the end.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <unistd.h>

#include "options.h"
#include "df.h"
#include "json-print.h"

enum {
  OPT_CSV = TOOLS_OPT_TOOL,
  OPT_JSON,
  OPT_ONE_PER_GUEST,
  OPT_UUID,
};

/* Memory one appliance needs on the host (its RAM and qemu's own), to
 * bound the number of appliances run at once by default.
 */
#define APPLIANCE_HOST_MB 1024

struct guest {
  size_t first, count;          /* its drives in tools.drives */
  char *name;                   /* the name column */
  char *output;                 /* its rows, once done */
  json_object *json;            /* --json: its filesystems, once done */
  size_t output_len;
  int failed;
};

static struct guest *guests;
static size_t nr_guests;
static size_t next_guest;
static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;

static void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-df: display free space on virtual filesystems\n"
          "Copyright (C) 2010 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-df [--options] -d domname\n"
          "  virt-df [--options] -a disk.img [-a disk.img ...]\n");
  tools_print_options ("  --csv                Output as Comma-Separated Values\n"
                       "  -h|--human-readable  Print sizes in human-readable format\n"
                       "  -i|--inodes          Display inodes\n"
                       "  --json               Output as JSON\n"
                       "  --one-per-guest      Separate appliance per guest\n"
                       "  -P nr_threads        Use at most nr_threads\n"
                       "  --uuid               Print UUIDs instead of names\n");
  printf ("For more information, see the manpage virt-df(1).\n");
  exit (status);
}

static const char short_options[] = TOOLS_SHORT_OPTIONS "hiP:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  { "csv", 0, 0, OPT_CSV },
  { "human-readable", 0, 0, 'h' },
  { "inodes", 0, 0, 'i' },
  { "json", 0, 0, OPT_JSON },
  { "one-per-guest", 0, 0, OPT_ONE_PER_GUEST },
  { "uuid", 0, 0, OPT_UUID },
  { 0, 0, 0, 0 }
};

static void *
xmalloc (size_t n)
{
  void *p = calloc (1, n);

  if (p == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  return p;
}

/* libguestfs's name for a guest: the domain's name (-d) or the first
 * image's base name (-a), and one "+" for each further image.
 */
static char *
display_name (size_t first, size_t count)
{
  const char *f = tools.drives[first].filename;
  const char *base = tools.drives[first].domain ? tools.drives[first].domain :
    strrchr (f, '/') ? strrchr (f, '/') + 1 : f;
  size_t len = strlen (base);
  char *name = xmalloc (len + count);

  memcpy (name, base, len);
  memset (name + len, '+', count - 1);
  name[len + count - 1] = '\0';
  return name;
}

/* --uuid: a -d guest is shown by its UUID (an image has none). */
static char *
uuid_name (size_t first, size_t count)
{
  const char *dom = tools.drives[first].domain;
  char *uuid;

  if (dom == NULL)
    return display_name (first, count);
  uuid = df_domain_uuid (tools.libvirt_uri, dom);
  if (uuid == NULL)
    exit (EXIT_FAILURE);
  return uuid;
}

static void
make_guests (int one_per_guest, int uuids)
{
  size_t i;

  nr_guests = one_per_guest ? tools.nr_drives : 1;
  guests = xmalloc (nr_guests * sizeof *guests);
  for (i = 0; i < nr_guests; ++i) {
    guests[i].first = one_per_guest ? i : 0;
    guests[i].count = one_per_guest ? 1 : tools.nr_drives;
    guests[i].name = uuids ? uuid_name (guests[i].first, guests[i].count) :
      display_name (guests[i].first, guests[i].count);
  }
}

/* No -a or -d: every guest of the libvirt connection, each on its own,
 * in name order; the guests' names are kept for the drives (tools.drives
 * points at them) until the end.
 */
static struct df_domain *all_domains;
static size_t nr_all_domains;

static void
add_all_domains (void)
{
  size_t i;

  if (df_list_domains (tools.libvirt_uri, &all_domains,
                       &nr_all_domains) == -1) {
    /* Without -c the user may simply have forgotten -a. */
    if (tools.libvirt_uri == NULL)
      tools_error ("with neither -a nor -d, virt-df examines every libvirt "
                   "guest: use -a to name disk images, or -c for another "
                   "libvirt connection");
    exit (EXIT_FAILURE);
  }
  for (i = 0; i < nr_all_domains; ++i)
    tools_handle_option ('d', all_domains[i].name);
}

static void
free_all_domains (void)
{
  for (size_t i = 0; i < nr_all_domains; ++i) {
    free (all_domains[i].name);
    free (all_domains[i].uuid);
  }
  free (all_domains);
}

/* Add a guest's drives read-only to a new handle and launch it. */
static guestfs_h *
open_guest (const struct guest *gu)
{
  guestfs_h *g = guestfs_create ();
  size_t i;

  if (g == NULL)
    return NULL;
  guestfs_set_verbose (g, guestfs_get_verbose (tools.g));
  guestfs_set_trace (g, guestfs_get_trace (tools.g));
  for (i = gu->first; i < gu->first + gu->count; ++i)
    if (tools_add_drive (g, &tools.drives[i], 1) == -1)
      goto fail;
  if (guestfs_launch (g) == -1)
    goto fail;
  return g;

 fail:
  guestfs_close (g);
  return NULL;
}

static void
run_guest (struct guest *gu)
{
  FILE *fp = open_memstream (&gu->output, &gu->output_len);
  guestfs_h *g;

  if (fp == NULL) {
    perror ("open_memstream");
    gu->failed = 1;
    return;
  }
  if (df_mode.json)
    gu->json = json_object_new_array ();
  g = open_guest (gu);
  if (g == NULL || df_guest (g, gu->name, fp, gu->json) == -1 ||
      guestfs_shutdown (g) == -1)
    gu->failed = 1;
  if (g != NULL)
    guestfs_close (g);
  if (fclose (fp) == EOF)
    gu->failed = 1;
}

static void *
worker (void *arg)
{
  size_t i;

  for (;;) {
    pthread_mutex_lock (&next_lock);
    i = next_guest++;
    pthread_mutex_unlock (&next_lock);
    if (i >= nr_guests)
      return NULL;
    run_guest (&guests[i]);
  }
}

/* -P 0 (the default): as many appliances as there are processors and
 * memory for; they are CPU-bound under TCG, so more would not help.
 */
static size_t
auto_threads (void)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  long pages = sysconf (_SC_AVPHYS_PAGES), pagesize = sysconf (_SC_PAGESIZE);
  long long mb = (long long) pages * pagesize / (1024 * 1024);
  size_t n = cpus > 0 ? (size_t) cpus : 1;

  if (mb > 0 && (size_t) (mb / APPLIANCE_HOST_MB) < n)
    n = (size_t) (mb / APPLIANCE_HOST_MB);
  return n > 0 ? n : 1;
}

static void
run_all (size_t nr_threads)
{
  pthread_t *tids;
  size_t i, n;
  int err;

  if (nr_threads == 0)
    nr_threads = auto_threads ();
  n = nr_threads < nr_guests ? nr_threads : nr_guests;
  if (n <= 1) {
    worker (NULL);
    return;
  }
  tids = xmalloc (n * sizeof *tids);
  for (i = 0; i < n; ++i) {
    err = pthread_create (&tids[i], NULL, worker, NULL);
    if (err != 0) {
      errno = err;
      perror ("virt-df: pthread_create");
      exit (EXIT_FAILURE);
    }
  }
  for (i = 0; i < n; ++i)
    pthread_join (tids[i], NULL);
  free (tids);
}

static size_t
parse_threads (const char *arg)
{
  char *end;
  long v;

  errno = 0;
  v = strtol (arg, &end, 10);
  if (errno || end == arg || *end || v < 0 || v > INT_MAX) {
    tools_error ("-P option is not numeric");
    exit (EXIT_FAILURE);
  }
  return (size_t) v;
}

int
main (int argc, char *argv[])
{
  int one_per_guest = 0, uuids = 0, all = 0, c, r = 0;
  size_t nr_threads = 0, i;
  json_object *doc = NULL;

  tools_init ("virt-df", argv, usage, short_options, long_options);

  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    /* Ours first: -i means --inodes here, not --inspector. */
    switch (c) {
    case 'h': df_mode.human = 1; break;
    case 'i': df_mode.inodes = 1; break;
    case 'P': nr_threads = parse_threads (optarg); break;
    case OPT_CSV: df_mode.csv = 1; break;
    case OPT_JSON: df_mode.json = 1; break;
    case OPT_ONE_PER_GUEST: one_per_guest = 1; break;
    case OPT_UUID: uuids = 1; break;
    default:
      if (!tools_handle_option (c, optarg))
        usage (EXIT_FAILURE);
    }
  }
  /* Old style: bare disk image names are like -a. */
  while (optind < argc)
    tools_handle_option ('a', argv[optind++]);

  if (df_mode.csv && df_mode.human) {
    tools_error ("you cannot use -h and --csv options together.");
    exit (EXIT_FAILURE);
  }
  tools_check_json (df_mode.json, df_mode.csv, df_mode.human);
  if (tools.nr_drives == 0) {
    add_all_domains ();
    all = one_per_guest = 1;
  }
  if (!all || nr_all_domains > 0)
    tools_check_drives ();

  make_guests (one_per_guest, uuids);
  run_all (nr_threads);

  if (df_mode.json)
    doc = json_object_new_array ();
  else
    df_print_title (stdout);
  for (i = 0; i < nr_guests; ++i) {
    /* A guest that failed is left out, as in the text output. */
    if (doc && !guests[i].failed)
      json_object_array_add (doc, df_json_guest (guests[i].name,
                                                 guests[i].json));
    else if (doc)
      json_object_put (guests[i].json);
    else if (guests[i].output)
      fwrite (guests[i].output, 1, guests[i].output_len, stdout);
    if (guests[i].failed)
      r = -1;
    free (guests[i].output);
    free (guests[i].name);
  }
  free (guests);
  if (doc) {
    json_object *top = json_object_new_object ();

    json_object_object_add (top, "guests", doc);
    tools_json_print (top);
  }
  guestfs_close (tools.g);
  free_all_domains ();
  if (fflush (stdout) == EOF || ferror (stdout)) {
    perror ("virt-df: stdout");
    r = -1;
  }
  exit (r == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
