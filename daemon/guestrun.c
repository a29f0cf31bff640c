/* guestfsd: command, command_lines, sh and sh_lines: the guest's own
 * programs run by guestcmd.c, their output returned whole or as lines. */

#include <config.h>

#include <stdlib.h>

#include "daemon.h"
#include "actions.h"
#include "guestcmd.h"

char *
do_command (char *const *arguments)
{
  size_t len;

  return guest_command (arguments, &len);
}

char **
do_command_lines (char *const *arguments)
{
  CLEANUP_FREE char *out = NULL;
  size_t len;

  out = guest_command (arguments, &len);
  if (out == NULL)
    return NULL;
  return guest_output_lines (out, len);
}

char *
do_sh (const char *command)
{
  char *argv[] = { (char *) "/bin/sh", (char *) "-c", (char *) command, NULL };
  size_t len;

  return guest_command (argv, &len);
}

char **
do_sh_lines (const char *command)
{
  char *argv[] = { (char *) "/bin/sh", (char *) "-c", (char *) command, NULL };
  CLEANUP_FREE char *out = NULL;
  size_t len;

  out = guest_command (argv, &len);
  if (out == NULL)
    return NULL;
  return guest_output_lines (out, len);
}
