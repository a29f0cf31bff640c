/* guestfsd: echo_daemon and sleep, the calls for testing the connection
 * to the daemon. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>

#include "daemon.h"
#include "actions.h"

char *
do_echo_daemon (char *const *words)
{
  size_t len = 0;
  char *r, *p;

  for (size_t i = 0; words[i]; ++i)
    len += strlen (words[i]) + 1;
  r = malloc (len + 1);
  if (r == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  p = r;
  for (size_t i = 0; words[i]; ++i) {
    size_t n = strlen (words[i]);
    if (i > 0)
      *p++ = ' ';
    memcpy (p, words[i], n);
    p += n;
  }
  *p = '\0';
  return r;
}

int
do_sleep (int secs)
{
  struct timespec ts = { .tv_sec = secs, .tv_nsec = 0 };

  if (secs < 0) {
    reply_with_error ("%d: the number of seconds cannot be negative", secs);
    return -1;
  }
  while (nanosleep (&ts, &ts) == -1 && errno == EINTR)
    ;
  return 0;
}
