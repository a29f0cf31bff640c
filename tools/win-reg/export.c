/* virt-win-reg: a key of a hive as regedit text, as libguestfs's
 * virt-win-reg prints it (Win::Hivex::Regedit's export): "[PREFIX\PATH]",
 * the values sorted by name ("@" for the default value), DWORDs as
 * dword:XXXXXXXX and everything else as hex(TYPE):bytes (strings too,
 * unless --unsafe-printable-strings), a blank line, then each subkey
 * sorted by name.  Also one value printed as hivexget prints it.  The
 * hive is untrusted: unreadable values and keys are skipped with a
 * warning, and nesting is bounded (Windows allows 512 levels).
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>

#include "options.h"
#include "win-reg.h"

#define MAX_DEPTH 512

hive_node_h
winreg_lookup (hive_h *h, const char *path)
{
  hive_node_h node = hivex_root (h);
  char *copy = strdup (path), *p, *save = NULL;
  size_t depth = 0;

  if (copy == NULL || node == 0) {
    free (copy);
    return 0;
  }
  /* Empty components in the middle ("A\\\\B") match nothing. */
  for (p = copy; *p == '\\'; ++p)
    ;
  if (strstr (p, "\\\\")) {
    free (copy);
    return 0;
  }
  for (char *name = strtok_r (p, "\\", &save); name && node;
       name = strtok_r (NULL, "\\", &save)) {
    if (++depth > MAX_DEPTH)
      node = 0;
    else
      node = hivex_node_get_child (h, node, name);
  }
  free (copy);
  return node;
}

/* "\\A\\B" for NODE, names as the hive spells them. */
static char *
canonical_path (hive_h *h, hive_node_h node)
{
  hive_node_h root = hivex_root (h);
  char *path = strdup (""), *name, *np;

  for (size_t depth = 0; path && node != root; ++depth) {
    if (depth > MAX_DEPTH || (name = hivex_node_name (h, node)) == NULL) {
      free (path);
      return NULL;
    }
    if (asprintf (&np, "\\%s%s", name, path) == -1)
      np = NULL;
    free (name);
    free (path);
    path = np;
    node = hivex_node_parent (h, node);
    if (node == 0) {
      free (path);
      return NULL;
    }
  }
  if (path && *path == '\0') {
    free (path);
    path = strdup ("\\");
  }
  return path;
}

struct value {
  char *key;
  hive_type type;
  char *data;
  size_t len;
};

static int
compare_values (const void *a, const void *b)
{
  return strcmp (((const struct value *) a)->key,
                 ((const struct value *) b)->key);
}

struct child {
  char *name;
  hive_node_h node;
};

static int
compare_children (const void *a, const void *b)
{
  return strcmp (((const struct child *) a)->name,
                 ((const struct child *) b)->name);
}

/* Print S with backslashes and double quotes escaped. */
static void
print_escaped (const char *s)
{
  for (; *s; ++s) {
    if (*s == '\\' || *s == '"')
      putchar ('\\');
    putchar (*s);
  }
}

static void
put_utf8 (uint32_t c)
{
  if (c < 0x80)
    putchar (c);
  else if (c < 0x800) {
    putchar (0xc0 | (c >> 6));
    putchar (0x80 | (c & 0x3f));
  }
  else if (c < 0x10000) {
    putchar (0xe0 | (c >> 12));
    putchar (0x80 | ((c >> 6) & 0x3f));
    putchar (0x80 | (c & 0x3f));
  }
  else {
    putchar (0xf0 | (c >> 18));
    putchar (0x80 | ((c >> 12) & 0x3f));
    putchar (0x80 | ((c >> 6) & 0x3f));
    putchar (0x80 | (c & 0x3f));
  }
}

/* UTF-16LE DATA as UTF-8, without one final U+0000, quotes escaped;
 * unpaired surrogates become U+FFFD.
 */
static void
print_utf16le (const unsigned char *data, size_t len)
{
  size_t n = len / 2;

  if (n > 0 && data[2*n-2] == 0 && data[2*n-1] == 0)
    n--;
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = data[2*i] | (data[2*i+1] << 8);

    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      uint32_t d = data[2*i+2] | (data[2*i+3] << 8);

      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
      else
        c = 0xfffd;
    }
    else if (c >= 0xd800 && c < 0xe000)
      c = 0xfffd;
    if (c == '"')
      putchar ('\\');
    put_utf8 (c);
  }
}

static void
print_value (const struct value *v, int unsafe_printable_strings)
{
  if (v->key[0] == '\0')
    fputs ("@=", stdout);
  else {
    putchar ('"');
    print_escaped (v->key);
    fputs ("\"=", stdout);
  }
  if (v->type == hive_t_REG_DWORD && v->len == 4) {
    const unsigned char *d = (const unsigned char *) v->data;

    printf ("dword:%08" PRIx32 "\n",
            (uint32_t) d[0] | (uint32_t) d[1] << 8 |
            (uint32_t) d[2] << 16 | (uint32_t) d[3] << 24);
  }
  else if (unsafe_printable_strings &&
           (v->type == hive_t_REG_SZ || v->type == hive_t_REG_EXPAND_SZ)) {
    printf ("str(%x):\"", (unsigned) v->type);
    print_utf16le ((const unsigned char *) v->data, v->len);
    fputs ("\"\n", stdout);
  }
  else {
    printf ("hex(%x):", (unsigned) v->type);
    for (size_t i = 0; i < v->len; ++i)
      printf (i ? ",%02x" : "%02x", (unsigned char) v->data[i]);
    putchar ('\n');
  }
}

