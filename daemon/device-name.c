/* guestfsd: device names.  The API calls the drives /dev/sda, /dev/sdb…
 * in the order the host added them (SCSI target order); the kernel may
 * probe them in another order.  This file maps API names to kernel names
 * and back, and checks every device argument names a real block device. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "lvm.h"

/* Kernel names of the disks ("sdc"), in API order. */
static char **disks;
static size_t nr_disks;
/* Their SCSI targets; -1 for virtio-blk disks. */
static long *targets;
static bool disks_valid;

struct disk {
  char name[NAME_MAX + 1];
  unsigned long addr[4];        /* SCSI host:channel:target:lun */
};

static int
disk_compare (const void *a, const void *b)
{
  const struct disk *x = a, *y = b;

  for (int i = 0; i < 4; ++i)
    if (x->addr[i] != y->addr[i])
      return x->addr[i] < y->addr[i] ? -1 : 1;
  return strcmp (x->name, y->name);
}

static bool
is_disk_name (const char *n)
{
  return (strncmp (n, "sd", 2) == 0 || strncmp (n, "vd", 2) == 0) &&
    n[2] != '\0';
}

static void
scan_disks (void)
{
  DIR *dir;
  struct dirent *d;
  struct disk *list = NULL;
  size_t n = 0, alloc = 0;

  for (size_t i = 0; i < nr_disks; ++i)
    free (disks[i]);
  free (disks);
  free (targets);
  disks = NULL;
  targets = NULL;
  nr_disks = 0;

  dir = opendir ("/sys/block");
  if (dir == NULL)
    return;
  while ((d = readdir (dir)) != NULL) {
    char link[PATH_MAX], path[PATH_MAX];
    ssize_t r;
    const char *base;
    struct disk dk = { .addr = { 0, 0, 0, 0 } };

    if (!is_disk_name (d->d_name))
      continue;
    snprintf (dk.name, sizeof dk.name, "%s", d->d_name);
    /* .../host0/target0:0:3/0:0:3:0 names the SCSI address. */
    snprintf (path, sizeof path, "/sys/block/%s/device", d->d_name);
    r = readlink (path, link, sizeof link - 1);
    if (r > 0) {
      link[r] = '\0';
      base = strrchr (link, '/');
      base = base ? base + 1 : link;
      if (sscanf (base, "%lu:%lu:%lu:%lu", &dk.addr[0], &dk.addr[1],
                  &dk.addr[2], &dk.addr[3]) != 4)
        memset (dk.addr, 0, sizeof dk.addr);
    }
    if (n == alloc) {
      struct disk *p;
      alloc = alloc ? alloc * 2 : 16;
      p = realloc (list, alloc * sizeof *list);
      if (p == NULL)
        break;
      list = p;
    }
    list[n++] = dk;
  }
  closedir (dir);

  /* virtio-blk disks (vd*) sort after SCSI ones by name. */
  for (size_t i = 0; i < n; ++i)
    if (strncmp (list[i].name, "vd", 2) == 0)
      list[i].addr[0] = ~0UL;
  qsort (list, n, sizeof *list, disk_compare);
  disks = calloc (n + 1, sizeof (char *));
  targets = calloc (n + 1, sizeof (long));
  if (disks && targets) {
    for (size_t i = 0; i < n; ++i) {
      disks[i] = strdup (list[i].name);
      targets[i] = list[i].addr[0] == ~0UL ? -1 : (long) list[i].addr[2];
    }
    nr_disks = n;
  }
  free (list);
  disks_valid = true;
}

void
daemon_devices_changed (void)
{
  disks_valid = false;
}

static void
ensure_disks (void)
{
  if (!disks_valid)
    scan_disks ();
}

/* "a", "b", ... "z", "aa", ... for index 0, 1, ... */
static void
index_letters (size_t i, char *out)
{
  char tmp[16];
  size_t n = 0;

  i++;
  while (i > 0 && n < sizeof tmp) {
    i--;
    tmp[n++] = 'a' + i % 26;
    i /= 26;
  }
  for (size_t j = 0; j < n; ++j)
    out[j] = tmp[n - 1 - j];
  out[n] = '\0';
}

/* Parse "/dev/sdXN" (also hd, vd, xvd): disk index and partition part. */
static int
parse_api_name (const char *s, size_t *index, const char **part)
{
  const char *p;
  size_t idx = 0;

  if (strncmp (s, "/dev/", 5) != 0)
    return -1;
  p = s + 5;
  if (strncmp (p, "xvd", 3) == 0)
    p += 3;
  else if (strncmp (p, "sd", 2) == 0 || strncmp (p, "vd", 2) == 0 ||
           strncmp (p, "hd", 2) == 0)
    p += 2;
  else
    return -1;
  if (!islower ((unsigned char) *p))
    return -1;
  while (islower ((unsigned char) *p)) {
    idx = idx * 26 + (*p - 'a' + 1);
    if (idx > 100000)
      return -1;
    p++;
  }
  for (const char *q = p; *q; ++q)
    if (!isdigit ((unsigned char) *q))
      return -1;
  if (p[0] == '0')
    return -1;
  *index = idx - 1;
  *part = p;
  return 0;
}

