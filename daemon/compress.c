/* guestfsd: compress_out and compress_device_out — a guest file or a
 * device streamed to the library through a compression program (gzip,
 * bzip2, xz, lzop, compress) of the appliance.  The program reads the
 * already opened file on its stdin, so it never sees a guest path, and
 * its output is streamed as it comes: nothing is held whole. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

#define OPT_LEVEL (UINT64_C(1) << 0)
#define ERR_MAX 4096

/* The programs and the levels each accepts (compress has none). */
static const struct ctype {
  const char *name;
  int min_level, max_level;
} ctypes[] = {
  { "compress", 1, 0 },
  { "gzip", 1, 9 },
  { "bzip2", 1, 9 },
  { "xz", 0, 9 },
  { "lzop", 1, 9 },
};

static const struct ctype *
find_ctype (const char *name)
{
  for (size_t i = 0; i < sizeof ctypes / sizeof ctypes[0]; ++i)
    if (STREQ (name, ctypes[i].name))
      return &ctypes[i];
  return NULL;
}

static bool
valid_ctype (const char *name)
{
  return find_ctype (name) != NULL;
}

/* The child's stderr (its first ERR_MAX bytes), trimmed, malloc'd. */
static char *
read_err (int efd)
{
  char *s = calloc (1, ERR_MAX + 1);
  ssize_t r;

  if (s == NULL)
    return NULL;
  r = pread (efd, s, ERR_MAX, 0);
  if (r > 0) {
    s[r] = '\0';
    trim_trailing (s);
  }
  return s;
}

static int
compress_fd (const char *ctype, int level, int fd, const char *shown)
{
  CLEANUP_CLOSE int efd = -1;
  CLEANUP_FREE char *err = NULL;
  char levelopt[8] = "";
  int pfd[2], status;
  char buf[65536];
  pid_t pid;

  if (!valid_ctype (ctype)) {
    reply_with_error_errno (EINVAL, "unknown compression type: %s", ctype);
    return -1;
  }
  if (optargs_bitmask & OPT_LEVEL) {
    const struct ctype *ct = find_ctype (ctype);
    if (level < ct->min_level || level > ct->max_level) {
      reply_with_error_errno (EINVAL, "%s: incorrect value for level "
                              "parameter: %d", ctype, level);
      return -1;
    }
    snprintf (levelopt, sizeof levelopt, "-%d", level);
  }
  efd = memfd_create ("compress-stderr", MFD_CLOEXEC);
  if (efd == -1 || pipe2 (pfd, O_CLOEXEC) == -1) {
    reply_with_perror ("%s", ctype);
    return -1;
  }
  pid = fork ();
  if (pid == -1) {
    reply_with_perror ("fork");
    close (pfd[0]);
    close (pfd[1]);
    return -1;
  }
  if (pid == 0) {
    if (dup2 (fd, 0) == -1 || dup2 (pfd[1], 1) == -1 || dup2 (efd, 2) == -1)
      _exit (126);
    if (*levelopt)
      execlp (ctype, ctype, "-c", levelopt, (char *) NULL);
    else
      execlp (ctype, ctype, "-c", (char *) NULL);
    fprintf (stderr, "%s: %s\n", ctype, strerror (errno));
    _exit (127);
  }
  close (pfd[1]);

  reply (NULL, NULL);
  for (;;) {
    ssize_t r = read (pfd[0], buf, sizeof buf);
    if (r == -1 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    if (send_file_write (buf, r) == -1) {
      /* The library cancelled: stop the program, send nothing more. */
      kill (pid, SIGKILL);
      close (pfd[0]);
      waitpid (pid, NULL, 0);
      return -1;
    }
  }
  close (pfd[0]);
  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR) {
      status = -1;
      break;
    }
  if (status == 0) {
    send_file_end (0);
    return 0;
  }
  err = read_err (efd);
  send_file_end (1);
  reply_with_error ("%s: %s: %s", shown, ctype,
                    err && *err ? err : "compression failed");
  return -1;
}

int
do_compress_out (const char *ctype, const char *file, int level)
{
  CLEANUP_CLOSE int fd = -1;

  if (!valid_ctype (ctype)) {
    reply_with_error_errno (EINVAL, "unknown compression type: %s", ctype);
    return -1;
  }
  fd = open_dev_or_path (file, false, O_RDONLY, false);
  if (fd == -1)
    return -1;
  return compress_fd (ctype, level, fd, file);
}

int
do_compress_device_out (const char *ctype, const char *device, int level)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = shown_name (device);

  if (!valid_ctype (ctype)) {
    reply_with_error_errno (EINVAL, "unknown compression type: %s", ctype);
    return -1;
  }
  fd = open_dev_or_path (device, true, O_RDONLY, false);
  if (fd == -1)
    return -1;
  return compress_fd (ctype, level, fd, shown ? shown : device);
}
