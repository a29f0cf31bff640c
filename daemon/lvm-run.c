/* guestfsd: running the lvm program.  Every LVM call goes through
 * lvm_run, which turns a failure into one error reply carrying what lvm
 * said (tidied: LVM indents its messages and adds a backup warning to
 * every metadata change, because the appliance keeps no backups). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>

#include "daemon.h"
#include "lvm.h"

#define MAX_ARGS 64

static void
lvm_env (void)
{
  /* lvm complains on stderr about every descriptor it inherits. */
  setenv ("LVM_SUPPRESS_FD_WARNINGS", "1", 1);
}

void
lvm_tidy_message (char *msg)
{
  char *in = msg, *out = msg;

  while (*in) {
    char *eol = strchr (in, '\n');
    size_t len = eol ? (size_t) (eol - in) : strlen (in);
    char *line = in;

    in += len + (eol != NULL);
    while (len > 0 && isspace ((unsigned char) *line)) {
      line++;
      len--;
    }
    if (len == 0 || strncmp (line, "WARNING: This metadata update is NOT backed up",
                             47) == 0)
      continue;
    if (out != msg)
      *out++ = '\n';
    memmove (out, line, len);
    out += len;
  }
  *out = '\0';
}

int
lvm_run_err (char **out, char **err, const char *const *args)
{
  const char *argv[MAX_ARGS + 2];
  size_t n = 0;
  int r;

  if (out)
    *out = NULL;
  *err = NULL;
  argv[n++] = "lvm";
  for (size_t i = 0; args[i]; ++i) {
    if (n >= MAX_ARGS) {
      *err = strdup ("too many arguments for lvm");
      return -1;
    }
    argv[n++] = args[i];
  }
  argv[n] = NULL;
  lvm_env ();
  r = commandv (out, err, argv, -1);
  if (r == 0)
    return 0;
  if (out) {
    free (*out);
    *out = NULL;
  }
  if (*err)
    lvm_tidy_message (*err);
  if (*err == NULL || **err == '\0') {
    free (*err);
    *err = NULL;
    if (r > 0) {
      if (asprintf (err, "lvm %s failed with exit status %d", args[0], r) == -1)
        *err = NULL;
    }
    else
      *err = strdup ("could not run lvm");
  }
  return r == 0 ? 0 : r > 0 ? r : -1;
}

int
lvm_run (char **out, const char *what, const char *const *args)
{
  CLEANUP_FREE char *err = NULL;

  if (lvm_run_err (out, &err, args) == 0)
    return 0;
  if (what)
    reply_with_error ("%s: %s", what, err ? err : "lvm failed");
  else
    reply_with_error ("%s", err ? err : "lvm failed");
  return -1;
}

/* Collect a NULL-terminated va_list into argv (at most MAX_ARGS). */
static int
collect (const char *const **argv_r, const char *first, va_list ap,
         const char **buf)
{
  size_t n = 0;
  const char *a;

  for (a = first; a != NULL; a = va_arg (ap, const char *)) {
    if (n >= MAX_ARGS) {
      errno = E2BIG;
      return -1;
    }
    buf[n++] = a;
  }
  buf[n] = NULL;
  *argv_r = buf;
  return 0;
}

int
lvm_cmd (char **out, const char *what, ...)
{
  const char *buf[MAX_ARGS + 1];
  const char *const *args;
  const char *first;
  va_list ap;
  int r;

  va_start (ap, what);
  first = va_arg (ap, const char *);
  r = collect (&args, first, ap, buf);
  va_end (ap);
  if (r == -1) {
    reply_with_perror ("lvm");
    return -1;
  }
  return lvm_run (out, what, args);
}

void
lvm_cmd_quiet (const char *arg, ...)
{
  const char *buf[MAX_ARGS + 2];
  const char *const *args;
  CLEANUP_FREE char *err = NULL;
  va_list ap;
  int r;

  buf[0] = "lvm";
  va_start (ap, arg);
  r = collect (&args, arg, ap, buf + 1);
  va_end (ap);
  if (r == -1)
    return;
  lvm_env ();
  if (commandv (NULL, &err, buf, -1) != 0 && verbose && err)
    fprintf (stderr, "guestfsd: lvm %s: %s", arg, err);
}

bool
lvm_valid_name (const char *s)
{
  size_t len = strlen (s);

  /* LVM's own rules (lvm(8) "VALID NAMES"), and its length limit. */
  if (len == 0 || len > 127 || s[0] == '-' || STREQ (s, ".") || STREQ (s, ".."))
    return false;
  for (; *s; ++s)
    if (!isalnum ((unsigned char) *s) && !strchr ("+_.-", *s))
      return false;
  return true;
}
