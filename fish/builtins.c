/* guestfish: the commands guestfish implements itself rather than by
 * calling one API function (help, quit, echo, lcd, sparse, alloc, time,
 * not, reopen, setenv, unsetenv, man, and glob/supported when the library
 * has the calls they need), and the command listing of "help -l" / "-h".
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <fnmatch.h>
#include <sys/wait.h>

#include "fish.h"

/* Usage errors of built-in commands, which have no generated synopsis. */
static int
usage_error (const char *msg)
{
  fish_wrong_args_seen = 1;
  fprintf (stderr, "%s\n", msg);
  return -1;
}

static void
display_context_help (void)
{
  if (guestfs_is_config (g) > 0)
    printf ("Add disk images to examine using the ‘-a’ option, or the ‘add’\n"
            "command.\n"
            "Or create a new disk image using the ‘alloc’ or ‘sparse’ commands.\n"
            "Once you have done this, use the ‘run’ command.\n");
  else
    printf ("Find out what filesystems are available using ‘list-filesystems’ and then\n"
            "mount them to examine or modify the contents using ‘mount-ro’ or\n"
            "‘mount’.\n");
  printf ("\n"
          "For more information about a command, use ‘help cmd’.\n"
          "\n"
          "To read the manual, type ‘man’.\n"
          "\n");
}

int
fish_display_command (const char *cmd)
{
  const struct fish_command *c = fish_lookup_command (cmd);

  if (c == NULL) {
    fprintf (stderr, "%s: command not known: %s\n", cmd,
             fish_interactive ? "use 'help --list' to list all commands"
             : "use -h to list all commands");
    return -1;
  }
  fputs (c->help, stdout);
  return 0;
}

static int
run_help (const char *cmd, size_t argc, char *argv[])
{
  if (argc == 0) {
    display_context_help ();
    return 0;
  }
  if (argc == 1 && (STREQ (argv[0], "-l") || STREQ (argv[0], "--list"))) {
    fish_list_commands ();
    return 0;
  }
  if (argc == 1)
    return fish_display_command (argv[0]);
  return usage_error ("use 'help', 'help <cmd>' or 'help -l|--list' to "
                      "list all commands");
}

static int
run_quit (const char *cmd, size_t argc, char *argv[])
{
  fish_quit = 1;
  return 0;
}

static int
run_echo (const char *cmd, size_t argc, char *argv[])
{
  for (size_t i = 0; i < argc; ++i)
    printf ("%s%s", i > 0 ? " " : "", argv[i]);
  putchar ('\n');
  return 0;
}

static int
run_lcd (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 1)
    return usage_error ("use 'lcd directory' to change local directory");
  if (chdir (argv[0]) == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, argv[0], strerror (errno));
    return -1;
  }
  return 0;
}

/* Create a raw image of the given size (preallocated unless 'sparse') and
 * add it as the next drive.
 */
int
fish_alloc_disk (const char *cmd, const char *filename, const char *size_str,
                 int sparse)
{
  int64_t size;
  int fd, err;

  if (fish_parse_size (size_str, &size) == -1)
    return -1;
  if (size == 0) {
    fprintf (stderr, "%s: %s: size must be between 1 byte and 8 EiB\n",
             cmd, size_str);
    return -1;
  }
  if (guestfs_is_config (g) <= 0) {
    fprintf (stderr, "can't allocate or add disks after launching\n");
    return -1;
  }

  fd = open (filename, O_WRONLY|O_CREAT|O_TRUNC|O_NOCTTY|O_CLOEXEC, 0666);
  if (fd == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, filename, strerror (errno));
    return -1;
  }
  if (sparse)
    err = ftruncate (fd, (off_t) size) == -1 ? errno : 0;
  else
    err = posix_fallocate (fd, 0, (off_t) size);
  if (err != 0) {
    fprintf (stderr, "%s: %s: %s\n", cmd, filename, strerror (err));
    close (fd);
    unlink (filename);
    return -1;
  }
  if (close (fd) == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, filename, strerror (errno));
    unlink (filename);
    return -1;
  }

  /* We wrote it, so it is raw: no need to let the library probe. */
  if (guestfs_add_drive_opts (g, filename,
                              GUESTFS_ADD_DRIVE_OPTS_FORMAT, "raw",
                              -1) == -1) {
    unlink (filename);
    return -1;
  }
  return 0;
}

