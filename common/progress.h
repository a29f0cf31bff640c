/* Progress bars (progress.c): a GUESTFS_EVENT_PROGRESS callback that
 * draws one bar per call on a terminal, for guestfish and the virt-*
 * tools.
 */

#ifndef GUESTKIT_PROGRESS_H
#define GUESTKIT_PROGRESS_H

#include "guestfs.h"

/* Draw progress bars for the long calls made on G.  Returns 0, or -1
 * after a message naming PROGRAM.
 */
extern int progress_bars_attach (guestfs_h *g, const char *program);

/* End a bar that a failed or cancelled call left unfinished, so that
 * the next output starts on its own line.
 */
extern void progress_bars_reset (void);

/* The program writes its data to stdout (virt-cat, virt-tar-out -): the
 * bar may only go to stderr.
 */
extern void progress_bars_stdout_is_data (int yes);

#endif /* GUESTKIT_PROGRESS_H */
