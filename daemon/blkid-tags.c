/* guestfsd: the blkid call — every tag the low-level libblkid probe
 * finds on a device (filesystem or RAID superblock, I/O topology, the
 * device's own partition table entry or table), as "blkid -p -i" prints
 * them, but read from the library: the values need no unescaping and
 * nothing is cached. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <blkid.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

/* More than any prober sets: a bound on what the device can make us
 * send. */
#define MAX_TAGS 256

char **
do_blkid (const char *device)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE char *api = blockdev_api_name (device);
  blkid_probe pr;
  int rc, n;

  errno = 0;
  pr = blkid_new_probe_from_filename (device);
  if (pr == NULL) {
    if (errno == 0)
      errno = EIO;
    reply_with_perror ("%s", api);
    return NULL;
  }
  blkid_probe_enable_superblocks (pr, 1);
  blkid_probe_set_superblocks_flags (pr, BLKID_SUBLKS_LABEL |
                                     BLKID_SUBLKS_UUID | BLKID_SUBLKS_TYPE |
                                     BLKID_SUBLKS_SECTYPE |
                                     BLKID_SUBLKS_USAGE |
                                     BLKID_SUBLKS_VERSION);
  blkid_probe_enable_topology (pr, 1);
  blkid_probe_enable_partitions (pr, 1);
  blkid_probe_set_partitions_flags (pr, BLKID_PARTS_ENTRY_DETAILS);

  rc = blkid_do_safeprobe (pr);
  if (rc == -2) {
    blkid_free_probe (pr);
    reply_with_error ("%s: ambivalent result: signatures of more than one "
                      "filesystem were found (wipefs lists them)", api);
    return NULL;
  }
  if (rc == -1) {
    blkid_free_probe (pr);
    reply_with_error_errno (EIO, "%s: could not probe the device", api);
    return NULL;
  }

  if (add_string (&sb, "DEVNAME") == -1 || add_string (&sb, api) == -1)
    goto fail;
  /* rc 1: nothing found, and the hash holds only DEVNAME. */
  n = rc == 0 ? blkid_probe_numof_values (pr) : 0;
  for (int i = 0; i < n && i < MAX_TAGS; ++i) {
    const char *name, *data;
    size_t len;
    char *value;

    if (blkid_probe_get_value (pr, i, &name, &data, &len) != 0)
      continue;
    if (add_string (&sb, name) == -1)
      goto fail;
    /* len counts the terminating NUL of string values. */
    value = strndup (data, len);
    if (value == NULL) {
      reply_with_perror ("strndup");
      goto fail;
    }
    if (add_string_nodup (&sb, value) == -1)
      goto fail;
  }
  blkid_free_probe (pr);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);

 fail:
  blkid_free_probe (pr);
  return NULL;
}
