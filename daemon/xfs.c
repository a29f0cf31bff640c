/* guestfsd: XFS — xfs_info, xfs_growfs, xfs_admin, xfs_repair.
 *
 * The xfs_info and xfs_admin programs are shell scripts (xfs_admin even
 * evals its arguments), so their work is done here with the programs
 * they wrap: xfs_spaceman for a mounted filesystem and xfs_db for a
 * device.  xfs_db reports bad input but still exits 0, so everything
 * given to it is checked first. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <unistd.h>
#include <linux/magic.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

#define XFS_LABEL_MAX 12

/* Reply unless dev holds XFS. */
static int
check_xfs (const char *dev)
{
  CLEANUP_FREE char *type = fs_type (dev);

  if (type == NULL)
    return -1;
  if (STRNEQ (type, "xfs")) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_error_errno (EINVAL, "%s: not an XFS filesystem (%s)",
                            api, *type ? type : "no filesystem found");
    return -1;
  }
  return 0;
}

/* ---- xfs_info ---- */

/* One "key=value" of the geometry report, by section. */
static void
set_field (guestfs_int_xfsinfo *r, const char *section, const char *key,
           const char *value)
{
  uint64_t v;
  char *end;

  errno = 0;
  v = strtoull (value, &end, 10);
  if (errno || end == value)
    return;
#define F(s, k, field) \
  if (STREQ (section, s) && STREQ (key, k)) { r->field = v; return; }
  F ("meta-data", "isize", xfs_inodesize);
  F ("meta-data", "agcount", xfs_agcount);
  F ("meta-data", "agsize", xfs_agsize);
  F ("meta-data", "sectsz", xfs_sectsize);
  F ("meta-data", "attr", xfs_attr);
  F ("data", "bsize", xfs_blocksize);
  F ("data", "blocks", xfs_datablocks);
  F ("data", "imaxpct", xfs_imaxpct);
  F ("data", "sunit", xfs_sunit);
  F ("data", "swidth", xfs_swidth);
  F ("naming", "bsize", xfs_dirblocksize);
  F ("naming", "ascii-ci", xfs_cimode);
  F ("log", "bsize", xfs_logblocksize);
  F ("log", "blocks", xfs_logblocks);
  F ("log", "version", xfs_logversion);
  F ("log", "sectsz", xfs_logsectsize);
  F ("log", "sunit", xfs_logsunit);
  F ("log", "lazy-count", xfs_lazycount);
  F ("realtime", "extsz", xfs_rtextsize);
  F ("realtime", "blocks", xfs_rtblocks);
  F ("realtime", "rtextents", xfs_rtextents);
#undef F
}

/* Parse the report of "xfs_db/xfs_spaceman -c info":
 *   meta-data=/dev/sda1              isize=512    agcount=4, agsize=30464 blks
 *            =                       sectsz=512   attr=2, projid32bit=1
 *   data     =                       bsize=4096   blocks=121856, imaxpct=25
 *   naming   =version 2              bsize=4096   ascii-ci=0, ftype=1
 *   log      =internal log           bsize=4096   blocks=1368, version=2
 *   realtime =none                   extsz=4096   blocks=0, rtextents=0
 * A section's own value runs up to the column gap (two spaces). */
static int
parse_info (const char *out, guestfs_int_xfsinfo *r, const char *mntpoint)
{
  CLEANUP_FREE_STRING_LIST char **lines = split_lines (out, strlen (out));
  char section[32] = "";

  if (lines == NULL)
    return -1;
  /* Fields not in the report stay -1. */
  memset (r, 0xff, sizeof *r);
  r->xfs_mntpoint = r->xfs_logname = r->xfs_rtname = NULL;

  for (size_t i = 0; lines[i]; ++i) {
    char *line = lines[i], *eq = strchr (line, '='), *p, *gap, *save = NULL;

    if (eq == NULL)
      continue;
    if (line[0] != ' ') {
      size_t len = strcspn (line, " =");
      snprintf (section, sizeof section, "%.*s", (int) len, line);
      /* The section's value. */
      p = eq + 1;
      gap = strstr (p, "  ");
      if (gap)
        *gap = '\0';
      if (STREQ (section, "naming") && STRPREFIX (p, "version "))
        r->xfs_dirversion = strtoul (p + 8, NULL, 10);
      else if (STREQ (section, "log") && r->xfs_logname == NULL)
        r->xfs_logname = strdup (p);
      else if (STREQ (section, "realtime") && r->xfs_rtname == NULL)
        r->xfs_rtname = strdup (p);
      p = gap ? gap + 1 : p + strlen (p);
    }
    else
      p = eq + 1;
    /* key=value tokens, separated by spaces and commas. */
    for (char *tok = strtok_r (p, " ,", &save); tok;
         tok = strtok_r (NULL, " ,", &save)) {
      char *e = strchr (tok, '=');
      if (e == NULL)
        continue;
      *e = '\0';
      set_field (r, section, tok, e + 1);
    }
  }
  r->xfs_mntpoint = strdup (mntpoint);
  if (r->xfs_logname == NULL)
    r->xfs_logname = strdup ("");
  if (r->xfs_rtname == NULL)
    r->xfs_rtname = strdup ("");
  if (r->xfs_mntpoint == NULL || r->xfs_logname == NULL || r->xfs_rtname == NULL)
    return -1;
  return 0;
}