static void
print_values (hive_h *h, hive_node_h node, const char *path,
              int unsafe_printable_strings)
{
  hive_value_h *vals = hivex_node_values (h, node);
  struct value *list;
  size_t n = 0, nr;

  if (vals == NULL) {
    tools_error ("warning: failed to read node values at %s", path);
    return;
  }
  for (nr = 0; vals[nr]; ++nr)
    ;
  list = calloc (nr ? nr : 1, sizeof *list);
  if (list == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  for (size_t i = 0; i < nr; ++i) {
    struct value *v = &list[n];

    v->key = hivex_value_key (h, vals[i]);
    v->data = v->key ? hivex_value_value (h, vals[i], &v->type, &v->len)
                     : NULL;
    if (v->data == NULL) {
      tools_error ("warning: skipping unreadable value of key: %s in %s",
                   v->key ? v->key : "?", path);
      free (v->key);
      continue;
    }
    n++;
  }
  qsort (list, n, sizeof *list, compare_values);
  for (size_t i = 0; i < n; ++i) {
    print_value (&list[i], unsafe_printable_strings);
    free (list[i].key);
    free (list[i].data);
  }
  free (list);
  free (vals);
}

static void
export_node (hive_h *h, hive_node_h node, const char *path,
             const char *prefix, size_t depth, int unsafe_printable_strings)
{
  hive_node_h *children;
  struct child *list;
  size_t n = 0, nr;

  printf ("[%s%s]\n", prefix, path);
  print_values (h, node, path, unsafe_printable_strings);
  putchar ('\n');

  if (depth >= MAX_DEPTH) {
    tools_error ("warning: %s: keys nested too deep, not exported", path);
    return;
  }
  children = hivex_node_children (h, node);
  if (children == NULL) {
    tools_error ("warning: could not get children of %s", path);
    return;
  }
  for (nr = 0; children[nr]; ++nr)
    ;
  list = calloc (nr ? nr : 1, sizeof *list);
  if (list == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  for (size_t i = 0; i < nr; ++i) {
    list[n].name = hivex_node_name (h, children[i]);
    list[n].node = children[i];
    if (list[n].name)
      n++;
  }
  qsort (list, n, sizeof *list, compare_children);
  for (size_t i = 0; i < n; ++i) {
    char *cpath;

    if (asprintf (&cpath, "%s%s%s", path, STREQ (path, "\\") ? "" : "\\",
                  list[i].name) == -1) {
      perror ("asprintf");
      exit (EXIT_FAILURE);
    }
    export_node (h, list[i].node, cpath, prefix, depth + 1,
                 unsafe_printable_strings);
    free (cpath);
    free (list[i].name);
  }
  free (list);
  free (children);
}

int
winreg_export (hive_h *h, const char *path, const char *prefix,
               int unsafe_printable_strings)
{
  hive_node_h node = winreg_lookup (h, path);
  char *cpath, *pfx;
  size_t n;

  if (node == 0) {
    tools_error ("%s: path not found in this hive", path);
    return -1;
  }
  cpath = canonical_path (h, node);
  if (cpath == NULL) {
    tools_error ("%s: cannot read the names of this key", path);
    return -1;
  }
  /* The prefix loses a trailing backslash; the path starts with one. */
  pfx = strdup (prefix);
  if (pfx == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  n = strlen (pfx);
  if (n > 0 && pfx[n-1] == '\\')
    pfx[n-1] = '\0';
  export_node (h, node, cpath, pfx, 0, unsafe_printable_strings);
  free (pfx);
  free (cpath);
  return 0;
}

int
winreg_print_value (hive_h *h, const char *path, const char *name)
{
  hive_node_h node = winreg_lookup (h, path);
  hive_value_h v;
  hive_type t;
  size_t len;

  if (node == 0) {
    tools_error ("%s: path not found in this hive", path);
    return -1;
  }
  v = hivex_node_get_value (h, node, STREQ (name, "@") ? "" : name);
  if (v == 0) {
    tools_error ("%s: value not found in %s", name, path);
    return -1;
  }
  if (hivex_value_type (h, v, &t, &len) == -1)
    goto error;
  switch (t) {
  case hive_t_REG_SZ: case hive_t_REG_EXPAND_SZ: case hive_t_REG_LINK: {
    char *s = hivex_value_string (h, v);

    if (s == NULL)
      goto error;
    puts (s);
    free (s);
    break;
  }
  case hive_t_REG_DWORD: case hive_t_REG_DWORD_BIG_ENDIAN:
    errno = 0;
    {
      int32_t d = hivex_value_dword (h, v);

      if (d == -1 && errno)
        goto error;
      printf ("%" PRIi32 "\n", d);
    }
    break;
  case hive_t_REG_QWORD:
    errno = 0;
    {
      int64_t q = hivex_value_qword (h, v);

      if (q == -1 && errno)
        goto error;
      printf ("%" PRIi64 "\n", q);
    }
    break;
  case hive_t_REG_MULTI_SZ: {
    char **strs = hivex_value_multiple_strings (h, v);

    if (strs == NULL)
      goto error;
    for (size_t i = 0; strs[i]; ++i)
      puts (strs[i]);
    tools_free_strings (strs);
    break;
  }
  default: {
    char *data = hivex_value_value (h, v, &t, &len);

    if (data == NULL)
      goto error;
    fwrite (data, 1, len, stdout);
    free (data);
  }
  }
  return 0;

 error:
  tools_error ("%s\\%s: cannot read this value: %s", path, name,
               strerror (errno));
  return -1;
}
