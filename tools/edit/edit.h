/* virt-edit: what its parts share -- the local side (local.c: a private
 * temporary directory, the editor or the Perl expression run on a copy
 * of the file, and whether that changed it) and the guest side
 * (replace.c: putting the new content in place of the guest file).
 */

#ifndef GUESTKIT_TOOLS_EDIT_H
#define GUESTKIT_TOOLS_EDIT_H

/* A private directory for the local copies, made once (0700) and
 * removed with its files when the program exits.  NULL on error
 * (reported).
 */
extern const char *edit_local_dir (void);

/* A local file name in that directory for the guest PATH: its last
 * component, made safe ("vi hosts" keeps the editor's highlighting),
 * plus SUFFIX.  Exits on allocation failure.
 */
extern char *edit_local_name (const char *path, const char *suffix);

/* Run "EDITOR 'FILE'" through the shell: 0, or -1 if it failed
 * (reported).  EDITOR is $EDITOR, else $VISUAL, else vi.
 */
extern int edit_run_editor (const char *file);

/* Apply the Perl expression EXPR to each line of IN (in $_, $lineno
 * counting from 1), writing OUT.  0, or -1 if perl failed (reported).
 */
extern int edit_run_perl (const char *expr, const char *in, const char *out);

/* Copy the local file SRC to DST (new).  0 or -1 (reported). */
extern int edit_copy_local (const char *src, const char *dst);

/* 1 if the local files A and B differ, 0 if they are the same, -1 on
 * error (reported).
 */
extern int edit_files_differ (const char *a, const char *b);

/* Replace the guest file PATH with the local file LOCAL, keeping PATH's
 * owner, mode and extended attributes (SELinux label), first linking or copying the original
 * to PATH BACKUP_EXT if BACKUP_EXT is not NULL.  The new content goes to
 * a new file in the same directory that is renamed over PATH, so PATH is
 * never half written.  0 or -1 (reported by the library).
 */
extern int edit_replace (const char *path, const char *local,
                         const char *backup_ext);

#endif /* GUESTKIT_TOOLS_EDIT_H */
