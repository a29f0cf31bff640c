/* guestfsd: Linux software RAID with mdadm — md_create, md_detail,
 * md_stat, md_stop, list_md_devices.
 *
 * There is no udev in the appliance: mdadm makes the /dev/md/NAME links
 * itself (MDADM_NO_UDEV, set by storage_activate_once), but nothing
 * removes them when an array stops, so md_stop (and md_create, for
 * links left by arrays stopped outside it) drops links to arrays that
 * are no longer running. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <inttypes.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

/* md_create's optargs, in the table's order. */
#define OPT_MISSINGBITMAP (UINT64_C(1) << 0)
#define OPT_NRDEVICES     (UINT64_C(1) << 1)
#define OPT_SPARE         (UINT64_C(1) << 2)
#define OPT_CHUNK         (UINT64_C(1) << 3)
#define OPT_LEVEL         (UINT64_C(1) << 4)

#define MAX_MEMBERS 256
#define MDSTAT_MAX (1024 * 1024)

static const char *const levels[] = {
  "linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4",
  "raid5", "5", "raid6", "6", "raid10", "10", NULL
};

/* Is /sys/block/NAME a running (or assembling) MD array?  A stopped one
 * can linger there with array_state "clear". */
static bool
md_active (const char *name)
{
  char path[PATH_MAX], state[64];
  CLEANUP_CLOSE int fd = -1;
  ssize_t r;

  snprintf (path, sizeof path, "/sys/block/%s/md/array_state", name);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd == -1)
    return false;
  r = read (fd, state, sizeof state - 1);
  if (r <= 0)
    return false;
  state[r] = '\0';
  return !STRPREFIX (state, "clear");
}

char **
md_list_arrays (void)
{
  DIR *dir = opendir ("/sys/block");
  struct dirent *d;
  DECLARE_STRINGSBUF (sb);

  if (dir == NULL)
    return NULL;
  while ((d = readdir (dir)) != NULL) {
    char *dev;
    if (!STRPREFIX (d->d_name, "md") || !isdigit ((unsigned char) d->d_name[2]) ||
        !md_active (d->d_name))
      continue;
    if (asprintf (&dev, "/dev/%s", d->d_name) == -1 ||
        add_string_nodup (&sb, dev) == -1) {
      closedir (dir);
      free_stringsbuf (&sb);
      errno = ENOMEM;
      return NULL;
    }
  }
  closedir (dir);
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1) {
    errno = ENOMEM;
    return NULL;
  }
  return take_stringsbuf (&sb);
}

char **
do_list_md_devices (void)
{
  char **r;

  storage_activate_once ();
  r = md_list_arrays ();
  if (r == NULL)
    reply_with_perror ("/sys/block");
  return r;
}

/* Drop /dev/md/NAME links whose array is not running any more. */
static void
prune_links (void)
{
  DIR *dir = opendir ("/dev/md");
  struct dirent *d;

  if (dir == NULL)
    return;
  while ((d = readdir (dir)) != NULL) {
    char link[PATH_MAX], target[PATH_MAX];
    const char *base;
    ssize_t r;

    if (d->d_name[0] == '.')
      continue;
    snprintf (link, sizeof link, "/dev/md/%s", d->d_name);
    r = readlink (link, target, sizeof target - 1);
    if (r <= 0)
      continue;
    target[r] = '\0';
    base = strrchr (target, '/');
    base = base ? base + 1 : target;
    if (!md_active (base))
      unlink (link);
  }
  closedir (dir);
}

/* "NAME", "/dev/md/NAME" or "/dev/mdN", as mdadm --create takes them. */
static bool
valid_md_name (const char *name)
{
  const char *p = name;

  if (STRPREFIX (p, "/dev/md/"))
    p += 8;
  else if (STRPREFIX (p, "/dev/md")) {
    p += 7;
    if (*p == '\0')
      return false;
    for (; *p; ++p)
      if (!isdigit ((unsigned char) *p))
        return false;
    return true;
  }
  if (*p == '\0' || *p == '-' || *p == '.' || strlen (p) > 32)
    return false;
  for (; *p; ++p)
    if (!isalnum ((unsigned char) *p) && !strchr ("_-.:", *p))
      return false;
  return true;
}

static size_t
count_bits (uint64_t v)
{
  size_t n = 0;

  for (; v; v &= v - 1)
    n++;
  return n;
}

