/* guestfsd: MBR partition types — the type (ID) byte of a partition,
 * read from the table with libblkid and written with sfdisk, and whether
 * a partition is primary, extended or logical. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

int
do_part_get_mbr_id (const char *device, int partnum)
{
  struct blockdev_partinfo pi;

  if (blockdev_partinfo (device, partnum, "dos", &pi) == -1)
    return -1;
  return pi.mbr_id & 0xff;
}

int
do_part_set_mbr_id (const char *device, int partnum, int idbyte)
{
  struct blockdev_partinfo pi;
  char num[16], id[8];

  if (idbyte < 0 || idbyte > 0xff) {
    reply_with_error_errno (EINVAL, "idbyte %d is not a byte (0 to 255, "
                            "0x00 to 0xff)", idbyte);
    return -1;
  }
  if (blockdev_partinfo (device, partnum, "dos", &pi) == -1)
    return -1;
  snprintf (num, sizeof num, "%d", partnum);
  snprintf (id, sizeof id, "%x", (unsigned) idbyte);
  {
    const char *argv[] = {
      "sfdisk", "--part-type", "--", device, num, id, NULL
    };
    return blockdev_run_tool (device, argv, NULL);
  }
}

char *
do_part_get_mbr_part_type (const char *device, int partnum)
{
  struct blockdev_partinfo pi;
  const char *type;
  char *r;

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return NULL;
  if (STREQ (pi.pttype, "dos"))
    type = pi.extended ? "extended" : pi.logical ? "logical" : "primary";
  else if (STREQ (pi.pttype, "gpt"))
    type = "primary";
  else {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: unsupported partition table type %s", api,
                      pi.pttype);
    return NULL;
  }
  r = strdup (type);
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}
