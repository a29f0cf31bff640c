/* guestfsd: the augeas worker, a child of the daemon that owns the
 * augeas handle between aug_init and aug_close and serves the daemon's
 * requests over a socket.
 *
 * Why a separate process, and why it enters the guest: augeas opens
 * files by path and follows symlinks when it loads and saves (it even
 * canonicalizes a file's path before replacing it), so a guest with
 * /etc/hosts -> /etc/shadow, or -> ../../../init, would make an augeas
 * handle rooted at /sysroot read or overwrite the appliance's own files.
 * This worker keeps the appliance's root as its root while it parses
 * lenses and answers tree requests, and for aug_load and aug_save only
 * (the two that touch files) it chroots into the guest directory given
 * to aug_init, opened with openat2(RESOLVE_IN_ROOT) so that the
 * directory itself is the guest's.  Inside, "/" and ".." stop at the
 * guest's root, so every path and symlink augeas follows resolves in
 * the guest, exactly as the guest itself would resolve it.  Afterwards
 * it returns to the appliance's root through a directory fd opened at
 * start (the worker never holds a guest fd or directory between calls,
 * so unmounting works as with libguestfs).  A worker that cannot return
 * exits rather than serve from the wrong root.
 *
 * The lenses are read before any guest file (augeas parses all of them
 * when a handle is made), so lens files never come from the guest; a
 * lens named in aug_transform that no module defines is looked for in
 * the guest's copy of the lens directory during the load, which only
 * changes how the guest's own files are parsed.  Being a process of its
 * own also means a crash or runaway memory use on a hostile file takes
 * down the worker (which the OOM killer is told to prefer), not the
 * daemon, and that the daemon can stop it when a FIFO in the guest
 * would make it wait forever (augeas.c). */

#include <config.h>

#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>

#include "daemon.h"
#include "augeas-int.h"

static augeas *aug;
static const char *guest_root;  /* the guest directory seen as "/" */
static int appliance_root = -1; /* to leave the guest */
static int sock = -1;

/* The flags that choose how aug_save writes. */
#define SAVE_FLAGS (AUG_SAVE_BACKUP | AUG_SAVE_NEWFILE | AUG_SAVE_NOOP)

static void
send_or_die (int32_t status, int32_t r1, int32_t r2, size_t nstr, char *const *str)
{
  if (augmsg_send (sock, status, r1, r2, nstr, str) == -1) {
    if (errno == EFBIG) {
      char *msg = (char *) "the result is too large to return";
      if (augmsg_send (sock, -1, 0, 0, 1, &msg) == 0)
        return;
    }
    _exit (1);
  }
}

static void
reply_ok (int32_t r1, int32_t r2)
{
  send_or_die (0, r1, r2, 0, NULL);
}

/* Reply with an error message made like printf; always returns -1. */
static int __attribute__((format (printf, 1, 2)))
reply_err (const char *fs, ...)
{
  va_list ap;
  char *msg;

  va_start (ap, fs);
  if (vasprintf (&msg, fs, ap) == -1)
    msg = NULL;
  va_end (ap);
  send_or_die (-1, 0, 0, 1, msg ? &msg : (char *[]) { (char *) "out of memory" });
  free (msg);
  return -1;
}

/* Reply with augeas's explanation of the failure of a request on ctx. */
static int
reply_aug_err (const char *ctx)
{
  const char *msg = aug_error_message (aug);
  const char *minor = aug_error_minor_message (aug);
  const char *details = aug_error_details (aug);

  if (aug_error (aug) == AUG_NOERROR)
    return reply_err ("%s: augeas failed without giving a reason", ctx);
  return reply_err ("%s: %s%s%s%s%s", ctx, msg ? msg : "error",
                    minor ? ": " : "", minor ? minor : "",
                    details ? ": " : "", details ? details : "");
}

/* ---- running inside the guest ---- */

static int
enter_guest (char **err)
{
  int fd = sysroot_open (guest_root, O_PATH | O_DIRECTORY, 0);

  if (fd == -1 || fchdir (fd) == -1 || chroot (".") == -1) {
    if (asprintf (err, "%s: %s", guest_root, strerror (errno)) == -1)
      *err = NULL;
    if (fd >= 0)
      close (fd);
    if (fchdir (appliance_root) == -1)
      _exit (1);
    return -1;
  }
  close (fd);
  return 0;
}

