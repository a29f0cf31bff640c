/* tools/common: print a json-c document on stdout in the one style every
 * tool's --json uses (pretty, spaced, '/' not escaped, a final newline),
 * then free it; and make strings from guest data, which need not be
 * UTF-8 (JSON text must be).  Header-only so that only the tools that
 * output JSON link json-c.
 */

#ifndef GUESTKIT_TOOLS_JSON_PRINT_H
#define GUESTKIT_TOOLS_JSON_PRINT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json.h>

static inline void
tools_json_print (json_object *doc)
{
  printf ("%s\n",
          json_object_to_json_string_ext (doc,
                                          JSON_C_TO_STRING_PRETTY |
                                          JSON_C_TO_STRING_SPACED |
                                          JSON_C_TO_STRING_NOSLASHESCAPE));
  json_object_put (doc);
}

/* The length of the valid UTF-8 sequence at S, or 0. */
static inline size_t
tools_utf8_len (const unsigned char *s)
{
  size_t n, i;
  unsigned cp;

  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xc2 && s[0] <= 0xdf)
    n = 2, cp = s[0] & 0x1f;
  else if (s[0] >= 0xe0 && s[0] <= 0xef)
    n = 3, cp = s[0] & 0x0f;
  else if (s[0] >= 0xf0 && s[0] <= 0xf4)
    n = 4, cp = s[0] & 0x07;
  else
    return 0;
  for (i = 1; i < n; ++i) {
    if ((s[i] & 0xc0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3f);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
    return 0;
  return n;
}

/* A string member, or null for NULL (and for "" when EMPTY_IS_NULL).
 * Each byte that is not part of valid UTF-8 becomes U+FFFD.
 */
static inline json_object *
tools_json_string (const char *s, int empty_is_null)
{
  const unsigned char *p;
  char *fixed, *q;
  json_object *o;
  size_t n;

  if (s == NULL || (empty_is_null && *s == '\0'))
    return NULL;
  for (p = (const unsigned char *) s; *p; p += n)
    if ((n = tools_utf8_len (p)) == 0)
      break;
  if (*p == '\0')
    return json_object_new_string (s);
  fixed = q = malloc (3 * strlen (s) + 1);
  if (fixed == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  for (p = (const unsigned char *) s; *p; p += n) {
    n = tools_utf8_len (p);
    if (n == 0) {
      memcpy (q, "\xef\xbf\xbd", 3);
      q += 3;
      n = 1;
    }
    else {
      memcpy (q, p, n);
      q += n;
    }
  }
  *q = '\0';
  o = json_object_new_string (fixed);
  free (fixed);
  return o;
}

#endif /* GUESTKIT_TOOLS_JSON_PRINT_H */
