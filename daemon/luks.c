/* guestfsd: LUKS and other encrypted devices with cryptsetup —
 * luks_format(_cipher), luks_add_key, luks_kill_slot, luks_uuid,
 * cryptsetup_open/close and the deprecated luks_open(_ro)/luks_close.
 *
 * Keys never appear on a command line (where /proc/PID/cmdline shows
 * them) nor in a file: each is written to an anonymous memory file,
 * which cryptsetup reads as its standard input (--key-file=-) or, for a
 * second key, through /proc/self/fd. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "lvm.h"

/* cryptsetup_open's optargs, in the table's order. */
#define OPT_READONLY  (UINT64_C(1) << 0)
#define OPT_CRYPTTYPE (UINT64_C(1) << 1)
#define OPT_CIPHER    (UINT64_C(1) << 2)

#define MAX_KEYSLOT 31          /* LUKS2 has 32 slots, LUKS1 8 */

/* A memory file holding key, at offset 0.  inherit: left open across
 * exec, for a /proc/self/fd path.  -1 after replying. */
static int
key_fd (const char *key, bool inherit)
{
  int fd = memfd_create ("key", inherit ? 0 : MFD_CLOEXEC);

  if (fd == -1) {
    reply_with_perror ("memfd_create");
    return -1;
  }
  if (xwrite (fd, key, strlen (key)) == -1 || lseek (fd, 0, SEEK_SET) == -1) {
    reply_with_perror ("writing the key to a memory file");
    close (fd);
    return -1;
  }
  return fd;
}

/* Run cryptsetup with stdin from in_fd; on failure reply "WHAT: what
 * cryptsetup said". */
static int
cryptsetup (const char *what, const char *const *argv, int in_fd)
{
  CLEANUP_FREE char *err = NULL;
  int r = commandv (NULL, &err, argv, in_fd);

  if (r == 0)
    return 0;
  if (err)
    lvm_tidy_message (err);
  if (err == NULL || *err == '\0') {
    free (err);
    err = NULL;
    if (r > 0 && asprintf (&err, "cryptsetup failed with exit status %d", r) == -1)
      err = NULL;
  }
  reply_with_error ("%s: %s", what, err ? err : "could not run cryptsetup");
  return -1;
}

static int
check_keyslot (const char *api, int keyslot)
{
  if (keyslot < 0 || keyslot > MAX_KEYSLOT) {
    reply_with_error_errno (EINVAL, "%s: key slot must be 0 to %d (was %d)",
                            api, MAX_KEYSLOT, keyslot);
    return -1;
  }
  return 0;
}

/* Ciphers and types are words like "aes-xts-plain64" or
 * "aes-cbc-essiv:sha256". */
static bool
plain_word (const char *s)
{
  if (*s == '\0' || *s == '-')
    return false;
  for (; *s; ++s)
    if (!isalnum ((unsigned char) *s) && !strchr ("-_:.", *s))
      return false;
  return true;
}

static int
luks_format (const char *device, const char *key, int keyslot,
             const char *cipher)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_FREE char *slot = NULL, *cipheropt = NULL;
  CLEANUP_CLOSE int fd = -1;
  const char *argv[10];
  size_t n = 0;

  if (check_keyslot (api, keyslot) == -1)
    return -1;
  if (cipher && !plain_word (cipher)) {
    reply_with_error_errno (EINVAL, "%s: not a cipher name", cipher);
    return -1;
  }
  if (asprintf (&slot, "--key-slot=%d", keyslot) == -1 ||
      (cipher && asprintf (&cipheropt, "--cipher=%s", cipher) == -1)) {
    reply_with_perror ("asprintf");
    return -1;
  }
  storage_activate_once ();
  fd = key_fd (key, false);
  if (fd == -1)
    return -1;
  argv[n++] = "cryptsetup";
  argv[n++] = "-q";
  argv[n++] = "luksFormat";
  argv[n++] = "--key-file=-";
  argv[n++] = slot;
  if (cipheropt)
    argv[n++] = cipheropt;
  argv[n++] = device;
  argv[n] = NULL;
  return cryptsetup (api, argv, fd);
}

