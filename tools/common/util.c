/* tools/common: small helpers shared by the tools -- sizes in
 * libguestfs's human-readable form, CSV fields and booleans.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "options.h"

/* Like gnulib's human_readable with human_autoscale | human_base_1024 |
 * human_SI, which libguestfs's tools use: below 1024 the plain number;
 * otherwise scaled by powers of 1024, one decimal when under 10, and the
 * dropped part rounded up (or to nearest, ties to even).
 */
char *
tools_human_size (unsigned long long bytes, int nearest, char *buf)
{
  static const char suffixes[] = "KMGTPE";
  unsigned long long amt = bytes, div = 1;
  unsigned __int128 num;
  unsigned long long scaled, r;
  int e = -1, tenths;

  if (bytes < 1024) {
    snprintf (buf, 32, "%llu", bytes);
    return buf;
  }
  while (amt >= 1024) {
    amt /= 1024;
    div *= 1024;
    e++;
  }
  /* bytes / div is in [1, 1024): count in tenths below 10. */
  tenths = amt < 10;
  num = (unsigned __int128) bytes * (tenths ? 10 : 1);
  scaled = (unsigned long long) (num / div);
  r = (unsigned long long) (num % div);
  if (nearest) {
    if (2 * (unsigned __int128) r > div ||
        (2 * (unsigned __int128) r == div && (scaled & 1)))
      scaled++;
  }
  else if (r > 0)
    scaled++;

  if (tenths && scaled < 100)
    snprintf (buf, 32, "%llu.%llu%c", scaled / 10, scaled % 10, suffixes[e]);
  else if (tenths)              /* 9.95 became 10 */
    snprintf (buf, 32, "%llu%c", scaled / 10, suffixes[e]);
  else if (scaled >= 1024 && e < 5)
    snprintf (buf, 32, "1.0%c", suffixes[e+1]);
  else
    snprintf (buf, 32, "%llu%c", scaled, suffixes[e]);
  return buf;
}

void
tools_csv_field (FILE *fp, const char *field)
{
  if (strpbrk (field, ", \"\n\r") == NULL) {
    fputs (field, fp);
    return;
  }
  fputc ('"', fp);
  for (const char *p = field; *p; ++p) {
    if (*p == '"')
      fputc ('"', fp);
    fputc (*p, fp);
  }
  fputc ('"', fp);
}

int
tools_parse_bool (const char *s)
{
  static const char *const yes[] = { "true", "yes", "on", "1", NULL };
  static const char *const no[] = { "false", "no", "off", "0", NULL };

  for (size_t i = 0; yes[i]; ++i) {
    if (STRCASEEQ (s, yes[i]))
      return 1;
    if (STRCASEEQ (s, no[i]))
      return 0;
  }
  return -1;
}

int
tools_finish (int errors)
{
  if (guestfs_shutdown (tools.g) == -1)
    errors++;
  guestfs_close (tools.g);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
