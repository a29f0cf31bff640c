/* Open the encrypted block devices before guestfish -i or a tool
 * inspects the disks.  Every partition (then every logical volume, for LUKS on LVM)
 * whose filesystem type is crypto_LUKS or BitLocker is opened as
 * /dev/mapper/crypt<name> with the keys --key gave for it (by device name
 * or LUKS UUID), or a key read as for any Key parameter, trying each in
 * turn.  Volume groups inside are then activated.  Compiled to nothing
 * until the library has cryptsetup-open.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "keys.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)
#define STRPREFIX(a,b) (strncmp ((a),(b),strlen ((b))) == 0)

#ifdef GUESTFS_HAVE_CRYPTSETUP_OPEN

static void
free_list (char **l)
{
  for (size_t i = 0; l[i]; ++i)
    free (l[i]);
  free (l);
}

/* "/dev/sda2" -> "cryptsda2", as libguestfs names them. */
static void
make_mapname (const char *device, char *mapname, size_t size)
{
  size_t n = snprintf (mapname, size, "crypt");

  if (STRPREFIX (device, "/dev/"))
    device += 5;
  for (; *device && n < size - 1; ++device)
    if (isalnum ((unsigned char) *device))
      mapname[n++] = *device;
  mapname[n] = '\0';
}

static int
try_keys (guestfs_h *g, const char *device, const char *mapname, char **keys, int clevis)
{
  int r = -1;

#ifndef GUESTFS_HAVE_CLEVIS_LUKS_UNLOCK
  if (clevis) {
    fprintf (stderr, "%s: --key %s:clevis: unlocking with Clevis is "
             "not available in this version of the library\n",
             keys_settings.program, device);
    exit (EXIT_FAILURE);
  }
#endif
  guestfs_push_error_handler (g, NULL, NULL);
#ifdef GUESTFS_HAVE_CLEVIS_LUKS_UNLOCK
  if (clevis)
    r = guestfs_clevis_luks_unlock (g, device, mapname);
#endif
  for (size_t i = 0; r == -1 && keys[i]; ++i)
    r = guestfs_cryptsetup_open (g, device, keys[i], mapname, -1);
  guestfs_pop_error_handler (g);
  return r;
}

/* Open the encrypted ones among devices; returns how many were opened. */
static int
decrypt_list (guestfs_h *g, char **devices)
{
  int opened = 0;

  for (size_t i = 0; devices[i]; ++i) {
    const char *dev = devices[i];
    char mapname[64], *type, *uuid = NULL;
    char **keys;
    int clevis;

    guestfs_push_error_handler (g, NULL, NULL);
    type = guestfs_vfs_type (g, dev);
    guestfs_pop_error_handler (g);
    if (type == NULL ||
        (STRNEQ (type, "crypto_LUKS") && STRNEQ (type, "BitLocker"))) {
      free (type);
      continue;
    }
#ifdef GUESTFS_HAVE_LUKS_UUID
    if (STREQ (type, "crypto_LUKS")) {
      guestfs_push_error_handler (g, NULL, NULL);
      uuid = guestfs_luks_uuid (g, dev);
      guestfs_pop_error_handler (g);
    }
#endif
    free (type);

    make_mapname (dev, mapname, sizeof mapname);
    keys = keys_get (dev, uuid, &clevis);
    free (uuid);
    if (keys == NULL)
      exit (EXIT_FAILURE);
    if (try_keys (g, dev, mapname, keys, clevis) == -1) {
      fprintf (stderr,
               "%s: could not find key to open LUKS encrypted %s.\n\n"
               "Try using --key on the command line.\n\n"
               "Original error: %s (%d)\n",
               keys_settings.program, dev,
               guestfs_last_error (g) ? guestfs_last_error (g) : "",
               guestfs_last_errno (g));
      keys_free_list (keys);
      exit (EXIT_FAILURE);
    }
    keys_free_list (keys);
    opened++;
  }
  return opened;
}

void
keys_decrypt (guestfs_h *g)
{
  char **parts = guestfs_list_partitions (g);

  if (parts == NULL)
    exit (EXIT_FAILURE);
  if (decrypt_list (g, parts) > 0) {
#if defined(GUESTFS_HAVE_LVM_SCAN)
    if (guestfs_lvm_scan (g, 1) == -1)
      exit (EXIT_FAILURE);
#elif defined(GUESTFS_HAVE_VGSCAN) && defined(GUESTFS_HAVE_VG_ACTIVATE_ALL)
    if (guestfs_vgscan (g) == -1 || guestfs_vg_activate_all (g, 1) == -1)
      exit (EXIT_FAILURE);
#endif
  }
  free_list (parts);

#ifdef GUESTFS_HAVE_LVS
  {
    char **lvs;

    /* Without LVM in the appliance there is nothing more to open. */
    guestfs_push_error_handler (g, NULL, NULL);
    lvs = guestfs_lvs (g);
    guestfs_pop_error_handler (g);
    if (lvs) {
      decrypt_list (g, lvs);
      free_list (lvs);
    }
  }
#endif
}

#else /* !GUESTFS_HAVE_CRYPTSETUP_OPEN */

void
keys_decrypt (guestfs_h *g)
{
  (void) g;
}

#endif
