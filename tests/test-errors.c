/* The error API: last_error and last_errno after daemon errors, the
 * state checks (calls before launch, config-only calls after it), NULL
 * arguments, and push/pop/set of error handlers. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "guestfs.h"
#include "tap.h"

static int handler_calls;
static char handler_msg[512];

static void
handler (guestfs_h *g, void *data, const char *msg)
{
  handler_calls++;
  snprintf (handler_msg, sizeof handler_msg, "%s", msg);
}

int
main (void)
{
  guestfs_h *g = guestfs_create ();
  const char *e;
  char *s;

  TAP_PLAN (12);
  if (g == NULL)
    TAP_BAIL ("create");
  guestfs_set_error_handler (g, handler, NULL);

  TAP_OK (guestfs_ping_daemon (g) == -1 &&
          strstr (guestfs_last_error (g), "call launch before using this function"),
          "a daemon call before launch: %s", guestfs_last_error (g));
  TAP_OK (handler_calls == 1 && strcmp (handler_msg, guestfs_last_error (g)) == 0,
          "the error handler got the same message");
  TAP_OK (guestfs_add_drive_opts (g, NULL, -1) == -1 &&
          strstr (guestfs_last_error (g), "cannot be NULL"),
          "NULL argument: %s", guestfs_last_error (g));
  TAP_OK (guestfs_add_drive_opts (g, "/nonexistent.img", -1) == -1 &&
          guestfs_last_errno (g) == ENOENT,
          "missing image: errno ENOENT, %s", guestfs_last_error (g));
  TAP_OK (guestfs_add_drive_scratch (g, INT64_C(64) * 1024 * 1024, -1) == 0 &&
          guestfs_launch (g) == 0, "launch");
  TAP_OK (guestfs_set_memsize (g, 512) == -1 &&
          strstr (guestfs_last_error (g), "config state"),
          "config-only call after launch: %s", guestfs_last_error (g));
  TAP_OK (guestfs_launch (g) == -1 && strstr (guestfs_last_error (g), "already been launched"),
          "second launch: %s", guestfs_last_error (g));

  guestfs_part_disk (g, "/dev/sda", "mbr");
  guestfs_mkfs (g, "ext4", "/dev/sda1");
  guestfs_mount (g, "/dev/sda1", "/");
  s = guestfs_cat (g, "/nosuchfile");
  e = guestfs_last_error (g);
  TAP_OK (s == NULL && guestfs_last_errno (g) == ENOENT &&
          strcmp (e, "cat: /nosuchfile: No such file or directory") == 0,
          "daemon error carries the call name, message and errno: %s", e);
  TAP_OK (guestfs_mkdir (g, "relative") == -1 &&
          strstr (guestfs_last_error (g), "path must start with a / character"),
          "relative path: %s", guestfs_last_error (g));

  handler_calls = 0;
  guestfs_push_error_handler (g, NULL, NULL);
  guestfs_rmdir (g, "/nosuchdir");
  guestfs_pop_error_handler (g);
  TAP_OK (handler_calls == 0 && guestfs_last_error (g) != NULL,
          "a pushed NULL handler silences errors but keeps last_error");
  guestfs_rmdir (g, "/nosuchdir");
  TAP_OK (handler_calls == 1, "popping restores the handler");
  TAP_OK (guestfs_shutdown (g) == 0, "shutdown");
  guestfs_close (g);
  TAP_EXIT ();
}
