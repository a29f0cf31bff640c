/* Keys and passphrases for guestfish and the virt-* tools: reading a key
 * (Key parameters, LUKS devices), the --key selectors, and opening the
 * encrypted devices of a launched handle before inspection.
 */

#ifndef GUESTKIT_KEYS_H_
#define GUESTKIT_KEYS_H_

#include <guestfs.h>

struct keys_settings {
  const char *program;            /* prefixes messages: "guestfish" */
  int from_stdin;                 /* --keys-from-stdin */
  int echo;                       /* --echo-keys */
  /* Called after a key was read from stdin (guestfish counts the lines
   * of its script); may be NULL. */
  void (*read_from_stdin) (void);
};
extern struct keys_settings keys_settings;

/* Prompt on /dev/tty with echo off (unless echo), or read one line of
 * stdin with from_stdin or when there is no terminal.  NULL on error
 * (reported). */
extern char *keys_read (const char *param);

/* --key ID:key:STRING, ID:file:FILENAME or ID:clevis.  Exits if bad. */
extern void keys_add_selector (const char *selector);
extern int keys_have_clevis (void);

/* The keys to try for a LUKS device (by name or UUID), asking for one if
 * no --key named it; sets *CLEVIS if a clevis selector matched.  NULL on
 * error (reported).  Free with keys_free_list. */
extern char **keys_get (const char *device, const char *uuid, int *clevis);
extern void keys_free_list (char **keys);

/* Open every LUKS and BitLocker partition, then logical volume, with
 * those keys as /dev/mapper/cryptNAME and activate the volume groups
 * inside, as libguestfs's tools do.  Exits on failure. */
extern void keys_decrypt (guestfs_h *g);

#endif