static int
run_alloc (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 2)
    return usage_error ("use 'alloc file size' to create an image");
  return fish_alloc_disk (cmd, argv[0], argv[1], 0);
}

static int
run_sparse (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 2)
    return usage_error ("use 'sparse file size' to create a sparse image");
  return fish_alloc_disk (cmd, argv[0], argv[1], 1);
}

static int
run_time (const char *cmd, size_t argc, char *argv[])
{
  struct timespec start, end;
  long long ms;
  int r;

  if (argc < 1)
    return usage_error ("use 'time command [args...]'");

  clock_gettime (CLOCK_MONOTONIC, &start);
  r = fish_issue_command (argv[0], &argv[1], NULL);
  if (r == -1)
    return -1;                  /* as libguestfs: no time for a failure */
  clock_gettime (CLOCK_MONOTONIC, &end);

  ms = (end.tv_sec - start.tv_sec) * 1000LL
    + (end.tv_nsec - start.tv_nsec) / 1000000;
  printf ("elapsed time: %lld.%02lld seconds\n", ms / 1000, (ms % 1000) / 10);
  return 0;
}

static int
run_not (const char *cmd, size_t argc, char *argv[])
{
  int r;

  if (argc < 1)
    return usage_error ("use 'not command [args...]'");

  /* A usage error stays an error: "not" inverts failures of the command,
   * not mistakes in calling it.
   */
  fish_wrong_args_seen = 0;
  r = fish_issue_command (argv[0], &argv[1], NULL);
  if (fish_wrong_args_seen)
    return -1;
  if (r == 0) {
    fprintf (stderr, "%s: ‘%s’ succeeded\n", cmd, argv[0]);
    return -1;
  }
  return 0;
}

static int
run_reopen (const char *cmd, size_t argc, char *argv[])
{
  guestfs_h *g2;
  const char *path;

  if (argc != 0)
    return usage_error ("‘reopen’ command takes no parameters");

  /* Keep the old handle until the new one exists, so that a failure
   * leaves the session usable.  Then carry over what guestfish itself
   * set up from the command line.
   */
  g2 = fish_new_handle ();
  if (g2 == NULL)
    return -1;
  guestfs_set_verbose (g2, guestfs_get_verbose (g));
  guestfs_set_trace (g2, guestfs_get_trace (g));
  guestfs_set_autosync (g2, guestfs_get_autosync (g));
  path = guestfs_get_path (g);
  if (path)
    guestfs_set_path (g2, path);
#ifdef GUESTFS_HAVE_SET_PGROUP
  guestfs_set_pgroup (g2, guestfs_get_pgroup (g));
#endif
  fish_events_reattach (g2);

  guestfs_close (g);
  g = g2;
  return 0;
}

static int
run_setenv (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 2)
    return usage_error ("use 'setenv VAR value' to set an environment variable");
  if (setenv (argv[0], argv[1], 1) == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, argv[0], strerror (errno));
    return -1;
  }
  return 0;
}

static int
run_unsetenv (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 1)
    return usage_error ("use 'unsetenv VAR' to unset an environment variable");
  if (unsetenv (argv[0]) == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, argv[0], strerror (errno));
    return -1;
  }
  return 0;
}

/* This guestfish's own page: the build tree's under ./run, else the one
 * installed with it, and only then whatever "man guestfish" finds (which
 * may be another implementation's).
 */
static int
run_man (const char *cmd, size_t argc, char *argv[])
{
  const char *top = getenv ("GUESTKIT_TOP");
  char *page = NULL;
  int r;

  if (argc != 0)
    return usage_error ("use ‘man’ without parameters to open the manual");

  if (top) {
    if (asprintf (&page, "%s/docs/guestfish.1", top) == -1)
      page = NULL;
    else if (access (page, R_OK) != 0) {
      free (page);
      page = NULL;
    }
  }
#ifdef GUESTFISH_MANPAGE
  if (page == NULL && access (GUESTFISH_MANPAGE, R_OK) == 0)
    page = strdup (GUESTFISH_MANPAGE);
#endif
  if (page == NULL)
    r = fish_run_program (cmd, "man 1", "guestfish");
  else {
    r = fish_run_program (cmd, "man -l", page);
    free (page);
  }
  return r;
}

