/* guestfsd: the aug_* calls.  The augeas handle lives in a worker
 * process (augeas-worker.c, which explains why it chroots into the guest
 * to touch files); these calls check their arguments, start and stop
 * the worker, and pass requests to it.
 *
 * Making a handle parses every lens, seconds under TCG, so the daemon
 * makes one pristine handle (no file loaded, appliance's lenses only)
 * the first time and keeps it: each aug_init forks a worker that starts
 * from a copy of it.  Flags that change how lenses are loaded
 * (AUG_TYPE_CHECK, AUG_NO_STDINC) make the worker build its own. */

#include <config.h>

#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "daemon.h"
#include "actions.h"
#include "augeas-int.h"

/* The flags libguestfs documents for aug_init. */
#define ALLOWED_FLAGS (AUG_SAVE_BACKUP | AUG_SAVE_NEWFILE | AUG_TYPE_CHECK | \
                       AUG_NO_STDINC | AUG_SAVE_NOOP | AUG_NO_LOAD)
#define OWN_HANDLE_FLAGS (AUG_TYPE_CHECK | AUG_NO_STDINC)

static augeas *template;
static pid_t worker = -1;
static int worker_fd = -1;

static void
stop_worker (void)
{
  if (worker_fd >= 0)
    close (worker_fd);
  worker_fd = -1;
  if (worker > 0) {
    kill (worker, SIGKILL);
    while (waitpid (worker, NULL, 0) == -1 && errno == EINTR)
      ;
  }
  worker = -1;
}

/* The worker went away or the socket failed (err is what the transport
 * saw): stop it and say what happened. */
static void
worker_failed (int err)
{
  int status = -1;

  /* A worker that died has closed its end; wait a moment for it to be
   * reapable, to tell how it died. */
  for (int i = 0; i < 20; ++i) {
    if (waitpid (worker, &status, WNOHANG) == worker) {
      worker = -1;
      break;
    }
    status = -1;
    usleep (10000);
  }
  stop_worker ();
  if (status != -1 && WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    reply_with_error ("the augeas subprocess was killed, probably because the "
                      "appliance ran out of memory (set LIBGUESTFS_MEMSIZE "
                      "higher); call aug-init again");
  else if (status != -1 && WIFSIGNALED (status))
    reply_with_error ("the augeas subprocess crashed (signal %d); "
                      "call aug-init again", WTERMSIG (status));
  else
    reply_with_error ("the augeas subprocess failed (%s); call aug-init again",
                      strerror (err));
}

static int
need_aug (void)
{
  if (worker_fd == -1) {
    reply_with_error ("you must call 'aug-init' first to initialize Augeas");
    return -1;
  }
  return 0;
}

/* While waiting for the worker: pulse, and watch for the one way a
 * guest can make augeas wait forever, a FIFO where it expects a file
 * (opening one for reading waits for a writer; the kernel names that
 * wait "wait_for_partner").  Three looks in a row, a second, is enough. */
static int fifo_waits;

static int
worker_idle (void *opaque)
{
  char path[64], buf[64];
  ssize_t n = -1;
  int fd;

  notify_progress_pulse ();
  snprintf (path, sizeof path, "/proc/%d/wchan", (int) worker);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    n = read (fd, buf, sizeof buf - 1);
    close (fd);
  }
  if (n > 0 && (buf[n] = '\0', STREQ (buf, "wait_for_partner"))) {
    if (++fifo_waits >= 3) {
      errno = EDEADLK;
      return -1;
    }
  }
  else
    fifo_waits = 0;
  return 0;
}

/* Wait for the worker's reply to what was sent.  On failure (the
 * worker's, or the worker died) reply with the error and return -1. */
