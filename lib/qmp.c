/* libguestfs (guestkit): a small client of qemu's QMP monitor, reached
 * through a socket pair like the protocol channel.  Warm launches use it
 * to save and restore the appliance, hot-plugging to add and remove
 * drives.  qemu's replies are parsed with json-c and bounded in size:
 * they are not trusted more than the appliance. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>

#include <json-c/json.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* qemu's longest answers to the commands we send are far shorter. */
#define QMP_LINE_MAX (1024 * 1024)

/* Read one line ("...\r\n") into g->qmp_line.  0, or -1 with error. */
static int
read_line (guestfs_h *g, int timeout_ms)
{
  for (;;) {
    char *nl = g->qmp_len ? memchr (g->qmp_buf, '\n', g->qmp_len) : NULL;
    if (nl) {
      size_t n = nl - g->qmp_buf + 1;
      free (g->qmp_line);
      g->qmp_line = safe_malloc (g, n + 1);
      memcpy (g->qmp_line, g->qmp_buf, n);
      g->qmp_line[n] = '\0';
      memmove (g->qmp_buf, g->qmp_buf + n, g->qmp_len - n);
      g->qmp_len -= n;
      return 0;
    }
    if (g->qmp_len >= QMP_LINE_MAX) {
      error (g, "qemu monitor: reply longer than %d bytes", QMP_LINE_MAX);
      return -1;
    }
    int r = guestfs_int_wait_fd (g, g->qmp, POLLIN, timeout_ms);
    if (r == -1)
      return -1;
    if (r == 0) {
      error (g, "qemu monitor: no answer within %d ms", timeout_ms);
      return -1;
    }
    if (g->qmp_alloc - g->qmp_len < 65536) {
      g->qmp_alloc = g->qmp_alloc ? g->qmp_alloc * 2 : 131072;
      g->qmp_buf = safe_realloc (g, g->qmp_buf, g->qmp_alloc);
    }
    ssize_t n = read (g->qmp, g->qmp_buf + g->qmp_len, g->qmp_alloc - g->qmp_len);
    if (n == -1 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n == -1) {
      perrorf (g, "qemu monitor: read");
      return -1;
    }
    if (n == 0) {
      error (g, "qemu monitor: qemu closed the connection (it exited)");
      return -1;
    }
    g->qmp_len += n;
  }
}

/* The next message that is not an event. */
static json_object *
read_message (guestfs_h *g, int timeout_ms)
{
  for (;;) {
    json_object *o, *ev;

    if (read_line (g, timeout_ms) == -1)
      return NULL;
    o = json_tokener_parse (g->qmp_line);
    if (o == NULL || !json_object_is_type (o, json_type_object)) {
      error (g, "qemu monitor: unparsable message: %.200s", g->qmp_line);
      json_object_put (o);
      return NULL;
    }
    if (json_object_object_get_ex (o, "event", &ev)) {
      const char *name = json_object_get_string (ev);
      debug (g, "qemu event: %s", name ? name : "?");
      json_object_put (o);
      continue;
    }
    return o;
  }
}

static int
send_all (guestfs_h *g, const char *s, int fd_to_pass)
{
  size_t len = strlen (s);

  while (len > 0) {
    struct iovec iov = { .iov_base = (void *) s, .iov_len = len };
    union {
      struct cmsghdr h;
      char buf[CMSG_SPACE (sizeof (int))];
    } ctl;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t n;

    if (fd_to_pass >= 0) {
      memset (&ctl, 0, sizeof ctl);
      msg.msg_control = ctl.buf;
      msg.msg_controllen = sizeof ctl.buf;
      struct cmsghdr *c = CMSG_FIRSTHDR (&msg);
      c->cmsg_level = SOL_SOCKET;
      c->cmsg_type = SCM_RIGHTS;
      c->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (c), &fd_to_pass, sizeof (int));
    }
    n = sendmsg (g->qmp, &msg, MSG_NOSIGNAL);
    if (n == -1 && errno == EINTR)
      continue;
    if (n == -1) {
      perrorf (g, "qemu monitor: send");
      return -1;
    }
    fd_to_pass = -1;            /* once, with the first bytes */
    s += n;
    len -= n;
  }
  return 0;
}

