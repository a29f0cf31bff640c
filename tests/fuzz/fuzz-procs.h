/* Tables the generator writes for the fuzz harnesses (procs.c,
 * lib-calls.c): every daemon call's XDR decoders and a caller of each. */

#ifndef FUZZ_PROCS_H_
#define FUZZ_PROCS_H_

#include <stddef.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

struct fuzz_proc {
  const char *name;
  int proc;
  xdrproc_t args;               /* NULL: the call has no args struct */
  size_t args_size;
  xdrproc_t ret;                /* NULL: RErr */
  size_t ret_size;
};
extern const struct fuzz_proc fuzz_procs[];
extern const size_t fuzz_nr_procs;

#ifdef GUESTFS_H_
/* Call one API function with dummy arguments; 0 if it succeeded. */
struct fuzz_lib_call {
  const char *name;
  int proc;
  int (*call) (guestfs_h *g);
};
extern const struct fuzz_lib_call fuzz_lib_calls[];
extern const size_t fuzz_nr_lib_calls;
#endif

#endif /* FUZZ_PROCS_H_ */
