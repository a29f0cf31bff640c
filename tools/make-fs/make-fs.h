/* virt-make-fs: what the size estimate (estimate.c) tells the main
 * program (make-fs.c).
 */

#ifndef GUESTKIT_TOOLS_MAKE_FS_H
#define GUESTKIT_TOOLS_MAKE_FS_H

#include <stdint.h>

struct makefs_input {
  int is_dir;
  const char *compress;         /* tar_in's compress, or NULL */
  uint64_t bytes;               /* file data, each rounded up to 4K */
  uint64_t entries;             /* files, directories, links ... */
};

/* Look at INPUT (a directory or a tar archive, maybe compressed) and
 * fill IN.  0, or -1 with a message.
 */
extern int makefs_estimate (const char *input, struct makefs_input *in);

#endif /* GUESTKIT_TOOLS_MAKE_FS_H */
