/* virt-win-reg --merge: regedit text merged into the guest's hives, with
 * the syntax and meaning of Win::Hivex::Regedit's import (which
 * libguestfs's virt-win-reg uses): "[KEY]" sections of values
 * ("NAME"="string", dword:XXXXXXXX, hex:..., hex(T):..., str(T):"...",
 * @ for the default value, "NAME"=- to delete one), "[-KEY]" to delete
 * a key, a backslash at the end of a line to continue it, and a blank
 * line ending a section.  A missing key is created if its parent
 * exists.  Each hive touched is copied to the host, opened for writing
 * with hivex, committed, and uploaded back when everything parsed.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>

#include "options.h"
#include "win-reg.h"

/* A line (joined with its continuations) is at most this long. */
#define MAX_LINE (16 << 20)

struct open_hive {
  struct winreg_key key;
  hive_h *h;
};
static struct open_hive *hives;
static size_t nr_hives;

struct merge_state {
  const char *file, *encoding;
  size_t lineno;
  char *section;                    /* the "[KEY]" being read, or NULL */
  hive_set_value *values;           /* new values of the section */
  size_t nr_values;
  char **deletes;                   /* value names to delete */
  size_t nr_deletes;
};

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (p == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  return p;
}

/* The writable hive for registry path REGPATH; *PATH gets the path in
 * it (the caller frees it).
 */
static hive_h *
map_handle (const char *regpath, char **path)
{
  struct winreg_key k;

  winreg_map_path (regpath, &k);
  *path = strdup (k.path);
  for (size_t i = 0; i < nr_hives; ++i)
    if (STREQ (hives[i].key.shortname, k.shortname)) {
      winreg_free_key (&k);
      return hives[i].h;
    }
  hives = xrealloc (hives, (nr_hives + 1) * sizeof *hives);
  hives[nr_hives].key = k;
  hives[nr_hives].h = hivex_open (winreg_local_hive (&k), HIVEX_OPEN_WRITE);
  if (hives[nr_hives].h == NULL) {
    tools_error ("%s: cannot open the registry hive: %s", k.hivefile,
                 strerror (errno));
    exit (EXIT_FAILURE);
  }
  return hives[nr_hives++].h;
}

static int
parse_error (struct merge_state *s, const char *line)
{
  tools_error ("%s: parse error: unexpected text found at line %zu near\n%s",
               s->file, s->lineno, line);
  return -1;
}

/* A quoted string at *P ("..." with backslash escaping the next
 * character): returns it and moves *P past the closing quote, or NULL.
 */
