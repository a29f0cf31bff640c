/* guestfsd: a guest's /etc/fstab, and the mapping of the devices it
 * names to this appliance's devices: UUID=, LABEL=, PARTUUID=,
 * PARTLABEL= and the /dev/disk/by-* links through the tags probed on the
 * devices list_filesystems found, /dev/mapper names of logical volumes,
 * and the guest's own disk names (/dev/vdb1, /dev/xvda2, BSD and Hurd
 * names) by disk order, as libguestfs does.  The file is parsed here
 * (whitespace-separated fields, '#' comments) rather than with Augeas:
 * it is small, its format is simple, and the guest's copy is untrusted. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <regex.h>

#include <blkid.h>

#include "daemon.h"
#include "inspect.h"

static char *
probe_value (blkid_probe pr, const char *name)
{
  const char *data;
  size_t len;

  if (blkid_probe_lookup_value (pr, name, &data, &len) != 0)
    return NULL;
  return strndup (data, strnlen (data, len));
}

void
inspect_probe_dev (struct inspect_dev *d)
{
  blkid_probe pr = blkid_new_probe_from_filename (d->kernel);

  if (pr == NULL)
    return;
  blkid_probe_enable_superblocks (pr, 1);
  blkid_probe_set_superblocks_flags (pr, BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID |
                                     BLKID_SUBLKS_TYPE);
  blkid_probe_enable_partitions (pr, 1);
  blkid_probe_set_partitions_flags (pr, BLKID_PARTS_ENTRY_DETAILS);
  if (blkid_do_safeprobe (pr) == 0) {
    d->uuid = probe_value (pr, "UUID");
    d->label = probe_value (pr, "LABEL");
    d->partuuid = probe_value (pr, "PART_ENTRY_UUID");
    d->partlabel = probe_value (pr, "PART_ENTRY_NAME");
  }
  blkid_free_probe (pr);
}

/* ---- finding devices ---- */

enum tag { TAG_UUID, TAG_LABEL, TAG_PARTUUID, TAG_PARTLABEL };

static const char *
find_by_tag (enum tag tag, const char *value)
{
  for (size_t i = 0; i < inspect_nr_devs; ++i) {
    const struct inspect_dev *d = &inspect_devs[i];
    const char *v = tag == TAG_UUID ? d->uuid : tag == TAG_LABEL ? d->label :
      tag == TAG_PARTUUID ? d->partuuid : d->partlabel;

    if (v == NULL || *v == '\0')
      continue;
    /* UUIDs are hex: their case does not matter. */
    if ((tag == TAG_UUID || tag == TAG_PARTUUID) ? strcasecmp (v, value) == 0
        : STREQ (v, value))
      return d->api;
  }
  return NULL;
}

static bool
known_device (const char *api)
{
  for (size_t i = 0; i < inspect_nr_devs; ++i)
    if (STREQ (inspect_devs[i].api, api))
      return true;
  return false;
}

/* udev's escaping in /dev/disk/by-label names: \xHH. */
static char *
unescape_udev (const char *s)
{
  char *r = malloc (strlen (s) + 1), *p = r;

  if (r == NULL)
    return NULL;
  while (*s) {
    if (s[0] == '\\' && s[1] == 'x' && isxdigit ((unsigned char) s[2]) &&
        isxdigit ((unsigned char) s[3])) {
      char hex[3] = { s[2], s[3], 0 };
      *p++ = (char) strtol (hex, NULL, 16);
      s += 4;
    }
    else
      *p++ = *s++;
  }
  *p = '\0';
  return r;
}

/* "/dev/sd" + index letters + part, the API name of disk i. */
static char *
api_disk_part (size_t i, const char *part)
{
  CLEANUP_FREE_STRING_LIST char **disks = daemon_list_disks ();
  char *r;

  if (disks == NULL)
    return NULL;
  for (size_t n = 0; disks[n]; ++n)
    if (n == i) {
      if (asprintf (&r, "%s%s", disks[n], part) == -1)
        return NULL;
      if (known_device (r))
        return r;
      free (r);
      return NULL;
    }
  return NULL;
}

/* "a" -> 0, "z" -> 25, "aa" -> 26. */
static long
drive_index (const char *letters, size_t n)
{
  long r = 0;

  if (n == 0 || n > 4)
    return -1;
  for (size_t i = 0; i < n; ++i)
    r = r * 26 + (letters[i] - 'a' + 1);
  return r - 1;
}

