/* Progress bars for long-running calls, shared by guestfish and the
 * virt-* tools that copy or create data.
 *
 * The library sends GUESTFS_EVENT_PROGRESS events (position and total in
 * array[2] and array[3]) during long calls.  We draw one line that is
 * rewritten in place: percentage, bar and estimated time left ("--:--"
 * until there is enough data).  Bars are only drawn on a terminal: on
 * stdout if it is one (and does not carry the program's data), else on
 * stderr if that is one, else not at all, so that they never mix with
 * output that goes to a file or a pipe.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <langinfo.h>
#include <sys/ioctl.h>

#include "progress.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)

static int active;                  /* a call is reporting progress */
static int finished;                /* its 100% line has been drawn */
static FILE *drawn_on;              /* an unfinished bar is on this stream */
static struct timespec started;
static char last_line[512];
static int stdout_is_data;          /* never draw on stdout */

/* Called around each command: end a bar the call left unfinished (it
 * failed or was cancelled) so the next output starts on its own line.
 */
void
progress_bars_reset (void)
{
  if (drawn_on) {
    fputc ('\n', drawn_on);
    fflush (drawn_on);
  }
  drawn_on = NULL;
  active = finished = 0;
  last_line[0] = '\0';
}

static double
elapsed (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return (now.tv_sec - started.tv_sec) + (now.tv_nsec - started.tv_nsec) / 1e9;
}

static int
columns (int fd)
{
  struct winsize ws;

  if (ioctl (fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 30)
    return ws.ws_col;
  return 80;
}

static void
progress_cb (guestfs_h *h, void *opaque, uint64_t event, int event_handle,
             int flags, const char *buf, size_t buf_len,
             const uint64_t *array, size_t array_len)
{
  int utf8 = STREQ (nl_langinfo (CODESET), "UTF-8");
  uint64_t pos, total;
  double ratio, secs;
  char timestr[16], line[sizeof last_line];
  int fd, width, done, n;
  FILE *fp;

  if (array_len < 4 || array[3] == 0)
    return;
  pos = array[2];
  total = array[3];
  if (pos > total)
    pos = total;
  /* The library and the daemon may both report the end: draw it once. */
  if (pos == total && finished)
    return;
  finished = 0;

  if (!stdout_is_data && isatty (1))
    fp = stdout;
  else if (isatty (2))
    fp = stderr;
  else
    return;
  fd = fileno (fp);

  if (!active) {
    clock_gettime (CLOCK_MONOTONIC, &started);
    active = 1;
  }
  ratio = (double) pos / total;
  secs = elapsed ();
  if (pos == total)
    snprintf (timestr, sizeof timestr, "00:00");
  else if (secs < 1 || ratio < 0.01)
    snprintf (timestr, sizeof timestr, "--:--");
  else {
    long left = (long) (secs / ratio - secs);
    snprintf (timestr, sizeof timestr, "%02ld:%02ld",
              (left / 60) % 100, left % 60);
  }

  width = columns (fd) - 16;
  if (width > 200)
    width = 200;
  done = (int) (ratio * width);
  n = snprintf (line, sizeof line, "%3d%% %s", (int) (ratio * 100),
                utf8 ? "⟦" : "[");
  for (int i = 0; i < width && n < (int) sizeof line - 16; ++i)
    n += snprintf (line + n, sizeof line - n, "%s",
                   i < done ? (utf8 ? "▒" : "#") : (utf8 ? "═" : "-"));
  snprintf (line + n, sizeof line - n, "%s %s", utf8 ? "⟧" : "]", timestr);

  /* Only redraw when something visible changed. */
  if (STRNEQ (line, last_line)) {
    fprintf (fp, "\r%s", line);
    strcpy (last_line, line);
    drawn_on = fp;
    if (pos == total) {
      fputc ('\n', fp);
      drawn_on = NULL;
      active = 0;
      finished = 1;
      last_line[0] = '\0';
    }
    fflush (fp);
  }
}

void
progress_bars_stdout_is_data (int yes)
{
  stdout_is_data = yes;
}

int
progress_bars_attach (guestfs_h *g, const char *program)
{
  if (guestfs_set_event_callback (g, progress_cb, GUESTFS_EVENT_PROGRESS,
                                  0, NULL) == -1) {
    fprintf (stderr, "%s: progress bars are not available\n", program);
    return -1;
  }
  return 0;
}
