/* guestfsd: lvm_set_filter and lvm_clear_filter.  The filter lives in a
 * private copy of the appliance's lvm.conf (under /run, never in the
 * guest) that LVM_SYSTEM_DIR points every later lvm run at; clearing it
 * goes back to the appliance's own configuration. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

#define LVM_CONF "/etc/lvm/lvm.conf"
#define FILTER_DIR "/run/guestkit-lvm"
#define FILTER_CONF FILTER_DIR "/lvm.conf"
#define CONF_MAX (1024 * 1024)

static bool filter_set;

/* LVM's filter is a list of its own regular expressions between '|'s:
 * allow only characters that mean nothing to it in device paths. */
static bool
plain_path (const char *s)
{
  for (; *s; ++s)
    if (!isalnum ((unsigned char) *s) && !strchr ("/_-:", *s))
      return false;
  return true;
}

/* "a|^/dev/sda1$|", for a whole disk also its partitions, then reject
 * everything else (libguestfs's filter). */
static char *
make_filter (char *const *devices)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);

  if (fp == NULL) {
    reply_with_perror ("open_memstream");
    return NULL;
  }
  for (size_t i = 0; devices[i]; ++i) {
    const char *d = devices[i];
    size_t len = strlen (d);
    CLEANUP_FREE char *api = daemon_device_to_api (d);

    if (!plain_path (d)) {
      fclose (fp);
      free (buf);
      reply_with_error_errno (EINVAL, "%s: LVM cannot filter on a device "
                              "name with these characters", api ? api : d);
      return NULL;
    }
    if (len > 0 && isdigit ((unsigned char) d[len - 1]))
      fprintf (fp, "\"a|^%s$|\", ", d);
    else
      fprintf (fp, "\"a|^%s$|\", \"a|^%s[0-9]|\", ", d, d);
  }
  fprintf (fp, "\"r|.*|\"");
  if (fclose (fp) != 0) {
    free (buf);
    reply_with_perror ("open_memstream");
    return NULL;
  }
  return buf;
}

/* The appliance's lvm.conf with a devices { filter } section added
 * (sections of the same name merge; the later setting wins). */
static int
write_config (const char *filter)
{
  CLEANUP_FREE char *base = NULL;
  CLEANUP_CLOSE int in = open (LVM_CONF, O_RDONLY | O_CLOEXEC);
  CLEANUP_CLOSE int out = -1;
  CLEANUP_FREE char *section = NULL;
  size_t len = 0;

  if (in >= 0) {
    base = read_whole_fd (in, CONF_MAX, &len);
    if (base == NULL) {
      reply_with_perror ("%s", LVM_CONF);
      return -1;
    }
  }
  if (asprintf (&section, "\ndevices {\n    filter = [ %s ]\n}\n", filter) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  if (mkdir (FILTER_DIR, 0700) == -1 && errno != EEXIST) {
    reply_with_perror ("%s", FILTER_DIR);
    return -1;
  }
  out = open (FILTER_CONF, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
              0600);
  if (out == -1 ||
      (base && xwrite (out, base, len) == -1) ||
      xwrite (out, section, strlen (section)) == -1) {
    reply_with_perror ("%s", FILTER_CONF);
    return -1;
  }
  return 0;
}

/* Deactivate everything, change the configuration, rescan and activate
 * again: LVM must not keep devices open that the new filter hides. */
static int
refilter (const char *filter)
{
  if (lvm_cmd (NULL, "vgchange", "vgchange", "-an", NULL) == -1)
    return -1;
  if (filter) {
    if (write_config (filter) == -1)
      return -1;
    setenv ("LVM_SYSTEM_DIR", FILTER_DIR, 1);
  }
  else {
    unsetenv ("LVM_SYSTEM_DIR");
    unlink (FILTER_CONF);
  }
  filter_set = filter != NULL;
  if (lvm_cmd (NULL, "vgscan", "vgscan", NULL) == -1)
    return -1;
  return lvm_cmd (NULL, "vgchange", "vgchange", "-ay", NULL);
}

int
do_lvm_set_filter (char *const *devices)
{
  CLEANUP_FREE char *filter = NULL;

  storage_activate_once ();
  filter = make_filter (devices);
  if (filter == NULL)
    return -1;
  return refilter (filter);
}

int
do_lvm_clear_filter (void)
{
  storage_activate_once ();
  /* No filter: LVM keeps no cache to clear and would find what it finds
   * now, so there is nothing to redo. */
  if (!filter_set)
    return 0;
  return refilter (NULL);
}
