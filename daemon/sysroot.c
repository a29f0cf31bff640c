/* guestfsd: guest paths.  The guest's root is mounted at /sysroot and
 * every guest path is resolved inside it with openat2(RESOLVE_IN_ROOT),
 * so ".." and symlinks (absolute or relative) can never reach the
 * appliance's own files.  Whole-tree work runs in a forked child that has
 * chrooted into the guest root, for the same reason. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/openat2.h>

#include "daemon.h"

/* Is anything mounted below SYSROOT (on a mkmountpoint directory)? */
static int
submount_exists (void)
{
  int fd = open ("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
  char *buf, *line, *next;
  int r = 0;

  if (fd == -1)
    return 0;
  buf = read_whole_fd (fd, 16 * 1024 * 1024, NULL);
  close (fd);
  if (buf == NULL)
    return 0;
  /* The mountpoint is the fifth field. */
  for (line = buf; line && *line && !r; line = next) {
    char *p = line;
    next = strchr (line, '\n');
    if (next)
      *next++ = '\0';
    for (int f = 0; f < 4 && p; ++f) {
      p = strchr (p, ' ');
      if (p)
        p++;
    }
    if (p && strncmp (p, SYSROOT "/", strlen (SYSROOT) + 1) == 0)
      r = 1;
  }
  free (buf);
  return r;
}

/* Something mounted on the root, or (after mkmountpoint) under it, as
 * libguestfs counts it. */
int
sysroot_is_mounted (void)
{
  struct stat a, b;

  if (stat ("/", &a) == -1 || stat (SYSROOT, &b) == -1)
    return 0;
  return a.st_dev != b.st_dev || submount_exists ();
}

int
daemon_check_pathname (const char *path)
{
  if (path[0] != '/') {
    reply_with_error ("%s: path must start with a / character", path);
    return -1;
  }
  if (strlen (path) >= PATH_MAX) {
    reply_with_error_errno (ENAMETOOLONG, "%s: path is too long", path);
    return -1;
  }
  if (!sysroot_is_mounted ()) {
    reply_with_error ("%s: you must call 'mount' first to mount the root filesystem", path);
    return -1;
  }
  return 0;
}

int
sysroot_open (const char *path, int flags, mode_t mode)
{
  struct open_how how = {
    .flags = (uint64_t) (flags | O_CLOEXEC),
    .mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0,
    .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  const char *rel = path;
  int root, fd, tries = 0, err;

  while (*rel == '/')
    rel++;
  if (*rel == '\0')
    rel = ".";
  root = open (SYSROOT, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root == -1)
    return -1;
  do
    fd = syscall (SYS_openat2, root, rel, &how, sizeof how);
  while (fd == -1 && errno == EAGAIN && ++tries < 16);
  err = errno;
  close (root);
  errno = err;
  return fd;
}

int
sysroot_open_parent (const char *path, char **base)
{
  size_t len = strlen (path);
  char *copy, *slash;
  int fd;

  *base = NULL;
  while (len > 1 && path[len - 1] == '/')
    len--;
  copy = strndup (path, len);
  if (copy == NULL)
    return -1;
  if (strcmp (copy, "/") == 0) {
    free (copy);
    *base = strdup (".");
    if (*base == NULL)
      return -1;
    return sysroot_open ("/", O_PATH | O_DIRECTORY, 0);
  }
  slash = strrchr (copy, '/');
  if (slash == NULL || strcmp (slash + 1, ".") == 0 || strcmp (slash + 1, "..") == 0) {
    free (copy);
    errno = EINVAL;
    return -1;
  }
  *base = strdup (slash + 1);
  if (*base == NULL) {
    free (copy);
    return -1;
  }
  if (slash == copy)
    slash[1] = '\0';
  else
    *slash = '\0';
  fd = sysroot_open (copy, O_PATH | O_DIRECTORY, 0);
  free (copy);
  if (fd == -1) {
    int err = errno;
    free (*base);
    *base = NULL;
    errno = err;
  }
  return fd;
}

char *
fd_path (int fd)
{
  char *p;

  if (asprintf (&p, "/proc/self/fd/%d", fd) == -1)
    return NULL;
  return p;
}

/* The child's stderr as an error message: all of it when short, else
 * its first lines and how many more there were (tar_in into a full
 * filesystem says "No space left" once per file). */
#define ERR_MAX_LINES 5
#define ERR_MAX_BYTES 4096

static char *
stderr_summary (int efd)
{
  char head[ERR_MAX_BYTES + 1], buf[65536];
  size_t len = 0, lines = 0, kept = 0, cut = 0;
  off_t off = 0;
  ssize_t n;
  char *r;

  while ((n = pread (efd, buf, sizeof buf, off)) > 0) {
    for (ssize_t i = 0; i < n; ++i) {
      if (len < ERR_MAX_BYTES && lines < ERR_MAX_LINES)
        head[len++] = buf[i];
      if (buf[i] == '\n') {
        lines++;
        if (lines == ERR_MAX_LINES || len == ERR_MAX_BYTES)
          kept = kept ? kept : lines;
      }
    }
    off += n;
  }
  if (n == -1)
    return NULL;
  if (off > 0 && buf[(off - 1) % sizeof buf] != '\n')
    lines++;                    /* a last line without newline */
  head[len] = '\0';
  if (kept == 0 || lines <= kept)
    return strdup (head);
  cut = lines - kept;
  if (asprintf (&r, "%s(and %zu more line%s)", head, cut, cut == 1 ? "" : "s") == -1)
    return NULL;
  return r;
}

int
sysroot_run (sysroot_fn fn, void *opaque, int in_fd,
             output_cb out_cb, void *out_opaque, char **err)
{
  int pfd[2] = { -1, -1 }, efd, status, ret = -1;
  pid_t pid;
  char buf[65536];

  if (err)
    *err = NULL;
  efd = memfd_create ("stderr", MFD_CLOEXEC);
  if (efd == -1 || pipe2 (pfd, O_CLOEXEC) == -1) {
    if (err && asprintf (err, "pipe: %s", strerror (errno)) == -1)
      *err = NULL;
    if (efd >= 0)
      close (efd);
    return -1;
  }

  pid = fork ();
  if (pid == -1) {
    if (err && asprintf (err, "fork: %s", strerror (errno)) == -1)
      *err = NULL;
    close (pfd[0]);
    close (pfd[1]);
    close (efd);
    return -1;
  }
  if (pid == 0) {
    int nullfd = open ("/dev/null", O_RDWR);
    signal (SIGPIPE, SIG_DFL);
    dup2 (in_fd >= 0 ? in_fd : nullfd, 0);
    dup2 (out_cb ? pfd[1] : nullfd, 1);
    dup2 (efd, 2);
    setvbuf (stderr, NULL, _IONBF, 0);
    if (chroot (SYSROOT) == -1 || chdir ("/") == -1) {
      fprintf (stderr, "chroot: %m");
      _exit (1);
    }
    ret = fn (opaque);
    fflush (stdout);
    _exit (ret == 0 ? 0 : 1);
  }

  close (pfd[1]);
  for (;;) {
    struct pollfd p = { .fd = pfd[0], .events = POLLIN };
    int r = poll (&p, 1, 333);
    ssize_t n;
    if (r == -1 && errno == EINTR)
      continue;
    if (r == 0) {
      notify_progress_pulse ();
      continue;
    }
    n = read (pfd[0], buf, sizeof buf);
    if (n == -1 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    if (out_cb && out_cb (out_opaque, buf, n) == -1) {
      /* The consumer gave up (e.g. the library cancelled): stop the child. */
      kill (pid, SIGKILL);
      break;
    }
  }
  close (pfd[0]);
  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR)
      break;

  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    ret = 0;
  else if (err) {
    *err = stderr_summary (efd);
    if (*err && **err == '\0') {
      free (*err);
      *err = NULL;
    }
    if (*err)
      trim_trailing (*err);
    else if (asprintf (err, "%s",
                       WIFSIGNALED (status) ? "subprocess killed" : "failed") == -1)
      *err = NULL;
  }
  close (efd);
  return ret;
}