static char *
parse_quoted (const char **p)
{
  const char *s = *p;
  char *out, *o;

  if (*s != '"')
    return NULL;
  out = o = malloc (strlen (s));
  if (out == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  for (s++; *s && *s != '"'; s++) {
    if (*s == '\\' && s[1])
      s++;
    *o++ = *s;
  }
  if (*s != '"') {
    free (out);
    return NULL;
  }
  *o = '\0';
  *p = s + 1;
  return out;
}

/* STR (UTF-8; other bytes taken as Latin-1) plus a final NUL, encoded
 * as UTF-16LE or ASCII ('?' for what ASCII cannot hold).
 */
static char *
encode_string (const char *str, const char *encoding, size_t *len)
{
  int ascii = strcasecmp (encoding, "ASCII") == 0;
  const unsigned char *s = (const unsigned char *) str;
  char *out = malloc (4 * strlen (str) + 4);
  size_t n = 0;

  if (out == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  for (;;) {
    uint32_t c = *s;
    int more = 0;

    if (c >= 0xc2 && c < 0xe0) { c &= 0x1f; more = 1; }
    else if (c >= 0xe0 && c < 0xf0) { c &= 0x0f; more = 2; }
    else if (c >= 0xf0 && c < 0xf5) { c &= 0x07; more = 3; }
    for (int i = 1; i <= more; ++i)
      if ((s[i] & 0xc0) != 0x80) {
        c = *s;
        more = 0;
        break;
      }
    for (int i = 1; i <= more; ++i)
      c = (c << 6) | (s[i] & 0x3f);
    s += 1 + more;

    if (ascii)
      out[n++] = c < 0x80 ? (char) c : '?';
    else if (c >= 0x10000) {
      uint32_t hi = 0xd800 + ((c - 0x10000) >> 10);
      uint32_t lo = 0xdc00 + ((c - 0x10000) & 0x3ff);

      out[n++] = hi & 0xff; out[n++] = hi >> 8;
      out[n++] = lo & 0xff; out[n++] = lo >> 8;
    }
    else {
      out[n++] = c & 0xff;
      out[n++] = c >> 8;
    }
    if (c == 0)
      break;
  }
  *len = n;
  return out;
}

static char *
hex_data (const char *s, size_t *len)
{
  char *out = malloc (strlen (s) / 2 + 2);
  size_t n = 0;
  int nibbles = 0;

  if (out == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  for (; *s; ++s) {
    int v;

    if (*s == ',' || isspace ((unsigned char) *s))
      continue;
    if (!isxdigit ((unsigned char) *s)) {
      free (out);
      return NULL;
    }
    v = isdigit ((unsigned char) *s) ? *s - '0'
        : tolower ((unsigned char) *s) - 'a' + 10;
    if (nibbles++ % 2 == 0)
      out[n++] = v << 4;
    else
      out[n-1] |= v;
  }
  *len = n;
  return out;
}

/* The value part after "=": fills V (key set by the caller). */
static int
parse_value (const char *s, const char *encoding, hive_set_value *v)
{
  char *str, *end;
  const char *p;

  if (strncmp (s, "dword:", 6) == 0) {
    unsigned long d;
    size_t i;

    for (i = 0; i < 8; ++i)
      if (!isxdigit ((unsigned char) s[6+i]))
        return -1;
    if (s[14] != '\0')
      return -1;
    d = strtoul (s + 6, NULL, 16);
    v->t = hive_t_REG_DWORD;
    v->value = malloc (4);
    if (v->value == NULL)
      return -1;
    for (i = 0; i < 4; ++i)
      v->value[i] = (d >> (8 * i)) & 0xff;
    v->len = 4;
    return 0;
  }
  if (strncmp (s, "hex:", 4) == 0) {
    v->t = hive_t_REG_BINARY;
    v->value = hex_data (s + 4, &v->len);
    return v->value ? 0 : -1;
  }
  if (strncmp (s, "hex(", 4) == 0 || strncmp (s, "str(", 4) == 0) {
    unsigned long t;

    if (!isxdigit ((unsigned char) s[4]))
      return -1;
    errno = 0;
    t = strtoul (s + 4, &end, 16);
    if (errno || t > 0xffffffff || end[0] != ')' || end[1] != ':')
      return -1;
    v->t = (hive_type) t;
    if (s[0] == 'h') {
      v->value = hex_data (end + 2, &v->len);
      return v->value ? 0 : -1;
    }
    p = end + 2;
  }
  else if (strncmp (s, "str:", 4) == 0) {
    v->t = hive_t_REG_SZ;
    p = s + 4;
  }
  else {
    v->t = hive_t_REG_SZ;
    p = s;
  }
  /* A quoted string, which must end the line. */
  if (*p != '"' || p[strlen (p) - 1] != '"' || strlen (p) < 2)
    return -1;
  str = parse_quoted (&p);
  if (str == NULL)
    return -1;
  v->value = encode_string (str, encoding, &v->len);
  free (str);
  return 0;
}

static void
clear_section (struct merge_state *s)
{
  for (size_t i = 0; i < s->nr_values; ++i) {
    free (s->values[i].key);
    free (s->values[i].value);
  }
  for (size_t i = 0; i < s->nr_deletes; ++i)
    free (s->deletes[i]);
  free (s->values);
  free (s->deletes);
  free (s->section);
  s->values = NULL;
  s->deletes = NULL;
  s->section = NULL;
  s->nr_values = s->nr_deletes = 0;
}

static int
is_deleted (const struct merge_state *s, const char *key)
{
  for (size_t i = 0; i < s->nr_deletes; ++i)
    if (strcasecmp (s->deletes[i], key) == 0)
      return 1;
  for (size_t i = 0; i < s->nr_values; ++i)
    if (strcasecmp (s->values[i].key, key) == 0)
      return 1;
  return 0;
}

/* Write the section's values into its key (created if missing). */
static int
merge_section (struct merge_state *s)
{
  char *path;
  hive_h *h = map_handle (s->section, &path);
  hive_node_h node = winreg_lookup (h, path);
  hive_value_h *old;
  hive_set_value *all = NULL;
  size_t n = 0;
  int r = -1;

  if (node == 0) {
    char *name = strrchr (path, '\\'), *parent;

    if (name == NULL || name[1] == '\0' ||
        (parent = strndup (path, name - path + 1)) == NULL) {
      tools_error ("%s: cannot create this key", s->section);
      goto out;
    }
    if ((node = winreg_lookup (h, parent)) == 0) {
      tools_error ("%s: cannot create this key since its parent %s does "
                   "not exist", s->section, parent);
      free (parent);
      goto out;
    }
    free (parent);
    node = hivex_node_add_child (h, node, name + 1);
    if (node == 0) {
      tools_error ("%s: cannot create this key: %s", s->section,
                   strerror (errno));
      goto out;
    }
  }
  old = hivex_node_values (h, node);
  if (old == NULL) {
    tools_error ("%s: cannot read the values of this key", s->section);
    goto out;
  }
  for (size_t i = 0; old[i]; ++i) {
    hive_set_value v;

    v.key = hivex_value_key (h, old[i]);
    v.value = v.key ? hivex_value_value (h, old[i], &v.t, &v.len) : NULL;
    if (v.value == NULL || is_deleted (s, v.key)) {
      free (v.key);
      free (v.value);
      continue;
    }
    all = xrealloc (all, (n + 1) * sizeof *all);
    all[n++] = v;
  }
  free (old);
  all = xrealloc (all, (n + s->nr_values) * sizeof *all);
  memcpy (&all[n], s->values, s->nr_values * sizeof *all);
  if (hivex_node_set_values (h, node, n + s->nr_values, all, 0) == -1)
    tools_error ("%s: cannot set the values of this key: %s", s->section,
                 strerror (errno));
  else
    r = 0;
  for (size_t i = 0; i < n; ++i) {
    free (all[i].key);
    free (all[i].value);
  }
  free (all);
 out:
  free (path);
  return r;
}

static int
delete_key (const char *regpath)
{
  char *path;
  hive_h *h = map_handle (regpath, &path);
  hive_node_h node = winreg_lookup (h, path);
  int r = 0;

  if (node == 0)
    ;                           /* already gone */
  else if (node == hivex_root (h)) {
    tools_error ("%s: the root key of a hive cannot be deleted", regpath);
    r = -1;
  }
  else if (hivex_node_delete_child (h, node) == -1) {
    tools_error ("%s: cannot delete this key: %s", regpath, strerror (errno));
    r = -1;
  }
  free (path);
  return r;
}

static int
blank_or_comment (const char *l)
{
  while (isspace ((unsigned char) *l))
    l++;
  return *l == '\0' || *l == ';';
}

static int
merge_line (struct merge_state *s, char *line)
{
  size_t n = strlen (line);

  if (s->section == NULL) {
    if (blank_or_comment (line) || strstr (line, "Windows Registry Editor Version") ||
        strncmp (line, "REGEDIT", 7) == 0)
      return 0;
    while (n > 0 && isspace ((unsigned char) line[n-1]))
      line[--n] = '\0';
    if (n < 2 || line[0] != '[' || line[n-1] != ']')
      return parse_error (s, line);
    line[n-1] = '\0';
    if (line[1] == '-')
      return delete_key (line + 2);
    s->section = strdup (line + 1);
    return s->section ? 0 : -1;
  }

  /* In a section. */
  {
    const char *p = line;
    hive_set_value v = { 0 };

    while (n > 0 && isspace ((unsigned char) line[n-1]))
      line[--n] = '\0';          /* trailing blanks are not the value's */
    if (line[0] == '"' || line[0] == '@') {
      if (line[0] == '@') {
        v.key = strdup ("");
        p = line + 1;
      }
      else if ((v.key = parse_quoted (&p)) == NULL)
        return parse_error (s, line);
      if (*p != '=') {
        free (v.key);
        return parse_error (s, line);
      }
      p++;
      if (p[0] == '-' && blank_or_comment (p + 1) && !strchr (p + 1, ';')) {
        s->deletes = xrealloc (s->deletes,
                               (s->nr_deletes + 1) * sizeof *s->deletes);
        s->deletes[s->nr_deletes++] = v.key;
        return 0;
      }
      if (parse_value (p, s->encoding, &v) == -1) {
        free (v.key);
        free (v.value);
        return parse_error (s, line);
      }
      s->values = xrealloc (s->values, (s->nr_values + 1) * sizeof *s->values);
      s->values[s->nr_values++] = v;
      return 0;
    }
    if (blank_or_comment (line)) {
      int r = merge_section (s);

      clear_section (s);
      return r;
    }
    return parse_error (s, line);
  }
}

int
winreg_merge (FILE *fp, const char *name, const char *encoding)
{
  struct merge_state s = { .file = name, .encoding = encoding };
  char *line = NULL, *joined = NULL;
  size_t cap = 0, jlen = 0;
  ssize_t n;
  int r = 0;

  while (r == 0 && (n = getline (&line, &cap, fp)) != -1) {
    s.lineno++;
    if (n > 0 && line[n-1] == '\n')
      line[--n] = '\0';
    if (n > 0 && line[n-1] == '\r')
      line[--n] = '\0';
    if (jlen + n + 1 > MAX_LINE) {
      tools_error ("%s: line %zu: too long", name, s.lineno);
      r = -1;
      break;
    }
    joined = xrealloc (joined, jlen + n + 1);
    memcpy (joined + jlen, line, n + 1);
    jlen += n;
    /* A backslash (and blanks) at the end continues the line. */
    {
      size_t e = jlen;

      while (e > 0 && isspace ((unsigned char) joined[e-1]))
        e--;
      if (e > 0 && joined[e-1] == '\\') {
        jlen = e - 1;
        joined[jlen] = '\0';
        continue;
      }
    }
    r = merge_line (&s, joined);
    jlen = 0;
  }
  if (r == 0 && jlen > 0)
    r = merge_line (&s, joined);
  if (r == 0 && s.section)
    r = merge_section (&s);
  clear_section (&s);
  free (line);
  free (joined);
  return r;
}

int
winreg_merge_commit (void)
{
  for (size_t i = 0; i < nr_hives; ++i) {
    if (hivex_commit (hives[i].h, NULL, 0) == -1) {
      tools_error ("%s: cannot write the registry hive: %s",
                   hives[i].key.hivefile, strerror (errno));
      return -1;
    }
    hivex_close (hives[i].h);
    hives[i].h = NULL;
    winreg_upload_hive (&hives[i].key);
    winreg_free_key (&hives[i].key);
  }
  free (hives);
  hives = NULL;
  nr_hives = 0;
  return 0;
}
