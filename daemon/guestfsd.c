/* guestfsd: the daemon inside the appliance.  Started by the appliance's
 * init with the virtio-serial port to use; says hello to the library and
 * serves calls until the library goes away. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <unistd.h>
#include <termios.h>
#include <sys/stat.h>

#include "daemon.h"

int verbose;

static void
usage (void)
{
  fprintf (stderr, "usage: guestfsd --channel DEVICE [--verbose]\n");
  exit (EXIT_FAILURE);
}

int
main (int argc, char *argv[])
{
  static const struct option opts[] = {
    { "channel", required_argument, NULL, 'c' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *channel = NULL;
  int c, fd;

  while ((c = getopt_long (argc, argv, "c:vh", opts, NULL)) != -1) {
    switch (c) {
    case 'c': channel = optarg; break;
    case 'v': verbose = 1; break;
    default: usage ();
    }
  }
  if (channel == NULL || optind != argc)
    usage ();

  /* A write to a port the host closed must be an error, not a signal. */
  signal (SIGPIPE, SIG_IGN);
  umask (022);
  setenv ("LC_ALL", "C", 1);
  setvbuf (stderr, NULL, _IOLBF, 0);
  if (mkdir (SYSROOT, 0755) == -1 && errno != EEXIST) {
    perror (SYSROOT);
    exit (EXIT_FAILURE);
  }

  fd = open (channel, O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd == -1) {
    fprintf (stderr, "guestfsd: %s: %m\n", channel);
    exit (EXIT_FAILURE);
  }
  if (isatty (fd)) {
    struct termios t;
    if (tcgetattr (fd, &t) == 0) {
      cfmakeraw (&t);
      tcsetattr (fd, TCSANOW, &t);
    }
  }
  if (verbose)
    fprintf (stderr, "guestfsd: serving on %s\n", channel);
  main_loop (fd);
}
