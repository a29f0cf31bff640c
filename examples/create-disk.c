/* create-disk: make a new disk image with an MBR partition table, one
 * ext4 filesystem and a few files in it.  Written for libguestfs's C API
 * alone, so it builds unchanged against libguestfs or guestkit:
 *
 *   cc create-disk.c -o create-disk `pkg-config --cflags --libs libguestfs`
 *   ./create-disk disk.img
 *
 * Every call that fails has already printed libguestfs's error message
 * (the default error handler), so the program only has to stop. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <guestfs.h>

static void
free_strings (char **v)
{
  for (size_t i = 0; v[i] != NULL; ++i)
    free (v[i]);
  free (v);
}

int
main (int argc, char *argv[])
{
  const char *output, *message = "Hello from create-disk.\n";
  guestfs_h *g;
  char **devices, **partitions;
  char *device = NULL, *partition = NULL;

  if (argc != 2) {
    fprintf (stderr, "usage: %s DISK.IMG\n", argv[0]);
    exit (EXIT_FAILURE);
  }
  output = argv[1];

  g = guestfs_create ();
  if (g == NULL) {
    perror ("failed to create a libguestfs handle");
    exit (EXIT_FAILURE);
  }

  /* A sparse 512 MB raw image; it is added read-write, so say the
   * format rather than let anything guess it. */
  if (guestfs_disk_create (g, output, "raw", INT64_C (512) * 1024 * 1024, -1) == -1)
    goto fail;
  if (guestfs_add_drive_opts (g, output,
                              GUESTFS_ADD_DRIVE_OPTS_FORMAT, "raw", -1) == -1)
    goto fail;

  /* Boots the appliance: the disk is only reachable after this. */
  if (guestfs_launch (g) == -1)
    goto fail;

  /* The device name depends on how the disk is attached (/dev/sda,
   * /dev/vda...): ask instead of assuming. */
  devices = guestfs_list_devices (g);
  if (devices == NULL)
    goto fail;
  if (devices[0] == NULL || devices[1] != NULL) {
    fprintf (stderr, "create-disk: expected exactly one disk\n");
    free_strings (devices);
    goto fail;
  }
  device = strdup (devices[0]);
  free_strings (devices);
  if (device == NULL) {
    perror ("strdup");
    goto fail;
  }

  /* One partition over the whole disk, then a filesystem on it. */
  if (guestfs_part_disk (g, device, "mbr") == -1)
    goto fail;
  partitions = guestfs_list_partitions (g);
  if (partitions == NULL)
    goto fail;
  if (partitions[0] == NULL) {
    fprintf (stderr, "create-disk: %s has no partition\n", device);
    free_strings (partitions);
    goto fail;
  }
  partition = strdup (partitions[0]);
  free_strings (partitions);
  if (partition == NULL) {
    perror ("strdup");
    goto fail;
  }
  if (guestfs_mkfs (g, "ext4", partition) == -1)
    goto fail;
  if (guestfs_set_label (g, partition, "example") == -1)
    goto fail;

  /* Mount it and write some content. */
  if (guestfs_mount (g, partition, "/") == -1)
    goto fail;
  if (guestfs_mkdir_p (g, "/etc/example") == -1)
    goto fail;
  if (guestfs_write (g, "/etc/example/hello.txt", message, strlen (message)) == -1)
    goto fail;
  if (guestfs_touch (g, "/etc/example/empty") == -1)
    goto fail;

  /* Unmounting and shutting down explicitly is how write errors (a full
   * disk, an I/O error flushing the image) are seen: guestfs_close
   * cannot report them. */
  if (guestfs_umount_all (g) == -1)
    goto fail;
  if (guestfs_shutdown (g) == -1)
    goto fail;
  guestfs_close (g);
  free (device);
  free (partition);
  printf ("created %s: one MBR partition, ext4 labelled \"example\", "
          "holding /etc/example/hello.txt\n", output);
  exit (EXIT_SUCCESS);

 fail:
  guestfs_close (g);
  free (device);
  free (partition);
  exit (EXIT_FAILURE);
}
