/* guestfsd: run external programs (mkfs, parted, ...) with their output
 * captured.  stdout and stderr go to memory files rather than pipes, so a
 * chatty program can never deadlock against us, and we are free to send
 * progress pulses while waiting for it. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "daemon.h"

#define OUTPUT_MAX (256 * 1024 * 1024)

static char *
slurp (int fd)
{
  if (lseek (fd, 0, SEEK_SET) == -1)
    return NULL;
  return read_whole_fd (fd, OUTPUT_MAX, NULL);
}

/* Wait for the child, pulsing progress while it runs. */
static int
wait_child (pid_t pid)
{
  int pidfd = syscall (SYS_pidfd_open, pid, 0);
  int status;

  if (pidfd >= 0) {
    struct pollfd pfd = { .fd = pidfd, .events = POLLIN };
    for (;;) {
      int r = poll (&pfd, 1, 333);
      if (r == -1 && errno != EINTR)
        break;
      if (r > 0)
        break;
      notify_progress_pulse ();
    }
    close (pidfd);
  }
  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR)
      return -1;
  return status;
}

int
commandv (char **out, char **err, const char *const *argv, int in_fd)
{
  int ofd = -1, efd = -1, status, ret = -1;
  pid_t pid;

  if (out)
    *out = NULL;
  if (err)
    *err = NULL;

  ofd = memfd_create ("stdout", MFD_CLOEXEC);
  efd = memfd_create ("stderr", MFD_CLOEXEC);
  if (ofd == -1 || efd == -1)
    goto fail_errno;

  if (verbose) {
    fprintf (stderr, "guestfsd: command:");
    for (size_t i = 0; argv[i]; ++i)
      fprintf (stderr, " %s", argv[i]);
    fprintf (stderr, "\n");
  }

  pid = fork ();
  if (pid == -1)
    goto fail_errno;
  if (pid == 0) {
    int nullfd = open ("/dev/null", O_RDONLY);
    signal (SIGPIPE, SIG_DFL);
    dup2 (in_fd >= 0 ? in_fd : nullfd, 0);
    dup2 (ofd, 1);
    dup2 (efd, 2);
    execvp (argv[0], (char *const *) argv);
    fprintf (stderr, "%s: %m", argv[0]);
    _exit (127);
  }

  status = wait_child (pid);
  if (status == -1)
    goto fail_errno;
  if (out) {
    *out = slurp (ofd);
    if (*out == NULL)
      goto fail_errno;
  }
  if (err) {
    *err = slurp (efd);
    if (*err == NULL)
      goto fail_errno;
  }
  if (WIFEXITED (status))
    ret = WEXITSTATUS (status);
  else {
    if (err) {
      free (*err);
      if (asprintf (err, "%s: killed by signal %d", argv[0], WTERMSIG (status)) == -1)
        *err = NULL;
    }
    ret = -1;
  }
  close (ofd);
  close (efd);
  return ret;

 fail_errno:
  if (err) {
    free (*err);
    if (asprintf (err, "%s: %s", argv[0], strerror (errno)) == -1)
      *err = NULL;
  }
  if (out) {
    free (*out);
    *out = NULL;
  }
  if (ofd >= 0)
    close (ofd);
  if (efd >= 0)
    close (efd);
  return -1;
}

int
command (char **out, char **err, const char *prog, ...)
{
  const char *argv[64];
  size_t n = 0;
  va_list args;
  const char *a;

  argv[n++] = prog;
  va_start (args, prog);
  while ((a = va_arg (args, const char *)) != NULL) {
    if (n >= sizeof argv / sizeof argv[0] - 1) {
      va_end (args);
      errno = E2BIG;
      return -1;
    }
    argv[n++] = a;
  }
  va_end (args);
  argv[n] = NULL;
  return commandv (out, err, argv, -1);
}

int
command_or_reply (const char *const *argv)
{
  CLEANUP_FREE char *err = NULL;
  int r = commandv (NULL, &err, argv, -1);

  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: %s", argv[0],
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return -1;
  }
  return 0;
}
