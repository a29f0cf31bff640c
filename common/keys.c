/* Keys and passphrases for guestfish and the tools.  Key parameters of
 * commands are never taken from the command line: keys_read prompts on
 * /dev/tty with echo off (--echo-keys leaves echo on), or reads one line
 * of stdin with --keys-from-stdin or when there is no terminal.  --key
 * SELECTOR records keys for the LUKS devices that -i opens, as
 * libguestfs's tools do: ID:key:STRING, ID:file:FILENAME (the first line
 * of the file) or ID:clevis, where ID is a device name or LUKS UUID.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <errno.h>
#include <termios.h>
#include <unistd.h>

#include "keys.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)

struct keys_settings keys_settings = { .program = "guestfish" };

struct key {
  char *id;                         /* device name or UUID */
  enum { KEY_STRING, KEY_FILE, KEY_CLEVIS } type;
  char *value;                      /* the string, or the file name */
};
static struct key *keys;
static size_t nr_keys;

char *
keys_read (const char *param)
{
  FILE *in = NULL, *out = stdout;
  struct termios old, noecho;
  bool restore = false;
  char *line = NULL;
  size_t alloc = 0;
  ssize_t len;
  int err;

  if (!keys_settings.from_stdin) {
    in = fopen ("/dev/tty", "w+e");
    out = in;
  }
  if (in == NULL) {
    in = stdin;
    out = stdout;
  }

  if (isatty (fileno (in))) {
    fprintf (out, "Enter key or passphrase (\"%s\"): ", param);
    fflush (out);
    if (!keys_settings.echo && tcgetattr (fileno (in), &old) == 0) {
      noecho = old;
      noecho.c_lflag &= ~ECHO;
      if (tcsetattr (fileno (in), TCSAFLUSH, &noecho) == 0)
        restore = true;
    }
  }

  errno = 0;
  len = getline (&line, &alloc, in);
  err = len == -1 && ferror (in) ? errno : 0;
  if (restore) {
    tcsetattr (fileno (in), TCSAFLUSH, &old);
    fputc ('\n', out);
    fflush (out);
  }
  if (in != stdin)
    fclose (in);

  if (len == -1) {
    if (err != 0)
      fprintf (stderr, "%s: reading the key for \"%s\": %s\n",
               keys_settings.program, param, strerror (err));
    else
      fprintf (stderr, "%s: no key for \"%s\" (end of input)\n",
               keys_settings.program, param);
    free (line);
    return NULL;
  }
  if (in == stdin && keys_settings.read_from_stdin)
    keys_settings.read_from_stdin ();
  if (len > 0 && line[len-1] == '\n')
    line[--len] = '\0';
  return line;
}

static void __attribute__((noreturn))
bad_selector (const char *selector, const char *why)
{
  fprintf (stderr, "%s: selector '%s': %s\n", keys_settings.program,
           selector, why);
  exit (EXIT_FAILURE);
}

void
keys_add_selector (const char *selector)
{
  char *copy, *id, *type, *value, *extra;
  struct key *nk, k;

  copy = strdup (selector);
  if (copy == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  id = copy;
  type = strchr (id, ':');
  if (type)
    *type++ = '\0';
  value = type ? strchr (type, ':') : NULL;
  if (value)
    *value++ = '\0';
  extra = value ? strchr (value, ':') : NULL;

  if (*id == '\0')
    bad_selector (selector, "missing ID");
  if (type == NULL)
    bad_selector (selector, "missing TYPE");

  if (STREQ (type, "key") || STREQ (type, "file")) {
    /* A key containing ':' would be ambiguous: refused, as libguestfs. */
    if (value == NULL || extra)
      bad_selector (selector, STREQ (type, "key")
                    ? "missing KEY_STRING, or too many fields"
                    : "missing FILENAME, or too many fields");
    k.type = STREQ (type, "key") ? KEY_STRING : KEY_FILE;
    k.value = strdup (value);
    if (k.value == NULL) {
      perror ("strdup");
      exit (EXIT_FAILURE);
    }
  }
  else if (STREQ (type, "clevis")) {
    if (value)
      bad_selector (selector, "too many fields");
    k.type = KEY_CLEVIS;
    k.value = NULL;
  }
  else
    bad_selector (selector, "invalid TYPE");

  k.id = strdup (id);
  nk = realloc (keys, (nr_keys + 1) * sizeof *keys);
  if (k.id == NULL || nk == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  keys = nk;
  keys[nr_keys++] = k;
  /* The secret stays only in keys[]. */
  memset (copy, 0, strlen (selector));
  free (copy);
}

int
keys_have_clevis (void)
{
  for (size_t i = 0; i < nr_keys; ++i)
    if (keys[i].type == KEY_CLEVIS)
      return 1;
  return 0;
}

/* The first line of FILE, without its newline. */
static char *
read_key_file (const char *file)
{
  FILE *fp = fopen (file, "re");
  char *line = NULL;
  size_t alloc = 0;
  ssize_t len;

  if (fp == NULL) {
    fprintf (stderr, "%s: could not read key from %s: %s\n",
             keys_settings.program, file, strerror (errno));
    return NULL;
  }
  len = getline (&line, &alloc, fp);
  fclose (fp);
  if (len == -1) {
    fprintf (stderr, "%s: could not read key from %s: empty file\n",
             keys_settings.program, file);
    free (line);
    return NULL;
  }
  if (len > 0 && line[len-1] == '\n')
    line[len-1] = '\0';
  return line;
}

char **
keys_get (const char *device, const char *uuid, int *clevis)
{
  char **ret = calloc (nr_keys + 2, sizeof (char *));
  size_t n = 0;

  *clevis = 0;
  if (ret == NULL) {
    perror ("calloc");
    return NULL;
  }
  for (size_t i = 0; i < nr_keys; ++i) {
    char *k;

    if (STRNEQ (keys[i].id, device) &&
        (uuid == NULL || STRNEQ (keys[i].id, uuid)))
      continue;
    switch (keys[i].type) {
    case KEY_CLEVIS:
      *clevis = 1;
      continue;
    case KEY_STRING:
      k = strdup (keys[i].value);
      if (k == NULL)
        perror ("strdup");
      break;
    case KEY_FILE:
    default:
      k = read_key_file (keys[i].value);
      break;
    }
    if (k == NULL) {
      keys_free_list (ret);
      return NULL;
    }
    ret[n++] = k;
  }

  /* Nothing given for this device: ask, as for any Key parameter. */
  if (n == 0 && !*clevis) {
    ret[0] = keys_read (device);
    if (ret[0] == NULL) {
      free (ret);
      return NULL;
    }
  }
  return ret;
}

void
keys_free_list (char **keys)
{
  if (keys == NULL)
    return;
  for (size_t i = 0; keys[i]; ++i) {
    memset (keys[i], 0, strlen (keys[i]));
    free (keys[i]);
  }
  free (keys);
}
