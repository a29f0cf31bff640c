/* guestfsd: inspect_get_icon — the guest's /etc/favicon.png, else its
 * distribution's logo from the usual places, as libguestfs looks for
 * them.  Only PNG files are returned, checked from their own header
 * (16 to 1024 pixels a side, a bounded size); the root's filesystems
 * are mounted privately while the icon is looked for.  Windows icons,
 * which need resource extraction from explorer.exe, are not
 * supported: an empty buffer is returned. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "inspect.h"

#define ICON_MAX (4 * 1024 * 1024)

static uint32_t
be32 (const unsigned char *p)
{
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* The PNG at path if it is reasonable, else NULL.  max 0: 4 bytes a
 * pixel at most. */
static char *
get_png (int root, const char *path, size_t max, size_t *size_r)
{
  unsigned char h[24];
  uint32_t w, ht;
  int fd = guest_open (root, path, O_RDONLY | O_NONBLOCK, true);
  ssize_t n;

  if (fd == -1)
    return NULL;
  n = pread (fd, h, sizeof h, 0);
  close (fd);
  if (n != sizeof h || memcmp (h, "\x89PNG\r\n\x1a\n", 8) != 0 ||
      memcmp (h + 12, "IHDR", 4) != 0)
    return NULL;
  w = be32 (h + 16);
  ht = be32 (h + 20);
  if (w < 16 || ht < 16 || w > 1024 || ht > 1024)
    return NULL;
  if (max == 0)
    max = 4 * w * ht;
  if (max > ICON_MAX)
    max = ICON_MAX;
  return guest_read_file (root, path, max, size_r);
}

static char *
distro_icon (int root, const struct inspect_fs *fs, bool highquality,
             size_t *size_r)
{
  const char *d = fs->distro ? fs->distro : "";
  int major = fs->has_version ? fs->major : 0;
  char *r;

  if (STREQ (d, "fedora"))
    return get_png (root, "/usr/share/icons/hicolor/96x96/apps/fedora-logo-icon.png",
                    0, size_r);
  if (STREQ (d, "rhel") || STREQ (d, "redhat-based") || STREQ (d, "centos") ||
      STREQ (d, "scientificlinux") || STREQ (d, "oraclelinux"))
    return get_png (root, major < 7 ?
                    "/usr/share/pixmaps/redhat/shadowman-transparent.png" :
                    "/usr/share/pixmaps/fedora-logo-sprite.png", 102400, size_r);
  if (STREQ (d, "debian"))
    return get_png (root, "/usr/share/pixmaps/debian-logo.png", 2048, size_r);
  if (STREQ (d, "ubuntu")) {
    if (highquality)
      return NULL;
    r = get_png (root, "/usr/share/icons/gnome/24x24/places/ubuntu-logo.png",
                 2048, size_r);
    return r ? r : get_png (root, "/usr/share/help/C/ubuntu-help/figures/ubuntu-logo.png",
                            2048, size_r);
  }
  if (STREQ (d, "mageia"))
    return get_png (root, "/usr/share/icons/mageia.png", 2048, size_r);
  if (STREQ (d, "suse-based") || STREQ (d, "opensuse") || STREQ (d, "sles"))
    return get_png (root, "/usr/share/icons/hicolor/24x24/apps/distributor.png",
                    2048, size_r);
  if (STREQ (d, "voidlinux"))
    return get_png (root, "/usr/share/void-artwork/void-logo.png", 20480, size_r);
  if (STREQ (d, "altlinux"))
    return get_png (root, "/usr/share/icons/hicolor/48x48/apps/altlinux.png",
                    20480, size_r);
  return NULL;
}

char *
do_inspect_get_icon (const char *root_arg, int favicon, int highquality,
                     size_t *size_r)
{
  struct inspect_fs *fs = inspect_find_root (root_arg);
  const char *type;
  char *dir, *r = NULL;
  int root;

  if (fs == NULL)
    return NULL;
  /* Optional arguments: favicon defaults to true, highquality to
   * false, and favicons are never high quality. */
  if (!(optargs_bitmask & 1))
    favicon = 1;
  if (!(optargs_bitmask & 2))
    highquality = 0;
  if (highquality)
    favicon = 0;
  type = fs->os_type ? fs->os_type : "";

  dir = inspect_mount_root_tree (fs);
  if (dir == NULL)
    return NULL;
  root = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root >= 0) {
    if (favicon) {
      CLEANUP_FREE char *p = STREQ (type, "windows") ?
        guest_case_path (root, "/etc/favicon.png") : strdup ("/etc/favicon.png");
      if (p)
        r = get_png (root, p, 0, size_r);
    }
    if (r == NULL && (STREQ (type, "linux") || STREQ (type, "hurd")))
      r = distro_icon (root, fs, highquality, size_r);
    close (root);
  }
  inspect_unmount_private (dir);
  if (r == NULL) {
    /* No icon is not an error: a zero-length buffer. */
    r = malloc (1);
    if (r == NULL) {
      reply_with_perror ("malloc");
      return NULL;
    }
    *size_r = 0;
  }
  return r;
}
