/* guestfsd: the messages between the daemon and its augeas worker.
 * A message is a length word, three numbers, a string count and the
 * strings (a length word each, all ones for NULL, then the bytes), in
 * the host's byte order: both ends are the same program on the same
 * machine.  The worker parses the guest's files, so what it sends is
 * checked like any other untrusted input. */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "daemon.h"
#include "augeas-int.h"

#define NULL_STRING UINT32_MAX

int
augmsg_send (int fd, int32_t n0, int32_t n1, int32_t n2,
             size_t nstr, char *const *str)
{
  size_t len = 4 * sizeof (uint32_t), pos = 0;
  uint32_t w;
  char *buf;
  int r;

  for (size_t i = 0; i < nstr; ++i) {
    len += sizeof w + (str[i] ? strlen (str[i]) : 0);
    if (len > AUGMSG_MAX) {
      errno = EFBIG;
      return -1;
    }
  }
  buf = malloc (sizeof w + len);
  if (buf == NULL)
    return -1;
#define PUT(v) (w = (uint32_t) (v), memcpy (buf + pos, &w, sizeof w), pos += sizeof w)
  PUT (len);
  PUT (n0);
  PUT (n1);
  PUT (n2);
  PUT (nstr);
  for (size_t i = 0; i < nstr; ++i) {
    if (str[i] == NULL)
      PUT (NULL_STRING);
    else {
      size_t sl = strlen (str[i]);
      PUT (sl);
      memcpy (buf + pos, str[i], sl);
      pos += sl;
    }
  }
#undef PUT
  r = xwrite (fd, buf, pos);
  free (buf);
  return r;
}

/* Read exactly len bytes, calling idle while nothing arrives. */
static int
read_full (int fd, char *buf, size_t len, augmsg_idle idle, void *opaque)
{
  while (len > 0) {
    struct pollfd p = { .fd = fd, .events = POLLIN };
    ssize_t r;
    int pr = poll (&p, 1, 333);

    if (pr == -1 && errno != EINTR)
      return -1;
    if (pr <= 0) {
      if (pr == 0 && idle && idle (opaque) == -1)
        return -1;
      continue;
    }
    r = read (fd, buf, len);
    if (r == -1) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = EIO;
      return -1;
    }
    buf += r;
    len -= r;
  }
  return 0;
}

void
augmsg_free (struct augmsg *m)
{
  if (m->str) {
    for (uint32_t i = 0; i < m->nstr; ++i)
      free (m->str[i]);
    free (m->str);
  }
  m->str = NULL;
  m->nstr = 0;
}

int
augmsg_recv (int fd, struct augmsg *m, augmsg_idle idle, void *opaque)
{
  uint32_t len, w;
  size_t pos = 0;
  char *buf;

  memset (m, 0, sizeof *m);
  if (read_full (fd, (char *) &len, sizeof len, idle, opaque) == -1)
    return -1;
  if (len < 4 * sizeof w || len > AUGMSG_MAX) {
    errno = len < 4 * sizeof w ? EIO : EFBIG;
    return -1;
  }
  buf = malloc (len);
  if (buf == NULL)
    return -1;
  if (read_full (fd, buf, len, idle, opaque) == -1)
    goto fail;

#define GET(v) (memcpy (&w, buf + pos, sizeof w), pos += sizeof w, (v) = w)
  GET (m->n[0]);
  GET (m->n[1]);
  GET (m->n[2]);
  GET (m->nstr);
  /* Each string takes at least its length word. */
  if (m->nstr > (len - pos) / sizeof w)
    goto bad;
  m->str = calloc (m->nstr + 1, sizeof (char *));
  if (m->str == NULL)
    goto fail;
  for (uint32_t i = 0; i < m->nstr; ++i) {
    uint32_t sl;
    if (len - pos < sizeof w)
      goto bad;
    GET (sl);
    if (sl == NULL_STRING)
      continue;
    if (sl > len - pos || memchr (buf + pos, '\0', sl) != NULL)
      goto bad;
    m->str[i] = strndup (buf + pos, sl);
    if (m->str[i] == NULL)
      goto fail;
    pos += sl;
  }
#undef GET
  if (pos != len)
    goto bad;
  free (buf);
  return 0;

 bad:
  errno = EIO;
 fail:;
  int err = errno;
  free (buf);
  augmsg_free (m);
  errno = err;
  return -1;
}