/* The geometry of the XFS on a kernel device or at an appliance path
 * (path NULL: dev).  "what" names it in messages and in the result. */
static guestfs_int_xfsinfo *
xfs_geometry (const char *dev, const char *path, const char *what)
{
  CLEANUP_FREE char *mp = NULL, *out = NULL;
  guestfs_int_xfsinfo *r;
  const char *argv[8];

  if (dev) {
    if (check_xfs (dev) == -1)
      return NULL;
    mp = fs_device_mountpoint (dev);
  }
  if (path || mp) {
    argv[0] = "xfs_spaceman";
    argv[1] = "-p";
    argv[2] = "xfs_info";
    argv[3] = "-c";
    argv[4] = "info";
    argv[5] = path ? path : mp;
    argv[6] = NULL;
  }
  else {
    argv[0] = "xfs_db";
    argv[1] = "-r";
    argv[2] = "-p";
    argv[3] = "xfs_info";
    argv[4] = "-c";
    argv[5] = "info";
    argv[6] = dev;
    argv[7] = NULL;
  }
  if (fs_command (what, argv, &out) == -1)
    return NULL;
  /* A mounted device reports where it is mounted in the guest. */
  if (mp && STRPREFIX (mp, SYSROOT) &&
      (mp[strlen (SYSROOT)] == '/' || mp[strlen (SYSROOT)] == '\0'))
    what = mp[strlen (SYSROOT)] ? mp + strlen (SYSROOT) : "/";
  r = calloc (1, sizeof *r);
  if (r == NULL || parse_info (out, r, what) == -1) {
    reply_with_perror ("malloc");
    if (r) {
      xdr_free ((xdrproc_t) xdr_guestfs_int_xfsinfo, (char *) r);
      free (r);
    }
    return NULL;
  }
  if (r->xfs_blocksize == (uint32_t) -1 || r->xfs_datablocks == (uint64_t) -1) {
    reply_with_error ("%s: cannot parse the XFS geometry report", what);
    xdr_free ((xdrproc_t) xdr_guestfs_int_xfsinfo, (char *) r);
    free (r);
    return NULL;
  }
  return r;
}

guestfs_int_xfsinfo *
do_xfs_info (const char *pathordevice)
{
  if (STRPREFIX (pathordevice, "/dev/")) {
    CLEANUP_FREE char *api = blockdev_api_name (pathordevice);
    return xfs_geometry (pathordevice, NULL, api);
  }
  else {
    CLEANUP_FREE char *real = fs_real_path (pathordevice);
    if (real == NULL ||
        fs_check_path_type (real, pathordevice, XFS_SUPER_MAGIC, "XFS") == -1)
      return NULL;
    return xfs_geometry (NULL, real, pathordevice);
  }
}

int64_t
xfs_fs_size (const char *dev)
{
  CLEANUP_FREE char *api = blockdev_api_name (dev);
  guestfs_int_xfsinfo *r = xfs_geometry (dev, NULL, api);
  int64_t size;

  if (r == NULL)
    return -1;
  size = (int64_t) r->xfs_datablocks * r->xfs_blocksize;
  xdr_free ((xdrproc_t) xdr_guestfs_int_xfsinfo, (char *) r);
  free (r);
  return size;
}

/* ---- xfs_growfs ---- */

