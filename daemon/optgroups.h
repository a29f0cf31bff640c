/* guestfsd: the optional groups of the API (the generated optgroups.c)
 * and the runtime check of each (available.c). */

#ifndef GUESTFSD_OPTGROUPS_H_
#define GUESTFSD_OPTGROUPS_H_

#include <stdbool.h>
#include <stddef.h>

struct optgroup {
  const char *name;
  bool implemented;                 /* some call of this build is in it */
  const char *const *programs;      /* needed on PATH (NULL-terminated) */
  const char *const *filesystems;   /* needed in the kernel */
};

extern const struct optgroup optgroups[];
extern const size_t nr_optgroups;

#endif /* GUESTFSD_OPTGROUPS_H_ */