static int handshake (guestfs_h *g, int timeout_ms);

json_object *
guestfs_int_qmp (guestfs_h *g, const char *cmd, json_object *args,
                 int fd_to_pass, int timeout_ms)
{
  json_object *req, *reply, *v;
  char *line;

  if (g->qmp < 0) {
    error (g, "qemu monitor: %s: not connected", cmd);
    json_object_put (args);
    return NULL;
  }
  /* The greeting waits in the socket until the monitor is first needed:
   * launches that never use it pay nothing. */
  if (!g->qmp_ready && handshake (g, timeout_ms) == -1) {
    guestfs_int_qmp_close (g);
    json_object_put (args);
    return NULL;
  }
  req = json_object_new_object ();
  json_object_object_add (req, "execute", json_object_new_string (cmd));
  if (args)
    json_object_object_add (req, "arguments", args);
  line = safe_asprintf (g, "%s\n",
                        json_object_to_json_string_ext (req, JSON_C_TO_STRING_PLAIN));
  json_object_put (req);
  if (!STRPREFIX (cmd, "query-"))        /* polled: would flood the log */
    debug (g, "qmp> %s", line);
  if (send_all (g, line, fd_to_pass) == -1) {
    free (line);
    return NULL;
  }
  free (line);

  reply = read_message (g, timeout_ms);
  if (reply == NULL)
    return NULL;
  if (json_object_object_get_ex (reply, "error", &v)) {
    json_object *d;
    const char *desc = json_object_object_get_ex (v, "desc", &d)
      ? json_object_get_string (d) : NULL;
    error (g, "qemu monitor: %s: %s", cmd, desc ? desc : "error");
    json_object_put (reply);
    return NULL;
  }
  if (!json_object_object_get_ex (reply, "return", &v)) {
    error (g, "qemu monitor: %s: reply without a result", cmd);
    json_object_put (reply);
    return NULL;
  }
  json_object_get (v);
  json_object_put (reply);
  return v;
}

int
guestfs_int_qmp_simple (guestfs_h *g, const char *cmd, json_object *args, int timeout_ms)
{
  json_object *r = guestfs_int_qmp (g, cmd, args, -1, timeout_ms);

  if (r == NULL)
    return -1;
  json_object_put (r);
  return 0;
}

static int
handshake (guestfs_h *g, int timeout_ms)
{
  json_object *greeting = read_message (g, timeout_ms);

  if (greeting == NULL)
    return -1;
  if (!json_object_object_get_ex (greeting, "QMP", NULL)) {
    error (g, "qemu monitor: unexpected greeting");
    json_object_put (greeting);
    return -1;
  }
  json_object_put (greeting);
  g->qmp_ready = true;
  return guestfs_int_qmp_simple (g, "qmp_capabilities", NULL, timeout_ms);
}

/* The human monitor answers errors as text: anything but nothing (or
 * drive_add's "OK") is one. */
int
guestfs_int_qmp_hmp (guestfs_h *g, const char *line, int timeout_ms)
{
  json_object *args = json_object_new_object (), *r;
  const char *out;
  size_t n;

  json_object_object_add (args, "command-line", json_object_new_string (line));
  r = guestfs_int_qmp (g, "human-monitor-command", args, -1, timeout_ms);
  if (r == NULL)
    return -1;
  out = json_object_get_string (r);
  n = out ? strlen (out) : 0;
  while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
    n--;
  if (n > 0 && !(n == 2 && strncmp (out, "OK", 2) == 0)) {
    error (g, "qemu monitor: %.*s", (int) (n > 500 ? 500 : n), out);
    json_object_put (r);
    return -1;
  }
  json_object_put (r);
  return 0;
}

void
guestfs_int_qmp_close (guestfs_h *g)
{
  if (g->qmp >= 0)
    close (g->qmp);
  g->qmp = -1;
  g->qmp_ready = false;
  free (g->qmp_buf);
  free (g->qmp_line);
  g->qmp_buf = g->qmp_line = NULL;
  g->qmp_len = g->qmp_alloc = 0;
}
