/* guestfsd: a restored appliance's randomness and clock.  A warm launch
 * restores the same saved memory every time, kernel random state
 * included, so without this two launches would hand out the same UUIDs
 * and keys.  The host sends fresh random bytes; they are credited to the
 * kernel's pool and the generator is reseeded at once. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/random.h>

#include "daemon.h"
#include "actions.h"

/* More than the generator's 256-bit key; the library sends 64 bytes. */
#define ENTROPY_MIN 32
#define ENTROPY_MAX 512

int
do_internal_reseed (const char *entropy, size_t entropy_size,
                    int64_t seconds, int nanoseconds)
{
  struct {
    struct rand_pool_info info;
    unsigned char buf[ENTROPY_MAX];
  } pool;
  struct timespec ts = { .tv_sec = seconds, .tv_nsec = nanoseconds };
  int fd;

  if (entropy_size < ENTROPY_MIN || entropy_size > ENTROPY_MAX) {
    reply_with_error ("entropy: %zu bytes (expected %d to %d)",
                      entropy_size, ENTROPY_MIN, ENTROPY_MAX);
    return -1;
  }
  if (nanoseconds < 0 || nanoseconds >= 1000000000 || seconds < 0) {
    reply_with_error ("bad time %" PRIi64 ".%09d", seconds, nanoseconds);
    return -1;
  }

  fd = open ("/dev/urandom", O_WRONLY | O_CLOEXEC);
  if (fd == -1) {
    reply_with_perror ("/dev/urandom");
    return -1;
  }
  pool.info.entropy_count = entropy_size * 8;
  pool.info.buf_size = entropy_size;
  memcpy (pool.buf, entropy, entropy_size);
  if (ioctl (fd, RNDADDENTROPY, &pool) == -1) {
    reply_with_perror ("RNDADDENTROPY");
    close (fd);
    return -1;
  }
  /* Crediting alone reseeds only on the kernel's schedule. */
  if (ioctl (fd, RNDRESEEDCRNG) == -1) {
    reply_with_perror ("RNDRESEEDCRNG");
    close (fd);
    return -1;
  }
  close (fd);
  explicit_bzero (pool.buf, sizeof pool.buf);

  if (clock_settime (CLOCK_REALTIME, &ts) == -1) {
    reply_with_perror ("clock_settime");
    return -1;
  }
  return 0;
}