/* /dev/mapper/VG-LV: dashes inside VG and LV names are doubled. */
static char *
mapper_to_lv (const char *name)
{
  char *vg = malloc (strlen (name) + 1), *lv = NULL, *p = vg, *r = NULL;

  if (vg == NULL)
    return NULL;
  for (const char *s = name; *s; ++s) {
    if (s[0] == '-' && s[1] == '-') {
      *p++ = '-';
      s++;
    }
    else if (s[0] == '-' && lv == NULL) {
      *p++ = '\0';
      lv = p;
    }
    else
      *p++ = *s;
  }
  *p = '\0';
  if (lv && *vg && *lv && asprintf (&r, "/dev/%s/%s", vg, lv) == -1)
    r = NULL;
  free (vg);
  return r;
}

static regex_t re_xdev, re_byid, re_fbsd_gpt, re_fbsd_mbr, re_netbsd,
  re_openbsd, re_hurd, re_duid;
static bool compiled;

static void
compile (void)
{
  if (compiled)
    return;
  if (regcomp (&re_xdev, "^/dev/(h|s|v|xv)d([a-z]+)([0-9]*)$", REG_EXTENDED) ||
      regcomp (&re_byid, "^/dev/disk/by-id/.*-part([0-9]+)$", REG_EXTENDED) ||
      regcomp (&re_fbsd_gpt, "^/dev/(ada?|vtbd)([0-9]+)p([0-9]+)$", REG_EXTENDED) ||
      regcomp (&re_fbsd_mbr, "^/dev/(ada?|vtbd)([0-9]+)s([0-9]+)([a-z])$", REG_EXTENDED) ||
      regcomp (&re_netbsd, "^/dev/(l|s)d([0-9])([a-z])$", REG_EXTENDED) ||
      regcomp (&re_openbsd, "^/dev/(s|w)d([0-9])([a-z])$", REG_EXTENDED) ||
      regcomp (&re_hurd, "^/dev/(h)d([0-9]+)s([0-9]+)$", REG_EXTENDED) ||
      regcomp (&re_duid, "^[0-9a-f]{16}\\.[a-z]", REG_EXTENDED))
    abort ();
  compiled = true;
}

static long
group_num (const char *s, const regmatch_t *m)
{
  if (m->rm_so < 0 || m->rm_eo - m->rm_so > 6)
    return -1;
  return strtol (s + m->rm_so, NULL, 10);
}

/* A BSD partition number counted from "a", skipping the letters that
 * are not real partitions ('c', and 'd' on NetBSD). */
static char *
bsd_part (long disk, long part, long max)
{
  char num[32];

  if (disk < 0 || disk > 25 || part < 0 || part >= max)
    return NULL;
  snprintf (num, sizeof num, "%ld", part + 5);
  return api_disk_part (disk, num);
}

