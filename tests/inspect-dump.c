/* inspect-dump IMG...: print everything the inspection API says about
 * the disk images (added read-only, in order), one "key: value" line
 * per fact, for the test-inspect-*.sh scripts to compare.
 *
 * It uses only libguestfs's public API, so it can also be built against
 * libguestfs itself to compare the two (-DLIBGUESTFS_148 leaves out the
 * calls libguestfs 1.48 does not have).  Applications and the icon are
 * read with the guest mounted read-only where inspection says, as
 * virt-inspector does it; an application's description is printed in
 * full, escaped onto its line. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"

static guestfs_h *g;

static void
die (const char *what)
{
  fprintf (stderr, "inspect-dump: %s: %s\n", what, guestfs_last_error (g));
  exit (EXIT_FAILURE);
}

static void
free_strings (char **l)
{
  for (size_t i = 0; l && l[i]; ++i)
    free (l[i]);
  free (l);
}

/* A string fact: the value, or "error" if the call failed. */
static void
str (const char *key, char *(*fn) (guestfs_h *, const char *), const char *root)
{
  char *v;

  guestfs_push_error_handler (g, NULL, NULL);
  v = fn (g, root);
  guestfs_pop_error_handler (g);
  printf ("  %s: %s\n", key, v ? v : "error");
  free (v);
}

/* A guest string on one line: newlines, backslashes and other control
 * characters escaped C-style, so a description cannot break the line
 * format. */
static void
put_escaped (const char *s)
{
  for (; *s; ++s) {
    unsigned char c = *s;

    if (c == '\n')
      fputs ("\\n", stdout);
    else if (c == '\\')
      fputs ("\\\\", stdout);
    else if (c < 0x20 || c == 0x7f)
      printf ("\\x%02x", c);
    else
      putchar (c);
  }
}

static int
compare_pairs (const void *a, const void *b)
{
  char *const *x = a, *const *y = b;
  size_t lx = strlen (x[0]), ly = strlen (y[0]);

  return lx != ly ? (lx < ly ? -1 : 1) : strcmp (x[0], y[0]);
}

/* A hash fact, sorted by key (shortest first). */
static void
hash (const char *key, char **(*fn) (guestfs_h *, const char *), const char *root)
{
  char **h = fn (g, root);
  size_t n;

  if (h == NULL)
    die (key);
  for (n = 0; h[n]; ++n)
    ;
  qsort (h, n / 2, 2 * sizeof (char *), compare_pairs);
  printf ("  %s:", key);
  for (size_t i = 0; i + 1 < n; i += 2)
    printf (" %s=%s", h[i], h[i + 1]);
  printf ("\n");
  free_strings (h);
}

static int
compare_mp (const void *a, const void *b)
{
  return compare_pairs (a, b);
}

static void
mount_guest (const char *root)
{
  char **mps = guestfs_inspect_get_mountpoints (g, root);
  size_t n;

  if (mps == NULL)
    die ("inspect_get_mountpoints");
  for (n = 0; mps[n]; ++n)
    ;
  qsort (mps, n / 2, 2 * sizeof (char *), compare_mp);
  for (size_t i = 0; i + 1 < n; i += 2) {
    guestfs_push_error_handler (g, NULL, NULL);
    if (guestfs_mount_ro (g, mps[i + 1], mps[i]) == -1 && strcmp (mps[i], "/") == 0)
      printf ("  mount /: failed\n");
    guestfs_pop_error_handler (g);
  }
  free_strings (mps);
}