static int
get_reply (struct augmsg *rep)
{
  fifo_waits = 0;
  if (augmsg_recv (worker_fd, rep, worker_idle, NULL) == -1) {
    if (errno == EDEADLK && fifo_waits >= 3) {
      stop_worker ();
      reply_with_error ("augeas was blocked opening a FIFO (named pipe) in "
                        "the guest where it expected a configuration file; "
                        "call aug-init again");
      return -1;
    }
    worker_failed (errno);
    return -1;
  }
  if (rep->n[0] != 0) {
    reply_with_error ("%s", rep->nstr == 1 && rep->str[0] ?
                      rep->str[0] : "augeas failed");
    augmsg_free (rep);
    return -1;
  }
  return 0;
}

/* Send a request and wait for the reply; on failure reply with the
 * error and return -1.  The reply must carry nstr non-NULL strings, or
 * any number if nstr is -1. */
static int
request (struct augmsg *rep, int op, int arg, int nstr, size_t nargs, ...)
{
  char *args[3] = { NULL, NULL, NULL };
  va_list ap;

  if (need_aug () == -1)
    return -1;
  va_start (ap, nargs);
  for (size_t i = 0; i < nargs; ++i)
    args[i] = va_arg (ap, char *);
  va_end (ap);
  if (augmsg_send (worker_fd, op, arg, 0, nargs, args) == -1) {
    worker_failed (errno);
    return -1;
  }
  if (get_reply (rep) == -1)
    return -1;
  if (nstr >= 0 && rep->nstr != (uint32_t) nstr)
    goto bad;
  for (uint32_t i = 0; i < rep->nstr; ++i)
    if (rep->str[i] == NULL)
      goto bad;
  return 0;

 bad:
  augmsg_free (rep);
  stop_worker ();
  reply_with_error ("the augeas subprocess sent a malformed reply; "
                    "call aug-init again");
  return -1;
}

/* Loading and saving happen inside the guest's mounted root. */
static int
need_root (void)
{
  if (!sysroot_is_mounted ()) {
    reply_with_error ("you must call 'mount' first to mount the root filesystem");
    return -1;
  }
  return 0;
}

int
do_aug_init (const char *root, int flags)
{
  struct augmsg rep;
  int sv[2], fd, own = flags & OWN_HANDLE_FLAGS;
  pid_t pid;

  if (flags & ~ALLOWED_FLAGS) {
    reply_with_error_errno (EINVAL, "flags 0x%x: unknown flags 0x%x "
                            "(allowed: AUG_SAVE_BACKUP, AUG_SAVE_NEWFILE, "
                            "AUG_TYPE_CHECK, AUG_NO_STDINC, AUG_SAVE_NOOP, "
                            "AUG_NO_LOAD)",
                            (unsigned) flags, (unsigned) (flags & ~ALLOWED_FLAGS));
    return -1;
  }
  stop_worker ();

  fd = sysroot_open (root, O_PATH | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", root);
    return -1;
  }
  close (fd);

  if (!own && template == NULL) {
    /* Reads only the appliance's lenses: AUG_NO_LOAD, and "/" here is
     * never searched for files. */
    template = aug_init ("/", NULL, AUG_NO_LOAD | AUG_NO_ERR_CLOSE);
    if (template == NULL || aug_error (template) != AUG_NOERROR) {
      const char *msg = template ? aug_error_message (template) : NULL;
      const char *details = template ? aug_error_details (template) : NULL;
      reply_with_error ("augeas initialization failed%s%s%s%s",
                        msg ? ": " : "", msg ? msg : "",
                        details ? ": " : "", details ? details : "");
      if (template)
        aug_close (template);
      template = NULL;
      return -1;
    }
  }

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1) {
    reply_with_perror ("socketpair");
    return -1;
  }
  pid = fork ();
  if (pid == -1) {
    reply_with_perror ("fork");
    close (sv[0]);
    close (sv[1]);
    return -1;
  }
  if (pid == 0) {
    close (sv[0]);
    augeas_worker (sv[1], own ? NULL : template, root, flags);
  }
  close (sv[1]);
  worker = pid;
  worker_fd = sv[0];

  /* The worker's first message says whether the handle was made (and
   * the files loaded). */
  if (get_reply (&rep) == -1) {
    stop_worker ();
    return -1;
  }
  augmsg_free (&rep);
  return 0;
}

