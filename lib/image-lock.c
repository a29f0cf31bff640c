/* libguestfs (guestkit): an image that another process is using.  qemu
 * locks what it opens (open file description locks on a few bytes of
 * the image, one per permission), so two writers never corrupt an
 * image between them: the second is refused with "Failed to get "write"
 * lock" (or "Failed to get shared "write" lock" when the other side is
 * a reader that will not share).  We keep that locking on for writable
 * drives and turn qemu's wording into a message that names the image
 * and says what to do: a read-only drive (its overlay's backing file is
 * opened unlocked, qemu-drive.c) can look at an image in use. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* Does qemu's message s (n bytes, not terminated) report a lock held by
 * someone else?  A pointer to the start of its line, or NULL. */
static const char *
find_lock_failure (const char *s, size_t n)
{
  static const char what[] = "Failed to get ";

  for (const char *p = s; p && p < s + n; ) {
    const char *hit = memmem (p, s + n - p, what, sizeof what - 1);
    const char *eol, *bol;
    if (hit == NULL)
      return NULL;
    eol = memchr (hit, '\n', s + n - hit);
    eol = eol ? eol : s + n;
    if (memmem (hit, eol - hit, " lock", 5)) {
      for (bol = hit; bol > s && bol[-1] != '\n'; --bol)
        ;
      return bol;
    }
    p = eol;
  }
  return NULL;
}

bool
guestfs_int_is_lock_failure (const char *msg)
{
  return msg && find_lock_failure (msg, strlen (msg)) != NULL;
}

void
guestfs_int_image_locked_error (guestfs_h *g, const struct drive *d)
{
  guestfs_int_error_errno (g, EBUSY,
                           "add_drive: %s: in use by another process (locked); "
                           "add it read-only (readonly:true, guestfish --ro) to "
                           "read it while that process runs", d->filename);
}

int
guestfs_int_explain_lock_failure (guestfs_h *g)
{
  const char *end = g->console_tail + g->tail_len;
  const char *line = find_lock_failure (g->console_tail, g->tail_len);
  const char *eol, *id;
  unsigned qid;

  if (line == NULL)
    return 0;
  eol = memchr (line, '\n', end - line);
  eol = eol ? eol : end;
  /* qemu names the option that failed, on the same line: the -device
   * whose attaching takes the write lock ("-device scsi-hd,drive=hdN,...:
   * Failed to get ...") or a -drive ("-drive file=...,id=hdN,...").  The
   * drive's id is hdN, N its qid. */
  id = memmem (line, eol - line, ",drive=hd", 9);
  if (id)
    id += 9;
  else if ((id = memmem (line, eol - line, ",id=hd", 6)) != NULL)
    id += 6;
  if (id == NULL || id >= eol || *id < '0' || *id > '9')
    return 0;
  /* The buffer is not terminated: the digits are read by hand. */
  qid = 0;
  for (; id < eol && *id >= '0' && *id <= '9' && qid < 100000; ++id)
    qid = qid * 10 + (*id - '0');
  for (size_t i = 0; i < g->nr_drives; ++i)
    if (g->drives[i]->qid == qid) {
      guestfs_int_image_locked_error (g, g->drives[i]);
      return 1;
    }
  return 0;
}