int
do_md_create (const char *name, char *const *devices, int64_t missingbitmap,
              int nrdevices, int spare, int64_t chunk, const char *level)
{
  uint64_t missing = optargs_bitmask & OPT_MISSINGBITMAP ? (uint64_t) missingbitmap : 0;
  size_t ndevs = daemon_count_strings (devices);
  const char *argv[MAX_MEMBERS + 80];
  char nr_s[32], spare_s[32], chunk_s[32];
  size_t n = 0, j = 0;
  bool ok = false;

  if (!valid_md_name (name)) {
    reply_with_error_errno (EINVAL, "%s: not a valid MD device name", name);
    return -1;
  }
  if (ndevs > MAX_MEMBERS) {
    reply_with_error_errno (E2BIG, "%s: too many devices (%zu)", name, ndevs);
    return -1;
  }
  if (optargs_bitmask & OPT_SPARE) {
    if (spare < 0) {
      reply_with_error_errno (EINVAL, "spare must not be negative");
      return -1;
    }
  }
  else
    spare = 0;
  if (optargs_bitmask & OPT_NRDEVICES) {
    if (nrdevices < 2) {
      reply_with_error_errno (EINVAL, "nrdevices is less than 2");
      return -1;
    }
  }
  else
    nrdevices = ndevs + count_bits (missing);
  if (optargs_bitmask & OPT_LEVEL) {
    for (size_t i = 0; levels[i]; ++i)
      if (STREQ (level, levels[i]))
        ok = true;
    if (!ok) {
      reply_with_error_errno (EINVAL, "unknown level parameter: %s", level);
      return -1;
    }
  }
  else
    level = "raid1";
  if (optargs_bitmask & OPT_CHUNK) {
    /* Bytes in the API, KiB to mdadm. */
    if (chunk <= 0 || (chunk & 1023) != 0) {
      reply_with_error_errno (EINVAL, "chunk size must be a positive multiple "
                              "of 1024 bytes");
      return -1;
    }
  }
  if (ndevs + count_bits (missing) != (size_t) nrdevices + spare) {
    reply_with_error_errno (EINVAL, "devices (%zu) + bits set in missingbitmap "
                            "(%zu) is not equal to nrdevices (%d) + spare (%d)",
                            ndevs, count_bits (missing), nrdevices, spare);
    return -1;
  }

  storage_activate_once ();
  prune_links ();
  argv[n++] = "mdadm";
  argv[n++] = "--create";
  /* --run: no "Continue creating array?" question. */
  argv[n++] = "--run";
  argv[n++] = name;
  argv[n++] = "--level";
  argv[n++] = level;
  argv[n++] = "--raid-devices";
  snprintf (nr_s, sizeof nr_s, "%d", nrdevices);
  argv[n++] = nr_s;
  if (optargs_bitmask & OPT_SPARE) {
    snprintf (spare_s, sizeof spare_s, "%d", spare);
    argv[n++] = "--spare-devices";
    argv[n++] = spare_s;
  }
  if (optargs_bitmask & OPT_CHUNK) {
    snprintf (chunk_s, sizeof chunk_s, "%" PRIi64, chunk / 1024);
    argv[n++] = "--chunk";
    argv[n++] = chunk_s;
  }
  /* The devices in order, "missing" where the bitmap says. */
  while (devices[j] || missing) {
    if (missing & 1)
      argv[n++] = "missing";
    else
      argv[n++] = devices[j++];
    missing >>= 1;
  }
  argv[n] = NULL;
  {
    CLEANUP_FREE char *err = NULL;
    int r = commandv (NULL, &err, argv, -1);

    if (r != 0) {
      if (err)
        lvm_tidy_message (err);
      reply_with_error ("%s: %s", name, err && *err ? err : "mdadm failed");
      return -1;
    }
  }
  return 0;
}

