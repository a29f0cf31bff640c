/* guestfsd: GPT partition type GUIDs, partition GUIDs, attribute flags,
 * the disk GUID and moving the backup GPT to the end of the disk.  The
 * table is read with libblkid and written with sgdisk; GUIDs are returned
 * in upper case, as sgdisk prints them and libguestfs returns them.  The
 * type of a partition is checked before sgdisk runs, since sgdisk would
 * otherwise convert an MBR disk to GPT. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <ctype.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"

#define GUID_LEN 36

/* 01234567-89AB-CDEF-0123-456789ABCDEF, either case.  Replies if not. */
static int
check_guid (const char *guid)
{
  size_t len = strlen (guid);
  bool ok = len == GUID_LEN;

  for (size_t i = 0; ok && i < len; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23)
      ok = guid[i] == '-';
    else
      ok = isxdigit ((unsigned char) guid[i]);
  }
  if (!ok) {
    reply_with_error_errno (EINVAL, "guid: \"%.64s\" is not a valid GUID "
                            "(expected the form "
                            "01234567-89AB-CDEF-0123-456789ABCDEF)", guid);
    return -1;
  }
  return 0;
}

static char *
upper_dup (const char *s)
{
  char *r = strdup (s);

  if (r == NULL) {
    reply_with_perror ("strdup");
    return NULL;
  }
  for (char *p = r; *p; ++p)
    *p = toupper ((unsigned char) *p);
  return r;
}

/* Run sgdisk with one option (and its value) on device. */
static int
sgdisk (const char *device, const char *opt, const char *value)
{
  const char *argv[] = { "sgdisk", opt, value, "--", device, NULL };

  if (value == NULL) {
    argv[2] = "--";
    argv[3] = device;
    argv[4] = NULL;
  }
  return blockdev_run_tool (device, argv, NULL);
}

/* The type GUID sgdisk gives an MBR partition when it converts the table
 * (in memory only: "sgdisk -i" does not write). */
static char *
mbr_type_guid (const char *device, int partnum)
{
  CLEANUP_FREE char *out = NULL, *err = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  static const char key[] = "Partition GUID code: ";
  char num[16];
  int r;

  snprintf (num, sizeof num, "%d", partnum);
  r = command (&out, &err, "sgdisk", "-i", num, "--", device, NULL);
  if (r != 0 || out == NULL) {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: sgdisk: %s", api,
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return NULL;
  }
  lines = split_lines (out, strlen (out));
  if (lines == NULL) {
    reply_with_perror ("split_lines");
    return NULL;
  }
  for (size_t i = 0; lines[i]; ++i) {
    const char *g = lines[i] + strlen (key);

    if (!STRPREFIX (lines[i], key) || strlen (g) < GUID_LEN)
      continue;
    {
      char guid[GUID_LEN + 1];
      memcpy (guid, g, GUID_LEN);
      guid[GUID_LEN] = '\0';
      if (check_guid (guid) == -1)
        return NULL;
      return upper_dup (guid);
    }
  }
  {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: partition %d has no GPT type (is it an extended "
                      "partition?)", api, partnum);
  }
  return NULL;
}

char *
do_part_get_gpt_type (const char *device, int partnum)
{
  struct blockdev_partinfo pi;

  if (blockdev_partinfo (device, partnum, NULL, &pi) == -1)
    return NULL;
  if (STREQ (pi.pttype, "gpt"))
    return upper_dup (pi.type_guid);
  if (STREQ (pi.pttype, "dos"))
    return mbr_type_guid (device, partnum);
  {
    CLEANUP_FREE char *api = blockdev_api_name (device);
    reply_with_error ("%s: unsupported partition table type %s", api,
                      pi.pttype);
  }
  return NULL;
}

/* sgdisk's "-X N:GUID" options for a partition of a GPT disk. */
static int
set_part_guid (const char *opt, const char *device, int partnum,
               const char *guid)
{
  struct blockdev_partinfo pi;
  char value[64];

  if (check_guid (guid) == -1 ||
      blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return -1;
  snprintf (value, sizeof value, "%d:%s", partnum, guid);
  return sgdisk (device, opt, value);
}

int
do_part_set_gpt_type (const char *device, int partnum, const char *guid)
{
  return set_part_guid ("-t", device, partnum, guid);
}

char *
do_part_get_gpt_guid (const char *device, int partnum)
{
  struct blockdev_partinfo pi;

  if (blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return NULL;
  return upper_dup (pi.uuid);
}

int
do_part_set_gpt_guid (const char *device, int partnum, const char *guid)
{
  return set_part_guid ("-u", device, partnum, guid);
}

int64_t
do_part_get_gpt_attributes (const char *device, int partnum)
{
  struct blockdev_partinfo pi;

  if (blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return -1;
  return (int64_t) pi.flags;
}

int
do_part_set_gpt_attributes (const char *device, int partnum,
                            int64_t attributes)
{
  struct blockdev_partinfo pi;
  char value[64];

  if (blockdev_partinfo (device, partnum, "gpt", &pi) == -1)
    return -1;
  /* "=" sets all 64 bits to the hexadecimal mask. */
  snprintf (value, sizeof value, "%d:=:%" PRIx64, partnum,
            (uint64_t) attributes);
  return sgdisk (device, "-A", value);
}

char *
do_part_get_disk_guid (const char *device)
{
  struct blockdev_partinfo pi;

  if (blockdev_tableinfo (device, "gpt", &pi) == -1)
    return NULL;
  return upper_dup (pi.table_id);
}

int
do_part_set_disk_guid (const char *device, const char *guid)
{
  struct blockdev_partinfo pi;

  if (check_guid (guid) == -1 ||
      blockdev_tableinfo (device, "gpt", &pi) == -1)
    return -1;
  return sgdisk (device, "-U", guid);
}

int
do_part_set_disk_guid_random (const char *device)
{
  struct blockdev_partinfo pi;

  if (blockdev_tableinfo (device, "gpt", &pi) == -1)
    return -1;
  return sgdisk (device, "-U", "R");
}

int
do_part_expand_gpt (const char *device)
{
  struct blockdev_partinfo pi;

  if (blockdev_tableinfo (device, "gpt", &pi) == -1)
    return -1;
  return sgdisk (device, "-e", NULL);
}
