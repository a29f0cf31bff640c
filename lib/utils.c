/* libguestfs (guestkit): string lists, state checks, running host
 * programs, and small file helpers. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs_protocol.h"

size_t
guestfs_int_count_strings (char *const *l)
{
  size_t n = 0;

  while (l[n])
    n++;
  return n;
}

void
guestfs_int_free_string_list (char **l)
{
  if (l == NULL)
    return;
  for (size_t i = 0; l[i]; ++i)
    free (l[i]);
  free (l);
}

char **
guestfs_int_copy_string_list (guestfs_h *g, char *const *l)
{
  size_t n = guestfs_int_count_strings (l);
  char **r = safe_malloc (g, (n + 1) * sizeof (char *));

  for (size_t i = 0; i < n; ++i)
    r[i] = safe_strdup (g, l[i]);
  r[n] = NULL;
  return r;
}

char **
guestfs_int_take_string_list (guestfs_h *g, const char *name,
                              u_int len, char **val, int hashtable)
{
  char **r;

  if (hashtable && (len & 1)) {
    error (g, "%s: the appliance returned a malformed table (odd length)", name);
    for (u_int i = 0; i < len; ++i)
      free (val[i]);
    free (val);
    return NULL;
  }
  r = safe_realloc (g, val, (len + 1) * sizeof (char *));
  r[len] = NULL;
  return r;
}

int
guestfs_int_check_ready (guestfs_h *g, const char *name)
{
  /* Launch itself talks to the daemon it is bringing up. */
  if (g->state == LAUNCHING && STRPREFIX (name, "internal_"))
    return 0;
  if (g->state != READY) {
    if (g->state == CONFIG)
      error (g, "%s: call launch before using this function\n"
             "(in guestfish, don't forget to use the 'run' command)", name);
    else
      error (g, "%s: the appliance is still launching", name);
    return -1;
  }
  return 0;
}

int
guestfs_int_check_config (guestfs_h *g, const char *name)
{
  if (g->state != CONFIG) {
    error (g, "%s: this function can only be called in the config state", name);
    return -1;
  }
  return 0;
}

int
guestfs_int_run_command (guestfs_h *g, char **out, const char *const *argv)
{
  int pfd[2], efd, status;
  pid_t pid;
  char *errtext = NULL;

  if (out)
    *out = NULL;
  if (pipe2 (pfd, O_CLOEXEC) == -1) {
    perrorf (g, "pipe");
    return -1;
  }
  efd = memfd_create ("stderr", MFD_CLOEXEC);
  if (efd == -1) {
    perrorf (g, "memfd_create");
    close (pfd[0]);
    close (pfd[1]);
    return -1;
  }
  pid = fork ();
  if (pid == -1) {
    perrorf (g, "fork");
    close (pfd[0]);
    close (pfd[1]);
    close (efd);
    return -1;
  }
  if (pid == 0) {
    int nullfd = open ("/dev/null", O_RDONLY);
    dup2 (nullfd, 0);
    dup2 (pfd[1], 1);
    dup2 (efd, 2);
    setenv ("LC_ALL", "C", 1);
    execvp (argv[0], (char *const *) argv);
    fprintf (stderr, "%s: %m", argv[0]);
    _exit (127);
  }
  close (pfd[1]);
  {
    size_t alloc = 4096, len = 0;
    char *buf = safe_malloc (g, alloc);
    ssize_t r;
    while ((r = read (pfd[0], buf + len, alloc - len - 1)) != 0) {
      if (r == -1) {
        if (errno == EINTR)
          continue;
        break;
      }
      len += r;
      if (alloc - len < 2) {
        if (alloc >= 64 * 1024 * 1024)
          break;
        alloc *= 2;
        buf = safe_realloc (g, buf, alloc);
      }
    }
    buf[len] = '\0';
    if (out)
      *out = buf;
    else
      free (buf);
  }
  close (pfd[0]);
  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR) {
      perrorf (g, "waitpid");
      return -1;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0) {
    close (efd);
    return 0;
  }
  if (lseek (efd, 0, SEEK_SET) == 0) {
    char ebuf[4096];
    ssize_t n = read (efd, ebuf, sizeof ebuf - 1);
    if (n > 0) {
      ebuf[n] = '\0';
      while (n > 0 && (ebuf[n - 1] == '\n' || ebuf[n - 1] == ' '))
        ebuf[--n] = '\0';
      errtext = safe_strdup (g, ebuf);
    }
  }
  close (efd);
  error (g, "%s: %s", argv[0], errtext ? errtext : "failed");
  free (errtext);
  if (out) {
    free (*out);
    *out = NULL;
  }
  return -1;
}

static int
remove_one (const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
  remove (path);
  return 0;
}

void
guestfs_int_remove_dir (const char *dir)
{
  nftw (dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *
guestfs_int_read_small_file (const char *path, size_t max)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  char *buf;
  ssize_t n;

  if (fd == -1)
    return NULL;
  buf = malloc (max + 1);
  if (buf == NULL) {
    close (fd);
    return NULL;
  }
  n = read (fd, buf, max);
  close (fd);
  if (n < 0) {
    free (buf);
    return NULL;
  }
  buf[n] = '\0';
  return buf;
}

char *
guestfs_int_qemu_escape (guestfs_h *g, const char *s)
{
  size_t n = 0;
  char *r, *p;

  for (const char *q = s; *q; ++q)
    n += *q == ',' ? 2 : 1;
  r = p = safe_malloc (g, n + 1);
  for (; *s; ++s) {
    *p++ = *s;
    if (*s == ',')
      *p++ = ',';
  }
  *p = '\0';
  return r;
}

double
guestfs_int_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
