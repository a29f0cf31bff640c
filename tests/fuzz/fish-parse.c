/* Fuzz harness: guestfish's script reader and command-line parser.  The
 * input is a script: it is read line by line as `guestfish -f` reads it
 * (here-documents "-<<END" included, from the same input), each line
 * split by fish_parse_line (fish/parse.c), each argument also run through
 * the value parsers (string lists, sizes, integers, booleans, optional
 * "name:value" arguments), and every line naming an API command that
 * talks to the daemon is run: its generated argument conversion runs,
 * then the call fails at once because the handle was never launched.
 * Host commands ("!cmd", "<!cmd", "| cmd") and guestfish's own commands
 * are parsed but never run. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fish.h"
#include "fuzz-procs.h"

/* fish/fish.c (not linked) makes the handle. */
guestfs_h *
fish_new_handle (void)
{
  return NULL;
}

/* Is this an API command whose call goes to the daemon? */
static int
daemon_command (const struct fish_command *c)
{
  if (c < fish_api_commands || c >= fish_api_commands + fish_nr_api_commands)
    return 0;
  for (size_t i = 0; i < fuzz_nr_procs; ++i)
    if (fish_name_matches (c->name, fuzz_procs[i].name))
      return 1;
  return 0;
}

static void
parse_values (char *const *argv)
{
  for (size_t i = 0; argv[i]; ++i) {
    const char *a = argv[i], *v;
    char **l = fish_parse_string_list (a);
    long long ll;
    unsigned long long ull;
    int64_t i64;
    int n;

    fish_free_strings (l);
    fish_xstrtoll (a, &ll);
    fish_xstrtoull (a, &ull);
    fish_parse_size (a, &i64);
    fish_parse_int ("fuzz", "arg", a, &n);
    fish_parse_int64 ("fuzz", "arg", a, &i64);
    fish_parse_bool ("fuzz", "arg", a, &n);
    fish_optarg (a, "label", &v);
  }
}

static void
run_line (char *buf)
{
  struct fish_line line;

  fish_parse_line (buf, &line);
  if (line.kind == FISH_LINE_COMMAND) {
    const struct fish_command *c = fish_lookup_command (line.cmd);
    parse_values (line.argv);
    if (c && daemon_command (c) && c->run (line.cmd, fish_count_strings (line.argv), line.argv) == 0)
      abort ();                 /* it cannot succeed without an appliance */
  }
  fish_free_line (&line);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g = guestfs_create_flags (GUESTFS_CREATE_NO_ENVIRONMENT);
  if (g == NULL)
    abort ();
  guestfs_set_error_handler (g, NULL, NULL);
  fish_input_file = "fuzz";
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = NULL;
  size_t bufsize = 0;
  ssize_t n;

  if (size == 0)
    return 0;
  /* As script () in fish/fish.c. */
  fish_script_input = fmemopen ((void *) data, size, "r");
  if (fish_script_input == NULL)
    abort ();
  fish_input_lineno = 0;
  while ((n = getline (&buf, &bufsize, fish_script_input)) != -1) {
    if (n > 0 && buf[n-1] == '\n')
      buf[n-1] = '\0';
    fish_input_lineno++;
    run_line (buf);
  }
  free (buf);
  fclose (fish_script_input);
  fish_script_input = NULL;
  return 0;
}
