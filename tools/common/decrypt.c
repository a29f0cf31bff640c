/* tools/common: open the encrypted block devices before inspection
 * (the same rules as guestfish's decrypt.c).  Every partition (then
 * every logical volume, for LUKS on LVM) whose filesystem type is
 * crypto_LUKS or BitLocker is opened as
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

#include "options.h"

#ifdef GUESTFS_HAVE_CRYPTSETUP_OPEN

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
try_keys (const char *device, const char *mapname, char **keys, int clevis)
{
  int r = -1;

#ifndef GUESTFS_HAVE_CLEVIS_LUKS_UNLOCK
  if (clevis) {
    tools_error ("--key %s:clevis: unlocking with Clevis is "
                 "not available in this version of the library", device);
    exit (EXIT_FAILURE);
  }
#endif
  guestfs_push_error_handler (tools.g, NULL, NULL);
#ifdef GUESTFS_HAVE_CLEVIS_LUKS_UNLOCK
  if (clevis)
    r = guestfs_clevis_luks_unlock (tools.g, device, mapname);
#endif
  for (size_t i = 0; r == -1 && keys[i]; ++i)
    r = guestfs_cryptsetup_open (tools.g, device, keys[i], mapname, -1);
  guestfs_pop_error_handler (tools.g);
  return r;
}

/* Open the encrypted ones among devices; returns how many were opened. */
static int
decrypt_list (char **devices)
{
  int opened = 0;

  for (size_t i = 0; devices[i]; ++i) {
    const char *dev = devices[i];
    char mapname[64], *type, *uuid = NULL;
    char **keys;
    int clevis;

    guestfs_push_error_handler (tools.g, NULL, NULL);
    type = guestfs_vfs_type (tools.g, dev);
    guestfs_pop_error_handler (tools.g);
    if (type == NULL ||
        (STRNEQ (type, "crypto_LUKS") && STRNEQ (type, "BitLocker"))) {
      free (type);
      continue;
    }
#ifdef GUESTFS_HAVE_LUKS_UUID
    if (STREQ (type, "crypto_LUKS")) {
      guestfs_push_error_handler (tools.g, NULL, NULL);
      uuid = guestfs_luks_uuid (tools.g, dev);
      guestfs_pop_error_handler (tools.g);
    }
#endif
    free (type);

    make_mapname (dev, mapname, sizeof mapname);
    keys = tools_get_keys (dev, uuid, &clevis);
    free (uuid);
    if (keys == NULL)
      exit (EXIT_FAILURE);
    if (try_keys (dev, mapname, keys, clevis) == -1) {
      fprintf (stderr, "%s: could not find key to open LUKS encrypted %s.\n\n"
               "Try using --key on the command line.\n\n"
               "Original error: %s (%d)\n",
               tools.program, dev,
               guestfs_last_error (tools.g) ? guestfs_last_error (tools.g) : "",
               guestfs_last_errno (tools.g));
      exit (EXIT_FAILURE);
    }
    tools_free_strings (keys);
    opened++;
  }
  return opened;
}

void
tools_decrypt (void)
{
  char **parts = guestfs_list_partitions (tools.g);

  if (parts == NULL)
    exit (EXIT_FAILURE);
  if (decrypt_list (parts) > 0) {
#if defined(GUESTFS_HAVE_LVM_SCAN)
    if (guestfs_lvm_scan (tools.g, 1) == -1)
      exit (EXIT_FAILURE);
#elif defined(GUESTFS_HAVE_VGSCAN) && defined(GUESTFS_HAVE_VG_ACTIVATE_ALL)
    if (guestfs_vgscan (tools.g) == -1 ||
        guestfs_vg_activate_all (tools.g, 1) == -1)
      exit (EXIT_FAILURE);
#endif
  }
  tools_free_strings (parts);

#ifdef GUESTFS_HAVE_LVS
  {
    char **lvs;

    /* Without LVM in the appliance there is nothing more to open. */
    guestfs_push_error_handler (tools.g, NULL, NULL);
    lvs = guestfs_lvs (tools.g);
    guestfs_pop_error_handler (tools.g);
    if (lvs) {
      decrypt_list (lvs);
      tools_free_strings (lvs);
    }
  }
#endif
}

#else /* !GUESTFS_HAVE_CRYPTSETUP_OPEN */

void
tools_decrypt (void)
{
}

#endif
