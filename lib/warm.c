/* libguestfs (guestkit): warm launches.  The appliance is booted once
 * with no user drives and its RAM in a file (shared mapping); when its
 * daemon is idle, qemu's migration saves the device state (the RAM is
 * left out: x-ignore-shared) and that appliance stops.  Every launch
 * then starts qemu with -incoming from the device state and the RAM file
 * mapped privately: running again in a fraction of the boot time,
 * reading only the pages it touches, sharing the rest with other
 * appliances through the page cache.  The user's drives are then
 * hot-plugged (hotplug.c) and the daemon given fresh entropy and the
 * clock.
 *
 * The state is keyed by everything it depends on: qemu's whole command
 * line (binary, machine, CPU, memory, devices, kernel, initrd, kernel
 * options) and the identity of the qemu binary, kernel and initrd files
 * (the daemon lives in the initrd).  Anything that does not match means
 * a cold boot that saves a new state.  Every failure here only makes the
 * caller boot cold: the reason goes to the debug log, never to the user.
 * LIBGUESTFS_BACKEND_SETTINGS=no_snapshot turns all this off. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* Restoring takes well under a second; saving a few. */
#define RESTORE_TIMEOUT_MS 20000
#define SAVE_TIMEOUT_MS 120000
#define MONITOR_TIMEOUT_MS 20000
/* States of other configurations nobody used for this long are removed. */
#define STATE_MAX_IDLE_SECS (24 * 3600)
#define STATE_MAX_KEPT 4

static uint64_t
fnv64 (const char *s)
{
  uint64_t h = 14695981039346656037ULL;

  for (; *s; ++s)
    h = (h ^ (unsigned char) *s) * 1099511628211ULL;
  return h;
}

/* Why the warm path cannot serve this launch, or NULL. */
static const char *
not_possible (guestfs_h *g)
{
  if (guestfs_int_has_backend_setting (g, "no_snapshot"))
    return "LIBGUESTFS_BACKEND_SETTINGS=no_snapshot";
  if (g->direct)
    return "direct mode";
  if (g->network)
    return "network enabled";
  if (g->nr_hv_params > 0)
    return "extra qemu parameters (config)";
  for (size_t i = 0; i < g->nr_drives; ++i)
    if (g->drives[i]->virtio_blk)
      return "a virtio-blk drive (not hot-pluggable here)";
  return NULL;
}

static void
put_identity (FILE *fp, const char *path)
{
  struct stat st;

  if (stat (path, &st) == -1)
    fprintf (fp, "%s missing\n", path);
  else
    fprintf (fp, "%s %llu %lld.%09ld %llu %llu\n", path,
             (unsigned long long) st.st_size, (long long) st.st_mtim.tv_sec,
             st.st_mtim.tv_nsec, (unsigned long long) st.st_ino,
             (unsigned long long) st.st_dev);
}

static char *
state_key (guestfs_h *g, const struct appliance *ap, const struct launch_mode *m)
{
  char *cmdline = guestfs_int_qemu_cmdline_key (g, ap, m);
  char *qemu = guestfs_int_hv_path (g);
  char *key = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&key, &len);

  if (fp == NULL)
    abort ();
  fprintf (fp, "guestkit %s state 1\n%s", PACKAGE_VERSION, cmdline);
  put_identity (fp, qemu ? qemu : guestfs_int_hv (g));
  put_identity (fp, ap->kernel);
  put_identity (fp, ap->initrd);
  fclose (fp);
  free (cmdline);
  free (qemu);
  return key;
}

static bool
key_matches (guestfs_h *g, const char *keyfile, const char *key)
{
  char *s = guestfs_int_read_small_file (keyfile, 1024 * 1024);
  bool ok = s && STREQ (s, key);

  if (s && !ok)
    debug (g, "warm launch: %s is for another configuration", keyfile);
  free (s);
  return ok;
}

static void
remove_state (guestfs_h *g, int dirfd, const char *cachedir, const char *name)
{
  char key[80];

  debug (g, "warm launch: removing the unused %s/%s", cachedir, name);
  unlinkat (dirfd, name, 0);
  snprintf (key, sizeof key, "%s.key", name);
  unlinkat (dirfd, key, 0);
  snprintf (key, sizeof key, "%s.lock", name);
  unlinkat (dirfd, key, 0);
  snprintf (key, sizeof key, "%s.ram", name);
  unlinkat (dirfd, key, 0);
}