char **
do_md_detail (const char *md)
{
  const char *argv[] = { "mdadm", "--detail", "--export", md, NULL };
  CLEANUP_FREE char *api = daemon_device_to_api (md);
  CLEANUP_FREE char *out = NULL, *err = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  storage_activate_once ();
  if (commandv (&out, &err, argv, -1) != 0) {
    if (err)
      lvm_tidy_message (err);
    reply_with_error ("%s: %s", api ? api : md,
                      err && *err ? err : "not an MD device");
    return NULL;
  }
  lines = split_lines (out, strlen (out));
  if (lines == NULL)
    return NULL;
  /* MD_LEVEL=raid1 -> "level" => "raid1", as libguestfs. */
  for (size_t i = 0; lines[i]; ++i) {
    char *key = lines[i], *eq = strchr (key, '=');

    if (eq == NULL || eq == key)
      continue;
    *eq = '\0';
    if (STRPREFIX (key, "MD_")) {
      key += 3;
      for (char *p = key; *p; ++p)
        *p = tolower ((unsigned char) *p);
    }
    if (add_string (&sb, key) == -1 || add_string (&sb, eq + 1) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

static int
compare_index (const void *a, const void *b)
{
  const guestfs_int_mdstat *x = a, *y = b;

  return (x->mdstat_index > y->mdstat_index) - (x->mdstat_index < y->mdstat_index);
}

static void
free_mdstat_list (guestfs_int_mdstat_list *l)
{
  for (u_int i = 0; i < l->guestfs_int_mdstat_list_len; ++i) {
    free (l->guestfs_int_mdstat_list_val[i].mdstat_device);
    free (l->guestfs_int_mdstat_list_val[i].mdstat_flags);
  }
  free (l->guestfs_int_mdstat_list_val);
  free (l);
}

/* The members in the rest of a /proc/mdstat line,
 * "active raid1 sdb1[1] sda1[0](F) sdc1[2](S)", ordered by index. */
static guestfs_int_mdstat_list *
parse_members (char *line, const char *api)
{
  guestfs_int_mdstat_list *r = calloc (1, sizeof *r);
  char *save = NULL;

  if (r == NULL ||
      (r->guestfs_int_mdstat_list_val =
       calloc (MAX_MEMBERS, sizeof (guestfs_int_mdstat))) == NULL) {
    free (r);
    reply_with_perror ("calloc");
    return NULL;
  }
  for (char *tok = strtok_r (line, " \t\n", &save); tok;
       tok = strtok_r (NULL, " \t\n", &save)) {
    char *open = strchr (tok, '['), *close, *end, *dev;
    guestfs_int_mdstat *m;
    long idx;
    size_t nf = 0;

    if (open == NULL || (close = strchr (open, ']')) == NULL || open == tok)
      continue;                 /* "active", "raid1", ... */
    *open = '\0';
    *close = '\0';
    errno = 0;
    idx = strtol (open + 1, &end, 10);
    if (errno || *end || end == open + 1 || idx < 0 || idx > INT32_MAX ||
        strchr (tok, '/') || strlen (tok) > NAME_MAX ||
        r->guestfs_int_mdstat_list_len == MAX_MEMBERS) {
      reply_with_error ("%s: unexpected line in /proc/mdstat", api);
      free_mdstat_list (r);
      return NULL;
    }
    m = &r->guestfs_int_mdstat_list_val[r->guestfs_int_mdstat_list_len++];
    m->mdstat_index = idx;
    if (asprintf (&dev, "/dev/%s", tok) == -1 ||
        (m->mdstat_device = daemon_device_to_api (dev)) == NULL ||
        (m->mdstat_flags = malloc (strlen (close + 1) + 1)) == NULL) {
      free (dev);
      reply_with_perror ("malloc");
      free_mdstat_list (r);
      return NULL;
    }
    free (dev);
    /* "(F)(S)..." -> "FS" */
    for (const char *p = close + 1; *p; ++p)
      if (isalpha ((unsigned char) *p))
        m->mdstat_flags[nf++] = *p;
    m->mdstat_flags[nf] = '\0';
  }
  qsort (r->guestfs_int_mdstat_list_val, r->guestfs_int_mdstat_list_len,
         sizeof (guestfs_int_mdstat), compare_index);
  return r;
}

guestfs_int_mdstat_list *
do_md_stat (const char *md)
{
  CLEANUP_FREE char *api = daemon_device_to_api (md);
  CLEANUP_FREE char *buf = NULL;
  CLEANUP_CLOSE int fd = -1;
  const char *name = STRPREFIX (md, "/dev/") ? md + 5 : md;
  size_t namelen = strlen (name);

  storage_activate_once ();
  fd = open ("/proc/mdstat", O_RDONLY | O_CLOEXEC);
  if (fd == -1 || (buf = read_whole_fd (fd, MDSTAT_MAX, NULL)) == NULL) {
    reply_with_perror ("/proc/mdstat");
    return NULL;
  }
  /* The array's line is "md127 : active raid1 sdb1[1] sda1[0]". */
  for (char *line = buf, *next; line && *line; line = next) {
    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    if (strncmp (line, name, namelen) == 0 &&
        strncmp (line + namelen, " : ", 3) == 0)
      return parse_members (line + namelen + 3, api ? api : md);
  }
  reply_with_error_errno (ENOENT, "%s: not a running MD device", api ? api : md);
  return NULL;
}

int
do_md_stop (const char *md)
{
  const char *argv[] = { "mdadm", "--stop", md, NULL };
  CLEANUP_FREE char *api = daemon_device_to_api (md);
  CLEANUP_FREE char *err = NULL;

  storage_activate_once ();
  if (commandv (NULL, &err, argv, -1) != 0) {
    if (err)
      lvm_tidy_message (err);
    reply_with_error ("%s: %s", api ? api : md, err && *err ? err : "mdadm failed");
    return -1;
  }
  prune_links ();
  return 0;
}