int
do_luks_format (const char *device, const char *key, int keyslot)
{
  return luks_format (device, key, keyslot, NULL);
}

int
do_luks_format_cipher (const char *device, const char *key, int keyslot,
                       const char *cipher)
{
  return luks_format (device, key, keyslot, cipher);
}

int
do_luks_add_key (const char *device, const char *key, const char *newkey,
                 int keyslot)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_FREE char *slot = NULL, *newkeyfile = NULL;
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_CLOSE int newfd = -1;

  if (check_keyslot (api, keyslot) == -1)
    return -1;
  storage_activate_once ();
  fd = key_fd (key, false);
  if (fd == -1)
    return -1;
  newfd = key_fd (newkey, true);
  if (newfd == -1)
    return -1;
  if (asprintf (&slot, "--key-slot=%d", keyslot) == -1 ||
      asprintf (&newkeyfile, "/proc/self/fd/%d", newfd) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  {
    const char *argv[] = {
      "cryptsetup", "-q", "luksAddKey", "--key-file=-", slot, device,
      newkeyfile, NULL
    };
    return cryptsetup (api, argv, fd);
  }
}

int
do_luks_kill_slot (const char *device, const char *key, int keyslot)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_CLOSE int fd = -1;
  char slot[16];

  if (check_keyslot (api, keyslot) == -1)
    return -1;
  storage_activate_once ();
  fd = key_fd (key, false);
  if (fd == -1)
    return -1;
  snprintf (slot, sizeof slot, "%d", keyslot);
  /* With a key file cryptsetup checks the key even in batch mode: it
   * must open another slot. */
  {
    const char *argv[] = {
      "cryptsetup", "-q", "luksKillSlot", "--key-file=-", device, slot, NULL
    };
    return cryptsetup (api, argv, fd);
  }
}

char *
do_luks_uuid (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_FREE char *err = NULL;
  char *out = NULL;
  const char *argv[] = { "cryptsetup", "luksUUID", device, NULL };
  int r;

  storage_activate_once ();
  r = commandv (&out, &err, argv, -1);
  if (r != 0) {
    free (out);
    if (err)
      lvm_tidy_message (err);
    reply_with_error ("%s: %s", api,
                      err && *err ? err : "not a LUKS device");
    return NULL;
  }
  trim_trailing (out);
  return out;
}

/* A device-mapper name the caller may choose: what fits in the kernel's
 * name field and in /dev/mapper as one file name, printable, and not
 * something cryptsetup would parse as an option. */
static int
check_mapname (const char *mapname)
{
  size_t len = strlen (mapname);

  if (len == 0 || len > 127 || mapname[0] == '-' ||
      STREQ (mapname, ".") || STREQ (mapname, "..")) {
    reply_with_error_errno (EINVAL, "\"%s\": not a valid device-mapper name",
                            mapname);
    return -1;
  }
  for (const char *p = mapname; *p; ++p)
    if (*p == '/' || !isgraph ((unsigned char) *p)) {
      reply_with_error_errno (EINVAL, "\"%s\": not a valid device-mapper name",
                              mapname);
      return -1;
    }
  if (STREQ (mapname, "control")) {
    reply_with_error_errno (EINVAL, "\"control\" is reserved by device-mapper");
    return -1;
  }
  return 0;
}

/* LUKS or BitLocker, as libblkid sees the device. */
static int
guess_type (const char *device, const char *api, const char **type_r)
{
  CLEANUP_FREE char *t = blockdev_fs_tag (device, "TYPE");

  if (t == NULL) {
    reply_with_perror ("%s", api);
    return -1;
  }
  if (STREQ (t, "crypto_LUKS"))
    *type_r = "luks";
  else if (STREQ (t, "BitLocker"))
    *type_r = "bitlk";
  else {
    reply_with_error_errno (EINVAL, "%s: not a LUKS or BitLocker device (%s%s)",
                            api, *t ? "found " : "no signature found", t);
    return -1;
  }
  return 0;
}