enum {
  GR_DATASEC, GR_LOGSEC, GR_RTSEC, GR_DATASIZE, GR_LOGSIZE, GR_RTSIZE,
  GR_RTEXTSIZE, GR_MAXPCT,
};
#define HAS(bit) (optargs_bitmask & (UINT64_C(1) << (bit)))

int
do_xfs_growfs (const char *path, int datasec, int logsec, int rtsec,
               int64_t datasize, int64_t logsize, int64_t rtsize,
               int64_t rtextsize, int maxpct)
{
  CLEANUP_FREE char *real = NULL;
  char nums[5][32];
  const char *argv[20];
  size_t n = 0;
  const struct { int bit; const char *opt; int64_t v; } num[] = {
    { GR_DATASIZE, "-D", datasize }, { GR_LOGSIZE, "-L", logsize },
    { GR_RTSIZE, "-R", rtsize }, { GR_RTEXTSIZE, "-e", rtextsize },
    { GR_MAXPCT, "-m", maxpct },
  };

  argv[n++] = "xfs_growfs";
  if (HAS (GR_DATASEC) && datasec)
    argv[n++] = "-d";
  if (HAS (GR_LOGSEC) && logsec)
    argv[n++] = "-l";
  if (HAS (GR_RTSEC) && rtsec)
    argv[n++] = "-r";
  for (size_t i = 0; i < 5; ++i) {
    if (!HAS (num[i].bit))
      continue;
    if (num[i].v < 0 || (num[i].bit == GR_MAXPCT && num[i].v > 100)) {
      reply_with_error ("%s %" PRIi64 ": out of range", num[i].opt, num[i].v);
      return -1;
    }
    snprintf (nums[i], sizeof nums[i], "%" PRIi64, num[i].v);
    argv[n++] = num[i].opt;
    argv[n++] = nums[i];
  }
  real = fs_real_path (path);
  if (real == NULL ||
      fs_check_path_type (real, path, XFS_SUPER_MAGIC, "XFS") == -1)
    return -1;
  argv[n++] = real;
  argv[n] = NULL;
  return fs_command (path, argv, NULL);
}

/* ---- xfs_admin ---- */

enum {
  AD_EXTUNWRITTEN, AD_IMGFILE, AD_V2LOG, AD_PROJID32BIT, AD_LAZYCOUNTER,
  AD_LABEL, AD_UUID,
};

