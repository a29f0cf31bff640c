/* What the daemon harnesses share (daemon-env.c): stand-ins for the
 * daemon's main program and protocol (replies are counted, not sent),
 * a private /sys/block with two fake disks, a scratch guest root, checks
 * of what inspection keeps, and the generated table of argument checks
 * (daemon-checks.c). */

#ifndef FUZZ_DAEMON_ENV_H_
#define FUZZ_DAEMON_ENV_H_

#include <stdbool.h>
#include <stddef.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

/* Replies the code under test sent since the counter was reset. */
extern unsigned fuzz_replies;
/* Set by a check stub that got as far as its do_* call. */
extern int fuzz_args_ok;

/* Give this process /sys/block with disks sda and sdb only (as root, in
 * a private mount namespace), so device names resolve the same way on
 * every machine and no host disk is looked at.  false if that was not
 * possible (the host's /sys/block is used). */
extern bool fuzz_private_disks (void);

/* A guest root directory of our own for code reading guest files
 * (a fresh empty directory under $TMPDIR); its fd and path. */
extern int fuzz_guest_root (const char **path);

/* Check the invariants of what a parser left in fs or apps (bounded
 * strings, sane versions, no NULL entries), abort () if one fails, and
 * free it all. */
struct inspect_fs;
struct inspect_apps;
extern void fuzz_check_fs (struct inspect_fs *fs);
extern void fuzz_check_apps (struct inspect_apps *apps);

struct fuzz_daemon_check {
  const char *name;
  int proc;
  void (*check) (XDR *xdr_in);
  int filein;
};
extern const struct fuzz_daemon_check fuzz_daemon_checks[];
extern const size_t fuzz_nr_daemon_checks;

#endif /* FUZZ_DAEMON_ENV_H_ */
