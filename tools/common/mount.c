/* tools/common: mounting the guest, either the -m filesystems or, by
 * inspection, the filesystems of the one operating system found, where
 * the guest itself mounts them (shortest mountpoint first).  Read-only,
 * unless the tool writes (tools_read_only).
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

static void __attribute__((noreturn))
inspect_failure (int multiboot)
{
  fprintf (stderr,
           "%s: %s\n"
           "\n"
           "If using guestfish ‘-i’ option, remove this option and instead\n"
           "use the commands ‘run’ followed by ‘list-filesystems’.\n"
           "You can then mount filesystems you want by hand using the\n"
           "‘mount’ or ‘mount-ro’ command.\n"
           "\n"
           "If using guestmount ‘-i’, remove this option and choose the\n"
           "filesystem(s) you want to see by manually adding ‘-m’ option(s).\n"
           "Use ‘virt-filesystems’ to see what filesystems are available.\n"
           "\n"
           "If using other virt tools, %s won’t work\n"
           "with these tools.  Use the guestfish equivalent commands\n"
           "(see the virt tool manual page).\n",
           tools.program,
           multiboot ? "multi-boot operating systems are not supported"
           : "no operating system was found on this disk",
           multiboot ? "multi-boot operating systems" : "this disk image");
  exit (EXIT_FAILURE);
}

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

char *
tools_inspect_mount (void)
{
  char **roots, **mps, *root;
  size_t n;
  int mount_errors = 0, readonly = tools_read_only ();

  keys_decrypt (tools.g);
  roots = guestfs_inspect_os (tools.g);
  if (roots == NULL)
    exit (EXIT_FAILURE);
  if (roots[0] == NULL || roots[1] != NULL) {
    int many = roots[0] != NULL;

    for (size_t i = 0; roots[i]; ++i)  /* inspect_failure exits */
      free (roots[i]);
    free (roots);
    inspect_failure (many);
  }
  root = roots[0];
  free (roots);

  mps = guestfs_inspect_get_mountpoints (tools.g, root);
  if (mps == NULL)
    exit (EXIT_FAILURE);
  n = tools_count_strings (mps) / 2;
  qsort (mps, n, 2 * sizeof (char *), compare_mountpoints);
  for (size_t i = 0; i < n; ++i) {
    const char *mp = mps[2*i], *dev = mps[2*i+1];

    /* Bogus fstab entries are common: only "/" has to work. */
    if ((readonly ? guestfs_mount_ro (tools.g, dev, mp)
         : guestfs_mount (tools.g, dev, mp)) == -1) {
      if (STREQ (mp, "/"))
        exit (EXIT_FAILURE);
      mount_errors++;
    }
  }
  tools_free_strings (mps);
  if (mount_errors)
    tools_error ("some filesystems could not be mounted (ignored)");
  return root;
}

/* Suggest what could have been meant, as libguestfs does. */
static void
mount_failed (const struct tools_mount *m)
{
  char **fses;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  fses = guestfs_list_filesystems (tools.g);
  guestfs_pop_error_handler (tools.g);
  if (fses == NULL || fses[0] == NULL) {
    tools_free_strings (fses);
    return;
  }
  tools_error ("‘%s’ could not be mounted.", m->device);
  if (m->options)
    fprintf (stderr, "%s: Check mount(8) man page to ensure options '%s'\n"
             "%s: are supported by the filesystem that is being mounted.\n",
             tools.program, m->options, tools.program);
  tools_error ("Did you mean to mount one of these filesystems?");
  for (size_t i = 0; fses[i] && fses[i+1]; i += 2)
    fprintf (stderr, "%s: \t%s (%s)\n", tools.program, fses[i], fses[i+1]);
  tools_free_strings (fses);
}

void
tools_mount_mps (void)
{
  int readonly = tools_read_only ();

  keys_decrypt (tools.g);
  for (size_t i = 0; i < tools.nr_mounts; ++i) {
    const struct tools_mount *m = &tools.mounts[i];
    char *opts = NULL;
    int r;

    /* Read-only whatever options were asked for; read-write with the
     * options as given. */
    if (!readonly) {
      if (m->fstype)
        r = guestfs_mount_vfs (tools.g, m->options ? m->options : "",
                               m->fstype, m->device, m->mountpoint);
      else if (m->options)
        r = guestfs_mount_options (tools.g, m->options, m->device,
                                   m->mountpoint);
      else
        r = guestfs_mount (tools.g, m->device, m->mountpoint);
      if (r == -1) {
        mount_failed (m);
        exit (EXIT_FAILURE);
      }
      continue;
    }
    if (m->options) {
      if (asprintf (&opts, "ro,%s", m->options) == -1) {
        perror ("asprintf");
        exit (EXIT_FAILURE);
      }
    }
    if (m->fstype)
      r = guestfs_mount_vfs (tools.g, opts ? opts : "ro", m->fstype,
                             m->device, m->mountpoint);
    else if (opts)
      r = guestfs_mount_options (tools.g, opts, m->device, m->mountpoint);
    else
      r = guestfs_mount_ro (tools.g, m->device, m->mountpoint);
    free (opts);
    if (r == -1) {
      mount_failed (m);
      exit (EXIT_FAILURE);
    }
  }
}

char *
tools_mount_guest (void)
{
  if (tools.nr_mounts > 0) {
    tools_mount_mps ();
    return NULL;
  }
  return tools_inspect_mount ();
}