#ifdef GUESTFS_HAVE_GLOB_EXPAND
/* Expand one word: guest paths with wildcards through glob_expand, device
 * names against the appliance's devices and partitions.  A pattern that
 * matches nothing is kept as it is.
 */
static char **
expand_word (const char *word)
{
  char **r = NULL;

  if (word[0] == '/' && strpbrk (word, "*?[") != NULL) {
    if (STRPREFIX (word, "/dev/")) {
      char **devs = guestfs_list_devices (g);
      char **parts = devs ? guestfs_list_partitions (g) : NULL;
      size_t n = 0;

      if (devs && parts) {
        r = calloc (fish_count_strings (devs) + fish_count_strings (parts) + 1,
                    sizeof (char *));
        for (size_t k = 0; r && devs[k]; ++k)
          if (fnmatch (word, devs[k], FNM_PATHNAME) == 0)
            r[n++] = strdup (devs[k]);
        for (size_t k = 0; r && parts[k]; ++k)
          if (fnmatch (word, parts[k], FNM_PATHNAME) == 0)
            r[n++] = strdup (parts[k]);
      }
      fish_free_strings (devs);
      fish_free_strings (parts);
    }
    else
      r = guestfs_glob_expand (g, word);
    if (r == NULL)
      return NULL;
    if (r[0] != NULL)
      return r;
    free (r);
  }

  r = calloc (2, sizeof (char *));
  if (r == NULL || (r[0] = strdup (word)) == NULL) {
    perror ("strdup");
    free (r);
    return NULL;
  }
  return r;
}

/* Run the command once for each element of the Cartesian product. */
static int
glob_product (const char *cmd, char ***words, size_t nwords, size_t i,
              char **argv)
{
  int ret = 0;

  if (i == nwords) {
    argv[nwords] = NULL;
    return fish_issue_command (cmd, argv, NULL);
  }
  for (size_t j = 0; words[i][j]; ++j) {
    argv[i] = words[i][j];
    if (glob_product (cmd, words, nwords, i + 1, argv) == -1)
      ret = -1;
  }
  return ret;
}

static int
run_glob (const char *cmd, size_t argc, char *argv[])
{
  char ***words;
  char **args;
  int ret = -1;
  size_t i;

  if (argc < 1)
    return usage_error ("use 'glob command [args...]'");

  words = calloc (argc, sizeof (char **));
  args = calloc (argc + 1, sizeof (char *));
  if (words == NULL || args == NULL) {
    perror ("calloc");
    goto out;
  }
  for (i = 1; i < argc; ++i) {
    words[i-1] = expand_word (argv[i]);
    if (words[i-1] == NULL)
      goto out;
  }
  ret = glob_product (argv[0], words, argc - 1, 0, args);

 out:
  if (words)
    for (i = 0; i < argc; ++i)
      fish_free_strings (words[i]);
  free (words);
  free (args);
  return ret;
}
#endif /* GUESTFS_HAVE_GLOB_EXPAND */

#if defined(GUESTFS_HAVE_AVAILABLE_ALL_GROUPS) && defined(GUESTFS_HAVE_AVAILABLE)
static int
run_supported (const char *cmd, size_t argc, char *argv[])
{
  char **groups;
  size_t len = 0;

  if (argc != 0)
    return usage_error ("use 'supported' to list the optional groups");
  groups = guestfs_available_all_groups (g);
  if (groups == NULL)
    return -1;
  for (size_t i = 0; groups[i]; ++i)
    if (strlen (groups[i]) > len)
      len = strlen (groups[i]);

  /* A missing group is an answer here, not an error to print. */
  guestfs_push_error_handler (g, NULL, NULL);
  for (size_t i = 0; groups[i]; ++i) {
    char *one[] = { groups[i], NULL };
    printf ("%*s %s\n", (int) len, groups[i],
            guestfs_available (g, one) == 0 ? "yes" : "no");
  }
  guestfs_pop_error_handler (g);
  fish_free_strings (groups);
  return 0;
}
#endif

static const char *const quit_aliases[] = { "exit", "q", NULL };
static const char *const alloc_aliases[] = { "allocate", NULL };
static const char *const man_aliases[] = { "manual", NULL };
static const char *const edit_aliases[] = { "vi", "emacs", NULL };
static const char *const more_aliases[] = { "less", NULL };