static bool
is_block_device (const char *path)
{
  struct stat st;

  return stat (path, &st) == 0 && S_ISBLK (st.st_mode);
}

/* The SCSI serial of a disk (qemu's scsi-hd serial=, which the library
 * sets to the drive's label), from VPD page 0x80: a 4-byte header whose
 * last byte is the length, then the serial, space padded. */
static bool
disk_has_serial (const char *disk, const char *label, size_t label_len)
{
  char path[PATH_MAX];
  unsigned char buf[260];
  ssize_t n;
  size_t len;
  int fd;

  snprintf (path, sizeof path, "/sys/block/%s/device/vpd_pg80", disk);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    /* A virtio-blk disk (iface virtio-blk) has its serial here. */
    snprintf (path, sizeof path, "/sys/block/%s/serial", disk);
    fd = open (path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
      return false;
    n = read (fd, buf, sizeof buf);
    close (fd);
    if (n <= 0)
      return false;
    len = n;
    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' ' || buf[len - 1] == '\0'))
      len--;
    return len == label_len && memcmp (buf, label, len) == 0;
  }
  n = read (fd, buf, sizeof buf);
  close (fd);
  if (n < 4)
    return false;
  len = buf[3];
  if (len > (size_t) n - 4)
    len = n - 4;
  while (len > 0 && buf[4 + len - 1] == ' ')
    len--;
  return len == label_len && memcmp (buf + 4, label, len) == 0;
}

/* "/dev/disk/guestfs/LABEL[N]" -> kernel path of that drive (or its
 * partition N); labels are letters only, so digits end them. */
static char *
translate_label (const char *api)
{
  const char *label = api + strlen ("/dev/disk/guestfs/");
  size_t len = 0;
  char *r;

  while (isalpha ((unsigned char) label[len]))
    len++;
  if (len == 0) {
    errno = ENOENT;
    return NULL;
  }
  for (const char *q = label + len; *q; ++q)
    if (!isdigit ((unsigned char) *q)) {
      errno = ENOENT;
      return NULL;
    }
  for (size_t i = 0; i < nr_disks; ++i)
    if (disk_has_serial (disks[i], label, len)) {
      if (asprintf (&r, "/dev/%s%s", disks[i], label + len) == -1)
        return NULL;
      return r;
    }
  errno = ENOENT;
  return NULL;
}

/* API name -> kernel path, or NULL (errno set). */
static char *
translate (const char *api)
{
  size_t index;
  const char *part;
  char *r;

  ensure_disks ();
  if (STRPREFIX (api, "/dev/disk/guestfs/")) {
    r = translate_label (api);
    if (r == NULL)
      return NULL;
  }
  else if (parse_api_name (api, &index, &part) == 0) {
    if (index >= nr_disks) {
      errno = ENOENT;
      return NULL;
    }
    if (asprintf (&r, "/dev/%s%s", disks[index], part) == -1)
      return NULL;
  }
  else {
    /* Other device paths (device mapper, md, by-label links): must stay
     * under /dev and be block devices. */
    if (strncmp (api, "/dev/", 5) != 0 || strstr (api, "/../") ||
        strlen (api) >= PATH_MAX) {
      errno = EINVAL;
      return NULL;
    }
    r = realpath (api, NULL);
    /* /dev/VG/LV, /dev/md/NAME...: the guest's LVM and RAID are brought
     * up on first need (lvm.h), which may be now. */
    if (r == NULL && errno == ENOENT) {
      storage_activate_once ();
      r = realpath (api, NULL);
    }
    if (r == NULL)
      return NULL;
    if (strncmp (r, "/dev/", 5) != 0) {
      free (r);
      errno = EINVAL;
      return NULL;
    }
  }
  if (!is_block_device (r)) {
    free (r);
    errno = ENOENT;
    return NULL;
  }
  return r;
}

char *
daemon_resolve_device (const char *api_name)
{
  char *r = translate (api_name);

  if (r == NULL)
    reply_with_perror ("%s", api_name);
  return r;
}

/* The device part of "btrfsvol:DEVICE/VOLUME": the shortest prefix
 * ending before a '/' that names a block device (API names through
 * translate, kernel names as they are).  Its length, or 0. */