/* Resolve a guest /dev name.  NULL: keep the name as it is. */
static char *
resolve_dev (const char *spec, const char *os_type)
{
  regmatch_t m[5];
  char num[32];

  compile ();
  if (STRPREFIX (spec, "/dev/mapper/")) {
    char *lv = mapper_to_lv (spec + 12);
    if (lv && known_device (lv))
      return lv;
    free (lv);
    return NULL;
  }
  if (STRPREFIX (spec, "/dev/disk/by-uuid/") || STRPREFIX (spec, "/dev/disk/by-label/") ||
      STRPREFIX (spec, "/dev/disk/by-partuuid/") ||
      STRPREFIX (spec, "/dev/disk/by-partlabel/")) {
    const char *name = strchr (spec + 13, '/') + 1;
    CLEANUP_FREE char *v = unescape_udev (name);
    enum tag tag = STRPREFIX (spec, "/dev/disk/by-uuid/") ? TAG_UUID :
      STRPREFIX (spec, "/dev/disk/by-label/") ? TAG_LABEL :
      STRPREFIX (spec, "/dev/disk/by-partuuid/") ? TAG_PARTUUID : TAG_PARTLABEL;
    const char *d = v ? find_by_tag (tag, v) : NULL;
    return d ? strdup (d) : NULL;
  }
  if (regexec (&re_xdev, spec, 4, m, 0) == 0) {
    long i = drive_index (spec + m[2].rm_so, m[2].rm_eo - m[2].rm_so);
    return i >= 0 ? api_disk_part (i, spec + m[3].rm_so) : NULL;
  }
  if (regexec (&re_byid, spec, 2, m, 0) == 0) {
    /* Only a guest with a single disk can be guessed. */
    CLEANUP_FREE_STRING_LIST char **disks = daemon_list_disks ();
    if (disks == NULL || disks[0] == NULL || disks[1] != NULL)
      return NULL;
    snprintf (num, sizeof num, "%ld", group_num (spec, &m[1]));
    return api_disk_part (0, num);
  }
  if (regexec (&re_fbsd_gpt, spec, 4, m, 0) == 0) {
    long disk = group_num (spec, &m[2]), part = group_num (spec, &m[3]);
    if (disk < 0 || disk > 25 || part < 0 || part > 128)
      return NULL;
    snprintf (num, sizeof num, "%ld", part);
    return api_disk_part (disk, num);
  }
  if (regexec (&re_fbsd_mbr, spec, 5, m, 0) == 0) {
    long disk = group_num (spec, &m[2]), slice = group_num (spec, &m[3]);
    long part = spec[m[4].rm_so] - 'a';
    if (slice != 1)
      return NULL;
    return bsd_part (disk, part > 2 ? part - 1 : part, 25);
  }
  if (os_type && STREQ (os_type, "netbsd") && regexec (&re_netbsd, spec, 4, m, 0) == 0) {
    long part = spec[m[3].rm_so] - 'a';
    return bsd_part (group_num (spec, &m[2]), part > 3 ? part - 2 : part, 24);
  }
  if (os_type && STREQ (os_type, "openbsd") && regexec (&re_openbsd, spec, 4, m, 0) == 0) {
    long part = spec[m[3].rm_so] - 'a';
    return bsd_part (group_num (spec, &m[2]), part > 2 ? part - 1 : part, 15);
  }
  if (regexec (&re_hurd, spec, 4, m, 0) == 0) {
    long disk = group_num (spec, &m[2]);
    return disk >= 0 && disk <= 25 ? api_disk_part (disk, spec + m[3].rm_so) : NULL;
  }
  return NULL;
}

/* "//usr//local/" -> "/usr/local". */
static void
canonical_path (char *p)
{
  char *w = p;

  for (char *r = p; *r; ++r)
    if (!(r[0] == '/' && (r[1] == '/' || (r[1] == '\0' && w > p))))
      *w++ = *r;
  *w = '\0';
  if (w > p + 1 && w[-1] == '/')
    w[-1] = '\0';
}

static bool
ignored_mountpoint (const char *mp)
{
  static const char *const dirs[] = { "/dev", "/media", "/proc", "/selinux", "/sys" };

  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; ++i) {
    size_t n = strlen (dirs[i]);
    if (strncmp (mp, dirs[i], n) == 0 && (mp[n] == '\0' || mp[n] == '/'))
      return !(STREQ (dirs[i], "/media") && mp[n] == '\0');
  }
  return false;
}

static bool
ignored_spec (const char *spec)
{
  return (STRPREFIX (spec, "/dev/fd") && isdigit ((unsigned char) spec[7])) ||
    (STRPREFIX (spec, "/dev/cd") && isdigit ((unsigned char) spec[7])) ||
    STREQ (spec, "/dev/floppy") || STREQ (spec, "/dev/cdrom") ||
    STRPREFIX (spec, "/dev/iso9660/");
}

/* The subvol= option, if any, malloc'd. */
static char *
subvol_option (const char *opts)
{
  CLEANUP_FREE char *copy = strdup (opts);
  char *save = NULL, *tok;

  if (copy == NULL)
    return NULL;
  for (tok = strtok_r (copy, ",", &save); tok; tok = strtok_r (NULL, ",", &save))
    if (STRPREFIX (tok, "subvol=") && tok[7])
      return strdup (tok + 7);
  return NULL;
}