const struct fish_command fish_builtin_commands[] = {
  { "help", NULL, "display a list of commands or help on a command",
    "NAME\n    help - display a list of commands or help on a command\n\n"
    "SYNOPSIS\n     help [-l|--list|cmd]\n\n"
    "DESCRIPTION\n"
    "    help on its own gives some hints about what to do next. help cmd\n"
    "    displays detailed help on a command. help -l (or --list) lists all\n"
    "    commands.\n",
    run_help, "c" },
  { "quit", quit_aliases, "quit guestfish",
    "NAME\n    quit - quit guestfish\n\n"
    "SYNOPSIS\n     quit\n\n"
    "DESCRIPTION\n"
    "    This exits guestfish. You can also use ^D key.\n\n"
    "    You can use 'exit' or 'q' as an alias for this command.\n",
    run_quit, "" },
  { "alloc", alloc_aliases, "allocate and add a disk file",
    "NAME\n    alloc - allocate and add a disk file\n\n"
    "SYNOPSIS\n     alloc filename size\n\n"
    "DESCRIPTION\n"
    "    This creates an empty (zeroed) file of the given size, and then adds\n"
    "    it so it can be further examined. The file is fully allocated on the\n"
    "    host; see also sparse.\n\n"
    "    Size can be specified using standard suffixes, eg. 1M: k/K/KiB,\n"
    "    M/MiB, G/GiB, ... are powers of 1024, KB, MB, GB, ... powers of 1000.\n\n"
    "    You can only use this command before launching.\n\n"
    "    You can use 'allocate' as an alias for this command.\n",
    run_alloc, "L-" },
#ifdef GUESTFS_HAVE_COPY_IN
  { "copy-in", NULL, "copy local files or directories into an image",
    "NAME\n    copy-in - copy local files or directories into an image\n\n"
    "SYNOPSIS\n     copy-in local [local ...] /remotedir\n\n"
    "DESCRIPTION\n"
    "    copy-in copies local files or directories recursively into the disk\n"
    "    image, placing them in the directory called /remotedir (which must\n"
    "    exist). Ownership and permissions are kept as far as the guest\n"
    "    filesystem allows.\n\n"
    "    Multiple local files and directories can be specified, but the last\n"
    "    parameter must always be a remote directory. Wildcards cannot be\n"
    "    used.\n",
    fish_run_copy_in, "A*" },
#endif
#ifdef GUESTFS_HAVE_COPY_OUT
  { "copy-out", NULL, "copy remote files or directories out of an image",
    "NAME\n    copy-out - copy remote files or directories out of an image\n\n"
    "SYNOPSIS\n     copy-out remote [remote ...] localdir\n\n"
    "DESCRIPTION\n"
    "    copy-out copies remote files or directories recursively out of the\n"
    "    disk image, placing them on the host disk in a local directory\n"
    "    called localdir (which must exist).\n\n"
    "    Multiple remote files and directories can be specified, but the\n"
    "    last parameter must always be a local directory. To download to the\n"
    "    current directory, use \".\" as in:\n\n"
    "     copy-out /home .\n\n"
    "    Wildcards cannot be used in the ordinary command, but you can use\n"
    "    them with the help of glob like this:\n\n"
    "     glob copy-out /home/* .\n",
    fish_run_copy_out, "A*" },
#endif
  { "delete-event", NULL, "delete a previously registered event handler",
    "NAME\n    delete-event - delete a previously registered event handler\n\n"
    "SYNOPSIS\n     delete-event name\n\n"
    "DESCRIPTION\n"
    "    Delete the event handler which was previously registered as name.\n"
    "    If multiple event handlers were registered with the same name, they\n"
    "    are all deleted.\n\n"
    "    See also the guestfish commands event and list-events.\n",
    fish_run_delete_event, "-" },
  { "display", NULL, "display an image",
    "NAME\n    display - display an image\n\n"
    "SYNOPSIS\n     display filename\n\n"
    "DESCRIPTION\n"
    "    Use display (a graphical display program) to display an image file.\n"
    "    It downloads the file, and runs display on it.\n\n"
    "    To use an alternative program, set the GUESTFISH_DISPLAY_IMAGE\n"
    "    environment variable. For example to use the GNOME display program:\n\n"
    "     export GUESTFISH_DISPLAY_IMAGE=eog\n\n"
    "    See also display(1).\n",
    fish_run_display, "P" },
  { "echo", NULL, "display a line of text",
    "NAME\n    echo - display a line of text\n\n"
    "SYNOPSIS\n     echo [params ...]\n\n"
    "DESCRIPTION\n"
    "    This echos the parameters to the terminal, separated by spaces.\n",
    run_echo, NULL },
  { "edit", edit_aliases, "edit a file",
    "NAME\n    edit - edit a file\n\n"
    "SYNOPSIS\n     edit filename\n\n"
    "DESCRIPTION\n"
    "    This is used to edit a file. It downloads the file, edits it\n"
    "    locally using your editor, then uploads the result: to a new file\n"
    "    in the same directory, given the permissions, owner and attributes\n"
    "    of the original, and renamed over it. If the editor leaves the\n"
    "    file unchanged, nothing is uploaded.\n\n"
    "    The editor is $EDITOR. However if you use the alternate commands vi\n"
    "    or emacs you will get those corresponding editors.\n\n"
    "    You can use 'vi' or 'emacs' as an alias for this command.\n",
    fish_run_edit, "P" },
  { "event", NULL, "register a handler for an event or events",
    "NAME\n    event - register a handler for an event or events\n\n"
    "SYNOPSIS\n     event name eventset \"shell script ...\"\n\n"
    "DESCRIPTION\n"
    "    Register a shell script fragment which is executed when an event is\n"
    "    raised. See guestfs_set_event_callback in guestfs(3) for a\n"
    "    discussion of the event API in libguestfs.\n\n"
    "    The name parameter is a name that you give to this event handler.\n"
    "    It can be any string (even the empty string) and is simply there so\n"
    "    you can delete the handler using the guestfish delete-event command.\n\n"
    "    The eventset parameter is a comma-separated list of one or more\n"
    "    events, for example close or close,trace. The special value * means\n"
    "    all events.\n\n"
    "    The third and final parameter is the shell script fragment (or any\n"
    "    external command) that is executed when any of the events in the\n"
    "    eventset occurs. It is executed using $SHELL -c, or if $SHELL is not\n"
    "    set then /bin/sh -c.\n\n"
    "    The shell script fragment receives callback parameters as arguments\n"
    "    $1, $2 etc. The actual event that was called is available in the\n"
    "    environment variable $EVENT.\n\n"
    "     event \"\" close \"echo closed\"\n"
    "     event messages appliance,library,trace \"echo $@\"\n"
    "     event \"\" progress \"echo progress: $3/$4\"\n"
    "     event \"\" * \"echo $EVENT $@\"\n\n"
    "    See also the guestfish commands delete-event and list-events.\n",
    fish_run_event, "---" },
#ifdef GUESTFS_HAVE_GLOB_EXPAND
  { "glob", NULL, "expand wildcards in command",
    "NAME\n    glob - expand wildcards in command\n\n"
    "SYNOPSIS\n     glob command args...\n\n"
    "DESCRIPTION\n"
    "    Expand wildcards in any paths in the args list, and run command\n"
    "    repeatedly on each matching path. Guest paths are expanded with\n"
    "    glob-expand, /dev/ patterns against the devices and partitions.\n"
    "    A pattern that matches nothing is passed on unchanged.\n",
    run_glob, "C" },
#endif
#ifdef GUESTKIT_FISH_HAVE_HEXEDIT
  { "hexedit", NULL, "edit with a hex editor",
    "NAME\n    hexedit - edit with a hex editor\n\n"
    "SYNOPSIS\n     hexedit <filename|device>\n"
    "     hexedit <filename|device> <max>\n"
    "     hexedit <filename|device> <start> <max>\n\n"
    "DESCRIPTION\n"
    "    Use hexedit (a hex editor) to edit all or part of a binary file or\n"
    "    block device.\n\n"
    "    This command works by downloading potentially the whole file or\n"
    "    device, editing it locally, then uploading it. If the file or device\n"
    "    is large (over 16 MB), you have to specify which part you wish to\n"
    "    edit by using max and/or start max parameters. start and max are\n"
    "    specified in bytes, with the usual modifiers allowed such as 1M (1\n"
    "    megabyte).\n\n"
    "    For example to edit the first few sectors of a disk you might do:\n\n"
    "     hexedit /dev/sda 1M\n\n"
    "    which would allow you to edit anywhere within the first megabyte of\n"
    "    the disk.\n\n"
    "    To edit the superblock of an ext2 filesystem on /dev/sda1, do:\n\n"
    "     hexedit /dev/sda1 0x400 0x400\n\n"
    "    (assuming the superblock is in the standard location).\n\n"
    "    This command requires the external hexedit(1) program. You can\n"
    "    specify another program to use by setting the HEXEDITOR environment\n"
    "    variable.\n\n"
    "    See also hexdump.\n",
    fish_run_hexedit, "P--" },
#endif
  { "lcd", NULL, "change working directory",
    "NAME\n    lcd - change working directory\n\n"
    "SYNOPSIS\n     lcd directory\n\n"
    "DESCRIPTION\n"
    "    Change the local directory, ie. the current directory of guestfish\n"
    "    itself. Note that !cd won't do what you might expect.\n",
    run_lcd, "L" },
  { "list-events", NULL, "list event handlers",
    "NAME\n    list-events - list event handlers\n\n"
    "SYNOPSIS\n     list-events\n\n"
    "DESCRIPTION\n"
    "    List the event handlers registered using the guestfish event\n"
    "    command.\n",
    fish_run_list_events, "" },
  { "man", man_aliases, "open the manual",
    "NAME\n    man - open the manual\n\n"
    "SYNOPSIS\n     man\n\n"
    "DESCRIPTION\n"
    "    Opens the manual page for guestfish.\n\n"
    "    You can use 'manual' as an alias for this command.\n",
    run_man, "" },
  { "more", more_aliases, "view a file",
    "NAME\n    more - view a file\n\n"
    "SYNOPSIS\n     more filename\n\n"
    "     less filename\n\n"
    "DESCRIPTION\n"
    "    This is used to view a file.\n\n"
    "    The default viewer is $PAGER. However if you use the alternate\n"
    "    command less you will get the less command specifically.\n\n"
    "    You can use 'less' as an alias for this command.\n",
    fish_run_more, "P" },
  { "not", NULL, "invert the exit status of a command",
    "NAME\n    not - invert the exit status of a command\n\n"
    "SYNOPSIS\n     not command [args...]\n\n"
    "DESCRIPTION\n"
    "    Run the command; succeed if it fails and fail if it succeeds. This\n"
    "    is mostly useful in test scripts. Calling the command with the\n"
    "    wrong number of arguments is still an error.\n",
    run_not, "C" },
  { "reopen", NULL, "close and reopen libguestfs handle",
    "NAME\n    reopen - close and reopen libguestfs handle\n\n"
    "SYNOPSIS\n     reopen\n\n"
    "DESCRIPTION\n"
    "    Close and reopen the libguestfs handle. It is not necessary to use\n"
    "    this normally, because the handle is closed properly when guestfish\n"
    "    exits. However this is occasionally useful for testing. The verbose,\n"
    "    trace, autosync and path settings are kept; drives are not.\n",
    run_reopen, "" },
  { "setenv", NULL, "set an environment variable",
    "NAME\n    setenv - set an environment variable\n\n"
    "SYNOPSIS\n     setenv VAR value\n\n"
    "DESCRIPTION\n"
    "    Set the environment variable VAR to the string value. To print the\n"
    "    value of an environment variable use a shell command such as:\n\n"
    "     !echo $VAR\n",
    run_setenv, "--" },
  { "sparse", NULL, "create a sparse disk image and add",
    "NAME\n    sparse - create a sparse disk image and add\n\n"
    "SYNOPSIS\n     sparse filename size\n\n"
    "DESCRIPTION\n"
    "    This creates an empty sparse file of the given size, and then adds\n"
    "    it so it can be further examined. In all respects it works the same\n"
    "    as the alloc command, except that the image file is allocated\n"
    "    sparsely, which means that disk blocks are not assigned to the file\n"
    "    until they are needed.\n\n"
    "    Size can be specified using standard suffixes, eg. 1M.\n\n"
    "    You can only use this command before launching.\n",
    run_sparse, "L-" },
#if defined(GUESTFS_HAVE_AVAILABLE_ALL_GROUPS) && defined(GUESTFS_HAVE_AVAILABLE)
  { "supported", NULL, "list supported groups of commands",
    "NAME\n    supported - list supported groups of commands\n\n"
    "SYNOPSIS\n     supported\n\n"
    "DESCRIPTION\n"
    "    This command returns a list of the optional groups known to the\n"
    "    daemon, and indicates which ones are supported by this build of the\n"
    "    appliance. You must launch before using this command.\n",
    run_supported, "" },
#endif
  { "time", NULL, "print elapsed time taken to run a command",
    "NAME\n    time - print elapsed time taken to run a command\n\n"
    "SYNOPSIS\n     time command args...\n\n"
    "DESCRIPTION\n"
    "    Run the command as usual, but print the elapsed time afterwards.\n"
    "    This can be useful for benchmarking operations.\n",
    run_time, "C" },
  { "unsetenv", NULL, "unset an environment variable",
    "NAME\n    unsetenv - unset an environment variable\n\n"
    "SYNOPSIS\n     unsetenv VAR\n\n"
    "DESCRIPTION\n"
    "    Remove VAR from the environment.\n",
    run_unsetenv, "-" },
};