static void
leave_guest (void)
{
  if (fchdir (appliance_root) == -1 || chroot (".") == -1 || chdir ("/") == -1) {
    fprintf (stderr, "guestfsd: augeas worker cannot leave the guest root: %m\n");
    _exit (1);
  }
}

/* aug_load or aug_save inside the guest; -1 if the guest root is gone. */
static int
in_guest (int (*fn) (augeas *), int *r)
{
  char *err = NULL;

  if (enter_guest (&err) == -1) {
    reply_err ("%s", err ? err : "cannot enter the guest root");
    free (err);
    return -1;
  }
  *r = fn (aug);
  leave_guest ();
  return 0;
}

/* ---- the requests ---- */

/* Why files could not be saved: augeas records each failure under
 * /augeas/files/PATH/error (value) and .../error/message.  Errors left
 * by loading (files that did not parse) are not about saving. */
static int
reply_save_errors (void)
{
  char **m = NULL, *msg = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&msg, &len);
  int n = aug_match (aug, "/augeas/files//error", &m), found = 0;

  for (int i = 0; fp && i < n; ++i) {
    const char *status = NULL, *detail = NULL;
    char *sub = NULL;
    size_t pl = strlen (m[i]);

    if (aug_get (aug, m[i], &status) != 1 || status == NULL ||
        strcmp (status, "parse_failed") == 0 ||
        strcmp (status, "read_failed") == 0 || strcmp (status, "mxfm_load") == 0)
      goto next;
    if (asprintf (&sub, "%s/message", m[i]) != -1 &&
        aug_get (aug, sub, &detail) != 1)
      detail = NULL;
    /* /augeas/files/etc/hosts/error -> /etc/hosts */
    fprintf (fp, "%s%.*s: %s%s%.*s", found++ ? "; " : "",
             (int) (pl - strlen ("/augeas/files") - strlen ("/error")),
             m[i] + strlen ("/augeas/files"), status,
             detail ? ": " : "", 1024, detail ? detail : "");
  next:
    free (sub);
    free (m[i]);
  }
  free (m);
  if (fp == NULL || fclose (fp) != 0 || found == 0) {
    free (msg);
    return reply_aug_err ("aug_save");
  }
  reply_err ("%s", msg);
  free (msg);
  return -1;
}

/* How many strings each request takes. */
static const uint32_t nr_strings[] = {
  [AUGOP_DEFVAR] = 2, [AUGOP_DEFNODE] = 3, [AUGOP_GET] = 1, [AUGOP_SET] = 2,
  [AUGOP_SETM] = 3, [AUGOP_INSERT] = 2, [AUGOP_RM] = 1, [AUGOP_MV] = 2,
  [AUGOP_MATCH] = 1, [AUGOP_LABEL] = 1, [AUGOP_SAVE] = 0, [AUGOP_LOAD] = 0,
  [AUGOP_TRANSFORM] = 2,
};

