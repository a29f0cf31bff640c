/* guestfish: reading key or passphrase arguments (Key parameters are
 * never taken from the command line): from the terminal without echo, or
 * one line of stdin when it is not a terminal. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "fish.h"

char *
fish_read_key (const char *param)
{
  FILE *in = stdin;
  struct termios old, raw;
  bool tty = isatty (fileno (stdin));
  char *line = NULL;
  size_t alloc = 0;
  ssize_t len;

  if (tty) {
    fprintf (stdout, "Enter key or passphrase (\"%s\"): ", param);
    fflush (stdout);
    if (tcgetattr (fileno (in), &old) == 0) {
      raw = old;
      raw.c_lflag &= ~ECHO;
      tcsetattr (fileno (in), TCSAFLUSH, &raw);
    }
    else
      tty = false;
  }
  len = getline (&line, &alloc, in);
  if (tty) {
    tcsetattr (fileno (in), TCSAFLUSH, &old);
    printf ("\n");
  }
  if (len == -1) {
    fprintf (stderr, "guestfish: could not read the key for \"%s\"\n", param);
    free (line);
    return NULL;
  }
  if (len > 0 && line[len - 1] == '\n')
    line[--len] = '\0';
  return line;
}