/* The API mountable for an fstab entry, malloc'd; NULL to drop it. */
static char *
resolve_spec (const char *spec, const char *mp, const struct inspect_fs *fs)
{
  static const struct { const char *prefix; enum tag tag; } tags[] = {
    { "UUID=", TAG_UUID }, { "LABEL=", TAG_LABEL },
    { "PARTUUID=", TAG_PARTUUID }, { "PARTLABEL=", TAG_PARTLABEL },
  };
  bool bsd = STREQ (fs->os_type, "freebsd") || STREQ (fs->os_type, "netbsd") ||
    STREQ (fs->os_type, "openbsd");

  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; ++i)
    if (STRPREFIX (spec, tags[i].prefix)) {
      CLEANUP_FREE char *v = shell_unquote (spec + strlen (tags[i].prefix));
      const char *d = v ? find_by_tag (tags[i].tag, v) : NULL;
      /* A device that is not here is left out. */
      return d ? strdup (d) : NULL;
    }
  if (STREQ (spec, "/dev/root") || (bsd && STREQ (mp, "/")))
    return strdup (fs->mountable);
  if (STRPREFIX (spec, "/dev/")) {
    char *r = resolve_dev (spec, fs->os_type);
    return r ? r : strdup (spec);
  }
  if (STREQ (fs->os_type, "openbsd")) {
    regmatch_t m[1];
    compile ();
    if (regexec (&re_duid, spec, 1, m, 0) == 0) {
      /* Disklabel UIDs cannot be looked up: assume the first disk. */
      char dev[] = "/dev/sd0?";
      char *r;
      dev[8] = spec[17];
      r = resolve_dev (dev, fs->os_type);
      return r ? r : strdup (dev);
    }
  }
  /* tmpfs, proc, network filesystems... */
  return NULL;
}

static int
add_entry (struct inspect_fs *fs, char *mountable, const char *mp)
{
  struct inspect_fstab *p;

  if (fs->nr_fstab >= INSPECT_FSTAB_MAX) {
    free (mountable);
    return 0;
  }
  p = realloc (fs->fstab, (fs->nr_fstab + 1) * sizeof *p);
  if (p == NULL) {
    free (mountable);
    return -1;
  }
  fs->fstab = p;
  p[fs->nr_fstab].mountable = mountable;
  p[fs->nr_fstab].mountpoint = strdup (mp);
  if (p[fs->nr_fstab].mountpoint == NULL) {
    free (mountable);
    return -1;
  }
  fs->nr_fstab++;
  return 0;
}

int
inspect_check_fstab (int root, struct inspect_fs *fs)
{
  size_t len;
  CLEANUP_FREE char *buf = NULL;

  /* Like libguestfs, an fstab that is not a small regular file is not
   * looked at. */
  if (!guest_is_file (root, "/etc/fstab", true))
    return 0;
  buf = guest_read_file (root, "/etc/fstab", INSPECT_SMALL_FILE_MAX, &len);
  if (buf == NULL)
    return 0;
  return inspect_parse_fstab (buf, len, fs);
}

int
inspect_parse_fstab (const char *buf, size_t len, struct inspect_fs *fs)
{
  char **lines = inspect_split_lines (buf, len);
  int r = 0;

  if (lines == NULL)
    return 0;
  fs->fstab_known = true;
  for (size_t i = 0; lines[i] && r == 0; ++i) {
    char *f[4] = { NULL, NULL, NULL, NULL }, *save = NULL, *tok;
    size_t nf = 0;
    char *mountable;

    if (lines[i][strspn (lines[i], " \t")] == '#')
      continue;
    for (tok = strtok_r (lines[i], " \t", &save); tok && nf < 4;
         tok = strtok_r (NULL, " \t", &save))
      f[nf++] = tok;
    if (nf < 3 || ignored_spec (f[0]))
      continue;
    canonical_path (f[1]);
    if (ignored_mountpoint (f[1]))
      continue;
    mountable = resolve_spec (f[0], f[1], fs);
    if (mountable == NULL)
      continue;
    /* A btrfs subvolume is its own mountable. */
    if (STREQ (f[2], "btrfs") && f[3] && !STRPREFIX (mountable, "btrfsvol:")) {
      CLEANUP_FREE char *vol = subvol_option (f[3]);
      if (vol) {
        char *m;
        if (asprintf (&m, "btrfsvol:%s/%s", mountable, vol[0] == '/' ? vol + 1 : vol) == -1) {
          free (mountable);
          r = -1;
          break;
        }
        free (mountable);
        mountable = m;
      }
    }
    r = add_entry (fs, mountable, f[1]);
  }
  free_lines (lines);
  /* libguestfs reports the entries last first: so do we. */
  for (size_t i = 0; i < fs->nr_fstab / 2; ++i) {
    struct inspect_fstab t = fs->fstab[i];
    fs->fstab[i] = fs->fstab[fs->nr_fstab - 1 - i];
    fs->fstab[fs->nr_fstab - 1 - i] = t;
  }
  return r;
}
