/* libguestfs (guestkit): building the trace lines the generated stubs
 * emit ("mount \"/dev/sda1\" \"/\"", "mount = 0") as TRACE events. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"

int
guestfs_int_trace_enabled (guestfs_h *g)
{
  return g->trace;
}

/* One trace line is built at a time per handle (calls hold its lock), so
 * the memory stream's buffer lives in the handle. */
FILE *
guestfs_int_trace_open (guestfs_h *g)
{
  g->trace_buf = NULL;
  g->trace_len = 0;
  return open_memstream (&g->trace_buf, &g->trace_len);
}

void
guestfs_int_trace_close (guestfs_h *g, FILE *tr)
{
  fclose (tr);
  if (g->trace_buf == NULL)
    return;
  guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_TRACE, g->trace_buf, g->trace_len);
  free (g->trace_buf);
  g->trace_buf = NULL;
}

void
guestfs_int_trace_error (guestfs_h *g, const char *name, const char *errv)
{
  FILE *tr = guestfs_int_trace_open (g);

  if (tr) {
    fprintf (tr, "%s = %s (error)", name, errv);
    guestfs_int_trace_close (g, tr);
  }
}

static void
quoted (FILE *tr, const char *s, size_t len)
{
  fputc ('"', tr);
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\')
      fprintf (tr, "\\%c", c);
    else if (c < 32 || c >= 127)
      fprintf (tr, "\\x%02x", c);
    else
      fputc (c, tr);
  }
  fputc ('"', tr);
}

void
guestfs_int_trace_str (FILE *tr, const char *s)
{
  fputc (' ', tr);
  if (s)
    quoted (tr, s, strlen (s));
  else
    fputs ("NULL", tr);
}

void
guestfs_int_trace_strlist (FILE *tr, char *const *l)
{
  fputs (" \"", tr);
  for (size_t i = 0; l && l[i]; ++i) {
    if (i)
      fputc (' ', tr);
    fputs (l[i], tr);
  }
  fputc ('"', tr);
}

void
guestfs_int_trace_buffer (FILE *tr, const char *buf, size_t len)
{
  fputc (' ', tr);
  if (len > 64) {
    quoted (tr, buf, 64);
    fprintf (tr, "<truncated, original size %zu bytes>", len);
  }
  else
    quoted (tr, buf, len);
}

void
guestfs_int_trace_optarg_str (FILE *tr, const char *name, const char *s)
{
  fprintf (tr, " \"%s:%s\"", name, s);
}

void
guestfs_int_trace_optarg_strlist (FILE *tr, const char *name, char *const *l)
{
  fprintf (tr, " \"%s:", name);
  for (size_t i = 0; l && l[i]; ++i)
    fprintf (tr, "%s%s", i ? " " : "", l[i]);
  fputc ('"', tr);
}

void
guestfs_int_trace_retlist (FILE *tr, char *const *l)
{
  fputc ('[', tr);
  for (size_t i = 0; l[i]; ++i) {
    if (i)
      fputs (", ", tr);
    quoted (tr, l[i], strlen (l[i]));
  }
  fputc (']', tr);
}
