/* guestfsd: the debug call, a few read-only views of the daemon's own
 * state for people debugging the appliance, and two ways to bring the
 * appliance down on purpose for fault tests: segv (as libguestfs) and
 * panic (the kernel's).  libguestfs's subcommands that run arbitrary
 * programs or change the daemon (sh, setenv, core_pattern, ...)
 * deliberately do not exist. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"

extern char **environ;

struct subcmd {
  const char *name;
  char *(*fn) (char *const *args);
};

static char *debug_help (char *const *args);

static char *
debug_env (char *const *args)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);

  if (fp == NULL) {
    reply_with_perror ("open_memstream");
    return NULL;
  }
  for (char **e = environ; *e; ++e)
    fprintf (fp, "%s\n", *e);
  fclose (fp);
  return buf;
}

static char *
debug_fds (char *const *args)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp;
  DIR *dir = opendir ("/proc/self/fd");
  struct dirent *d;

  if (dir == NULL) {
    reply_with_perror ("/proc/self/fd");
    return NULL;
  }
  fp = open_memstream (&buf, &len);
  if (fp == NULL) {
    reply_with_perror ("open_memstream");
    closedir (dir);
    return NULL;
  }
  while ((d = readdir (dir)) != NULL) {
    char link[PATH_MAX];
    ssize_t n;

    if (d->d_name[0] == '.')
      continue;
    n = readlinkat (dirfd (dir), d->d_name, link, sizeof link - 1);
    link[n > 0 ? n : 0] = '\0';
    fprintf (fp, "%2s %s\n", d->d_name, link);
  }
  closedir (dir);
  fclose (fp);
  return buf;
}

/* ls of appliance directories (not guest ones): "ls -a" or "ls -la". */
static char *
run_ls (const char *opt, char *const *args)
{
  const char *argv[64];
  size_t n = 0;
  char *out = NULL, *err = NULL;
  int r;

  argv[n++] = "ls";
  argv[n++] = opt;
  argv[n++] = "--";
  for (size_t i = 0; args[i]; ++i) {
    if (n >= sizeof argv / sizeof argv[0] - 1) {
      reply_with_error ("too many arguments");
      return NULL;
    }
    argv[n++] = args[i];
  }
  if (args[0] == NULL)
    argv[n++] = "/";
  argv[n] = NULL;
  r = commandv (&out, &err, argv, -1);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s", err && *err ? err : "ls failed");
    free (out);
    free (err);
    return NULL;
  }
  free (err);
  return out;
}

static char *
debug_ls (char *const *args)
{
  return run_ls ("-a", args);
}

static char *
debug_ll (char *const *args)
{
  return run_ls ("-la", args);
}

/* As libguestfs: the arguments go to the appliance's console (seen with
 * verbose messages), the reply is "ok". */
static char *
debug_print (char *const *args)
{
  char *r;

  fprintf (stderr, "guestfsd: debug print:");
  for (size_t i = 0; args[i]; ++i)
    fprintf (stderr, " %s", args[i]);
  fprintf (stderr, "\n");
  r = strdup ("ok");
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

/* The daemon dies of a segmentation fault: the library must see the
 * appliance go away and say so. */
static char *
debug_segv (char *const *args)
{
  fflush (NULL);
  raise (SIGSEGV);
  reply_with_error ("segv: still alive");
  return NULL;
}

/* The appliance's kernel panics (panic=1 and qemu's -no-reboot then
 * stop the VM). */
static char *
debug_panic (char *const *args)
{
  int fd = open ("/proc/sysrq-trigger", O_WRONLY | O_CLOEXEC);

  fflush (NULL);
  if (fd == -1 || write (fd, "c", 1) != 1) {
    reply_with_perror ("/proc/sysrq-trigger");
    if (fd >= 0)
      close (fd);
    return NULL;
  }
  close (fd);
  reply_with_error ("panic: the kernel did not crash");
  return NULL;
}

static const struct subcmd subcmds[] = {
  { "help", debug_help },
  { "env", debug_env },
  { "fds", debug_fds },
  { "ls", debug_ls },
  { "ll", debug_ll },
  { "print", debug_print },
  { "segv", debug_segv },
  { "panic", debug_panic },
};

#define NR_SUBCMDS (sizeof subcmds / sizeof subcmds[0])

static char *
debug_help (char *const *args)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&buf, &len);

  if (fp == NULL) {
    reply_with_perror ("open_memstream");
    return NULL;
  }
  fprintf (fp, "Commands supported:");
  for (size_t i = 0; i < NR_SUBCMDS; ++i)
    fprintf (fp, " %s", subcmds[i].name);
  fprintf (fp, "\n");
  fclose (fp);
  return buf;
}

char *
do_debug (const char *subcmd, char *const *extraargs)
{
  for (size_t i = 0; i < NR_SUBCMDS; ++i)
    if (STREQ (subcmd, subcmds[i].name))
      return subcmds[i].fn (extraargs);
  reply_with_error ("use 'debug help 0' to list the supported commands");
  return NULL;
}
