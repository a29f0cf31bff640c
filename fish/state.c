/* guestfish's global state (declared in fish.h), apart from its main
 * program so that other programs built from fish/ (the fuzz harness)
 * share the same definitions. */

#include <config.h>

#include <stdio.h>

#include "fish.h"

guestfs_h *g;

int fish_read_only;
int fish_verbose;
int fish_interactive;
int fish_quit;
int fish_pipe_error;
int fish_complete_dest_paths = 1;
int fish_progress_bars;
unsigned fish_command_num;
const char *fish_input_file;
FILE *fish_script_input;
int fish_input_lineno;
int fish_wrong_args_seen;