const size_t fish_nr_builtin_commands =
  sizeof fish_builtin_commands / sizeof fish_builtin_commands[0];

/* One line of the command listing: a command, or an alias of one. */
struct listing {
  const char *name;
  const char *shortdesc;            /* NULL for an alias */
  const char *target;               /* the aliased command */
};

static int
compare_listing (const void *a, const void *b)
{
  return strcmp (((const struct listing *) a)->name,
                 ((const struct listing *) b)->name);
}

static size_t
add_listing (struct listing *l, size_t n, const struct fish_command *table,
             size_t nr)
{
  for (size_t i = 0; i < nr; ++i) {
    const struct fish_command *c = &table[i];

    /* help and quit head the list, as in libguestfs. */
    if (STREQ (c->name, "help") || STREQ (c->name, "quit"))
      continue;
    /* An API call that guestfish implements itself (copy-in, ...) is
     * listed once, as the command that runs.
     */
    if (table == fish_api_commands && fish_lookup_command (c->name) != c)
      continue;
    l[n++] = (struct listing) { c->name, c->shortdesc, NULL };
    if (c->aliases)
      for (size_t j = 0; c->aliases[j]; ++j) {
        size_t len = strlen (c->aliases[j]);
        /* "-opts" aliases only exist for compatibility with old scripts. */
        if (len >= 5 && STREQ (c->aliases[j] + len - 5, "-opts"))
          continue;
        l[n++] = (struct listing) { c->aliases[j], NULL, c->name };
      }
  }
  return n;
}

