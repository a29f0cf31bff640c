/* virt-win-reg: shared between the guest side (win-reg.c), the export
 * of keys as regedit text (export.c) and --merge (merge.c).
 */

#ifndef GUESTKIT_TOOLS_WIN_REG_H
#define GUESTKIT_TOOLS_WIN_REG_H

#include <hivex.h>

/* Where a registry path lives: the hive's file in the guest, its
 * short name (the local copy's name), the path inside the hive
 * ("\\" for its root) and the prefix printed before that path.
 */
struct winreg_key {
  char *shortname, *hivefile, *path, *prefix;
};

/* win-reg.c */
extern int winreg_debug;
/* Map a registry path ("HKLM\\SOFTWARE\\x") to its hive; exits with a
 * message if it is not supported or the user's hive cannot be found.
 */
extern void winreg_map_path (const char *regpath, struct winreg_key *k);
extern void winreg_free_key (struct winreg_key *k);
/* The local copy of the hive of K, downloaded once into the private
 * directory (exits on error).
 */
extern const char *winreg_local_hive (const struct winreg_key *k);
/* Upload the local copy of K's hive back into the guest (--merge). */
extern void winreg_upload_hive (const struct winreg_key *k);

/* export.c: print the key PATH of H (and every key below it) as
 * regedit text with PREFIX.  0, or -1 with a message.
 */
extern int winreg_export (hive_h *h, const char *path, const char *prefix,
                          int unsafe_printable_strings);
/* Print one value of the key PATH as hivexget does.  0 or -1. */
extern int winreg_print_value (hive_h *h, const char *path,
                               const char *name);
/* The node at PATH ("\\A\\B", case-insensitive), or 0 if none. */
extern hive_node_h winreg_lookup (hive_h *h, const char *path);

/* merge.c: merge the regedit text of FP (named NAME) into the guest's
 * hives.  ENCODING is "UTF-16LE" or "ASCII".  0, or -1 with a message.
 */
extern int winreg_merge (FILE *fp, const char *name, const char *encoding);
/* Commit every hive opened by winreg_merge and upload them. */
extern int winreg_merge_commit (void);

#endif /* GUESTKIT_TOOLS_WIN_REG_H */
