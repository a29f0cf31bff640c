/* The daemon harnesses' stand-ins for what guestfsd.c and proto.c give
 * the rest of the daemon: the current call's globals and replies (each
 * reply is formatted, so its arguments are checked, then counted instead
 * of sent); plus a private /sys/block, a scratch guest root, and the
 * checks of inspection results. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>
#include <limits.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "daemon.h"
#include "inspect.h"
#include "daemon-env.h"

int verbose;
uint64_t optargs_bitmask;
int proc_nr;
unsigned proc_serial;

unsigned fuzz_replies;
int fuzz_args_ok;

static void
format_reply (const char *fs, va_list args)
{
  char buf[256];

  vsnprintf (buf, sizeof buf, fs, args);
  fuzz_replies++;
}

void
reply_with_error (const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  format_reply (fs, args);
  va_end (args);
}

void
reply_with_error_errno (int err, const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  format_reply (fs, args);
  va_end (args);
}

void
reply_with_perror (const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  format_reply (fs, args);
  va_end (args);
}

void
reply (xdrproc_t xdrp, char *ret)
{
  fuzz_replies++;
}

/* The file transfers and progress of proto.c: never reached by the code
 * the harnesses run (nothing is executed). */
static void __attribute__((noreturn))
unexpected (const char *fn)
{
  fprintf (stderr, "fuzz: %s called\n", fn);
  abort ();
}

int receive_file (receive_cb cb, void *opaque) { unexpected (__func__); }
int cancel_receive (void) { unexpected (__func__); }
bool daemon_library_cancelled (void) { unexpected (__func__); }
int send_file_write (const void *buf, size_t len) { unexpected (__func__); }
int send_file_end (int cancel) { unexpected (__func__); }
void notify_progress (uint64_t position, uint64_t total) { unexpected (__func__); }
void notify_progress_pulse (void) { unexpected (__func__); }
void main_loop (int chan) { unexpected (__func__); }

bool
fuzz_private_disks (void)
{
  if (unshare (CLONE_NEWNS) == -1 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1 ||
      mount ("fuzz", "/sys/block", "tmpfs", 0, "size=64k") == -1) {
    fprintf (stderr, "fuzz: no private /sys/block (%m): using the host's\n");
    return false;
  }
  mkdir ("/sys/block/sda", 0755);
  mkdir ("/sys/block/sdb", 0755);
  return true;
}

static char *root_path;

static void
remove_root (void)
{
  char cmd[64 + PATH_MAX];

  if (root_path) {
    snprintf (cmd, sizeof cmd, "rm -rf -- '%s'", root_path);
    if (system (cmd) != 0)
      fprintf (stderr, "fuzz: could not remove %s\n", root_path);
  }
}

int
fuzz_guest_root (const char **path)
{
  static int fd = -1;
  const char *tmp = getenv ("TMPDIR");

  if (fd == -1) {
    if (asprintf (&root_path, "%s/fuzz-root.XXXXXX", tmp && *tmp ? tmp : "/tmp") == -1 ||
        mkdtemp (root_path) == NULL ||
        (fd = open (root_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
      perror ("fuzz: guest root");
      abort ();
    }
    atexit (remove_root);
  }
  if (path)
    *path = root_path;
  return fd;
}

static void
check_string (const char *s, size_t max)
{
  if (s && strnlen (s, max + 1) > max)
    abort ();
}

void
fuzz_check_fs (struct inspect_fs *fs)
{
  char **strs[] = { INSPECT_FS_STRINGS (fs) };

  for (size_t i = 0; i < sizeof strs / sizeof strs[0]; ++i)
    check_string (*strs[i], PATH_MAX);
  /* A version is reported as two integers; -1 would read as an error. */
  if (fs->has_version && (fs->major < 0 || fs->minor < 0))
    abort ();
  if (fs->nr_fstab > INSPECT_FSTAB_MAX || (fs->nr_fstab && !fs->fstab))
    abort ();
  for (size_t i = 0; i < fs->nr_fstab; ++i)
    if (!fs->fstab[i].mountable || !fs->fstab[i].mountpoint)
      abort ();
  if (fs->nr_drives > INSPECT_DRIVES_MAX)
    abort ();
  for (size_t i = 0; i < fs->nr_drives; ++i)
    if (!fs->drives[i].device)
      abort ();
  inspect_free_fs (fs);
}

void
fuzz_check_apps (struct inspect_apps *apps)
{
  if (apps->n > INSPECT_APPS_MAX || apps->n > apps->alloc)
    abort ();
  for (size_t i = 0; i < apps->n; ++i) {
    const struct inspect_app *a = &apps->v[i];
    const char *strs[] = {
      a->name, a->display_name, a->version, a->release, a->arch,
      a->install_path, a->publisher, a->url, a->source_package, a->summary,
    };
    for (size_t j = 0; j < sizeof strs / sizeof strs[0]; ++j) {
      if (strs[j] == NULL)
        abort ();
      check_string (strs[j], 4096);
    }
    if (a->description == NULL)
      abort ();
    check_string (a->description, 64 * 1024);
  }
  inspect_free_apps (apps);
}