static size_t
count_entries (const struct fish_command *table, size_t nr)
{
  size_t n = nr;

  for (size_t i = 0; i < nr; ++i)
    if (table[i].aliases)
      n += fish_count_strings ((char *const *) table[i].aliases);
  return n;
}

void
fish_list_commands (void)
{
  size_t max = count_entries (fish_builtin_commands, fish_nr_builtin_commands)
    + count_entries (fish_api_commands, fish_nr_api_commands);
  struct listing *l = calloc (max, sizeof *l);
  size_t n = 0;

  printf ("    %-16s     %s\n", "Command", "Description");
  printf ("%-20s %s\n", "help",
          "display a list of commands or help on a command");
  printf ("%-20s %s\n", "quit", "quit guestfish");
  if (l == NULL) {
    perror ("calloc");
    return;
  }
  n = add_listing (l, n, fish_builtin_commands, fish_nr_builtin_commands);
  n = add_listing (l, n, fish_api_commands, fish_nr_api_commands);
  qsort (l, n, sizeof *l, compare_listing);
  for (size_t i = 0; i < n; ++i) {
    if (l[i].shortdesc)
      printf ("%-20s %s\n", l[i].name, l[i].shortdesc);
    else
      printf ("%-20s alias for '%s'\n", l[i].name, l[i].target);
  }
  printf ("    Use -h <cmd> / help <cmd> to show detailed help for a command.\n");
  free (l);
}
