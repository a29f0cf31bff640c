/* Minimal TAP output, and small helpers, for the C test programs. */
#ifndef TAP_H_
#define TAP_H_

#include <stdio.h>
#include <stdlib.h>

static int tap_n, tap_failed;

#define TAP_PLAN(n) (printf ("1..%d\n", (n)), fflush (stdout))
#define TAP_OK(cond, ...) do {                                   \
    int ok_ = !!(cond);                                          \
    printf ("%sok %d - ", ok_ ? "" : "not ", ++tap_n);           \
    printf (__VA_ARGS__);                                        \
    printf ("\n");                                               \
    fflush (stdout);                                             \
    if (!ok_) tap_failed++;                                      \
  } while (0)
#define TAP_BAIL(...) do {                                       \
    printf ("Bail out! ");                                       \
    printf (__VA_ARGS__);                                        \
    printf ("\n");                                               \
    exit (EXIT_FAILURE);                                         \
  } while (0)
#define TAP_EXIT() exit (tap_failed ? EXIT_FAILURE : EXIT_SUCCESS)

#include <unistd.h>

/* Thread body writing zeroes into the pipe fd *fdp until the reader
 * goes away: an upload source that never ends by itself. */
__attribute__((unused)) static void *
endless_feeder (void *fdp)
{
  int fd = * (int *) fdp;
  static char buf[65536];

  while (write (fd, buf, sizeof buf) > 0)
    ;
  close (fd);
  return NULL;
}

#endif