static void
do_request (const struct augmsg *q)
{
  char *const *s = q->str;
  int r, created;
  const char *value;
  char *label;
  char **matches;

  /* Each request's strings, checked by the daemon before sending:
   *   DEFVAR name expr|NULL     DEFNODE name expr val
   *   GET path                  SET path val|NULL
   *   SETM base sub|NULL val    INSERT path label (arg: before)
   *   RM path                   MV src dest
   *   MATCH path                LABEL path
   *   SAVE                      LOAD
   *   TRANSFORM lens file (arg: remove) */
  if (q->n[0] < AUGOP_DEFVAR || q->n[0] > AUGOP_TRANSFORM ||
      q->nstr != nr_strings[q->n[0]]) {
    reply_err ("augeas worker: malformed request %d", (int) q->n[0]);
    return;
  }
  switch (q->n[0]) {
  case AUGOP_DEFVAR:
    r = aug_defvar (aug, s[0], s[1]);
    if (r == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (r, 0);
    return;
  case AUGOP_DEFNODE:
    r = aug_defnode (aug, s[0], s[1], s[2], &created);
    if (r == -1)
      reply_aug_err (s[1]);
    else
      reply_ok (r, created);
    return;
  case AUGOP_GET:
    r = aug_get (aug, s[0], &value);
    if (r == 1 && value != NULL)
      send_or_die (0, 0, 0, 1, (char *[]) { (char *) value });
    else if (r == 1)
      reply_err ("%s: the node has no value (it is NULL)", s[0]);
    else if (r == 0)
      reply_err ("%s: no matching node", s[0]);
    else
      reply_aug_err (s[0]);
    return;
  case AUGOP_SET:
    if (aug_set (aug, s[0], s[1]) == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (0, 0);
    return;
  case AUGOP_SETM:
    r = aug_setm (aug, s[0], s[1], s[2]);
    if (r == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (r, 0);
    return;
  case AUGOP_INSERT:
    if (aug_insert (aug, s[0], s[1], q->n[1]) == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (0, 0);
    return;
  case AUGOP_RM:
    r = aug_rm (aug, s[0]);
    if (r == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (r, 0);
    return;
  case AUGOP_MV:
    if (aug_mv (aug, s[0], s[1]) == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (0, 0);
    return;
  case AUGOP_MATCH:
    r = aug_match (aug, s[0], &matches);
    if (r == -1) {
      reply_aug_err (s[0]);
      return;
    }
    send_or_die (0, 0, 0, r, matches);
    for (int i = 0; i < r; ++i)
      free (matches[i]);
    free (matches);
    return;
  case AUGOP_LABEL:
    label = NULL;
    r = aug_label (aug, s[0], (const char **) &label);
    if (r == 1 && label != NULL)
      send_or_die (0, 0, 0, 1, &label);
    else if (r == 1)
      reply_err ("%s: the node has no label", s[0]);
    else if (r == 0)
      reply_err ("%s: no matching node", s[0]);
    else
      reply_aug_err (s[0]);
    return;
  case AUGOP_SAVE:
    if (in_guest (aug_save, &r) == -1)
      return;
    if (r == -1)
      reply_save_errors ();
    else
      reply_ok (0, 0);
    return;
  case AUGOP_LOAD:
    if (in_guest (aug_load, &r) == -1)
      return;
    if (r == -1)
      reply_aug_err ("aug_load");
    else
      reply_ok (0, 0);
    return;
  case AUGOP_TRANSFORM:
    if (aug_transform (aug, s[0], s[1], q->n[1]) == -1)
      reply_aug_err (s[0]);
    else
      reply_ok (0, 0);
    return;
  }
}

/* ---- start ---- */

static int
init (augeas *template, int flags)
{
  const char *mode;
  int r;

  if (template == NULL) {
    /* No load yet: that happens inside the guest. */
    aug = aug_init ("/", NULL, flags | AUG_NO_LOAD | AUG_NO_ERR_CLOSE);
    if (aug == NULL)
      return reply_err ("augeas initialization failed");
    if (aug_error (aug) != AUG_NOERROR)
      return reply_aug_err ("aug_init");
  }
  else {
    aug = template;
    /* aug_save reads the save mode from here, as aug_init would set it. */
    mode = flags & AUG_SAVE_NEWFILE ? "newfile" :
      flags & AUG_SAVE_BACKUP ? "backup" :
      flags & AUG_SAVE_NOOP ? "noop" : "overwrite";
    if (aug_set (aug, "/augeas/save", mode) == -1)
      return reply_aug_err ("aug_init");
  }
  if (!(flags & AUG_NO_LOAD)) {
    if (in_guest (aug_load, &r) == -1)
      return -1;
    if (r == -1)
      return reply_aug_err ("aug_init");
  }
  reply_ok (0, 0);
  return 0;
}

void
augeas_worker (int fd, augeas *template, const char *root, int flags)
{
  struct augmsg q;
  int oom;

  /* Nothing of the daemon's but the socket and stdio: above all not the
   * channel to the library. */
  if (fd != 3) {
    if (dup2 (fd, 3) == -1)
      _exit (1);
    fd = 3;
  }
  close_range (4, ~0U, 0);
  sock = fd;
  guest_root = root;
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  signal (SIGPIPE, SIG_DFL);
  oom = open ("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (oom >= 0) {
    if (write (oom, "1000", 4) == -1 && verbose)
      perror ("augeas worker: oom_score_adj");
    close (oom);
  }
  appliance_root = open ("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (appliance_root == -1)
    _exit (1);

  if (init (template, flags) == -1)
    _exit (1);
  for (;;) {
    if (augmsg_recv (sock, &q, NULL, NULL) == -1)
      _exit (0);
    do_request (&q);
    augmsg_free (&q);
  }
}
