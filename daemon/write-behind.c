/* guestfsd: write-behind for large sequential writes (uploads).  Once a
 * window has been written its writeback is started, and the window
 * before it, on disk by then, is dropped from the page cache.  The
 * guest then cycles through the same few pages instead of filling all
 * its memory with dirty cache: every guest page touched for the first
 * time costs the host a page fault (after a warm launch, a copy of the
 * saved RAM page), which made the first upload of a launch much slower
 * than the next. */

#include <config.h>

#include <fcntl.h>

#include "daemon.h"

#define WINDOW (8 * 1024 * 1024)

void
write_behind_init (struct write_behind *wb, int fd, off_t start)
{
  wb->fd = fd;
  wb->mark = wb->prev = start;
}

void
write_behind_wrote (struct write_behind *wb, off_t pos)
{
  if (pos - wb->mark < WINDOW)
    return;
  /* Errors here are not the upload's: it just stays in the cache. */
  sync_file_range (wb->fd, wb->mark, pos - wb->mark, SYNC_FILE_RANGE_WRITE);
  if (wb->mark > wb->prev) {
    sync_file_range (wb->fd, wb->prev, wb->mark - wb->prev,
                     SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                     SYNC_FILE_RANGE_WAIT_AFTER);
    posix_fadvise (wb->fd, wb->prev, wb->mark - wb->prev, POSIX_FADV_DONTNEED);
  }
  wb->prev = wb->mark;
  wb->mark = pos;
}