int
do_xfs_admin (const char *device, int extunwritten, int imgfile, int v2log,
              int projid32bit, int lazycounter, const char *label,
              const char *uuid)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *label_cmd = NULL, *uuid_cmd = NULL;
  const char *argv[24];
  size_t n = 0, ncmds = 0;
  int busy;

  if (check_xfs (device) == -1)
    return -1;
  if (HAS (AD_LABEL)) {
    if (strlen (label) > XFS_LABEL_MAX) {
      reply_with_error ("%s: XFS labels are limited to %d bytes",
                        label, XFS_LABEL_MAX);
      return -1;
    }
    /* xfs_db splits its command line on white space. */
    if (strpbrk (label, " \t\n\r\v\f")) {
      reply_with_error ("%s: XFS labels set by xfs_admin cannot contain white space",
                        label);
      return -1;
    }
    /* "--" clears the label. */
    if (asprintf (&label_cmd, "label %s", *label ? label : "--") == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
  }
  if (HAS (AD_UUID)) {
    if (!fs_is_uuid (uuid) && STRNEQ (uuid, "generate") && STRNEQ (uuid, "nil")) {
      reply_with_error ("%s: not a UUID, 'generate' or 'nil'", uuid);
      return -1;
    }
    if (asprintf (&uuid_cmd, "uuid %s", uuid) == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
  }
  busy = fs_device_busy (device);
  if (busy != 0)
    return busy == 1 ? fs_reply_busy (device) : -1;

  argv[n++] = "xfs_db";
  argv[n++] = "-x";
  argv[n++] = "-p";
  argv[n++] = "xfs_admin";
  if (HAS (AD_IMGFILE) && imgfile)
    argv[n++] = "-f";
#define CMD(c) do { argv[n++] = "-c"; argv[n++] = (c); ncmds++; } while (0)
  if (HAS (AD_EXTUNWRITTEN) && extunwritten)
    CMD ("version extflg");
  if (HAS (AD_V2LOG) && v2log)
    CMD ("version log2");
  if (HAS (AD_PROJID32BIT) && projid32bit)
    CMD ("version projid32bit");
  if (label_cmd)
    CMD (label_cmd);
  if (uuid_cmd)
    CMD (uuid_cmd);
#undef CMD
  argv[n++] = device;
  argv[n] = NULL;
  if (ncmds > 0 && fs_command (api, argv, NULL) == -1)
    return -1;

  if (HAS (AD_LAZYCOUNTER)) {
    const char *rargv[] = {
      "xfs_repair", "-c", lazycounter ? "lazycount=1" : "lazycount=0",
      device, NULL
    };
    if (fs_command (api, rargv, NULL) == -1)
      return -1;
  }
  return 0;
}

/* ---- xfs_repair ---- */

enum {
  RP_FORCELOGZERO, RP_NOMODIFY, RP_NOPREFETCH, RP_FORCEGEOMETRY, RP_MAXMEM,
  RP_IHASHSIZE, RP_BHASHSIZE, RP_AGSTRIDE, RP_LOGDEV, RP_RTDEV,
};

int
do_xfs_repair (const char *device, int forcelogzero, int nomodify,
               int noprefetch, int forcegeometry, int64_t maxmem,
               int64_t ihashsize, int64_t bhashsize, int64_t agstride,
               const char *logdev, const char *rtdev)
{
  CLEANUP_FREE char *real = NULL, *what = NULL;
  CLEANUP_FREE char *klogdev = NULL, *krtdev = NULL;
  CLEANUP_FREE char *out = NULL, *err = NULL;
  char maxmem_s[32], opts[3][64];
  const char *argv[32];
  size_t n = 0;
  int r;

  if (STRPREFIX (device, "/dev/")) {
    what = blockdev_api_name (device);
    if (check_xfs (device) == -1)
      return -1;
  }
  else {
    what = strdup (device);
    real = fs_real_path (device);
    if (real == NULL)
      return -1;
  }
  argv[n++] = "xfs_repair";
  if (real)
    argv[n++] = "-f";
  if (HAS (RP_FORCELOGZERO) && forcelogzero)
    argv[n++] = "-L";
  if (HAS (RP_NOMODIFY) && nomodify)
    argv[n++] = "-n";
  if (HAS (RP_NOPREFETCH) && noprefetch)
    argv[n++] = "-P";
  if (HAS (RP_FORCEGEOMETRY) && forcegeometry) {
    argv[n++] = "-o";
    argv[n++] = "force_geometry";
  }
  if (HAS (RP_MAXMEM)) {
    if (maxmem < 0) {
      reply_with_error ("maxmem must be >= 0");
      return -1;
    }
    snprintf (maxmem_s, sizeof maxmem_s, "%" PRIi64, maxmem);
    argv[n++] = "-m";
    argv[n++] = maxmem_s;
  }
  {
    const struct { int bit; const char *name; int64_t v; } o[] = {
      { RP_IHASHSIZE, "ihash", ihashsize }, { RP_BHASHSIZE, "bhash", bhashsize },
      { RP_AGSTRIDE, "ag_stride", agstride },
    };
    for (size_t i = 0; i < 3; ++i) {
      if (!HAS (o[i].bit))
        continue;
      if (o[i].v < 0) {
        reply_with_error ("%s must be >= 0", o[i].name);
        return -1;
      }
      snprintf (opts[i], sizeof opts[i], "%s=%" PRIi64, o[i].name, o[i].v);
      argv[n++] = "-o";
      argv[n++] = opts[i];
    }
  }
  /* Optional strings are not translated by the stub. */
  if (HAS (RP_LOGDEV)) {
    klogdev = daemon_resolve_device (logdev);
    if (klogdev == NULL)
      return -1;
    argv[n++] = "-l";
    argv[n++] = klogdev;
  }
  if (HAS (RP_RTDEV)) {
    krtdev = daemon_resolve_device (rtdev);
    if (krtdev == NULL)
      return -1;
    argv[n++] = "-r";
    argv[n++] = krtdev;
  }
  argv[n++] = real ? real : device;
  argv[n] = NULL;

  r = commandv (&out, &err, argv, -1);
  /* 0: no corruption, 1: corruption found (with -n); others are
   * failures (2: dirty log, use forcelogzero). */
  if (r == 0 || r == 1)
    return r;
  if (err)
    trim_trailing (err);
  reply_with_error ("%s: xfs_repair (exit status %d): %s", what, r,
                    err && *err ? err : "failed");
  return -1;
}