static size_t
btrfsvol_device_len (const char *s, bool api, char **kdev_r)
{
  for (const char *slash = strchr (s + 5, '/'); slash;
       slash = strchr (slash + 1, '/')) {
    size_t len = slash - s;
    char *prefix = strndup (s, len);
    char *kdev;

    if (prefix == NULL)
      return 0;
    kdev = api ? translate (prefix) : (is_block_device (prefix) ? prefix : NULL);
    if (kdev != prefix)
      free (prefix);
    if (kdev) {
      if (kdev_r)
        *kdev_r = kdev;
      else
        free (kdev);
      return len;
    }
  }
  return 0;
}

/* "btrfsvol:/dev/sda1/VOLUME" (a btrfs subvolume, as libguestfs names
 * them) resolves to "btrfsvol:<kernel device>/VOLUME". */
char *
daemon_resolve_mountable (const char *api_name)
{
  const char *s = api_name + strlen ("btrfsvol:");
  char *kdev = NULL, *r;
  size_t len;

  if (!STRPREFIX (api_name, "btrfsvol:"))
    return daemon_resolve_device (api_name);
  ensure_disks ();
  if (!STRPREFIX (s, "/dev/") ||
      (len = btrfsvol_device_len (s, true, &kdev)) == 0 ||
      s[len + 1] == '\0') {
    reply_with_error_errno (EINVAL, "%s: not a device followed by a btrfs subvolume path",
                            api_name);
    free (kdev);
    return NULL;
  }
  if (asprintf (&r, "btrfsvol:%s/%s", kdev, s + len + 1) == -1) {
    reply_with_perror ("malloc");
    r = NULL;
  }
  free (kdev);
  return r;
}

int
daemon_split_mountable (const char *mountable, char **dev_r, char **vol_r)
{
  const char *s = mountable + strlen ("btrfsvol:");
  size_t len;

  *dev_r = *vol_r = NULL;
  if (!STRPREFIX (mountable, "btrfsvol:")) {
    *dev_r = strdup (mountable);
    return *dev_r ? 0 : -1;
  }
  if (!STRPREFIX (s, "/dev/") ||
      (len = btrfsvol_device_len (s, false, NULL)) == 0) {
    errno = EINVAL;
    return -1;
  }
  *dev_r = strndup (s, len);
  *vol_r = strdup (s + len + 1);
  if (*dev_r == NULL || *vol_r == NULL) {
    free (*dev_r);
    free (*vol_r);
    *dev_r = *vol_r = NULL;
    return -1;
  }
  return 0;
}

char *
daemon_resolve_dev_or_path (const char *arg)
{
  if (strncmp (arg, "/dev/", 5) == 0)
    return daemon_resolve_device (arg);
  if (daemon_check_pathname (arg) == -1)
    return NULL;
  return strdup (arg);
}

int
daemon_is_device_name (const char *s)
{
  char *r = translate (s);

  free (r);
  return r != NULL;
}

char *
daemon_device_to_api (const char *kernel_name)
{
  const char *n = kernel_name;
  char letters[16];
  char *r;

  ensure_disks ();
  if (strncmp (n, "/dev/", 5) == 0)
    n += 5;
  for (size_t i = 0; i < nr_disks; ++i) {
    size_t len = strlen (disks[i]);
    if (strncmp (n, disks[i], len) == 0) {
      const char *part = n + len;
      bool digits = true;
      for (const char *q = part; *q; ++q)
        if (!isdigit ((unsigned char) *q))
          digits = false;
      if (!digits)
        continue;
      index_letters (i, letters);
      if (asprintf (&r, "/dev/sd%s%s", letters, part) == -1)
        return NULL;
      return r;
    }
  }
  /* Device mapper: /dev/VG/LV for a logical volume, else /dev/mapper/NAME. */
  if (STRPREFIX (n, "dm-") || STRPREFIX (n, "mapper/")) {
    r = dm_device_to_api (kernel_name);
    if (r)
      return r;
  }
  return strdup (kernel_name);
}

char **
daemon_list_disks (void)
{
  char **r;
  char letters[16];

  ensure_disks ();
  r = calloc (nr_disks + 1, sizeof (char *));
  if (r == NULL)
    return NULL;
  for (size_t i = 0; i < nr_disks; ++i) {
    index_letters (i, letters);
    if (asprintf (&r[i], "/dev/sd%s", letters) == -1) {
      daemon_free_string_list (r);
      return NULL;
    }
  }
  return r;
}

/* The kernel name of the SCSI disk at target `target`, or NULL. */
const char *
daemon_kernel_disk_at_target (unsigned target)
{
  ensure_disks ();
  for (size_t i = 0; i < nr_disks; ++i)
    if (disks[i] && targets[i] == (long) target)
      return disks[i];
  return NULL;
}

const char *
daemon_kernel_disk (size_t i)
{
  ensure_disks ();
  return i < nr_disks ? disks[i] : NULL;
}
