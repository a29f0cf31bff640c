/* guestfish: declarations shared by the shell's files and the generated
 * command table (cmds.c). */

#ifndef FISH_H_
#define FISH_H_

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "guestfs.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)
#define STRCASEEQ(a,b) (strcasecmp ((a),(b)) == 0)
#define STRPREFIX(a,b) (strncmp ((a),(b),strlen ((b))) == 0)

/* The handle all commands use. */
extern guestfs_h *g;

/* One command: API commands come from the generated table, the others
 * (help, quit, sparse, ...) from builtins.c. */
struct fish_command {
  const char *name;                 /* with dashes, e.g. "mount-ro" */
  const char *const *aliases;       /* NULL-terminated, or NULL */
  const char *shortdesc;
  const char *help;                 /* full text for "help CMD" */
  int (*run) (const char *cmd, size_t argc, char *argv[]);
};

extern const struct fish_command fish_api_commands[];
extern const size_t fish_nr_api_commands;

/* Helpers used by the generated command code. */
extern void fish_wrong_args (const char *cmd, size_t min, size_t max);
extern int fish_parse_int (const char *cmd, const char *argname, const char *s, int *r);
extern int fish_parse_int64 (const char *cmd, const char *argname, const char *s, int64_t *r);
extern int fish_parse_bool (const char *cmd, const char *argname, const char *s, int *r);
/* Does arg read "name:value"?  Then *value points after the colon. */
extern int fish_optarg (const char *arg, const char *name, const char **value);
/* Split a space-separated list (quotes allowed); NULL on error. */
extern char **fish_parse_string_list (const char *s);
extern void fish_free_strings (char **l);
/* FileIn argument: "-" is stdin, "-<<END" a here-document; the result is
 * a file name to pass to the library, freed with fish_free_file_in. */
extern char *fish_file_in (const char *arg);
extern void fish_free_file_in (char *filename);
/* FileOut argument: "-" is stdout. */
extern char *fish_file_out (const char *arg);
/* A Key argument: prompted for without echo on a terminal, else read as a
 * line from stdin; malloc'd. */
extern char *fish_read_key (const char *param);
extern void fish_print_strings (char *const *l);
extern void fish_print_table (char *const *l);
extern void fish_print_escaped (const char *buf, size_t len);

/* ------------------------------------------------------------------
 * Internal to the hand-written guestfish files (not used by cmds.c).
 */

#define STRCASEPREFIX(a,b) (strncasecmp ((a),(b),strlen ((b))) == 0)

/* fish.c: session state set from the command line. */
extern int fish_read_only;          /* --ro: -a/-m/-i are read-only */
extern int fish_verbose;            /* number of -v */
extern int fish_interactive;        /* no -f and stdin is a terminal */
extern int fish_quit;               /* set by quit/exit/q and EOF */
extern int fish_pipe_error;         /* --pipe-error */
extern int fish_complete_dest_paths;/* tab-complete guest paths */
extern int fish_progress_bars;      /* draw progress bars */
extern unsigned fish_command_num;   /* commands issued so far, from 1 */
extern const char *fish_input_file; /* "*stdin*" or the -f script */
/* Where script lines (and here-documents in them) are read from: the -f
 * file, or stdin.  "-" as a file name always means the real stdin.
 */
extern FILE *fish_script_input;
extern int fish_input_lineno;
/* Set by fish_wrong_args so that "not CMD" can tell usage errors from
 * failures, as libguestfs's RUN_WRONG_ARGS does. */
extern int fish_wrong_args_seen;
/* Create g and set it up (error handler, progress callback); used at
 * start-up and by "reopen". */
extern guestfs_h *fish_new_handle (void);

/* parse.c: split one input line into a command. */
#define FISH_MAX_ARGS 64
enum fish_line_kind {
  FISH_LINE_EMPTY,                  /* blank or comment */
  FISH_LINE_COMMAND,                /* cmd argv... [| pipe] */
  FISH_LINE_HOST,                   /* !host command (in .host) */
  FISH_LINE_INLINE,                 /* <!host command (in .host) */
  FISH_LINE_ERROR,                  /* syntax error, already reported */
};
struct fish_line {
  enum fish_line_kind kind;
  int ignore_errors;                /* leading '-' */
  char *cmd;                        /* points into the buffer */
  char *argv[FISH_MAX_ARGS + 1];    /* NULL-terminated */
  char *pipe;                       /* after '|', or NULL */
  const char *host;
  char *to_free[FISH_MAX_ARGS];     /* tilde expansions */
  size_t nr_to_free;
};
extern void fish_parse_line (char *buf, struct fish_line *line);
extern void fish_free_line (struct fish_line *line);

/* dispatch.c: look up and run commands. */
extern const struct fish_command *fish_lookup_command (const char *name);
extern int fish_name_matches (const char *typed, const char *name);
/* Run one command, with its output optionally piped to a host command. */
extern int fish_issue_command (const char *cmd, char *argv[], const char *pipecmd);
/* Parse and run one line; *exit_on_error is set from the global default
 * and cleared by a leading '-'.  Returns -1 on error. */
extern int fish_run_line (char *buf, int *exit_on_error);

/* builtins.c: commands that guestfish implements itself. */
extern const struct fish_command fish_builtin_commands[];
extern const size_t fish_nr_builtin_commands;
extern void fish_list_commands (void);
extern int fish_display_command (const char *cmd);

/* helpers.c */
/* Parse a size or integer the way gnulib's xstrtoll/xstrtoull do with the
 * suffixes "0kKMGTPEZY".  Returns 0 (LONGINT_OK) or the xstrtol error code. */
extern int fish_xstrtoll (const char *s, long long *r);
extern int fish_xstrtoull (const char *s, unsigned long long *r);
extern int fish_is_true (const char *s);   /* 1, 0, or -1 if neither */
extern size_t fish_count_strings (char *const *l);

/* readline.c: the interactive prompt. */
extern void fish_readline_init (void);
extern char *fish_readline (void);        /* caller frees; NULL at EOF */
extern void fish_readline_cleanup (void);
extern void fish_print_banner (void);
extern void fish_print_restore (void);

/* inspect.c: -i, when the library has the inspection calls it needs. */
#if defined(GUESTFS_HAVE_INSPECT_OS) && \
  defined(GUESTFS_HAVE_INSPECT_GET_MOUNTPOINTS) && \
  defined(GUESTFS_HAVE_INSPECT_GET_PRODUCT_NAME)
#define GUESTKIT_FISH_HAVE_INSPECTOR 1
#endif
extern void fish_inspect_mount (void);
extern void fish_print_inspect_prompt (void);

/* progress.c: progress bars for long calls. */
extern void fish_progress_init (guestfs_h *h);
extern void fish_progress_reset (void);

#endif /* FISH_H_ */