int
do_aug_close (void)
{
  if (need_aug () == -1)
    return -1;
  stop_worker ();
  return 0;
}

int
do_aug_defvar (const char *name, const char *expr)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_DEFVAR, 0, 0, 2, name, expr) == -1)
    return -1;
  augmsg_free (&rep);
  return rep.n[1];
}

guestfs_int_int_bool *
do_aug_defnode (const char *name, const char *expr, const char *val)
{
  struct augmsg rep;
  guestfs_int_int_bool *r;

  if (request (&rep, AUGOP_DEFNODE, 0, 0, 3, name, expr, val) == -1)
    return NULL;
  augmsg_free (&rep);
  r = malloc (sizeof *r);
  if (r == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  r->i = rep.n[1];
  r->b = rep.n[2];
  return r;
}

/* The reply's single string, taken from it. */
static char *
take_string (struct augmsg *rep)
{
  char *s = rep->str[0];

  rep->str[0] = NULL;
  augmsg_free (rep);
  return s;
}

char *
do_aug_get (const char *augpath)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_GET, 0, 1, 1, augpath) == -1)
    return NULL;
  return take_string (&rep);
}

int
do_aug_set (const char *augpath, const char *val)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_SET, 0, 0, 2, augpath, val) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}

int
do_aug_clear (const char *augpath)
{
  return do_aug_set (augpath, NULL);
}

int
do_aug_setm (const char *base, const char *sub, const char *val)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_SETM, 0, 0, 3, base, sub, val) == -1)
    return -1;
  augmsg_free (&rep);
  return rep.n[1];
}

int
do_aug_insert (const char *augpath, const char *label, int before)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_INSERT, before, 0, 2, augpath, label) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}

int
do_aug_rm (const char *augpath)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_RM, 0, 0, 1, augpath) == -1)
    return -1;
  augmsg_free (&rep);
  return rep.n[1];
}

int
do_aug_mv (const char *src, const char *dest)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_MV, 0, 0, 2, src, dest) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}

char **
do_aug_match (const char *augpath)
{
  struct augmsg rep;
  char **r;

  if (request (&rep, AUGOP_MATCH, 0, -1, 1, augpath) == -1)
    return NULL;
  /* str is NULL-terminated (augmsg_recv allocates one more). */
  r = rep.str;
  rep.str = NULL;
  augmsg_free (&rep);
  return r;
}

char **
do_aug_ls (const char *augpath)
{
  CLEANUP_FREE char *pattern = NULL;
  size_t len = strlen (augpath);
  char **r;

  /* PATH/ followed by * would mean every descendant, not the children. */
  if (len > 1 && augpath[len - 1] == '/') {
    reply_with_error ("%s: don't use aug-ls with a path that ends with /",
                      augpath);
    return NULL;
  }
  if (asprintf (&pattern, "%s/*", STREQ (augpath, "/") ? "" : augpath) == -1) {
    reply_with_perror ("asprintf");
    return NULL;
  }
  r = do_aug_match (pattern);
  if (r)
    sort_strings (r, daemon_count_strings (r));
  return r;
}

char *
do_aug_label (const char *augpath)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_LABEL, 0, 1, 1, augpath) == -1)
    return NULL;
  return take_string (&rep);
}

int
do_aug_save (void)
{
  struct augmsg rep;

  if (need_aug () == -1 || need_root () == -1)
    return -1;
  if (request (&rep, AUGOP_SAVE, 0, 0, 0) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}

int
do_aug_load (void)
{
  struct augmsg rep;

  if (need_aug () == -1 || need_root () == -1)
    return -1;
  if (request (&rep, AUGOP_LOAD, 0, 0, 0) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}

int
do_aug_transform (const char *lens, const char *file, int remove)
{
  struct augmsg rep;

  if (request (&rep, AUGOP_TRANSFORM, remove, 0, 2, lens, file) == -1)
    return -1;
  augmsg_free (&rep);
  return 0;
}