static void
dump_root (const char *root)
{
  struct guestfs_application2_list *apps;
  char **fs;
  char *icon;
  size_t size;
  int r;

  printf ("root: %s\n", root);
  str ("type", guestfs_inspect_get_type, root);
  str ("distro", guestfs_inspect_get_distro, root);
  str ("product_name", guestfs_inspect_get_product_name, root);
  str ("product_variant", guestfs_inspect_get_product_variant, root);
  printf ("  version: %d.%d\n", guestfs_inspect_get_major_version (g, root),
          guestfs_inspect_get_minor_version (g, root));
  str ("arch", guestfs_inspect_get_arch, root);
  str ("hostname", guestfs_inspect_get_hostname, root);
  str ("package_format", guestfs_inspect_get_package_format, root);
  str ("package_management", guestfs_inspect_get_package_management, root);
  str ("format", guestfs_inspect_get_format, root);
  str ("osinfo", guestfs_inspect_get_osinfo, root);
#ifndef LIBGUESTFS_148
  str ("build_id", guestfs_inspect_get_build_id, root);
#endif
  hash ("mountpoints", guestfs_inspect_get_mountpoints, root);
  fs = guestfs_inspect_get_filesystems (g, root);
  if (fs == NULL)
    die ("inspect_get_filesystems");
  printf ("  filesystems:");
  for (size_t i = 0; fs[i]; ++i)
    printf (" %s", fs[i]);
  printf ("\n");
  free_strings (fs);
  str ("windows_systemroot", guestfs_inspect_get_windows_systemroot, root);
  str ("windows_software_hive", guestfs_inspect_get_windows_software_hive, root);
  str ("windows_system_hive", guestfs_inspect_get_windows_system_hive, root);
  str ("windows_current_control_set",
       guestfs_inspect_get_windows_current_control_set, root);
#ifndef LIBGUESTFS_148
  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_inspect_get_windows_group_policy (g, root);
  guestfs_pop_error_handler (g);
  printf ("  windows_group_policy: %s\n", r == -1 ? "error" : r ? "yes" : "no");
#endif
  hash ("drive_mappings", guestfs_inspect_get_drive_mappings, root);
  r = guestfs_inspect_is_live (g, root) + guestfs_inspect_is_netinst (g, root) +
    guestfs_inspect_is_multipart (g, root);
  printf ("  live/netinst/multipart: %d\n", r);

  /* As virt-inspector: the guest mounted read-only for these. */
  mount_guest (root);
  apps = guestfs_inspect_list_applications2 (g, root);
  if (apps == NULL)
    printf ("  applications: error: %s\n", guestfs_last_error (g));
  else {
    printf ("  applications: %u\n", apps->len);
    for (uint32_t i = 0; i < apps->len; ++i) {
      struct guestfs_application2 *a = &apps->val[i];
      printf ("    %s|%s|%d|%s|%s|%s|%s|%s|%s|%s|%s|",
              a->app2_name, a->app2_display_name, a->app2_epoch,
              a->app2_version, a->app2_release, a->app2_arch,
              a->app2_install_path, a->app2_publisher, a->app2_url,
              a->app2_source_package, a->app2_summary);
      put_escaped (a->app2_description);
      putchar ('\n');
    }
    guestfs_free_application2_list (apps);
  }
  icon = guestfs_inspect_get_icon (g, root, &size, -1);
  if (icon == NULL)
    die ("inspect_get_icon");
  printf ("  icon: %zu bytes%s\n", size,
          size > 8 && memcmp (icon, "\x89PNG", 4) == 0 ? " PNG" : "");
  free (icon);
  if (guestfs_umount_all (g) == -1)
    die ("umount_all");
}

int
main (int argc, char *argv[])
{
  char **roots;

  if (argc < 2) {
    fprintf (stderr, "usage: inspect-dump IMG...\n");
    exit (EXIT_FAILURE);
  }
  g = guestfs_create ();
  if (g == NULL)
    exit (EXIT_FAILURE);
  for (int i = 1; i < argc; ++i)
    if (guestfs_add_drive_opts (g, argv[i], GUESTFS_ADD_DRIVE_OPTS_READONLY, 1,
                                GUESTFS_ADD_DRIVE_OPTS_FORMAT, "raw", -1) == -1)
      die (argv[i]);
  if (guestfs_launch (g) == -1)
    die ("launch");
  roots = guestfs_inspect_os (g);
  if (roots == NULL)
    die ("inspect_os");
  printf ("roots:");
  for (size_t i = 0; roots[i]; ++i)
    printf (" %s", roots[i]);
  printf ("\n");
  for (size_t i = 0; roots[i]; ++i)
    dump_root (roots[i]);
  free_strings (roots);
  if (guestfs_shutdown (g) == -1)
    die ("shutdown");
  guestfs_close (g);
  return 0;
}
