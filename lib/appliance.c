/* libguestfs (guestkit): finding or building the appliance (kernel +
 * initramfs made from the host's own files by make-appliance.sh).
 *
 * The cache directory holds appliance-KEY/ where KEY hashes the build
 * inputs (the script, init, daemon, lists, kernel choice).  Inside,
 * `inputs` lists every host file the build copied and `stamp` hashes
 * their metadata: a host package update changes a stamp, which triggers
 * a rebuild.  Builds are serialised with a lock file and land by rename,
 * so concurrent launches are safe. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"

#define FNV_INIT 14695981039346656037ULL

static const char *const source_files[] = {
  "make-appliance.sh", "init", "guestfsd", "programs.list", "modules.list",
};

/* The default when neither LIBGUESTFS_PATH nor set_path names the
 * inputs.  An installed library looks first beside itself, at the place
 * the configured pkglibdir has relative to libdir, so a staged (DESTDIR)
 * or moved install boots its own daemon and init, never those of another
 * copy installed at the configured prefix; only then at the configured
 * GUESTFS_DEFAULT_PATH itself. */
static char *relocated_path;
static pthread_once_t relocated_once = PTHREAD_ONCE_INIT;

static void
find_relocated_path (void)
{
  const char *def = GUESTFS_DEFAULT_PATH;
  size_t n = strlen (GUESTKIT_LIBDIR);
  Dl_info info;
  char *self, *slash, dir[4096], script[4096];

  if (strncmp (def, GUESTKIT_LIBDIR, n) != 0 || def[n] != '/' ||
      dladdr ((void *) find_relocated_path, &info) == 0 || info.dli_fname == NULL)
    return;
  self = realpath (info.dli_fname, NULL);
  if (self == NULL)
    return;
  slash = strrchr (self, '/');
  *slash = '\0';
  if ((size_t) snprintf (dir, sizeof dir, "%s/%s", self, def + n + 1) < sizeof dir &&
      (size_t) snprintf (script, sizeof script, "%s/make-appliance.sh", dir) < sizeof script &&
      access (script, R_OK) == 0)
    relocated_path = strdup (dir);
  free (self);
}

const char *
guestfs_int_appliance_path (guestfs_h *g)
{
  if (g->path)
    return g->path;
  pthread_once (&relocated_once, find_relocated_path);
  return relocated_path ? relocated_path : GUESTFS_DEFAULT_PATH;
}

static uint64_t
hash_bytes (uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;

  for (size_t i = 0; i < n; ++i)
    h = (h ^ b[i]) * 1099511628211ULL;
  return h;
}

static uint64_t
hash_stat (uint64_t h, const char *path)
{
  struct stat st;

  h = hash_bytes (h, path, strlen (path) + 1);
  if (stat (path, &st) == -1)
    return hash_bytes (h, "missing", 7);
  h = hash_bytes (h, &st.st_size, sizeof st.st_size);
  h = hash_bytes (h, &st.st_mtim, sizeof st.st_mtim);
  h = hash_bytes (h, &st.st_ino, sizeof st.st_ino);
  h = hash_bytes (h, &st.st_dev, sizeof st.st_dev);
  return h;
}

static uint64_t
source_key (const char *srcdir)
{
  static const char *const env[] = {
    "SUPERMIN_KERNEL", "SUPERMIN_KERNEL_VERSION", "SUPERMIN_MODULES",
  };
  uint64_t h = FNV_INIT;

  for (size_t i = 0; i < sizeof source_files / sizeof source_files[0]; ++i) {
    char path[4096];
    snprintf (path, sizeof path, "%s/%s", srcdir, source_files[i]);
    h = hash_stat (h, path);
  }
  for (size_t i = 0; i < sizeof env / sizeof env[0]; ++i) {
    const char *v = getenv (env[i]);
    h = hash_bytes (h, v ? v : "", v ? strlen (v) + 1 : 1);
  }
  /* A newly installed kernel changes these directories. */
  h = hash_stat (h, "/boot");
  h = hash_stat (h, "/lib/modules");
  return h;
}

/* Hash of the metadata of every file listed in dir/inputs; 0 if the list
 * is missing. */
static uint64_t
inputs_stamp (const char *dir)
{
  char path[4096], line[4096];
  FILE *fp;
  uint64_t h = FNV_INIT;

  snprintf (path, sizeof path, "%s/inputs", dir);
  fp = fopen (path, "re");
  if (fp == NULL)
    return 0;
  while (fgets (line, sizeof line, fp)) {
    size_t n = strlen (line);
    if (n && line[n - 1] == '\n')
      line[--n] = '\0';
    if (n)
      h = hash_stat (h, line);
  }
  fclose (fp);
  return h ? h : 1;
}

static bool
appliance_valid (const char *dir)
{
  char path[4096];
  char *s;
  unsigned long long stamp;
  bool ok;

  snprintf (path, sizeof path, "%s/kernel", dir);
  if (access (path, R_OK) == -1)
    return false;
  snprintf (path, sizeof path, "%s/initrd", dir);
  if (access (path, R_OK) == -1)
    return false;
  snprintf (path, sizeof path, "%s/stamp", dir);
  s = guestfs_int_read_small_file (path, 64);
  if (s == NULL)
    return false;
  ok = sscanf (s, "%llx", &stamp) == 1 && stamp == inputs_stamp (dir);
  free (s);
  return ok;
}