/* Open device as /dev/mapper/MAPNAME.  type NULL: guess it; cipher
 * NULL: the one the header names. */
static int
crypt_open (const char *device, const char *key, const char *mapname,
            bool readonly, const char *type, const char *cipher)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_FREE char *node = NULL, *typeopt = NULL, *cipheropt = NULL;
  CLEANUP_CLOSE int fd = -1;
  const char *argv[12];
  struct stat st;
  size_t n = 0;

  if (check_mapname (mapname) == -1)
    return -1;
  if (type && !plain_word (type)) {
    reply_with_error_errno (EINVAL, "%s: not an encryption type", type);
    return -1;
  }
  if (cipher && !plain_word (cipher)) {
    reply_with_error_errno (EINVAL, "%s: not a cipher name", cipher);
    return -1;
  }
  if (asprintf (&node, "/dev/mapper/%s", mapname) == -1) {
    reply_with_perror ("asprintf");
    return -1;
  }
  storage_activate_once ();
  if (lstat (node, &st) == 0) {
    reply_with_error_errno (EEXIST, "%s: device already exists", node);
    return -1;
  }
  if (type == NULL && guess_type (device, api, &type) == -1)
    return -1;
  if (asprintf (&typeopt, "--type=%s", type) == -1 ||
      (cipher && asprintf (&cipheropt, "--cipher=%s", cipher) == -1)) {
    reply_with_perror ("asprintf");
    return -1;
  }
  fd = key_fd (key, false);
  if (fd == -1)
    return -1;

  argv[n++] = "cryptsetup";
  argv[n++] = "open";
  argv[n++] = typeopt;
  argv[n++] = "--key-file=-";
  if (readonly)
    argv[n++] = "--readonly";
  if (cipheropt)
    argv[n++] = cipheropt;
  argv[n++] = device;
  argv[n++] = mapname;
  argv[n] = NULL;
  if (cryptsetup (api, argv, fd) == -1)
    return -1;

  /* No udev: libdevmapper makes the node itself, but make sure. */
  if (lstat (node, &st) == -1) {
    const char *mk[] = { "dmsetup", "mknodes", mapname, NULL };
    if (command_or_reply (mk) == -1)
      return -1;
  }
  return 0;
}

int
do_cryptsetup_open (const char *device, const char *key, const char *mapname,
                    int readonly, const char *crypttype, const char *cipher)
{
  return crypt_open (device, key, mapname,
                     (optargs_bitmask & OPT_READONLY) && readonly,
                     optargs_bitmask & OPT_CRYPTTYPE ? crypttype : NULL,
                     optargs_bitmask & OPT_CIPHER ? cipher : NULL);
}

int
do_luks_open (const char *device, const char *key, const char *mapname)
{
  return crypt_open (device, key, mapname, false, "luks", NULL);
}

int
do_luks_open_ro (const char *device, const char *key, const char *mapname)
{
  return crypt_open (device, key, mapname, true, "luks", NULL);
}

int
do_cryptsetup_close (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  CLEANUP_FREE char *name = NULL, *node = NULL;
  struct stat st;

  storage_activate_once ();
  /* Only what cryptsetup opened (its dm uuids start "CRYPT-"): closing
   * an LV or another mapping this way would pull it from under LVM. */
  if (!dm_device_name (device, &name) ||
      !dm_device_uuid_has_prefix (device, "CRYPT-")) {
    reply_with_error_errno (EINVAL, "%s: not an open encrypted device "
                            "(give its /dev/mapper name)", api ? api : device);
    return -1;
  }
  {
    const char *argv[] = { "cryptsetup", "close", name, NULL };
    if (cryptsetup (api ? api : device, argv, -1) == -1)
      return -1;
  }
  /* Without udev a node can outlive its device: drop it. */
  if (asprintf (&node, "/dev/mapper/%s", name) != -1 &&
      lstat (node, &st) == 0 && !dm_device_name (node, NULL))
    unlink (node);
  return 0;
}

int
do_luks_close (const char *device)
{
  return do_cryptsetup_close (device);
}
