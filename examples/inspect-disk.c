/* inspect-disk: say what operating systems a disk image holds (product,
 * version, hostname), mount each one read-only as the guest would, and
 * list some of its applications and files.  Written for libguestfs's C
 * API alone, so it builds unchanged against libguestfs or guestkit:
 *
 *   cc inspect-disk.c -o inspect-disk `pkg-config --cflags --libs libguestfs`
 *   ./inspect-disk guest.img [more disks of the same guest...]
 *
 * The disks are added read-only: nothing is ever written to them. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <guestfs.h>

/* How many applications and files to show per operating system. */
#define MAX_SHOWN 10

static void
free_strings (char **v)
{
  if (v == NULL)
    return;
  for (size_t i = 0; v[i] != NULL; ++i)
    free (v[i]);
  free (v);
}

static size_t
count_strings (char *const *v)
{
  size_t n = 0;

  while (v[n] != NULL)
    ++n;
  return n;
}

/* inspect_get_mountpoints returns pairs (mountpoint, device).  Mounting
 * shorter mountpoints first puts / before /boot before /boot/efi. */
static int
compare_mountpoints (const void *a, const void *b)
{
  const char *const *x = a, *const *y = b;
  size_t lx = strlen (x[0]), ly = strlen (y[0]);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x[0], y[0]);
}

/* Prints the inspection strings that have a value; "unknown" is how
 * libguestfs says it found none. */
static void
print_field (const char *label, char *value)
{
  if (value != NULL && strcmp (value, "unknown") != 0)
    printf ("  %-13s %s\n", label, value);
  free (value);
}

static int
show_root (guestfs_h *g, const char *root)
{
  char **mps, **files;
  struct guestfs_application2_list *apps;
  size_t n;

  printf ("Root device: %s\n", root);
  print_field ("Product name:", guestfs_inspect_get_product_name (g, root));
  printf ("  %-13s %d.%d\n", "Version:",
          guestfs_inspect_get_major_version (g, root),
          guestfs_inspect_get_minor_version (g, root));
  print_field ("Type:", guestfs_inspect_get_type (g, root));
  print_field ("Distro:", guestfs_inspect_get_distro (g, root));
  print_field ("Architecture:", guestfs_inspect_get_arch (g, root));
  print_field ("Hostname:", guestfs_inspect_get_hostname (g, root));

  /* Mount the guest's filesystems where the guest mounts them, read-only.
   * A filesystem that cannot be mounted (swap listed in fstab, a missing
   * disk) is reported and skipped, as the rest is still worth seeing. */
  mps = guestfs_inspect_get_mountpoints (g, root);
  if (mps == NULL)
    return -1;
  n = count_strings (mps) / 2;
  qsort (mps, n, 2 * sizeof (char *), compare_mountpoints);
  printf ("  Mountpoints:\n");
  for (size_t i = 0; i < n; ++i) {
    printf ("    %s on %s\n", mps[2 * i + 1], mps[2 * i]);
    if (guestfs_mount_ro (g, mps[2 * i + 1], mps[2 * i]) == -1)
      fprintf (stderr, "inspect-disk: %s not mounted, continuing\n", mps[2 * i]);
  }
  free_strings (mps);

  apps = guestfs_inspect_list_applications2 (g, root);
  if (apps == NULL)
    return -1;
  printf ("  Applications: %u", apps->len);
  if (apps->len > MAX_SHOWN)
    printf (" (the first %d)", MAX_SHOWN);
  printf ("\n");
  for (uint32_t i = 0; i < apps->len && i < MAX_SHOWN; ++i) {
    const struct guestfs_application2 *a = &apps->val[i];
    printf ("    %s %s%s%s\n", a->app2_name, a->app2_version,
            a->app2_release[0] ? "-" : "", a->app2_release);
  }
  guestfs_free_application2_list (apps);

  /* Windows guests have no /etc; Linux guests have no C:\Windows. */
  if (guestfs_is_dir (g, "/etc") > 0) {
    files = guestfs_ls (g, "/etc");
    if (files == NULL)
      return -1;
    n = count_strings (files);
    printf ("  Files in /etc: %zu", n);
    if (n > MAX_SHOWN)
      printf (" (the first %d)", MAX_SHOWN);
    printf ("\n");
    for (size_t i = 0; i < n && i < MAX_SHOWN; ++i)
      printf ("    %s\n", files[i]);
    free_strings (files);
  }

  return guestfs_umount_all (g);
}

int
main (int argc, char *argv[])
{
  guestfs_h *g;
  char **roots;
  int status = EXIT_SUCCESS;

  if (argc < 2) {
    fprintf (stderr, "usage: %s DISK.IMG [DISK.IMG...]\n", argv[0]);
    exit (EXIT_FAILURE);
  }

  g = guestfs_create ();
  if (g == NULL) {
    perror ("failed to create a libguestfs handle");
    exit (EXIT_FAILURE);
  }
  for (int i = 1; i < argc; ++i)
    if (guestfs_add_drive_opts (g, argv[i],
                                GUESTFS_ADD_DRIVE_OPTS_READONLY, 1, -1) == -1)
      goto fail;
  if (guestfs_launch (g) == -1)
    goto fail;

  roots = guestfs_inspect_os (g);
  if (roots == NULL)
    goto fail;
  if (roots[0] == NULL) {
    fprintf (stderr, "inspect-disk: no operating systems found\n");
    free_strings (roots);
    goto fail;
  }
  for (size_t i = 0; roots[i] != NULL; ++i)
    if (show_root (g, roots[i]) == -1)
      status = EXIT_FAILURE;
  free_strings (roots);

  guestfs_close (g);
  exit (status);

 fail:
  guestfs_close (g);
  exit (EXIT_FAILURE);
}