/* The cache may be shared with nobody: refuse one another user could
 * have planted files in. */
static int
check_cachedir (guestfs_h *g, const char *cachedir)
{
  struct stat st;

  if (mkdir (cachedir, 0700) == -1 && errno != EEXIST) {
    char *parent = safe_strdup (g, cachedir), *slash = strrchr (parent, '/');
    if (slash && slash != parent) {
      *slash = '\0';
      mkdir (parent, 0755);
    }
    free (parent);
    if (mkdir (cachedir, 0700) == -1 && errno != EEXIST) {
      perrorf (g, "%s", cachedir);
      return -1;
    }
  }
  if (lstat (cachedir, &st) == -1) {
    perrorf (g, "%s", cachedir);
    return -1;
  }
  if (!S_ISDIR (st.st_mode) || st.st_uid != geteuid () || (st.st_mode & 022)) {
    error (g, "%s: the appliance cache directory must be a directory owned by you "
           "and not writable by others", cachedir);
    return -1;
  }
  return 0;
}

/* Remove appliance builds for other keys that nobody launched for ten
 * minutes: they belong to older host software or older guestkit builds.
 * (A launch touches its build, and qemu reads the kernel and initrd only
 * while starting.) */
static void
prune_old (guestfs_h *g, const char *cachedir, const char *keep)
{
  DIR *d = opendir (cachedir);
  struct dirent *e;
  time_t now = time (NULL);

  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL) {
    char path[4096];
    struct stat st;
    if (!STRPREFIX (e->d_name, "appliance-") || STREQ (e->d_name, keep))
      continue;
    snprintf (path, sizeof path, "%s/%s", cachedir, e->d_name);
    if (lstat (path, &st) == 0 && S_ISDIR (st.st_mode) && now - st.st_mtime > 600) {
      debug (g, "removing old appliance %s", path);
      guestfs_int_remove_dir (path);
    }
  }
  closedir (d);
}

static int
build (guestfs_h *g, const char *srcdir, const char *dir)
{
  char *script = safe_asprintf (g, "%s/make-appliance.sh", srcdir);
  char *out = NULL;
  const char *argv[] = { "bash", script, srcdir, dir, NULL };
  char stampfile[4096], tmp[4096], buf[32];
  int fd, r;

  debug (g, "building the appliance in %s", dir);
  guestfs_int_remove_dir (dir);
  r = guestfs_int_run_command (g, &out, argv);
  if (out && *out)
    debug (g, "%s", out);
  free (out);
  free (script);
  if (r == -1)
    return -1;
  snprintf (tmp, sizeof tmp, "%s/kernel", dir);
  snprintf (stampfile, sizeof stampfile, "%s/initrd", dir);
  if (access (tmp, R_OK) == -1 || access (stampfile, R_OK) == -1) {
    error (g, "make-appliance.sh did not create a kernel and initrd in %s", dir);
    return -1;
  }
  snprintf (stampfile, sizeof stampfile, "%s/stamp", dir);
  snprintf (tmp, sizeof tmp, "%s/stamp.tmp", dir);
  snprintf (buf, sizeof buf, "%016llx\n", (unsigned long long) inputs_stamp (dir));
  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd == -1 || write (fd, buf, strlen (buf)) != (ssize_t) strlen (buf) ||
      close (fd) == -1 || rename (tmp, stampfile) == -1) {
    perrorf (g, "%s", stampfile);
    return -1;
  }
  return 0;
}

int
guestfs_int_build_appliance (guestfs_h *g, struct appliance *ap)
{
  const char *srcdir = guestfs_int_appliance_path (g);
  char *cachedir = NULL, *lockfile = NULL, *name = NULL, *dir = NULL, *script;
  int lockfd = -1, ret = -1;

  ap->kernel = ap->initrd = NULL;
  script = safe_asprintf (g, "%s/make-appliance.sh", srcdir);
  if (access (script, R_OK) == -1) {
    error (g, "cannot find the appliance inputs (make-appliance.sh) in %s; "
           "set LIBGUESTFS_PATH to the directory holding them", srcdir);
    free (script);
    return -1;
  }
  free (script);

  cachedir = guestfs_int_get_cachedir (g);
  if (check_cachedir (g, cachedir) == -1)
    goto out;
  name = safe_asprintf (g, "appliance-%016llx", (unsigned long long) source_key (srcdir));
  dir = safe_asprintf (g, "%s/%s", cachedir, name);
  lockfile = safe_asprintf (g, "%s/lock", cachedir);
  lockfd = open (lockfile, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lockfd == -1 || flock (lockfd, LOCK_EX) == -1) {
    perrorf (g, "%s", lockfile);
    goto out;
  }
  if (!appliance_valid (dir)) {
    if (build (g, srcdir, dir) == -1)
      goto out;
    prune_old (g, cachedir, name);
  }
  else
    utimensat (AT_FDCWD, dir, NULL, 0);   /* keep tmp cleaners away */

  ap->kernel = safe_asprintf (g, "%s/kernel", dir);
  ap->initrd = safe_asprintf (g, "%s/initrd", dir);
  ret = 0;

 out:
  if (lockfd >= 0)
    close (lockfd);
  free (lockfile);
  free (name);
  free (dir);
  free (cachedir);
  return ret;
}

void
guestfs_int_free_appliance (struct appliance *ap)
{
  free (ap->kernel);
  free (ap->initrd);
  ap->kernel = ap->initrd = NULL;
}
