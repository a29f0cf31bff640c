/* guestfish: declarations shared by the shell's files and the generated
 * command table (cmds.c). */

#ifndef FISH_H_
#define FISH_H_

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>

#include "guestfs.h"
#include "keys.h"
#include "progress.h"

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
  /* One letter per argument, for completion and --remote: P guest path
   * or device, L local file read, O local file written, A local or guest
   * path (guest when it starts with '/'), - anything else; a final '*'
   * repeats the letter before it.  NULL: nothing known.
   */
  const char *argkinds;
  const char *optargs;              /* names of optional args, or "" */
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
/* The same for a command the user gave (sent to the server with
 * --remote); exit_on_error is 0 for "-cmd". */
extern int fish_issue_top_command (const char *cmd, char *argv[],
                                   const char *pipecmd, int exit_on_error);
/* Parse and run one line; *exit_on_error is set from the global default
 * and cleared by a leading '-'.  Returns -1 on error. */
extern int fish_run_line (char *buf, int *exit_on_error);

/* builtins.c: commands that guestfish implements itself. */
extern const struct fish_command fish_builtin_commands[];
extern const size_t fish_nr_builtin_commands;
extern void fish_list_commands (void);
extern int fish_display_command (const char *cmd);

/* Create a raw image file of the given size and add it (alloc, sparse,
 * -N); reports errors prefixed with cmd. */
extern int fish_alloc_disk (const char *cmd, const char *filename,
                            const char *size_str, int sparse);

/* Guestfish commands implemented in their own files. */
extern int fish_run_edit (const char *cmd, size_t argc, char *argv[]);
extern int fish_run_more (const char *cmd, size_t argc, char *argv[]);
extern int fish_run_display (const char *cmd, size_t argc, char *argv[]);
#if defined(GUESTFS_HAVE_DOWNLOAD_OFFSET) && defined(GUESTFS_HAVE_UPLOAD_OFFSET)
#define GUESTKIT_FISH_HAVE_HEXEDIT 1
extern int fish_run_hexedit (const char *cmd, size_t argc, char *argv[]);
#endif
#ifdef GUESTFS_HAVE_COPY_IN
extern int fish_run_copy_in (const char *cmd, size_t argc, char *argv[]);
#endif
#ifdef GUESTFS_HAVE_COPY_OUT
extern int fish_run_copy_out (const char *cmd, size_t argc, char *argv[]);
#endif
extern int fish_run_event (const char *cmd, size_t argc, char *argv[]);
extern int fish_run_delete_event (const char *cmd, size_t argc, char *argv[]);
extern int fish_run_list_events (const char *cmd, size_t argc, char *argv[]);
/* events.c: register the event handlers again on a new handle (reopen). */
extern void fish_events_reattach (guestfs_h *h);

/* tmpfile.c: local temporary files for edit, more, display, hexedit. */
struct fish_file_state {
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime, ctime;
};
/* A new empty private file in the library's tmpdir; caller unlinks. */
extern char *fish_tmpfile (void);
/* Run "program 'file'" with the shell; -1 after a message if it fails. */
extern int fish_run_program (const char *cmd, const char *program,
                             const char *file);
extern int fish_file_state (const char *file, struct fish_file_state *s);
extern int fish_file_changed (const struct fish_file_state *a,
                              const struct fish_file_state *b);

/* Key arguments, --keys-from-stdin, --echo-keys, --key and opening LUKS
 * devices before -i: common/keys.h. */

/* prep.c: -N prepared disk images. */
struct fish_prep;
extern void fish_prep_help (void);
/* Parse -N ARG, the n'th -N (for the default name testN.img); exits on
 * errors. */
extern struct fish_prep *fish_prep_parse (const char *arg, unsigned n);
extern const char *fish_prep_filename (const struct fish_prep *p);
/* Before launch: create and add the image.  After: partition and format
 * it as device.  Both exit on failure. */
extern void fish_prep_create (struct fish_prep *p);
extern void fish_prep_postlaunch (struct fish_prep *p, const char *device);
extern void fish_prep_free (struct fish_prep *p);

/* remote.c: --listen and --remote. */
extern pid_t fish_remote_pid;       /* --remote: the server, else 0 */
extern int fish_rc_remote (const char *cmd, char *argv[], int exit_on_error);
/* --listen: the parent prints GUESTFISH_PID once the child serves and
 * exits; the child returns and sets up the handle, then serves. */
extern int fish_rc_listen_fork (int csh);
extern int fish_rc_listen_serve (void);

/* complete.c: tab completion at the prompt. */
extern void fish_completion_init (void);
extern void fish_completion_cleanup (void);

/* helpers.c */
/* A size with suffixes ("1M"), as libguestfs's parse_size. */
extern int fish_parse_size (const char *s, int64_t *r);
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

/* Progress bars for long calls: common/progress.h. */

#endif /* FISH_H_ */
