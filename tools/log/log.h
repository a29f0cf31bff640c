/* virt-log: the parts of the tool that read each kind of log. */

#ifndef GUESTKIT_TOOLS_LOG_H
#define GUESTKIT_TOOLS_LOG_H

#define LOG_JOURNAL_DIR "/var/log/journal"

/* journal.c: print the guest's systemd journal (the filesystems are
 * mounted) in libguestfs's short format.  0 on success, -1 on error
 * (reported).
 */
extern int log_journal (void);

/* evtx.c: dump the guest's System.evtx.  0 or -1 (reported). */
extern int log_windows_evtx (void);

/* journal.c: a new private directory under $TMPDIR on the host (the
 * caller removes it with log_rmtree), or NULL (reported).
 */
extern char *log_mkdtemp (void);
extern void log_rmtree (const char *dir);

#endif /* GUESTKIT_TOOLS_LOG_H */
