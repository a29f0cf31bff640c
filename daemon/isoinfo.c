/* guestfsd: isoinfo and isoinfo_device — the primary volume descriptor
 * of an ISO 9660 image (a device, or a file resolved inside the guest
 * root), read and decoded here: no program parses guest data.  Every
 * field has a fixed size, so nothing read can overflow. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

#define SECTOR 2048
#define FIRST_VD 16             /* descriptors start at sector 16 */
#define MAX_VD 64               /* how far to look for the primary one */

/* A space-padded field, trailing spaces (and NULs) removed. */
static char *
field (const unsigned char *p, size_t len)
{
  while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\0'))
    len--;
  return strndup ((const char *) p, len);
}

/* Both-endian numbers: the little-endian half. */
static uint32_t
le32 (const unsigned char *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t) p[3] << 24);
}

static uint32_t
le16 (const unsigned char *p)
{
  return p[0] | (p[1] << 8);
}

static int
digits (const unsigned char *p, size_t n, int *v)
{
  *v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] < '0' || p[i] > '9')
      return -1;
    *v = *v * 10 + (p[i] - '0');
  }
  return 0;
}

/* A 17-byte date ("YYYYMMDDHHMMSScc" and a signed offset from UTC in
 * 15-minute units) as seconds since the epoch; -1 if not set. */
static int64_t
iso_time (const unsigned char *p)
{
  struct tm tm = { 0 };
  int year, mon, mday, hour, min, sec;
  int8_t tz = (int8_t) p[16];

  if (digits (p, 4, &year) == -1 || digits (p + 4, 2, &mon) == -1 ||
      digits (p + 6, 2, &mday) == -1 || digits (p + 8, 2, &hour) == -1 ||
      digits (p + 10, 2, &min) == -1 || digits (p + 12, 2, &sec) == -1 ||
      year == 0 || mon < 1 || mon > 12 || mday < 1 || mday > 31 ||
      hour > 23 || min > 59 || sec > 60)
    return -1;
  tm.tm_year = year - 1900;
  tm.tm_mon = mon - 1;
  tm.tm_mday = mday;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  return (int64_t) timegm (&tm) - (int64_t) tz * 15 * 60;
}

static guestfs_int_isoinfo *
isoinfo_fd (int fd, const char *shown)
{
  unsigned char d[SECTOR];
  guestfs_int_isoinfo *r;
  int i;

  for (i = 0; i < MAX_VD; ++i) {
    ssize_t n = pread (fd, d, SECTOR, (off_t) (FIRST_VD + i) * SECTOR);
    if (n == -1) {
      reply_with_perror ("%s", shown);
      return NULL;
    }
    if (n < SECTOR || memcmp (d + 1, "CD001", 5) != 0 || d[0] == 255) {
      i = MAX_VD;
      break;
    }
    if (d[0] == 1)
      break;
  }
  if (i == MAX_VD) {
    reply_with_error_errno (EINVAL, "%s: not an ISO file or CD-ROM", shown);
    return NULL;
  }

  r = calloc (1, sizeof *r);
  if (r == NULL) {
    reply_with_perror ("calloc");
    return NULL;
  }
  r->iso_system_id = field (d + 8, 32);
  r->iso_volume_id = field (d + 40, 32);
  r->iso_volume_space_size = le32 (d + 80);
  r->iso_volume_set_size = le16 (d + 120);
  r->iso_volume_sequence_number = le16 (d + 124);
  r->iso_logical_block_size = le16 (d + 128);
  r->iso_volume_set_id = field (d + 190, 128);
  r->iso_publisher_id = field (d + 318, 128);
  r->iso_data_preparer_id = field (d + 446, 128);
  r->iso_application_id = field (d + 574, 128);
  r->iso_copyright_file_id = field (d + 702, 37);
  r->iso_abstract_file_id = field (d + 739, 37);
  r->iso_bibliographic_file_id = field (d + 776, 37);
  r->iso_volume_creation_t = iso_time (d + 813);
  r->iso_volume_modification_t = iso_time (d + 830);
  r->iso_volume_expiration_t = iso_time (d + 847);
  r->iso_volume_effective_t = iso_time (d + 864);
  if (!r->iso_system_id || !r->iso_volume_id || !r->iso_volume_set_id ||
      !r->iso_publisher_id || !r->iso_data_preparer_id ||
      !r->iso_application_id || !r->iso_copyright_file_id ||
      !r->iso_abstract_file_id || !r->iso_bibliographic_file_id) {
    reply_with_perror ("strndup");
    xdr_free ((xdrproc_t) xdr_guestfs_int_isoinfo, (char *) r);
    free (r);
    return NULL;
  }
  return r;
}

guestfs_int_isoinfo *
do_isoinfo_device (const char *device)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = shown_name (device);

  fd = open_dev_or_path (device, true, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  return isoinfo_fd (fd, shown ? shown : device);
}

guestfs_int_isoinfo *
do_isoinfo (const char *isofile)
{
  CLEANUP_CLOSE int fd = -1;

  fd = open_dev_or_path (isofile, false, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  return isoinfo_fd (fd, isofile);
}
