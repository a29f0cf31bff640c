/* guestfish: the -i option.  Inspect the disks, refuse if there is no
 * operating system or more than one, and mount the guest's filesystems
 * where the guest would mount them (shortest mountpoint first, read-only
 * with --ro).  At the interactive prompt the result is summarised after
 * the banner.  Compiled only when the library has the inspection calls.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fish.h"

#ifdef GUESTKIT_FISH_HAVE_INSPECTOR

static char *root;                  /* the one root found */

static int
compare_mountpoints (const void *a, const void *b)
{
  const char *const *pa = a, *const *pb = b;
  size_t la = strlen (*pa), lb = strlen (*pb);

  /* "/" before "/usr" before "/usr/local". */
  if (la != lb)
    return la < lb ? -1 : 1;
  return strcmp (*pa, *pb);
}

/* The guest's mountpoints as pairs (mountpoint, device), sorted. */
static char **
sorted_mountpoints (void)
{
  char **mps = guestfs_inspect_get_mountpoints (g, root);
  size_t n;

  if (mps == NULL)
    return NULL;
  n = fish_count_strings (mps) / 2;
  qsort (mps, n, 2 * sizeof (char *), compare_mountpoints);
  return mps;
}

void
fish_inspect_mount (void)
{
  char **roots, **mps;
  int mount_errors = 0;

  keys_decrypt (g);
  roots = guestfs_inspect_os (g);

  if (roots == NULL)
    exit (EXIT_FAILURE);
  if (roots[0] == NULL) {
    fprintf (stderr,
             "guestfish: no operating system was found on this disk\n"
             "\n"
             "If using guestfish ‘-i’ option, remove this option and instead\n"
             "use the commands ‘run’ followed by ‘list-filesystems’.\n"
             "You can then mount filesystems you want by hand using the\n"
             "‘mount’ or ‘mount-ro’ command.\n");
    exit (EXIT_FAILURE);
  }
  if (roots[1] != NULL) {
    fprintf (stderr,
             "guestfish: multi-boot operating systems are not supported\n"
             "\n"
             "If using guestfish ‘-i’ option, remove this option and instead\n"
             "use the commands ‘run’ followed by ‘list-filesystems’.\n"
             "You can then mount filesystems you want by hand using the\n"
             "‘mount’ or ‘mount-ro’ command.\n");
    exit (EXIT_FAILURE);
  }
  root = strdup (roots[0]);
  fish_free_strings (roots);
  if (root == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }

  mps = sorted_mountpoints ();
  if (mps == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; mps[i] && mps[i+1]; i += 2) {
    int r = fish_read_only ? guestfs_mount_ro (g, mps[i+1], mps[i])
      : guestfs_mount (g, mps[i+1], mps[i]);

    if (r == -1) {
      /* Without "/" nothing else makes sense; other failures are only
       * reported.
       */
      if (STREQ (mps[i], "/"))
        exit (EXIT_FAILURE);
      mount_errors++;
    }
  }
  fish_free_strings (mps);
  if (mount_errors)
    fprintf (stderr,
             "guestfish: some filesystems could not be mounted (ignored)\n");
}

void
fish_print_inspect_prompt (void)
{
  char *name;
  char **mps;

  if (root == NULL)
    return;
  guestfs_push_error_handler (g, NULL, NULL);
  name = guestfs_inspect_get_product_name (g, root);
  mps = sorted_mountpoints ();
  guestfs_pop_error_handler (g);

  if (name && STRNEQ (name, "unknown"))
    printf ("Operating system: %s\n", name);
  free (name);
  if (mps) {
    for (size_t i = 0; mps[i] && mps[i+1]; i += 2)
      printf ("%s mounted on %s\n", mps[i+1], mps[i]);
    fish_free_strings (mps);
  }
  printf ("\n");
}

#else /* !GUESTKIT_FISH_HAVE_INSPECTOR */

void
fish_inspect_mount (void)
{
}

void
fish_print_inspect_prompt (void)
{
}

#endif