static int
write_file_atomic (guestfs_h *g, const char *path, const char *content)
{
  char *tmp = safe_asprintf (g, "%s.tmpXXXXXX", path);
  int fd = mkostemp (tmp, O_CLOEXEC);
  size_t len = strlen (content);
  int ret = -1;

  if (fd == -1) {
    perrorf (g, "%s", tmp);
    free (tmp);
    return -1;
  }
  if (write (fd, content, len) == (ssize_t) len && close (fd) == 0) {
    fd = -1;
    if (rename (tmp, path) == 0)
      ret = 0;
  }
  if (ret == -1) {
    perrorf (g, "%s", path);
    if (fd >= 0)
      close (fd);
    unlink (tmp);
  }
  free (tmp);
  return ret;
}

/* States of other configurations (an older qemu, kernel or guestkit,
 * other memory sizes...) are removed when nobody restored them for a
 * day, and beyond the few most recently used: each is 100-250 MB. */
struct state_file {
  char name[64];
  time_t used;
};

static int
newest_first (const void *a, const void *b)
{
  const struct state_file *x = a, *y = b;

  return (x->used < y->used) - (x->used > y->used);
}

static void
prune_states (guestfs_h *g, const char *cachedir, const char *keep)
{
  DIR *d = opendir (cachedir);
  struct dirent *e;
  struct state_file *list = NULL;
  size_t n = 0;
  time_t now = time (NULL);

  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL) {
    struct stat st;
    if (strncmp (e->d_name, "state-", 6) != 0 || strchr (e->d_name, '.') ||
        strlen (e->d_name) >= sizeof list[0].name || STREQ (e->d_name, keep) ||
        fstatat (dirfd (d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1)
      continue;
    list = safe_realloc (g, list, (n + 1) * sizeof *list);
    snprintf (list[n].name, sizeof list[n].name, "%s", e->d_name);
    list[n++].used = st.st_mtime;
  }
  if (n > 0)             /* qsort's first argument must not be NULL */
    qsort (list, n, sizeof *list, newest_first);
  for (size_t i = 0; i < n; ++i)
    if (i >= STATE_MAX_KEPT - 1 || now - list[i].used > STATE_MAX_IDLE_SECS)
      remove_state (g, dirfd (d), cachedir, list[i].name);
  free (list);
  closedir (d);
}

/* Poll `cmd` (query-status, query-migrate) until the "status" of its
 * answer is none of `passing` (NULL-terminated): that status, to free,
 * or NULL with the error set. */
static char *
poll_status (guestfs_h *g, const char *cmd, const char *const *passing, int timeout_ms)
{
  double deadline = guestfs_int_now () + timeout_ms / 1000.0;

  for (;;) {
    json_object *r = guestfs_int_qmp (g, cmd, NULL, -1, MONITOR_TIMEOUT_MS), *st;
    const char *s;
    bool pass = false;

    if (r == NULL)
      return NULL;
    s = json_object_object_get_ex (r, "status", &st) ? json_object_get_string (st) : NULL;
    s = s ? s : "";
    for (size_t i = 0; passing[i]; ++i)
      pass |= STREQ (s, passing[i]);
    if (!pass) {
      char *ret = safe_strdup (g, s);
      json_object_put (r);
      return ret;
    }
    json_object_put (r);
    if (guestfs_int_now () > deadline) {
      error (g, "%s: still '%s' after %d ms", cmd, s, timeout_ms);
      return NULL;
    }
    struct timespec ts = { 0, 2000000 };
    nanosleep (&ts, NULL);
  }
}

static int
wait_migration (guestfs_h *g)
{
  static const char *const passing[] = {
    "none", "setup", "active", "pre-switchover", "device", NULL,
  };
  char *st = poll_status (g, "query-migrate", passing, SAVE_TIMEOUT_MS);
  int r = st && STREQ (st, "completed") ? 0 : -1;

  if (st && r == -1)
    error (g, "saving the appliance failed (migration %s)", st);
  free (st);
  return r;
}

/* Both sides of the migration leave the shared RAM out of the stream:
 * it is the file. */
static int
set_ignore_shared (guestfs_h *g)
{
  json_object *cap = json_object_new_object (), *caps = json_object_new_array ();
  json_object *args = json_object_new_object ();

  json_object_object_add (cap, "capability", json_object_new_string ("x-ignore-shared"));
  json_object_object_add (cap, "state", json_object_new_boolean (1));
  json_object_array_add (caps, cap);
  json_object_object_add (args, "capabilities", caps);
  return guestfs_int_qmp_simple (g, "migrate-set-capabilities", args, MONITOR_TIMEOUT_MS);
}

/* Save the running, idle appliance: its RAM is already in the shared
 * file; the device state goes to path (atomically).  The appliance is
 * left stopped. */
static int
save_state (guestfs_h *g, const char *path)
{
  char *tmp = safe_asprintf (g, "%s.tmpXXXXXX", path);
  double t0 = guestfs_int_now ();
  json_object *args;
  int fd, r;

  fd = mkostemp (tmp, O_CLOEXEC);
  if (fd == -1) {
    perrorf (g, "%s", tmp);
    free (tmp);
    return -1;
  }
  r = guestfs_int_qmp_simple (g, "stop", NULL, MONITOR_TIMEOUT_MS);
  if (r == 0)
    r = set_ignore_shared (g);
  if (r == 0) {
    /* qemu's default limit (32 MiB/s) is for live migration over networks. */
    args = json_object_new_object ();
    json_object_object_add (args, "max-bandwidth", json_object_new_int64 (INT64_C (1) << 40));
    r = guestfs_int_qmp_simple (g, "migrate-set-parameters", args, MONITOR_TIMEOUT_MS);
  }
  if (r == 0) {
    args = json_object_new_object ();
    json_object_object_add (args, "fdname", json_object_new_string ("state"));
    json_object *ret = guestfs_int_qmp (g, "getfd", args, fd, MONITOR_TIMEOUT_MS);
    r = ret ? 0 : -1;
    json_object_put (ret);
  }
  close (fd);
  if (r == 0) {
    args = json_object_new_object ();
    json_object_object_add (args, "uri", json_object_new_string ("fd:state"));
    r = guestfs_int_qmp_simple (g, "migrate", args, MONITOR_TIMEOUT_MS);
  }
  if (r == 0)
    r = wait_migration (g);
  if (r == 0 && rename (tmp, path) == -1) {
    perrorf (g, "rename %s", path);
    r = -1;
  }
  if (r == -1)
    unlink (tmp);
  else
    debug (g, "warm launch: saved the appliance in %.3f s to %s",
           guestfs_int_now () - t0, path);
  free (tmp);
  return r;
}

static int
restore (guestfs_h *g, const struct appliance *ap, struct launch_mode *m,
         const char *path, const char *ram)
{
  static const char *const restoring[] = { "inmigrate", NULL };
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  json_object *args;
  char *st;
  int r;

  if (fd == -1) {
    perrorf (g, "%s", path);
    return -1;
  }
  m->incoming_fd = fd;
  m->restoring = true;
  m->ram_path = ram;
  m->ram_shared = false;
  m->wait_hello = false;
  r = guestfs_int_launch_direct (g, ap, m, RESTORE_TIMEOUT_MS);
  close (fd);
  if (r == -1)
    return -1;
  args = json_object_new_object ();
  json_object_object_add (args, "uri", json_object_new_string (guestfs_int_incoming_uri ()));
  if (set_ignore_shared (g) == -1) {
    json_object_put (args);             /* qmp_simple did not take it */
    return -1;
  }
  if (guestfs_int_qmp_simple (g, "migrate-incoming", args, MONITOR_TIMEOUT_MS) == -1)
    return -1;
  /* The state was saved from a stopped VM, so it arrives stopped. */
  st = poll_status (g, "query-status", restoring, RESTORE_TIMEOUT_MS);
  if (st == NULL)
    return -1;
  if (!STREQ (st, "paused") && !STREQ (st, "running")) {
    error (g, "the restored VM is in state '%s'", st);
    free (st);
    return -1;
  }
  r = STREQ (st, "paused") ? guestfs_int_qmp_simple (g, "cont", NULL, MONITOR_TIMEOUT_MS) : 0;
  free (st);
  if (r == -1)
    return -1;
  g->t_restored = guestfs_int_now ();
  utimensat (AT_FDCWD, path, NULL, 0);       /* in use: not pruned */
  return guestfs_int_reseed (g);
}

/* Boot without drives, save, and stop that appliance.  0: the state and
 * its RAM file are in place. */
static int
boot_and_save (guestfs_h *g, const struct appliance *ap, struct launch_mode *m,
               const char *path, const char *ram, const char *keyfile, const char *key)
{
  char *ramtmp = safe_asprintf (g, "%s.tmpXXXXXX", ram);
  int fd = mkostemp (ramtmp, O_CLOEXEC), r;

  if (fd == -1) {
    perrorf (g, "%s", ramtmp);
    free (ramtmp);
    return -1;
  }
  close (fd);
  m->ram_path = ramtmp;
  m->ram_shared = true;
  r = guestfs_int_launch_direct (g, ap, m, LAUNCH_TIMEOUT_SECS * 1000);
  m->ram_path = NULL;
  if (r == 0)
    r = save_state (g, path);
  /* Stopped, or it would go on writing the saved RAM. */
  guestfs_int_close_connection (g);
  g->state = LAUNCHING;
  if (r == 0 && rename (ramtmp, ram) == -1) {
    perrorf (g, "rename %s", ram);
    r = -1;
  }
  if (r == 0)
    r = write_file_atomic (g, keyfile, key);
  if (r == -1) {
    unlink (ramtmp);
    unlink (path);
  }
  free (ramtmp);
  return r;
}

int
guestfs_int_launch_warm (guestfs_h *g, const struct appliance *ap, bool use_kvm)
{
  struct launch_mode m = {
    .use_kvm = use_kvm, .with_drives = false, .qmp = true,
    .incoming_fd = -1, .ram_path = "RAM-FILE", .wait_hello = true,
  };
  const char *why = not_possible (g);
  char *cachedir, *key, *base, *path, *ram, *keyfile, *lockfile;
  int lockfd = -1, ret = -1;

  if (why) {
    debug (g, "warm launch: not used (%s)", why);
    return -1;
  }
  cachedir = guestfs_int_get_cachedir (g);
  key = state_key (g, ap, &m);
  m.ram_path = NULL;
  base = safe_asprintf (g, "state-%016llx", (unsigned long long) fnv64 (key));
  path = safe_asprintf (g, "%s/%s", cachedir, base);
  ram = safe_asprintf (g, "%s.ram", path);
  keyfile = safe_asprintf (g, "%s.key", path);
  lockfile = safe_asprintf (g, "%s.lock", path);

  if (access (path, R_OK) == 0 && access (ram, R_OK) == 0 && key_matches (g, keyfile, key)) {
    if (restore (g, ap, &m, path, ram) == 0) {
      ret = 0;
      goto out;
    }
    debug (g, "warm launch: restoring %s failed (%s); booting to save a new one",
           path, guestfs_last_error (g));
    guestfs_int_close_connection (g);
    g->state = LAUNCHING;
    unlink (keyfile);
  }

  /* One launch saves; the others meanwhile boot cold as usual. */
  lockfd = open (lockfile, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (lockfd == -1 || flock (lockfd, LOCK_EX | LOCK_NB) == -1) {
    debug (g, "warm launch: another launch is saving the state");
    goto out;
  }
  m = (struct launch_mode) {
    .use_kvm = use_kvm, .with_drives = false, .qmp = true,
    .incoming_fd = -1, .wait_hello = true,
  };
  if (boot_and_save (g, ap, &m, path, ram, keyfile, key) == -1) {
    debug (g, "warm launch: saving the appliance failed (%s)", guestfs_last_error (g));
    goto out;
  }
  prune_states (g, cachedir, base);
  /* What later launches will do: proves the state works, too. */
  if (restore (g, ap, &m, path, ram) == 0)
    ret = 0;
  else {
    debug (g, "warm launch: restoring the new %s failed (%s)", path, guestfs_last_error (g));
    guestfs_int_close_connection (g);
    g->state = LAUNCHING;
    unlink (keyfile);
  }

 out:
  if (lockfd >= 0)
    close (lockfd);
  free (cachedir);
  free (key);
  free (base);
  free (path);
  free (ram);
  free (keyfile);
  free (lockfile);
  return ret;
}
