/* guestfsd: dmesg and utsname, the appliance kernel's log and version.
 * The log is read with syslog(2) directly, no dmesg program needed. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <sys/klog.h>
#include <sys/utsname.h>

#include "daemon.h"
#include "actions.h"

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

char *
do_dmesg (void)
{
  CLEANUP_FREE char *raw = NULL;
  char *out, *o;
  int size, n;

  size = klogctl (SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
  if (size <= 0 || size > 64 * 1024 * 1024)
    size = 1024 * 1024;
  raw = malloc (size);
  out = malloc (size + 1);
  if (raw == NULL || out == NULL) {
    reply_with_perror ("malloc");
    free (out);
    return NULL;
  }
  n = klogctl (SYSLOG_ACTION_READ_ALL, raw, size);
  if (n == -1) {
    reply_with_perror ("syslog");
    free (out);
    return NULL;
  }
  /* Drop the "<level>" prefix of each line, as dmesg(1) does. */
  o = out;
  for (int i = 0; i < n; ) {
    if (raw[i] == '<') {
      int j = i + 1;
      while (j < n && isdigit ((unsigned char) raw[j]))
        j++;
      if (j < n && j > i + 1 && raw[j] == '>')
        i = j + 1;
    }
    while (i < n && raw[i] != '\n')
      *o++ = raw[i++];
    if (i < n)
      *o++ = raw[i++];
  }
  *o = '\0';
  return out;
}

guestfs_int_utsname *
do_utsname (void)
{
  struct utsname u;
  guestfs_int_utsname *r;

  if (uname (&u) == -1) {
    reply_with_perror ("uname");
    return NULL;
  }
  r = calloc (1, sizeof *r);
  if (r == NULL) {
    reply_with_perror ("calloc");
    return NULL;
  }
  r->uts_sysname = strdup (u.sysname);
  r->uts_release = strdup (u.release);
  r->uts_version = strdup (u.version);
  r->uts_machine = strdup (u.machine);
  if (!r->uts_sysname || !r->uts_release || !r->uts_version || !r->uts_machine) {
    reply_with_perror ("strdup");
    free (r->uts_sysname);
    free (r->uts_release);
    free (r->uts_version);
    free (r->uts_machine);
    free (r);
    return NULL;
  }
  return r;
}
