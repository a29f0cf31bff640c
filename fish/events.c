/* guestfish: event handlers written as shell commands -- the event,
 * list-events and delete-event commands.  A handler runs
 * "$SHELL -c SCRIPT" (default /bin/sh) with the event's name in $EVENT,
 * its message (if any) as $1 and its numbers (if any) after it, so
 * "progress" gives $1..$4 = proc, serial, position, total.  Handlers are
 * kept in registration order and carried over by reopen.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <unistd.h>
#include <sys/wait.h>

#include "fish.h"

struct handler {
  char *name;
  char *script;
  uint64_t events;
  int eh;                           /* from guestfs_set_event_callback */
};
static struct handler **handlers;
static size_t nr_handlers;

static const char *const event_names[] = {
  "close", "subprocess_quit", "launch_done", "progress", "appliance",
  "library", "trace", "enter", "libvirt_auth", "warning",
};

/* "close,trace" or "*" -> bitmask; -1 after a message if a name is bad. */
static int
parse_event_set (const char *set, uint64_t *events)
{
  const char *p = set;

  if (STREQ (set, "*")) {
    *events = GUESTFS_EVENT_ALL;
    return 0;
  }
  *events = 0;
  for (;;) {
    size_t len = strcspn (p, ","), i;

    for (i = 0; i < sizeof event_names / sizeof event_names[0]; ++i)
      if (strlen (event_names[i]) == len && strncmp (p, event_names[i], len) == 0)
        break;
    if (i == sizeof event_names / sizeof event_names[0]) {
      fprintf (stderr, "unknown event name: %.*s\n", (int) len, p);
      return -1;
    }
    *events |= UINT64_C(1) << i;
    if (p[len] == '\0')
      return 0;
    p += len + 1;
  }
}

static void
run_handler (guestfs_h *h, void *opaque, uint64_t event, int event_handle,
             int flags, const char *buf, size_t buf_len,
             const uint64_t *array, size_t array_len)
{
  const struct handler *hd = opaque;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == -1) {
    perror ("event handler: fork");
    return;
  }
  if (pid == 0) {
    const char *shell = getenv ("SHELL");
    const char **argv = calloc (array_len + 6, sizeof (char *));
    char *name = guestfs_event_to_string (event);
    size_t n = 0;

    if (argv == NULL || name == NULL)
      _exit (EXIT_FAILURE);
    setenv ("EVENT", name, 1);
    argv[n++] = shell && *shell ? shell : "/bin/sh";
    argv[n++] = "-c";
    argv[n++] = hd->script;
    argv[n++] = "";                 /* $0 */
    if (buf) {
      char *s = strndup (buf, buf_len);
      if (s == NULL)
        _exit (EXIT_FAILURE);
      argv[n++] = s;
    }
    for (size_t i = 0; i < array_len; ++i) {
      char *s;
      if (asprintf (&s, "%" PRIu64, array[i]) == -1)
        _exit (EXIT_FAILURE);
      argv[n++] = s;
    }
    argv[n] = NULL;
    execvp (argv[0], (char **) argv);
    perror (argv[0]);
    _exit (EXIT_FAILURE);
  }
  if (waitpid (pid, NULL, 0) == -1)
    perror ("event handler: waitpid");
}

static void
free_handler (struct handler *hd)
{
  free (hd->name);
  free (hd->script);
  free (hd);
}

int
fish_run_event (const char *cmd, size_t argc, char *argv[])
{
  struct handler *hd, **nh;

  if (argc != 3) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use 'event <name> <eventset> <script>' to register "
             "an event handler\n");
    return -1;
  }
  hd = calloc (1, sizeof *hd);
  if (hd == NULL) {
    perror ("calloc");
    return -1;
  }
  if (parse_event_set (argv[1], &hd->events) == -1) {
    free (hd);
    return -1;
  }
  hd->name = strdup (argv[0]);
  hd->script = strdup (argv[2]);
  nh = realloc (handlers, (nr_handlers + 1) * sizeof *handlers);
  if (hd->name == NULL || hd->script == NULL || nh == NULL) {
    perror ("malloc");
    free_handler (hd);
    return -1;
  }
  handlers = nh;
  hd->eh = guestfs_set_event_callback (g, run_handler, hd->events, 0, hd);
  if (hd->eh == -1) {
    free_handler (hd);
    return -1;
  }
  handlers[nr_handlers++] = hd;
  return 0;
}

int
fish_run_delete_event (const char *cmd, size_t argc, char *argv[])
{
  size_t i, j, deleted = 0;

  if (argc != 1) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use 'delete-event <name>' to delete an event handler\n");
    return -1;
  }
  for (i = j = 0; i < nr_handlers; ++i) {
    if (STREQ (handlers[i]->name, argv[0])) {
      guestfs_delete_event_callback (g, handlers[i]->eh);
      free_handler (handlers[i]);
      deleted++;
    }
    else
      handlers[j++] = handlers[i];
  }
  nr_handlers = j;
  if (deleted == 0) {
    fprintf (stderr, "delete-event: %s: no such event handler\n", argv[0]);
    return -1;
  }
  return 0;
}

int
fish_run_list_events (const char *cmd, size_t argc, char *argv[])
{
  if (argc != 0) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use ‘list-events’ to list event handlers\n");
    return -1;
  }
  for (size_t i = 0; i < nr_handlers; ++i) {
    const struct handler *hd = handlers[i];
    char *set = hd->events == GUESTFS_EVENT_ALL ? strdup ("*")
      : guestfs_event_to_string (hd->events);

    printf ("\"%s\" (%d): %s: %s\n", hd->name, hd->eh, set ? set : "?",
            hd->script);
    free (set);
  }
  return 0;
}

/* After reopen: the same handlers on the new handle. */
void
fish_events_reattach (guestfs_h *h)
{
  for (size_t i = 0; i < nr_handlers; ++i)
    handlers[i]->eh = guestfs_set_event_callback (h, run_handler,
                                                  handlers[i]->events, 0,
                                                  handlers[i]);
}
