/* guestfsd: running the guest's own programs (guestcmd.c), shared by
 * command, command_lines, sh and sh_lines. */

#ifndef GUESTFSD_GUESTCMD_H_
#define GUESTFSD_GUESTCMD_H_

#include <stddef.h>

/* The most a guest command may print on stdout. */
#define GUEST_OUTPUT_MAX (128 * 1024 * 1024)
/* The most lines command_lines and sh_lines return. */
#define GUEST_LINES_MAX (2 * 1024 * 1024)

/* Run argv (argv[0] searched in the guest's PATH) inside the guest root
 * with the appliance's /dev, /sys and a fresh /proc mounted there for
 * the command only.  Returns its stdout (NUL-terminated, *len_r bytes)
 * if it exited with status 0; otherwise replies with an error (the
 * command's stderr, or what went wrong) and returns NULL. */
extern char *guest_command (char *const *argv, size_t *len_r);

/* Split output into lines at "\n" as libguestfs does: a final newline
 * ends the last line, "\r" is kept.  Replies with an error and returns
 * NULL on failure. */
extern char **guest_output_lines (const char *buf, size_t len);

#endif /* GUESTFSD_GUESTCMD_H_ */
